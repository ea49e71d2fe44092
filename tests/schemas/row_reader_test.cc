// Tests for schemas/row_reader.h on rows as real dumps print them.
#include "schemas/row_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace zfxxgk {
namespace {

std::vector<Item> Stream(const std::vector<std::string>& texts) {
  Document doc;
  int line = 1;
  for (const std::string& t : texts) {
    Block b;
    b.text = t;
    b.prov.line = line++;
    doc.blocks.push_back(b);
  }
  return BuildItemStream(doc);
}

// The end of `label` in the stream (REQUIRES: present).
StreamPos AfterLabel(const std::vector<Item>& items, const std::string& label) {
  LabelHit hit;
  EXPECT_TRUE(FindLabel(items, {label}, {0, 0}, {items.size(), 0}, &hit)) << label;
  return hit.end;
}

StreamPos End(const std::vector<Item>& items) { return {items.size(), 0}; }

std::vector<std::string> Raws(const std::vector<CellOut>& cells) {
  std::vector<std::string> out;
  for (const CellOut& c : cells) out.push_back(c.raw);
  return out;
}

TEST(RowReaderTest, ValuesInFollowingItems) {
  std::vector<Item> items = Stream({"规章", "0", "0", "3", "规范性文件", "184"});
  RowRead read = ReadRowValues(items, AfterLabel(items, "规章"), 3, End(items));
  EXPECT_EQ(Raws(read.cells), (std::vector<std::string>{"0", "0", "3"}));
  EXPECT_TRUE(read.run.empty());
  EXPECT_TRUE(read.splits.empty());
  EXPECT_EQ(read.end.item, 4u);
  EXPECT_EQ(read.end.offset, 0u);
  EXPECT_EQ(read.cells[2].status, CellStatus::kNumber);
  EXPECT_EQ(read.cells[2].value, 3.0);
  EXPECT_EQ(read.cells[2].prov.line, 4);
}

TEST(RowReaderTest, BlankAndDashItemsAreCells) {
  std::vector<Item> items = Stream({"行政许可", "1001", "-70", "—", "/"});
  RowRead read = ReadRowValues(items, AfterLabel(items, "行政许可"), 4, End(items));
  ASSERT_EQ(read.cells.size(), 4u);
  EXPECT_EQ(read.cells[1].value, -70.0);
  EXPECT_EQ(read.cells[2].status, CellStatus::kDash);
  EXPECT_EQ(read.cells[3].status, CellStatus::kNotApplicable);
}

TEST(RowReaderTest, StopsAtNextLabelWhenRowIsShort) {
  std::vector<Item> items = Stream({"规章", "0", "0", "规范性文件", "184"});
  RowRead read = ReadRowValues(items, AfterLabel(items, "规章"), 3, End(items));
  EXPECT_EQ(Raws(read.cells), (std::vector<std::string>{"0", "0"}));
  EXPECT_EQ(read.end.item, 3u);
}

TEST(RowReaderTest, StopsAtLimit) {
  std::vector<Item> items = Stream({"规章", "0", "0", "3"});
  RowRead read = ReadRowValues(items, AfterLabel(items, "规章"), 3, {3, 0});
  EXPECT_EQ(Raws(read.cells), (std::vector<std::string>{"0", "0"}));
}

TEST(RowReaderTest, NothingReadStaysAfterLabel) {
  std::vector<Item> items = Stream({"(六)其他处理", "1.申请人无正当理由逾期不补正", "0"});
  StreamPos after = AfterLabel(items, "(六)其他处理");
  RowRead read = ReadRowValues(items, after, 7, End(items));
  EXPECT_TRUE(read.cells.empty());
  EXPECT_TRUE(read.run.empty());
  EXPECT_EQ(read.end.item, after.item);
  EXPECT_EQ(read.end.offset, after.offset);
}

TEST(RowReaderTest, GluedRunAfterLabelContinuation) {
  std::vector<Item> items = Stream(
      {"（二）部分公开（区分处理的，只计这一情形，不计其他情形）500000 5（三）不予公开"});
  RowRead read = ReadRowValues(items, AfterLabel(items, "部分公开"), 7, End(items));
  EXPECT_TRUE(read.cells.empty());
  EXPECT_EQ(read.run, "5000005");
  EXPECT_EQ(read.splits, (std::vector<Split>{{"5", "0", "0", "0", "0", "0", "5"}}));
  EXPECT_FALSE(read.splits_truncated);
  EXPECT_EQ(read.end.item, 0u);
  // Reading stops right after the run, before the next label.
  EXPECT_EQ(items[0].norm.text.substr(read.end.offset, 5), "(三)");
}

TEST(RowReaderTest, DropsOrdinalOfNextLabel) {
  std::vector<Item> items =
      Stream({"（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开00000003."});
  RowRead read = ReadRowValues(items, AfterLabel(items, "属于国家秘密"), 7, End(items));
  EXPECT_EQ(read.run, "0000000");
  EXPECT_EQ(read.splits, (std::vector<Split>{{"0", "0", "0", "0", "0", "0", "0"}}));
  EXPECT_EQ(items[0].norm.text.substr(read.end.offset, 2), "2.");
}

TEST(RowReaderTest, DropsOrdinalBeforeIdeographicComma) {
  std::vector<Item> items = Stream({"属于国家秘密00000001、其他"});
  RowRead read = ReadRowValues(items, AfterLabel(items, "属于国家秘密"), 7, End(items));
  EXPECT_EQ(read.run, "0000000");
}

TEST(RowReaderTest, AlignedSpacesGiveExactlyNTokens) {
  std::vector<Item> items = Stream({"规章 0 0 3 规范性文件 184 257 764"});
  RowRead read = ReadRowValues(items, AfterLabel(items, "规章"), 3, End(items));
  EXPECT_TRUE(read.run.empty());
  EXPECT_TRUE(read.splits.empty());
  EXPECT_EQ(Raws(read.cells), (std::vector<std::string>{"0", "0", "3"}));
  for (const CellOut& c : read.cells) EXPECT_EQ(c.status, CellStatus::kNumber);
}

TEST(RowReaderTest, WrongTokenCountIsSplitAsOneRun) {
  std::vector<Item> items = Stream({"规章 000行政规范性文件693665"});
  RowRead read = ReadRowValues(items, AfterLabel(items, "规章"), 3, End(items));
  EXPECT_TRUE(read.cells.empty());
  EXPECT_EQ(read.run, "000");
  EXPECT_EQ(read.splits, (std::vector<Split>{{"0", "0", "0"}}));
}

TEST(RowReaderTest, RunTokensJoinedWhenCountDiffers) {
  // Stray spaces inside a glued run (pingtan-2019) do not give cell bounds.
  std::vector<Item> items = Stream({"规范性文件89 8989第二十条"});
  RowRead read = ReadRowValues(items, AfterLabel(items, "规范性文件"), 3, End(items));
  EXPECT_EQ(read.run, "898989");
  EXPECT_FALSE(read.splits.empty());
  for (const Split& s : read.splits) EXPECT_EQ(s.size(), 3u);
}

TEST(RowReaderTest, UnitSuffixKeptInSingleCell) {
  std::vector<Item> items = Stream({"行政事业性收费2.52元三、收到和处理"});
  RowRead read = ReadRowValues(items, AfterLabel(items, "行政事业性收费"), 1, End(items));
  EXPECT_EQ(read.unit_suffix, "元");
  ASSERT_EQ(read.cells.size(), 1u);
  EXPECT_EQ(read.cells[0].raw, "2.52元");
  EXPECT_EQ(read.cells[0].status, CellStatus::kText);
  EXPECT_EQ(read.cells[0].value, 2.52);
  EXPECT_FALSE(read.cells[0].integral);
  EXPECT_EQ(read.cells[0].unit, "元");
  EXPECT_EQ(items[0].norm.text.substr(read.end.offset, 3), "三");
}

TEST(RowReaderTest, UnitSuffixKeptOnEverySplitOfAGluedRun) {
  std::vector<Item> items = Stream({"政府集中采购3189538647.5万元"});
  RowRead read = ReadRowValues(items, AfterLabel(items, "政府集中采购"), 2, End(items));
  EXPECT_EQ(read.unit_suffix, "万元");
  EXPECT_EQ(read.run, "3189538647.5万元");
  ASSERT_FALSE(read.splits.empty());
  for (const Split& s : read.splits) {
    ASSERT_EQ(s.size(), 2u);
    EXPECT_EQ(s[1].substr(s[1].size() - 6), "万元") << s[1];
  }
  EXPECT_EQ(read.splits.front()[0], "3");
}

TEST(RowReaderTest, DecimalSplitsOnlyWhenAllowed) {
  std::vector<Item> items = Stream({"行政事业性收费24252.311082"});
  RowReadOptions counts;
  counts.allow_decimal = false;
  RowRead read = ReadRowValues(items, AfterLabel(items, "行政事业性收费"), 2, End(items), counts);
  EXPECT_TRUE(read.splits.empty());
  RowRead amounts = ReadRowValues(items, AfterLabel(items, "行政事业性收费"), 2, End(items));
  EXPECT_FALSE(amounts.splits.empty());
}

TEST(RowReaderTest, SkipWordsSkipTableFourHeaders) {
  std::vector<Item> items = Stream({"结果维持", "1", "0", "2", "0", "3", "行政诉讼",
                                    "未经复议直接起诉", "1", "2", "0", "0", "3",
                                    "复议后起诉", "0", "0", "0", "0", "0"});
  RowReadOptions options;
  options.skip_words = {"行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持"};
  RowRead read = ReadRowValues(items, AfterLabel(items, "结果维持"), 15, End(items), options);
  EXPECT_EQ(Raws(read.cells),
            (std::vector<std::string>{"1", "0", "2", "0", "3", "1", "2", "0", "0", "3",
                                      "0", "0", "0", "0", "0"}));
  EXPECT_EQ(read.end.item, items.size());
}

TEST(RowReaderTest, WithoutSkipWordsHeaderStopsTheRow) {
  std::vector<Item> items = Stream({"结果维持", "1", "0", "行政诉讼", "1"});
  RowRead read = ReadRowValues(items, AfterLabel(items, "结果维持"), 15, End(items));
  EXPECT_EQ(Raws(read.cells), (std::vector<std::string>{"1", "0"}));
}

TEST(RowReaderTest, SkipWordWithDigitsIsNotSkipped) {
  std::vector<Item> items = Stream({"结果维持", "1", "行政诉讼2件", "1"});
  RowReadOptions options;
  options.skip_words = {"行政诉讼"};
  RowRead read = ReadRowValues(items, AfterLabel(items, "结果维持"), 3, End(items), options);
  EXPECT_EQ(Raws(read.cells), (std::vector<std::string>{"1"}));
}

TEST(RowReaderTest, AfterPastEndReadsNothing) {
  std::vector<Item> items = Stream({"规章"});
  RowRead read = ReadRowValues(items, End(items), 3, End(items));
  EXPECT_TRUE(read.cells.empty());
  EXPECT_TRUE(read.run.empty());
}

}  // namespace
}  // namespace zfxxgk
