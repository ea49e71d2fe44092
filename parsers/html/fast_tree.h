// The fast HTML path (see docs/architecture.md, "HTML: a fast path beside
// gumbo"): a small tokenizer and tree builder that produce, for the pages
// real CMSs serve, the very tree gumbo 0.10.1 builds (same GumboNode,
// GumboVector and GumboAttribute structs, same node types, tags, original
// tag texts, attributes, decoded texts and source offsets), in one arena and
// several times faster. The HTML parser's walker reads either tree.
//
// It reproduces: doctype; comments; implied <html>, <head>, <body> and
// <tbody>; head content (meta, link, title, style, script); body content
// made of block, inline, void and unknown (e.g. <o:p>) elements, forms,
// buttons, iframes, lists, headings, tables (table/tbody/thead/tfoot/tr/
// td/th, nested in cells) with white space between their parts; formatting
// elements (a, b, font, strong, ...) closed in order; the end tags gumbo
// implies (</p> before a block, </li>, </td>, </tr>, </tbody>, elements left
// open at </div> or at the end of the input); content after </body>.
//
// It declines, so the caller falls back to gumbo, on anything else,
// including: misnested or implicitly closed formatting elements, foster
// parenting (text or elements directly in a table, tbody or tr), <table>
// inside an open <p> (depends on quirks mode), <template>, <svg>, <math>,
// framesets, select/option/textarea, <noscript>, captions and column groups,
// ignored tokens (stray end tags, a second <body>), character references
// outside a small set, CR characters (gumbo rewrites them) and every
// tokenizer case listed in fast_tokenizer.h.
//
// Thread-safe: no shared state; each call owns its tree.
#ifndef ZFXXGK_PARSERS_HTML_FAST_TREE_H_
#define ZFXXGK_PARSERS_HTML_FAST_TREE_H_

#include <gumbo.h>

#include <memory>
#include <string_view>

#include "parsers/html/fast_arena.h"
#include "pipeline/status.h"

namespace zfxxgk::html {

class FastTree {
 public:
  // Parses the UTF-8 page `utf8`, which must outlive the tree (original tag
  // and text pieces point into it).
  // Errors: kUnsupportedFormat when the page holds a construct this path does
  // not reproduce exactly (the message says which); use gumbo then.
  static StatusOr<std::unique_ptr<FastTree>> Parse(std::string_view utf8);

  // The document node (comments before <html> are its children) and the
  // <html> element, as GumboOutput::document and GumboOutput::root.
  const GumboNode* document() const { return document_; }
  const GumboNode* root() const { return root_; }

 private:
  FastTree() = default;

  FastArena arena_;
  GumboNode* document_ = nullptr;
  GumboNode* root_ = nullptr;
};

}  // namespace zfxxgk::html

#endif  // ZFXXGK_PARSERS_HTML_FAST_TREE_H_
