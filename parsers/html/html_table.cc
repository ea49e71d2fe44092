#include "parsers/html/html_table.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>
#include <string_view>

#include "parsers/html/gumbo_tree.h"

namespace zfxxgk::html {
namespace {

constexpr int kMaxSpan = 1000;        // larger rowspan/colspan are clamped
constexpr int kMaxCols = 2000;        // cells beyond this column are dropped
constexpr size_t kMaxGridArea = 4'000'000;  // span budget per table
constexpr size_t kMaxMetadataRows = 12;     // a larger table is no metadata table

// The <tr> elements of `table` in source order (thead/tbody/tfoot/bare).
std::vector<const GumboNode*> TableRows(const GumboNode* table) {
  std::vector<const GumboNode*> rows;
  ForEachChild(table, [&](const GumboNode* c) {
    const GumboTag t = TagOf(c);
    if (t == GUMBO_TAG_TR) rows.push_back(c);
    if (t == GUMBO_TAG_TBODY || t == GUMBO_TAG_THEAD || t == GUMBO_TAG_TFOOT) {
      ForEachChild(c, [&](const GumboNode* r) {
        if (TagOf(r) == GUMBO_TAG_TR) rows.push_back(r);
      });
    }
  });
  return rows;
}

bool IsCellTag(GumboTag t) { return t == GUMBO_TAG_TD || t == GUMBO_TAG_TH; }

int SpanAttr(const GumboNode* cell, const char* name) {
  const char* v = AttrOf(cell, name);
  if (v == nullptr) return 1;
  const long n = std::strtol(v, nullptr, 10);
  return n < 1 ? 1 : static_cast<int>(std::min<long>(n, kMaxSpan));
}

// Marks the grid slots that `cell` covers as used.
void MarkUsed(const Cell& cell, std::vector<std::vector<char>>* used) {
  const size_t begin = cell.col, end = begin + cell.col_span;
  for (int r = cell.row; r < cell.row + cell.row_span; ++r) {
    std::vector<char>& row = (*used)[r];
    if (row.size() < end) row.resize(end, 0);
    std::fill(row.begin() + begin, row.begin() + end, 1);
  }
}

// Lays the cells of `rows` out on a grid (HTML table model); texts empty.
Table PlaceCells(const std::vector<const GumboNode*>& rows,
                 std::vector<const GumboNode*>* cell_nodes) {
  Table table;
  table.n_rows = static_cast<int>(rows.size());
  std::vector<std::vector<char>> used(rows.size());
  size_t budget = kMaxGridArea;  // hostile spans cannot make the layout slow
  for (int r = 0; r < table.n_rows; ++r) {
    size_t col = 0;
    ForEachChild(rows[r], [&](const GumboNode* x) {
      if (!IsCellTag(TagOf(x))) return;
      while (col < used[r].size() && used[r][col]) ++col;
      if (col >= static_cast<size_t>(kMaxCols)) return;
      Cell cell;
      cell.row = r;
      cell.col = static_cast<int>(col);
      cell.row_span = std::min(SpanAttr(x, "rowspan"), table.n_rows - r);
      cell.col_span = std::min(SpanAttr(x, "colspan"), kMaxCols - cell.col);
      cell.is_header = TagOf(x) == GUMBO_TAG_TH;
      const size_t area = static_cast<size_t>(cell.row_span) * cell.col_span;
      if (area > budget) cell.row_span = cell.col_span = 1;
      budget -= std::min(budget, area);
      MarkUsed(cell, &used);
      col += cell.col_span;
      table.n_cols = std::max(table.n_cols, static_cast<int>(col));
      table.cells.push_back(std::move(cell));
      cell_nodes->push_back(x);
    });
  }
  return table;
}

// Appends the text under `n` to `out`: pieces (<p>, <div>, <br>, ...) are
// trimmed and joined without a separator; nested tables are collected in
// `nested` instead of being read.
void CollectCellText(const GumboNode* n, int depth, std::string* out,
                     std::string* piece, std::vector<const GumboNode*>* nested) {
  if (IsText(n)) {
    AppendCollapsed(n->v.text.text, piece);
    return;
  }
  const GumboTag t = TagOf(n);
  if (n->type != GUMBO_NODE_ELEMENT || IsSkipped(t)) return;
  if (depth > kMaxDepth) return AppendFlatText(n, piece);
  if (t == GUMBO_TAG_TABLE && depth > 0) {
    nested->push_back(n);
    return;
  }
  const bool block = IsBlock(t);
  auto flush = [&] {
    TrimEnd(piece);
    out->append(*piece);
    piece->clear();
  };
  if (block) flush();
  ForEachChild(n, [&](const GumboNode* c) {
    CollectCellText(c, depth + 1, out, piece, nested);
  });
  if (block) flush();
}

// Summed weight of the tables nested in `table` (outermost ones only).
size_t NestedTableWeight(const GumboNode* table, const WeightMap& w) {
  size_t sum = 0;
  Traverse(table, [&](const GumboNode* x) {
    if (x == table || TagOf(x) != GUMBO_TAG_TABLE) return true;
    const size_t* weight = w.Find(x);
    sum += weight == nullptr ? 0 : *weight;
    return false;
  });
  return sum;
}


}  // namespace

// Labels of the metadata table many CMSs print above the article.
bool IsMetadataLabel(std::string_view text) {
  static constexpr std::array<std::string_view, 17> kLabels = {
      "索引号", "发布机构", "公开日期", "发布日期", "成文日期", "发文日期",
      "生成日期", "发布时间", "信息来源", "文号", "主题分类", "所属机构",
      "名称", "标题", "分类", "关键词", "来源"};
  for (std::string_view colon : {"：", ":"}) {
    if (text.ends_with(colon)) text.remove_suffix(colon.size());
  }
  return std::find(kLabels.begin(), kLabels.end(), text) != kLabels.end();
}

// The grid of `table` with cell texts. Tables nested in cells go to `nested`.
Table BuildTable(const GumboNode* table, std::vector<const GumboNode*>* nested) {
  std::vector<const GumboNode*> cell_nodes;
  Table t = PlaceCells(TableRows(table), &cell_nodes);
  std::string piece;  // one buffer for every cell
  for (size_t i = 0; i < t.cells.size(); ++i) {
    piece.clear();
    CollectCellText(cell_nodes[i], 0, &t.cells[i].text, &piece, nested);
    TrimEnd(&piece);
    t.cells[i].text += piece;
    t.cells[i].prov.source_begin = NodeBegin(cell_nodes[i]);
    t.cells[i].prov.source_end = NodeEnd(cell_nodes[i]);
  }
  return t;
}

// A small table of page metadata (索引号 | … | 公开日期 | 2024-01-17): its
// rows are read as lines so the publication date stays in the text.
bool IsMetadataTable(const GumboNode* table) {
  if (TableRows(table).size() > kMaxMetadataRows) return false;
  std::vector<const GumboNode*> ignored;
  return IsMetadataTable(BuildTable(table, &ignored));
}

bool IsMetadataTable(const Table& grid) {
  return grid.n_rows <= static_cast<int>(kMaxMetadataRows) &&
         std::any_of(grid.cells.begin(), grid.cells.end(),
                     [](const Cell& c) { return IsMetadataLabel(c.text); });
}

// A table used for page layout: one cell, or mostly other tables.
bool IsLayoutTable(const GumboNode* table, const WeightMap& w) {
  size_t cells = 0;
  for (const GumboNode* row : TableRows(table)) {
    ForEachChild(row, [&](const GumboNode* c) { cells += IsCellTag(TagOf(c)); });
  }
  if (cells <= 1) return true;
  const size_t* weight = w.Find(table);
  const size_t own = weight == nullptr ? 0 : *weight;
  return own > 0 && NestedTableWeight(table, w) * 2 >= own;
}

}  // namespace zfxxgk::html
