// Merging distributed runs: sinks over JSONL reports, and OUTDIR imports.
#include <atomic>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "pipeline/batch.h"
#include "pipeline/batch_collector.h"
#include "pipeline/batch_report_json.h"
#include "pipeline/batch_set_record.h"
#include "pipeline/batch_state.h"
#include "pipeline/batch_worker.h"

namespace zfxxgk {
namespace {

constexpr size_t kImportGroupBytes = size_t{4} << 20;

// Emits every report line of `in`; `name` and the line number go into errors.
Status EmitLines(std::istream& in, const std::string& name, const BatchOptions& options,
                 BatchCollector& collector, size_t& index) {
  size_t line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    StatusOr<ReportV1> report = ReportFromJson(line);
    if (!report.ok()) {
      return Status(StatusCode::kInvalidArgument,
                    name + ":" + std::to_string(line_number) + ": not a report (" +
                        report.status().message() + ")");
    }
    BatchRecord record;
    record.index = index++;
    record.skipped = true;
    FillEntryFromReport(*report, record.entry);
    record.entry.set_record = EncodeSetRecord(*report).value_or(std::string());
    record.entry.path = report->source.path;
    record.entry.version = options.tool_version;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    record.json = std::move(line);
    record.report = std::move(report).value();
    RETURN_IF_ERROR(collector.Emit(record));
  }
  return OkStatus();
}

Status RunOnReports(const std::vector<std::string>& files, const BatchOptions& options,
                    const std::vector<BatchSink*>& sinks, BatchSummary& summary) {
  BatchSpillFile spill;
  RETURN_IF_ERROR(spill.Open(options.spill_dir));
  BatchCollector collector(options, nullptr, sinks, &spill, summary);
  size_t index = 0;
  for (const std::string& file : files) {
    if (file == "-") {
      RETURN_IF_ERROR(EmitLines(std::cin, "stdin", options, collector, index));
      continue;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status(StatusCode::kNotFound, file + ": cannot open");
    RETURN_IF_ERROR(EmitLines(in, file, options, collector, index));
  }
  summary.inputs = index;
  ASSIGN_OR_RETURN(summary.set, collector.Analyze());
  for (BatchSink* sink : sinks) RETURN_IF_ERROR(sink->Finish(summary.set));
  return OkStatus();
}

}  // namespace

StatusOr<BatchSummary> RunBatchOnReports(const std::vector<std::string>& jsonl_files,
                                         const BatchOptions& options,
                                         const std::vector<BatchSink*>& sinks) {
  if (!options.out_dir.empty()) {
    return Status(StatusCode::kInvalidArgument, "reports read from JSONL are not written again");
  }
  BatchSummary summary;
  summary.jobs = 1;
  try {
    RETURN_IF_ERROR(RunOnReports(jsonl_files, options, sinks, summary));
  } catch (const std::exception& e) {
    return Status(StatusCode::kInternal, std::string("batch: ") + e.what());
  }
  return summary;
}

StatusOr<size_t> ImportBatchOutputs(const std::string& from_dir, const std::string& into_dir) {
  std::error_code ec;
  if (!std::filesystem::exists(from_dir + "/" + kBatchStateFile, ec)) {
    return Status(StatusCode::kNotFound,
                  from_dir + ": no batch journal (" + kBatchStateFile + ")");
  }
  ASSIGN_OR_RETURN(std::unique_ptr<BatchState> from, BatchState::Open(from_dir));
  ASSIGN_OR_RETURN(std::unique_ptr<BatchState> into, BatchState::Open(into_dir));
  std::atomic<uint64_t> counter{0};
  std::string pending;  // lines of report files copied, not yet appended
  size_t imported = 0;
  // Both journals are read in path order: `into` is merged with `from`.
  std::string path;
  BatchJournalLine line;
  for (;;) {
    ASSIGN_OR_RETURN(bool more, from->NextLine(path, line));
    if (!more) break;
    ASSIGN_OR_RETURN(BatchStateEntry e, from->ReadEntry(path, line));
    ASSIGN_OR_RETURN(std::optional<BatchStateEntry> have, into->Find(path));
    if (have && have->sha256 == e.sha256 && have->version == e.version) continue;
    if (!e.output.empty()) {
      const std::string source = from_dir + "/" + e.output;
      StatusOr<std::string> text = ReadInputBounded(source, size_t{1} << 30);
      if (!text.ok() || !ReportFileComplete(source)) {
        return Status(StatusCode::kUnreadable, source + ": missing or incomplete report file");
      }
      RETURN_IF_ERROR(WriteFileAtomically(into_dir, e.output, *text, false, counter));
    }
    pending += StateEntryLine(e);  // its set record included
    ++imported;
    // A line is appended only after its file is in place; in groups of a few
    // MB (a line with its set record is a few KB), each fdatasync'd.
    if (pending.size() >= kImportGroupBytes) {
      RETURN_IF_ERROR(into->AppendLines(pending));
      pending.clear();
    }
  }
  RETURN_IF_ERROR(into->AppendLines(pending));
  return imported;
}

}  // namespace zfxxgk
