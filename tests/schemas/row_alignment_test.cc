// Tests for schemas/row_alignment.h: rows whose labels a lossy conversion
// lost, placed by position between labelled rows.
#include "schemas/row_alignment.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace zfxxgk {
namespace {

constexpr int kCols = 7;

// Builds one table, row by row: an optional label cell then the values.
class TableBuilder {
 public:
  TableBuilder& Row(const std::string& label, const std::vector<std::string>& values) {
    int col = 0;
    if (!label.empty()) Add(label, col++);
    for (const std::string& v : values) Add(v, col++);
    table_.n_cols = std::max(table_.n_cols, col);
    ++table_.n_rows;
    return *this;
  }
  std::vector<Item> Items() const {
    Document doc;
    doc.tables.push_back(table_);
    Block b;
    b.kind = BlockKind::kTable;
    b.table_index = 0;
    doc.blocks.push_back(b);
    return BuildItemStream(doc);
  }

 private:
  void Add(const std::string& text, int col) {
    Cell c;
    c.row = table_.n_rows;
    c.col = col;
    c.text = text;
    c.prov.table = 0;
    c.prov.row = c.row;
    c.prov.col = col;
    table_.cells.push_back(c);
  }
  Table table_;
};

std::vector<std::string> Values(int first) {
  std::vector<std::string> v;
  for (int k = 0; k < kCols; ++k) v.push_back(std::to_string(first + k));
  return v;
}

// Template rows 予以公开 … 危及三安全一稳定 of gov_2021 (four rows).
std::vector<const RowSpec*> FourRows() {
  const std::vector<RowSpec>& rows = Gov2021Template().application_rows;
  std::vector<const RowSpec*> out;
  for (const RowSpec& r : rows) {
    if (r.key == "results.granted" || r.key == "results.partially_granted" ||
        r.key == "results.withheld.state_secret" ||
        r.key == "results.withheld.prohibited_by_law") {
      out.push_back(&r);
    }
  }
  return out;
}

double First(const AlignedRow& row) {
  return row.cells.empty() || !row.cells[0].value ? -1 : *row.cells[0].value;
}

TEST(RowAlignmentTest, UnlabelledRowsBetweenAnchorsAssignedByPosition) {
  std::vector<Item> items = TableBuilder()
                                .Row("（一）予以公开", Values(10))
                                .Row("", Values(20))
                                .Row("", Values(30))
                                .Row("2.其他法律行政法规禁止公开", Values(40))
                                .Items();
  std::vector<const RowSpec*> rows = FourRows();
  ASSERT_EQ(rows.size(), 4u);
  std::vector<AlignedRow> out =
      AlignValueRows(items, {0, 0}, {items.size(), 0}, rows, kCols);
  ASSERT_EQ(out.size(), 4u);
  for (const AlignedRow& r : out) {
    EXPECT_TRUE(r.assigned);
    EXPECT_EQ(r.cells.size(), static_cast<size_t>(kCols));
  }
  EXPECT_TRUE(out[0].by_label);
  EXPECT_FALSE(out[1].by_label);
  EXPECT_FALSE(out[2].by_label);
  EXPECT_TRUE(out[3].by_label);
  EXPECT_EQ(First(out[0]), 10);
  EXPECT_EQ(First(out[1]), 20);
  EXPECT_EQ(First(out[2]), 30);
  EXPECT_EQ(First(out[3]), 40);
  EXPECT_EQ(out[2].cells[6].value, 36.0);
  EXPECT_EQ(out[2].cells[6].prov.row, 2);
}

TEST(RowAlignmentTest, GapWithDifferentCountIsLeftUnassigned) {
  std::vector<Item> items = TableBuilder()
                                .Row("（一）予以公开", Values(10))
                                .Row("", Values(20))
                                .Row("", Values(30))
                                .Row("", Values(50))  // one row too many in the gap
                                .Row("2.其他法律行政法规禁止公开", Values(40))
                                .Items();
  std::vector<AlignedRow> out =
      AlignValueRows(items, {0, 0}, {items.size(), 0}, FourRows(), kCols);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_TRUE(out[0].assigned);
  EXPECT_FALSE(out[1].assigned);
  EXPECT_FALSE(out[2].assigned);
  EXPECT_TRUE(out[3].assigned);
  EXPECT_EQ(First(out[3]), 40);
}

TEST(RowAlignmentTest, GapWithTooFewRowsIsLeftUnassigned) {
  std::vector<Item> items = TableBuilder()
                                .Row("（一）予以公开", Values(10))
                                .Row("", Values(20))
                                .Row("2.其他法律行政法规禁止公开", Values(40))
                                .Items();
  std::vector<AlignedRow> out =
      AlignValueRows(items, {0, 0}, {items.size(), 0}, FourRows(), kCols);
  EXPECT_TRUE(out[0].assigned);
  EXPECT_FALSE(out[1].assigned);
  EXPECT_FALSE(out[2].assigned);
  EXPECT_TRUE(out[3].assigned);
}

TEST(RowAlignmentTest, TrailingGapAfterLastAnchor) {
  std::vector<Item> items = TableBuilder()
                                .Row("（一）予以公开", Values(10))
                                .Row("（二）部分公开", Values(20))
                                .Row("", Values(30))
                                .Row("", Values(40))
                                .Items();
  std::vector<AlignedRow> out =
      AlignValueRows(items, {0, 0}, {items.size(), 0}, FourRows(), kCols);
  EXPECT_TRUE(out[1].by_label);
  EXPECT_TRUE(out[2].assigned);
  EXPECT_TRUE(out[3].assigned);
  EXPECT_FALSE(out[3].by_label);
  EXPECT_EQ(First(out[3]), 40);
}

TEST(RowAlignmentTest, RowOneCellShortIsPaddedWithMissing) {
  std::vector<std::string> six = Values(20);
  six.pop_back();
  std::vector<Item> items = TableBuilder()
                                .Row("（一）予以公开", Values(10))
                                .Row("", six)
                                .Row("", Values(30))
                                .Row("2.其他法律行政法规禁止公开", Values(40))
                                .Items();
  std::vector<AlignedRow> out =
      AlignValueRows(items, {0, 0}, {items.size(), 0}, FourRows(), kCols);
  ASSERT_TRUE(out[1].assigned);
  ASSERT_EQ(out[1].cells.size(), static_cast<size_t>(kCols));
  EXPECT_EQ(out[1].cells[5].value, 25.0);
  EXPECT_EQ(out[1].cells[6].status, CellStatus::kMissing);
}

TEST(RowAlignmentTest, HeaderAndAllBlankRowsAreNotValueRows) {
  std::vector<Item> items =
      TableBuilder()
          .Row("申请人情况", {"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构",
                         "其他", "总计"})
          .Row("（一）予以公开", Values(10))
          .Row("", {"", "", "", "", "", "", ""})  // all blank: not a value row
          .Row("", Values(20))
          .Row("", Values(30))
          .Row("2.其他法律行政法规禁止公开", Values(40))
          .Items();
  std::vector<AlignedRow> out =
      AlignValueRows(items, {0, 0}, {items.size(), 0}, FourRows(), kCols);
  EXPECT_TRUE(out[1].assigned);
  EXPECT_EQ(First(out[1]), 20);
  EXPECT_EQ(First(out[2]), 30);
}

TEST(RowAlignmentTest, RowsOutsideTheRegionAreIgnored) {
  std::vector<Item> items = TableBuilder()
                                .Row("（一）予以公开", Values(10))
                                .Row("", Values(20))
                                .Row("", Values(30))
                                .Row("2.其他法律行政法规禁止公开", Values(40))
                                .Items();
  // Stop before the last anchor's label: the gap then runs to the end of
  // the region and holds 2 rows for 3 template rows.
  size_t limit = items.size() - kCols - 1;
  std::vector<AlignedRow> out = AlignValueRows(items, {0, 0}, {limit, 0}, FourRows(), kCols);
  EXPECT_TRUE(out[0].assigned);
  EXPECT_FALSE(out[1].assigned);
  EXPECT_FALSE(out[3].assigned);
}

}  // namespace
}  // namespace zfxxgk
