// Helpers over gumbo's tree and page text shared by the HTML parser's
// stages (internal to parsers/html: the table reader and the page walker).
// All functions are pure and thread-safe; none throws.
#ifndef ZFXXGK_PARSERS_HTML_GUMBO_TREE_H_
#define ZFXXGK_PARSERS_HTML_GUMBO_TREE_H_

#include <gumbo.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace zfxxgk::html {

// Element depth below which the parser stops recursing and reads a subtree
// as flat text (pages can nest deeper than the stack allows).
inline constexpr int kMaxDepth = 512;

// ---------------------------------------------------------------- text

// Appends `text`, collapsing white-space runs (ASCII, U+00A0, U+2000..200A,
// U+202F, U+3000) to one space; zero-width characters (U+200B..200D, U+FEFF)
// vanish. `out` never starts with a space; a trailing one is removed by TrimEnd.
void AppendCollapsed(std::string_view text, std::string* out);

// Removes trailing spaces.
void TrimEnd(std::string* s);

// Visible code points (white space excluded), a cheap measure of text mass.
size_t CountVisible(std::string_view s);

// ---------------------------------------------------------------- nodes

// The element's tag; GUMBO_TAG_UNKNOWN for other nodes. (These three are
// inline: the walkers ask them of every node.)
inline GumboTag TagOf(const GumboNode* n) {
  return n->type == GUMBO_NODE_ELEMENT ? n->v.element.tag : GUMBO_TAG_UNKNOWN;
}

// Children of a document, element or template node; nullptr for others.
inline const GumboVector* ChildrenOf(const GumboNode* n) {
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) {
    return &n->v.element.children;
  }
  return nullptr;
}

// Text, white-space and CDATA nodes.
inline bool IsText(const GumboNode* n) {
  return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
         n->type == GUMBO_NODE_CDATA;
}

// Byte range of the node in the parsed source (end tag included).
size_t NodeBegin(const GumboNode* n);
size_t NodeEnd(const GumboNode* n);

// Elements whose content is never page text (script, style, form controls, ...).
bool IsSkipped(GumboTag t);

// Elements that start a new line of text (p, div, li, td, br, ...).
bool IsBlock(GumboTag t);

// The value of attribute `name`, or nullptr.
const char* AttrOf(const GumboNode* n, const char* name);

// Whether attribute `attr` contains `word` (ASCII case-insensitive).
bool AttrContains(const GumboNode* n, const char* attr, std::string_view word);

// The first element with `tag` at or under `n` in document order, or nullptr.
const GumboNode* FindFirst(const GumboNode* n, GumboTag tag);

// Appends all text under `n` as one collapsed run, without recursion.
void AppendFlatText(const GumboNode* n, std::string* out);

// Whether `n` is `ancestor` or lies under it.
bool Contains(const GumboNode* ancestor, const GumboNode* n);

// Calls `f` on each child of `n` (none for text nodes).
template <typename F>
void ForEachChild(const GumboNode* n, F&& f) {
  const GumboVector* kids = ChildrenOf(n);
  if (kids == nullptr) return;
  for (unsigned i = 0; i < kids->length; ++i) {
    f(static_cast<const GumboNode*>(kids->data[i]));
  }
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

}  // namespace zfxxgk::html

#endif  // ZFXXGK_PARSERS_HTML_GUMBO_TREE_H_
