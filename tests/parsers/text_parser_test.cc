// Tests for parsers/text/text_parser.h on the three dump flavours.
#include "parsers/text/text_parser.h"

#include <gtest/gtest.h>

#include <string>

namespace zfxxgk::text {
namespace {

// A one-cell-per-line dump: twelve table 二-style rows of three values, cells
// separated by one blank line. The value of row `blank_row`, column 1, is
// printed empty: one extra blank line.
std::string CellPerLineDump(int blank_row) {
  std::string s = "舟山市人民政府政府信息公开工作年度报告(2020年度)\n\n";
  for (int r = 0; r < 12; ++r) {
    s += "行" + std::to_string(r) + "\n\n";
    for (int c = 0; c < 3; ++c) {
      if (r == blank_row && c == 1) {
        s += "\n";  // the empty cell
        continue;
      }
      s += std::to_string(r * 10 + c) + "\n\n";
    }
  }
  return s;
}

TEST(TextParserTest, DetectsOneCellPerLine) {
  StatusOr<Document> doc = ParseText(CellPerLineDump(-1), "input.txt");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_TRUE(doc->cell_per_line);
  EXPECT_EQ(doc->source.path, "input.txt");
  EXPECT_EQ(doc->source.format, InputFormat::kText);
  EXPECT_EQ(doc->blocks.size(), 1u + 12u * 4u);
}

TEST(TextParserTest, ProseIsNotOneCellPerLine) {
  const std::string prose =
      "一、总体情况\n"
      "2020年，我市始终以习近平新时代中国特色社会主义思想为指导。\n"
      "\n"
      "0\n"
      "二、主动公开政府信息情况\n";
  StatusOr<Document> doc = ParseText(prose, "p.txt");
  ASSERT_TRUE(doc.ok());
  EXPECT_FALSE(doc->cell_per_line);
}

TEST(TextParserTest, CountsBlankLinesBeforeEachLine) {
  StatusOr<Document> doc = ParseText(CellPerLineDump(4), "input.txt");
  ASSERT_TRUE(doc.ok());
  ASSERT_TRUE(doc->cell_per_line);
  // Row 4 starts at block 1 + 4*4 (label) and prints values 40 and 42 only.
  const size_t label = 1 + 4 * 4;
  ASSERT_LT(label + 3, doc->blocks.size());
  EXPECT_EQ(doc->blocks[label].text, "行4");
  EXPECT_EQ(doc->blocks[label + 1].text, "40");
  EXPECT_EQ(doc->blocks[label + 1].blank_lines_before, 1);
  EXPECT_EQ(doc->blocks[label + 2].text, "42");
  EXPECT_EQ(doc->blocks[label + 2].blank_lines_before, 2);  // one extra: an empty cell
  EXPECT_EQ(doc->blocks[0].blank_lines_before, 0);
}

TEST(TextParserTest, RecordsLineProvenance) {
  StatusOr<Document> doc = ParseText("标题\r\n\r\n  一、总体情况  \n", "t.txt");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->blocks.size(), 2u);
  EXPECT_EQ(doc->blocks[1].text, "一、总体情况");  // trimmed
  EXPECT_EQ(doc->blocks[1].prov.line, 3);
  EXPECT_EQ(doc->blocks[1].blank_lines_before, 1);
  EXPECT_EQ(doc->blocks[1].prov.produced_by, "text");
  EXPECT_EQ(doc->blocks[1].prov.source_begin, std::string("标题\r\n\r\n").size());
  EXPECT_EQ(doc->blocks[0].prov.line, 1);
}

TEST(TextParserTest, MarkdownPipeTableBecomesTable) {
  const std::string md =
      "## 表二：主动公开政府信息情况\n"
      "| 信息内容 |  本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
      "| --- | :---: | ---: | :--- |\n"
      "| 规章 | 0 |  | 3 |\n"
      "| 行政规范性文件 |   18 | 2 | 393 |\n"
      "正文继续\n";
  StatusOr<Document> doc = ParseText(md, "input.md");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->tables.size(), 1u);
  ASSERT_EQ(doc->blocks.size(), 3u);
  EXPECT_EQ(doc->blocks[0].kind, BlockKind::kText);
  EXPECT_EQ(doc->blocks[1].kind, BlockKind::kTable);
  EXPECT_EQ(doc->blocks[1].table_index, 0);
  EXPECT_EQ(doc->blocks[2].text, "正文继续");

