// Unlinked temporary files.
#include "pipeline/temp_file.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdlib>

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

}  // namespace zfxxgk
