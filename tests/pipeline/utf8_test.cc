// Tests for pipeline/utf8.h: the word predicates and the strict validator,
// the latter also against ICU's U8_NEXT over random byte strings.
#include "pipeline/utf8.h"

#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include <random>
#include <string>

namespace zfxxgk {
namespace {

uint64_t W(const char (&s)[9]) { return LoadWord(s); }

TEST(Utf8WordTest, AsciiWordRejectsAnyHighByte) {
  EXPECT_TRUE(AsciiWord(W("<td>12</")));
  EXPECT_FALSE(AsciiWord(W("ab\xE4\xB8\x80" "cde")));
}

TEST(Utf8WordTest, PrintableAsciiWordRejectsControlsAndDel) {
  EXPECT_TRUE(PrintableAsciiWord(W("a b~\"\\<>")));
  EXPECT_FALSE(PrintableAsciiWord(W("abc\tdefg")));
  EXPECT_FALSE(PrintableAsciiWord(W("abcdefg\x7F")));
  EXPECT_FALSE(PrintableAsciiWord(W("\x80" "bcdefgh")));
}

TEST(Utf8WordTest, PlainJsonAsciiWordRejectsQuoteBackslashControls) {
  EXPECT_TRUE(PlainJsonAsciiWord(W("a.b[0]/x")));
  EXPECT_TRUE(PlainJsonAsciiWord(W("abcdefg\x7F")));  // JSON keeps DEL as is
  EXPECT_FALSE(PlainJsonAsciiWord(W("abc\"defg")));
  EXPECT_FALSE(PlainJsonAsciiWord(W("abc\\defg")));
  EXPECT_FALSE(PlainJsonAsciiWord(W("abcdefg\n")));
}

TEST(ScanUtf8Test, CountsNonAsciiCodePoints) {
  const Utf8Scan scan = ScanUtf8("政府信息公开 2020 年度报告 ①");
  EXPECT_TRUE(scan.valid);
  EXPECT_EQ(scan.non_ascii, 11u);
  EXPECT_EQ(ScanUtf8("plain ascii text, longer than a word").non_ascii, 0u);
}

TEST(ScanUtf8Test, RejectsWhatIcuRejects) {
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));            // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));        // surrogate U+D800
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));    // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("abcdefgh\xE6\x94"));    // truncated after a word
  EXPECT_FALSE(IsValidUtf8("\xD5\xFE\xB8\xAE"));    // GBK 政府
  EXPECT_TRUE(IsValidUtf8("\xEF\xBF\xBF"));         // noncharacter U+FFFF
  EXPECT_TRUE(IsValidUtf8(""));
}

// ICU's reading, code point by code point.
Utf8Scan IcuScan(const std::string& s) {
  Utf8Scan scan;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return Utf8Scan{false, scan.non_ascii};
    if (c >= 0x80) ++scan.non_ascii;
  }
  return scan;
}

TEST(ScanUtf8Test, AgreesWithIcuOnRandomBytes) {
  std::mt19937 rng(20261127);
  const std::string alphabet[] = {"a", "\n", "\xE6\x94\xBF", "\xE5", "\x80", "\xC3\xA9",
                                  "\xF0\x9F\x98\x80", "\xED\xA0\x80", "\xFF", "0123456789"};
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int parts = static_cast<int>(rng() % 12);
    for (int k = 0; k < parts; ++k) s += alphabet[rng() % std::size(alphabet)];
    const Utf8Scan ours = ScanUtf8(s), icu = IcuScan(s);
    ASSERT_EQ(ours.valid, icu.valid) << s;
    if (icu.valid) {
      ASSERT_EQ(ours.non_ascii, icu.non_ascii) << s;
    }
  }
}

TEST(ScanUtf8Test, AgreesWithIcuAroundTheThreeByteFastPath) {
  std::mt19937 rng(20261128);
  // Leads on both sides of E4..E9, good and bad continuations, truncations.
  const std::string alphabet[] = {"\xE3\x80\x80", "\xE4\x80\x80", "\xE9\xBF\xBF", "\xEA\x80\x80",
                                  "\xE4\xB8", "\xE9", "\xE4\xC0\x80", "\xE6\x94\x7F",
                                  "\xE5\x80\xC0", "\x7F", "abcdefgh", " "};
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int parts = static_cast<int>(rng() % 14);
    for (int k = 0; k < parts; ++k) s += alphabet[rng() % std::size(alphabet)];
    const Utf8Scan ours = ScanUtf8(s), icu = IcuScan(s);
    ASSERT_EQ(ours.valid, icu.valid) << s;
    if (icu.valid) {
      ASSERT_EQ(ours.non_ascii, icu.non_ascii) << s;
    }
  }
}

