// The journal that makes a batch resumable: OUTDIR/.zfxxgk-batch.jsonl, one
// JSON line per completed input, appended after the input's output file is
// in place and made durable with fdatasync before the batch goes on.
//
//   StatusOr<std::unique_ptr<BatchState>> state = BatchState::Open("out");
//   // For each input, in the order of a sorted input list:
//   ASSIGN_OR_RETURN(std::optional<BatchStateEntry> done, (*state)->Find("a/input.html"));
//   if (done && done->sha256 == sha && done->version == kVersion) { /* skip */ }
//   RETURN_IF_ERROR((*state)->Append({entry}));
//
// What Open reads of the journal:
// - A last line without its newline was torn by a kill: it is cut off the
//   file (torn_line_cut), and its input counts as not done.
// - An empty line is passed over, uncounted.
// - Any other line that is not a journal entry (pipeline/batch_state_line.h:
//   JSON as nlohmann reads it, an object with a "status" member and a string
//   "path") is skipped and counted (lines_skipped); it hides no earlier entry
//   of its path.
// - Of the entries of one path, the latest line counts (entries_read counts
//   them all).
// Open checks each line with ScanStateEntryPath, which keeps only the path
// and copies nothing else (a journal of 28,000 text reports is ~213 MB, most
// of it set records); the entry is read when an input asks for it
// (ReadEntry, ParseStateEntry), which accepts exactly the same lines. So a
// line Open took can fail ReadEntry only when its bytes changed after Open
// (a writer that ignored the lock, a failing disk): ReadEntry then returns
// kUnreadable and the batch stops, since the journal is no longer what it
// read. Open keeps no entry in memory: it sorts where each path's latest
// line is by path, on disk (pipeline/batch_journal_index.h), and lookups
// merge that with the caller's sorted paths, so memory does not grow with
// the journal.
// The file is locked (flock) while open: a second batch on the same OUTDIR
// fails instead of interleaving. Seek, Find and NextLine are one pass over
// what Open read, from one thread at a time; ReadEntry is safe from any
// thread, concurrently with Append; Append must be called from one thread at
// a time and does not change what the lookups return.
#ifndef ZFXXGK_PIPELINE_BATCH_STATE_H_
#define ZFXXGK_PIPELINE_BATCH_STATE_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/batch_journal_index.h"
#include "pipeline/batch_state_line.h"
#include "pipeline/external_sort.h"
#include "pipeline/status.h"

namespace zfxxgk {

// The journal's file name inside OUTDIR.
inline constexpr const char* kBatchStateFile = ".zfxxgk-batch.jsonl";

class BatchState {
 public:
  // Creates `dir` when needed, opens or creates its journal, locks it and
  // reads it, sorting the latest line of each path in a temporary file in
  // `temp_dir` ($TMPDIR or /tmp when empty). kInvalidArgument when another
  // process holds the lock; kUnreadable on I/O errors.
  static StatusOr<std::unique_ptr<BatchState>> Open(const std::string& dir,
                                                    const std::string& temp_dir = "");
  ~BatchState();
  BatchState(const BatchState&) = delete;
  BatchState& operator=(const BatchState&) = delete;

  // Where the latest line for `path` read at Open is, or nullopt. REQUIRES:
  // paths asked in nondecreasing byte order (the order of
  // BatchInputList::Collect), across Seek and Find; kInternal otherwise.
  // Not mixed with NextLine.
  StatusOr<std::optional<BatchJournalLine>> Seek(std::string_view path);

  // Seek, then ReadEntry.
  StatusOr<std::optional<BatchStateEntry>> Find(std::string_view path);

  // Every path with an entry read at Open, in byte order, each once, with
  // its latest line; false after the last. Not mixed with Seek or Find.
  StatusOr<bool> NextLine(std::string& path, BatchJournalLine& line);

  // The entry on `line` (set record included), which Seek or NextLine gave
  // for `path`. kUnreadable on I/O errors or when the line no longer holds
  // an entry for `path` (its bytes changed since Open; see above). Safe from
  // any thread, concurrently with Append.
  StatusOr<BatchStateEntry> ReadEntry(std::string_view path, const BatchJournalLine& line) const;

  // Appends the entries with one write, then (`sync`) one fdatasync.
  // kUnreadable on I/O errors (the batch must stop: its journal is no longer
  // reliable). A write that returned is in the page cache: it survives a
  // kill of the process; only a power loss needs the fdatasync.
  Status Append(const std::vector<BatchStateEntry>& entries, bool sync = true);
  // The same for lines already rendered by StateEntryLine (concatenated).
  Status AppendLines(std::string_view lines, bool sync = true);

  // The journal's length: where the next AppendLines writes. Same thread
  // as Append.
  uint64_t size() const { return size_; }
  // The `length` bytes at `offset` of the journal, e.g. a set record of a
  // line appended (SetRecordInLine). kUnreadable on I/O errors or past the
  // end. Safe from any thread, concurrently with Append.
  StatusOr<std::string> ReadAt(uint64_t offset, uint64_t length) const;

  size_t entries_read() const { return entries_read_; }
  size_t lines_skipped() const { return lines_skipped_; }  // complete, not empty, not entries
  bool torn_line_cut() const { return torn_line_cut_; }

 private:
  BatchState(int fd, std::string path, const ExternalSortOptions& sort)
      : fd_(fd), path_(std::move(path)), index_(sort) {}
  Status Load();
  Status LoadLine(std::string_view line, uint64_t offset);

  int fd_ = -1;
  std::string path_;
  BatchJournalIndex index_;
  uint64_t size_ = 0;
  size_t entries_read_ = 0;
  size_t lines_skipped_ = 0;
  bool torn_line_cut_ = false;
  std::string path_storage_;  // a path with escapes, decoded (LoadLine)
};

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_BATCH_STATE_H_
