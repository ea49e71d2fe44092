#include "pipeline/ocr_text.h"

#include <algorithm>
#include <cctype>

#include "pipeline/normalize.h"

namespace zfxxgk {
namespace {

bool IsAsciiLetter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// Decodes the UTF-8 code point at s[i] (lead byte); 0xFFFD when invalid.
char32_t CodePointAt(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return c;
  int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  if (n == 0 || i + n >= s.size()) return 0xFFFD;
  char32_t cp = c & (0x3F >> n);
  for (int k = 1; k <= n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return cp;
}

bool IsIdeograph(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F);
}

}  // namespace

std::string JoinCellWords(std::vector<OcrWord> words) {
  std::stable_sort(words.begin(), words.end(), [](const OcrWord& a, const OcrWord& b) {
    return a.line != b.line ? a.line < b.line : a.box.x0 < b.box.x0;
  });
  std::string text;
  for (const OcrWord& w : words) {
    if (w.text.empty()) continue;
    if (!text.empty() && IsAsciiLetter(text.back()) && IsAsciiLetter(w.text.front())) {
      text += ' ';
    }
    text += w.text;
  }
  return text;
}

bool IsNumberText(std::string_view text) {
  std::string t = NormalizeNfkc(text);
  size_t i = 0;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
  size_t digits = 0, dots = 0;
  for (; i < t.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(t[i]))) {
      ++digits;
    } else if (t[i] == '.' && digits > 0 && dots == 0) {
      ++dots;
    } else {
      return false;
    }
  }
  return digits > 0 && t.back() != '.';
}

int CountIdeographs(std::string_view text) {
  int n = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0xC0 && IsIdeograph(CodePointAt(text, i))) ++n;
  }
  return n;
}

bool HasIdeograph(std::string_view text) { return CountIdeographs(text) > 0; }

bool LooksLikeNumberCell(std::string_view text) {
  return !HasIdeograph(text) &&
         std::any_of(text.begin(), text.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

double LowestConfidence(const std::vector<OcrWord>& words) {
  double lowest = 1.0;
  for (const OcrWord& w : words) lowest = std::min(lowest, w.confidence);
  return lowest;
}

}  // namespace zfxxgk
