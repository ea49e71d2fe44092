// One input of a batch, as a worker handles it: read the bytes, consult the
// journal, extract, write the report file atomically. Used by RunBatch
// (pipeline/batch.cc); exposed for tests.
//
// Thread-safe: any number of workers may call these concurrently (each with
// its own extractor). No exceptions escape ProcessBatchInput.
#ifndef ZFXXGK_PIPELINE_BATCH_WORKER_H_
#define ZFXXGK_PIPELINE_BATCH_WORKER_H_

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/batch.h"
#include "pipeline/batch_state.h"
#include "pipeline/status.h"

namespace zfxxgk {

struct BatchWorkerContext {
  const BatchOptions* options = nullptr;
  const BatchState* state = nullptr;  // null: nothing is skipped (ReadEntry only)
  bool want_report = false;           // keep BatchRecord::report
  bool want_json = false;             // keep BatchRecord::json
  std::atomic<uint64_t>* temp_counter = nullptr;  // unique temporary names
};

// What one worker keeps from one input to the next: memory to reuse.
struct BatchWorkerScratch {
  std::string json;   // storage for the next report's JSON text
  std::string input;  // storage for the next input's bytes
};

// The record of input `index` at `path`; `prior` is the journal's latest
// line for it (BatchState::Seek, taken in input order), if any. A failure of
// the input itself is a kFailed record; a non-OK return means the report
// file could not be written or the journal line could not be read (the
// batch must stop). `scratch` belongs to the calling worker.
StatusOr<BatchRecord> ProcessBatchInput(size_t index, const std::string& path,
                                        const std::optional<BatchJournalLine>& prior,
                                        BatchExtractor& extractor,
                                        const BatchWorkerContext& context,
                                        BatchWorkerScratch& scratch);

// Reads at most `limit` + 1 bytes of `path` (a larger input is left to the
// extractor's own size check). kNotFound or kUnreadable.
StatusOr<std::string> ReadInputBounded(const std::string& path, size_t limit);
// The same into `out`, whose memory is reused (its contents are replaced;
// on error they are unspecified).
Status ReadInputInto(const std::string& path, size_t limit, std::string& out);

// Writes `data` to dir/name so that no reader ever sees a partial file:
// where the kernel and file system allow, as an unnamed file in `dir`
// (O_TMPFILE) linked under `name` once written; otherwise, and whenever
// `name` exists already, through a temporary file (".zfxxgk-tmp-<pid>-<n>"
// in `dir`) and rename(2). `durable` fsyncs the file before it gets its
// name. kUnreadable on I/O errors.
Status WriteFileAtomically(const std::string& dir, const std::string& name,
                           std::string_view data, bool durable,
                           std::atomic<uint64_t>& counter);

// Removes temporaries left in `dir` by a killed run. REQUIRES: the journal
// lock is held, so no other batch writes to `dir`.
void RemoveStaleTemporaries(const std::string& dir);

// Whether dir/name is a complete report file: it ends with "}\n".
bool ReportFileComplete(const std::string& file);

// The summary facts of a report (status, format, template, organ, year,
// published, failing hard identity ids), for the journal.
void FillEntryFromReport(const ReportV1& report, BatchStateEntry& entry);

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_BATCH_WORKER_H_
