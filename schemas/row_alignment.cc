#include "schemas/row_alignment.h"

#include <string>

namespace zfxxgk {
namespace {

struct ValueRow {
  std::vector<CellOut> cells;
  std::string label;      // norm text of the row's text cells before its values
  int template_row = -1;  // matched by that label
};

// Template row named by `label`, searching from `from`; -1 when none.
int MatchLabel(const std::string& label, const std::vector<const RowSpec*>& rows, int from) {
  if (label.empty()) return -1;
  for (int t = from; t < static_cast<int>(rows.size()); ++t) {
    for (const std::string& alias : rows[t]->aliases) {
      if (label.find(alias) != std::string::npos) return t;
    }
  }
  return -1;
}

// One table row starting at items[i]: its label text and value cells.
// Returns the index of the first item after the row.
size_t ReadTableRow(const std::vector<Item>& items, size_t i, ValueRow& row, bool* any_number) {
  const Provenance& p = items[i].prov;
  size_t j = i;
  for (; j < items.size() && items[j].prov.table == p.table && items[j].prov.row == p.row; ++j) {
    if (!items[j].is_value) {
      if (row.cells.empty()) row.label += items[j].norm.text;
      continue;
    }
    row.cells.push_back(ParseCellText(items[j].raw));
    row.cells.back().prov = items[j].prov;
    *any_number = *any_number || row.cells.back().status != CellStatus::kBlank;
  }
  return j;
}

// The value rows of the region, in order: table rows with at least n-1
// value cells (one may have fallen out) of which one is not blank.
std::vector<ValueRow> CollectValueRows(const std::vector<Item>& items, StreamPos begin,
                                       StreamPos limit, int n_cols) {
  std::vector<ValueRow> out;
  size_t i = begin.item;
  while (i < items.size() && StreamPos{i, 0} < limit) {
    if (items[i].prov.table < 0) {
      ++i;  // text blocks are not table rows
      continue;
    }
    ValueRow row;
    bool any_number = false;
    i = ReadTableRow(items, i, row, &any_number);
    if (static_cast<int>(row.cells.size()) < n_cols - 1 || !any_number) continue;
    row.cells.resize(n_cols);  // a fallen-out cell stays kMissing
    out.push_back(std::move(row));
  }
  return out;
}

// Assigns rows[v_lo, v_hi) to template rows [t_lo, t_hi) when the counts
// match exactly.
void FillGap(const std::vector<ValueRow>& rows, int v_lo, int v_hi, int t_lo, int t_hi,
             std::vector<AlignedRow>& out) {
  if (v_hi - v_lo != t_hi - t_lo) return;
  for (int k = 0; k < v_hi - v_lo; ++k) {
    out[t_lo + k] = {true, false, rows[v_lo + k].cells};
  }
}

}  // namespace

std::vector<AlignedRow> AlignValueRows(const std::vector<Item>& items, StreamPos begin,
                                       StreamPos limit, const std::vector<const RowSpec*>& rows,
                                       int n_cols) {
  std::vector<AlignedRow> out(rows.size());
  std::vector<ValueRow> values = CollectValueRows(items, begin, limit, n_cols);
  int v_prev = -1, t_prev = -1;
  for (int v = 0; v < static_cast<int>(values.size()); ++v) {
    int t = MatchLabel(values[v].label, rows, t_prev + 1);
    if (t < 0) continue;  // unlabelled (or unknown label): placed by position
    FillGap(values, v_prev + 1, v, t_prev + 1, t, out);
    out[t] = {true, true, values[v].cells};
    v_prev = v;
    t_prev = t;
  }
  FillGap(values, v_prev + 1, static_cast<int>(values.size()), t_prev + 1,
          static_cast<int>(rows.size()), out);
  return out;
}

}  // namespace zfxxgk
