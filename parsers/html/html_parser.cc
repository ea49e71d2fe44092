#include "parsers/html/html_parser.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <exception>
#include <memory>
#include <utility>
#include <vector>

#include "parsers/html/fast_tree.h"
#include "parsers/html/gumbo_tree.h"
#include "parsers/html/html_table.h"

namespace zfxxgk::html {
namespace {

constexpr int kMaxTableNesting = 64;  // deeper nested tables become text
constexpr size_t kRootSharePct = 85;  // article root: share of page text
constexpr size_t kMaxKeptLine = 300;  // bytes; longer chrome lines are prose

struct OutputDeleter {
  void operator()(GumboOutput* out) const {
    gumbo_destroy_output(&kGumboDefaultOptions, out);
  }
};
using GumboOutputPtr = std::unique_ptr<GumboOutput, OutputDeleter>;

// ---------------------------------------------------------------- chrome

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

// <h1>-<h3> and elements styled as a title (class="article-title").
bool IsTitleElement(const GumboNode* n) {
  const GumboTag t = TagOf(n);
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 ||
         AttrContains(n, "class", "title") || AttrContains(n, "id", "title");
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
  w->Set(n, sum);
  return sum;
}

// The deepest element holding >= 85% of the body's weight and every large
// table (>= 1/5 of the largest); never enters a data table.
const GumboNode* ChooseArticleRoot(const GumboNode* body, const WeightMap& w,
                                   const std::vector<const GumboNode*>& tables) {
  const size_t total = w.At(body);
  std::vector<char> metadata(tables.size());  // each table read once
  size_t max_table = 0;
  for (size_t i = 0; i < tables.size(); ++i) {
    metadata[i] = IsMetadataTable(tables[i]);
    if (!metadata[i]) max_table = std::max(max_table, w.At(tables[i]));
  }
  std::vector<const GumboNode*> large;
  for (size_t i = 0; i < tables.size(); ++i) {
    const size_t weight = w.At(tables[i]);
    if (weight * 5 >= max_table && weight > 0 && !metadata[i]) large.push_back(tables[i]);
  }
  const GumboNode* node = body;
  while (total > 0) {
    const GumboNode* best = nullptr;
    ForEachChild(node, [&](const GumboNode* c) {
      const size_t* weight = w.Find(c);
      if (weight != nullptr && (best == nullptr || *weight > w.At(best))) best = c;
    });
    if (best == nullptr || w.At(best) * 100 < total * kRootSharePct) break;
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
    if (!line_.empty()) PushText(line_, begin_, end_);
    line_.clear();  // keeps its capacity for the next line
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
    if (has_text && in_root_ && !IsMetadataTable(table)) {
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
      PushText(row.text, row.prov.source_begin, row.prov.source_end);
    }
  }

  // Copies `text` into a block only when it is kept: most chrome lines are not.
  void PushText(std::string_view text, size_t begin, size_t end) {
    const bool keep = in_root_ || IsMetadataLine(text) ||
                      (title_depth_ > 0 && text.size() <= kMaxKeptLine);
    if (!keep) return;
    Block block;
    block.text = text;
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

// The page's tree: from the fast path when it reproduces the page exactly,
// else from gumbo (the reference).
struct PageTree {
  std::unique_ptr<FastTree> fast;
  GumboOutputPtr gumbo;
  const GumboNode* root = nullptr;
};

PageTree BuildTree(std::string_view utf8, const HtmlOptions& options) {
  PageTree tree;
  if (options.fast_path) {
    StatusOr<std::unique_ptr<FastTree>> fast = FastTree::Parse(utf8);
    if (fast.ok()) {
      tree.fast = std::move(*fast);
      tree.root = tree.fast->root();
      return tree;
    }
  }
  tree.gumbo.reset(
      gumbo_parse_with_options(&kGumboDefaultOptions, utf8.data(), utf8.size()));
  if (tree.gumbo != nullptr) tree.root = tree.gumbo->root;
  return tree;
}

StatusOr<Document> Parse(std::string_view utf8, const std::string& path,
                         const HtmlOptions& options) {
  const PageTree tree = BuildTree(utf8, options);
  if (tree.root == nullptr) {
    return Status(StatusCode::kInternal, path + ": gumbo failed to parse the page");
  }
  Document doc;
  doc.source.path = path;
  doc.source.format = InputFormat::kHtml;
  doc.source.pages = 1;
  AddTitleBlock(tree.root, &doc);
  const GumboNode* body = FindFirst(tree.root, GUMBO_TAG_BODY);
  if (body == nullptr) body = tree.root;
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

StatusOr<Document> ParseHtml(std::string_view utf8, const std::string& path,
                             const HtmlOptions& options) {
  try {
    return Parse(utf8, path, options);
  } catch (const std::exception& e) {
    return Status(StatusCode::kInternal, path + ": HTML parsing failed: " + e.what());
  }
}

}  // namespace zfxxgk::html
