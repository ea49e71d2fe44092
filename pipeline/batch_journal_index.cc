// The journal's latest line per path, sorted on disk.
//
// A sort record is the path followed by the line's offset and length (8
// bytes each, host order: the file is temporary and read by this process).
// Records compare by path only; the sort is stable, so among records of one
// path the last is the latest line.
#include "pipeline/batch_journal_index.h"

#include <cstring>

namespace zfxxgk {
namespace {

constexpr size_t kLineBytes = 2 * sizeof(uint64_t);

std::string_view PathOf(std::string_view record) {
  return record.substr(0, record.size() - kLineBytes);
}

BatchJournalLine LineOf(std::string_view record) {
  BatchJournalLine line;
  const char* tail = record.data() + record.size() - kLineBytes;
  std::memcpy(&line.offset, tail, sizeof line.offset);
  std::memcpy(&line.length, tail + sizeof line.offset, sizeof line.length);
  return line;
}

bool PathLess(std::string_view a, std::string_view b) { return PathOf(a) < PathOf(b); }

}  // namespace

BatchJournalIndex::BatchJournalIndex(const ExternalSortOptions& sort)
    : sorter_(sort, PathLess) {}

Status BatchJournalIndex::Add(std::string_view path, BatchJournalLine line) {
  std::string record(path);
  char tail[kLineBytes];
  std::memcpy(tail, &line.offset, sizeof line.offset);
  std::memcpy(tail + sizeof line.offset, &line.length, sizeof line.length);
  record.append(tail, kLineBytes);
  return sorter_.Add(record);
}

Status BatchJournalIndex::Finish() { return sorter_.Finish(); }

// record_ holds, when valid, the first record of the next path; the path's
// records are read until one of another path (kept for the next call).
StatusOr<bool> BatchJournalIndex::Advance() {
  current_valid_ = false;
  if (!record_valid_) {
    if (ended_) return false;
    ASSIGN_OR_RETURN(bool more, sorter_.Next(record_));
    if (!more) {
      ended_ = true;
      return false;
    }
  }
  current_.path.assign(PathOf(record_));
  current_.line = LineOf(record_);
  for (;;) {
    ASSIGN_OR_RETURN(bool more, sorter_.Next(record_));
    record_valid_ = more;
    if (!more) {
      ended_ = true;
      break;
    }
    if (PathOf(record_) != current_.path) break;
    current_.line = LineOf(record_);  // a later line of the same path
  }
  current_valid_ = true;
  return true;
}

StatusOr<std::optional<BatchJournalLine>> BatchJournalIndex::Seek(std::string_view path) {
  if (sought_ && path < last_sought_) {
    return Status(StatusCode::kInternal, "journal index: paths sought out of order");
  }
  sought_ = true;
  last_sought_.assign(path);
  while (!current_valid_ || current_.path < path) {
    ASSIGN_OR_RETURN(bool more, Advance());
    if (!more) return std::optional<BatchJournalLine>();
  }
  if (current_.path != path) return std::optional<BatchJournalLine>();
  return std::optional<BatchJournalLine>(current_.line);
}

StatusOr<bool> BatchJournalIndex::Next(std::string& path, BatchJournalLine& line) {
  ASSIGN_OR_RETURN(bool more, Advance());
  if (!more) return false;
  path = current_.path;
  line = current_.line;
  return true;
}

}  // namespace zfxxgk
