// The set-analysis record: encode in the worker, decode at the end of a batch.
//
// Layout (every string is "<length>:<bytes>", every integer "<digits>;"):
//   "z1;" template organ published year ("i<year>;" or "n;") cell-count
//   per cell: shared-prefix-length path-suffix status value-token raw
//             candidate-count candidates... candidate-absent(0|1)
// Paths are front-coded against the previous cell's path (most share a
// long prefix), which keeps a record near 4 KB and journal lines short.
#include "pipeline/batch_set_record.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

#include "pipeline/text_buffer.h"
#include "pipeline/utf8.h"
#include "schemas/path_tree.h"

namespace zfxxgk {
namespace {

constexpr std::string_view kMagic = "z1;";

// No ASCII control character, quote or backslash.
bool NoJsonEscapes(std::string_view s) {
  size_t i = 0;
  for (; s.size() - i >= 8; i += 8) {
    const uint64_t w = LoadWord(s.data() + i);
    if (PlainJsonAsciiWord(w)) continue;
    if (!AsciiWord(w)) break;
    return false;
  }
  for (; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == '"' || c == '\\') return false;
  }
  return true;
}

// The cells in the order ToJson writes them: the path tree
// (schemas/path_tree.h) read depth first, with each leaf's full path.
class CellOrder {
 public:
  explicit CellOrder(const ReportV1& r) : tree_(r) {}

  std::vector<std::pair<std::string, const CellOut*>> Take() {
    Walk(PathTree::kRoot, "");
    return std::move(out_);
  }

 private:
  void Walk(size_t index, const std::string& prefix) {
    for (size_t c : tree_.node(index).children) {
      const PathNode& n = tree_.node(c);
      std::string path = prefix.empty() ? std::string(n.key) : prefix + "." + std::string(n.key);
      if (n.cell != nullptr) {
        out_.emplace_back(std::move(path), n.cell);
      } else {
        Walk(c, path);
      }
    }
  }

  PathTree tree_;
  std::vector<std::pair<std::string, const CellOut*>> out_;
};

// Writes a record's fields (TextBuffer: no capacity check and memcpy call
// per field, which cost more than the fields' digits).
class RecordWriter {
 public:
  explicit RecordWriter(size_t expected) { out_.Room(expected); }

  void Raw(std::string_view s) { out_.Put(s); }
  void Char(char c) { out_.Put(c); }
  // "<digits>;"
  void Int(int64_t v) {
    char* p = out_.Room(kDigits + 1);
    p = Digits(p, v);
    *p = ';';
    out_.SetEnd(p + 1);
  }
  // "<length>:<bytes>"
  void Str(std::string_view s) {
    char* p = out_.Room(kDigits + 1 + s.size());
    p = Digits(p, static_cast<int64_t>(s.size()));
    *p++ = ':';
    std::memcpy(p, s.data(), s.size());
    out_.SetEnd(p + s.size());
  }
  // "d<shortest round-trip form>;"
  void Double(double v) {
    char* p = out_.Room(kDoubleChars + 2);
    *p++ = 'd';
    p = std::to_chars(p, p + kDoubleChars, v).ptr;
    *p = ';';
    out_.SetEnd(p + 1);
  }

  std::string Take() { return out_.Take(); }

 private:
  static constexpr size_t kDigits = 24;       // an int64_t or size_t
  static constexpr size_t kDoubleChars = 40;  // a double, shortest form

  // Most fields are one digit (status, counts, lengths of short texts).
  static char* Digits(char* p, int64_t v) {
    if (static_cast<uint64_t>(v) < 10) {
      *p = static_cast<char>('0' + v);
      return p + 1;
    }
    return std::to_chars(p, p + kDigits, v).ptr;
  }

  TextBuffer out_;
};

// The value as ReportFromJson reads back what ToJson wrote: an integral
// value below 9e15 as a rounded integer, others as a double, non-finite
// values (JSON null) as none.
void PutValue(RecordWriter& out, const CellOut& c) {
  if (!c.value || !std::isfinite(*c.value)) {
    out.Raw("n;");
  } else if (c.integral && std::fabs(*c.value) < 9e15) {
    out.Char('i');
    const auto whole = static_cast<int64_t>(*c.value);  // |value| < 9e15: exact
    out.Int(static_cast<double>(whole) == *c.value ? whole : std::llround(*c.value));
  } else {
    out.Double(*c.value);
  }
}

// IsValidUtf8 with the check of ASCII text (most paths and raw texts)
// inline.
bool ValidUtf8(std::string_view s) {
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    if (!AsciiWord(LoadWord(s.data() + i))) return IsValidUtf8(s);
  }
  for (; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) >= 0x80) return IsValidUtf8(s);
  }
  return true;
}

