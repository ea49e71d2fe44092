// The batch journal: JSON lines, flock, torn-line repair, fdatasync.
#include "pipeline/batch_state.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <system_error>

#include "pipeline/fd_io.h"

namespace zfxxgk {
namespace {

Status IoError(const std::string& what) {
  return Status(StatusCode::kUnreadable, what + ": " + std::strerror(errno));
}

}  // namespace

StatusOr<std::unique_ptr<BatchState>> BatchState::Open(const std::string& dir,
                                                       const std::string& temp_dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status(StatusCode::kUnreadable, dir + ": cannot create: " + ec.message());
  const std::string path = dir + "/" + kBatchStateFile;
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return IoError(path);
  ExternalSortOptions sort;
  sort.dir = temp_dir;
  std::unique_ptr<BatchState> state(new BatchState(fd, path, sort));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    return Status(StatusCode::kInvalidArgument,
                  dir + ": another zfxxgk batch is writing to this directory");
  }
  RETURN_IF_ERROR(state->Load());
  RETURN_IF_ERROR(state->index_.Finish());
  return state;
}

BatchState::~BatchState() {
  if (fd_ >= 0) ::close(fd_);  // releases the lock
}

// Reads the journal in blocks (its lines carry set records: it can be much
// larger than what is kept of it), parsing each complete line.
Status BatchState::Load() {
  std::string pending;     // the start of a line not yet complete
  uint64_t pending_at = 0;  // its offset in the file
  char buf[1 << 16];
  off_t offset = 0;
  for (;;) {
    const ssize_t n = ::pread(fd_, buf, sizeof buf, offset);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return IoError(path_);
    if (n == 0) break;
    offset += n;
    pending.append(buf, static_cast<size_t>(n));
    size_t begin = 0;
    for (size_t end = pending.find('\n'); end != std::string::npos;
         end = pending.find('\n', begin)) {
      RETURN_IF_ERROR(
          LoadLine(std::string_view(pending).substr(begin, end - begin), pending_at + begin));
      begin = end + 1;
    }
    pending.erase(0, begin);
    pending_at += begin;
  }
  if (!pending.empty()) {
    // The last append was cut short by a kill: its input is not done.
    if (::ftruncate(fd_, static_cast<off_t>(pending_at)) != 0) return IoError(path_);
    torn_line_cut_ = true;
  }
  size_ = pending_at;
  return OkStatus();
}

// Only the path and where the line is go to the index, and the line is only
// checked, not read into memory (its set record is most of it): the entry is
// read when an input asks for it (ReadEntry), and most lines are asked for
// once.
Status BatchState::LoadLine(std::string_view line, uint64_t offset) {
  if (line.empty()) return OkStatus();
  const std::optional<std::string_view> path = ScanStateEntryPath(line, path_storage_);
  if (!path) {
    ++lines_skipped_;
    return OkStatus();
  }
  ++entries_read_;
  return index_.Add(*path, {offset, line.size()});
}

StatusOr<std::optional<BatchJournalLine>> BatchState::Seek(std::string_view path) {
  return index_.Seek(path);
}

StatusOr<std::optional<BatchStateEntry>> BatchState::Find(std::string_view path) {
  ASSIGN_OR_RETURN(std::optional<BatchJournalLine> line, Seek(path));
  if (!line) return std::optional<BatchStateEntry>();
  ASSIGN_OR_RETURN(BatchStateEntry entry, ReadEntry(path, *line));
  return std::optional<BatchStateEntry>(std::move(entry));
}

StatusOr<bool> BatchState::NextLine(std::string& path, BatchJournalLine& line) {
  return index_.Next(path, line);
}

StatusOr<BatchStateEntry> BatchState::ReadEntry(std::string_view path,
                                                const BatchJournalLine& line) const {
  std::string text(line.length, '\0');
  if (!PreadAll(fd_, text.data(), text.size(), line.offset)) return IoError(path_);
  StatusOr<BatchStateEntry> entry = ParseStateEntry(text);
  if (!entry.ok() || entry->path != path) {
    return Status(StatusCode::kUnreadable, path_ + ": journal line changed");
  }
  return entry;
}

StatusOr<std::string> BatchState::ReadAt(uint64_t offset, uint64_t length) const {
  std::string text(length, '\0');
  errno = 0;  // a read past the end sets none
  if (!PreadAll(fd_, text.data(), text.size(), offset)) {
    return Status(StatusCode::kUnreadable, path_ + ": cannot read " + std::to_string(length) +
                                               " bytes at " + std::to_string(offset) + ": " +
                                               (errno != 0 ? std::strerror(errno) : "past the end"));
  }
  return text;
}

Status BatchState::Append(const std::vector<BatchStateEntry>& entries, bool sync) {
  if (entries.empty()) return OkStatus();
  std::string lines;
  for (const BatchStateEntry& e : entries) lines += StateEntryLine(e);
  return AppendLines(lines, sync);
}

Status BatchState::AppendLines(std::string_view lines, bool sync) {
  if (lines.empty()) return OkStatus();
  if (!WriteAll(fd_, lines)) return IoError(path_);
  size_ += lines.size();
  if (sync && ::fdatasync(fd_) != 0) return IoError(path_);
  return OkStatus();
}

}  // namespace zfxxgk
