// Sorting more records than should be held in memory: records (byte
// strings) are added one by one; whenever the records held exceed a memory
// budget they are sorted and written as one run to an unlinked temporary
// file; at the end the runs are merged (in passes when there are more than
// `fan_in`) and read back in order. Memory is bounded by the budget plus
// `fan_in` read buffers, whatever the number of records. A sort that never
// exceeds its budget touches no file.
//
//   ExternalSorter sorter({.memory_bytes = 1 << 20});
//   RETURN_IF_ERROR(sorter.Add("b"));
//   RETURN_IF_ERROR(sorter.Add("a"));
//   RETURN_IF_ERROR(sorter.Finish());
//   std::string record;
//   for (;;) {
//     ASSIGN_OR_RETURN(bool more, sorter.Next(record));   // "a", then "b"
//     if (!more) break;
//   }
//
// The sort is stable: records that compare equal come out in the order they
// were added. Errors: kUnreadable when the temporary file cannot be created,
// written or read; kInternal when called out of order. Not thread-safe; no
// exceptions (std::bad_alloc aside).
#ifndef ZFXXGK_PIPELINE_EXTERNAL_SORT_H_
#define ZFXXGK_PIPELINE_EXTERNAL_SORT_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"
#include "pipeline/temp_file.h"

namespace zfxxgk {

struct ExternalSortOptions {
  // Bytes of records (plus 16 per record) held before a run is written.
  size_t memory_bytes = size_t{512} << 10;
  // Runs merged at once (>= 2); more runs are first merged in passes.
  size_t fan_in = 32;
  // Bytes read ahead from each run while merging.
  size_t read_buffer = size_t{16} << 10;
  // Directory of the temporary file; empty = $TMPDIR or /tmp.
  std::string dir;
};

class ExternalSorter {
 public:
  // A strict weak order on records; null = byte order.
  using Less = std::function<bool(std::string_view, std::string_view)>;

  explicit ExternalSorter(ExternalSortOptions options = {}, Less less = nullptr);
  ~ExternalSorter();
  ExternalSorter(const ExternalSorter&) = delete;
  ExternalSorter& operator=(const ExternalSorter&) = delete;

  // REQUIRES: Finish not yet called.
  Status Add(std::string_view record);

  // Ends adding and prepares reading (merging runs down to `fan_in`).
  Status Finish();

  // The next record in order into `record`; false (record untouched) after
  // the last one. REQUIRES: Finish called.
  StatusOr<bool> Next(std::string& record);

  size_t size() const { return added_; }                // records added
  size_t runs_written() const { return runs_written_; }  // runs spilled to disk, merges included

 private:
  class RunCursor;
  struct Span {
    size_t offset;
    size_t length;
  };

  Status SpillRun();                // the records held, sorted, as one run
  StatusOr<Span> MergeRuns(std::vector<Span> runs);  // into one new run
  Status OpenCursors();             // over every remaining run
  bool CursorAfter(size_t a, size_t b) const;  // heap order (min at the top)
  std::vector<uint32_t> SortedHeld() const;

  ExternalSortOptions options_;
  Less less_;
  std::string held_;                 // records held, back to back
  std::vector<Span> spans_;          // one per record held
  TempFile file_;                    // opened at the first spill
  std::vector<Span> runs_;           // byte ranges of the runs in file_
  std::vector<std::unique_ptr<RunCursor>> cursors_;
  std::vector<size_t> heap_;         // cursor indices
  std::vector<uint32_t> order_;      // without runs: held records in order
  size_t next_held_ = 0;
  size_t added_ = 0;
  size_t runs_written_ = 0;
  bool finished_ = false;
};

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_EXTERNAL_SORT_H_
