// Tests for pipeline/normalize.h on label and heading text from real reports.
#include "pipeline/normalize.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>
#include <vector>

namespace zfxxgk {
namespace {

struct Case {
  const char* in;
  const char* out;
};

TEST(NormalizeNfkcTest, FoldsFullWidthDigitsAndBrackets) {
  const Case cases[] = {
      {"（一）１２", "(一)12"},
      {"第二十条第（五）项", "第二十条第(五)项"},
      {"１２３４５６７８９０", "1234567890"},
      {"（七）总计", "(七)总计"},
      {"ＡＢＣ", "ABC"},
      {"本年收费金额（单位：万元）", "本年收费金额(单位:万元)"},
  };
  for (const Case& c : cases) EXPECT_EQ(NormalizeNfkc(c.in), c.out) << c.in;
}

TEST(NormalizeNfkcTest, KeepsHanAndIdeographicComma) {
  EXPECT_EQ(NormalizeNfkc("一、总体情况"), "一、总体情况");
  EXPECT_EQ(NormalizeNfkc(""), "");
}

TEST(NormalizeNfkcTest, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(NormalizeNfkc("a\xff" "b"), "a\xEF\xBF\xBD" "b");
}

TEST(NormalizeForMatchTest, DropsAsciiAndIdeographicSpaces) {
  const Case cases[] = {
      {"1、 属于“三安全一稳定”", "1、属于三安全一稳定"},
      {"一、　总体情况", "一、总体情况"},               // U+3000
      {"沐阳县人民政府 2025 年 政府信息公开", "沐阳县人民政府2025年政府信息公开"},
      {"规章\t0\u00A00", "规章00"},                     // tab, NBSP
      {"  （一）予以公开  ", "(一)予以公开"},
  };
  for (const Case& c : cases) EXPECT_EQ(NormalizeForMatch(c.in), c.out) << c.in;
}

TEST(NormalizeForMatchTest, DropsQuoteMarks) {
  const Case cases[] = {
      {"3.危及“三安全一稳定”", "3.危及三安全一稳定"},
      {"‘单引号’", "单引号"},
      {"「三类内部事务信息」『四类』", "三类内部事务信息四类"},
      {"\"ascii\" 'quotes'", "asciiquotes"},
  };
  for (const Case& c : cases) EXPECT_EQ(NormalizeForMatch(c.in), c.out) << c.in;
}

TEST(NormalizeForMatchTest, FoldsQitaToQita) {
  const Case cases[] = {
      {"六、其它需要报告的事项", "六、其他需要报告的事项"},
      {"3.其它", "3.其他"},
      {"其他法律行政法规禁止公开", "其他法律行政法规禁止公开"},
      {"它们", "它们"},  // 它 alone is not folded
  };
  for (const Case& c : cases) EXPECT_EQ(NormalizeForMatch(c.in), c.out) << c.in;
}

TEST(NormalizeForMatchTest, FoldsDashVariantsToAscii) {
  const Case cases[] = {
      {"—", "-"},   // U+2014
      {"－", "-"},  // U+FF0D
      {"–", "-"},   // U+2013
      {"−70", "-70"},  // U+2212
      {"2021—2035", "2021-2035"},
  };
  for (const Case& c : cases) EXPECT_EQ(NormalizeForMatch(c.in), c.out) << c.in;
}

TEST(NormalizeForMatchWithSpacesTest, RecordsSpaceBeforeEachByte) {
  MatchText m = NormalizeForMatchWithSpaces("规章 0 0 3");
  EXPECT_EQ(m.text, "规章003");
  EXPECT_EQ(m.spaces, (std::vector<size_t>{6, 7, 8}));  // before each digit
  EXPECT_FALSE(m.SpaceBefore(5));
  EXPECT_TRUE(m.SpaceBefore(7));
}

TEST(NormalizeForMatchWithSpacesTest, MarksOnlyFirstByteOfMultiByteCharacter) {
  MatchText m = NormalizeForMatchWithSpaces("0　规章");  // U+3000 before 规
  EXPECT_EQ(m.text, "0规章");
  EXPECT_FALSE(m.SpaceBefore(0));
  EXPECT_TRUE(m.SpaceBefore(1));
  EXPECT_FALSE(m.SpaceBefore(2));
  EXPECT_FALSE(m.SpaceBefore(3));
  EXPECT_FALSE(m.SpaceBefore(4));
}

TEST(NormalizeForMatchWithSpacesTest, TrailingSpaceIsRecordedAtEnd) {
  MatchText m = NormalizeForMatchWithSpaces("500000 5 ");
  EXPECT_EQ(m.text, "5000005");
  EXPECT_TRUE(m.SpaceBefore(6));
  EXPECT_TRUE(m.SpaceBefore(7));
  EXPECT_FALSE(m.SpaceBefore(0));
}

TEST(NormalizeForMatchWithSpacesTest, EmptyInputHasNoSpace) {
  MatchText m = NormalizeForMatchWithSpaces("");
  EXPECT_EQ(m.text, "");
  EXPECT_TRUE(m.spaces.empty());
  EXPECT_FALSE(m.SpaceBefore(0));
}

TEST(NormalizeForMatchWithSpacesTest, TextWithoutWhiteSpaceListsNoSpace) {
  MatchText m = NormalizeForMatchWithSpaces("规章“003”");
  EXPECT_EQ(m.text, "规章003");
  EXPECT_TRUE(m.spaces.empty());
}

TEST(NormalizeForMatchWithSpacesTest, QuoteIsNotASpace) {
  MatchText m = NormalizeForMatchWithSpaces("1“2");
  EXPECT_EQ(m.text, "12");
  EXPECT_FALSE(m.SpaceBefore(1));
}

TEST(CollapseSpacesTest, CollapsesRunsAndTrims) {
  const Case cases[] = {
      {"  a \t b\u3000\u3000c  ", "a b c"},
      {"规章 0   0 3", "规章 0 0 3"},
      {"\n\r", ""},
      {"", ""},
      {"（一）  予以公开", "（一） 予以公开"},  // no NFKC here
  };
  for (const Case& c : cases) EXPECT_EQ(CollapseSpaces(c.in), c.out) << c.in;
}

// Ill-formed UTF-8 takes ICU's UTF-16 path (each bad sequence becomes
// U+FFFD); well-formed text is normalised in UTF-8 directly: same results.
TEST(NormalizeTest, IllFormedUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(NormalizeNfkc("a\xFF" "b"), "a\uFFFD" "b");
  EXPECT_EQ(CollapseSpaces(" \xC0\xAF  x "), "\uFFFD\uFFFD x");
  EXPECT_EQ(NormalizeForMatch("１\xFF２"), "1\uFFFD2");
  EXPECT_EQ(NormalizeNfkc("e\u0301"), "\u00E9");  // composed, as ICU's UTF-16 path does
}

TEST(CollapseSpacesTest, AsciiWhiteSpaceIsUnicodeWhiteSpace) {
  for (char c = 1; c > 0; ++c) {
    const std::string in = std::string("a") + c + "b";
    EXPECT_EQ(CollapseSpaces(in) == "a b", u_isUWhiteSpace(c) != 0) << static_cast<int>(c);
  }
}

std::string Utf8Of(UChar32 c) {
  char buf[U8_MAX_LENGTH];
  int32_t len = 0;
  U8_APPEND_UNSAFE(buf, len, c);
  return std::string(buf, static_cast<size_t>(len));
}

// Text of characters that NFKC maps one by one is normalised without ICU's
// normaliser; text with any other character goes through it ("e" + U+0301
// forces that path). Both agree for every BMP character, alone and between
// neighbours it could combine with.
TEST(NormalizeForMatchWithSpacesTest, DirectPathAgreesWithIcuForEveryBmpCharacter) {
  const std::string forced = "|e\u0301";  // NFKC: "|é"
  for (UChar32 c = 1; c < 0x10000; ++c) {
    if (U_IS_SURROGATE(c)) continue;
    const std::string ch = Utf8Of(c);
    std::vector<std::string> texts(3);
    texts[0].append("a").append(ch).append("b");
    texts[1] = ch;
    texts[2].append("其").append(ch).append(" 1");
    for (const std::string& x : texts) {
      const MatchText direct = NormalizeForMatchWithSpaces(x);
      const MatchText icu = NormalizeForMatchWithSpaces(std::string(x).append(forced));
      ASSERT_EQ(std::string(direct.text).append("|\u00E9"), icu.text) << std::hex << c;
      // The spaces before the appended "|é" (at direct.text.size()) aside.
      const std::vector<size_t> prefix(
          icu.spaces.begin(),
          std::lower_bound(icu.spaces.begin(), icu.spaces.end(), direct.text.size()));
      ASSERT_EQ(std::vector<size_t>(direct.spaces.begin(),
                                    std::lower_bound(direct.spaces.begin(), direct.spaces.end(),
                                                     direct.text.size())),
                prefix) << std::hex << c;
    }
  }
}

// Runs of plain characters are skipped 16 bytes at a time; the character
// that ends a run, at any offset of a block and at the text's end, is read
// one at a time, as are ill-formed bytes there (U+FFFD).
TEST(NormalizeTest, PlainRunsHandOverAtEveryOffset) {
  const std::string stops[] = {" ", "\u3000", "\"", "\u2014", "它", "\xFF", "\xE4\xB8",
                               "\u3001", "\uFEFF", "\u4E00", "\u3400", "x"};
  for (size_t pad = 0; pad < 40; ++pad) {
    for (const std::string& stop : stops) {
      const std::string text = std::string(pad, 'a') + "其" + stop + "规章" + std::string(pad % 7, 'b');
      const std::string reference = std::string("\xCC\x81").append(text);  // via ICU: U+0301 first
      EXPECT_EQ("\u0301" + NormalizeForMatch(text), NormalizeForMatch(reference)) << pad << stop;
      const std::string collapsed = CollapseSpaces(" " + text + " ");
      EXPECT_EQ(collapsed, CollapseSpaces(text)) << pad << stop;
    }
  }
  EXPECT_EQ(NormalizeForMatch(std::string(20, 'a') + "其它"), std::string(20, 'a') + "其他");
  EXPECT_EQ(CollapseSpaces(std::string(20, 'a') + "\u3000b"), std::string(20, 'a') + " b");
  EXPECT_EQ(CollapseSpaces(std::string(14, 'a') + "\xE4\xB8"), std::string(14, 'a') + "\uFFFD");
}

TEST(NormalizeForMatchWithSpacesTest, KeepsCjkPunctuationAndItsSpaces) {
  const MatchText m = NormalizeForMatchWithSpaces("其 。、《规定》\u3000「它」");
  EXPECT_EQ(m.text, "其。、《规定》它");
  EXPECT_EQ(m.spaces, (std::vector<size_t>{3, 21}));
}

TEST(FirstMatchCharTest, AgreesWithNormalizeForMatch) {
  const char* cases[] = {"  （一）予以公开", "规章", "１２", " “减少”4", "-", "／", "\u3000\u00A0x",
                         "ABC", "其它", "0", "\t\"a\"", "（", "减4"};
  for (const char* c : cases) {
    const std::string m = NormalizeForMatch(c);
    const int32_t first = FirstMatchChar(c);
    ASSERT_GE(first, 0) << c;
    int32_t i = 0, want = -1;
    U8_NEXT(reinterpret_cast<const uint8_t*>(m.data()), i, static_cast<int32_t>(m.size()), want);
    EXPECT_EQ(first, want) << c;
  }
}

TEST(FirstMatchCharTest, UnknownWhenTheNextCharacterMayCombine) {
  EXPECT_EQ(FirstMatchChar("e\u0301"), -1);      // é after NFKC
  EXPECT_EQ(FirstMatchChar("\u00A8"), -1);       // NFKC: space + diaeresis
  EXPECT_EQ(FirstMatchChar("\u2014x"), -1);      // a dash folded later
  EXPECT_EQ(FirstMatchChar("  "), -1);            // nothing kept
  EXPECT_EQ(FirstMatchChar("\xFF" "1"), -1);        // ill-formed
}

TEST(NormalizeTest, CountCodePointsCountsCharactersNotBytes) {
  EXPECT_EQ(CountCodePoints(""), 0);
  EXPECT_EQ(CountCodePoints("申请1"), 3);
  EXPECT_EQ(CountCodePoints("（一）a\u00e9"), 5);
}

}  // namespace
}  // namespace zfxxgk
