// Cells printed loose near a table, placed by what the report's prose states.
//
// A lossy conversion (PDF -> markdown) may drop multi-line cells out of a
// table ("22（其中修订16件）" printed above the rows) and print the rows one
// cell short. The resolver keeps such a row's first and last values and
// lists the loose cells as candidates for its inner cells (RowSlot::strays).
// PlaceLooseByProse then decides the loose cells that the report itself
// places:
//  (a) a loose cell whose leading integer equals the value the prose states
//      (ProseFact) for exactly one printed cell of the affected rows (rows
//      with the loose cell among their candidates), where that printed cell
//      holds the same value, is that cell: the cell keeps the loose text as
//      raw and the printed value, an issue "loose_cell_placed_by_prose" says
//      so, and the loose cell is no candidate of any other cell;
//  (b) the row printed that value too, so its values may be shifted by one:
//      the printed cell becomes the first candidate of the row's lost inner
//      cell next to it.
// Nothing else changes: a loose cell that no prose statement, or several,
// would place stays a candidate everywhere.
#ifndef ZFXXGK_SCHEMAS_LOOSE_CELLS_H_
#define ZFXXGK_SCHEMAS_LOOSE_CELLS_H_

#include <string>
#include <vector>

#include "schemas/prose_facts.h"
#include "schemas/report_v1.h"
#include "schemas/row_resolver.h"

namespace zfxxgk {

// The integer a loose cell starts with ("22（其中修订16件）" -> "22", NFKC
// digits), or "" when it does not start with one (or with a decimal).
std::string LeadingInteger(const std::string& loose);

// Applies (a) and (b) above to resolved `rows` (their `cells` filled by
// ResolveRows) for each of `loose` (the texts given as RowSlot::strays).
void PlaceLooseByProse(const std::vector<std::string>& loose,
                       const std::vector<ProseFact>& facts, std::vector<RowSlot>& rows,
                       ReportV1& report);

}  // namespace zfxxgk

#endif  // ZFXXGK_SCHEMAS_LOOSE_CELLS_H_
