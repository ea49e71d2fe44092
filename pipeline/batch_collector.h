// The collecting side of a batch (pipeline/batch.h), shared by RunBatch and
// RunBatchOnReports: journal appends, summary counts, the sinks in input
// order, and the reports kept for the set analysis.
//
// Not thread-safe: one thread at a time uses a BatchCollector (in RunBatch,
// the worker that is collecting).
#ifndef ZFXXGK_PIPELINE_BATCH_COLLECTOR_H_
#define ZFXXGK_PIPELINE_BATCH_COLLECTOR_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/batch.h"
#include "pipeline/batch_findings.h"
#include "pipeline/batch_state.h"
#include "pipeline/status.h"
#include "pipeline/temp_file.h"

namespace zfxxgk {

// What the set analysis reads at the end of a batch, kept out of memory: an
// unlinked temporary file of set records (and of report JSON texts when
// there is no OUTDIR), addressed by offset and length (the file keeps no
// index, so its memory does not grow with the records).
class BatchSpillFile {
 public:
  // Creates the file in `dir` ($TMPDIR or /tmp when empty). kUnreadable.
  Status Open(const std::string& dir);
  // Appends one text (a set record or a report's JSON); returns its offset
  // (its length is the text's).
  StatusOr<uint64_t> Append(std::string_view text);
  // The text appended at `offset` with `length` bytes. Safe from several
  // threads at once after Flush, until the next Append.
  StatusOr<std::string> Read(uint64_t offset, uint64_t length);
  // Writes the buffered texts to the file. kUnreadable.
  Status Flush();

 private:
  // Records of a few KB each: buffered, the file takes a write per MB
  // rather than one per record.
  static constexpr size_t kBufferBytes = size_t{1} << 20;
  TempFile file_;
  std::string buffer_;  // the texts after file_.size()
};

// Adds one record to the summary's counts.
void CountBatchRecord(const BatchRecord& record, BatchSummary& summary);

class BatchCollector {
 public:
  // `state` null: no journal. The set analysis reads a report's set record
  // from the journal line this run appended, else from `spill`, which keeps
  // the set records of skipped inputs and of runs without a journal (and,
  // without options.out_dir, the JSON of reports that have none); `spill`
  // is null only with an out_dir, where reports are then read back from
  // their files. All must outlive the collector.
  BatchCollector(const BatchOptions& options, BatchState* state,
                 const std::vector<BatchSink*>& sinks, BatchSpillFile* spill,
                 BatchSummary& summary)
      : options_(options),
        state_(state),
        sinks_(sinks),
        spill_(spill),
        summary_(summary),
        analysis_(kMaxInputsPerYear, SortOptions(options)) {}

  // Journal lines for the records completed in this run (not skipped), with
  // one fdatasync; with options.durable the directory is synced first. Sets
  // each record's set_offset and set_length where the line holds its set
  // record as it is.
  Status Journal(std::vector<BatchRecord>& records);

  // Counts the record, keeps it for the set analysis, hands it to the sinks.
  Status Emit(const BatchRecord& record);

  // The set findings over every emitted report: each body to every sink's
  // AddBody (from one thread at a time, in order), then the totals. Bodies
  // are analysed on BatchWorkerCount(options.jobs) threads once the batch
  // has kParallelAnalysisReports reports, else on the calling thread alone.
  // Call once, after the last Emit.
  StatusOr<BatchSetFindings> Analyze();

 private:
  static constexpr size_t kMaxInputsPerYear = 8;  // see BatchSetAnalysis
  // Below this many reports the analysis takes milliseconds: no thread is
  // started for it (nor left exiting as the process ends).
  static constexpr size_t kParallelAnalysisReports = 1000;
  // The grouping by body holds at most about 512 KiB per sort
  // (ExternalSortOptions' default); its temporary file goes with the spill
  // file.
  static ExternalSortOptions SortOptions(const BatchOptions& options) {
    ExternalSortOptions sort;
    sort.dir = options.spill_dir;
    return sort;
  }
  Status Keep(const BatchRecord& record);  // for the set analysis

  const BatchOptions& options_;
  BatchState* state_;
  const std::vector<BatchSink*>& sinks_;
  BatchSpillFile* spill_;
  BatchSummary& summary_;
  BatchSetAnalysis analysis_;
};

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_BATCH_COLLECTOR_H_
