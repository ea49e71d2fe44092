// Where the latest journal line of each path is, sorted by path on disk, so
// a resumed batch merges it with its sorted input list instead of holding
// the journal in memory (pipeline/batch_state.h builds one at Open).
//
//   BatchJournalIndex index({});
//   RETURN_IF_ERROR(index.Add("b", {0, 120}));     // in journal order
//   RETURN_IF_ERROR(index.Add("a", {121, 118}));
//   RETURN_IF_ERROR(index.Add("b", {240, 119}));   // later: wins over {0, 120}
//   RETURN_IF_ERROR(index.Finish());
//   ASSIGN_OR_RETURN(std::optional<BatchJournalLine> a, index.Seek("a"));  // {121, 118}
//   ASSIGN_OR_RETURN(std::optional<BatchJournalLine> b, index.Seek("b"));  // {240, 119}
//
// Paths are compared by bytes, the order of BatchInputList::Collect. The
// entries go through an ExternalSorter (pipeline/external_sort.h), so memory
// is its budget whatever the number of lines. Reading is one pass: Seek with
// paths in nondecreasing order, or Next. Errors: kUnreadable when the
// temporary file fails; kInternal when called out of order (a path sought
// below the previous one, Add after Finish). Not thread-safe; no exceptions
// (std::bad_alloc aside).
#ifndef ZFXXGK_PIPELINE_BATCH_JOURNAL_INDEX_H_
#define ZFXXGK_PIPELINE_BATCH_JOURNAL_INDEX_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/external_sort.h"
#include "pipeline/status.h"

namespace zfxxgk {

// One line of the journal: its byte range, newline excluded.
struct BatchJournalLine {
  uint64_t offset = 0;
  uint64_t length = 0;
  friend bool operator==(const BatchJournalLine&, const BatchJournalLine&) = default;
};

class BatchJournalIndex {
 public:
  explicit BatchJournalIndex(const ExternalSortOptions& sort);
  BatchJournalIndex(const BatchJournalIndex&) = delete;
  BatchJournalIndex& operator=(const BatchJournalIndex&) = delete;

  // The line of an entry for `path`; call in journal order (a later line for
  // the same path replaces an earlier one). REQUIRES: Finish not yet called.
  Status Add(std::string_view path, BatchJournalLine line);

  // Ends adding and prepares reading.
  Status Finish();

  // The latest line for `path`, or nullopt. REQUIRES: Finish called; `path`
  // not below the path of the previous Seek (equal is fine).
  StatusOr<std::optional<BatchJournalLine>> Seek(std::string_view path);

  // The next path (in order, each once) and its latest line; false after
  // the last. REQUIRES: Finish called; not mixed with Seek.
  StatusOr<bool> Next(std::string& path, BatchJournalLine& line);

  size_t lines_added() const { return sorter_.size(); }

 private:
  struct Current {
    std::string path;
    BatchJournalLine line;
  };
  StatusOr<bool> Advance();  // current_ = the next path's latest line

  ExternalSorter sorter_;
  std::string record_;        // read ahead: the sorter's next record
  bool record_valid_ = false;
  Current current_;
  bool current_valid_ = false;
  bool ended_ = false;        // the sorter has no more records
  std::string last_sought_;
  bool sought_ = false;
};

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_BATCH_JOURNAL_INDEX_H_
