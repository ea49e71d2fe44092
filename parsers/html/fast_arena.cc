#include "parsers/html/fast_arena.h"

#include <algorithm>
#include <cstring>

namespace zfxxgk::html {

namespace {
constexpr size_t kAlign = alignof(std::max_align_t);
}  // namespace

FastArena::FastArena(size_t first_block) : block_size_(first_block) {}

void* FastArena::Allocate(size_t n) {
  n = (n + kAlign - 1) & ~(kAlign - 1);
  if (n > left_) {
    // Blocks double, so a large page costs few allocations.
    const size_t size = std::max(n, block_size_);
    blocks_.emplace_back(new char[size]);  // not zeroed
    next_ = blocks_.back().get();
    left_ = size;
    block_size_ *= 2;
  }
  void* p = next_;
  next_ += n;
  left_ -= n;
  return p;
}

void* FastArena::ZeroAllocate(size_t n) {
  void* p = Allocate(n);
  std::memset(p, 0, n);
  return p;
}

const char* FastArena::CopyString(std::string_view s) {
  char* p = static_cast<char*>(Allocate(s.size() + 1));
  if (!s.empty()) std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  return p;
}

}  // namespace zfxxgk::html
