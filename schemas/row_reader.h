// Reading the values of one template row from an item stream.
//
// After the mapper has found a row label, ReadRowValues takes the row's
// cells: the cell items that follow the label (HTML, pipe tables, one cell
// per line), or the digit run that follows the label inside the same text
// item (crawler dumps, aligned columns). A run whose white space gives
// exactly the row's cell count is split there; otherwise every split is
// listed for the caller to decide with identities.
#ifndef ZFXXGK_SCHEMAS_ROW_READER_H_
#define ZFXXGK_SCHEMAS_ROW_READER_H_

#include <string>
#include <vector>

#include "schemas/cell_value.h"
#include "schemas/digit_split.h"
#include "schemas/item_stream.h"

namespace zfxxgk {

struct RowRead {
  // Cells with known boundaries, in column order; fewer than asked when the
  // input stops early. Empty when `splits` is used instead.
  std::vector<CellOut> cells;
  // A glued run whose boundaries are unknown: its text (white space
  // removed) and every split into the asked number of cells.
  std::string run;
  std::vector<Split> splits;
  bool splits_truncated = false;
  // A unit printed after the run ("元", "万元"); kept in the last cell's raw.
  std::string unit_suffix;
  // OCR cells whose recognisers disagreed: `splits` holds the combinations
  // of the row's readings (each cell's most likely reading first; a cell
  // with one reading as the integer the identities count it as) for the
  // identities to choose from, `run` the most likely readings joined by
  // spaces, and `reading_cells` the cells as first read (raw text,
  // provenance, confidence; `candidates` = the readings of the cells that
  // have several).
  bool readings = false;
  std::vector<CellOut> reading_cells;
  // The label's table row ended one cell short: a converted table lost a
  // cell (typically one whose text ran over several lines). Which cell is
  // unknown; see the mapper.
  bool one_cell_lost = false;
  Provenance prov;  // where the run was read
  StreamPos end;    // first position after what was read
};

struct RowReadOptions {
  // Text items without digits that contain one of these are skipped
  // between values (table 四 repeats its header between its groups).
  std::vector<std::string> skip_words;
  // Allow a decimal amount as a single cell of a run.
  bool allow_decimal = true;
  // Following text lines that may still belong to a wrapped label (their
  // leading text is the label's tail, then possibly the row's digits).
  int continuation_lines = 0;
  // Layout inputs: the x centre of each of the row's columns, learnt from
  // the table's full rows. A row printed with blank cells ("6 6" under seven
  // columns) is then placed token by token under the nearest columns.
  std::vector<double> column_x;
};

// Reads `n` cells after `after` (the end of a row label), not at or past
// `limit`.
RowRead ReadRowValues(const std::vector<Item>& items, StreamPos after, int n,
                      StreamPos limit, const RowReadOptions& options = RowReadOptions());

}  // namespace zfxxgk

#endif  // ZFXXGK_SCHEMAS_ROW_READER_H_
