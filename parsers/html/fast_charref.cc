#include "parsers/html/fast_charref.h"

#include <array>
#include <cstdint>

#include "pipeline/ascii.h"

namespace zfxxgk::html {
namespace {

struct Named {
  std::string_view name;
  std::string_view utf8;
};

// Names decoded by the fast path (with their ';'); any other name declines.
constexpr std::array<Named, 34> kNamed = {{
    {"nbsp", "\u00A0"}, {"amp", "&"}, {"lt", "<"}, {"gt", ">"},
    {"quot", "\""}, {"apos", "'"}, {"copy", "\u00A9"}, {"reg", "\u00AE"},
    {"middot", "\u00B7"}, {"ldquo", "\u201C"}, {"rdquo", "\u201D"},
    {"lsquo", "\u2018"}, {"rsquo", "\u2019"}, {"hellip", "\u2026"},
    {"mdash", "\u2014"}, {"ndash", "\u2013"}, {"emsp", "\u2003"},
    {"ensp", "\u2002"}, {"thinsp", "\u2009"}, {"times", "\u00D7"},
    {"divide", "\u00F7"}, {"bull", "\u2022"}, {"yen", "\u00A5"},
    {"deg", "\u00B0"}, {"plusmn", "\u00B1"}, {"laquo", "\u00AB"},
    {"raquo", "\u00BB"}, {"sect", "\u00A7"}, {"trade", "\u2122"},
    {"rarr", "\u2192"}, {"larr", "\u2190"}, {"uarr", "\u2191"},
    {"darr", "\u2193"}, {"permil", "\u2030"},
}};

// Gumbo's names that match without a ';' (HTML's legacy set): when one is a
// prefix of the letters after '&', gumbo may decode it; the fast path declines.
constexpr std::array<std::string_view, 106> kLegacy = {
    "AElig", "AMP", "Aacute", "Acirc", "Agrave", "Aring", "Atilde", "Auml",
    "COPY", "Ccedil", "ETH", "Eacute", "Ecirc", "Egrave", "Euml", "GT",
    "Iacute", "Icirc", "Igrave", "Iuml", "LT", "Ntilde", "Oacute", "Ocirc",
    "Ograve", "Oslash", "Otilde", "Ouml", "QUOT", "REG", "THORN", "Uacute",
    "Ucirc", "Ugrave", "Uuml", "Yacute", "aacute", "acirc", "acute", "aelig",
    "agrave", "amp", "aring", "atilde", "auml", "brvbar", "ccedil", "cedil",
    "cent", "copy", "curren", "deg", "divide", "eacute", "ecirc", "egrave",
    "eth", "euml", "frac12", "frac14", "frac34", "gt", "iacute", "icirc",
    "iexcl", "igrave", "iquest", "iuml", "laquo", "lt", "macr", "micro",
    "middot", "nbsp", "not", "ntilde", "oacute", "ocirc", "ograve", "ordf",
    "ordm", "oslash", "otilde", "ouml", "para", "plusmn", "pound", "quot",
    "raquo", "reg", "sect", "shy", "sup1", "sup2", "sup3", "szlig", "thorn",
    "times", "uacute", "ucirc", "ugrave", "uml", "uuml", "yacute", "yen",
    "yuml"};


// UTF-8 of code point `cp` into `buf` (thread_local: the view outlives the call).
std::string_view EncodeUtf8(uint32_t cp) {
  thread_local char buf[4];
  if (cp < 0x800) {
    buf[0] = static_cast<char>(0xC0 | (cp >> 6));
    buf[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return {buf, 2};
  }
  if (cp < 0x10000) {
    buf[0] = static_cast<char>(0xE0 | (cp >> 12));
    buf[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    buf[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return {buf, 3};
  }
  buf[0] = static_cast<char>(0xF0 | (cp >> 18));
  buf[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  buf[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  buf[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return {buf, 4};
}

// Code points gumbo passes through unchanged and that are not white space:
// printable ASCII other than space, and non-control, non-surrogate,
// non-noncharacter code points from U+00A0 on.
bool IsPlainCodePoint(uint32_t cp) {
  if (cp > 0x20 && cp < 0x7F) return true;
  if (cp < 0xA0 || cp > 0x10FFFF) return false;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  if (cp >= 0xFDD0 && cp <= 0xFDEF) return false;
  return (cp & 0xFFFE) != 0xFFFE;
}

CharRef ReadNumeric(std::string_view s) {
  CharRef ref;
  ref.kind = CharRef::kDecline;
  size_t i = 2;
  const bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
  if (hex) ++i;
  const size_t digits_begin = i;
  uint32_t cp = 0;
  for (; i < s.size() && i - digits_begin < 8; ++i) {
    const char c = s[i];
    int d = -1;
    if (c >= '0' && c <= '9') d = c - '0';
    if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
    if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
    if (d < 0) break;
    cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
  }
  if (i == digits_begin || i >= s.size() || s[i] != ';') return ref;
  if (!IsPlainCodePoint(cp)) return ref;
  if (cp < 0x80) {
    thread_local char ascii;
    ascii = static_cast<char>(cp);
    ref.utf8 = std::string_view(&ascii, 1);
  } else {
    ref.utf8 = EncodeUtf8(cp);
  }
  ref.kind = CharRef::kDecoded;
  ref.consumed = i + 1;
  return ref;
}

}  // namespace

CharRef ReadCharRef(std::string_view s) {
  CharRef ref;
  if (s.size() < 2) return ref;  // a lone '&' at the end is text
  if (s[1] == '#') return ReadNumeric(s);
  size_t end = 1;
  while (end < s.size() && IsAsciiAlnum(s[end])) ++end;
  if (end == 1) return ref;  // '&' then space, '=', CJK, ...: text
  const std::string_view name = s.substr(1, end - 1);
  const bool semicolon = end < s.size() && s[end] == ';';
  if (semicolon) {
    for (const Named& n : kNamed) {
      if (n.name == name) {
        ref.kind = CharRef::kDecoded;
        ref.consumed = end + 1;
        ref.utf8 = n.utf8;
        return ref;
      }
    }
    ref.kind = CharRef::kDecline;  // maybe one of HTML's 2,000 other names
    return ref;
  }
  for (std::string_view legacy : kLegacy) {
    if (name.starts_with(legacy)) {
      ref.kind = CharRef::kDecline;
      return ref;
    }
  }
  return ref;  // "&list1=..." in a URL: text
}

}  // namespace zfxxgk::html
