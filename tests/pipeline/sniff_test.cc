#include "pipeline/sniff.h"

#include <gtest/gtest.h>
#include <unicode/unistr.h>

#include <string>
#include <vector>

namespace zfxxgk {
namespace {

using namespace std::string_literals;

std::string Encode(const std::string& utf8, const char* charset) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  const int32_t n = u.extract(0, u.length(), nullptr, 0, charset);
  std::vector<char> buf(static_cast<size_t>(n) + 1);
  u.extract(0, u.length(), buf.data(), static_cast<uint32_t>(buf.size()), charset);
  return std::string(buf.data(), static_cast<size_t>(n));
}

TEST(SniffTest, PdfMagicIsPdf) {
  EXPECT_EQ(SniffFormat("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj"), InputFormat::kPdf);
}

TEST(SniffTest, ImageMagicNumbersAreImages) {
  EXPECT_EQ(SniffFormat("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"s), InputFormat::kImage);
  EXPECT_EQ(SniffFormat("\xFF\xD8\xFF\xE0\0\x10JFIF"s), InputFormat::kImage);
  EXPECT_EQ(SniffFormat("II*\0\x08\0\0\0"s), InputFormat::kImage);
  EXPECT_EQ(SniffFormat("MM\0*\0\0\0\x08"s), InputFormat::kImage);
  EXPECT_EQ(SniffFormat("GIF89a\x01\0\x01\0"s), InputFormat::kImage);
}

TEST(SniffTest, BmpNeedsAPlausibleHeader) {
  std::string bmp = "BM" + std::string(12, '\0') + "\x28\0\0\0"s + std::string(40, '\0');
  EXPECT_EQ(SniffFormat(bmp), InputFormat::kImage);
  EXPECT_EQ(SniffFormat("BMW 报告 report text line\n"), InputFormat::kText);
}

TEST(SniffTest, DoctypeIsHtml) {
  EXPECT_EQ(SniffFormat("\n  <!DOCTYPE html>\n<html><body>报告</body></html>"),
            InputFormat::kHtml);
}

TEST(SniffTest, UpperCaseStartTagIsHtml) {
  EXPECT_EQ(SniffFormat("<HTML><HEAD><TITLE>报告</TITLE>"), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("<Meta charset=gbk><P>报告"), InputFormat::kHtml);
}

TEST(SniffTest, XmlDeclarationBeforeAnHtmlTagIsHtml) {
  EXPECT_EQ(SniffFormat("<?xml version=\"1.0\"?>\n<HTML xmlns=x><p>报告</p></HTML>"),
            InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("<?xml version=\"1.0\"?>\n<report>报告</report>"), InputFormat::kText);
}

TEST(SniffTest, LeadingCommentIsHtml) {
  EXPECT_EQ(SniffFormat("<!-- saved page -->\n<div>报告</div>"), InputFormat::kHtml);
}

TEST(SniffTest, TableFragmentWithoutHtmlTagIsHtml) {
  EXPECT_EQ(SniffFormat("政府信息公开年度报告\n<table><tr><td>26</td></tr></table>"),
            InputFormat::kHtml);
}

TEST(SniffTest, MarkdownWithStrayParagraphTagIsText) {
  EXPECT_EQ(SniffFormat("# 年度报告\n\n一、总体情况<p>\n\n| 规章 | 0 |\n|---|---|\n"),
            InputFormat::kText);
}

TEST(SniffTest, ThreeDistinctTagsAreHtml) {
  EXPECT_EQ(SniffFormat("报告<p>一、总体情况</p><div><span>26</span></div>"),
            InputFormat::kHtml);
}

TEST(SniffTest, PlainChineseTextIsText) {
  EXPECT_EQ(SniffFormat("一、总体情况\n本年新收政府信息公开申请数量 26\n"),
            InputFormat::kText);
}

TEST(SniffTest, GbkTextIsText) {
  EXPECT_EQ(SniffFormat(Encode("一、总体情况\n本年新收申请数量 26\n", "GB18030")),
            InputFormat::kText);
}

TEST(SniffTest, Utf16HtmlWithBomIsSniffedAfterDecoding) {
  std::string page = "\xFF\xFE" + Encode("<html><body>报告</body></html>", "UTF-16LE");
  EXPECT_EQ(SniffFormat(page), InputFormat::kHtml);
}

TEST(SniffTest, BinaryIsUnknown) {
  EXPECT_EQ(SniffFormat("PK\x03\x04\x14\0\0\0\x08\0"s), InputFormat::kUnknown);
}

TEST(SniffTest, EmptyIsUnknown) {
  EXPECT_EQ(SniffFormat(""), InputFormat::kUnknown);
  EXPECT_EQ(SniffFormat(" \n\t "), InputFormat::kUnknown);
}

}  // namespace
}  // namespace zfxxgk
