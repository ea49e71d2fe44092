#include "schemas/path_tree.h"

namespace zfxxgk {

// Closing a node forgets the keys closed below it.
bool TreeOrderCheck::Next(std::string_view path) {
  if (path.empty()) return false;
  const PathCursor::Step step = cursor_.Compare(path);
  if (step.nested) return false;
  if (closed_.size() <= cursor_.depth()) closed_.resize(cursor_.depth() + 1);
  for (size_t d = cursor_.depth(); d-- > step.shared;) {
    closed_[d + 1].clear();
    closed_[d].push_back(cursor_.segment(d));
  }
  cursor_.MoveTo(path, step.shared);
  shared_ = step.shared;
  common_ = step.common;
  const std::string_view key = cursor_.segment(step.shared);
  for (std::string_view k : closed_[step.shared]) {
    if (k == key) return false;
  }
  return true;
}

bool CellsInTreeOrder(const std::vector<std::pair<std::string, CellOut>>& cells) {
  TreeOrderCheck check;
  for (const auto& [path, cell] : cells) {
    if (!check.Next(path)) return false;
  }
  return true;
}

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

size_t CommonPrefix(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  size_t i = 0;
  if constexpr (std::endian::native == std::endian::little) {
    for (; i + 8 <= n; i += 8) {
      const uint64_t x = LoadWord(a.data() + i) ^ LoadWord(b.data() + i);
      if (x != 0) return i + static_cast<size_t>(std::countr_zero(x)) / 8;
    }
  }
  while (i < n && a[i] == b[i]) ++i;
  return i;
}

}  // namespace zfxxgk
