// ToJson (schemas/report_v1.h) for a caller that walks the report's cells
// for more than its text (the batch worker encodes the set record too):
// the walk (schemas/path_tree.h) is made once and given to both.
//
//   const CellWalk walk(report.cells);
//   std::optional<std::string> record = EncodeSetRecord(report, walk);
//   std::string json = ToJson(report, /*pretty=*/false, std::move(storage), walk);
//
// The text is ToJson(report, pretty, storage)'s, byte for byte.
#ifndef ZFXXGK_SCHEMAS_REPORT_JSON_H_
#define ZFXXGK_SCHEMAS_REPORT_JSON_H_

#include <string>

#include "schemas/path_tree.h"
#include "schemas/report_v1.h"

namespace zfxxgk {

// REQUIRES: `walk` is CellWalk(report.cells).
std::string ToJson(const ReportV1& report, bool pretty, std::string storage,
                   const CellWalk& walk);

}  // namespace zfxxgk

#endif  // ZFXXGK_SCHEMAS_REPORT_JSON_H_
