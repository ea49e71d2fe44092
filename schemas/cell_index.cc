#include "schemas/cell_index.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace zfxxgk {
namespace {

// Hash of a contract path from its length and its last 24 bytes: paths
// share long prefixes ("applications.") and differ at the end
// ("….new_received.total"). Two paths that agree there only probe further.
size_t PathHash(std::string_view path) {
  uint64_t h = path.size() * 0x9E3779B97F4A7C15ULL;
  const size_t n = std::min<size_t>(path.size(), 24);
  const char* p = path.data() + path.size() - n;
  for (size_t i = 0; i < n; i += 8) {
    uint64_t w = 0;
    std::memcpy(&w, p + i, std::min<size_t>(8, n - i));
    h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
    h ^= h >> 32;
  }
  return static_cast<size_t>(h);
}

}  // namespace

CellIndex::CellIndex(const std::vector<std::pair<std::string, CellOut>>& cells) {
  size_t size = 16;
  while (size < 2 * cells.size()) size *= 2;
  slots_.assign(size, {std::string_view(), nullptr});
  mask_ = size - 1;
  // In list order, overwriting: the last occurrence of a path stays.
  for (const auto& [path, cell] : cells) {
    size_t i = PathHash(path) & mask_;
    while (slots_[i].second != nullptr && slots_[i].first != path) i = (i + 1) & mask_;
    slots_[i] = {path, &cell};
  }
}

const CellOut* CellIndex::Find(std::string_view path) const {
  for (size_t i = PathHash(path) & mask_; slots_[i].second != nullptr;
       i = (i + 1) & mask_) {
    if (slots_[i].first == path) return slots_[i].second;
  }
  return nullptr;
}

}  // namespace zfxxgk
