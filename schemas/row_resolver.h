// Resolving the cells of template rows once they have been read.
//
// A RowSlot is one template row: where its cells go in the contract and what
// the row reader found. ResolveRows turns slots into cells: rows read with
// known cell boundaries keep them (a row one cell short marks its inner
// cells ambiguous); glued digit runs are split, narrowed by integer columns
// and by what the prose states, and solved together under the identities
// given as constraints. Cells the input leaves open are kAmbiguous, with an
// issue naming them.
#ifndef ZFXXGK_SCHEMAS_ROW_RESOLVER_H_
#define ZFXXGK_SCHEMAS_ROW_RESOLVER_H_

#include <span>
#include <string>
#include <vector>

#include "schemas/digit_split.h"
#include "schemas/prose_facts.h"
#include "schemas/report_v1.h"
#include "schemas/row_reader.h"
#include "schemas/template.h"

namespace zfxxgk {

// One template row being read: where its cells go and what was read.
struct RowSlot {
  std::string path;                  // "applications.new_received"
  // Column keys, owned by the caller (one list per table, not a copy per
  // row); they outlive every use of the slot.
  std::span<const std::string> columns;
  std::vector<bool> decimal;         // per column: an amount, may hold '.'
  // Cells printed loose near the row's table (a lossy conversion dropped
  // them out of it): candidates for a cell the row lost.
  std::vector<std::string> strays;
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

// A cell that is not in the input.
CellOut MissingCell();

// Whether the slot was read as a glued digit run.
bool HasRun(const RowSlot& s);

// Whether anything (cells or a run) was read for the slot.
bool HasValues(const RowSlot& s);

// Whether the cell is an integer that can take part in an identity.
bool IsIntegerCell(const CellOut& c);

// Fills every slot's `cells` (one per column). Constraints whose cells are
// not all integers are left out; when no split satisfies all of them, only
// the constraints within one row are used and an issue says so. When a
// search stopped at its bound (a row's splits truncated, or the solver
// exhausted) no glued cell is taken as determined: one with a single value
// found is left as text (raw = the run, no value), and an issue
// "split_search_incomplete" says so. `table` names the table in messages.
// When no slot has a run, each slot's read.cells may be moved into its
// cells (read.cells is then unspecified); the read.splits of glued rows are
// moved out (unspecified afterwards).
void ResolveRows(std::vector<RowSlot>& slots, const std::vector<CellConstraint>& constraints,
                 const std::vector<ProseFact>& facts, const std::string& table,
                 ReportV1& report);

// Appends the slot's cells to report.cells under "<path>.<column>", moving
// them out of the slot (its cells are left unspecified).
void Emit(RowSlot&& slot, ReportV1& report);

std::vector<std::string> ColumnKeys(const std::vector<ColumnSpec>& cols);

// Number of cells that are not kMissing.
int CountRead(const std::vector<RowSlot>& slots);

}  // namespace zfxxgk

#endif  // ZFXXGK_SCHEMAS_ROW_RESOLVER_H_
