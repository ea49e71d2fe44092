// A bump allocator for the fast HTML path's tree (internal to parsers/html):
// every node, vector and string of one parse lives in one FastArena and is
// freed with it. Not thread-safe; one arena per parse.
#ifndef ZFXXGK_PARSERS_HTML_FAST_ARENA_H_
#define ZFXXGK_PARSERS_HTML_FAST_ARENA_H_

#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace zfxxgk::html {

class FastArena {
 public:
  // `first_block` bytes are reserved up front (a 40 KB page needs ~300 KB).
  explicit FastArena(size_t first_block = 256 * 1024);
  FastArena(const FastArena&) = delete;
  FastArena& operator=(const FastArena&) = delete;

  // `n` bytes aligned for any scalar type; never nullptr (throws only
  // std::bad_alloc, like operator new).
  void* Allocate(size_t n) {
    n = (n + kAlign - 1) & ~(kAlign - 1);
    if (n > left_) return AllocateInNewBlock(n);
    void* p = next_;
    next_ += n;
    left_ -= n;
    return p;
  }

  // A zero-initialised T (T must be trivially destructible). Inline, so the
  // clearing of a fixed-size struct is a few stores, not a memset call.
  template <typename T>
  T* New() {
    void* p = Allocate(sizeof(T));
    std::memset(p, 0, sizeof(T));
    return static_cast<T*>(p);
  }

  // A NUL-terminated copy of `s`.
  const char* CopyString(std::string_view s) {
    char* p = static_cast<char*>(Allocate(s.size() + 1));
    if (!s.empty()) std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    return p;
  }

 private:
  static constexpr size_t kAlign = alignof(std::max_align_t);

  void* AllocateInNewBlock(size_t n);  // REQUIRES: n aligned, n > left_

  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  size_t left_ = 0;
  size_t block_size_;
};

}  // namespace zfxxgk::html

#endif  // ZFXXGK_PARSERS_HTML_FAST_ARENA_H_
