// The collecting side of a batch: journal, counts, sinks, spill.
#include "pipeline/batch_collector.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>

#include "pipeline/batch_inputs.h"
#include "pipeline/batch_report_json.h"
#include "pipeline/batch_set_record.h"
#include "pipeline/batch_worker.h"

namespace zfxxgk {
namespace {

Status SpillError() { return Status(StatusCode::kUnreadable, "spill file I/O error"); }

bool Failed(const BatchStateEntry& e) {
  return e.status == BatchItemStatusName(BatchItemStatus::kFailed);
}

}  // namespace

Status BatchSpillFile::Open(const std::string& dir) {
  buffer_.reserve(kBufferBytes);  // not grown by doubling past it
  return file_.Open(dir, "zfxxgk-batch");
}

StatusOr<uint64_t> BatchSpillFile::Append(std::string_view text) {
  const uint64_t offset = file_.size() + buffer_.size();
  if (buffer_.size() + text.size() > kBufferBytes) RETURN_IF_ERROR(Flush());
  if (text.size() >= kBufferBytes) {
    RETURN_IF_ERROR(file_.Append(text));
  } else {
    buffer_ += text;
  }
  return offset;
}

Status BatchSpillFile::Flush() {
  if (buffer_.empty()) return OkStatus();
  RETURN_IF_ERROR(file_.Append(buffer_));
  buffer_.clear();
  return OkStatus();
}

StatusOr<std::string> BatchSpillFile::Read(uint64_t offset, uint64_t length) {
  if (offset + length > file_.size() + buffer_.size()) return SpillError();
  if (offset + length > file_.size()) RETURN_IF_ERROR(Flush());
  std::string text;
  text.reserve(length);
  ASSIGN_OR_RETURN(const size_t got, file_.Read(offset, length, text));
  if (got != length) return SpillError();
  return text;
}

void CountBatchRecord(const BatchRecord& r, BatchSummary& s) {
  const BatchStateEntry& e = r.entry;
  ++s.by_format[e.format.empty() ? "unknown" : e.format];
  ++s.by_status[e.status];
  if (Failed(e)) {
    ++s.failed;
    ++s.by_error[e.error_code];
    s.failures.emplace_back(e.path, e.error_code + ": " + e.error);
  } else {
    ++s.by_template[e.template_name.empty() ? "unknown" : e.template_name];
  }
  if (r.skipped) {
    ++s.skipped;
  } else if (!Failed(e)) {
    ++s.extracted;
  }
  if (!e.failing_checks.empty()) ++s.reports_with_failing_identity;
  for (const std::string& id : e.failing_checks) {
    ++s.failing_identities[id];
    std::vector<std::string>& examples = s.failing_examples[id];
    if (examples.size() < BatchSummary::kMaxExamples) examples.push_back(e.path);
  }
}

Status BatchCollector::Journal(std::vector<BatchRecord>& records) {
  if (state_ == nullptr) return OkStatus();
  std::string lines;
  for (BatchRecord& r : records) {
    if (r.skipped) continue;
    const size_t start = lines.size();
    lines += r.journal_line.empty() ? StateEntryLine(r.entry) : r.journal_line;
    const std::string_view line = std::string_view(lines).substr(start);
    if (std::optional<size_t> at = SetRecordInLine(line, r.entry.set_record)) {
      r.set_offset = state_->size() + start + *at;
      r.set_length = r.entry.set_record.size();
    }
  }
  if (lines.empty()) return OkStatus();
  if (options_.durable) {  // the renames of the reports before the lines naming them
    const int fd = ::open(options_.out_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
      ::fsync(fd);
      ::close(fd);
    }
  }
  // Without --durable the report files are not synced either: a journal
  // line lost to a power loss only means its input is done again.
  return state_->AppendLines(lines, /*sync=*/options_.durable);
}

Status BatchCollector::Emit(const BatchRecord& record) {
  CountBatchRecord(record, summary_);
  if (!Failed(record.entry)) RETURN_IF_ERROR(Keep(record));
  for (BatchSink* sink : sinks_) RETURN_IF_ERROR(sink->Add(record));
  return OkStatus();
}

// The set record when the worker (or the journal of an earlier run) gave
// one: decoding it costs a small fraction of parsing the report's JSON.
// Otherwise the JSON: spilled when there is no OUTDIR, else the report file.
Status BatchCollector::Keep(const BatchRecord& record) {
  using Source = BatchSetEntry::Source;
  BatchSetEntry entry{record.entry.path, record.entry.organ, record.entry.year};
  if (record.set_length > 0) {  // the journal has it (a copy would double the bytes written)
    entry.source = Source::kJournalRecord;
    entry.offset = record.set_offset;
    entry.length = record.set_length;
  } else if (spill_ != nullptr && !record.entry.set_record.empty()) {
    entry.source = Source::kSpillRecord;
    ASSIGN_OR_RETURN(entry.offset, spill_->Append(record.entry.set_record));
    entry.length = record.entry.set_record.size();
  } else if (options_.out_dir.empty()) {
    if (spill_ == nullptr) return Status(StatusCode::kInternal, "batch: no spill file");
    entry.source = Source::kSpillJson;
    ASSIGN_OR_RETURN(entry.offset, spill_->Append(record.json));
    entry.length = record.json.size();
  }
  return analysis_.Add(std::move(entry));
}

StatusOr<BatchSetFindings> BatchCollector::Analyze() {
  const std::string out_dir = options_.out_dir;
  BatchSpillFile* spill = spill_;
  const BatchState* state = state_;
  auto load = [out_dir, spill, state](const BatchSetEntry& e) -> StatusOr<ReportV1> {
    using Source = BatchSetEntry::Source;
    std::string text;
    if (e.source == Source::kReportFile) {
      ASSIGN_OR_RETURN(text, ReadInputBounded(out_dir + "/" + BatchOutputName(e.path), 1u << 30));
    } else if (e.source == Source::kJournalRecord) {
      ASSIGN_OR_RETURN(text, state->ReadAt(e.offset, e.length));
    } else {
      ASSIGN_OR_RETURN(text, spill->Read(e.offset, e.length));
    }
    if (e.source == Source::kSpillRecord || e.source == Source::kJournalRecord) {
      return DecodeSetRecord(text);
    }
    return ReportFromJson(text);
  };
  if (spill != nullptr) RETURN_IF_ERROR(spill->Flush());  // then `load` only reads
  const std::vector<BatchSink*>& sinks = sinks_;
  return analysis_.Run(
      load,
      [&sinks](const BodyFindings& body, const BatchPathOf& path_of) {
        for (BatchSink* sink : sinks) RETURN_IF_ERROR(sink->AddBody(body, path_of));
        return OkStatus();
      },
      analysis_.size() >= kParallelAnalysisReports ? BatchWorkerCount(options_.jobs) : 1);
}

}  // namespace zfxxgk
