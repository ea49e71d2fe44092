// Tests for schemas/row_resolver.h: glued runs whose split search was cut
// short are never given a value.
#include "schemas/row_resolver.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace zfxxgk {
namespace {

RowSlot GluedSlot(std::vector<Split> splits, bool truncated) {
  RowSlot slot;
  slot.path = "row";
  static const std::string kColumns[] = {"a", "b"};
  slot.columns = kColumns;
  slot.decimal = {false, false};
  slot.found = true;
  slot.read.run = "350";
  slot.read.splits = std::move(splits);
  slot.read.splits_truncated = truncated;
  return slot;
}

bool HasIssue(const ReportV1& report, const std::string& code) {
  return std::any_of(report.issues.begin(), report.issues.end(),
                     [&](const auto& issue) { return issue.code == code; });
}

TEST(RowResolver, CompleteSearchDeterminesASingleSplit) {
  std::vector<RowSlot> slots = {GluedSlot({{"3", "50"}}, false)};
  ReportV1 report;
  ResolveRows(slots, {}, {}, "table", report);
  ASSERT_EQ(slots[0].cells.size(), 2u);
  EXPECT_EQ(slots[0].cells[0].status, CellStatus::kNumber);
  EXPECT_FALSE(HasIssue(report, "split_search_incomplete"));
}

TEST(RowResolver, TruncatedSplitsLeaveTheOnlySplitFoundUndecided) {
  std::vector<RowSlot> slots = {GluedSlot({{"3", "50"}}, true)};
  ReportV1 report;
  ResolveRows(slots, {}, {}, "table", report);
  ASSERT_EQ(slots[0].cells.size(), 2u);
  for (const CellOut& cell : slots[0].cells) {
    EXPECT_EQ(cell.status, CellStatus::kText);
    EXPECT_FALSE(cell.value.has_value());
    EXPECT_EQ(cell.raw, "350");
  }
  EXPECT_TRUE(HasIssue(report, "split_search_incomplete"));
}

TEST(RowResolver, TruncatedSplitsWithSeveralValuesAreAmbiguous) {
  std::vector<RowSlot> slots = {GluedSlot({{"3", "50"}, {"35", "0"}}, true)};
  ReportV1 report;
  ResolveRows(slots, {}, {}, "table", report);
  ASSERT_EQ(slots[0].cells.size(), 2u);
  EXPECT_EQ(slots[0].cells[0].status, CellStatus::kAmbiguous);
  EXPECT_EQ(slots[0].cells[0].candidates, (std::vector<std::string>{"3", "35"}));
}

}  // namespace
}  // namespace zfxxgk