// Whether `path`, whose first `common` bytes are those of the path before
// it (valid UTF-8), is valid UTF-8. That path cut after an ASCII byte is
// valid, so only the bytes from the last ASCII byte in the shared part on
// are scanned.
bool PathValidAfter(std::string_view path, size_t common) {
  while (common > 0 && static_cast<unsigned char>(path[common - 1]) >= 0x80) --common;
  return ValidUtf8(path.substr(common));
}

// Whether the texts of a cell are valid UTF-8. `common`: the leading bytes
// `path` shares with the previous cell's path, which was valid.
bool TextsEncodable(std::string_view path, size_t common, const CellOut& c) {
  if (!PathValidAfter(path, common) || !ValidUtf8(c.raw)) return false;
  for (const std::string& k : c.candidates) {
    if (!ValidUtf8(k)) return false;
  }
  return true;
}

// "<table>.extra" is where ToJson puts the extra rows: ReportFromJson
// would not read a cell at or below it back as a cell.
bool AtExtraRows(std::string_view path) {
  const size_t dot = path.find('.');
  return dot != std::string::npos && path.compare(dot + 1, 5, "extra") == 0 &&
         (path.size() == dot + 6 || path[dot + 6] == '.');
}

// `common`: the leading bytes `path` shares with the previous cell's path.
void PutCell(RecordWriter& out, size_t common, std::string_view path, const CellOut& c) {
  out.Int(static_cast<int64_t>(common));
  out.Str(path.substr(common));
  out.Int(static_cast<int64_t>(c.status));
  PutValue(out, c);
  out.Str(c.raw);
  // ToJson writes candidates only for an ambiguous cell.
  const bool ambiguous = c.status == CellStatus::kAmbiguous;
  if (!ambiguous) return out.Raw("0;0;");  // no candidates, none absent
  out.Int(static_cast<int64_t>(c.candidates.size()));
  for (const std::string& k : c.candidates) out.Str(k);
  out.Int(c.candidate_absent ? 1 : 0);
}

// The record up to its cells, which are `count`.
void PutHead(RecordWriter& out, const ReportMeta& m, size_t count) {
  out.Raw(kMagic);
  out.Str(m.template_name);
  out.Str(m.organ);
  out.Str(m.published);
  if (m.year) {
    out.Char('i');
    out.Int(*m.year);
  } else {
    out.Raw("n;");
  }
  out.Int(static_cast<int64_t>(count));
}

// About the length of the record: most cells' paths share all but a few
// bytes with the path before them.
size_t ExpectedSize(const ReportV1& r) {
  size_t n = 128 + 24 * r.cells.size();
  for (const auto& [path, cell] : r.cells) n += cell.raw.size();
  return n;
}

// The record of cells not in tree order: the path tree read depth first.
std::optional<std::string> EncodeTreeOrder(const ReportV1& r) {
  const std::vector<std::pair<std::string, const CellOut*>> cells = CellOrder(r).Take();
  RecordWriter out(ExpectedSize(r));
  PutHead(out, r.report, cells.size());
  for (size_t i = 0; i < cells.size(); ++i) {
    const std::string_view path = cells[i].first;
    const size_t common = i == 0 ? 0 : CommonPrefix(cells[i - 1].first, path);
    if (AtExtraRows(path) || !TextsEncodable(path, common, *cells[i].second)) return std::nullopt;
    PutCell(out, common, path, *cells[i].second);
  }
  return out.Take();
}

