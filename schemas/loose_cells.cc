#include "schemas/loose_cells.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "pipeline/normalize.h"
#include "schemas/cell_value.h"

namespace zfxxgk {
namespace {

// A printed cell of one of the rows: rows[row].cells[col].
struct Slot {
  size_t row = 0;
  size_t col = 0;
};

bool HasCandidate(const CellOut& c, const std::string& text) {
  return c.status == CellStatus::kAmbiguous &&
         std::find(c.candidates.begin(), c.candidates.end(), text) != c.candidates.end();
}

// Whether the loose cell is a candidate of some cell of the row.
bool Affected(const RowSlot& row, const std::string& loose) {
  return std::any_of(row.cells.begin(), row.cells.end(),
                     [&](const CellOut& c) { return HasCandidate(c, loose); });
}

// The prose statement about `path` with value `n`, or nullptr.
const ProseFact* Stated(const std::vector<ProseFact>& facts, const std::string& path,
                        const std::string& n) {
  for (const ProseFact& f : facts) {
    if (f.path == path && f.value == n) return &f;
  }
  return nullptr;
}

// The printed cells of the affected rows that the prose states as `n` and
// that hold n.
std::vector<Slot> StatedSlots(const std::string& loose, const std::string& n,
                              const std::vector<ProseFact>& facts,
                              const std::vector<RowSlot>& rows) {
  std::vector<Slot> out;
  const double value = std::stod(n);
  for (size_t r = 0; r < rows.size(); ++r) {
    if (!Affected(rows[r], loose)) continue;
    for (size_t k = 0; k < rows[r].cells.size() && k < rows[r].columns.size(); ++k) {
      const CellOut& c = rows[r].cells[k];
      if (!IsIntegerCell(c) || std::fabs(*c.value - value) > 1e-9) continue;
      if (Stated(facts, rows[r].path + "." + rows[r].columns[k], n)) out.push_back({r, k});
    }
  }
  return out;
}

// Drops `loose` from the candidates of every cell of the rows; a cell left
// with "not in the input" as its only candidate is missing.
void DropCandidate(const std::string& loose, std::vector<RowSlot>& rows) {
  for (RowSlot& row : rows) {
    for (CellOut& c : row.cells) {
      if (!HasCandidate(c, loose)) continue;
      std::erase(c.candidates, loose);
      if (c.candidates.empty() && c.candidate_absent) {
        Provenance prov = c.prov;
        c = MissingCell();
        c.prov = prov;
      }
    }
  }
}

// (b): the printed cell of column k may belong to the lost inner cell next
// to it (the row's values shifted by one).
void OfferPrintedCell(RowSlot& row, size_t k, const std::string& printed) {
  const size_t n = row.cells.size();
  if (n < 3) return;
  const size_t inner = k == 0 ? 1 : k + 1 == n ? n - 2 : n;
  if (inner >= n) return;
  CellOut& c = row.cells[inner];
  if (c.status != CellStatus::kAmbiguous) return;
  if (std::find(c.candidates.begin(), c.candidates.end(), printed) != c.candidates.end()) return;
  c.candidates.insert(c.candidates.begin(), printed);
}

// (a) for one loose cell at `slot`, then (b).
void Place(const std::string& loose, const std::string& n, Slot slot, const ProseFact& fact,
           std::vector<RowSlot>& rows, ReportV1& report) {
  RowSlot& row = rows[slot.row];
  const CellOut printed = row.cells[slot.col];
  CellOut cell = ParseCellText(loose);
  cell.value = printed.value;
  cell.integral = true;
  cell.prov = printed.prov;
  row.cells[slot.col] = cell;
  OfferPrintedCell(row, slot.col, printed.raw);  // first: the loose cell may be its only one
  DropCandidate(loose, rows);
  const std::string path = "tables." + row.path + "." + row.columns[slot.col];
  report.issues.push_back(
      {Severity::kInfo, "loose_cell_placed_by_prose",
       path + ": '" + loose + "', printed outside the table, is this cell: the prose states " +
           n + " (" + fact.excerpt + ") and the row printed " + printed.raw +
           " here too; the row's own '" + printed.raw + "' may be the cell it lost"});
}

}  // namespace

std::string LeadingInteger(const std::string& loose) {
  const std::string s = NormalizeNfkc(loose);
  size_t end = 0;
  while (end < s.size() && s[end] >= '0' && s[end] <= '9') ++end;
  if (end == 0 || (end < s.size() && s[end] == '.')) return "";
  return s.substr(0, end);
}

void PlaceLooseByProse(const std::vector<std::string>& loose,
                       const std::vector<ProseFact>& facts, std::vector<RowSlot>& rows,
                       ReportV1& report) {
  std::vector<std::string> numbers;
  for (const std::string& l : loose) numbers.push_back(LeadingInteger(l));
  for (size_t i = 0; i < loose.size(); ++i) {
    if (numbers[i].empty()) continue;
    // Two loose cells starting with the same number: which one is the
    // cell's text is open.
    if (std::count(numbers.begin(), numbers.end(), numbers[i]) > 1) continue;
    std::vector<Slot> slots = StatedSlots(loose[i], numbers[i], facts, rows);
    if (slots.size() != 1) continue;
    const RowSlot& row = rows[slots[0].row];
    const ProseFact* fact =
        Stated(facts, row.path + "." + row.columns[slots[0].col], numbers[i]);
    Place(loose[i], numbers[i], slots[0], *fact, rows, report);
  }
}

}  // namespace zfxxgk
