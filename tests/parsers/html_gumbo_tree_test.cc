// parsers/html/gumbo_tree.h: the text helpers the page walker and the table
// reader share (white-space collapsing, visible-character counts).
#include "parsers/html/gumbo_tree.h"

#include <gtest/gtest.h>

#include <string>

namespace zfxxgk::html {
namespace {

std::string Collapsed(std::string_view text, std::string out = "") {
  AppendCollapsed(text, &out);
  return out;
}

TEST(HtmlGumboTree, CollapsesEveryKindOfWhiteSpaceRunToOneSpace) {
  // ASCII, U+00A0, U+3000, U+2002, U+202F between CJK and digits.
  EXPECT_EQ(Collapsed("一、\t\n 总体\u00A0\u00A0情况\u3000\u3000123\u2002\u202F4"),
            "一、 总体 情况 123 4");
}

TEST(HtmlGumboTree, DropsZeroWidthCharacters) {
  EXPECT_EQ(Collapsed("行政\u200B许可\uFEFF\u200D"), "行政许可");
}

TEST(HtmlGumboTree, NeverStartsWithASpaceNorDoublesOne) {
  EXPECT_EQ(Collapsed(" \u3000 申请"), "申请");
  EXPECT_EQ(Collapsed(" 数量", "本年 "), "本年 数量");
  EXPECT_EQ(Collapsed("结果 "), "结果 ");  // the trailing space is TrimEnd's
}

TEST(HtmlGumboTree, KeepsLeadBytesThatStartNoSpace) {
  // U+00B7 (C2 B7), U+2014 (E2 80 94), U+3001 (E3 80 81), U+FF08 (EF BC 88).
  EXPECT_EQ(Collapsed("a\u00B7b\u2014c\u3001d\uFF08e"), "a\u00B7b\u2014c\u3001d\uFF08e");
}

TEST(HtmlGumboTree, CountsVisibleCodePointsWithoutWhiteSpace) {
  EXPECT_EQ(CountVisible("一、 总体\t情况\n12"), 8u);
  EXPECT_EQ(CountVisible(" \t\n\v\f\r"), 0u);
}

}  // namespace
}  // namespace zfxxgk::html
