// Tests for schemas/item_stream.h: flattening documents and finding labels.
#include "schemas/item_stream.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace zfxxgk {
namespace {

Cell MakeCell(int row, int col, std::string text, int row_span = 1, int col_span = 1) {
  Cell c;
  c.row = row;
  c.col = col;
  c.row_span = row_span;
  c.col_span = col_span;
  c.text = std::move(text);
  c.prov.table = 0;
  c.prov.row = row;
  c.prov.col = col;
  return c;
}

Block TextBlock(std::string text, int blank_lines_before = 0, int line = -1) {
  Block b;
  b.text = std::move(text);
  b.blank_lines_before = blank_lines_before;
  b.prov.line = line;
  return b;
}

Block TableBlock(int index) {
  Block b;
  b.kind = BlockKind::kTable;
  b.table_index = index;
  return b;
}

std::vector<std::string> Raws(const std::vector<Item>& items) {
  std::vector<std::string> out;
  for (const Item& i : items) out.push_back(i.raw);
  return out;
}

// Table 四's header as HTML prints it: 行政复议 spans 5 columns, 行政诉讼 10,
// and a label cell spans two rows.
//   row 0: [标签 rowspan2] [行政复议 colspan2] [行政诉讼]
//   row 1:                  [维持] [纠正]        [总计]
//   row 2: [合计]           [1]    [ ]           [3]
TEST(ItemStreamTest, MergedCellsAreEmittedOnceAtTopLeft) {
  Table t;
  t.n_rows = 3;
  t.n_cols = 4;
  t.cells = {MakeCell(0, 0, "标签", 2, 1), MakeCell(0, 1, "行政复议", 1, 2),
             MakeCell(0, 3, "行政诉讼"),   MakeCell(1, 1, "维持"),
             MakeCell(1, 2, "纠正"),       MakeCell(1, 3, "总计"),
             MakeCell(2, 0, "合计"),       MakeCell(2, 1, "1"),
             MakeCell(2, 2, ""),           MakeCell(2, 3, "3")};
  Document doc;
  doc.tables.push_back(t);
  doc.blocks = {TextBlock("表前"), TableBlock(0), TextBlock("表后")};
  std::vector<Item> items = BuildItemStream(doc);
  EXPECT_EQ(Raws(items), (std::vector<std::string>{"表前", "标签", "行政复议", "行政诉讼",
                                                   "维持", "纠正", "总计", "合计", "1", "",
                                                   "3", "表后"}));
  ASSERT_EQ(items.size(), 12u);
  EXPECT_FALSE(items[1].is_value);
  EXPECT_TRUE(items[8].is_value);
  EXPECT_TRUE(items[9].is_value);  // the empty cell is a (blank) value
  EXPECT_EQ(items[8].prov.row, 2);
  EXPECT_EQ(items[8].prov.col, 1);
  EXPECT_EQ(items[8].prov.table, 0);
}

TEST(ItemStreamTest, ColSpanOverWholeRowIsOneItem) {
  Table t;
  t.n_rows = 2;
  t.n_cols = 3;
  t.cells = {MakeCell(0, 0, "第二十条第（一）项", 1, 3), MakeCell(1, 0, "规章"),
             MakeCell(1, 1, "0"), MakeCell(1, 2, "3")};
  Document doc;
  doc.tables.push_back(t);
  doc.blocks = {TableBlock(0)};
  EXPECT_EQ(Raws(BuildItemStream(doc)),
            (std::vector<std::string>{"第二十条第（一）项", "规章", "0", "3"}));
}

// OCR read a lone 5 as 攻 (confidence 0): a misread value, not a label. A
// confident lone ideograph, or one from HTML, is left to the classifier.
TEST(ItemStreamTest, AnUnsureLoneIdeographReadByOcrIsAValue) {
  Table t;
  t.n_rows = 1;
  t.n_cols = 4;
  t.cells = {MakeCell(0, 0, "2.重复申请"), MakeCell(0, 1, "攻"), MakeCell(0, 2, "年"),
             MakeCell(0, 3, "攻")};
  for (Cell& c : t.cells) c.prov.produced_by = "ocr";
  t.cells[0].prov.confidence = 0.3;  // a label stays a label however unsure
  t.cells[1].prov.confidence = 0.0;
  t.cells[2].prov.confidence = 0.95;
  t.cells[3].prov.produced_by = "html";
  t.cells[3].prov.confidence = 0.0;
  Document doc;
  doc.tables.push_back(t);
  doc.blocks = {TableBlock(0)};
  std::vector<Item> items = BuildItemStream(doc);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_FALSE(items[0].is_value);
  EXPECT_TRUE(items[1].is_value);
  EXPECT_FALSE(items[2].is_value);
  EXPECT_FALSE(items[3].is_value);
}

TEST(ItemStreamTest, TableBlockWithBadIndexIsSkipped) {
  Document doc;
  doc.blocks = {TableBlock(3), TextBlock("正文")};
  EXPECT_EQ(Raws(BuildItemStream(doc)), (std::vector<std::string>{"正文"}));
}

TEST(ItemStreamTest, ExtraBlankLinesBecomeBlankValueItems) {
  Document doc;
  doc.cell_per_line = true;
  doc.blocks = {TextBlock("规范性文件", 1, 1), TextBlock("184", 1, 3),
                TextBlock("764", 3, 7)};  // two empty cells before 764
  std::vector<Item> items = BuildItemStream(doc);
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(Raws(items), (std::vector<std::string>{"规范性文件", "184", "", "", "764"}));
  for (size_t i = 1; i < 5; ++i) EXPECT_TRUE(items[i].is_value) << i;
  EXPECT_FALSE(items[0].is_value);
  EXPECT_EQ(items[2].prov.line, 7);  // provenance of the line they precede
}

TEST(ItemStreamTest, BlankLinesMeanNothingOutsideCellPerLineDumps) {
  Document doc;
  doc.cell_per_line = false;
  doc.blocks = {TextBlock("一、总体情况", 0), TextBlock("正文", 3)};
  EXPECT_EQ(BuildItemStream(doc).size(), 2u);
}

TEST(ItemStreamTest, ItemsCarryNormalisedText) {
  Document doc;
  doc.blocks = {TextBlock("（一） 予以公开")};
  std::vector<Item> items = BuildItemStream(doc);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].raw, "（一） 予以公开");
  EXPECT_EQ(items[0].norm.text, "(一)予以公开");
}

