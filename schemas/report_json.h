// Parts of ToJson (schemas/report_v1.h) for other writers: the overload for
// a caller that walks the report's cells for more than its text (the batch
// worker encodes the set record too: the walk, schemas/path_tree.h, is made
// once and given to both), and the pieces of its text that the batch's set
// findings embed.
//
//   const CellWalk walk(report.cells);
//   std::optional<std::string> record = EncodeSetRecord(report, walk);
//   std::string json = ToJson(report, /*pretty=*/false, std::move(storage), walk);
//
// The text is ToJson(report, pretty, storage)'s, byte for byte.
#ifndef ZFXXGK_SCHEMAS_REPORT_JSON_H_
#define ZFXXGK_SCHEMAS_REPORT_JSON_H_

#include <optional>
#include <string>
#include <vector>

#include "schemas/json_writer.h"
#include "schemas/path_tree.h"
#include "schemas/report_v1.h"

namespace zfxxgk {

// REQUIRES: `walk` is CellWalk(report.cells).
std::string ToJson(const ReportV1& report, bool pretty, std::string storage,
                   const CellWalk& walk);

// Pieces of ToJson's text for other documents that embed them (the batch's
// set findings). A number: null, an integer when integral (|v| < 9e15),
// else the double as nlohmann's dump writes it.
void WriteOptionalNumberJson(JsonWriter& w, const std::optional<double>& v);
// A checks array. ToJson writes "difference" for failing checks only
// (kFailuresOnly); set findings write it for any check with both sides.
enum class CheckDifference { kFailuresOnly, kWhenBothNumbers };
void WriteChecksJson(JsonWriter& w, const std::vector<CheckOut>& checks,
                     CheckDifference difference);

}  // namespace zfxxgk

#endif  // ZFXXGK_SCHEMAS_REPORT_JSON_H_
