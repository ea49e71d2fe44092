// Batch outputs beside the per-report files: a JSONL stream, a long-format
// CSV, the set findings as JSON, and (pipeline/batch_sqlite.h) a SQLite
// database. Each is rebuilt completely by every run: a file target is written
// to "<FILE>.partial" and renamed onto FILE by Finish, so a killed batch
// never leaves a half-written FILE behind (a rerun overwrites the .partial).
//
//   StatusOr<std::unique_ptr<BatchSink>> jsonl = NewJsonlSink("-");  // stdout
//   StatusOr<std::unique_ptr<BatchSink>> csv = NewCsvSink("cells.csv");
//
// Not thread-safe: RunBatch calls a sink from one thread. Errors: kUnreadable
// when the target cannot be created or written.
#ifndef ZFXXGK_PIPELINE_BATCH_SINKS_H_
#define ZFXXGK_PIPELINE_BATCH_SINKS_H_

#include <functional>
#include <memory>
#include <string>

#include "pipeline/batch.h"
#include "pipeline/status.h"
#include "schemas/report_v1.h"

namespace zfxxgk {

// One JSON report per line (ToJson, compact), in input order; failed inputs
// have no line. "-" writes to standard output, flushed after every line.
StatusOr<std::unique_ptr<BatchSink>> NewJsonlSink(const std::string& path);

// The header "input_path,organ,year,cell_path,value,raw,status", then one
// row per cell of every report, in input order (RFC 4180: fields quoted
// when they hold a comma, quote or line break; CRLF line ends; UTF-8).
// cell_path is below "tables." ("applications.new_received.total"); extra
// rows are "<table>.extra.<n>.<key>" with n counted from 1 in each table.
// `bom` starts the file with a UTF-8 byte order mark (for Excel).
StatusOr<std::unique_ptr<BatchSink>> NewCsvSink(const std::string& path, bool bom = false);

// Writes the set findings as JSON (BatchSetFindingsJsonWriter) to `path`,
// body by body; "-" = standard output.
StatusOr<std::unique_ptr<BatchSink>> NewFindingsJsonSink(const std::string& path);

// Calls `fn(path, cell, label)` for every cell of `report`: the template
// cells (label empty), then extra rows' cells with the paths described at
// NewCsvSink and the row's printed label.
void ForEachBatchCell(
    const ReportV1& report,
    const std::function<void(const std::string& path, const CellOut& cell,
                             const std::string& label)>& fn);

// A cell value as written in CSV and SQLite text: an integer when the cell
// is integral ("12", "-70"), else the shortest text that reads back as the
// same double ("5949.088667").
std::string FormatBatchValue(double value, bool integral);

// The RFC 4180 form of one CSV field.
std::string CsvField(const std::string& field);

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_BATCH_SINKS_H_
