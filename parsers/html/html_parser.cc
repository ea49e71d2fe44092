#include "parsers/html/html_parser.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <exception>
#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

namespace zfxxgk::html {
namespace {

constexpr int kMaxSpan = 1000;        // larger rowspan/colspan are clamped
constexpr int kMaxCols = 2000;        // cells beyond this column are dropped
constexpr size_t kMaxGridArea = 4'000'000;  // span budget per table
constexpr int kMaxDepth = 512;        // recursion guard for deep trees
constexpr int kMaxTableNesting = 64;  // deeper nested tables become text
constexpr size_t kRootSharePct = 85;  // article root: share of page text
constexpr size_t kMaxKeptLine = 300;  // bytes; longer chrome lines are prose

struct OutputDeleter {
  void operator()(GumboOutput* out) const {
    gumbo_destroy_output(&kGumboDefaultOptions, out);
  }
};
using GumboOutputPtr = std::unique_ptr<GumboOutput, OutputDeleter>;
using WeightMap = std::unordered_map<const GumboNode*, size_t>;

// ---------------------------------------------------------------- text

// Byte length of the white-space code point at s[i] (0 if none). Zero-width
// characters set `*zero_width`: they vanish instead of becoming a space.
size_t SpaceAt(std::string_view s, size_t i, bool* zero_width) {
  *zero_width = false;
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
  auto at = [&](size_t k) {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
  };
  if (c == 0xC2 && at(1) == 0xA0) return 2;                     // U+00A0
  if (c == 0xE3 && at(1) == 0x80 && at(2) == 0x80) return 3;    // U+3000
  if (c == 0xE2 && at(1) == 0x80) {
    const unsigned char d = at(2);
    if (d >= 0x80 && d <= 0x8A) return 3;                       // U+2000..200A
    if (d == 0xAF) return 3;                                    // U+202F
    *zero_width = d >= 0x8B && d <= 0x8D;                       // U+200B..200D
    return *zero_width ? 3 : 0;
  }
  if (c == 0xEF && at(1) == 0xBB && at(2) == 0xBF) {            // U+FEFF
    *zero_width = true;
    return 3;
  }
  return 0;
}

// Appends `text`, collapsing white-space runs to one space. `out` never
// starts with a space; a trailing one is removed by TrimEnd.
void AppendCollapsed(std::string_view text, std::string* out) {
  size_t i = 0;
  while (i < text.size()) {
    bool zero_width = false;
    const size_t n = SpaceAt(text, i, &zero_width);
    if (n == 0) {
      out->push_back(text[i++]);
      continue;
    }
    i += n;
    if (!zero_width && !out->empty() && out->back() != ' ') out->push_back(' ');
  }
}

void TrimEnd(std::string* s) {
  while (!s->empty() && s->back() == ' ') s->pop_back();
}

// Visible code points (white space excluded), a cheap measure of text mass.
size_t CountVisible(std::string_view s) {
  size_t n = 0;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) != 0x80 && !std::isspace(c)) ++n;
  }
  return n;
}

// Lines of page chrome worth keeping: publication metadata.
bool IsMetadataLine(std::string_view line) {
  static constexpr std::array<std::string_view, 17> kKeys = {
      "发布日期", "发布时间", "公开日期", "成文日期", "发文日期", "印发日期",
      "生成日期", "更新时间", "来源", "时间：", "时间:", "日期：", "日期:",
      "标题：", "发布机构", "索引号", "文号"};
  if (line.size() > kMaxKeptLine) return false;
  for (std::string_view key : kKeys) {
    if (line.find(key) != std::string_view::npos) return true;
  }
  return false;
}

// ---------------------------------------------------------------- gumbo

GumboTag TagOf(const GumboNode* n) {
  return n->type == GUMBO_NODE_ELEMENT ? n->v.element.tag : GUMBO_TAG_UNKNOWN;
}

