// Tests for pipeline/layout_lines.h on hand-made positioned words: rows of
// table cells, wrapped labels, several pages, vertical jitter; and the page
// number recogniser.
#include "pipeline/layout_lines.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace zfxxgk {
namespace {

PositionedWord W(const std::string& text, double x0, double y0, double x1, double y1,
                 int page = 0, double confidence = 1.0) {
  return PositionedWord{text, BBox{x0, y0, x1, y1}, page, confidence};
}

std::vector<std::string> Texts(const std::vector<LayoutLine>& lines) {
  std::vector<std::string> out;
  for (const LayoutLine& l : lines) out.push_back(l.text);
  return out;
}

// Two rows of a table 二 block, 9 pt text: a label and three value cells at
// fixed x positions. Given in a scrambled order.
std::vector<PositionedWord> TwoRows() {
  return {
      W("23", 350, 130, 359, 140), W("规章", 80, 100, 98, 109),
      W("12", 450, 100.5, 459, 110.5), W("行政规范性文件", 80, 130, 143, 139),
      W("1", 250, 100.5, 254.5, 110.5), W("9", 250, 130.5, 254.5, 140.5),
      W("0", 350, 100.5, 354.5, 110.5), W("71", 450, 130.5, 459, 140.5),
  };
}

TEST(BuildLinesTest, RowsOfCellsAreLinesWithOneSpaceBetweenCells) {
  std::vector<LayoutLine> lines = BuildLines(TwoRows());
  EXPECT_EQ(Texts(lines), (std::vector<std::string>{"规章 1 0 12", "行政规范性文件 9 23 71"}));
  ASSERT_EQ(lines.size(), 2u);
  // the line box is the union of its words
  EXPECT_DOUBLE_EQ(lines[0].box.x0, 80);
  EXPECT_DOUBLE_EQ(lines[0].box.y0, 100);
  EXPECT_DOUBLE_EQ(lines[0].box.x1, 459);
  EXPECT_DOUBLE_EQ(lines[0].box.y1, 110.5);
  EXPECT_EQ(lines[0].page, 0);
  EXPECT_DOUBLE_EQ(lines[0].confidence, 1.0);
}

TEST(BuildLinesTest, CloseWordsJoinWithoutSpace) {
  // a CJK run, a Times digit run and CJK again with the small WPS gaps
  // (3 pt at 16 pt): one token, as printed.
  std::vector<LayoutLine> lines = BuildLines({
      W("全年共收到申请", 74, 300, 186, 318), W("2858", 190, 298, 222, 319),
      W("件。", 226, 300, 258, 318)});
  EXPECT_EQ(Texts(lines), (std::vector<std::string>{"全年共收到申请2858件。"}));
}

// A label wrapped over two lines with the row's numbers centred vertically in
// the cell: the numbers fall between the two label lines and form a line of
// their own (as in the PDFs of Word/WPS with centred cells).
TEST(BuildLinesTest, NumbersBetweenTheLinesOfAWrappedLabel) {
  std::vector<PositionedWord> words = {
      W("（二）部分公开（区分处理的，只计这一", 100, 200, 262, 209),
      W("情形，不计其他情形）", 100, 214.4, 190, 223.4),
  };
  const double xs[] = {285, 320, 356, 392, 428, 463, 499};
  const char* vals[] = {"402", "9", "0", "0", "2", "0", "413"};
  for (int i = 0; i < 7; ++i) words.push_back(W(vals[i], xs[i], 206.2, xs[i] + 6, 216.2));
  EXPECT_EQ(Texts(BuildLines(words)),
            (std::vector<std::string>{"（二）部分公开（区分处理的，只计这一", "402 9 0 0 2 0 413",
                                      "情形，不计其他情形）"}));
}

// Cells aligned to the top: the numbers share the label's FIRST line.
TEST(BuildLinesTest, NumbersOnTheFirstLineOfAWrappedLabel) {
  std::vector<LayoutLine> lines = BuildLines({
      W("5.要求行政机关确认或重新出具", 140, 300, 266, 309),
      W("已获取信息", 140, 314.4, 185, 323.4),
      W("1", 285, 300.4, 289.5, 310.4), W("0", 320, 300.4, 324.5, 310.4),
      W("1", 499, 300.4, 503.5, 310.4)});
  EXPECT_EQ(Texts(lines),
            (std::vector<std::string>{"5.要求行政机关确认或重新出具 1 0 1", "已获取信息"}));
}

// Three label lines, the numbers on the middle one.
TEST(BuildLinesTest, NumbersOnTheMiddleLineOfAThreeLineLabel) {
  std::vector<LayoutLine> lines = BuildLines({
      W("1、申请人无正当理由逾期不补", 140, 400, 266, 409),
      W("正、行政机关不再处理其政府信", 140, 414.4, 266, 423.4),
      W("息公开申请", 140, 428.8, 185, 437.8),
      W("59", 283, 414.8, 292, 424.8), W("62", 497, 414.8, 506, 424.8)});
  EXPECT_EQ(Texts(lines), (std::vector<std::string>{"1、申请人无正当理由逾期不补",
                                                    "正、行政机关不再处理其政府信 59 62",
                                                    "息公开申请"}));
}

// Words of two pages: each page's lines, in page order, never merged across
// pages even at the same height.
TEST(BuildLinesTest, PagesStaySeparateAndInOrder) {
  std::vector<PositionedWord> words = {
      W("第二页第一行", 74, 80, 170, 96, 1), W("第一页第二行", 74, 120, 170, 136, 0),
      W("第一页第一行", 74, 80, 170, 96, 0), W("第二页第二行", 74, 120, 170, 136, 1),
  };
  std::vector<LayoutLine> lines = BuildLines(words);
  EXPECT_EQ(Texts(lines), (std::vector<std::string>{"第一页第一行", "第一页第二行",
                                                    "第二页第一行", "第二页第二行"}));
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].page, 0);
  EXPECT_EQ(lines[1].page, 0);
  EXPECT_EQ(lines[2].page, 1);
  EXPECT_EQ(lines[3].page, 1);
}

