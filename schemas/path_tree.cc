#include "schemas/path_tree.h"

namespace zfxxgk {

PathTree::PathTree(const ReportV1& report) : nodes_(1) {
  for (const auto& [path, cell] : report.cells) Put(path, cell);
  for (const ExtraRowOut& e : report.extra) {
    nodes_[Child(Child(kRoot, e.table), "extra")].extra.push_back(&e);
  }
}

// Index of `parent`'s child `key`, created when missing.
size_t PathTree::Child(size_t parent, std::string_view key) {
  for (size_t c : nodes_[parent].children) {
    if (nodes_[c].key == key) return c;
  }
  nodes_.emplace_back();
  nodes_.back().key = key;
  nodes_[parent].children.push_back(nodes_.size() - 1);
  return nodes_.size() - 1;
}

void PathTree::Put(std::string_view path, const CellOut& cell) {
  size_t node = kRoot;
  for (size_t dot = path.find('.'); dot != std::string_view::npos; dot = path.find('.')) {
    node = Child(node, path.substr(0, dot));
    nodes_[node].cell = nullptr;
    path.remove_prefix(dot + 1);
  }
  node = Child(node, path);
  nodes_[node].cell = &cell;  // a path set twice takes the last cell
  nodes_[node].children.clear();
}

}  // namespace zfxxgk
