#include "schemas/extra_rows.h"

#include <set>
#include <utility>

namespace zfxxgk {
namespace {

using RowId = std::pair<int, int>;  // (table, row)

std::set<RowId> UsedRows(const ReportV1& report) {
  std::set<RowId> used;
  for (const auto& [path, cell] : report.cells) {
    if (cell.prov.table >= 0) used.insert({cell.prov.table, cell.prov.row});
  }
  return used;
}

bool NamesKnownRow(const std::string& label,
                   const std::vector<std::vector<std::string>>& known_aliases) {
  for (const auto& aliases : known_aliases) {
    for (const std::string& a : aliases) {
      if (label.find(a) != std::string::npos) return true;
    }
  }
  return false;
}

}  // namespace

void CollectExtraRows(const std::vector<Item>& items, StreamPos begin, StreamPos limit,
                      const std::string& table, const std::vector<std::string>& columns,
                      const std::vector<std::vector<std::string>>& known_aliases,
                      ReportV1& report) {
  std::set<RowId> used = UsedRows(report);
  size_t i = begin.item;
  while (i < items.size() && StreamPos{i, 0} < limit) {
    RowId id{items[i].prov.table, items[i].prov.row};
    if (id.first < 0) {
      ++i;
      continue;
    }
    // A row the template's rows used is never an extra row: skipped before
    // its cells are parsed (most table rows are such rows).
    if (used.count(id)) {
      while (i < items.size() && RowId{items[i].prov.table, items[i].prov.row} == id) ++i;
      continue;
    }
    std::string label, raw_label;
    ExtraRowOut row{table, "", {}};
    bool numeric = false;
    for (; i < items.size() && RowId{items[i].prov.table, items[i].prov.row} == id; ++i) {
      const Item& it = items[i];
      if (!it.is_value) {
        label += it.norm.text;
        raw_label += it.raw;
        continue;
      }
      if (row.cells.size() >= columns.size()) continue;
      if (row.cells.empty()) row.cells.reserve(columns.size());
      CellOut c = ParseCellText(it.raw);
      c.prov = it.prov;
      numeric = numeric || c.status == CellStatus::kNumber;
      row.cells.emplace_back(columns[row.cells.size()], std::move(c));
    }
    if (!numeric || label.empty() || NamesKnownRow(label, known_aliases)) continue;
    row.label = raw_label;
    report.issues.push_back({Severity::kInfo, "extra_row",
                             "tables." + table + ".extra: row '" + raw_label +
                                 "' is not in the template; kept under extra"});
    report.extra.push_back(std::move(row));
  }
}

}  // namespace zfxxgk
