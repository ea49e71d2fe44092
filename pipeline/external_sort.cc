// External merge sort of byte-string records.
//
// A run is a sequence of records, each a LEB128 length and the bytes. All
// runs live in one unlinked temporary file; a run is a byte range of it.
#include "pipeline/external_sort.h"

#include <algorithm>
#include <numeric>

namespace zfxxgk {
namespace {

Status IoError(const std::string& what) {
  return Status(StatusCode::kUnreadable, "external sort: " + what);
}

void PutLength(std::string& out, size_t n) {
  while (n >= 0x80) {
    out.push_back(static_cast<char>((n & 0x7F) | 0x80));
    n >>= 7;
  }
  out.push_back(static_cast<char>(n));
}

constexpr size_t kWriteChunk = size_t{64} << 10;

}  // namespace

// The temporary file: appended to, read at offsets.
// Reads the records of one run in order, `buffer` bytes at a time.
class ExternalSorter::RunCursor {
 public:
  RunCursor(const TempFile& file, Span run, size_t buffer)
      : file_(file), next_(run.offset), end_(run.offset + run.length), buffer_size_(buffer) {}

  // Moves to the next record; false at the end of the run (or on an error:
  // see status()).
  bool Advance() {
    size_t length = 0;
    for (int shift = 0;; shift += 7) {
      if (!Ensure(1) || shift > 63) return Fail();
      const unsigned char c = static_cast<unsigned char>(buf_[pos_++]);
      length |= static_cast<size_t>(c & 0x7F) << shift;
      if ((c & 0x80) == 0) break;
    }
    if (!Ensure(length)) return Fail();
    current_.assign(buf_, pos_, length);
    pos_ += length;
    return true;
  }
  bool AtEnd() const { return pos_ == buf_.size() && next_ == end_; }
  const std::string& current() const { return current_; }
  const Status& status() const { return status_; }

 private:
  // At least `n` unread bytes in buf_, unless the run ends first.
  bool Ensure(size_t n) {
    if (buf_.size() - pos_ >= n) return true;
    buf_.erase(0, pos_);
    pos_ = 0;
    const size_t want = std::min(std::max(n - buf_.size(), buffer_size_), end_ - next_);
    if (want == 0) return false;
    StatusOr<size_t> got = file_.Read(next_, want, buf_);
    if (!got.ok() || *got != want) {
      status_ = got.ok() ? IoError("run truncated") : got.status();
      return false;
    }
    next_ += want;
    return buf_.size() >= n;
  }
  bool Fail() {
    if (status_.ok() && !AtEnd()) status_ = IoError("run corrupt");
    return false;
  }

  const TempFile& file_;
  size_t next_, end_;  // the run's bytes not yet buffered
  size_t buffer_size_;
  std::string buf_;
  size_t pos_ = 0;
  std::string current_;
  Status status_;
};

ExternalSorter::ExternalSorter(ExternalSortOptions options, Less less)
    : options_(std::move(options)), less_(std::move(less)) {
  options_.fan_in = std::max<size_t>(options_.fan_in, 2);
  options_.read_buffer = std::max<size_t>(options_.read_buffer, 64);
  if (!less_) less_ = [](std::string_view a, std::string_view b) { return a < b; };
}

ExternalSorter::~ExternalSorter() = default;

Status ExternalSorter::Add(std::string_view record) {
  if (finished_) return Status(StatusCode::kInternal, "external sort: Add after Finish");
  // The buffer is reserved once, so it never holds more than the budget
  // while growing (pages are only touched as records arrive).
  if (held_.capacity() < options_.memory_bytes) held_.reserve(options_.memory_bytes);
  spans_.push_back({held_.size(), record.size()});
  held_.append(record);
  ++added_;
  if (held_.size() + sizeof(Span) * spans_.capacity() >= options_.memory_bytes) {
    return SpillRun();
  }
  return OkStatus();
}

std::vector<uint32_t> ExternalSorter::SortedHeld() const {
  std::vector<uint32_t> order(spans_.size());
  std::iota(order.begin(), order.end(), 0u);
  auto view = [this](uint32_t i) {
    return std::string_view(held_).substr(spans_[i].offset, spans_[i].length);
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return less_(view(a), view(b)); });
  return order;
}