const GumboVector* ChildrenOf(const GumboNode* n) {
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) {
    return &n->v.element.children;
  }
  return nullptr;
}

template <typename F>
void ForEachChild(const GumboNode* n, F&& f) {
  const GumboVector* kids = ChildrenOf(n);
  if (kids == nullptr) return;
  for (unsigned i = 0; i < kids->length; ++i) {
    f(static_cast<const GumboNode*>(kids->data[i]));
  }
}

bool IsText(const GumboNode* n) {
  return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
         n->type == GUMBO_NODE_CDATA;
}

size_t NodeBegin(const GumboNode* n) {
  return IsText(n) ? n->v.text.start_pos.offset : n->v.element.start_pos.offset;
}

size_t NodeEnd(const GumboNode* n) {
  if (IsText(n)) return n->v.text.start_pos.offset + n->v.text.original_text.length;
  const GumboElement& e = n->v.element;
  if (e.end_pos.offset > e.start_pos.offset) {
    return e.end_pos.offset + e.original_end_tag.length;
  }
  return e.start_pos.offset + e.original_tag.length;
}

bool IsSkipped(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_TITLE: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_BUTTON: case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_NOFRAMES:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_HR:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_LEGEND: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_HGROUP: case GUMBO_TAG_MENU:
    case GUMBO_TAG_DIR: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML: case GUMBO_TAG_BR: case GUMBO_TAG_OPTION:
      return true;
    default:
      return false;
  }
}

const char* AttrOf(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a == nullptr ? nullptr : a->value;
}

bool AttrContains(const GumboNode* n, const char* attr, std::string_view word) {
  const char* v = AttrOf(n, attr);
  if (v == nullptr) return false;
  std::string lower(v);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find(word) != std::string::npos;
}

// <h1>-<h3> and elements styled as a title (class="article-title").
bool IsTitleElement(const GumboNode* n) {
  const GumboTag t = TagOf(n);
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 ||
         AttrContains(n, "class", "title") || AttrContains(n, "id", "title");
}

// Calls `visit` on `n` and its descendants in document order, without
// recursion (pages can nest deeper than the stack allows). `visit` returns
// whether to descend into the node.
template <typename F>
void Traverse(const GumboNode* n, F&& visit) {
  std::vector<const GumboNode*> stack = {n};
  while (!stack.empty()) {
    const GumboNode* x = stack.back();
    stack.pop_back();
    const GumboVector* kids = visit(x) ? ChildrenOf(x) : nullptr;
    for (unsigned i = kids == nullptr ? 0 : kids->length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(kids->data[i - 1]));
    }
  }
}

const GumboNode* FindFirst(const GumboNode* n, GumboTag tag) {
  const GumboNode* found = nullptr;
  Traverse(n, [&](const GumboNode* x) {
    if (found == nullptr && TagOf(x) == tag) found = x;
    return found == nullptr;
  });
  return found;
}

// All text under `n` as one run; used below kMaxDepth instead of recursing.
void AppendFlatText(const GumboNode* n, std::string* out) {
  Traverse(n, [&](const GumboNode* x) {
    if (IsText(x)) AppendCollapsed(x->v.text.text, out);
    return x->type == GUMBO_NODE_ELEMENT && !IsSkipped(TagOf(x));
  });
}

bool Contains(const GumboNode* ancestor, const GumboNode* n) {
  for (; n != nullptr; n = n->parent) {
    if (n == ancestor) return true;
  }
  return false;
}

// ---------------------------------------------------------------- tables

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

// The grid of `table` with cell texts. Tables nested in cells go to `nested`.
Table BuildTable(const GumboNode* table, std::vector<const GumboNode*>* nested) {
  std::vector<const GumboNode*> cell_nodes;
  Table t = PlaceCells(TableRows(table), &cell_nodes);
  for (size_t i = 0; i < t.cells.size(); ++i) {
    std::string piece;
    CollectCellText(cell_nodes[i], 0, &t.cells[i].text, &piece, nested);
    TrimEnd(&piece);
    t.cells[i].text += piece;
    t.cells[i].prov.source_begin = NodeBegin(cell_nodes[i]);
    t.cells[i].prov.source_end = NodeEnd(cell_nodes[i]);
  }
  return t;
}

