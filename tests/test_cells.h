// Cell builders for tests that assemble reports by hand.
#ifndef ZFXXGK_TESTS_TEST_CELLS_H_
#define ZFXXGK_TESTS_TEST_CELLS_H_

#include <optional>
#include <string>
#include <utility>

#include "schemas/report_v1.h"

namespace zfxxgk {

// A cell as the mapper emits it: its status, value and printed text.
inline CellOut MakeCell(CellStatus status, std::optional<double> value, std::string raw) {
  CellOut c;
  c.status = status;
  c.value = value;
  c.raw = std::move(raw);
  return c;
}

// A number cell printed as its integer part.
inline CellOut NumberCell(double v) {
  return MakeCell(CellStatus::kNumber, v, std::to_string(static_cast<long long>(v)));
}

}  // namespace zfxxgk

#endif  // ZFXXGK_TESTS_TEST_CELLS_H_
