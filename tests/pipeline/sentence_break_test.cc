// Tests for pipeline/sentence_break.h: SentenceAt against ICU's sentence
// BreakIterator, used as SplitSentences uses it (zh locale, over UTF-16).
// Wherever SentenceAt answers, its sentence must be ICU's; it must answer
// for report text (ideographs, ASCII, CJK punctuation).
#include "pipeline/sentence_break.h"

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/encoding.h"
#include "pipeline/icu_segmenter.h"
#include "pipeline/normalize.h"

namespace zfxxgk {
namespace {

namespace fs = std::filesystem;

// ICU's sentence boundaries of `utf8`, as byte offsets (0 and utf8.size()
// included). An ill-formed sequence is one U+FFFD for ICU, as for U8_NEXT.
std::vector<size_t> IcuBoundaries(std::string_view utf8) {
  static icu::BreakIterator* it = [] {
    UErrorCode status = U_ZERO_ERROR;
    icu::BreakIterator* b = icu::BreakIterator::createSentenceInstance(icu::Locale("zh"), status);
    EXPECT_TRUE(U_SUCCESS(status));
    return b;
  }();
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::vector<size_t> byte_of(static_cast<size_t>(text.length()) + 1);  // UTF-16 index -> byte
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  int32_t u16 = 0;
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    u16 += c < 0 ? 1 : U16_LENGTH(c);
    byte_of[static_cast<size_t>(u16)] = static_cast<size_t>(i);
  }
  it->setText(text);
  std::vector<size_t> out;
  for (int32_t b = it->first(); b != icu::BreakIterator::DONE; b = it->next()) {
    out.push_back(byte_of[static_cast<size_t>(b)]);
  }
  return out;
}

// ICU's sentence around byte `at`.
ByteSpan IcuSentenceAt(const std::vector<size_t>& boundaries, size_t at) {
  auto after = std::upper_bound(boundaries.begin(), boundaries.end(), at);
  return {*(after - 1), *after};
}

// Compares SentenceAt with ICU at every character of `utf8`; returns how
// many characters SentenceAt left to ICU.
int CompareEverywhere(std::string_view utf8) {
  const std::vector<size_t> boundaries = IcuBoundaries(utf8);
  int unknown = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < n;) {
    const size_t at = static_cast<size_t>(i);
    U8_FWD_1(p, i, n);
    const std::optional<ByteSpan> got = SentenceAt(utf8, at);
    if (!got) {
      ++unknown;
      continue;
    }
    const ByteSpan want = IcuSentenceAt(boundaries, at);
    EXPECT_EQ(got->begin, want.begin) << "at " << at << " of \"" << utf8 << "\"";
    EXPECT_EQ(got->end, want.end) << "at " << at << " of \"" << utf8 << "\"";
    if (got->begin != want.begin || got->end != want.end) return unknown;  // one report per text
  }
  return unknown;
}

// Compares SentenceAt with ICU at the first and last character of every
// ICU sentence of `utf8` (SentenceAt then reads the whole sentence, deciding
// every position in it; linear in the text).
void CompareAtSentenceEnds(std::string_view utf8) {
  const std::vector<size_t> boundaries = IcuBoundaries(utf8);
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  for (size_t k = 0; k + 1 < boundaries.size(); ++k) {
    int32_t last = static_cast<int32_t>(boundaries[k + 1]);
    U8_BACK_1(p, 0, last);
    for (size_t at : {boundaries[k], static_cast<size_t>(last)}) {
      const std::optional<ByteSpan> got = SentenceAt(utf8, at);
      if (!got) continue;
      EXPECT_EQ(got->begin, boundaries[k]) << "at " << at << " of \"" << utf8 << "\"";
      EXPECT_EQ(got->end, boundaries[k + 1]) << "at " << at << " of \"" << utf8 << "\"";
    }
  }
}

std::string Utf8(UChar32 c) {
  std::string s;
  icu::UnicodeString(c).toUTF8String(s);
  return s;
}

TEST(SentenceBreakTest, FindsTheSentenceHoldingACount) {
  const std::string text = "甲。收到申请3件。乙";
  const std::optional<ByteSpan> s = SentenceAt(text, text.find('3'));
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(text.substr(s->begin, s->end - s->begin), "收到申请3件。");
}

TEST(SentenceBreakTest, DecimalPointDoesNotEndASentence) {
  const std::string text = "不予公开5件,占6.17%;无法提供31件。其他";
  const std::optional<ByteSpan> s = SentenceAt(text, text.find('5'));
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(text.substr(s->begin, s->end - s->begin), "不予公开5件,占6.17%;无法提供31件。");
}

TEST(SentenceBreakTest, ClosingBracketAfterTheEndStaysWithTheSentence) {
  const std::string text = "办结25件(含上年结转2件。)全年";
  const std::optional<ByteSpan> s = SentenceAt(text, text.find('2'));
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(text.substr(s->begin, s->end - s->begin), "办结25件(含上年结转2件。)");
}

TEST(SentenceBreakTest, LeavesWhiteSpaceToIcu) {
  EXPECT_FALSE(SentenceAt("收到申请3件。 乙", 0).has_value());
}

TEST(SentenceBreakTest, LeavesFormatCharactersToIcu) {
  EXPECT_FALSE(SentenceAt("收到申请3件\u200e。", 0).has_value());
}

