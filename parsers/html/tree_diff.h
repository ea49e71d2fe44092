// Verification of the fast HTML path (internal to parsers/html; used by the
// tests, the differential fuzz target and bench tools): compares two
// gumbo-shaped trees field by field.
#ifndef ZFXXGK_PARSERS_HTML_TREE_DIFF_H_
#define ZFXXGK_PARSERS_HTML_TREE_DIFF_H_

#include <gumbo.h>

#include <string>
#include <string_view>

#include "pipeline/status.h"

namespace zfxxgk::html {

// "" when the trees under the document nodes `expected` and `actual` are
// equal in every field the HTML parser can read: node type, parent and index
// within it, element tag, namespace, original start and end tag texts, start
// and end offsets, attributes (names and values, in order), children; text,
// white-space, CDATA and comment nodes' text, start offset and original
// length. Otherwise the first difference in document order, with the path of
// the node ("html/body/div[2]/#text[0]: text \"a\" != \"b\"").
// Iterative: any depth. Thread-safe.
std::string DiffTrees(const GumboNode* expected, const GumboNode* actual);

// Parses the UTF-8 page `utf8` with the fast path and, when it accepts the
// page, with gumbo too: DiffTrees of gumbo's tree and the fast path's ("" when
// equal). When the fast path declines, its error (kUnsupportedFormat, the
// message naming the construct).
StatusOr<std::string> DiffFastTreeFromGumbo(std::string_view utf8);

}  // namespace zfxxgk::html

#endif  // ZFXXGK_PARSERS_HTML_TREE_DIFF_H_
