// Whole-buffer reads and writes on file descriptors: the loops around
// write(2), pwrite(2) and pread(2) that retry on EINTR and on short counts.
//
//   if (!WriteAll(fd, line)) return IoError(path);
//
// Thread-safe as the system calls are; errno tells the cause on failure.
#ifndef ZFXXGK_PIPELINE_FD_IO_H_
#define ZFXXGK_PIPELINE_FD_IO_H_

#include <cstdint>
#include <string_view>

namespace zfxxgk {

// Writes all of `data` at the descriptor's position; false on an error.
bool WriteAll(int fd, std::string_view data);

// Writes all of `first`, then all of `second`, with writev(2): one system
// call when the descriptor takes both at once (a line and its newline
// without copying them together); false on an error.
bool WriteAll(int fd, std::string_view first, std::string_view second);

// Writes all of `data` at `offset`; false on an error.
bool PwriteAll(int fd, std::string_view data, uint64_t offset);

// Reads exactly `length` bytes at `offset` into `out`; false on an error or
// when the file ends first.
bool PreadAll(int fd, char* out, uint64_t length, uint64_t offset);

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_FD_IO_H_
