#include "pipeline/allocator.h"

#include <algorithm>
#include <cstdlib>

// gperftools' C interface (malloc_extension_c.h; the -dev package is not a
// build dependency). Weak: null when tcmalloc is not linked in.
extern "C" int MallocExtension_SetNumericProperty(const char* property, size_t value)
    __attribute__((weak));

namespace zfxxgk {

size_t ThreadCacheCap(int jobs) {
  constexpr size_t kPerWorker = size_t{2} << 20;
  constexpr size_t kMinimum = size_t{4} << 20;
  return std::max(kMinimum, kPerWorker * static_cast<size_t>(std::max(jobs, 1)));
}

bool CapThreadCaches(size_t bytes) {
  if (MallocExtension_SetNumericProperty == nullptr) return false;
  if (std::getenv("TCMALLOC_MAX_TOTAL_THREAD_CACHE_BYTES") != nullptr) return false;
  return MallocExtension_SetNumericProperty("tcmalloc.max_total_thread_cache_bytes", bytes) != 0;
}

}  // namespace zfxxgk
