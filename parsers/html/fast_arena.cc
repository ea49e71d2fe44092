#include "parsers/html/fast_arena.h"

#include <algorithm>

namespace zfxxgk::html {

FastArena::FastArena(size_t first_block) : block_size_(first_block) {}

void* FastArena::AllocateInNewBlock(size_t n) {
  // Blocks double, so a large page costs few allocations.
  const size_t size = std::max(n, block_size_);
  blocks_.emplace_back(new char[size]);  // not zeroed
  next_ = blocks_.back().get() + n;
  left_ = size - n;
  block_size_ *= 2;
  return blocks_.back().get();
}

}  // namespace zfxxgk::html
