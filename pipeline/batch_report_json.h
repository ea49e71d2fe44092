// Reading a report back from the JSON that ToJson wrote, for the batch: a
// resumed batch fills its databases and the cross-year checks from the
// report files of the earlier run instead of extracting the inputs again.
//
//   StatusOr<ReportV1> report = ReportFromJson(json_text);
//   assert(ToJson(*report, false) == json_text_without_newline);
//
// ToJson(ReportFromJson(ToJson(r))) == ToJson(r) for every report r; cells
// keep value, raw, status, unit, candidates, confidence and the source
// position ToJson writes (line, table, row, col), not byte spans. The order
// of ReportV1::cells becomes ToJson's order (grouped by path prefix).
// Errors: kInvalidArgument when the text is not a schema_version "1" report.
// Thread-safe; no exceptions.
#ifndef ZFXXGK_PIPELINE_BATCH_REPORT_JSON_H_
#define ZFXXGK_PIPELINE_BATCH_REPORT_JSON_H_

#include <string_view>

#include "pipeline/status.h"
#include "schemas/report_v1.h"

namespace zfxxgk {

StatusOr<ReportV1> ReportFromJson(std::string_view json);

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_BATCH_REPORT_JSON_H_
