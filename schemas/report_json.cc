// ToJson: the contract's key order, cells nested by their dotted paths.
// Written in one pass with JsonWriter; the output is byte for byte what
// nlohmann::ordered_json would dump for the same members (a key set twice
// keeps its first position and takes its last value).
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "pipeline/utf8.h"
#include "schemas/json_writer.h"
#include "schemas/path_tree.h"
#include "schemas/report_json.h"
#include "schemas/report_v1.h"

namespace zfxxgk {
namespace {

constexpr size_t kCellStatusCount = static_cast<size_t>(CellStatus::kAmbiguous) + 1;

void Number(JsonWriter& w, double v, bool integral) {
  if (integral && std::fabs(v) < 9e15) {
    w.Int(static_cast<int64_t>(std::llround(v)));
  } else {
    w.Double(v);
  }
}

// A coordinate rounded to a tenth of a point.
double Tenths(double v) { return std::round(v * 10) / 10; }

// Cells are most of a report's text: their literal keys and status names
// are written without the escaping check (JsonWriter::PlainKey).
void PrettyCellJson(JsonWriter& w, const CellOut& c) {
  w.BeginObject();
  w.PlainKey("value");
  if (c.value) Number(w, *c.value, c.integral);
  else w.Null();
  w.PlainKey("raw"), w.String(c.raw);
  w.PlainKey("status"), w.PlainString(CellStatusName(c.status));
  if (!c.unit.empty()) w.PlainKey("unit"), w.String(c.unit);
  if (c.status == CellStatus::kAmbiguous) {
    w.PlainKey("candidates");
    w.BeginArray();
    if (c.candidate_absent) w.Null();
    for (const std::string& v : c.candidates) w.String(v);
    w.EndArray();
  }
  if (c.prov.confidence < 1.0) w.PlainKey("confidence"), w.Double(c.prov.confidence);
  const Provenance& p = c.prov;
  if (p.line >= 0 || p.table >= 0 || p.row >= 0 || p.col >= 0 || !p.bbox.empty()) {
    w.PlainKey("source");
    w.BeginObject();
    if (p.line >= 0) w.PlainKey("line"), w.Int(p.line);
    if (p.table >= 0) w.PlainKey("table"), w.Int(p.table);
    if (p.row >= 0) w.PlainKey("row"), w.Int(p.row);
    if (p.col >= 0) w.PlainKey("col"), w.Int(p.col);
    if (!p.bbox.empty()) {  // PDF and scanned pages: 1-based page, box in points
      w.PlainKey("page"), w.Int(p.page + 1);
      w.PlainKey("box"), w.BeginArray();
      for (double v : {p.bbox.x0, p.bbox.y0, p.bbox.x1, p.bbox.y1}) w.Double(Tenths(v));
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndObject();
}

// `,"status":"<name>"` for each status, made once from CellStatusName.
std::string_view StatusMember(CellStatus status) {
  static const std::array<std::string, kCellStatusCount> kMembers = [] {
    std::array<std::string, kCellStatusCount> m;
    for (size_t i = 0; i < m.size(); ++i) {
      m[i] = std::string(",\"status\":\"") + CellStatusName(static_cast<CellStatus>(i)) + "\"";
    }
    return m;
  }();
  return kMembers[static_cast<size_t>(status)];
}

// `text`, a literal, copied to `out`; returns where it ends.
template <size_t N>
char* Literal(char* out, const char (&text)[N]) {
  std::memcpy(out, text, N - 1);
  return out + N - 1;
}

// A cell's "source" member, written when the object has a member: keys and
// integers through one pointer (JsonWriter::RawRoom), the box's numbers
// after them.
void RawSourceMember(JsonWriter& w, const Provenance& p) {
  constexpr size_t kRoom = 16 + 5 * 32;  // the key, then five members of at most 29 bytes
  char* out = Literal(w.RawRoom(kRoom), ",\"source\":");
  char sep = '{';
  auto member = [&](std::string_view key_colon, int64_t v) {
    *out++ = sep;
    std::memcpy(out, key_colon.data(), key_colon.size());
    out = std::to_chars(out + key_colon.size(), out + key_colon.size() + 20, v).ptr;
    sep = ',';
  };
  if (p.line >= 0) member("\"line\":", p.line);
  if (p.table >= 0) member("\"table\":", p.table);
  if (p.row >= 0) member("\"row\":", p.row);
  if (p.col >= 0) member("\"col\":", p.col);
  if (!p.bbox.empty()) member("\"page\":", p.page + 1);
  w.RawEnd(out);
  if (!p.bbox.empty()) {
    w.Raw(",\"box\":[");
    w.RawDouble(Tenths(p.bbox.x0)), w.Raw(","), w.RawDouble(Tenths(p.bbox.y0)), w.Raw(",");
    w.RawDouble(Tenths(p.bbox.x1)), w.Raw(","), w.RawDouble(Tenths(p.bbox.y1)), w.Raw("]");
  }
  w.Raw("}");
}

// `{"value":<number or null>,"raw":` through one pointer where the number
// is an integer (most cells).
void RawValueMember(JsonWriter& w, const CellOut& c) {
  if (c.value && !(c.integral && std::fabs(*c.value) < 9e15)) {
    w.Raw("{\"value\":"), w.RawDouble(*c.value), w.Raw(",\"raw\":");
    return;
  }
  char* out = Literal(w.RawRoom(48), "{\"value\":");
  if (c.value) {
    const double v = *c.value;
    const auto whole = static_cast<int64_t>(v);  // exact below 9e15
    const int64_t n = static_cast<double>(whole) == v ? whole : std::llround(v);
    out = std::to_chars(out, out + 20, n).ptr;
  } else {
    out = Literal(out, "null");
  }
  w.RawEnd(Literal(out, ",\"raw\":"));
}

// The compact text of PrettyCellJson put together from fragments: no
// member bookkeeping, no escaping check of the literal keys.
void CompactCellJson(JsonWriter& w, const CellOut& c) {
  w.BeginValue();
  RawValueMember(w, c);
  w.Quoted(c.raw);
  w.Raw(StatusMember(c.status));
  if (!c.unit.empty()) w.Raw(",\"unit\":"), w.Quoted(c.unit);
  if (c.status == CellStatus::kAmbiguous) {
    w.Raw(",\"candidates\":[");
    if (c.candidate_absent) w.Raw("null");
    bool first = !c.candidate_absent;
    for (const std::string& v : c.candidates) {
      if (!first) w.Raw(",");
      first = false;
      w.Quoted(v);
    }
    w.Raw("]");
  }
  if (c.prov.confidence < 1.0) w.Raw(",\"confidence\":"), w.RawDouble(c.prov.confidence);
  const Provenance& p = c.prov;
  if (p.line >= 0 || p.table >= 0 || p.row >= 0 || p.col >= 0 || !p.bbox.empty()) {
    RawSourceMember(w, p);
  }
  w.Raw("}");
}

void CellJson(JsonWriter& w, const CellOut& c) {
  if (w.pretty()) return PrettyCellJson(w, c);
  CompactCellJson(w, c);
}

// Calls emit(first, last) once per distinct key of `items` (key(i) gives
// item i's key), in order of first appearance, with the index of its first
// and of its last occurrence: an ordered_json key assigned twice.
template <typename Key, typename Emit>
void EachDistinct(size_t n, Key key, Emit emit) {
  for (size_t i = 0; i < n; ++i) {
    bool seen = false;
    for (size_t j = 0; j < i && !seen; ++j) seen = key(j) == key(i);
    if (seen) continue;
    size_t last = i;
    for (size_t j = i + 1; j < n; ++j) {
      if (key(j) == key(i)) last = j;
    }
    emit(i, last);
  }
}

void SectionsJson(JsonWriter& w, const std::vector<SectionOut>& sections) {
  w.BeginObject();
  EachDistinct(
      sections.size(), [&](size_t i) -> const std::string& { return sections[i].key; },
      [&](size_t, size_t last) {
        const SectionOut& s = sections[last];
        w.Key(s.key);
        w.BeginObject();
        if (s.key != "preamble") w.PlainKey("heading"), w.String(s.heading);
        w.PlainKey("text"), w.String(s.text);
        w.EndObject();
      });
  w.EndObject();
}

void ExtraRowJson(JsonWriter& w, const ExtraRowOut& e) {
  w.BeginObject();
  w.PlainKey("label"), w.String(e.label);
  if (!e.cells.empty()) {
    w.PlainKey("cells");
    w.BeginObject();
    EachDistinct(
        e.cells.size(), [&](size_t i) -> const std::string& { return e.cells[i].first; },
        [&](size_t, size_t last) {
          w.Key(e.cells[last].first);
          CellJson(w, e.cells[last].second);
        });
    w.EndObject();
  }
  w.EndObject();
}


void IssuesJson(JsonWriter& w, const std::vector<Issue>& issues) {
  w.BeginArray();
  for (const Issue& i : issues) {
    w.BeginObject();
    w.PlainKey("severity"), w.String(SeverityName(i.severity));
    w.PlainKey("code"), w.String(i.code);
    w.PlainKey("message"), w.String(i.message);
    w.EndObject();
  }
  w.EndArray();
}

void SourceJson(JsonWriter& w, const Source& s) {
  w.BeginObject();
  w.PlainKey("path"), w.String(s.path);
  w.PlainKey("sha256"), w.String(s.sha256);
  w.PlainKey("format"), w.String(InputFormatName(s.format));
  if (!s.encoding.empty()) w.PlainKey("encoding"), w.String(s.encoding);  // text inputs
  w.PlainKey("pages"), w.Int(s.pages);
  if (!s.page_methods.empty()) {
    w.PlainKey("page_methods"), w.BeginArray();
    for (const std::string& m : s.page_methods) w.String(m);
    w.EndArray();
  }
  w.EndObject();
}

void MetaJson(JsonWriter& w, const ReportMeta& m) {
  w.BeginObject();
  w.PlainKey("title"), w.String(m.title);
  w.PlainKey("organ"), w.String(m.organ);
  w.PlainKey("year");
  if (m.year) w.Int(*m.year);
  else w.Null();
  w.PlainKey("published");
  if (m.published.empty()) w.Null();
  else w.String(m.published);
  w.PlainKey("template"), w.String(m.template_name);
  w.EndObject();
}

// The tables object: the cells' path tree (schemas/path_tree.h), depth first.
void TreeJson(JsonWriter& w, const PathTree& tree, size_t index) {
  const PathNode& n = tree.node(index);
  if (n.cell != nullptr) return CellJson(w, *n.cell);
  if (!n.extra.empty()) {
    w.BeginArray();
    for (const ExtraRowOut* e : n.extra) ExtraRowJson(w, *e);
    return w.EndArray();
  }
  w.BeginObject();
  for (size_t c : n.children) {
    w.Key(tree.node(c).key);
    TreeJson(w, tree, c);
  }
  w.EndObject();
}

#if defined(__SSE2__)
// Bit i set where the byte at p + i is not plain ASCII (see PlainAsciiFrom).
unsigned NotPlain16(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i stop = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),  // and 0x80 up
                                    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                                 _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
  return static_cast<unsigned>(_mm_movemask_epi8(stop));
}
#endif

// Whether JsonWriter::Key writes path[from, end) as it is: ASCII, no
// control byte, quote or backslash (PlainKey may write it). Sixteen bytes
// at a time where SSE2 is there, the last few in a block that overlaps
// bytes before them (paths are mostly longer than that).
bool PlainAsciiFrom(std::string_view path, size_t from) {
  size_t i = from;
  const size_t n = path.size();
#if defined(__SSE2__)
  if (n >= 16) {
    for (; i + 16 <= n; i += 16) {
      if (NotPlain16(path.data() + i) != 0) return false;
    }
    return i == n || (NotPlain16(path.data() + n - 16) >> (i - (n - 16))) == 0;
  }
#endif
  for (; i + 8 <= n; i += 8) {
    if (!PlainJsonAsciiWord(LoadWord(path.data() + i))) return false;
  }
  for (; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(path[i]);
    if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') return false;
  }
  return true;
}

// Whether every extra row's table is where StreamTables puts it: not a
// cell's own path ("t", which the tree writes as the cell, dropping the
// rows) and without cells below "t.extra" (the tree's "extra" node).
bool ExtrasStreamable(const ReportV1& r) {
  for (const ExtraRowOut& e : r.extra) {
    const std::string_view t = e.table;
    for (const auto& [path, cell] : r.cells) {
      const std::string_view p = path;
      if (p.size() < t.size() || p.compare(0, t.size(), t) != 0) continue;
      if (p.size() == t.size()) return false;
      if (p[t.size()] == '.' && p.substr(t.size() + 1, 5) == "extra" &&
          (p.size() == t.size() + 6 || p[t.size() + 6] == '.')) {
        return false;
      }
    }
  }
  return true;
}

// Table `t`'s extra rows as its "extra" member, if it has any.
void ExtrasMember(JsonWriter& w, const ReportV1& r, std::string_view t) {
  bool any = false;
  for (const ExtraRowOut& e : r.extra) {
    if (e.table != t) continue;
    if (!any) w.PlainKey("extra"), w.BeginArray();
    any = true;
    ExtraRowJson(w, e);
  }
  if (any) w.EndArray();
}

// The tables object written as the cells come, while they are in tree
// order (CellWalk) with ExtrasStreamable: the objects of the previous path
// not shared with the next are closed (a table's extra rows go last in it,
// as in the tree), then the next path's are opened. Tables with extra rows
// only follow, in order of their first row. The same text as TreeJson,
// without building the tree.
void StreamTables(JsonWriter& w, const ReportV1& r, const CellWalk& walk) {
  std::string_view table;  // the previous path's first segment
  size_t open = 0;  // objects open below "tables": the path's segments but its leaf
  std::vector<std::string_view> tables;  // closed top-level objects
  auto close_to = [&](size_t depth) {
    for (; open > depth; --open) {
      if (open == 1) ExtrasMember(w, r, table), tables.push_back(table);
      w.EndObject();
    }
  };
  w.BeginObject();
  for (size_t i = 0; i < r.cells.size(); ++i) {
    const auto& [path, cell] = r.cells[i];
    close_to(walk.shared(i));
    table = walk.segment(i, 0);
    // The keys to write: the path from its first segment not shared on.
    const bool plain = PlainAsciiFrom(
        path, static_cast<size_t>(walk.segment(i, open).data() - path.data()));
    auto key = [&](std::string_view k) { plain ? w.PlainKey(k) : w.Key(k); };
    for (; open + 1 < walk.depth(i); ++open) key(walk.segment(i, open)), w.BeginObject();
    key(walk.segment(i, open));
    CellJson(w, cell);
  }
  close_to(0);
  for (const ExtraRowOut& e : r.extra) {
    if (std::find(tables.begin(), tables.end(), e.table) != tables.end()) continue;
    tables.push_back(e.table);
    w.Key(e.table), w.BeginObject();
    ExtrasMember(w, r, e.table);
    w.EndObject();
  }
  w.EndObject();
}

void TablesJson(JsonWriter& w, const ReportV1& r, const CellWalk& walk) {
  if (walk.in_tree_order() && ExtrasStreamable(r)) return StreamTables(w, r, walk);
  TreeJson(w, PathTree(r), PathTree::kRoot);
}

// About the length of the report's compact text, a little more for most
// reports: its long texts and an allowance per cell, check and issue.
size_t ExpectedSize(const ReportV1& r) {
  size_t n = 1024 + 96 * r.cells.size() + 256 * r.extra.size();
  for (const SectionOut& s : r.sections) n += s.key.size() + s.heading.size() + s.text.size() + 48;
  for (const CheckOut& c : r.checks) n += c.where.size() + c.note.size() + 128;
  for (const Issue& i : r.issues) n += i.code.size() + i.message.size() + 64;
  return n;
}

}  // namespace

std::string ToJson(const ReportV1& r, bool pretty) { return ToJson(r, pretty, std::string()); }

std::string ToJson(const ReportV1& r, bool pretty, std::string storage) {
  return ToJson(r, pretty, std::move(storage), CellWalk(r.cells));
}

std::string ToJson(const ReportV1& r, bool pretty, std::string storage, const CellWalk& walk) {
  JsonWriter w(pretty, std::move(storage));
  if (!pretty) w.Reserve(ExpectedSize(r));
  w.BeginObject();
  w.PlainKey("schema_version"), w.String("1");
  w.PlainKey("source"), SourceJson(w, r.source);
  w.PlainKey("report"), MetaJson(w, r.report);
  w.PlainKey("sections"), SectionsJson(w, r.sections);
  w.PlainKey("tables"), TablesJson(w, r, walk);
  w.PlainKey("checks"), WriteChecksJson(w, r.checks, CheckDifference::kFailuresOnly);
  w.PlainKey("issues"), IssuesJson(w, r.issues);
  w.EndObject();
  return w.Take();
}

void WriteOptionalNumberJson(JsonWriter& w, const std::optional<double>& v) {
  if (v) Number(w, *v, std::floor(*v) == *v);
  else w.Null();
}

void WriteChecksJson(JsonWriter& w, const std::vector<CheckOut>& checks,
                     CheckDifference difference) {
  w.BeginArray();
  for (const CheckOut& c : checks) {
    w.BeginObject();
    w.PlainKey("id"), w.String(c.id);
    w.PlainKey("where"), w.String(c.where);
    w.PlainKey("status"), w.String(c.status);
    w.PlainKey("lhs"), WriteOptionalNumberJson(w, c.lhs);
    w.PlainKey("rhs"), WriteOptionalNumberJson(w, c.rhs);
    const bool wanted = difference == CheckDifference::kWhenBothNumbers || c.status == "fail";
    if (wanted && c.lhs && c.rhs) {
      w.PlainKey("difference"), WriteOptionalNumberJson(w, *c.lhs - *c.rhs);
    }
    if (!c.note.empty()) w.PlainKey("note"), w.String(c.note);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace zfxxgk
