// The fast HTML path's tokenizer (internal to parsers/html): splits a UTF-8
// page into tags, text runs, comments and the doctype, with byte offsets as
// gumbo reports them, and declines (kDecline) on any construct whose gumbo
// tokenization it does not reproduce exactly: invalid UTF-8, NUL, CR and
// other control characters, noncharacters, bogus comments ("<!x", "<?"),
// unusual comments, malformed tags or attributes, duplicate attributes,
// character references outside fast_charref's set, "<!--" inside <script>,
// an unterminated construct at the end of the input.
//
// Tokens differ from gumbo's in one way: all characters between two other
// tokens form one kText token (gumbo emits one token per character). The
// tree builder splits a run where gumbo's modes would.
//
// After a <script>, <style> or <iframe> start tag the content up to the
// matching end tag is one kText token, taken verbatim; after <title> likewise
// but with character references decoded (RCDATA).
//
// Not thread-safe; one tokenizer per parse. Decoded strings are valid until
// the next call to Next().
#ifndef ZFXXGK_PARSERS_HTML_FAST_TOKENIZER_H_
#define ZFXXGK_PARSERS_HTML_FAST_TOKENIZER_H_

#include <gumbo.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/html/fast_arena.h"

namespace zfxxgk::html {

enum class FastTokenKind { kText, kStartTag, kEndTag, kComment, kDoctype, kEof, kDecline };

struct FastToken {
  FastTokenKind kind = FastTokenKind::kEof;
  size_t begin = 0;  // byte offset of the token's first byte ('<' of a tag)
  size_t end = 0;    // one past its last byte
  GumboTag tag = GUMBO_TAG_UNKNOWN;  // start and end tags
  bool self_closing = false;         // "<br/>"
  // kText: the decoded characters; kComment: the comment's data.
  std::string_view text;
  // kText: bytes of leading ASCII white space (space, \t, \n) in `text`
  // (== in the input: references never decode to white space here).
  size_t ws_prefix = 0;
  // kText: whether `text` holds anything but ASCII white space.
  bool has_non_ws = false;
  // kStartTag: the attributes (arena-allocated, names lower-cased, values
  // decoded), valid until the next call to Next().
  const std::vector<GumboAttribute*>* attributes = nullptr;
  // kDecline: why (a string literal).
  const char* reason = "";
};

class FastTokenizer {
 public:
  // `utf8` and `arena` must outlive the tokenizer.
  FastTokenizer(std::string_view utf8, FastArena* arena);

  // The next token; kEof at the end (begin == end == input size) and, once
  // anything declined, kDecline forever.
  FastToken Next();

 private:
  FastToken Decline(const char* reason);
  FastToken ReadText();
  FastToken ReadRawText();
  FastToken ReadMarkup();
  FastToken ReadComment();
  FastToken ReadStartTag();
  FastToken ReadEndTag();
  bool ReadAttribute(size_t* pos);
  bool ReadAttributeValue(size_t* pos, GumboAttribute* attr);
  bool ReadTagName(size_t* pos, GumboTag* tag);

  std::string_view in_;
  FastArena* arena_;
  size_t pos_ = 0;
  bool declined_ = false;
  bool clean_ = false;        // the input passed IsCleanUtf8
  GumboTag raw_tag_ = GUMBO_TAG_LAST;  // inside <script>/<style>/<iframe>/<title>
  std::string raw_name_;      // its name, for finding the end tag
  std::string scratch_;       // decoded text of the current token
  std::vector<GumboAttribute*> attrs_;
};

// Whether `s` is valid UTF-8 without NUL, CR, other C0 controls (except \t
// and \n), DEL, C1 controls, surrogates or noncharacters: the characters
// gumbo passes through unchanged and without special cases.
bool IsCleanUtf8(std::string_view s);

}  // namespace zfxxgk::html

#endif  // ZFXXGK_PARSERS_HTML_FAST_TOKENIZER_H_
