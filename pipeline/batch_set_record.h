// The compact per-report record of the batch's set analysis
// (pipeline/batch_findings.h): what AnalyzeReportSet reads of a report
// (template, organ, year, published; every cell's path, status, value, raw
// text and candidates), without sections, checks, issues or provenance.
//
// Workers encode it when a report is extracted; the journal keeps it (field
// "set"), so the end of a batch, or a resumed batch, analyses the set
// without parsing report JSON again.
//
//   std::optional<std::string> record = EncodeSetRecord(report);   // worker
//   StatusOr<ReportV1> view = DecodeSetRecord(*record);             // analysis
//
// Contract: DecodeSetRecord(*EncodeSetRecord(r)) equals, in every field the
// set analysis reads, ReportFromJson(ToJson(r, false)): cells in ToJson's
// order (grouped by path prefix; a path set twice keeps its first position
// and its last cell), values as JSON writes them (an integral value
// rounded), so set findings are byte-identical to those read from the
// report files. EncodeSetRecord returns nullopt when it cannot promise that
// (a text that is not valid UTF-8, which JSON output replaces; a cell path
// colliding with a table's "extra" rows): the caller falls back to the JSON.
// The encoding is an opaque string of length-prefixed fields (version "z1").
// Thread-safe; no exceptions (std::bad_alloc aside).
#ifndef ZFXXGK_PIPELINE_BATCH_SET_RECORD_H_
#define ZFXXGK_PIPELINE_BATCH_SET_RECORD_H_

#include <optional>
#include <string>
#include <string_view>

#include "pipeline/status.h"
#include "schemas/path_tree.h"
#include "schemas/report_v1.h"

namespace zfxxgk {

std::optional<std::string> EncodeSetRecord(const ReportV1& report);
// The same, for a caller that has walked the cells already (ToJson too:
// schemas/report_json.h). REQUIRES: `walk` is CellWalk(report.cells).
std::optional<std::string> EncodeSetRecord(const ReportV1& report, const CellWalk& walk);

// A ReportV1 holding report meta and cells only (source.path empty).
// kInvalidArgument when `record` is not an intact record of this version.
StatusOr<ReportV1> DecodeSetRecord(std::string_view record);

// Whether JSON writes `text` verbatim between quotes: valid UTF-8 without a
// quote, backslash or control character (the journal splices such records
// into its lines instead of serializing them byte by byte).
bool IsPlainJsonText(std::string_view text);

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_BATCH_SET_RECORD_H_
