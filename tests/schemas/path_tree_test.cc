// Tests for schemas/path_tree.h: the order and shape ToJson writes tables in.
#include "schemas/path_tree.h"
#include "tests/test_cells.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>
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


TEST(PathCursorTest, SharesTheSegmentsBeforeTheFirstDifference) {
  PathCursor cursor;
  EXPECT_EQ(cursor.Compare("a.bc.x").shared, 0u);
  cursor.MoveTo("a.bc.x", 0);
  ASSERT_EQ(cursor.depth(), 3u);
  EXPECT_EQ(cursor.segment(1), "bc");
  EXPECT_EQ(cursor.Compare("a.b.y").shared, 1u);
  EXPECT_EQ(cursor.Compare("a.bc.y").shared, 2u);
  EXPECT_EQ(cursor.Compare("b").shared, 0u);
  EXPECT_FALSE(cursor.Compare("a.bc.y").nested);
  cursor.MoveTo("a.bc.y.z", 2);
  EXPECT_EQ(cursor.depth(), 4u);
  EXPECT_EQ(cursor.segment(3), "z");
}

TEST(PathCursorTest, NestedForTheSamePathOrASegmentPrefix) {
  PathCursor cursor;
  cursor.MoveTo("a.b", 0);
  EXPECT_TRUE(cursor.Compare("a.b").nested);
  EXPECT_TRUE(cursor.Compare("a.b.c").nested);
  EXPECT_TRUE(cursor.Compare("a").nested);
  EXPECT_FALSE(cursor.Compare("a.bc").nested);
  EXPECT_FALSE(cursor.Compare("a.").nested);
}

using Cells = std::vector<std::pair<std::string, CellOut>>;

Cells CellsAt(const std::vector<std::string>& paths) {
  Cells cells;
  for (const std::string& p : paths) cells.emplace_back(p, NumberCell(1));
  return cells;
}

TEST(CellsInTreeOrderTest, TrueForRunsGroupedByPrefix) {
  EXPECT_TRUE(CellsInTreeOrder(CellsAt({"a.x.1", "a.x.2", "a.y", "b.x", "c"})));
  EXPECT_TRUE(CellsInTreeOrder(CellsAt({})));
}

TEST(CellsInTreeOrderTest, FalseForAPathSetTwice) {
  EXPECT_FALSE(CellsInTreeOrder(CellsAt({"a.x", "a.y", "a.x"})));
  EXPECT_FALSE(CellsInTreeOrder(CellsAt({"a.x", "a.x"})));
}

TEST(CellsInTreeOrderTest, FalseForAPathThatIsAPrefixOfAnother) {
  EXPECT_FALSE(CellsInTreeOrder(CellsAt({"a.x", "a.x.y"})));
  EXPECT_FALSE(CellsInTreeOrder(CellsAt({"a.x.y", "a.z", "a.x"})));
}

TEST(CellsInTreeOrderTest, FalseWhenAPrefixRunIsReopened) {
  EXPECT_FALSE(CellsInTreeOrder(CellsAt({"a.x", "b.x", "a.y"})));
  EXPECT_FALSE(CellsInTreeOrder(CellsAt({"t.a.x", "t.b.x", "t.a.y"})));
  EXPECT_FALSE(CellsInTreeOrder(CellsAt({""})));
}

// The leaves of the tree depth first, as full paths.
void Leaves(const PathTree& tree, size_t index, const std::string& prefix,
            std::vector<std::string>& out) {
  for (size_t c : tree.node(index).children) {
    const std::string path = prefix.empty() ? std::string(tree.node(c).key)
                                            : prefix + "." + std::string(tree.node(c).key);
    if (tree.node(c).cell != nullptr) out.push_back(path);
    else Leaves(tree, c, path, out);
  }
}

// Random short paths over a tiny alphabet: whenever CellsInTreeOrder says
// yes, the tree's depth-first leaves are the cells' paths in their order.
TEST(CellsInTreeOrderTest, AgreesWithTheTreeOnRandomPaths) {
  std::mt19937 rng(7);
  int in_order = 0;
  for (int round = 0; round < 3000; ++round) {
    std::vector<std::string> paths;
    const int n = 1 + static_cast<int>(rng() % 6);
    for (int i = 0; i < n; ++i) {
      std::string p(1, static_cast<char>('a' + rng() % 2));
      const int depth = static_cast<int>(rng() % 3);
      for (int d = 0; d < depth; ++d) {
        p.push_back('.');
        p.push_back(static_cast<char>('a' + rng() % 2));
      }
      paths.push_back(p);
    }
    ReportV1 r;
    r.cells = CellsAt(paths);
    std::vector<std::string> leaves;
    Leaves(PathTree(r), PathTree::kRoot, "", leaves);
    if (CellsInTreeOrder(r.cells)) {
      ++in_order;
      EXPECT_EQ(leaves, paths);
    } else {
      EXPECT_NE(leaves, paths);
    }
  }
  EXPECT_GT(in_order, 100);
}

// Dots are found a word at a time: long paths with segments of every
// length, moved to from a path sharing some of them.
TEST(PathCursorTest, SegmentsOfLongPathsAreTheDottedParts) {
  std::mt19937 rng(11);
  PathCursor cursor;
  std::string prev;
  for (int i = 0; i < 500; ++i) {
    std::string path;
    std::vector<std::string> parts;
    const int depth = 1 + static_cast<int>(rng() % 7);
    for (int d = 0; d < depth; ++d) {
      parts.emplace_back(rng() % 13, static_cast<char>('a' + rng() % 3));
      path += (d ? "." : "") + parts.back();
    }
    const size_t shared = cursor.Compare(path).shared;
    cursor.MoveTo(path, shared);
    ASSERT_EQ(cursor.depth(), parts.size()) << path;
    for (size_t d = 0; d < parts.size(); ++d) EXPECT_EQ(cursor.segment(d), parts[d]) << path;
    prev = std::move(path);
    cursor.MoveTo(prev, cursor.Compare(prev).shared);  // the cursor views `prev`
  }
}

TEST(TreeOrderCheckTest, TellsTheSharedSegmentsAndBytesOfEachPath) {
  TreeOrderCheck check;
  ASSERT_TRUE(check.Next("a.bc.d"));
  EXPECT_EQ(check.shared(), 0u);
  EXPECT_EQ(check.common(), 0u);
  ASSERT_TRUE(check.Next("a.bc.e"));
  EXPECT_EQ(check.shared(), 2u);
  EXPECT_EQ(check.common(), 5u);
  ASSERT_TRUE(check.Next("a.bd"));
  EXPECT_EQ(check.shared(), 1u);
  EXPECT_EQ(check.common(), 3u);
  EXPECT_EQ(check.cursor().segment(1), "bd");
  EXPECT_FALSE(check.Next("a.bc.f"));  // reopens "a.bc"
}

TEST(CommonPrefixTest, CountsSharedLeadingBytesAcrossWordBoundaries) {
  EXPECT_EQ(CommonPrefix("", "abc"), 0u);
  EXPECT_EQ(CommonPrefix("a.b.c", "a.b.d"), 4u);
  EXPECT_EQ(CommonPrefix("applications.row_1.x", "applications.row_1"), 18u);
  EXPECT_EQ(CommonPrefix("applications.row_2", "applications.row_1"), 17u);
}

}  // namespace
}  // namespace zfxxgk
