#include "schemas/row_resolver.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

namespace zfxxgk {
namespace {

// Whether `path` is "<row>.<column>": compared in place, as most rows are
// checked against every fact and few facts name them.
bool IsCellPath(std::string_view path, std::string_view row, std::string_view column) {
  return path.size() == row.size() + 1 + column.size() && path.starts_with(row) &&
         path[row.size()] == '.' && path.ends_with(column);
}

// "<row>.<column>", for messages.
std::string CellPath(const RowSlot& s, size_t k) { return s.path + "." + s.columns[k]; }

// A row that lost one cell in conversion: its first value stays in the
// first column and its last in the last, so the lost cell is an inner one,
// at an unknown column m. Inner column j then holds v[j] (m > j), nothing
// (m == j) or v[j-1] (m < j): it is ambiguous.
std::vector<CellOut> PlaceAroundLostCell(const std::vector<CellOut>& v, const std::string& path,
                                         std::span<const std::string> columns,
                                         const std::vector<std::string>& strays,
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
    for (const std::string& stray : strays) {
      if (std::find(c.candidates.begin(), c.candidates.end(), stray) == c.candidates.end()) {
        c.candidates.push_back(stray);
      }
    }
    c.prov = v[j - 1].prov;
    report.issues.push_back({Severity::kWarning, "ambiguous_cell",
                             "tables." + path + "." + columns[j] +
                                 ": the table row has one cell fewer than the template; "
                                 "this cell may be the lost one"});
  }
  return cells;
}

// With `consume` the cells read are moved, not copied (nothing reads them
// again when no row has a run to split).
void FillFixed(RowSlot& slot, bool consume, ReportV1& report) {
  if (slot.read.one_cell_lost && slot.columns.size() >= 3) {
    slot.cells =
        PlaceAroundLostCell(slot.read.cells, slot.path, slot.columns, slot.strays, report);
    return;
  }
  if (consume) slot.cells = std::move(slot.read.cells);
  else slot.cells = slot.read.cells;
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

bool RowLocal(const LinearConstraint& c) {
  int row = c.lhs.empty() ? -1 : c.lhs[0].row;
  auto same = [&](const CellRef& r) { return r.row == row; };
  return std::all_of(c.lhs.begin(), c.lhs.end(), same) &&
         std::all_of(c.rhs.begin(), c.rhs.end(), same);
}

// The problem of the slots' splits under the usable constraints. The splits
// of glued rows are moved into it (nothing reads them afterwards).
SplitProblem MakeProblem(std::vector<RowSlot>& slots,
                         const std::vector<CellConstraint>& constraints) {
  SplitProblem p;
  for (const CellConstraint& c : constraints) {
    if (Usable(c, slots)) p.constraints.push_back({c.id, c.lhs, c.rhs});
  }
  p.rows.reserve(slots.size());
  for (RowSlot& s : slots) {
    if (HasRun(s)) {
      p.rows.push_back(std::move(s.read.splits));
      continue;
    }
    Split fixed;
    fixed.reserve(s.read.cells.size());
    for (const CellOut& c : s.read.cells) fixed.push_back(c.raw);
    p.rows.push_back({std::move(fixed)});
  }
  return p;
}

// A cell of a row of OCR readings (RowRead::readings) once the identities
// have narrowed its readings to `values`.
CellOut CellFromReadings(std::vector<std::string>&& values, const RowSlot& slot, size_t k,
                         const std::vector<std::string>& deciders, ReportV1& report) {
  const CellOut& read = slot.read.reading_cells[k];
  if (values.size() == 1) {
    CellOut c = ParseCellText(values[0]);
    c.prov = read.prov;
    if (values[0] != read.raw) {
      std::string ids;
      for (const std::string& id : deciders) ids += (ids.empty() ? "" : ", ") + id;
      report.issues.push_back({Severity::kInfo, "reading_decided_by_identities",
                               "tables." + CellPath(slot, k) + ": OCR read '" + read.raw +
                                   "' and '" +
                                   values[0] + "'; '" + values[0] + "' is the reading that " +
                                   (ids.empty() ? "the identities" : ids) + " allow"});
    }
    return c;
  }
  CellOut c;
  c.status = CellStatus::kAmbiguous;
  c.raw = read.raw;
  c.prov = read.prov;
  std::string list;
  for (const std::string& v : values) list += (list.empty() ? "" : ", ") + v;
  c.candidates = std::move(values);
  report.issues.push_back({Severity::kWarning, "ambiguous_cell",
                           "tables." + CellPath(slot, k) + ": the OCR readings disagree (" + list +
                               ") and no identity decides"});
  return c;
}

CellOut CellFromCandidates(std::vector<std::string>&& values, const RowSlot& slot, size_t k,
                           ReportV1& report) {
  if (values.size() == 1) {
    CellOut c = ParseCellText(values[0]);
    c.prov = slot.read.prov;
    return c;
  }
  CellOut c;
  c.status = CellStatus::kAmbiguous;
  c.raw = slot.read.run;
  c.prov = slot.read.prov;
  std::string list;
  for (const std::string& v : values) list += (list.empty() ? "" : ", ") + v;
  report.issues.push_back({Severity::kWarning, "ambiguous_cell",
                           "tables." + CellPath(slot, k) + ": glued digits '" + slot.read.run +
                               "' leave " + std::to_string(values.size()) +
                               " candidates (" + list + ")"});
  c.candidates = std::move(values);
  return c;
}

void ReportDeciders(const SplitSolution& sol, const std::string& table,
                    const std::vector<RowSlot>& slots, ReportV1& report) {
  if (sol.deciding_constraints.empty()) return;
  const bool glued = std::any_of(slots.begin(), slots.end(),
                                 [](const RowSlot& s) { return HasRun(s) && !s.read.readings; });
  if (!glued) return;  // OCR readings are reported cell by cell
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
    for (const ProseFact& f : facts) {
      if (!IsCellPath(f.path, s.path, s.columns[k])) continue;
      const std::string& path = f.path;
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

// The cells of glued or multi-reading row `s` from the values that survive
// for each of its parts. When the search was `incomplete` no value is taken
// as determined: a cell with one surviving value is left undecided.
// The part values are moved out of `part_values`.
void ResolveRunRow(std::vector<std::vector<std::string>>& part_values,
                   const std::vector<std::string>& deciders, bool incomplete, RowSlot& s,
                   ReportV1& report) {
  s.cells.clear();
  s.cells.reserve(s.columns.size());
  for (size_t k = 0; k < s.columns.size(); ++k) {
    std::vector<std::string> values;
    if (k < part_values.size()) values = std::move(part_values[k]);
    if (incomplete && values.size() == 1) values.clear();
    if (s.read.readings && k < s.read.reading_cells.size()) {
      CellOut first = s.read.reading_cells[k];
      first.candidates.clear();
      if (values.empty() || s.read.reading_cells[k].candidates.empty()) {
        s.cells.push_back(first);  // one reading, or no combination fits: as first read
      } else {
        s.cells.push_back(CellFromReadings(std::move(values), s, k, deciders, report));
      }
      continue;
    }
    if (values.empty()) {
      CellOut c = MissingCell();
      c.raw = s.read.run;
      c.status = CellStatus::kText;
      s.cells.push_back(c);
      continue;
    }
    s.cells.push_back(CellFromCandidates(std::move(values), s, k, report));
  }
}

}  // namespace

CellOut MissingCell() {
  CellOut c;
  c.status = CellStatus::kMissing;
  return c;
}

bool HasRun(const RowSlot& s) { return s.found && !s.read.run.empty(); }

bool HasValues(const RowSlot& s) { return !s.read.cells.empty() || !s.read.run.empty(); }

// A fixed row's cell can join a constraint only when it is an integer.
bool IsIntegerCell(const CellOut& c) {
  return c.status == CellStatus::kNumber && c.integral && c.value.has_value();
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
    else if (!HasRun(s)) FillFixed(s, /*consume=*/!any_run, report);
  }
  if (!any_run) return;
  SplitProblem problem = MakeProblem(slots, constraints);
  SplitSolution sol = SolveSplits(problem);
  if (sol.solutions == 0) {
    const bool glued = std::any_of(slots.begin(), slots.end(),
                                   [](const RowSlot& s) { return HasRun(s) && !s.read.readings; });
    report.issues.push_back({Severity::kWarning, "no_consistent_split",
                             table + (glued ? ": no split of the glued digit runs"
                                            : ": no combination of the OCR readings") +
                                 " satisfies every identity; only each row's own identity "
                                 "was used"});
    std::erase_if(problem.constraints, [](const LinearConstraint& c) { return !RowLocal(c); });
    sol = SolveSplits(problem);
  }
  const bool incomplete = sol.exhausted || std::any_of(slots.begin(), slots.end(), [](const RowSlot& s) {
                           return HasRun(s) && s.read.splits_truncated;
                         });
  if (incomplete) {
    report.issues.push_back({Severity::kWarning, "split_search_incomplete",
                             table + ": the search for splits of the glued digit runs stopped "
                                     "at its bound; their cells are left undecided"});
  }
  ReportDeciders(sol, table, slots, report);
  for (size_t r = 0; r < slots.size(); ++r) {
    if (!HasRun(slots[r])) continue;
    std::vector<std::vector<std::string>> none;
    ResolveRunRow(r < sol.values.size() ? sol.values[r] : none, sol.deciding_constraints,
                  incomplete, slots[r], report);
  }
}

void Emit(RowSlot&& slot, ReportV1& report) {
  for (size_t k = 0; k < slot.columns.size(); ++k) {
    std::string path;
    path.reserve(slot.path.size() + 1 + slot.columns[k].size());
    path.append(slot.path).append(1, '.').append(slot.columns[k]);
    report.cells.emplace_back(std::move(path), std::move(slot.cells[k]));
  }
}

std::vector<std::string> ColumnKeys(const std::vector<ColumnSpec>& cols) {
  std::vector<std::string> keys;
  keys.reserve(cols.size());
  for (const ColumnSpec& c : cols) keys.push_back(c.key);
  return keys;
}

int CountRead(const std::vector<RowSlot>& slots) {
  int n = 0;
  for (const RowSlot& s : slots) {
    for (const CellOut& c : s.cells) n += c.status != CellStatus::kMissing;
  }
  return n;
}

}  // namespace zfxxgk