// Strings of 16 bytes or more take the 16-bytes-at-a-time path: every
// class of ill-formed sequence, at every offset against the block edges and
// cut off by the end, agrees with ICU, as does the count before an error.
TEST(ScanUtf8Test, AgreesWithIcuOnLongStrings) {
  std::mt19937 rng(20261129);
  const std::string alphabet[] = {
      "a", "0123456", "\n", "\xE6\x94\xBF", "\xEF\xBC\x8C", "\xC3\xA9", "\xF0\x9F\x98\x80",
      "\xF4\x8F\xBF\xBF", "\xEE\x80\x80", "\xE0\xA0\x80", "\xED\x9F\xBF",
      // ill-formed: overlong, surrogate, too large, stray or missing bytes
      "\xC0\xAF", "\xC1\xBF", "\xE0\x9F\xBF", "\xED\xA0\x80", "\xF0\x8F\xBF\xBF",
      "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xF8", "\xFF", "\x80", "\xE6\x94", "\xF0\x9F"};
  const std::string good[] = {"a", "0123456", "\xE6\x94\xBF", "\xEF\xBC\x8C", "\xC3\xA9",
                              "\xF0\x9F\x98\x80"};
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int parts = 4 + static_cast<int>(rng() % 60);
    const bool mostly_good = round % 2 == 0;
    for (int k = 0; k < parts; ++k) {
      s += mostly_good && rng() % 16 != 0 ? good[rng() % std::size(good)]
                                          : alphabet[rng() % std::size(alphabet)];
    }
    const Utf8Scan ours = ScanUtf8(s), icu = IcuScan(s);
    ASSERT_EQ(ours.valid, icu.valid) << s;
    ASSERT_EQ(ours.non_ascii, icu.non_ascii) << s;
  }
}

TEST(ScanUtf8Test, RejectsASequenceCutOffAtABlockEdge) {
  // A leading ideograph: the block path starts at byte 0, not after ASCII.
  const std::string head = "\xE6\x94\xBF" + std::string(12, 'a');  // 15 bytes
  const std::string ascii(16, 'a');
  EXPECT_FALSE(IsValidUtf8(head + "\xE6"));
  EXPECT_FALSE(IsValidUtf8(head.substr(0, 14) + "\xE6\x94"));
  EXPECT_FALSE(IsValidUtf8(head.substr(0, 13) + "\xF0\x9F\x98"));
  EXPECT_FALSE(IsValidUtf8(head + "\xE6" + ascii));
  EXPECT_FALSE(IsValidUtf8(head + "\xE6" + ascii.substr(0, 5)));
  const Utf8Scan across = ScanUtf8(head.substr(0, 14) + "\xE6\x94\xBF" + ascii);
  EXPECT_TRUE(across.valid);
  EXPECT_EQ(across.non_ascii, 2u);
}

TEST(CountByteTest, CountsAcrossChunksOfEveryLength) {
  EXPECT_EQ(CountByte("", '\n'), 0u);
  EXPECT_EQ(CountByte(std::string(1000, '\n'), '\n'), 1000u);  // more than a byte counter holds
  std::string s;
  size_t want = 0;
  for (int i = 0; i < 777; ++i) {
    s += i % 3 == 0 ? "\n" : "\xE6\x94\xBF";
    want += i % 3 == 0;
    ASSERT_EQ(CountByte(s, '\n'), want);
  }
  EXPECT_EQ(CountByte(s, '\xBF'), 777u - 259u);
}

// The byte-at-a-time definition BinaryControlBytes must agree with.
int ControlBytesOneByOne(uint64_t w) {
  int n = 0;
  for (int k = 0; k < 8; ++k) {
    const auto b = static_cast<unsigned char>(w >> (8 * k));
    const bool white = (b >= 0x09 && b <= 0x0D) || b == 0x1B;
    n += (b < 0x20 && !white) || b == 0x7F;
  }
  return n;
}

TEST(Utf8WordTest, BinaryControlBytesCountsEveryByteValueInEveryPosition) {
  for (int pos = 0; pos < 8; ++pos) {
    for (unsigned b = 0; b < 256; ++b) {
      for (uint64_t fill : {0x6161616161616161ULL, 0x0000000000000000ULL,
                            0xFFFFFFFFFFFFFFFFULL, 0x1F1F1F1F1F1F1F1FULL}) {
        uint64_t w = fill & ~(0xFFULL << (8 * pos));
        w |= static_cast<uint64_t>(b) << (8 * pos);
        ASSERT_EQ(BinaryControlBytes(w), ControlBytesOneByOne(w)) << std::hex << w;
      }
    }
  }
}

TEST(Utf8WordTest, BinaryControlBytesAgreesOnRandomWords) {
  std::mt19937_64 rng(20261127);
  const unsigned char edges[] = {0x00, 0x08, 0x09, 0x0D, 0x0E, 0x1A, 0x1B, 0x1C,
                                 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0x9F, 0xA0, 0xFF};
  for (int round = 0; round < 200000; ++round) {
    uint64_t w = rng();
    if (round % 2 == 0) {
      w = 0;
      for (int k = 0; k < 8; ++k) w |= static_cast<uint64_t>(edges[rng() % 16]) << (8 * k);
    }
    ASSERT_EQ(BinaryControlBytes(w), ControlBytesOneByOne(w)) << std::hex << w;
  }
}

TEST(Utf8WordTest, CountBinaryControlBytesAgreesWithTheWordsOnAnyLength) {
  std::mt19937 rng(20261130);
  for (size_t len : {0u, 1u, 7u, 15u, 16u, 17u, 100u, 4079u, 4080u, 4081u, 8192u, 9000u}) {
    std::string s(len, ' ');
    for (char& c : s) c = static_cast<char>(rng() % 4 == 0 ? rng() % 0x21 : rng() % 256);
    size_t want = 0;
    for (char c : s) {
      char w[9] = "aaaaaaaa";
      w[0] = c;
      want += static_cast<size_t>(ControlBytesOneByOne(W(w)));
    }
    ASSERT_EQ(CountBinaryControlBytes(s), want) << len;
  }
  EXPECT_EQ(CountBinaryControlBytes(std::string(5000, '\x01')), 5000u);  // past a byte counter
}

}  // namespace
}  // namespace zfxxgk
