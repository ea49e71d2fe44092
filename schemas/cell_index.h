// Lookup of a report's cells by contract path.
//
// ReportV1::cells is a list in emission order; the same-report comparisons
// (report_set) look cells up by path many times. CellIndex puts views
// of the paths in an open-addressing hash table once (one allocation) and
// answers by hashing the path and probing.
// REQUIRES: the cells outlive the index and are not modified while it is
// used. When a path occurs more than once, the last occurrence is found
// (as assigning into a map in list order would keep).
#ifndef ZFXXGK_SCHEMAS_CELL_INDEX_H_
#define ZFXXGK_SCHEMAS_CELL_INDEX_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "schemas/cell_value.h"

namespace zfxxgk {

class CellIndex {
 public:
  explicit CellIndex(const std::vector<std::pair<std::string, CellOut>>& cells);

  // The cell at `path`, or null when the report has none there.
  const CellOut* Find(std::string_view path) const;

 private:
  // Linear probing; a null cell marks a free slot. Size: a power of two,
  // at least twice the number of cells.
  std::vector<std::pair<std::string_view, const CellOut*>> slots_;
  size_t mask_ = 0;
};

}  // namespace zfxxgk

#endif  // ZFXXGK_SCHEMAS_CELL_INDEX_H_
