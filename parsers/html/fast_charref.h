// Character references for the fast HTML path (internal to parsers/html).
// Decodes exactly the references whose meaning is certain and gumbo-equal,
// and says "decline" for everything else so the caller falls back to gumbo.
// Pure functions; thread-safe.
#ifndef ZFXXGK_PARSERS_HTML_FAST_CHARREF_H_
#define ZFXXGK_PARSERS_HTML_FAST_CHARREF_H_

#include <cstddef>
#include <string_view>

namespace zfxxgk::html {

struct CharRef {
  enum Kind {
    kLiteral,  // not a reference: the '&' is text, scanning goes on after it
    kDecoded,  // `utf8` replaces the first `consumed` bytes
    kDecline,  // a reference this path does not reproduce
  };
  Kind kind = kLiteral;
  size_t consumed = 0;
  std::string_view utf8;
};

// Reads the reference at `s` (REQUIRES: s[0] == '&'). Decoded: "&name;" for
// a small table of common names (nbsp, amp, lt, gt, quot, ldquo, ...) and
// "&#N;" / "&#xH;" for code points that are printable and not ASCII white
// space. Literal: '&' followed by something that cannot start a reference
// (no name of gumbo's legacy, semicolon-less set is a prefix of the letters
// that follow, and no ';' ends them). Everything else declines (unknown
// names, missing ';', C0/C1 controls, surrogates, noncharacters).
CharRef ReadCharRef(std::string_view s);

}  // namespace zfxxgk::html

#endif  // ZFXXGK_PARSERS_HTML_FAST_CHARREF_H_
