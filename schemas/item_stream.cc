#include "schemas/item_stream.h"

#include "schemas/cell_value.h"

namespace zfxxgk {
namespace {

Item MakeItem(const std::string& text, const Provenance& prov, bool force_value) {
  Item item;
  item.raw = CollapseSpaces(text);
  item.norm = NormalizeForMatchWithSpaces(text);
  item.is_value = force_value || LooksLikeValue(text);
  item.prov = prov;
  return item;
}

void AppendTable(const Table& table, std::vector<Item>& out) {
  std::vector<std::vector<int>> grid = table.Grid();
  std::vector<bool> emitted(table.cells.size(), false);
  for (int r = 0; r < table.n_rows; ++r) {
    for (int c = 0; c < table.n_cols; ++c) {
      int idx = grid[r][c];
      if (idx < 0 || emitted[idx]) continue;
      emitted[idx] = true;
      const Cell& cell = table.cells[idx];
      out.push_back(MakeItem(cell.text, cell.prov, cell.text.empty()));
    }
  }
}

}  // namespace

std::vector<Item> BuildItemStream(const Document& doc) {
  std::vector<Item> out;
  for (const Block& block : doc.blocks) {
    if (block.kind == BlockKind::kTable) {
      if (block.table_index >= 0 &&
          block.table_index < static_cast<int>(doc.tables.size())) {
        AppendTable(doc.tables[block.table_index], out);
      }
      continue;
    }
    if (doc.cell_per_line) {
      // One blank line separates cells; each extra one is an empty cell.
      for (int b = 1; b < block.blank_lines_before; ++b) {
        out.push_back(MakeItem("", block.prov, true));
      }
    }
    out.push_back(MakeItem(block.text, block.prov, false));
  }
  return out;
}

bool FindLabel(const std::vector<Item>& items, const std::vector<std::string>& aliases,
               StreamPos from, StreamPos limit, LabelHit* hit) {
  for (size_t i = from.item; i < items.size() && i <= limit.item; ++i) {
    if (items[i].is_value) continue;
    const std::string& text = items[i].norm.text;
    size_t start = i == from.item ? from.offset : 0;
    size_t best = std::string::npos;
    const std::string* best_alias = nullptr;
    for (const std::string& alias : aliases) {
      size_t p = text.find(alias, start);
      if (p == std::string::npos) continue;
      if (p < best || (p == best && alias.size() > best_alias->size())) {
        best = p;
        best_alias = &alias;
      }
    }
    if (best == std::string::npos) continue;
    StreamPos begin{i, best};
    if (!(begin < limit)) return false;
    hit->begin = begin;
    hit->end = StreamPos{i, best + best_alias->size()};
    hit->alias = *best_alias;
    return true;
  }
  return false;
}

}  // namespace zfxxgk
