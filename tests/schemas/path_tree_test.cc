// Tests for schemas/path_tree.h: the order and shape ToJson writes tables in.
#include "schemas/path_tree.h"
#include "tests/test_cells.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace zfxxgk {
namespace {

std::vector<std::string> Keys(const PathTree& tree, size_t index) {
  std::vector<std::string> keys;
  for (size_t c : tree.node(index).children) keys.emplace_back(tree.node(c).key);
  return keys;
}

TEST(PathTreeTest, ChildrenComeInOrderOfFirstAppearance) {
  ReportV1 r;
  r.cells = {{"b.y", NumberCell(1)}, {"a.x", NumberCell(2)}, {"b.x", NumberCell(3)}};
  const PathTree tree(r);
  EXPECT_EQ(Keys(tree, PathTree::kRoot), (std::vector<std::string>{"b", "a"}));
  EXPECT_EQ(Keys(tree, tree.node(PathTree::kRoot).children[0]),
            (std::vector<std::string>{"y", "x"}));
}

TEST(PathTreeTest, APathSetTwiceHoldsItsLastCellAtItsFirstPosition) {
  ReportV1 r;
  r.cells = {{"t.a", NumberCell(1)}, {"t.b", NumberCell(2)}, {"t.a", NumberCell(3)}};
  const PathTree tree(r);
  const PathNode& t = tree.node(tree.node(PathTree::kRoot).children[0]);
  ASSERT_EQ(t.children.size(), 2u);
  const PathNode& a = tree.node(t.children[0]);
  EXPECT_EQ(a.key, "a");
  ASSERT_NE(a.cell, nullptr);
  EXPECT_EQ(*a.cell->value, 3);
}

TEST(PathTreeTest, ExtraRowsHangUnderTheirTable) {
  ReportV1 r;
  r.cells = {{"applications.total.x", NumberCell(1)}};
  ExtraRowOut e;
  e.table = "applications";
  e.label = "其他";
  r.extra = {e};
  const PathTree tree(r);
  const size_t table = tree.node(PathTree::kRoot).children[0];
  EXPECT_EQ(Keys(tree, table), (std::vector<std::string>{"total", "extra"}));
  const PathNode& extra = tree.node(tree.node(table).children[1]);
  ASSERT_EQ(extra.extra.size(), 1u);
  EXPECT_EQ(extra.extra[0]->label, "其他");
}

}  // namespace
}  // namespace zfxxgk
