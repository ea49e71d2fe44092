// Tests for schemas/extra_rows.h on hand-built item streams.
#include "schemas/extra_rows.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace zfxxgk {
namespace {

// One table cell of table 0 as the item stream holds it.
Item CellItem(int row, const std::string& text, bool is_value) {
  Item item;
  item.is_value = is_value;
  item.raw = text;
  item.norm.text = text;
  item.prov.table = 0;
  item.prov.row = row;
  return item;
}

// Row 0 is labelled 省级补充事项 (no template row) with values 3 and 4.
std::vector<Item> OneUnknownRow() {
  return {CellItem(0, "省级补充事项", false), CellItem(0, "3", true), CellItem(0, "4", true)};
}

const std::vector<std::string> kColumns = {"natural_person", "total"};
const std::vector<std::vector<std::string>> kKnown = {{"本年新收"}};

TEST(ExtraRowsTest, UnknownLabelledNumericRowIsExtra) {
  const std::vector<Item> items = OneUnknownRow();
  ReportV1 report;
  CollectExtraRows(items, {0, 0}, {items.size(), 0}, "applications", kColumns, kKnown, report);
  ASSERT_EQ(report.extra.size(), 1u);
  EXPECT_EQ(report.extra[0].label, "省级补充事项");
  ASSERT_EQ(report.extra[0].cells.size(), 2u);
  EXPECT_EQ(report.extra[0].cells[1].first, "total");
  EXPECT_EQ(report.extra[0].cells[1].second.value, 4.0);
}

TEST(ExtraRowsTest, RowWhoseCellsTheTemplateUsedIsNotExtra) {
  const std::vector<Item> items = OneUnknownRow();
  ReportV1 report;
  CellOut used;
  used.prov = items[1].prov;  // a template row took a cell of table 0, row 0
  report.cells.emplace_back("applications.new_received.natural_person", used);
  CollectExtraRows(items, {0, 0}, {items.size(), 0}, "applications", kColumns, kKnown, report);
  EXPECT_TRUE(report.extra.empty());
  EXPECT_TRUE(report.issues.empty());
}

}  // namespace
}  // namespace zfxxgk
