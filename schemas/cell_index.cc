#include "schemas/cell_index.h"

#include <functional>

namespace zfxxgk {

CellIndex::CellIndex(const std::vector<std::pair<std::string, CellOut>>& cells) {
  size_t size = 16;
  while (size < 2 * cells.size()) size *= 2;
  slots_.assign(size, {std::string_view(), nullptr});
  mask_ = size - 1;
  // In list order, overwriting: the last occurrence of a path stays.
  for (const auto& [path, cell] : cells) {
    size_t i = std::hash<std::string_view>()(path) & mask_;
    while (slots_[i].second != nullptr && slots_[i].first != path) i = (i + 1) & mask_;
    slots_[i] = {path, &cell};
  }
}

const CellOut* CellIndex::Find(std::string_view path) const {
  for (size_t i = std::hash<std::string_view>()(path) & mask_; slots_[i].second != nullptr;
       i = (i + 1) & mask_) {
    if (slots_[i].first == path) return slots_[i].second;
  }
  return nullptr;
}

}  // namespace zfxxgk
