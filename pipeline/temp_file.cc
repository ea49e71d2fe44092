// Unlinked temporary files.
#include "pipeline/temp_file.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <utility>

#include "pipeline/fd_io.h"

namespace zfxxgk {

StatusOr<int> CreateUnlinkedTempFile(const std::string& dir_option, const std::string& stem) {
  std::string dir = dir_option;
  if (dir.empty()) dir = std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp";
  std::string name = dir + "/" + stem + "-XXXXXX";
  const int fd = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd < 0) return Status(StatusCode::kUnreadable, name + ": cannot create a temporary file");
  ::unlink(name.c_str());
  return fd;
}

TempFile::~TempFile() {
  if (fd_ >= 0) ::close(fd_);
}

TempFile::TempFile(TempFile&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      size_(std::exchange(other.size_, 0)),
      stem_(std::move(other.stem_)) {}

TempFile& TempFile::operator=(TempFile&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    size_ = std::exchange(other.size_, 0);
    stem_ = std::move(other.stem_);
  }
  return *this;
}

Status TempFile::Open(const std::string& dir, const std::string& stem) {
  stem_ = stem;
  ASSIGN_OR_RETURN(fd_, CreateUnlinkedTempFile(dir, stem));
  size_ = 0;
  return OkStatus();
}

Status TempFile::Error(const char* what) const {
  return Status(StatusCode::kUnreadable, "temporary file " + stem_ + ": " + what);
}

Status TempFile::Append(std::string_view bytes) {
  if (!PwriteAll(fd_, bytes, size_)) return Error("write failed");
  size_ += bytes.size();
  return OkStatus();
}

StatusOr<size_t> TempFile::Read(uint64_t offset, size_t n, std::string& out) const {
  const size_t old = out.size();
  out.resize(old + n);
  size_t got = 0;
  while (got < n) {
    const ssize_t r = ::pread(fd_, out.data() + old + got, n - got, static_cast<off_t>(offset + got));
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {
      out.resize(old);
      return Error("read failed");
    }
    if (r == 0) break;  // end of file
    got += static_cast<size_t>(r);
  }
  out.resize(old + got);
  return got;
}

}  // namespace zfxxgk