// Summed weight of the tables nested in `table` (outermost ones only).
size_t NestedTableWeight(const GumboNode* table, const WeightMap& w) {
  size_t sum = 0;
  Traverse(table, [&](const GumboNode* x) {
    if (x == table || TagOf(x) != GUMBO_TAG_TABLE) return true;
    auto it = w.find(x);
    sum += it == w.end() ? 0 : it->second;
    return false;
  });
  return sum;
}

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

// A small table of page metadata (索引号 | … | 公开日期 | 2024-01-17): its
// rows are read as lines so the publication date stays in the text.
bool IsMetadataTable(const GumboNode* table) {
  if (TableRows(table).size() > 12) return false;
  std::vector<const GumboNode*> ignored;
  const Table t = BuildTable(table, &ignored);
  return std::any_of(t.cells.begin(), t.cells.end(),
                     [](const Cell& c) { return IsMetadataLabel(c.text); });
}

// A table used for page layout: one cell, or mostly other tables.
bool IsLayoutTable(const GumboNode* table, const WeightMap& w) {
  size_t cells = 0;
  for (const GumboNode* row : TableRows(table)) {
    ForEachChild(row, [&](const GumboNode* c) { cells += IsCellTag(TagOf(c)); });
  }
  if (cells <= 1) return true;
  auto it = w.find(table);
  const size_t own = it == w.end() ? 0 : it->second;
  return own > 0 && NestedTableWeight(table, w) * 2 >= own;
}

// ---------------------------------------------------------------- article

// Visible non-link text per element; collects every <table>.
size_t ComputeWeights(const GumboNode* n, bool in_link, int depth,
                      WeightMap* w, std::vector<const GumboNode*>* tables) {
  if (IsText(n)) return in_link ? 0 : CountVisible(n->v.text.text);
  if (n->type != GUMBO_NODE_ELEMENT) return 0;
  if (depth > kMaxDepth) {
    std::string flat;
    AppendFlatText(n, &flat);
    return CountVisible(flat);
  }
  const GumboTag t = TagOf(n);
  size_t sum = 0;
  if (!IsSkipped(t)) {
    const bool link = in_link || t == GUMBO_TAG_A;
    ForEachChild(n, [&](const GumboNode* c) {
      sum += ComputeWeights(c, link, depth + 1, w, tables);
    });
  }
  if (t == GUMBO_TAG_TABLE) tables->push_back(n);
  (*w)[n] = sum;
  return sum;
}

// The deepest element holding >= 85% of the body's weight and every large
// table (>= 1/5 of the largest); never enters a data table.
const GumboNode* ChooseArticleRoot(const GumboNode* body, const WeightMap& w,
                                   const std::vector<const GumboNode*>& tables) {
  const size_t total = w.at(body);
  size_t max_table = 0;
  for (const GumboNode* t : tables) {
    if (!IsMetadataTable(t)) max_table = std::max(max_table, w.at(t));
  }
  std::vector<const GumboNode*> large;
  for (const GumboNode* t : tables) {
    if (w.at(t) * 5 >= max_table && w.at(t) > 0 && !IsMetadataTable(t)) {
      large.push_back(t);
    }
  }
  const GumboNode* node = body;
  while (total > 0) {
    const GumboNode* best = nullptr;
    ForEachChild(node, [&](const GumboNode* c) {
      auto it = w.find(c);
      if (it != w.end() && (best == nullptr || it->second > w.at(best))) best = c;
    });
    if (best == nullptr || w.at(best) * 100 < total * kRootSharePct) break;
    if (TagOf(best) == GUMBO_TAG_TABLE && !IsLayoutTable(best, w)) break;
    if (!std::all_of(large.begin(), large.end(),
                     [&](const GumboNode* t) { return Contains(best, t); })) {
      break;
    }
    node = best;
  }
  return node;
}

