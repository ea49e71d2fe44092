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
#ifndef ZFXXGK_SCHEMAS_PATH_TREE_H_
#define ZFXXGK_SCHEMAS_PATH_TREE_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "schemas/report_v1.h"

namespace zfxxgk {

struct PathNode {
  std::string_view key;                  // this node's segment of the path
  const CellOut* cell = nullptr;         // a leaf
  std::vector<const ExtraRowOut*> extra; // an "extra" array
  std::vector<size_t> children;          // an object: indices into the tree
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
