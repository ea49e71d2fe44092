// ToJson: the contract's key order, cells nested by their dotted paths.
// Written in one pass with JsonWriter; the output is byte for byte what
// nlohmann::ordered_json would dump for the same members (a key set twice
// keeps its first position and takes its last value).
#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "schemas/json_writer.h"
#include "schemas/path_tree.h"
#include "schemas/report_v1.h"

namespace zfxxgk {
namespace {

void Number(JsonWriter& w, double v, bool integral) {
  if (integral && std::fabs(v) < 9e15) {
    w.Int(static_cast<int64_t>(std::llround(v)));
  } else {
    w.Double(v);
  }
}

void OptionalNumber(JsonWriter& w, const std::optional<double>& v) {
  if (v) Number(w, *v, std::floor(*v) == *v);
  else w.Null();
}

// A coordinate rounded to a tenth of a point.
double Tenths(double v) { return std::round(v * 10) / 10; }

// Cells are most of a report's text: their literal keys and status names
// are written without the escaping check (JsonWriter::PlainKey).
void CellJson(JsonWriter& w, const CellOut& c) {
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
        if (s.key != "preamble") w.Key("heading"), w.String(s.heading);
        w.Key("text"), w.String(s.text);
        w.EndObject();
      });
  w.EndObject();
}

void ExtraRowJson(JsonWriter& w, const ExtraRowOut& e) {
  w.BeginObject();
  w.Key("label"), w.String(e.label);
  if (!e.cells.empty()) {
    w.Key("cells");
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

void ChecksJson(JsonWriter& w, const std::vector<CheckOut>& checks) {
  w.BeginArray();
  for (const CheckOut& c : checks) {
    w.BeginObject();
    w.Key("id"), w.String(c.id);
    w.Key("where"), w.String(c.where);
    w.Key("status"), w.String(c.status);
    w.Key("lhs"), OptionalNumber(w, c.lhs);
    w.Key("rhs"), OptionalNumber(w, c.rhs);
    if (c.status == "fail" && c.lhs && c.rhs) {
      w.Key("difference"), OptionalNumber(w, *c.lhs - *c.rhs);
    }
    if (!c.note.empty()) w.Key("note"), w.String(c.note);
    w.EndObject();
  }
  w.EndArray();
}

void IssuesJson(JsonWriter& w, const std::vector<Issue>& issues) {
  w.BeginArray();
  for (const Issue& i : issues) {
    w.BeginObject();
    w.Key("severity"), w.String(SeverityName(i.severity));
    w.Key("code"), w.String(i.code);
    w.Key("message"), w.String(i.message);
    w.EndObject();
  }
  w.EndArray();
}

void SourceJson(JsonWriter& w, const Source& s) {
  w.BeginObject();
  w.Key("path"), w.String(s.path);
  w.Key("sha256"), w.String(s.sha256);
  w.Key("format"), w.String(InputFormatName(s.format));
  if (!s.encoding.empty()) w.Key("encoding"), w.String(s.encoding);  // text inputs
  w.Key("pages"), w.Int(s.pages);
  if (!s.page_methods.empty()) {
    w.Key("page_methods"), w.BeginArray();
    for (const std::string& m : s.page_methods) w.String(m);
    w.EndArray();
  }
  w.EndObject();
}

void MetaJson(JsonWriter& w, const ReportMeta& m) {
  w.BeginObject();
  w.Key("title"), w.String(m.title);
  w.Key("organ"), w.String(m.organ);
  w.Key("year");
  if (m.year) w.Int(*m.year);
  else w.Null();
  w.Key("published");
  if (m.published.empty()) w.Null();
  else w.String(m.published);
  w.Key("template"), w.String(m.template_name);
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
    if (!any) w.Key("extra"), w.BeginArray();
    any = true;
    ExtraRowJson(w, e);
  }
  if (any) w.EndArray();
}

// The tables object written as the cells come, for cells in tree order
// (CellsInTreeOrder) with ExtrasStreamable: the objects of the previous
// path not shared with the next are closed (a table's extra rows go last in
// it, as in the tree), then the next path's are opened. Tables with extra
// rows only follow, in order of their first row. The same text as TreeJson,
// without building the tree.
void StreamTables(JsonWriter& w, const ReportV1& r) {
  PathCursor cursor;
  size_t open = 0;  // objects open below "tables": the path's segments but its leaf
  std::vector<std::string_view> tables;  // closed top-level objects
  auto close_to = [&](size_t depth) {
    for (; open > depth; --open) {
      if (open == 1) ExtrasMember(w, r, cursor.segment(0)), tables.push_back(cursor.segment(0));
      w.EndObject();
    }
  };
  w.BeginObject();
  for (const auto& [path, cell] : r.cells) {
    const size_t shared = cursor.Compare(path).shared;
    close_to(shared);
    cursor.MoveTo(path, shared);
    for (; open + 1 < cursor.depth(); ++open) w.Key(cursor.segment(open)), w.BeginObject();
    w.Key(cursor.segment(open));
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

void TablesJson(JsonWriter& w, const ReportV1& r) {
  if (CellsInTreeOrder(r.cells) && ExtrasStreamable(r)) return StreamTables(w, r);
  TreeJson(w, PathTree(r), PathTree::kRoot);
}

}  // namespace

std::string ToJson(const ReportV1& r, bool pretty) { return ToJson(r, pretty, std::string()); }

std::string ToJson(const ReportV1& r, bool pretty, std::string storage) {
  JsonWriter w(pretty, std::move(storage));
  w.BeginObject();
  w.Key("schema_version"), w.String("1");
  w.Key("source"), SourceJson(w, r.source);
  w.Key("report"), MetaJson(w, r.report);
  w.Key("sections"), SectionsJson(w, r.sections);
  w.Key("tables"), TablesJson(w, r);
  w.Key("checks"), ChecksJson(w, r.checks);
  w.Key("issues"), IssuesJson(w, r.issues);
  w.EndObject();
  return w.Take();
}

}  // namespace zfxxgk
