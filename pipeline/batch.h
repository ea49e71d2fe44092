// Batch conversion: many inputs, worker threads, per-input isolation,
// atomic per-report files, a resumable journal, and sinks (JSONL, SQLite,
// CSV) fed in input order; the cross-year findings run over the whole batch
// at the end.
//
//   BatchOptions options;
//   options.out_dir = "out";                 // out/<BatchOutputName(path)>
//   options.jobs = 4;
//   std::unique_ptr<BatchSink> jsonl = ...;  // pipeline/batch_sinks.h
//   StatusOr<BatchSummary> summary = RunBatch(inputs, options, {jsonl.get()});
//
// An input that cannot be read or extracted is recorded (summary, journal,
// sinks) and the batch goes on. A non-OK return means the batch itself could
// not go on: an output or the journal could not be written, a sink failed, or
// the extractor factory failed. Error codes: kUnreadable (I/O),
// kInvalidArgument (OUTDIR locked by another batch), kInternal.
//
// Exactly once: a report file is written to a temporary name and renamed;
// only then is its journal line appended (with `durable`, fdatasync'd,
// grouped when several inputs complete together). A run killed at any point and started again
// skips the inputs whose journal line matches (path, sha256 of the bytes,
// tool version) and whose report file is complete, and redoes the others:
// every report file exists once, and the journal holds one line per
// (path, sha256, version). Sinks are rebuilt completely by every run, from
// the report files of skipped inputs.
//
// Memory: the journal is not held in memory. Its latest line per path is
// sorted on disk (BatchState) and merged with an input list sorted by bytes
// (BatchInputList::Collect, or a vector already in that order); only an
// unsorted vector, whose paths the caller holds in memory anyway, has the
// journal's line positions indexed in memory (about 100 bytes per path).
//
// Thread-safety: RunBatch may be called from any thread; it runs `jobs`
// workers, which take turns feeding the sinks, while the calling thread
// calls the progress callback, then runs the set analysis.
#ifndef ZFXXGK_PIPELINE_BATCH_H_
#define ZFXXGK_PIPELINE_BATCH_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/batch_findings.h"
#include "pipeline/batch_input_list.h"
#include "pipeline/batch_state.h"
#include "pipeline/extract.h"
#include "pipeline/status.h"
#include "schemas/report_v1.h"

