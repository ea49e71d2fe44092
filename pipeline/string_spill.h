// An append-only list of strings whose memory does not grow with its length:
// strings are buffered up to a budget, then the buffer is appended to an
// unlinked temporary file (created on the first spill). Read back in the
// order added. Used for the batch's lists of paths (set findings' unplaced
// and not-compared inputs), which grow with the number of reports.
//
//   StringSpill paths;
//   RETURN_IF_ERROR(paths.Add("a/2021.html"));
//   RETURN_IF_ERROR(paths.ForEach([](std::string_view p) { ...; return OkStatus(); }));
//
// Errors: kUnreadable when the temporary file cannot be created, written or
// read. Movable, not copyable; not thread-safe; no exceptions.
#ifndef ZFXXGK_PIPELINE_STRING_SPILL_H_
#define ZFXXGK_PIPELINE_STRING_SPILL_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"
#include "pipeline/temp_file.h"

namespace zfxxgk {

class StringSpill {
 public:
  // `memory_bytes`: bytes buffered (strings plus 4 per string) before they
  // are written out; `dir`: the temporary file's directory ($TMPDIR or /tmp
  // when empty).
  explicit StringSpill(size_t memory_bytes, std::string dir = {});
  StringSpill() : StringSpill(kDefaultMemoryBytes) {}
  static constexpr size_t kDefaultMemoryBytes = size_t{64} << 10;
  StringSpill(StringSpill&& other) noexcept = default;
  StringSpill& operator=(StringSpill&& other) noexcept = default;

  // kInvalidArgument for a string of 4 GiB or more.
  Status Add(std::string_view s);
  size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  bool spilled() const { return file_.is_open(); }

  // Calls `f` on every string in the order added; stops at, and returns,
  // the first non-OK status `f` returns.
  using Visitor = std::function<Status(std::string_view)>;
  Status ForEach(const Visitor& f) const;

  // Every string, in memory (for tests and short lists).
  StatusOr<std::vector<std::string>> ReadAll() const;

 private:
  Status Spill();
  Status ForEachInFile(const Visitor& f) const;

  size_t memory_bytes_;
  std::string dir_;
  std::string buffer_;     // records not yet written: 4-byte length, bytes
  TempFile file_;          // opened at the first spill
  size_t count_ = 0;
};

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_STRING_SPILL_H_