// ---------------------------------------------------------------- walker

// Turns the body into blocks: everything inside the article root, and the
// title and metadata lines outside it.
class PageWalker {
 public:
  PageWalker(const GumboNode* root, const WeightMap& weights, Document* doc)
      : root_(root), weights_(weights), doc_(doc) {}

  void Walk(const GumboNode* n, int depth) {
    if (IsText(n)) {
      if (line_.empty()) begin_ = NodeBegin(n);
      AppendCollapsed(n->v.text.text, &line_);
      end_ = NodeEnd(n);
      return;
    }
    if (n->type != GUMBO_NODE_ELEMENT || IsSkipped(TagOf(n))) return;
    if (depth > kMaxDepth) {
      if (line_.empty()) begin_ = NodeBegin(n);
      AppendFlatText(n, &line_);
      end_ = NodeEnd(n);
      return;
    }
    if (n == root_) {
      Flush();
      in_root_ = true;
      WalkChildren(n, depth);
      Flush();
      in_root_ = false;
      passed_root_ = true;
      return;
    }
    if (TagOf(n) == GUMBO_TAG_TABLE && !IsLayoutTable(n, weights_) &&
        !Contains(n, root_)) {
      Flush();
      HandleTable(n);
      return;
    }
    WalkBlockOrInline(n, depth);
  }

  void Flush() {
    TrimEnd(&line_);
    if (!line_.empty()) PushText(std::move(line_), begin_, end_);
    line_.clear();
  }

 private:
  void WalkChildren(const GumboNode* n, int depth) {
    ForEachChild(n, [&](const GumboNode* c) { Walk(c, depth + 1); });
  }

  void WalkBlockOrInline(const GumboNode* n, int depth) {
    const bool title = !in_root_ && !passed_root_ && IsTitleElement(n);
    const bool block = IsBlock(TagOf(n)) || title;
    if (block) Flush();
    title_depth_ += title;
    WalkChildren(n, depth);
    if (block) Flush();
    title_depth_ -= title;
  }

  void HandleTable(const GumboNode* n) {
    std::vector<const GumboNode*> nested;
    Table table = BuildTable(n, &nested);
    const bool has_text = std::any_of(table.cells.begin(), table.cells.end(),
                                      [](const Cell& c) { return !c.text.empty(); });
    if (has_text && in_root_ && !IsMetadataTable(n)) {
      EmitTable(n, std::move(table));
    } else if (has_text) {
      EmitRowLines(table);
    }
    ++table_depth_;
    for (const GumboNode* inner : nested) {
      if (table_depth_ <= kMaxTableNesting) {
        HandleTable(inner);
      } else {  // absurd nesting: keep the text, not the grids
        AppendFlatText(inner, &line_);
        Flush();
      }
    }
    --table_depth_;
  }

  void EmitTable(const GumboNode* n, Table table) {
    const int index = static_cast<int>(doc_->tables.size());
    table.prov = MakeProv(NodeBegin(n), NodeEnd(n));
    table.prov.table = index;
    for (Cell& cell : table.cells) {
      Provenance prov = MakeProv(cell.prov.source_begin, cell.prov.source_end);
      prov.table = index;
      prov.row = cell.row;
      prov.col = cell.col;
      cell.prov = std::move(prov);
    }
    Block block;
    block.kind = BlockKind::kTable;
    block.table_index = index;
    block.prov = table.prov;
    doc_->tables.push_back(std::move(table));
    doc_->blocks.push_back(std::move(block));
  }

