// Tag classes of gumbo's tree construction, for the fast path's tree builder
// (internal to parsers/html): one table lookup per question instead of lists.
#ifndef ZFXXGK_PARSERS_HTML_FAST_TAGS_H_
#define ZFXXGK_PARSERS_HTML_FAST_TAGS_H_

#include <gumbo.h>

#include <array>
#include <cstdint>

namespace zfxxgk::html {

enum TagClass : uint16_t {
  kSpecial = 1 << 0,        // gumbo's "special" elements
  kFormatting = 1 << 1,     // put on the list of active formatting elements
  kBlockStart = 1 << 2,     // start tag closes an open <p>, then is inserted
  kBlockEnd = 1 << 3,       // end tag pops through its element when in scope
  kVoidInBody = 1 << 4,     // inserted and popped at once in <body>
  kDeclinedStart = 1 << 5,  // start tags the fast path leaves to gumbo
  kEndsScope = 1 << 6,      // ends "has an element in scope" searches
  kImpliedEnd = 1 << 7,     // closed by "generate implied end tags"
  kTablePart = 1 << 8,      // tbody, thead, tfoot, tr, td, th
  kHeading = 1 << 9,        // h1 to h6
};

// The classes of each tag, indexed by GumboTag (use TagClasses).
extern const std::array<uint16_t, GUMBO_TAG_LAST + 1> kTagClassTable;

// The classes of `tag` (0 for GUMBO_TAG_UNKNOWN and out-of-range values).
// Inline: the tree builder asks several times per token.
inline uint16_t TagClasses(GumboTag tag) {
  return static_cast<unsigned>(tag) <= GUMBO_TAG_LAST ? kTagClassTable[tag] : 0;
}

// Whether `tag` has any of `classes` (TagClass bits).
inline bool HasClass(GumboTag tag, unsigned classes) { return (TagClasses(tag) & classes) != 0; }

// The lower-case tag name of `name` (ASCII letters folded), as gumbo looks
// it up; GUMBO_TAG_UNKNOWN for any other name.
GumboTag LookupTag(const char* name, unsigned length);

}  // namespace zfxxgk::html

#endif  // ZFXXGK_PARSERS_HTML_FAST_TAGS_H_