TEST(SentenceBreakTest, LeavesIllFormedUtf8ToIcu) {
  EXPECT_FALSE(SentenceAt("收到申请3件\xff。", 0).has_value());
}

// Every string of up to five characters, one of each class the rules tell
// apart (and two closing brackets, two continuations, two terminators).
TEST(SentenceBreakTest, AgreesWithIcuOnEveryShortStringOfTheClasses) {
  const std::vector<std::string> alphabet = {"甲", "A", "a", "1", ".", "。", "!",
                                             ")", "(", "、", ",", "%"};
  std::vector<std::string> strings = {""};
  for (int length = 1; length <= 5; ++length) {
    std::vector<std::string> longer;
    for (const std::string& s : strings) {
      for (const std::string& c : alphabet) longer.push_back(s + c);
    }
    for (const std::string& s : longer) {
      ASSERT_EQ(CompareEverywhere(s), 0) << s;
    }
    strings = std::move(longer);
  }
}

// Random strings of those characters and pieces of ill-formed UTF-8:
// SentenceAt answers as ICU does or leaves the text to it.
TEST(SentenceBreakTest, AgreesWithIcuOrAbstainsOnIllFormedText) {
  const std::vector<std::string> pieces = {"甲", "A", "a", "1", ".", "。", ")", "、",
                                           "\xe4", "\xb8", "\xe4\xb8", "\xff", "\xf0\x9f"};
  uint64_t state = 42;
  auto next = [&state](size_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>((state >> 33) % bound);
  };
  for (int k = 0; k < 20000; ++k) {
    std::string s;
    for (size_t len = 1 + next(8); len > 0; --len) s += pieces[next(pieces.size())];
    CompareEverywhere(s);
    if (::testing::Test::HasFailure()) return;  // one report is enough
  }
}

// Every BMP character in the places where its class decides: after a full
// stop (SB6, SB7, SB8, SB8a, SB9), as a terminator, and after an ideographic
// full stop.
TEST(SentenceBreakTest, AgreesWithIcuForEveryBmpCharacter) {
  const std::vector<std::pair<std::string, std::string>> contexts = {
      {"a.", "a"}, {"A.", "B"}, {"甲", "甲"}, {"甲。", "1"}, {"a.", "1a"}};
  for (UChar32 c = 1; c < 0x10000; ++c) {
    if (U_IS_SURROGATE(c)) continue;
    for (const auto& [before, after] : contexts) CompareEverywhere(before + Utf8(c) + after);
  }
}

// The characters of Chinese report text never need ICU.
TEST(SentenceBreakTest, AnswersForIdeographsAsciiAndCjkPunctuation) {
  for (UChar32 c = 0x4E00; c <= 0x9FFF; ++c) {
    EXPECT_EQ(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK), U_SB_OLETTER) << std::hex << c;
  }
  EXPECT_EQ(CompareEverywhere("根据《条例》,编制本报告。全年收到申请26件(含上年结转7件),办结25件;"
                              "其中:予以公开12件,占46.15%!结转下年度1件?A.B.c.1.2"),
            0);
}

// Corpus inputs, line by line and as one text without white space (as a
// whitespace-collapsed dump reads), in their matching form.
std::vector<std::string> CorpusTexts() {
  std::vector<std::string> out;
  for (const fs::path& root : {fs::path(ZF_SOURCE_DIR) / "corpus",
                               fs::path(ZF_SOURCE_DIR) / ".." / "shared" / "corpus"}) {
    if (!fs::is_directory(root)) continue;
    for (const auto& dir : fs::directory_iterator(root)) {
      if (!dir.is_directory()) continue;
      for (const auto& f : fs::directory_iterator(dir.path())) {
        const std::string ext = f.path().extension().string();
        if (f.path().stem() != "input" || (ext != ".txt" && ext != ".md" && ext != ".html")) continue;
        std::ifstream in(f.path(), std::ios::binary);
        std::stringstream bytes;
        bytes << in.rdbuf();
        StatusOr<DecodedText> text = DecodeToUtf8(bytes.str());
        if (!text.ok()) continue;
        out.push_back(NormalizeForMatch(text->utf8));
        std::istringstream lines(text->utf8);
        for (std::string line; std::getline(lines, line);) out.push_back(NormalizeForMatch(line));
      }
    }
  }
  return out;
}

TEST(SentenceBreakTest, AgreesWithIcuOnCorpusText) {
  const std::vector<std::string> texts = CorpusTexts();
  ASSERT_FALSE(texts.empty());
  for (const std::string& text : texts) CompareAtSentenceEnds(text);
}

// SplitSentences lists the sentence around a letter or digit verbatim.
TEST(SentenceBreakTest, SplitSentencesListsTheSentenceAroundADigit) {
  const std::string text = "本年度制发的规范性文件77件,现行有效行政规范性文件393件。全年!";
  const std::optional<ByteSpan> s = SentenceAt(text, text.find("393"));
  ASSERT_TRUE(s.has_value());
  const std::vector<std::string> sentences = SplitSentences(text);
  EXPECT_NE(std::find(sentences.begin(), sentences.end(), text.substr(s->begin, s->end - s->begin)),
            sentences.end());
}

}  // namespace
}  // namespace zfxxgk
