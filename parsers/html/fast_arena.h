// A bump allocator for the fast HTML path's tree (internal to parsers/html):
// every node, vector and string of one parse lives in one FastArena and is
// freed with it. Not thread-safe; one arena per parse.
#ifndef ZFXXGK_PARSERS_HTML_FAST_ARENA_H_
#define ZFXXGK_PARSERS_HTML_FAST_ARENA_H_

#include <cstddef>
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
  void* Allocate(size_t n);

  // A zero-initialised T (T must be trivially destructible).
  template <typename T>
  T* New() {
    return static_cast<T*>(ZeroAllocate(sizeof(T)));
  }

  // A NUL-terminated copy of `s`.
  const char* CopyString(std::string_view s);

 private:
  void* ZeroAllocate(size_t n);

  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  size_t left_ = 0;
  size_t block_size_;
};

}  // namespace zfxxgk::html

#endif  // ZFXXGK_PARSERS_HTML_FAST_ARENA_H_
