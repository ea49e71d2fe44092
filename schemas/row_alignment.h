// Positional recovery of table rows whose labels were lost or displaced.
//
// Lossy PDF-to-markdown conversions keep a table's value rows in order but
// drop or move their labels ("（二）部分公开…" floats above an unlabelled row
// of numbers). AlignValueRows collects the value rows of a table region in
// order, anchors those whose own label names a template row, and assigns the
// unlabelled rows between two anchors by position — only when the number of
// unlabelled rows equals the number of template rows in that gap. A gap that
// does not match exactly is left unassigned: never a guess.
#ifndef ZFXXGK_SCHEMAS_ROW_ALIGNMENT_H_
#define ZFXXGK_SCHEMAS_ROW_ALIGNMENT_H_

#include <vector>

#include "schemas/cell_value.h"
#include "schemas/item_stream.h"
#include "schemas/template.h"

namespace zfxxgk {

struct AlignedRow {
  bool assigned = false;
  bool by_label = false;       // the row's own label named it
  std::vector<CellOut> cells;  // n cells, padded with kMissing
};

// `rows` are the template rows expected in [begin, limit), in order, each
// with n_cols value columns. Returns one entry per template row.
std::vector<AlignedRow> AlignValueRows(const std::vector<Item>& items, StreamPos begin,
                                       StreamPos limit, const std::vector<const RowSpec*>& rows,
                                       int n_cols);

}  // namespace zfxxgk

#endif  // ZFXXGK_SCHEMAS_ROW_ALIGNMENT_H_
