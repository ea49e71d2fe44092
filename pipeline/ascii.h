// ASCII character classes and case folding, as in the "C" locale (which the
// program never leaves) but without a library call per byte. Bytes >= 0x80
// are never letters or digits and are left unchanged.
#ifndef ZFXXGK_PIPELINE_ASCII_H_
#define ZFXXGK_PIPELINE_ASCII_H_

#include <string>
#include <string_view>

namespace zfxxgk {

constexpr bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }

// A-Z to a-z; every other byte unchanged.
constexpr char AsciiLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_ASCII_H_