std::vector<Item> Stream(const std::vector<std::string>& texts) {
  Document doc;
  for (const std::string& t : texts) doc.blocks.push_back(TextBlock(t));
  return BuildItemStream(doc);
}

TEST(FindLabelTest, EarliestAliasWinsOverListOrder) {
  std::vector<Item> items = Stream({"(二)部分公开(区分处理的)500000 5(一)予以公开"});
  LabelHit hit;
  ASSERT_TRUE(FindLabel(items, {"予以公开", "部分公开"}, {0, 0}, {1, 0}, &hit));
  EXPECT_EQ(hit.alias, "部分公开");
  EXPECT_EQ(hit.begin.item, 0u);
  EXPECT_EQ(hit.begin.offset, std::string("(二)").size());
  EXPECT_EQ(hit.end.offset, std::string("(二)部分公开").size());
}

TEST(FindLabelTest, LongestAliasWinsOnTie) {
  std::vector<Item> items = Stream({"一、本年新收政府信息公开申请数量"});
  LabelHit hit;
  ASSERT_TRUE(FindLabel(items, {"本年新收", "本年新收政府信息公开申请数量"}, {0, 0}, {1, 0},
                        &hit));
  EXPECT_EQ(hit.alias, "本年新收政府信息公开申请数量");
  EXPECT_EQ(hit.end.offset, items[0].norm.text.size());
}

TEST(FindLabelTest, SearchesFromOffsetAndAcrossItems) {
  std::vector<Item> items = Stream({"规章000规范性文件693665", "0", "规章"});
  LabelHit hit;
  ASSERT_TRUE(FindLabel(items, {"规章"}, {0, 1}, {3, 0}, &hit));
  EXPECT_EQ(hit.begin.item, 2u);  // the value item "0" is not searched
  EXPECT_EQ(hit.begin.offset, 0u);
}

TEST(FindLabelTest, ValueItemsAreNeverLabels) {
  std::vector<Item> items = Stream({"0", "0"});
  LabelHit hit;
  EXPECT_FALSE(FindLabel(items, {"0"}, {0, 0}, {2, 0}, &hit));
}

TEST(FindLabelTest, HitAtOrAfterLimitIsNotFound) {
  std::vector<Item> items = Stream({"正文", "(七)总计630020469四、结转下年度继续办理1000001"});
  const std::string label = "结转下年度继续办理";
  const size_t at = items[1].norm.text.find(label);
  ASSERT_NE(at, std::string::npos);
  LabelHit hit;
  EXPECT_FALSE(FindLabel(items, {label}, {0, 0}, {1, at}, &hit));      // at the limit
  EXPECT_FALSE(FindLabel(items, {label}, {0, 0}, {1, 0}, &hit));       // limit before
  EXPECT_FALSE(FindLabel(items, {label}, {0, 0}, {0, 0}, &hit));       // limit earlier item
  EXPECT_TRUE(FindLabel(items, {label}, {0, 0}, {1, at + 1}, &hit));   // just after
  EXPECT_EQ(hit.begin.offset, at);
}

TEST(FindLabelTest, NoAliasFound) {
  std::vector<Item> items = Stream({"一、总体情况"});
  LabelHit hit;
  EXPECT_FALSE(FindLabel(items, {"予以公开"}, {0, 0}, {1, 0}, &hit));
  EXPECT_FALSE(FindLabel(items, {"总体"}, {1, 0}, {1, 0}, &hit));  // from past the end
}

}  // namespace
}  // namespace zfxxgk
