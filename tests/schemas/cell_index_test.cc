// Tests for schemas/cell_index.h.
#include "schemas/cell_index.h"

#include <gtest/gtest.h>

namespace zfxxgk {
namespace {

std::pair<std::string, CellOut> CellAt(const std::string& path, const std::string& raw) {
  CellOut cell = ParseCellText(raw);
  return {path, cell};
}

TEST(CellIndexTest, FindsEveryCellByPath) {
  const std::vector<std::pair<std::string, CellOut>> cells = {
      CellAt("applications.new_received.total", "249"),
      CellAt("applications.carried_over.total", "3"),
      CellAt("review_litigation.administrative_review.total", "8")};
  const CellIndex index(cells);
  for (const auto& [path, cell] : cells) {
    ASSERT_NE(index.Find(path), nullptr) << path;
    EXPECT_EQ(index.Find(path), &cell) << path;
  }
}

TEST(CellIndexTest, MissingPathIsNull) {
  const std::vector<std::pair<std::string, CellOut>> cells = {
      CellAt("applications.new_received.total", "249")};
  const CellIndex index(cells);
  EXPECT_EQ(index.Find("applications.new_received"), nullptr);
  EXPECT_EQ(index.Find("applications.new_received.total.x"), nullptr);
  EXPECT_EQ(CellIndex({}).Find("applications.new_received.total"), nullptr);
}

TEST(CellIndexTest, RepeatedPathFindsTheLastCell) {
  const std::vector<std::pair<std::string, CellOut>> cells = {
      CellAt("applications.carried_over.total", "2"), CellAt("a", "1"),
      CellAt("applications.carried_over.total", "3")};
  const CellIndex index(cells);
  EXPECT_EQ(index.Find("applications.carried_over.total"), &cells[2].second);
  EXPECT_EQ(index.Find("a"), &cells[1].second);
}

}  // namespace
}  // namespace zfxxgk
