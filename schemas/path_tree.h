// The "tables" object of a report as a tree of its cells' dotted paths.
//
// Children come in order of first appearance; a path set twice holds its
// last cell; a table's extra rows hang under "<table>.extra". ToJson
// (schemas/report_json.cc) writes the tree depth first, and the batch's set
// record (pipeline/batch_set_record.cc) lists cells in the same order, so
// both agree on it by construction.
//
//   PathTree tree(report);
//   for (size_t c : tree.node(PathTree::kRoot).children) { ... tree.node(c) ... }
//
// The tree holds views into `report`, which must outlive it.
//
// CellsInTreeOrder says when the tree is the cells' own order, so that it
// need not be built; TreeOrderCheck is the same check one path at a time:
// ToJson writes the cells as they come while they pass it, and the set
// record lists them as they are (the mapper emits cells that way).
#ifndef ZFXXGK_SCHEMAS_PATH_TREE_H_
#define ZFXXGK_SCHEMAS_PATH_TREE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/utf8.h"
#include "schemas/report_v1.h"

namespace zfxxgk {

struct PathNode {
  std::string_view key;                  // this node's segment of the path
  const CellOut* cell = nullptr;         // a leaf
  std::vector<const ExtraRowOut*> extra; // an "extra" array
  std::vector<size_t> children;          // an object: indices into the tree
};

// Whether the tree read depth first visits `cells` in their own order, each
// path's leaf holding its own cell: no path is empty, set twice or a
// segment prefix of another ("a.b" and "a.b.c"), and the cells below each
// segment prefix are one contiguous run ("a.x", "b.y", "a.z" is not).
// Linear in the paths' length (a key is compared with its closed
// siblings only). Thread-safe.
bool CellsInTreeOrder(const std::vector<std::pair<std::string, CellOut>>& cells);

// The number of leading bytes `a` and `b` share (eight at a time).
// (Out of line: inlined into a caller holding short literals, GCC's
// -Warray-bounds flags the word loads it never reaches.)
size_t CommonPrefix(std::string_view a, std::string_view b);

// A walk through dotted paths one after the other, as a depth-first writer
// of their tree goes: the segments the next path shares with the current
// one stay open, the current path's others close, the next path's others
// open. Only the bytes after the common prefix are scanned for dots.
//
//   PathCursor cursor;
//   for (const std::string& path : paths) {
//     const PathCursor::Step step = cursor.Compare(path);
//     // close cursor.segment(d) for d = cursor.depth() - 1 down to step.shared
//     cursor.MoveTo(path, step);
//     // open cursor.segment(d) for d = step.shared up to cursor.depth() - 1
//   }
//
// Holds a view of the current path, which must outlive its use.
class PathCursor {
 public:
  struct Step {
    size_t shared = 0;    // leading segments the next path shares
    size_t common = 0;    // leading bytes the next path shares
    bool nested = false;  // the next path equals the current one or one is
                          // a segment prefix of the other ("a.b", "a.b.c")
  };

  Step Compare(std::string_view next) const;
  // REQUIRES: step == Compare(next). Scans `next` from the common prefix on.
  void MoveTo(std::string_view next, const Step& step);
  // REQUIRES: shared == Compare(next).shared. Scans `next` from its first
  // segment not shared on.
  void MoveTo(std::string_view next, size_t shared);

  size_t depth() const { return depth_; }  // 0 before the first path
  size_t start(size_t d) const { return starts_[d]; }  // where segment(d) starts
  std::string_view segment(size_t d) const {
    const size_t end = d + 1 < depth_ ? starts_[d + 1] - 1 : path_.size();
    return path_.substr(starts_[d], end - starts_[d]);
  }

 private:
  void AddSegmentsFrom(size_t from);  // the segment starts in path_ after `from`

  std::string_view path_;
  // Where each segment of path_ starts: the first depth_ (the vector is
  // sized ahead, not per path).
  std::vector<size_t> starts_;
  size_t depth_ = 0;
};

// CellsInTreeOrder's check one path at a time, for a caller that walks
// the paths anyway (ToJson writes the cells as it checks them; the set
// record encodes them): Next(path) is false once `path`, following the
// paths given before, breaks the order. After a true Next, cursor() is at
// `path`, shared() is the number of leading segments `path` shares with
// the path before it and common() that of leading bytes (0 for the first).
//
//   TreeOrderCheck check;
//   for (const auto& [path, cell] : cells) {
//     if (!check.Next(path)) return Fallback();
//     ... check.shared(), check.cursor().segment(d) ...
//   }
//
// Holds views of the paths, which must outlive its use.
class TreeOrderCheck {
 public:
  bool Next(std::string_view path);

  const PathCursor& cursor() const { return cursor_; }
  size_t shared() const { return shared_; }
  size_t common() const { return common_; }

 private:
  PathCursor cursor_;
  size_t shared_ = 0;
  size_t common_ = 0;
  // The keys of the nodes already closed under each open node (a key that
  // comes back would reopen its node), one stack for all depths: those of
  // depth d are closed_[d == 0 ? 0 : levels_[d - 1].end, levels_[d].end).
  // Closing a node forgets the keys below it, which lie at the stack's top.
  // (Both vectors are sized ahead: the stack is closed_[0, closed_size_),
  // the levels the first cursor_.depth().)
  struct Level {
    size_t end = 0;
    uint64_t keys = 0;  // a bit per closed key (KeyBit): most new keys miss
  };
  std::vector<std::string_view> closed_;
  size_t closed_size_ = 0;
  std::vector<Level> levels_;
};

// TreeOrderCheck's walk through the cells' paths, made once for the
// writers that follow it (ToJson's tables and the batch's set record, both
// of the same report): each reads a path's step instead of checking the
// order again.
//
//   const CellWalk walk(report.cells);
//   if (walk.in_tree_order()) {
//     for (size_t i = 0; i < report.cells.size(); ++i) {
//       ... walk.shared(i), walk.common(i), walk.segment(i, d) for d < walk.depth(i) ...
//     }
//   }
//
// Steps are kept only for cells in tree order (else there are none). Holds
// views of the paths, which must outlive it.
class CellWalk {
 public:
  explicit CellWalk(const std::vector<std::pair<std::string, CellOut>>& cells);

  bool in_tree_order() const { return in_order_; }
  // As TreeOrderCheck's after the Next of cell i.
  size_t shared(size_t i) const { return steps_[i].shared; }
  size_t common(size_t i) const { return steps_[i].common; }
  size_t depth(size_t i) const { return steps_[i + 1].first - steps_[i].first; }
  std::string_view segment(size_t i, size_t d) const {
    const Step& step = steps_[i];
    const size_t begin = starts_[step.first + d];
    const size_t end = d + 1 < depth(i) ? starts_[step.first + d + 1] - 1 : step.path.size();
    return step.path.substr(begin, end - begin);
  }

 private:
  struct Step {
    std::string_view path;
    size_t common = 0;
    size_t shared = 0;
    size_t first = 0;  // its segments' starts begin at starts_[first]
  };
  bool in_order_ = true;
  std::vector<Step> steps_;    // one per cell, then one that ends the last
  std::vector<size_t> starts_;
};

class PathTree {
 public:
  static constexpr size_t kRoot = 0;

  explicit PathTree(const ReportV1& report);

  const PathNode& node(size_t index) const { return nodes_[index]; }

 private:
  size_t Child(size_t parent, std::string_view key);
  void Put(std::string_view path, const CellOut& cell);

  std::vector<PathNode> nodes_;
};

}  // namespace zfxxgk

#endif  // ZFXXGK_SCHEMAS_PATH_TREE_H_
