#include "parsers/pdf/text_quality.h"

#include <cstdint>

namespace zfxxgk::pdf {
namespace {

// Decodes the code point at `i` of `s` and advances `i`; -1 for invalid
// UTF-8 (one byte is consumed).
int32_t NextCodePoint(std::string_view s, size_t& i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  const int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return -1;
  }
  int32_t cp = len == 1 ? c : c & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    const unsigned char d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) {
      ++i;
      return -1;
    }
    cp = (cp << 6) | (d & 0x3F);
  }
  i += len;
  return cp;
}

bool InRange(int32_t cp, int32_t lo, int32_t hi) { return cp >= lo && cp <= hi; }

bool Plausible(int32_t cp) {
  return InRange(cp, 0x21, 0x7E) ||      // ASCII letters, digits, punctuation
         InRange(cp, 0x4E00, 0x9FFF) ||  // CJK unified ideographs
         InRange(cp, 0x3400, 0x4DBF) ||  // extension A
         InRange(cp, 0x3000, 0x303F) ||  // CJK symbols and punctuation
         InRange(cp, 0xFF00, 0xFFEF) ||  // full-width forms
         InRange(cp, 0x2000, 0x206F) ||  // general punctuation
         InRange(cp, 0x2460, 0x24FF) ||  // enclosed numbers ①
         InRange(cp, 0x2160, 0x217F) ||  // Roman numerals Ⅰ
         cp == 0xB7 || cp == 0xD7;       // · ×
}

bool IsSpace(int32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 || cp == 0xA0;
}

}  // namespace

double PlausibleShare(std::string_view text) {
  int judged = 0, plausible = 0;
  for (size_t i = 0; i < text.size();) {
    const int32_t cp = NextCodePoint(text, i);
    if (cp >= 0 && IsSpace(cp)) continue;
    ++judged;
    plausible += cp >= 0 && Plausible(cp);
  }
  return judged == 0 ? 1.0 : double(plausible) / judged;
}

bool IsGarbageText(double share) { return share < 0.7; }

}  // namespace zfxxgk::pdf
