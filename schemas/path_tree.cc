#include "schemas/path_tree.h"

#include <algorithm>
#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace zfxxgk {

namespace {

#if defined(__SSE2__)
// Bit i set where the sixteen bytes at a and b differ at i.
unsigned Mismatches16(const char* a, const char* b) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a));
  const __m128i y = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b));
  return ~static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, y))) & 0xFFFF;
}

// Bit i set where the byte at p + i is a dot.
unsigned Dots16(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('.'))));
}
#endif

// A key's bit in a level's set of closed keys: sibling keys mostly differ
// in length or last byte.
uint64_t KeyBit(std::string_view key) {
  const unsigned last = key.empty() ? 0 : static_cast<unsigned char>(key.back());
  return uint64_t{1} << ((key.size() + 3 * last) & 63);
}

}  // namespace

// A segment is shared when the dot that ends it lies in the common prefix;
// the current path's last segment has no dot and is never shared.
PathCursor::Step PathCursor::Compare(std::string_view next) const {
  Step step;
  if (depth_ == 0) return step;
  const size_t c = CommonPrefix(path_, next);
  step.common = c;
  step.nested = (c == path_.size() && (c == next.size() || next[c] == '.')) ||
                (c == next.size() && path_[c] == '.');
  size_t shared = depth_ - 1;
  while (shared > 0 && starts_[shared] > c) --shared;
  step.shared = shared;
  return step;
}

// The common prefix holds the shared segments' dots and no other (the
// segment after them ends past it), so the scan for the next path's other
// dots starts where the paths differ.
void PathCursor::MoveTo(std::string_view next, const Step& step) {
  path_ = next;
  depth_ = step.shared + 1;
  // Room for a segment after each byte past the common prefix.
  const size_t most = depth_ + next.size() - step.common;
  if (starts_.size() < most) starts_.resize(std::max(most, 2 * starts_.size()));
  starts_[0] = 0;
  AddSegmentsFrom(step.common);
}

void PathCursor::MoveTo(std::string_view next, size_t shared) {
  Step step;
  step.shared = shared;
  step.common = depth_ == 0 ? 0 : starts_[shared];  // at most the common prefix
  MoveTo(next, step);
}

// Sixteen bytes at a time where SSE2 is there, the last few in a block that
// overlaps bytes already scanned; else a word at a time where bytes are
// little-endian (no memchr call per dot).
void PathCursor::AddSegmentsFrom(size_t i) {
  const char* p = path_.data();
  const size_t n = path_.size();
#if defined(__SSE2__)
  auto add = [&](size_t base, unsigned dots) {
    for (; dots != 0; dots &= dots - 1) {
      starts_[depth_++] = base + static_cast<size_t>(std::countr_zero(dots)) + 1;
    }
  };
  for (; i + 16 <= n; i += 16) add(i, Dots16(p + i));
  if (i < n && n >= 16) return add(n - 16, Dots16(p + n - 16) & (0xFFFFu << (i - (n - 16))));
#endif
  if constexpr (std::endian::native == std::endian::little) {
    constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7F;
    for (; i + 8 <= n; i += 8) {
      const uint64_t x = LoadWord(p + i) ^ (kWordOnes * '.');       // 0 at a dot
      uint64_t dots = ~(((x & kLow7) + kLow7) | x) & kWordHighBits;  // exact
      for (; dots != 0; dots &= dots - 1) {
        starts_[depth_++] = i + static_cast<size_t>(std::countr_zero(dots)) / 8 + 1;
      }
    }
  }
  for (; i < n; ++i) {
    if (p[i] == '.') starts_[depth_++] = i + 1;
  }
}

// Of the current path's segments that close, only the one at depth `shared`
// is remembered: those below it are forgotten with it. (Flattened: the
// cursor's steps are inlined, which halves the cost per path.)
[[gnu::flatten]] bool TreeOrderCheck::Next(std::string_view path) {
  if (path.empty()) return false;
  const PathCursor::Step step = cursor_.Compare(path);
  if (step.nested) return false;
  const size_t s = step.shared;
  if (cursor_.depth() > 0) {
    const std::string_view closing = cursor_.segment(s);
    closed_size_ = levels_[s].end;
    if (closed_size_ == closed_.size()) closed_.resize(2 * closed_size_ + 16);
    closed_[closed_size_++] = closing;
    levels_[s].end = closed_size_;
    levels_[s].keys |= KeyBit(closing);
  }
  cursor_.MoveTo(path, step);
  const size_t depth = cursor_.depth();
  if (levels_.size() < depth) levels_.resize(std::max(depth, 2 * levels_.size()));
  for (size_t d = s + 1; d < depth; ++d) levels_[d] = {closed_size_, 0};
  shared_ = s;
  common_ = step.common;
  const std::string_view key = cursor_.segment(s);
  if ((levels_[s].keys & KeyBit(key)) == 0) return true;
  for (size_t k = s == 0 ? 0 : levels_[s - 1].end; k < closed_size_; ++k) {
    if (closed_[k] == key) return false;
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

CellWalk::CellWalk(const std::vector<std::pair<std::string, CellOut>>& cells) {
  steps_.reserve(cells.size() + 1);
  starts_.reserve(4 * cells.size());
  TreeOrderCheck check;
  for (const auto& [path, cell] : cells) {
    if (!check.Next(path)) {
      in_order_ = false;
      steps_.clear();
      starts_.clear();
      return;
    }
    const PathCursor& cursor = check.cursor();
    steps_.push_back({path, check.common(), check.shared(), starts_.size()});
    for (size_t d = 0; d < cursor.depth(); ++d) starts_.push_back(cursor.start(d));
  }
  steps_.push_back({{}, 0, 0, starts_.size()});
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

// Sixteen bytes at a time where SSE2 is there (the last few in a block
// that overlaps bytes compared), else eight.
size_t CommonPrefix(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  size_t i = 0;
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16) {
    const unsigned diff = Mismatches16(a.data() + i, b.data() + i);
    if (diff != 0) return i + static_cast<size_t>(std::countr_zero(diff));
  }
  if (i < n && n >= 16) {
    const unsigned diff = Mismatches16(a.data() + n - 16, b.data() + n - 16);
    return diff != 0 ? n - 16 + static_cast<size_t>(std::countr_zero(diff)) : n;
  }
#endif
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
