#include "pipeline/fd_io.h"

#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>

namespace zfxxgk {

bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

bool WriteAll(int fd, std::string_view first, std::string_view second) {
  while (!first.empty()) {
    iovec parts[2] = {{const_cast<char*>(first.data()), first.size()},
                      {const_cast<char*>(second.data()), second.size()}};
    const ssize_t n = ::writev(fd, parts, second.empty() ? 1 : 2);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    const size_t done = static_cast<size_t>(n);
    if (done < first.size()) {
      first.remove_prefix(done);
      continue;
    }
    second.remove_prefix(done - first.size());
    first = {};
  }
  return WriteAll(fd, second);
}

bool PwriteAll(int fd, std::string_view data, uint64_t offset) {
  while (!data.empty()) {
    const ssize_t n = ::pwrite(fd, data.data(), data.size(), static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
    offset += static_cast<uint64_t>(n);
  }
  return true;
}

bool PreadAll(int fd, char* out, uint64_t length, uint64_t offset) {
  uint64_t done = 0;
  while (done < length) {
    const ssize_t n = ::pread(fd, out + done, length - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<uint64_t>(n);
  }
  return true;
}

}  // namespace zfxxgk
