// The JSON of set findings (schemas/report_set.h), shared by `zfxxgk check
// --json` and the batch's findings file so both print a body the same way:
//
//   {"organ", "key", "inputs": [path…],
//    "same_report": [{"first", "second", "agreeing", "disagreeing": [pair…],
//                     "resolved": […], "ambiguous_in_both", "one_sided",
//                     "metadata_differences"}…],
//    "years": [{"year", "inputs", "previous_year", "status", "note"?,
//               "x1": [check…], "in_force": [check…]}…]}
//
// Findings name reports by index; `path_of` gives an index's input path.
#ifndef ZFXXGK_SCHEMAS_REPORT_SET_JSON_H_
#define ZFXXGK_SCHEMAS_REPORT_SET_JSON_H_

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "schemas/report_set.h"
#include "schemas/report_v1.h"

namespace zfxxgk {

using SetJson = nlohmann::ordered_json;
using SetPathOf = std::function<const std::string&(size_t)>;

// null, an integer when `v` is integral (|v| < 9e15), else a double.
SetJson OptionalNumberJson(const std::optional<double>& v);

// {"id", "where", "status", "lhs", "rhs", "difference"?, "note"?}
SetJson CheckJson(const CheckOut& check);

// {"value", "raw", "status", "candidates"? (ambiguous cells; null first when
// absence is a candidate)}
SetJson CellJson(const CellOut& cell);

// One body, as above.
SetJson BodyFindingsJson(const BodyFindings& body, const SetPathOf& path_of);

}  // namespace zfxxgk

#endif  // ZFXXGK_SCHEMAS_REPORT_SET_JSON_H_
