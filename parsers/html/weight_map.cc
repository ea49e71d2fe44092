#include "parsers/html/weight_map.h"

#include <cassert>
#include <cstdint>

namespace zfxxgk::html {
namespace {

constexpr size_t kFirstCapacity = 4096;  // slots (64 KB): no growth up to 2,048 elements

// Node addresses are 8-byte aligned and close together: Fibonacci hashing
// spreads them over the table.
size_t Hash(const GumboNode* node) {
  return static_cast<size_t>((reinterpret_cast<uintptr_t>(node) >> 3) *
                             UINT64_C(0x9E3779B97F4A7C15) >> 32);
}

}  // namespace

size_t WeightMap::SlotOf(const GumboNode* node) const {
  const size_t mask = slots_.size() - 1;
  size_t i = Hash(node) & mask;
  while (slots_[i].node != nullptr && slots_[i].node != node) i = (i + 1) & mask;
  return i;
}

void WeightMap::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? kFirstCapacity : old.size() * 2, Slot{});
  for (const Slot& s : old) {
    if (s.node != nullptr) slots_[SlotOf(s.node)] = s;
  }
}

void WeightMap::Set(const GumboNode* node, size_t weight) {
  assert(node != nullptr);
  if ((size_ + 1) * 2 > slots_.size()) Grow();
  Slot& slot = slots_[SlotOf(node)];
  if (slot.node == nullptr) ++size_;
  slot.node = node;
  slot.weight = weight;
}

const size_t* WeightMap::Find(const GumboNode* node) const {
  if (slots_.empty()) return nullptr;
  const Slot& slot = slots_[SlotOf(node)];
  return slot.node == nullptr ? nullptr : &slot.weight;
}

size_t WeightMap::At(const GumboNode* node) const {
  const size_t* weight = Find(node);
  assert(weight != nullptr);
  return weight == nullptr ? 0 : *weight;
}

}  // namespace zfxxgk::html