Status ExternalSorter::SpillRun() {
  if (!file_.is_open()) RETURN_IF_ERROR(file_.Open(options_.dir, "zfxxgk-sort"));
  const size_t start = file_.size();
  std::string out;
  for (uint32_t i : SortedHeld()) {
    PutLength(out, spans_[i].length);
    out.append(held_, spans_[i].offset, spans_[i].length);
    if (out.size() >= kWriteChunk) {
      RETURN_IF_ERROR(file_.Append(out));
      out.clear();
    }
  }
  RETURN_IF_ERROR(file_.Append(out));
  runs_.push_back({start, file_.size() - start});
  ++runs_written_;
  held_.clear();  // capacity kept for the next run
  spans_.clear();
  return OkStatus();
}

bool ExternalSorter::CursorAfter(size_t a, size_t b) const {
  // Earlier runs hold earlier records: ties go to the lower cursor index.
  const std::string& x = cursors_[a]->current();
  const std::string& y = cursors_[b]->current();
  if (less_(y, x)) return true;
  if (less_(x, y)) return false;
  return a > b;
}

Status ExternalSorter::OpenCursors() {
  cursors_.clear();
  heap_.clear();
  for (const Span& run : runs_) {
    cursors_.push_back(std::make_unique<RunCursor>(file_, run, options_.read_buffer));
    if (cursors_.back()->Advance()) {
      heap_.push_back(cursors_.size() - 1);
    } else {
      RETURN_IF_ERROR(cursors_.back()->status());
    }
  }
  auto after = [this](size_t a, size_t b) { return CursorAfter(a, b); };
  std::make_heap(heap_.begin(), heap_.end(), after);
  return OkStatus();
}

StatusOr<ExternalSorter::Span> ExternalSorter::MergeRuns(std::vector<Span> runs) {
  runs_ = std::move(runs);
  RETURN_IF_ERROR(OpenCursors());
  const size_t start = file_.size();
  std::string out, record;
  for (;;) {
    ASSIGN_OR_RETURN(bool more, Next(record));
    if (!more) break;
    PutLength(out, record.size());
    out += record;
    if (out.size() >= kWriteChunk) {
      RETURN_IF_ERROR(file_.Append(out));
      out.clear();
    }
  }
  RETURN_IF_ERROR(file_.Append(out));
  cursors_.clear();
  ++runs_written_;
  return Span{start, file_.size() - start};
}

Status ExternalSorter::Finish() {
  if (finished_) return Status(StatusCode::kInternal, "external sort: Finish twice");
  finished_ = true;
  if (runs_.empty()) {  // everything fits: no file at all
    order_ = SortedHeld();
    return OkStatus();
  }
  if (!spans_.empty()) RETURN_IF_ERROR(SpillRun());
  std::string().swap(held_);  // the buffer is not needed to merge
  std::vector<Span>().swap(spans_);
  // Passes over consecutive groups of runs, so each record is copied once
  // per pass and ties keep the order records were added in (earlier runs
  // first). The space of merged runs is not reused: the file is temporary.
  while (runs_.size() > options_.fan_in) {
    const std::vector<Span> level = std::move(runs_);
    std::vector<Span> merged;
    for (size_t i = 0; i < level.size(); i += options_.fan_in) {
      const size_t n = std::min(options_.fan_in, level.size() - i);
      if (n == 1) {
        merged.push_back(level[i]);
        continue;
      }
      std::vector<Span> group(level.begin() + i, level.begin() + i + n);
      ASSIGN_OR_RETURN(Span run, MergeRuns(std::move(group)));
      merged.push_back(run);
    }
    runs_ = std::move(merged);
  }
  return OpenCursors();
}

StatusOr<bool> ExternalSorter::Next(std::string& record) {
  if (!finished_) return Status(StatusCode::kInternal, "external sort: Next before Finish");
  if (runs_.empty()) {
    if (next_held_ >= order_.size()) return false;
    const Span& s = spans_[order_[next_held_++]];
    record.assign(held_, s.offset, s.length);
    return true;
  }
  if (heap_.empty()) return false;
  auto after = [this](size_t a, size_t b) { return CursorAfter(a, b); };
  std::pop_heap(heap_.begin(), heap_.end(), after);
  const size_t top = heap_.back();
  record = cursors_[top]->current();
  if (cursors_[top]->Advance()) {
    std::push_heap(heap_.begin(), heap_.end(), after);
  } else {
    heap_.pop_back();
    RETURN_IF_ERROR(cursors_[top]->status());
  }
  return true;
}

}  // namespace zfxxgk
