// Unlinked temporary files: created in a directory and removed from it at
// once, so they vanish when closed or when the process ends, however it ends
// (used by the batch's spill file, external sorts, lists and input list).
//
//   StatusOr<int> fd = CreateUnlinkedTempFile("", "zfxxgk-sort");  // $TMPDIR or /tmp
//
//   TempFile file;                                   // or an owning object
//   RETURN_IF_ERROR(file.Open("", "zfxxgk-list"));
//   RETURN_IF_ERROR(file.Append(bytes));             // at file.size()
//   std::string out;
//   StatusOr<size_t> got = file.Read(0, 4096, out);  // appended to out
//
// CreateUnlinkedTempFile is thread-safe; a TempFile is not (Read alone is,
// between Appends). No exceptions.
#ifndef ZFXXGK_PIPELINE_TEMP_FILE_H_
#define ZFXXGK_PIPELINE_TEMP_FILE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline/status.h"

namespace zfxxgk {

// A file descriptor (read/write, close-on-exec) of a new file in `dir`
// ($TMPDIR or /tmp when empty) named `stem`-XXXXXX, already unlinked. The
// caller owns it. kUnreadable when it cannot be created.
StatusOr<int> CreateUnlinkedTempFile(const std::string& dir, const std::string& stem);

// An unlinked temporary file that owns its descriptor, written by appending
// and read at offsets. Errors are kUnreadable, naming `stem`. Movable.
class TempFile {
 public:
  TempFile() = default;
  ~TempFile();
  TempFile(TempFile&& other) noexcept;
  TempFile& operator=(TempFile&& other) noexcept;
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  // Creates the file (CreateUnlinkedTempFile). REQUIRES: not open.
  Status Open(const std::string& dir, const std::string& stem);
  bool is_open() const { return fd_ >= 0; }
  uint64_t size() const { return size_; }  // bytes appended

  // Writes `bytes` at size(). REQUIRES: open.
  Status Append(std::string_view bytes);
  // Reads up to `n` bytes at `offset`, appended to `out`; the count read
  // (fewer than `n` only at the end of the file). REQUIRES: open.
  StatusOr<size_t> Read(uint64_t offset, size_t n, std::string& out) const;

 private:
  Status Error(const char* what) const;

  int fd_ = -1;
  uint64_t size_ = 0;
  std::string stem_;
};

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_TEMP_FILE_H_
