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

}  // namespace
}  // namespace zfxxgk
