#include "pipeline/encoding.h"

#include <gtest/gtest.h>
#include <unicode/unistr.h>

#include <string>
#include <vector>

namespace zfxxgk {
namespace {

using namespace std::string_literals;

// `utf8` re-encoded in the ICU charset `charset` ("GB18030", "UTF-16LE").
std::string Encode(const std::string& utf8, const char* charset) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  const int32_t n = u.extract(0, u.length(), nullptr, 0, charset);
  std::vector<char> buf(static_cast<size_t>(n) + 1);
  u.extract(0, u.length(), buf.data(), static_cast<uint32_t>(buf.size()), charset);
  return std::string(buf.data(), static_cast<size_t>(n));
}

const std::string kReport = "政府信息公开工作年度报告：本年新收申请数量26件。";

TEST(EncodingTest, StripsUtf8Bom) {
  StatusOr<DecodedText> text = DecodeToUtf8("\xEF\xBB\xBF" + kReport);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(text->encoding, "utf-8");
  EXPECT_EQ(text->utf8, kReport);
}

TEST(EncodingTest, DecodesUtf16LeWithBom) {
  StatusOr<DecodedText> text = DecodeToUtf8("\xFF\xFE" + Encode(kReport, "UTF-16LE"));
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(text->encoding, "utf-16le");
  EXPECT_EQ(text->utf8, kReport);
}

TEST(EncodingTest, DecodesUtf16BeWithBom) {
  StatusOr<DecodedText> text = DecodeToUtf8("\xFE\xFF" + Encode(kReport, "UTF-16BE"));
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(text->encoding, "utf-16be");
  EXPECT_EQ(text->utf8, kReport);
}

TEST(EncodingTest, DetectsUtf16LeWithoutBomByNulPattern) {
  const std::string page = "<html><body>report 2023 " + kReport + "</body></html>";
  StatusOr<DecodedText> text = DecodeToUtf8(Encode(page, "UTF-16LE"));
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(text->encoding, "utf-16le");
  EXPECT_EQ(text->utf8, page);
}

// Mostly CJK: too few NULs for the ASCII pattern; the code units decide.
const std::string kCjkDump =
    "一、总体情况\n本年新收政府信息公开申请数量２６件，办结申请２５件。\n"
    "二、主动公开政府信息情况\n制定规章０件，现行有效规章１２件。\n";

TEST(EncodingTest, DetectsCjkUtf16BeWithoutBom) {
  StatusOr<DecodedText> text = DecodeToUtf8(Encode(kCjkDump, "UTF-16BE"));
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(text->encoding, "utf-16be");
  EXPECT_EQ(text->utf8, kCjkDump);
}

TEST(EncodingTest, DetectsCjkUtf16LeWithoutBom) {
  StatusOr<DecodedText> text = DecodeToUtf8(Encode(kCjkDump, "UTF-16LE"));
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(text->encoding, "utf-16le");
  EXPECT_EQ(text->utf8, kCjkDump);
}

TEST(EncodingTest, BinaryWithNulsIsNotTakenForUtf16) {
  std::string bytes;
  uint32_t x = 12345;
  for (int i = 0; i < 4096; ++i) {
    x = x * 1103515245u + 12345u;
    bytes.push_back(static_cast<char>(x >> 24));
  }
  bytes[100] = '\0';
  StatusOr<DecodedText> text = DecodeToUtf8(bytes);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().code(), StatusCode::kUnsupportedFormat);
}

TEST(EncodingTest, HonoursMetaCharsetGbk) {
  const std::string page =
      "<html><head><meta charset=\"gbk\"></head><body>" + kReport + "</body></html>";
  StatusOr<DecodedText> text = DecodeToUtf8(Encode(page, "GB18030"));
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(text->encoding, "gb18030");
  EXPECT_EQ(text->utf8, page);
}

TEST(EncodingTest, HonoursHttpEquivGb2312) {
  const std::string page =
      "<html><head><META HTTP-EQUIV=\"Content-Type\" "
      "CONTENT=\"text/html; charset=GB2312\"></head><body>" + kReport + "</body></html>";
  StatusOr<DecodedText> text = DecodeToUtf8(Encode(page, "GB18030"));
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(text->encoding, "gb18030");
  EXPECT_EQ(text->utf8, page);
}

TEST(EncodingTest, HonoursCharsetCombinedWithOtherAttributes) {
  const std::string page =
      "<!DOCTYPE html><html><head><meta name=viewport charset='x-gbk' "
      "content=\"width=device-width\" /></head><body>" + kReport + "</body></html>";
  StatusOr<DecodedText> text = DecodeToUtf8(Encode(page, "GB18030"));
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(text->encoding, "gb18030");
  EXPECT_EQ(text->utf8, page);
}

TEST(EncodingTest, DetectsUndeclaredGb18030) {
  StatusOr<DecodedText> text = DecodeToUtf8(Encode(kReport, "GB18030"));
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(text->encoding, "gb18030");
  EXPECT_EQ(text->utf8, kReport);
}

TEST(EncodingTest, AcceptsUndeclaredUtf8) {
  StatusOr<DecodedText> text = DecodeToUtf8(kReport);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(text->encoding, "utf-8");
  EXPECT_EQ(text->utf8, kReport);
}

TEST(EncodingTest, WrongGbkDeclarationOnUtf8FallsBackToUtf8) {
  const std::string page =
      "<html><head><meta charset=\"gbk\"></head><body>" + kReport + "</body></html>";
  StatusOr<DecodedText> text = DecodeToUtf8(page);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(text->encoding, "utf-8");
  EXPECT_EQ(text->utf8, page);
}

TEST(EncodingTest, WrongUtf8DeclarationOnGbkFallsBackToGb18030) {
  const std::string page =
      "<html><head><meta charset=\"utf-8\"></head><body>" + kReport + "</body></html>";
  StatusOr<DecodedText> text = DecodeToUtf8(Encode(page, "GB18030"));
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(text->encoding, "gb18030");
  EXPECT_EQ(text->utf8, page);
}

TEST(EncodingTest, RejectsNulBytesAsBinary) {
  StatusOr<DecodedText> text = DecodeToUtf8("PK\x03\x04\x14\0\0\0\x08\0abc"s);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().code(), StatusCode::kUnsupportedFormat);
  EXPECT_EQ(text.status().message(), "binary input");
}

TEST(EncodingTest, RejectsControlCharacterNoiseAsBinary) {
  std::string noise;
  for (int i = 0; i < 200; ++i) noise += "ab\x01\x02\x03\x04\x05\x06";
  StatusOr<DecodedText> text = DecodeToUtf8(noise);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().code(), StatusCode::kUnsupportedFormat);
}

TEST(EncodingTest, RejectsEmptyInput) {
  StatusOr<DecodedText> text = DecodeToUtf8("");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().code(), StatusCode::kEmptyInput);
}

TEST(EncodingTest, RejectsWhitespaceOnlyInput) {
  StatusOr<DecodedText> text = DecodeToUtf8("\xEF\xBB\xBF  \r\n\t\xE3\x80\x80 \n");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().code(), StatusCode::kEmptyInput);
}

}  // namespace
}  // namespace zfxxgk
