// Visible non-link text per element of a page's tree (internal to
// parsers/html; filled by the parser's ComputeWeights, read when choosing the
// article and telling layout tables): a map from node address to weight.
//
// An open-addressing hash table in one array: std::unordered_map made a heap
// allocation per element of the page (about 1,400 on a 40 KB report page).
// Not thread-safe; one map per parse.
#ifndef ZFXXGK_PARSERS_HTML_WEIGHT_MAP_H_
#define ZFXXGK_PARSERS_HTML_WEIGHT_MAP_H_

#include <gumbo.h>

#include <cstddef>
#include <vector>

namespace zfxxgk::html {

class WeightMap {
 public:
  WeightMap() = default;

  // Sets the weight of `node` (REQUIRES: node != nullptr), inserting it or
  // replacing its weight.
  void Set(const GumboNode* node, size_t weight);

  // The weight of `node`, or nullptr when it has none.
  const size_t* Find(const GumboNode* node) const;

  // The weight of `node`; REQUIRES: it has one.
  size_t At(const GumboNode* node) const;

  // Number of nodes with a weight.
  size_t size() const { return size_; }

 private:
  struct Slot {
    const GumboNode* node = nullptr;  // nullptr: empty
    size_t weight = 0;
  };

  size_t SlotOf(const GumboNode* node) const;  // its slot or the empty one to fill
  void Grow();

  std::vector<Slot> slots_;  // a power of two in size, at most half full
  size_t size_ = 0;
};

}  // namespace zfxxgk::html

#endif  // ZFXXGK_PARSERS_HTML_WEIGHT_MAP_H_