  const Table& t = doc->tables[0];
  EXPECT_EQ(t.n_rows, 3);  // separator row dropped
  EXPECT_EQ(t.n_cols, 4);
  ASSERT_EQ(t.cells.size(), 12u);
  std::vector<std::vector<int>> grid = t.Grid();
  auto text = [&](int r, int c) { return t.cells[grid[r][c]].text; };
  EXPECT_EQ(text(0, 0), "信息内容");
  EXPECT_EQ(text(0, 1), "本年制发件数");
  EXPECT_EQ(text(1, 0), "规章");
  EXPECT_EQ(text(1, 1), "0");
  EXPECT_EQ(text(1, 2), "");  // an empty cell stays empty
  EXPECT_EQ(text(1, 3), "3");
  EXPECT_EQ(text(2, 1), "18");
  EXPECT_EQ(t.cells[grid[2][3]].prov.line, 5);
  EXPECT_EQ(t.cells[grid[2][3]].prov.row, 2);
  EXPECT_EQ(t.cells[grid[2][3]].prov.col, 3);
  EXPECT_EQ(t.cells[grid[2][3]].prov.table, 0);
}

TEST(TextParserTest, TwoPipeTablesSeparatedByTextAreTwoTables) {
  const std::string md = "| a | b |\n| 1 | 2 |\n\n中间\n| c |\n| 3 |\n";
  StatusOr<Document> doc = ParseText(md, "input.md");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->tables.size(), 2u);
  EXPECT_EQ(doc->blocks[2].table_index, 1);
  EXPECT_EQ(doc->tables[1].n_rows, 2);
  EXPECT_EQ(doc->tables[1].n_cols, 1);
}

TEST(TextParserTest, GluedCrawlerLineStaysOneBlock) {
  const std::string line =
      "四、结转下年度继续办理1000001 四、政府信息公开行政复议、行政诉讼情况 "
      "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计10203120001200000"
      "五、存在的主要问题及改进情况";
  StatusOr<Document> doc = ParseText("标题\n" + line + "\n", "pingtan.txt");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->blocks.size(), 2u);
  EXPECT_EQ(doc->blocks[1].kind, BlockKind::kText);
  EXPECT_EQ(doc->blocks[1].text, line);
  EXPECT_TRUE(doc->tables.empty());
  EXPECT_FALSE(doc->cell_per_line);
}

TEST(TextParserTest, EmptyInputIsEmptyInput) {
  for (const char* in : {"", "\n", "   \n\t\n", "\r\n\r\n", "\u3000\n"}) {
    StatusOr<Document> doc = ParseText(in, "e.txt");
    ASSERT_FALSE(doc.ok()) << '"' << in << '"';
    EXPECT_EQ(doc.status().code(), StatusCode::kEmptyInput) << '"' << in << '"';
  }
}

TEST(TextParserTest, PipeRowOfShortDashesIsARowNotASeparator) {
  const std::string md =
      "| 项目 | 件数 |\n"
      "| :--: | -- |\n"
      "| 规章 | 3 |\n";
  StatusOr<Document> doc = ParseText(md, "input.md");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->tables.size(), 1u);
  EXPECT_EQ(doc->tables[0].n_rows, 3);  // two dashes do not make a separator
}

TEST(TextParserTest, MarksItsTextCollapsed) {
  StatusOr<Document> doc = ParseText("标题  一\n\n正文\t二\n", "input.txt");
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(doc->text_collapsed);
  EXPECT_EQ(doc->blocks[0].text, "标题 一");
}

}  // namespace
}  // namespace zfxxgk::text
