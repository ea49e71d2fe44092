#include "schemas/table_mapper.h"

#include <algorithm>
#include <map>
#include <string>

#include "schemas/digit_split.h"
#include "schemas/prose_facts.h"
#include "schemas/row_alignment.h"
#include "schemas/row_reader.h"

namespace zfxxgk {
namespace {

using Axis = IdentitySpec::Axis;

// One template row being read: where its cells go and what was read.
struct RowSlot {
  std::string path;                  // "applications.new_received"
  std::vector<std::string> columns;  // column keys
  std::vector<bool> decimal;         // per column: an amount, may hold '.'
  bool found = false;
  RowRead read;
  std::vector<CellOut> cells;        // resolved, one per column
};

// sum(lhs) == sum(rhs) over (slot, column) cells.
struct CellConstraint {
  std::string id;
  std::vector<CellRef> lhs;
  std::vector<CellRef> rhs;
};

CellOut MissingCell() {
  CellOut c;
  c.status = CellStatus::kMissing;
  return c;
}

bool HasRun(const RowSlot& s) { return s.found && !s.read.run.empty(); }

// A fixed row's cell can join a constraint only when it is an integer.
bool IsIntegerCell(const CellOut& c) {
  return c.status == CellStatus::kNumber && c.integral && c.value.has_value();
}

StreamPos After(const LabelHit& hit, const RowRead& read) {
  return hit.end < read.end ? read.end : hit.end;
}

// A row that lost one cell in conversion: its first value stays in the
// first column and its last in the last, so the lost cell is an inner one,
// at an unknown column m. Inner column j then holds v[j] (m > j), nothing
// (m == j) or v[j-1] (m < j): it is ambiguous.
std::vector<CellOut> PlaceAroundLostCell(const std::vector<CellOut>& v, const std::string& path,
                                         const std::vector<std::string>& columns,
                                         ReportV1& report) {
  const size_t n = columns.size();
  std::vector<CellOut> cells(n);
  cells[0] = v.front();
  cells[n - 1] = v.back();
  for (size_t j = 1; j + 1 < n; ++j) {
    CellOut& c = cells[j];
    c.status = CellStatus::kAmbiguous;
    c.candidate_absent = true;
    if (j + 2 < n) c.candidates.push_back(v[j].raw);
    if (j > 1 && (c.candidates.empty() || c.candidates[0] != v[j - 1].raw)) {
      c.candidates.push_back(v[j - 1].raw);
    }
    c.prov = v[j - 1].prov;
    report.issues.push_back({Severity::kWarning, "ambiguous_cell",
                             "tables." + path + "." + columns[j] +
                                 ": the table row has one cell fewer than the template; "
                                 "this cell may be the lost one"});
  }
  return cells;
}

void FillFixed(RowSlot& slot, ReportV1& report) {
  if (slot.read.one_cell_lost && slot.columns.size() >= 3) {
    slot.cells = PlaceAroundLostCell(slot.read.cells, slot.path, slot.columns, report);
    return;
  }
  slot.cells = slot.read.cells;
  slot.cells.resize(slot.columns.size(), MissingCell());
}

// Whether every cell a constraint names can be compared as an integer.
bool Usable(const CellConstraint& c, const std::vector<RowSlot>& slots) {
  auto ok = [&](const CellRef& r) {
    const RowSlot& s = slots[r.row];
    if (!s.found) return false;
    if (HasRun(s)) return !s.read.splits.empty();
    return r.part < static_cast<int>(s.read.cells.size()) && IsIntegerCell(s.read.cells[r.part]);
  };
  return std::all_of(c.lhs.begin(), c.lhs.end(), ok) &&
         std::all_of(c.rhs.begin(), c.rhs.end(), ok);
}

bool RowLocal(const CellConstraint& c) {
  int row = c.lhs.empty() ? -1 : c.lhs[0].row;
  auto same = [&](const CellRef& r) { return r.row == row; };
  return std::all_of(c.lhs.begin(), c.lhs.end(), same) &&
         std::all_of(c.rhs.begin(), c.rhs.end(), same);
}

SplitProblem MakeProblem(const std::vector<RowSlot>& slots,
                         const std::vector<CellConstraint>& constraints, bool row_local_only) {
  SplitProblem p;
  for (const RowSlot& s : slots) {
    if (HasRun(s)) {
      p.rows.push_back(s.read.splits);
      continue;
    }
    Split fixed;
    for (const CellOut& c : s.read.cells) fixed.push_back(c.raw);
    p.rows.push_back({fixed});
  }
  for (const CellConstraint& c : constraints) {
    if (!Usable(c, slots) || (row_local_only && !RowLocal(c))) continue;
    p.constraints.push_back({c.id, c.lhs, c.rhs});
  }
  return p;
}

CellOut CellFromCandidates(const std::vector<std::string>& values, const RowSlot& slot,
                           const std::string& path, ReportV1& report) {
  if (values.size() == 1) {
    CellOut c = ParseCellText(values[0]);
    c.prov = slot.read.prov;
    return c;
  }
  CellOut c;
  c.status = CellStatus::kAmbiguous;
  c.raw = slot.read.run;
  c.candidates = values;
  c.prov = slot.read.prov;
  std::string list;
  for (const std::string& v : values) list += (list.empty() ? "" : ", ") + v;
  report.issues.push_back({Severity::kWarning, "ambiguous_cell",
                           "tables." + path + ": glued digits '" + slot.read.run +
                               "' leave " + std::to_string(values.size()) +
                               " candidates (" + list + ")"});
  return c;
}

void ReportDeciders(const SplitSolution& sol, const std::string& table, ReportV1& report) {
  if (sol.deciding_constraints.empty()) return;
  std::string ids;
  for (const std::string& id : sol.deciding_constraints) ids += (ids.empty() ? "" : ", ") + id;
  report.issues.push_back({Severity::kInfo, "split_decided_by_identities",
                           table + ": glued digit runs were split using " + ids});
}

// Keeps the splits of a glued row whose count columns hold integers, then
// those that agree with what the prose states about a cell.
void NarrowSplits(RowSlot& s, const std::vector<ProseFact>& facts, ReportV1& report) {
  std::vector<Split>& splits = s.read.splits;
  std::erase_if(splits, [&](const Split& sp) {
    for (size_t k = 0; k < sp.size() && k < s.decimal.size(); ++k) {
      if (!s.decimal[k] && sp[k].find('.') != std::string::npos) return true;
    }
    return false;
  });
  for (size_t k = 0; k < s.columns.size(); ++k) {
    std::string path = s.path + "." + s.columns[k];
    for (const ProseFact& f : facts) {
      if (f.path != path) continue;
      std::vector<Split> agree;
      std::copy_if(splits.begin(), splits.end(), std::back_inserter(agree),
                   [&](const Split& sp) { return k < sp.size() && sp[k] == f.value; });
      if (agree.empty()) {
        report.issues.push_back({Severity::kWarning, "prose_disagrees",
                                 "tables." + path + ": the prose states " + f.value + " (" +
                                     f.excerpt + ") but no split of '" + s.read.run +
                                     "' gives it"});
      } else if (agree.size() < splits.size()) {
        splits = std::move(agree);
        report.issues.push_back({Severity::kInfo, "split_decided_by_prose",
                                 "tables." + path + ": " + f.value + " chosen for glued '" +
                                     s.read.run + "' because the prose states it (" +
                                     f.excerpt + ")"});
      }
    }
  }
}

// Resolves every slot's cells: fixed rows as read, glued rows by the
// combinations of splits that satisfy the constraints.
void ResolveRows(std::vector<RowSlot>& slots, const std::vector<CellConstraint>& constraints,
                 const std::vector<ProseFact>& facts, const std::string& table,
                 ReportV1& report) {
  for (RowSlot& s : slots) {
    if (HasRun(s)) NarrowSplits(s, facts, report);
  }
  bool any_run = std::any_of(slots.begin(), slots.end(), HasRun);
  for (RowSlot& s : slots) {
    if (!s.found) s.cells.assign(s.columns.size(), MissingCell());
    else if (!HasRun(s)) FillFixed(s, report);
  }
  if (!any_run) return;
  SplitSolution sol = SolveSplits(MakeProblem(slots, constraints, false));
  if (sol.solutions == 0) {
    report.issues.push_back({Severity::kWarning, "no_consistent_split",
                             table + ": no split of the glued digit runs satisfies every "
                                     "identity; only each row's own identity was used"});
    sol = SolveSplits(MakeProblem(slots, constraints, true));
  }
  ReportDeciders(sol, table, report);
  for (size_t r = 0; r < slots.size(); ++r) {
    RowSlot& s = slots[r];
    if (!HasRun(s)) continue;
    s.cells.clear();
    for (size_t k = 0; k < s.columns.size(); ++k) {
      std::vector<std::string> values;
      if (r < sol.values.size() && k < sol.values[r].size()) values = sol.values[r][k];
      std::string path = s.path + "." + s.columns[k];
      if (values.empty()) {
        CellOut c = MissingCell();
        c.raw = s.read.run;
        c.status = CellStatus::kText;
        s.cells.push_back(c);
        continue;
      }
      s.cells.push_back(CellFromCandidates(values, s, path, report));
    }
  }
}

void Emit(const RowSlot& slot, ReportV1& report) {
  for (size_t k = 0; k < slot.columns.size(); ++k) {
    report.cells.emplace_back(slot.path + "." + slot.columns[k], slot.cells[k]);
  }
}

std::vector<std::string> ColumnKeys(const std::vector<ColumnSpec>& cols) {
  std::vector<std::string> keys;
  for (const ColumnSpec& c : cols) keys.push_back(c.key);
  return keys;
}

// Reads one row by its aliases from `from`; returns where reading stopped.
StreamPos ReadSlot(const std::vector<Item>& items, const std::vector<std::string>& aliases,
                   StreamPos from, StreamPos limit, RowSlot& slot,
                   const RowReadOptions& options = RowReadOptions()) {
  // A label may stand first as a heading without values ("### 一、本年新收…")
  // and again as the row itself: take the first occurrence that has values.
  constexpr int kMaxOccurrences = 4;
  LabelHit hit, first;
  RowRead first_read;
  for (int k = 0; k < kMaxOccurrences && FindLabel(items, aliases, from, limit, &hit); ++k) {
    RowRead read = ReadRowValues(items, hit.end, static_cast<int>(slot.columns.size()), limit,
                                 options);
    if (!read.cells.empty() || !read.run.empty()) {
      slot.read = std::move(read);
      slot.found = true;
      return After(hit, slot.read);
    }
    if (k == 0) {
      first = hit;
      first_read = std::move(read);
    }
    from = hit.end;
  }
  if (!slot.found && first.alias.empty()) return from;
  slot.read = std::move(first_read);
  slot.found = true;
  return first.end;
}

int CountRead(const std::vector<RowSlot>& slots) {
  int n = 0;
  for (const RowSlot& s : slots) {
    for (const CellOut& c : s.cells) n += c.status != CellStatus::kMissing;
  }
  return n;
}

}  // namespace

namespace {

// Table 二: each 第二十条第（N）项 block, rows searched after its caption.
int MapActiveDisclosure(const std::vector<Item>& items, const TemplateSpec& spec,
                        const std::vector<ProseFact>& facts, StreamPos begin, StreamPos limit,
                        ReportV1& report) {
  int n = 0;
  StreamPos caption_cursor = begin;
  for (const SubTableSpec& sub : spec.active_disclosure) {
    StreamPos from = caption_cursor;
    LabelHit caption;
    if (FindLabel(items, sub.captions, caption_cursor, limit, &caption)) {
      from = caption_cursor = caption.end;
    }
    for (const RowSpec& row : sub.rows) {
      std::vector<RowSlot> one(1);
      RowSlot& slot = one[0];
      slot.path = "active_disclosure." + sub.key + "." + row.key;
      slot.columns = ColumnKeys(sub.columns);
      for (const ColumnSpec& c : sub.columns) slot.decimal.push_back(c.decimal);
      from = ReadSlot(items, row.aliases, from, limit, slot);
      ResolveRows(one, {}, facts, slot.path, report);
      n += CountRead(one);
      Emit(slot, report);
    }
  }
  return n;
}

int ColumnIndex(const std::vector<std::string>& columns, const std::string& key) {
  auto it = std::find(columns.begin(), columns.end(), key);
  return it == columns.end() ? -1 : static_cast<int>(it - columns.begin());
}

// Table 三 identities (template data) as constraints over the row slots.
std::vector<CellConstraint> ApplicationConstraints(const TemplateSpec& spec,
                                                   const std::vector<RowSlot>& slots) {
  std::map<std::string, int> slot_of;
  std::vector<int> leaves;
  for (size_t i = 0; i < slots.size(); ++i) {
    slot_of[slots[i].path.substr(sizeof("applications.") - 1)] = static_cast<int>(i);
    if (spec.application_rows[i].result_leaf && slots[i].found) leaves.push_back(i);
  }
  const std::vector<std::string>& cols = slots.front().columns;
  auto rows_of = [&](const std::vector<std::string>& keys) {
    std::vector<int> out;
    for (const std::string& k : keys) {
      if (k == "@result_leaves") out.insert(out.end(), leaves.begin(), leaves.end());
      else if (slot_of.count(k)) out.push_back(slot_of[k]);
    }
    return out;
  };
  std::vector<CellConstraint> out;
  for (const IdentitySpec& id : spec.identities) {
    if (id.axis == Axis::kEachColumn) {
      for (size_t c = 0; c < cols.size(); ++c) {
        CellConstraint k{id.id + " " + cols[c], {}, {}};
        for (int r : rows_of(id.lhs)) k.lhs.push_back({r, static_cast<int>(c)});
        for (int r : rows_of(id.rhs)) k.rhs.push_back({r, static_cast<int>(c)});
        out.push_back(k);
      }
    } else if (id.axis == Axis::kEachRow) {
      for (size_t r = 0; r < slots.size(); ++r) {
        CellConstraint k{id.id + " " + slots[r].path.substr(sizeof("applications.") - 1), {}, {}};
        for (const std::string& c : id.lhs) k.lhs.push_back({int(r), ColumnIndex(cols, c)});
        for (const std::string& c : id.rhs) k.rhs.push_back({int(r), ColumnIndex(cols, c)});
        out.push_back(k);
      }
    }
  }
  return out;
}

bool Expected(const RowSpec& row, bool single_other) {
  if (!row.alternative_of.empty()) return single_other;
  for (const RowSpec& r : Gov2021Template().application_rows) {
    if (!r.alternative_of.empty() && row.key.rfind(r.alternative_of + ".", 0) == 0 &&
        row.key != r.key) {
      return !single_other;
    }
  }
  return true;
}

bool HasValues(const RowSlot& s) { return !s.read.cells.empty() || !s.read.run.empty(); }

// Rows whose label was lost or displaced (lossy conversions) get the value
// row that their position between labelled rows gives them
// (row_alignment.h).
void RecoverByPosition(const std::vector<Item>& items, const TemplateSpec& spec,
                       StreamPos begin, StreamPos limit, bool single_other,
                       std::vector<RowSlot>& slots) {
  std::vector<const RowSpec*> rows;
  std::vector<size_t> slot_index;
  bool lacking = false;
  for (size_t i = 0; i < slots.size(); ++i) {
    if (!Expected(spec.application_rows[i], single_other)) continue;
    rows.push_back(&spec.application_rows[i]);
    slot_index.push_back(i);
    lacking = lacking || !HasValues(slots[i]);
  }
  if (!lacking) return;
  int n_cols = static_cast<int>(spec.application_columns.size());
  std::vector<AlignedRow> aligned = AlignValueRows(items, begin, limit, rows, n_cols);
  for (size_t k = 0; k < aligned.size(); ++k) {
    RowSlot& slot = slots[slot_index[k]];
    if (!aligned[k].assigned || HasValues(slot)) continue;
    slot.read = RowRead();
    slot.read.cells = aligned[k].cells;
    slot.found = true;
  }
}

// Isolated values outside any table row in [begin, limit): cells that a
// lossy conversion displaced from their row.
std::vector<const Item*> StrayValues(const std::vector<Item>& items, StreamPos begin,
                                     StreamPos limit) {
  std::vector<const Item*> out;
  for (size_t i = begin.item + 1; i + 1 < items.size() && StreamPos{i, 0} < limit; ++i) {
    const Item& it = items[i];
    if (!it.is_value || it.prov.table >= 0 || it.raw.empty()) continue;
    auto loose = [](const Item& x) { return x.is_value && x.prov.table < 0; };
    if (!loose(items[i - 1]) && !loose(items[i + 1])) out.push_back(&it);
  }
  return out;
}

// A table-三 row read from a table with exactly one blank cell whose row
// identity (T3.3) gives a value printed, displaced, as a stray cell nearby:
// the stray cell is put back, and an issue says so. Anything less certain
// (no stray, several equal strays, a zero) leaves the blank as printed.
void PlaceDisplacedValues(const std::vector<Item>& items, StreamPos begin, StreamPos limit,
                          std::vector<RowSlot>& slots, ReportV1& report) {
  std::vector<const Item*> strays = StrayValues(items, begin, limit);
  for (RowSlot& s : slots) {
    if (!s.found || HasRun(s) || s.read.cells.size() != s.columns.size()) continue;
    std::vector<CellOut>& c = s.read.cells;
    int blank = -1;
    double others = 0;
    bool usable = c.front().prov.table >= 0;
    for (size_t k = 0; k < c.size() && usable; ++k) {
      if (c[k].status == CellStatus::kBlank && blank < 0) blank = static_cast<int>(k);
      else if (IsIntegerCell(c[k])) others += (k + 1 == c.size() ? -1 : 1) * *c[k].value;
      else usable = false;
    }
    if (!usable || blank < 0) continue;
    double need = blank + 1 == static_cast<int>(c.size()) ? others : -others;
    std::vector<const Item*> match;
    for (const Item* st : strays) {
      CellOut v = ParseCellText(st->raw);
      if (IsIntegerCell(v) && *v.value == need && need > 0) match.push_back(st);
    }
    if (match.size() != 1) continue;
    c[blank] = ParseCellText(match[0]->raw);
    c[blank].prov = match[0]->prov;
    report.issues.push_back({Severity::kWarning, "displaced_value_placed",
                             "tables." + s.path + "." + s.columns[blank] + ": blank in its row; "
                             "the value " + match[0]->raw + " printed outside the table (line " +
                             std::to_string(match[0]->prov.line) + ") is the one T3.3 requires"});
  }
}

// Table 三: rows in template order. A 2021 report that prints （六）其他处理
// as one row with values keeps it in other_handling.total; its sub-rows are
// then missing.
StreamPos MapApplications(const std::vector<Item>& items, const TemplateSpec& spec,
                          const std::vector<ProseFact>& facts, StreamPos begin,
                          StreamPos limit, ReportV1& report, int* n) {
  std::vector<RowSlot> slots;
  std::string single_group;  // set when （六） came as one row
  StreamPos cursor = begin;
  RowReadOptions counts;  // table 三 holds counts: no decimal cells
  counts.allow_decimal = false;
  for (const RowSpec& row : spec.application_rows) {
    RowSlot slot;
    slot.path = "applications." + row.key;
    slot.columns = ColumnKeys(spec.application_columns);
    bool skipped = !single_group.empty() && row.key.rfind(single_group + ".", 0) == 0;
    if (!skipped) cursor = ReadSlot(items, row.aliases, cursor, limit, slot, counts);
    if (!row.alternative_of.empty() && slot.found) {
      bool has_values = !slot.read.cells.empty() || !slot.read.run.empty();
      if (has_values) single_group = row.alternative_of;
      else slot.found = false;
    }
    slots.push_back(std::move(slot));
  }
  RecoverByPosition(items, spec, begin, limit, !single_group.empty(), slots);
  PlaceDisplacedValues(items, begin, limit, slots, report);
  ResolveRows(slots, ApplicationConstraints(spec, slots), facts, "applications", report);
  *n += CountRead(slots);
  for (size_t i = 0; i < slots.size(); ++i) {
    bool alternative = !spec.application_rows[i].alternative_of.empty();
    if (alternative && single_group.empty()) continue;  // 2021 with sub-rows
    Emit(slots[i], report);
  }
  return cursor;
}

// Moves past table 四 header words glued in front of its digits.
StreamPos SkipHeaderText(const std::vector<Item>& items, StreamPos pos,
                         const std::vector<std::string>& words) {
  const std::string& text = items[pos.item].norm.text;
  for (bool moved = true; moved;) {
    moved = false;
    for (const std::string& w : words) {
      if (text.compare(pos.offset, w.size(), w) == 0) {
        pos.offset += w.size();
        moved = true;
      }
    }
  }
  return pos;
}

// Table 四: one row of 15 cells after its header.
void MapReview(const std::vector<Item>& items, const TemplateSpec& spec,
               const std::vector<ProseFact>& facts, StreamPos begin, StreamPos limit,
               ReportV1& report, int* n) {
  std::vector<RowSlot> one(1);
  RowSlot& slot = one[0];
  slot.path = "review_litigation";
  for (const std::string& g : spec.review_groups) {
    for (const std::string& f : spec.review_fields) slot.columns.push_back(g + "." + f);
  }
  LabelHit hit;
  if (FindLabel(items, spec.review_anchors, begin, limit, &hit)) {
    RowReadOptions options;
    options.skip_words = spec.review_header_words;
    options.allow_decimal = false;
    StreamPos pos = SkipHeaderText(items, hit.begin, spec.review_header_words);
    slot.read = ReadRowValues(items, pos, static_cast<int>(slot.columns.size()), limit, options);
    slot.found = true;
  }
  std::vector<CellConstraint> constraints;
  const int fields = static_cast<int>(spec.review_fields.size());
  for (size_t g = 0; g < spec.review_groups.size(); ++g) {
    CellConstraint k{"T4." + std::to_string(g + 1), {{0, int(g) * fields + fields - 1}}, {}};
    for (int f = 0; f + 1 < fields; ++f) k.rhs.push_back({0, int(g) * fields + f});
    constraints.push_back(k);
  }
  ResolveRows(one, constraints, facts, "review_litigation", report);
  *n += CountRead(one);
  Emit(slot, report);
}

}  // namespace

int MapTables(const std::vector<Item>& items, const TemplateSpec& spec, ReportV1& report) {
  StreamPos begin{0, 0};
  StreamPos end{items.size(), 0};
  StreamPos table3 = end;
  LabelHit hit;
  StreamPos first_caption = begin;
  if (FindLabel(items, spec.active_disclosure.front().captions, begin, end, &hit)) {
    first_caption = hit.end;
  }
  if (FindLabel(items, spec.application_anchors, first_caption, end, &hit)) table3 = hit.begin;
  StreamPos table4 = end;
  if (FindLabel(items, spec.review_anchors, table3, end, &hit)) table4 = hit.begin;
  std::vector<ProseFact> facts = ExtractProseFacts(items, spec.name);
  int n = MapActiveDisclosure(items, spec, facts, begin, table3, report);
  StreamPos after3 = MapApplications(items, spec, facts, table3, table4, report, &n);
  MapReview(items, spec, facts, after3, end, report, &n);
  return n;
}

}  // namespace zfxxgk
