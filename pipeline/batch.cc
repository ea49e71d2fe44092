// RunBatch: worker threads, the journal, in-order sinks, the set analysis.
//
// Workers take input indices from one counter, so the oldest unfinished
// input is always being worked on and the reorder window below cannot
// deadlock. The calling thread is the collector: it appends journal lines as
// results arrive (with `durable`, one fdatasync per group: group commit),
// then hands records to the sinks in input order, so every output is
// deterministic whatever `jobs` is.
#include "pipeline/batch.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "pipeline/batch_collector.h"
#include "pipeline/batch_worker.h"

namespace zfxxgk {
namespace {

using Clock = std::chrono::steady_clock;

class DefaultExtractor : public BatchExtractor {
 public:
  explicit DefaultExtractor(const ExtractOptions& options) : options_(options) {}
  StatusOr<ReportV1> Extract(std::string_view bytes, const std::string& path,
                             std::string_view sha256) override {
    return ExtractBytes(bytes, path, options_, sha256);
  }

 private:
  ExtractOptions options_;
};

// The journal's latest line for each input, asked in input order. A sorted
// input list is merged with the journal's index on disk (BatchState::Seek);
// an unsorted one, a View of the caller's vector whose paths are in memory
// anyway, first reads the index into a hash map.
class JournalLookup {
 public:
  static StatusOr<std::unique_ptr<JournalLookup>> Create(BatchState& state, bool sorted) {
    std::unique_ptr<JournalLookup> lookup(new JournalLookup(state, sorted));
    std::string path;
    BatchJournalLine line;
    while (!sorted) {
      ASSIGN_OR_RETURN(bool more, state.NextLine(path, line));
      if (!more) break;
      lookup->lines_.emplace(path, line);
    }
    return lookup;
  }

  StatusOr<std::optional<BatchJournalLine>> Find(const std::string& path) {
    if (sorted_) return state_.Seek(path);
    auto it = lines_.find(path);
    if (it == lines_.end()) return std::optional<BatchJournalLine>();
    return std::optional<BatchJournalLine>(it->second);
  }

 private:
  JournalLookup(BatchState& state, bool sorted) : state_(state), sorted_(sorted) {}

  BatchState& state_;
  bool sorted_;
  std::unordered_map<std::string, BatchJournalLine> lines_;  // unsorted lists only
};

// State shared by the workers and the collector.
struct Shared {
  BatchInputList* inputs = nullptr;  // read under input_mu
  size_t total = 0;                  // inputs->size()
  JournalLookup* journal = nullptr;  // read under input_mu; null: no resume
  BatchWorkerContext context;
  size_t window = 0;
  std::mutex input_mu;
  size_t next = 0;                   // guarded by input_mu
  std::atomic<bool> stop{false};
  std::atomic<uint64_t> temp_counter{0};
  std::mutex mu;
  std::condition_variable results_cv;  // a result or a fatal error arrived, or workers done
  std::condition_variable window_cv;   // `emitted` advanced, or stop
  std::deque<BatchRecord> results;     // guarded by mu
  size_t emitted = 0;                  // guarded by mu
  Status fatal;                        // guarded by mu
  int workers_running = 0;             // guarded by mu
  bool collector_waiting = false;      // in results_cv.wait, not yet woken; guarded by mu

