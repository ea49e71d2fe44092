// HTML parser: a government web page (UTF-8) -> Document.
//
// Pages are whole CMS pages: site header, menus, breadcrumbs, "字号 大 中 小",
// scripts and footers around one article that holds the report, usually as
// Word-exported tables (every cell's text inside <p>/<span>, rowspan up to
// 22, labels split over several <span>s).
//
// What ParseHtml produces (source.format = kHtml, one page):
//   - blocks in reading order. The first block is the <title> text. Then,
//     from the page chrome before the article, only the lines a reader of
//     the report needs: headings (<h1>-<h3>, elements whose class or id
//     contains "title") and metadata lines (发布日期, 发布时间, 公开日期,
//     来源, 时间：, 索引号, ...). Then every line of the article.
//   - a small metadata table (cells like 索引号, 发布机构, 公开日期) is not
//     a Table: each row becomes one line, a label cell joined to its value
//     by "：" ("发布机构：沭阳县发展和改革局 公开日期：2024-01-17"), other
//     cells by a space.
//   - the article is the deepest element holding at least 85% of the
//     page's visible non-link text and all of its large tables; when no
//     element qualifies, the whole <body> is the article. Metadata lines
//     after the article are kept as well.
//   - each block-level element (p, div, h1-h6, li, ...) and each <br>-ended
//     line is one kText block; inline pieces (<span>, <a>, <font>, ...) are
//     joined without separators; white space (also &nbsp; and U+3000)
//     collapses to one space and is trimmed. <script>, <style>, <noscript>,
//     <template>, <iframe>, form controls and comments are skipped.
//   - each data <table> becomes a Table in Document::tables and a kTable
//     block at its position. Rowspan/colspan are laid out on a grid (spans
//     clamped to 1..1000 and to the table's rows). A cell's text joins its
//     <p>/<div>/<br> pieces WITHOUT a separator ("本年新<br>制作数量" ->
//     "本年新制作数量"). A table nested in a cell becomes its own Table
//     right after the outer one and its text stays out of the outer cell.
//     Layout tables (a single cell, or mostly nested tables) are not
//     emitted; their content is read as ordinary blocks.
//   - Provenance: page 0, produced_by "html", source_begin/end = byte
//     offsets into `utf8`; table cells also carry table/row/col.
// The caller fills source.encoding and source.sha256.
//
// Errors: kNotAReport when the page has no text at all; kInternal if the
// HTML library fails. Never throws. Thread-safe (no shared state).
//
// Example:
//   StatusOr<DecodedText> text = DecodeToUtf8(bytes);
//   if (!text.ok()) return text.status();
//   StatusOr<Document> doc = html::ParseHtml(text->utf8, path);
#ifndef ZFXXGK_PARSERS_HTML_HTML_PARSER_H_
#define ZFXXGK_PARSERS_HTML_HTML_PARSER_H_

#include <string>
#include <string_view>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace zfxxgk::html {

struct HtmlOptions {
  // Build the page's tree with the fast path (fast_tree.h) and use gumbo only
  // when it declines; false: gumbo always. Both give the same Document (the
  // fast path builds gumbo's very tree or declines).
  bool fast_path = true;
};

// Parses the UTF-8 page `utf8`; `path` is recorded in source.path and
// used in messages.
StatusOr<Document> ParseHtml(std::string_view utf8, const std::string& path,
                             const HtmlOptions& options = {});

}  // namespace zfxxgk::html

#endif  // ZFXXGK_PARSERS_HTML_HTML_PARSER_H_