  // A metadata or chrome table: each row becomes one line. A label cell and
  // its value are joined by "：" unless the label ends with a colon; other
  // cells by a space ("发布机构：沭阳县发展和改革局 公开日期：2024-01-17").
  void EmitRowLines(const Table& table) {
    std::vector<Block> rows(table.n_rows);
    std::vector<char> after_label(table.n_rows, 0);
    for (const Cell& cell : table.cells) {
      if (cell.text.empty()) continue;
      Block& row = rows[cell.row];
      if (row.text.empty()) row.prov.source_begin = cell.prov.source_begin;
      const bool label = IsMetadataLabel(cell.text);
      if (after_label[cell.row]) {
        const bool has_colon = row.text.ends_with("：") || row.text.ends_with(":");
        if (!has_colon) row.text += "：";
      } else if (!row.text.empty()) {
        row.text.push_back(' ');
      }
      row.text += cell.text;
      after_label[cell.row] = label;
      row.prov.source_end = cell.prov.source_end;
    }
    for (Block& row : rows) {
      if (row.text.empty()) continue;
      PushText(std::move(row.text), row.prov.source_begin, row.prov.source_end);
    }
  }

  void PushText(std::string text, size_t begin, size_t end) {
    const bool keep = in_root_ || IsMetadataLine(text) ||
                      (title_depth_ > 0 && text.size() <= kMaxKeptLine);
    if (!keep) return;
    Block block;
    block.text = std::move(text);
    block.prov = MakeProv(begin, end);
    doc_->blocks.push_back(std::move(block));
  }

  static Provenance MakeProv(size_t begin, size_t end) {
    Provenance prov;
    prov.source_begin = begin;
    prov.source_end = end;
    prov.produced_by = "html";
    return prov;
  }

  const GumboNode* root_;
  const WeightMap& weights_;
  Document* doc_;
  bool in_root_ = false;
  bool passed_root_ = false;  // headings after the article are chrome
  int title_depth_ = 0;
  int table_depth_ = 0;  // tables nested in cells being handled
  std::string line_;
  size_t begin_ = 0;
  size_t end_ = 0;
};

void AddTitleBlock(const GumboNode* html, Document* doc) {
  const GumboNode* title = FindFirst(html, GUMBO_TAG_TITLE);
  if (title == nullptr) return;
  Block block;
  ForEachChild(title, [&](const GumboNode* c) {
    if (IsText(c)) AppendCollapsed(c->v.text.text, &block.text);
  });
  TrimEnd(&block.text);
  if (block.text.empty()) return;
  block.prov.source_begin = NodeBegin(title);
  block.prov.source_end = NodeEnd(title);
  block.prov.produced_by = "html";
  doc->blocks.push_back(std::move(block));
}

StatusOr<Document> Parse(std::string_view utf8, const std::string& path) {
  GumboOutputPtr out(
      gumbo_parse_with_options(&kGumboDefaultOptions, utf8.data(), utf8.size()));
  if (out == nullptr || out->root == nullptr) {
    return Status(StatusCode::kInternal, path + ": gumbo failed to parse the page");
  }
  Document doc;
  doc.source.path = path;
  doc.source.format = InputFormat::kHtml;
  doc.source.pages = 1;
  AddTitleBlock(out->root, &doc);
  const GumboNode* body = FindFirst(out->root, GUMBO_TAG_BODY);
  if (body == nullptr) body = out->root;
  WeightMap weights;
  std::vector<const GumboNode*> tables;
  ComputeWeights(body, false, 0, &weights, &tables);
  PageWalker walker(ChooseArticleRoot(body, weights, tables), weights, &doc);
  walker.Walk(body, 0);
  walker.Flush();
  if (doc.blocks.empty()) {
    return Status(StatusCode::kNotAReport, path + ": the HTML page has no text");
  }
  return doc;
}

}  // namespace

StatusOr<Document> ParseHtml(std::string_view utf8, const std::string& path) {
  try {
    return Parse(utf8, path);
  } catch (const std::exception& e) {
    return Status(StatusCode::kInternal, path + ": HTML parsing failed: " + e.what());
  }
}

}  // namespace zfxxgk::html