namespace zfxxgk {

// The outcome of one input: kOk (report without issues), kPartial (report
// with issues), kFailed (no report; the error is recorded).
enum class BatchItemStatus { kOk, kPartial, kFailed };
const char* BatchItemStatusName(BatchItemStatus status);  // "ok" | "partial" | "failed"

// Extraction as a worker sees it. One instance per worker thread, created
// once by the factory before the worker's first input: where a stateful
// engine (one OCR engine per worker) lives. Tests inject fakes.
class BatchExtractor {
 public:
  virtual ~BatchExtractor() = default;
  // `sha256` is Sha256Hex(bytes) when the worker has hashed the input
  // already (to compare it with the journal), else empty: the extractor
  // takes it as source.sha256 instead of hashing the bytes again.
  virtual StatusOr<ReportV1> Extract(std::string_view bytes, const std::string& path,
                                     std::string_view sha256) = 0;
};
using BatchExtractorFactory = std::function<StatusOr<std::unique_ptr<BatchExtractor>>()>;

// ExtractBytes with `options`.
std::unique_ptr<BatchExtractor> NewDefaultBatchExtractor(const ExtractOptions& options);

// One input as the sinks see it, in input order.
struct BatchRecord {
  size_t index = 0;          // position in the input list
  int worker = 0;            // the worker that made it, which also frees it (RunBatch)
  BatchStateEntry entry;     // path, sha256, status, metadata, error
  bool skipped = false;      // done by an earlier run: not extracted again
  // The report (not for failed inputs). For a skipped input it is read back
  // from its file only when a sink wants_report().
  std::optional<ReportV1> report;
  // ToJson(report, false) without a newline; for a skipped input only when
  // a sink wants_json().
  std::string json;
  // StateEntryLine(entry), rendered by the worker when there is a journal
  // (not for skipped inputs), so the collector only writes it.
  std::string journal_line;
  // Where the journal holds entry.set_record byte for byte, set by the
  // collector when it appends the line (length 0: not there). The set
  // analysis reads the record back from there instead of keeping a copy.
  uint64_t set_offset = 0, set_length = 0;
};

// A consumer of the batch's records (pipeline/batch_sinks.h). Called from
// one thread at a time (Add from whichever worker is collecting, AddBody from
// whichever thread of the set analysis hands the next body on, Finish from
// RunBatch's caller): Add for every input in input order, then AddBody for
// each body of the set findings in order, then Finish once.
class BatchSink {
 public:
  virtual ~BatchSink() = default;
  virtual bool wants_report() const = 0;
  virtual bool wants_json() const = 0;
  virtual Status Add(const BatchRecord& record) = 0;
  // One body of the set findings (BodyFindings' indices are input indices;
  // `path_of` names them). Default: ignored.
  virtual Status AddBody(const BodyFindings& body, const BatchPathOf& path_of) {
    (void)body;
    (void)path_of;
    return OkStatus();
  }
  // After the last body: the totals, then commit (e.g. rename into place).
  virtual Status Finish(const BatchSetFindings& totals) = 0;
};

struct BatchProgress {
  size_t total = 0;     // inputs in the batch
  size_t done = 0;      // completed (extracted, failed or skipped)
  size_t skipped = 0;   // of done: already done in an earlier run
  size_t failed = 0;    // of done
  double seconds = 0;   // since the start
};

struct BatchOptions {
  // Worker threads; 0 = std::thread::hardware_concurrency().
  int jobs = 0;
  // Directory for the report files and the journal; created when needed.
  // Empty: no report files, no journal, no resume (sinks only).
  std::string out_dir;
  // Skip inputs the journal has done with the same sha256 and version.
  bool resume = true;
  // Recorded in the journal; a different version redoes every input.
  std::string tool_version = ZFXXGK_VERSION;
  // fsync each report file before its rename and the directory before the
  // journal append, and fdatasync the journal lines: survives power loss,
  // costs disk flushes per report. Without it a kill at any point is still
  // safe (written data is in the page cache, which survives the process);
  // after a power loss, a report file emptied or a journal line lost means
  // that input is redone on resume.
  bool durable = false;
  // For the default extractor.
  ExtractOptions extract;
  // Empty: NewDefaultBatchExtractor(extract).
  BatchExtractorFactory extractor;
  // Called from the calling thread at most once per `progress_interval`,
  // and once at the end.
  std::function<void(const BatchProgress&)> on_progress;
  std::chrono::milliseconds progress_interval{250};
  // Inputs a worker may run ahead of the oldest input not yet given to the
  // sinks (bounds memory when one input is slow); 0 = 16 per worker.
  size_t window = 0;
  // The set analysis keeps its per-report records (and, without out_dir,
  // the reports' JSON) in an unlinked temporary file in this directory;
  // empty = $TMPDIR or /tmp.
  std::string spill_dir;
};

struct BatchSummary {
  size_t inputs = 0;
  size_t extracted = 0;  // reports produced in this run
  size_t skipped = 0;    // done in an earlier run
  size_t failed = 0;     // inputs without a report (this run or an earlier one)
  std::map<std::string, size_t> by_format;    // html, text, pdf, ... (failed inputs too)
  std::map<std::string, size_t> by_template;  // reports only
  std::map<std::string, size_t> by_status;    // ok, partial, failed
  std::map<std::string, size_t> by_error;     // StatusCodeName of failed inputs
  // Failed inputs in input order: path and "code: message".
  std::vector<std::pair<std::string, std::string>> failures;
  // Hard identity check ids (T3.x, T4.x) with status fail: reports per id,
  // and the first kMaxExamples paths.
  static constexpr size_t kMaxExamples = 20;
  std::map<std::string, size_t> failing_identities;
  std::map<std::string, std::vector<std::string>> failing_examples;
  size_t reports_with_failing_identity = 0;
  BatchSetFindings set;  // totals; the bodies went to the sinks' AddBody
  double seconds = 0;
  int jobs = 0;
  size_t journal_lines_skipped = 0;  // unreadable journal lines (not counted as done)
};

// The worker threads RunBatch starts for BatchOptions::jobs == `jobs`: `jobs`
// when positive, else the hardware's threads (at least 1).
int BatchWorkerCount(int jobs);

StatusOr<BatchSummary> RunBatch(const std::vector<std::string>& inputs,
                                const BatchOptions& options,
                                const std::vector<BatchSink*>& sinks);

// The same over an input list read once, in order (pipeline/batch_input_list.h):
// with BatchInputList::Collect the paths stay on disk, so memory does not
// grow with the number of inputs. Also kUnreadable when the list cannot be
// read.
StatusOr<BatchSummary> RunBatch(BatchInputList& inputs, const BatchOptions& options,
                                const std::vector<BatchSink*>& sinks);

// Merging distributed runs (docs/batch.md).
//
// The sinks and the set findings over reports already extracted: the lines
// of JSONL files (ToJson, one report per line, e.g. the --jsonl outputs of
// shard tasks), in the order given; "-" = standard input. Nothing is
// extracted and no report file is written (options.out_dir must be empty);
// records count as skipped. kInvalidArgument names the file and line of a
// line that is not a report; kNotFound when a file cannot be opened.
StatusOr<BatchSummary> RunBatchOnReports(const std::vector<std::string>& jsonl_files,
                                         const BatchOptions& options,
                                         const std::vector<BatchSink*>& sinks);

// Copies into `into_dir` (created when needed) the outcome of another run's
// OUTDIR `from_dir` (e.g. one shard's): each report file, then its journal
// line, skipping entries `into_dir` already holds. A following RunBatch on
// `into_dir` over the union of the inputs then skips them all and rebuilds
// the sinks and set findings over the whole set: the result equals one run
// over every input. Returns the number of entries imported. Errors as
// BatchState::Open, kNotFound when `from_dir` has no journal, kUnreadable
// when a listed report file is missing or incomplete.
StatusOr<size_t> ImportBatchOutputs(const std::string& from_dir, const std::string& into_dir);

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_BATCH_H_
