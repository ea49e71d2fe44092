#include "schemas/cell_index.h"

#include <algorithm>

namespace zfxxgk {

CellIndex::CellIndex(const std::vector<std::pair<std::string, CellOut>>& cells) {
  sorted_.reserve(cells.size());
  for (const auto& [path, cell] : cells) sorted_.emplace_back(path, &cell);
  // Stable, so equal paths keep list order; then the last of each run stays.
  std::stable_sort(sorted_.begin(), sorted_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  size_t out = 0;
  for (size_t i = 0; i < sorted_.size(); ++i) {
    if (i + 1 < sorted_.size() && sorted_[i + 1].first == sorted_[i].first) continue;
    sorted_[out++] = sorted_[i];
  }
  sorted_.resize(out);
}

const CellOut* CellIndex::Find(std::string_view path) const {
  auto it = std::lower_bound(sorted_.begin(), sorted_.end(), path,
                             [](const auto& entry, std::string_view p) { return entry.first < p; });
  return it != sorted_.end() && it->first == path ? it->second : nullptr;
}

}  // namespace zfxxgk