// Slight vertical jitter inside a row (baselines of two fonts, a scan's skew)
// keeps it one line; the next row stays separate.
TEST(BuildLinesTest, SlightVerticalJitterIsOneLine) {
  std::vector<PositionedWord> words;
  const double jitter[] = {0, 1.2, -0.8, 2.0, -1.5, 0.6, 1.8, -0.3};
  for (int i = 0; i < 8; ++i) {
    words.push_back(W(std::to_string(i), 100 + 40 * i, 500 + jitter[i], 106 + 40 * i,
                      510 + jitter[i]));
  }
  words.push_back(W("下一行", 100, 524, 127, 533));
  EXPECT_EQ(Texts(BuildLines(words)),
            (std::vector<std::string>{"0 1 2 3 4 5 6 7", "下一行"}));
}

TEST(BuildLinesTest, ConfidenceIsTheLowestOfTheLine) {
  std::vector<LayoutLine> lines = BuildLines({
      W("行政许可", 80, 100, 116, 109, 0, 0.9), W("447", 250, 100, 263, 110, 0, 0.6)});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_DOUBLE_EQ(lines[0].confidence, 0.6);
}

TEST(BuildLinesTest, EmptyWordsAreIgnored) {
  EXPECT_TRUE(BuildLines({}).empty());
  std::vector<LayoutLine> lines = BuildLines({
      W("", 80, 100, 90, 110), W("空框", 80, 100, 80, 110),  // no text / zero width
      W("正文", 100, 100, 118, 109)});
  EXPECT_EQ(Texts(lines), (std::vector<std::string>{"正文"}));
}

TEST(IsPageNumberLineTest, PageNumbers) {
  for (const char* s : {"-4-", "- 4 -", "—4—", "— 4 —", "－4－", "–12–", "4", "12",
                        "第4页", "第 4 页", "第4页共6页", "第4页/共6页", " -5- "}) {
    EXPECT_TRUE(IsPageNumberLine(s)) << s;
  }
}

TEST(IsPageNumberLineTest, NotPageNumbers) {
  for (const char* s : {"", "-", "一", "12345", "402 9 0 0 2 0 413", "行政许可 447",
                        "2024年", "1.属于国家秘密", "（一）予以公开", "-4-5-", "第四页",
                        "共6页", "1532.8"}) {
    EXPECT_FALSE(IsPageNumberLine(s)) << s;
  }
}

}  // namespace
}  // namespace zfxxgk
