#include "parsers/pdf/text_quality.h"

#include <unicode/utf8.h>

#include <cstdint>

namespace zfxxgk::pdf {
namespace {

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
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  int judged = 0, plausible = 0;
  for (int32_t i = 0; i < n;) {
    UChar32 cp;
    U8_NEXT(p, i, n, cp);  // negative for invalid UTF-8
    if (cp >= 0 && IsSpace(cp)) continue;
    ++judged;
    plausible += cp >= 0 && Plausible(cp);
  }
  return judged == 0 ? 1.0 : double(plausible) / judged;
}

bool IsGarbageText(double share) { return share < 0.7; }

}  // namespace zfxxgk::pdf
