// RunBatch: worker threads, the journal, in-order sinks, the set analysis.
//
// Workers take input indices from one counter, so the oldest unfinished
// input is always being worked on and the reorder window below cannot
// deadlock. Whichever worker delivers a result while no other collects
// appends journal lines for what has arrived (with `durable`, one fdatasync
// per group: group commit), then hands records to the sinks in input order,
// so every output is deterministic whatever `jobs` is. The calling thread
// only reports progress and waits.
#include "pipeline/batch.h"

#include <atomic>
#include <condition_variable>
#include <exception>
#include <map>
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

// State shared by the workers and the calling thread. There is no collector
// thread: the worker that delivers a result while nobody collects becomes
// the collector and drains every result that arrives meanwhile (journal
// lines, then the sinks in input order). A separate collector woken per
// result cost two context switches per report, 7-13% of a text report's
// time at -j1 (docs/batch.md, "-j N").
struct Shared {
  Shared(BatchCollector& c, size_t t) : collector(c), total(t) {}

  BatchCollector& collector;         // used only by the worker collecting
  BatchInputList* inputs = nullptr;  // read under input_mu
  const size_t total;                // inputs->size()
  JournalLookup* journal = nullptr;  // read under input_mu; null: no resume
  BatchWorkerContext context;
  size_t window = 0;
  std::mutex input_mu;
  size_t next = 0;                   // guarded by input_mu
  std::atomic<bool> stop{false};
  std::atomic<uint64_t> temp_counter{0};
  std::map<size_t, BatchRecord> pending;  // journaled, waiting for their turn; the collector's
  std::mutex mu;
  std::condition_variable window_cv;  // `emitted` advanced, or stop
  std::condition_variable main_cv;    // all emitted, a fatal error, or workers done
  std::vector<BatchRecord> results;   // delivered, not yet collected; guarded by mu
  // Emitted records by the worker that made them, which frees them (when it
  // takes its next input; those left at the end go with Shared): freed by
  // the collecting worker instead, the other workers' memory piled up in its
  // allocator cache (56,000 texts at -j2: peak RSS 26.6-40.0 MB, now
  // 25.2-25.4 MB). Guarded by mu.
  std::vector<std::vector<BatchRecord>> spent;
  bool collecting = false;            // a worker is collecting; guarded by mu
  size_t emitted = 0;                 // guarded by mu
  BatchProgress progress;             // guarded by mu
  Status fatal;                       // guarded by mu
  int workers_running = 0;            // guarded by mu

