// Process-wide allocator settings for long batches.
//
// tcmalloc (linked into the CLI, see CMakeLists.txt) lets each thread's free
// list cache grow until all of them together hold 32 MiB. Batch workers free
// what other workers allocated, so those caches fill: a 288,000-report
// streaming run at -j2 grew to 32.7 MB peak RSS against 26.5 MB with the caches
// capped at 4 MiB, at the same speed (docs/benchmarks.md). Capping them at
// 1 MiB made the same run 60% slower.
//
//   CapThreadCaches(ThreadCacheCap(jobs));  // once, before the workers start
//
// Thread-safe as tcmalloc's property calls are; no exceptions.
#ifndef ZFXXGK_PIPELINE_ALLOCATOR_H_
#define ZFXXGK_PIPELINE_ALLOCATOR_H_

#include <cstddef>

namespace zfxxgk {

// The cap for `jobs` worker threads: 2 MiB per worker, at least 4 MiB.
size_t ThreadCacheCap(int jobs);

// Sets tcmalloc's total thread cache size to `bytes`. Does nothing and
// returns false when the process does not allocate through tcmalloc, or when
// the user chose the size (TCMALLOC_MAX_TOTAL_THREAD_CACHE_BYTES is set).
bool CapThreadCaches(size_t bytes);

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_ALLOCATOR_H_