  void Fail(Status status) {
    std::lock_guard<std::mutex> lock(mu);
    if (fatal.ok()) fatal = std::move(status);
    stop = true;
    results_cv.notify_all();
    window_cv.notify_all();
  }
};

// The next input for a worker: its index, path and latest journal line;
// false when there is none left (or the batch stops). The journal is looked
// up here, in input order, so a sorted list merges with it.
StatusOr<bool> NextInput(Shared& shared, size_t& index, std::string& path,
                         std::optional<BatchJournalLine>& prior) {
  std::lock_guard<std::mutex> lock(shared.input_mu);
  if (shared.stop) return false;
  ASSIGN_OR_RETURN(bool more, shared.inputs->Next(path));
  if (!more) return false;
  index = shared.next++;
  prior.reset();
  if (shared.journal != nullptr) {
    ASSIGN_OR_RETURN(prior, shared.journal->Find(path));
  }
  return true;
}

// Hands a result to the collector, waking it only when it waits, and after
// unlocking: notified under the lock, the collector (often on the worker's
// own CPU) woke into a mutex still held, slept on it again and had to be
// woken a second time (4.3 futex calls and 3.7 context switches per report
// at -j1). Waking it once per few results instead halves the context
// switches again but was slower under load (docs/batch.md, "-j N").
void Deliver(Shared& shared, BatchRecord record) {
  bool wake = false;
  {
    std::lock_guard<std::mutex> lock(shared.mu);
    shared.results.push_back(std::move(record));
    wake = shared.collector_waiting;
    shared.collector_waiting = false;  // woken once
  }
  if (wake) shared.results_cv.notify_one();
}

void Worker(Shared& shared, const BatchExtractorFactory& factory) {
  StatusOr<std::unique_ptr<BatchExtractor>> extractor = factory();
  if (!extractor.ok()) {
    shared.Fail(extractor.status());
  } else {
    size_t i = 0;
    std::string path;
    std::optional<BatchJournalLine> prior;
    BatchWorkerScratch scratch;
    for (;;) {
      StatusOr<bool> more = NextInput(shared, i, path, prior);
      if (!more.ok()) shared.Fail(more.status());
      if (!more.ok() || !*more) break;
      {
        std::unique_lock<std::mutex> lock(shared.mu);
        shared.window_cv.wait(lock, [&] { return shared.stop || i < shared.emitted + shared.window; });
        if (shared.stop) break;
      }
      StatusOr<BatchRecord> record =
          ProcessBatchInput(i, path, prior, **extractor, shared.context, scratch);
      if (!record.ok()) {
        shared.Fail(record.status());
        break;
      }
      Deliver(shared, std::move(record).value());
    }
  }
  std::lock_guard<std::mutex> lock(shared.mu);
  --shared.workers_running;
  shared.results_cv.notify_all();
}

// Collects results until every input has been given to the sinks, or a
// fatal error. Returns the fatal error, if any.
Status Collect(Shared& shared, BatchCollector& collector, const BatchOptions& options,
               BatchSummary& summary) {
  const size_t total = shared.total;
  std::map<size_t, BatchRecord> pending;  // completed, waiting for their turn
  BatchProgress progress;
  progress.total = total;
  const Clock::time_point start = Clock::now();
  Clock::time_point last_progress = start;
  size_t emitted = 0;
  while (emitted < total) {
    std::vector<BatchRecord> arrived;
    {
      std::unique_lock<std::mutex> lock(shared.mu);
      auto ready = [&] {
        return !shared.results.empty() || !shared.fatal.ok() || shared.workers_running == 0;
      };
      if (!ready()) {
        shared.collector_waiting = true;
        shared.results_cv.wait_for(lock, options.progress_interval, ready);
        shared.collector_waiting = false;
      }
      if (!shared.fatal.ok()) return shared.fatal;
      if (shared.results.empty() && shared.workers_running == 0) {
        return Status(StatusCode::kInternal, "batch workers stopped early");
      }
      for (BatchRecord& r : shared.results) arrived.push_back(std::move(r));
      shared.results.clear();
    }
    RETURN_IF_ERROR(collector.Journal(arrived));
    for (BatchRecord& r : arrived) {
      ++progress.done;
      progress.skipped += r.skipped;
      progress.failed += r.entry.status == BatchItemStatusName(BatchItemStatus::kFailed);
      const size_t index = r.index;
      pending.emplace(index, std::move(r));
    }
    for (auto it = pending.begin(); it != pending.end() && it->first == emitted;
         it = pending.erase(it)) {
      RETURN_IF_ERROR(collector.Emit(it->second));
      ++emitted;
    }
    {
      std::lock_guard<std::mutex> lock(shared.mu);
      shared.emitted = emitted;
    }
    shared.window_cv.notify_all();
    const Clock::time_point now = Clock::now();
    if (options.on_progress && now - last_progress >= options.progress_interval) {
      last_progress = now;
      progress.seconds = std::chrono::duration<double>(now - start).count();
      options.on_progress(progress);
    }
  }
  if (options.on_progress) {
    progress.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    options.on_progress(progress);
  }
  summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return OkStatus();
}

}  // namespace

const char* BatchItemStatusName(BatchItemStatus status) {
  switch (status) {
    case BatchItemStatus::kOk: return "ok";
    case BatchItemStatus::kPartial: return "partial";
    case BatchItemStatus::kFailed: return "failed";
  }
  return "failed";
}

std::unique_ptr<BatchExtractor> NewDefaultBatchExtractor(const ExtractOptions& options) {
  return std::make_unique<DefaultExtractor>(options);
}

StatusOr<BatchSummary> RunBatch(const std::vector<std::string>& inputs,
                                const BatchOptions& options,
                                const std::vector<BatchSink*>& sinks) {
  return RunBatch(*BatchInputList::View(inputs), options, sinks);
}

StatusOr<BatchSummary> RunBatch(BatchInputList& inputs, const BatchOptions& options,
                                const std::vector<BatchSink*>& sinks) {
  BatchSummary summary;
  summary.inputs = inputs.size();
  summary.jobs = options.jobs > 0 ? options.jobs
                                  : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::unique_ptr<BatchState> state;
  std::unique_ptr<BatchSpillFile> spill;
  std::unique_ptr<JournalLookup> journal;
  if (!options.out_dir.empty()) {
    ASSIGN_OR_RETURN(state, BatchState::Open(options.out_dir, options.spill_dir));
    RemoveStaleTemporaries(options.out_dir);
    summary.journal_lines_skipped = state->lines_skipped();
    if (options.resume) {
      ASSIGN_OR_RETURN(journal, JournalLookup::Create(*state, inputs.sorted()));
    }
  }
  spill = std::make_unique<BatchSpillFile>();
  RETURN_IF_ERROR(spill->Open(options.spill_dir));
  Shared shared;
  shared.inputs = &inputs;
  shared.total = inputs.size();
  shared.journal = journal.get();
  shared.window = options.window > 0 ? options.window : 16 * static_cast<size_t>(summary.jobs);
  shared.context.options = &options;
  shared.context.state = options.resume ? state.get() : nullptr;
  for (const BatchSink* sink : sinks) {
    shared.context.want_report |= sink->wants_report();
    shared.context.want_json |= sink->wants_json();
  }
  shared.context.want_json |= options.out_dir.empty();
  shared.context.temp_counter = &shared.temp_counter;
  BatchExtractorFactory factory = options.extractor;
  if (!factory) {
    const ExtractOptions extract = options.extract;
    factory = [extract]() -> StatusOr<std::unique_ptr<BatchExtractor>> {
      return NewDefaultBatchExtractor(extract);
    };
  }
  BatchCollector collector(options, state.get(), sinks, spill.get(), summary);
  std::vector<std::thread> workers;
  shared.workers_running = summary.jobs;
  for (int w = 0; w < summary.jobs; ++w) {
    workers.emplace_back([&shared, &factory] { Worker(shared, factory); });
  }
  Status status;
  try {
    status = Collect(shared, collector, options, summary);
  } catch (const std::exception& e) {  // a sink's std::bad_alloc, for example
    status = Status(StatusCode::kInternal, std::string("batch: ") + e.what());
  }
  if (!status.ok()) shared.Fail(status);
  for (std::thread& t : workers) t.join();
  RETURN_IF_ERROR(status);
  try {
    ASSIGN_OR_RETURN(summary.set, collector.Analyze());
    for (BatchSink* sink : sinks) RETURN_IF_ERROR(sink->Finish(summary.set));
  } catch (const std::exception& e) {
    return Status(StatusCode::kInternal, std::string("batch: ") + e.what());
  }
  return summary;
}

}  // namespace zfxxgk