// Reads fields from the front of a record; any malformation sets !ok.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool done() const { return in_.empty(); }

  bool Magic() {
    if (in_.substr(0, kMagic.size()) != kMagic) return ok_ = false;
    in_.remove_prefix(kMagic.size());
    return true;
  }

  int64_t Int() {
    int64_t v = 0;
    const auto res = std::from_chars(in_.data(), in_.data() + in_.size(), v);
    if (res.ec != std::errc() || res.ptr == in_.data() + in_.size() || *res.ptr != ';') {
      ok_ = false;
      return 0;
    }
    in_.remove_prefix(static_cast<size_t>(res.ptr - in_.data()) + 1);
    return v;
  }

  std::string_view Str() {
    size_t n = 0;
    const auto res = std::from_chars(in_.data(), in_.data() + in_.size(), n);
    const size_t head = static_cast<size_t>(res.ptr - in_.data()) + 1;
    if (res.ec != std::errc() || head > in_.size() || *res.ptr != ':' || n > in_.size() - head) {
      ok_ = false;
      return {};
    }
    std::string_view s = in_.substr(head, n);
    in_.remove_prefix(head + n);
    return s;
  }

  // Returns the value and sets `integral` as ReportFromJson would.
  std::optional<double> Value(bool& integral) {
    integral = true;
    const char kind = in_.empty() ? '\0' : in_.front();
    if (kind == '\0') ok_ = false;
    if (!ok_) return std::nullopt;
    in_.remove_prefix(1);
    if (kind == 'n' && !in_.empty() && in_.front() == ';') {
      in_.remove_prefix(1);
      return std::nullopt;
    }
    if (kind == 'i') return static_cast<double>(Int());
    double v = 0;
    const auto res = std::from_chars(in_.data(), in_.data() + in_.size(), v);
    if (kind != 'd' || res.ec != std::errc() || res.ptr == in_.data() + in_.size() ||
        *res.ptr != ';') {
      ok_ = false;
      return std::nullopt;
    }
    in_.remove_prefix(static_cast<size_t>(res.ptr - in_.data()) + 1);
    integral = false;
    return v;
  }

 private:
  std::string_view in_;
  bool ok_ = true;
};

bool ReadCell(Reader& in, const std::string& prev, std::pair<std::string, CellOut>& out) {
  const int64_t shared = in.Int();
  if (!in.ok() || shared < 0 || static_cast<size_t>(shared) > prev.size()) return false;
  out.first.assign(prev, 0, static_cast<size_t>(shared));
  out.first.append(in.Str());
  CellOut& c = out.second;
  const int64_t status = in.Int();
  if (status < 0 || status > static_cast<int64_t>(CellStatus::kAmbiguous)) return false;
  c.status = static_cast<CellStatus>(status);
  c.value = in.Value(c.integral);
  c.raw = std::string(in.Str());
  const int64_t n = in.Int();
  for (int64_t k = 0; in.ok() && k < n; ++k) c.candidates.emplace_back(in.Str());
  c.candidate_absent = in.Int() == 1;
  return in.ok();
}

}  // namespace

bool IsPlainJsonText(std::string_view text) {
  return NoJsonEscapes(text) && IsValidUtf8(text);
}

std::optional<std::string> EncodeSetRecord(const ReportV1& r) {
  return EncodeSetRecord(r, CellWalk(r.cells));
}

// Cells in tree order (the mapper's) are encoded as they are; the others
// through the path tree.
std::optional<std::string> EncodeSetRecord(const ReportV1& r, const CellWalk& walk) {
  const ReportMeta& m = r.report;
  if (!IsValidUtf8(m.template_name) || !IsValidUtf8(m.organ) || !IsValidUtf8(m.published)) {
    return std::nullopt;
  }
  if (!walk.in_tree_order()) return EncodeTreeOrder(r);
  RecordWriter out(ExpectedSize(r));
  PutHead(out, m, r.cells.size());
  for (size_t i = 0; i < r.cells.size(); ++i) {
    const auto& [path, cell] = r.cells[i];
    // The second segment is new only where at most one is shared.
    const bool extra = walk.shared(i) <= 1 && walk.depth(i) > 1 && walk.segment(i, 1) == "extra";
    if (extra || !TextsEncodable(path, walk.common(i), cell)) return std::nullopt;
    PutCell(out, walk.common(i), path, cell);
  }
  return out.Take();
}

StatusOr<ReportV1> DecodeSetRecord(std::string_view record) {
  const Status bad(StatusCode::kInvalidArgument, "not a batch set record");
  Reader in(record);
  if (!in.Magic()) return bad;
  ReportV1 r;
  r.report.template_name = std::string(in.Str());
  r.report.organ = std::string(in.Str());
  r.report.published = std::string(in.Str());
  bool integral = true;
  const std::optional<double> year = in.Value(integral);  // "i<year>;" or "n;"
  if (year) r.report.year = static_cast<int>(*year);
  const int64_t n = in.Int();
  if (!in.ok() || n < 0 || !integral) return bad;
  r.cells.reserve(std::min(static_cast<size_t>(n), record.size() / 8));
  std::string prev;
  for (int64_t i = 0; i < n; ++i) {
    r.cells.emplace_back();
    if (!ReadCell(in, prev, r.cells.back())) return bad;
    prev = r.cells.back().first;
  }
  if (!in.done()) return bad;
  return r;
}

}  // namespace zfxxgk
