// An ordered parallel loop: items read one at a time, computed on several
// threads, committed one at a time in the order they were read.
//
//   Status s = RunOrdered<Group, Findings>(
//       /*threads=*/2, /*max_waiting=*/4,
//       [&](Group& g) -> StatusOr<bool> { return grouper.Next(g); },  // serial
//       [&](Group& g) -> StatusOr<Findings> { return Analyze(g); },   // parallel
//       [&](Group& g, Findings& f) { return Hand(g, f); });            // serial, in order
//
// `next` and `commit` are never called by two threads at once (each is
// serialised with itself; `next` may run while `commit` runs); `compute`
// runs on up to `threads` threads at once, the caller's among them, so it
// must be thread-safe. A thread takes no new item while `max_waiting`
// computed items wait for their turn to be committed, so at most
// max_waiting + threads - 1 items are held at once besides those being
// computed: the loop's memory does not grow with the number of items.
//
// The first non-OK status of any call stops the loop (items not yet read
// are not read; computed items after it are not committed) and is returned.
// An exception thrown by `compute` becomes a kInternal status; one thrown by
// `next` or `commit` on a helper thread too. threads <= 1 runs everything on
// the calling thread, item by item. If a helper thread cannot be started the
// loop runs on fewer threads.
#ifndef ZFXXGK_PIPELINE_ORDERED_PARALLEL_H_
#define ZFXXGK_PIPELINE_ORDERED_PARALLEL_H_

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "pipeline/status.h"

namespace zfxxgk {

template <typename Item, typename Result>
class OrderedParallel {
 public:
  using Next = std::function<StatusOr<bool>(Item&)>;
  using Compute = std::function<StatusOr<Result>(Item&)>;
  using Commit = std::function<Status(Item&, Result&)>;

  OrderedParallel(size_t max_waiting, Next next, Compute compute, Commit commit)
      : max_waiting_(max_waiting < 1 ? 1 : max_waiting),
        next_(std::move(next)),
        compute_(std::move(compute)),
        commit_(std::move(commit)) {}

  Status Run(int threads) {
    std::vector<std::thread> helpers;
    for (int t = 1; t < threads; ++t) {
      try {
        helpers.emplace_back([this] { Loop(); });
      } catch (const std::system_error&) {
        break;  // fewer threads
      }
    }
    Loop();
    for (std::thread& h : helpers) h.join();
    return status_;
  }

 private:
  // Takes, computes and hands on items until there are none or one failed.
  void Loop() {
    for (;;) {
      Item item;
      size_t seq = 0;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [&] { return !status_.ok() || waiting_.size() < max_waiting_; });
        if (!status_.ok() || exhausted_) return;
        StatusOr<bool> more = Guard([&] { return next_(item); });
        if (!more.ok()) return FailLocked(more.status());
        if (!*more) {
          exhausted_ = true;
          return;
        }
        seq = read_++;
      }
      StatusOr<Result> result = Guard([&] { return compute_(item); });
      std::unique_lock<std::mutex> lock(mu_);
      if (!result.ok()) return FailLocked(result.status());
      waiting_.emplace(seq, std::make_pair(std::move(item), std::move(result).value()));
      if (!committing_) CommitInOrder(lock);
    }
  }

  // Commits the waiting items whose turn it is, including those that arrive
  // meanwhile. REQUIRES: lock holds mu_, nobody else committing.
  void CommitInOrder(std::unique_lock<std::mutex>& lock) {
    committing_ = true;
    while (status_.ok() && !waiting_.empty() && waiting_.begin()->first == committed_) {
      auto entry = std::move(waiting_.begin()->second);
      waiting_.erase(waiting_.begin());
      lock.unlock();
      Status s = Guard([&] { return commit_(entry.first, entry.second); });
      lock.lock();
      if (!s.ok()) FailLocked(std::move(s));
      ++committed_;
      cv_.notify_all();
    }
    committing_ = false;
  }

  void FailLocked(Status status) {
    if (status_.ok()) status_ = std::move(status);
    cv_.notify_all();
  }

  // `fn()` with an exception turned into a kInternal status.
  template <typename Fn>
  static auto Guard(Fn fn) -> decltype(fn()) {
    try {
      return fn();
    } catch (const std::exception& e) {
      return Status(StatusCode::kInternal, std::string("ordered loop: ") + e.what());
    }
  }

  const size_t max_waiting_;
  Next next_;
  Compute compute_;
  Commit commit_;
  std::mutex mu_;
  std::condition_variable cv_;
  Status status_;                                        // guarded by mu_
  bool exhausted_ = false;                               // guarded by mu_
  bool committing_ = false;                              // guarded by mu_
  size_t read_ = 0, committed_ = 0;                      // guarded by mu_
  std::map<size_t, std::pair<Item, Result>> waiting_;    // guarded by mu_
};

// OrderedParallel<Item, Result>(max_waiting, next, compute, commit).Run(threads).
template <typename Item, typename Result>
Status RunOrdered(int threads, size_t max_waiting,
                  typename OrderedParallel<Item, Result>::Next next,
                  typename OrderedParallel<Item, Result>::Compute compute,
                  typename OrderedParallel<Item, Result>::Commit commit) {
  OrderedParallel<Item, Result> loop(max_waiting, std::move(next), std::move(compute),
                                     std::move(commit));
  return loop.Run(threads);
}

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_ORDERED_PARALLEL_H_
