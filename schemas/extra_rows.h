// Rows a report adds beyond the template (a provincial extra row, a subtotal)
// go under the table's `extra` array: never dropped, never mixed into the
// fixed keys.
#ifndef ZFXXGK_SCHEMAS_EXTRA_ROWS_H_
#define ZFXXGK_SCHEMAS_EXTRA_ROWS_H_

#include <string>
#include <vector>

#include "schemas/item_stream.h"
#include "schemas/report_v1.h"
#include "schemas/template.h"

namespace zfxxgk {

// Table rows in [begin, limit) that have a text label naming no template
// row, at least one numeric value, and no cell already used by
// report.cells, are appended to report.extra under `table` ("applications").
// Their values are keyed by `columns` in order (the first n values).
void CollectExtraRows(const std::vector<Item>& items, StreamPos begin, StreamPos limit,
                      const std::string& table, const std::vector<std::string>& columns,
                      const std::vector<std::vector<std::string>>& known_aliases,
                      ReportV1& report);

}  // namespace zfxxgk

#endif  // ZFXXGK_SCHEMAS_EXTRA_ROWS_H_