  void FailLocked(Status status) {
    if (fatal.ok()) fatal = std::move(status);
    stop = true;
    window_cv.notify_all();
    main_cv.notify_all();
  }
  void Fail(Status status) {
    std::lock_guard<std::mutex> lock(mu);
    FailLocked(std::move(status));
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

// Journals `arrived` (one group) and hands every record now in turn to the
// sinks, then to `done` (to go back to its worker); `emitted` is the count
// given to the sinks so far. Called by the collecting worker without `mu`.
Status CollectArrived(Shared& shared, std::vector<BatchRecord>& arrived, size_t& emitted,
                      std::vector<BatchRecord>& done) {
  try {
    RETURN_IF_ERROR(shared.collector.Journal(arrived));
    for (BatchRecord& r : arrived) {
      const size_t index = r.index;
      shared.pending.emplace(index, std::move(r));
    }
    for (auto it = shared.pending.begin(); it != shared.pending.end() && it->first == emitted;
         it = shared.pending.erase(it)) {
      RETURN_IF_ERROR(shared.collector.Emit(it->second));
      done.push_back(std::move(it->second));
      ++emitted;
    }
  } catch (const std::exception& e) {  // a sink's std::bad_alloc, for example
    return Status(StatusCode::kInternal, std::string("batch: ") + e.what());
  }
  return OkStatus();
}

// Adds the arrived records to the progress counts. REQUIRES: mu held.
void CountProgress(Shared& shared, const std::vector<BatchRecord>& arrived) {
  for (const BatchRecord& r : arrived) {
    ++shared.progress.done;
    shared.progress.skipped += r.skipped;
    shared.progress.failed += r.entry.status == BatchItemStatusName(BatchItemStatus::kFailed);
  }
}

// Hands a result over; the caller collects when nobody else does, until no
// result is left (a result delivered meanwhile is taken by this loop, so
// none waits for a later delivery).
void Deliver(Shared& shared, BatchRecord record) {
  std::unique_lock<std::mutex> lock(shared.mu);
  shared.results.push_back(std::move(record));
  if (shared.collecting) return;
  shared.collecting = true;
  std::vector<BatchRecord> arrived, done;
  while (!shared.results.empty() && shared.fatal.ok()) {
    arrived.swap(shared.results);
    CountProgress(shared, arrived);  // before CollectArrived moves the records
    size_t emitted = shared.emitted;
    lock.unlock();
    Status status = CollectArrived(shared, arrived, emitted, done);
    lock.lock();
    for (BatchRecord& r : done) shared.spent[r.worker].push_back(std::move(r));
    done.clear();
    if (!status.ok()) {
      shared.FailLocked(std::move(status));
      break;
    }
    arrived.clear();
    shared.emitted = emitted;
    shared.window_cv.notify_all();
    if (emitted == shared.total) shared.main_cv.notify_all();
  }
  shared.collecting = false;
}

void Worker(Shared& shared, int w, const BatchExtractorFactory& factory) {
  StatusOr<std::unique_ptr<BatchExtractor>> extractor = factory();
  if (!extractor.ok()) {
    shared.Fail(extractor.status());
  } else {
    size_t i = 0;
    std::string path;
    std::optional<BatchJournalLine> prior;
    BatchWorkerScratch scratch;
    std::vector<BatchRecord> spent;  // this worker's emitted records, freed here
    for (;;) {
      StatusOr<bool> more = NextInput(shared, i, path, prior);
      if (!more.ok()) shared.Fail(more.status());
      if (!more.ok() || !*more) break;
      {
        std::unique_lock<std::mutex> lock(shared.mu);
        shared.window_cv.wait(lock, [&] { return shared.stop || i < shared.emitted + shared.window; });
        if (shared.stop) break;
        spent.swap(shared.spent[w]);
      }
      spent.clear();  // outside the lock
      StatusOr<BatchRecord> record =
          ProcessBatchInput(i, path, prior, **extractor, shared.context, scratch);
      if (!record.ok()) {
        shared.Fail(record.status());
        break;
      }
      record->worker = w;
      Deliver(shared, std::move(record).value());
    }
  }
  std::lock_guard<std::mutex> lock(shared.mu);
  --shared.workers_running;
  shared.main_cv.notify_all();
}

// Waits in the calling thread until every input has been given to the
// sinks, or a fatal error, reporting progress. Returns the fatal error, if any.
Status AwaitWorkers(Shared& shared, const BatchOptions& options, BatchSummary& summary) {
  const Clock::time_point start = Clock::now();
  Clock::time_point last_progress = start;
  std::unique_lock<std::mutex> lock(shared.mu);
  auto finished = [&] {
    return shared.emitted == shared.total || !shared.fatal.ok() || shared.workers_running == 0;
  };
  auto report = [&](Clock::time_point now) {
    BatchProgress progress = shared.progress;
    progress.total = shared.total;
    progress.seconds = std::chrono::duration<double>(now - start).count();
    lock.unlock();
    options.on_progress(progress);
    lock.lock();
  };
  while (!finished()) {
    shared.main_cv.wait_for(lock, options.progress_interval, finished);
    const Clock::time_point now = Clock::now();
    if (options.on_progress && !finished() && now - last_progress >= options.progress_interval) {
      last_progress = now;
      report(now);
    }
  }
  if (!shared.fatal.ok()) return shared.fatal;
  if (shared.emitted < shared.total) {
    return Status(StatusCode::kInternal, "batch workers stopped early");
  }
  if (options.on_progress) report(Clock::now());
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

int BatchWorkerCount(int jobs) {
  return jobs > 0 ? jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

StatusOr<BatchSummary> RunBatch(BatchInputList& inputs, const BatchOptions& options,
                                const std::vector<BatchSink*>& sinks) {
  BatchSummary summary;
  summary.inputs = inputs.size();
  summary.jobs = BatchWorkerCount(options.jobs);
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
  BatchCollector collector(options, state.get(), sinks, spill.get(), summary);
  Shared shared(collector, inputs.size());
  shared.inputs = &inputs;
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
  std::vector<std::thread> workers;
  shared.workers_running = summary.jobs;
  shared.spent.resize(static_cast<size_t>(summary.jobs));
  for (int w = 0; w < summary.jobs; ++w) {
    workers.emplace_back([&shared, w, &factory] { Worker(shared, w, factory); });
  }
  Status status = AwaitWorkers(shared, options, summary);
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
