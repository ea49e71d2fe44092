#include "pipeline/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <string>

namespace zfxxgk {
namespace {

bool IsQuote(UChar32 c) {
  switch (c) {
    case 0x201C: case 0x201D: case 0x2018: case 0x2019: case '"': case '\'':
    case 0x300C: case 0x300D: case 0x300E: case 0x300F:
      return true;
    default:
      return false;
  }
}

bool IsDash(UChar32 c) {
  return c == 0x2014 || c == 0xFF0D || c == 0x2013 || c == 0x2012 ||
         c == 0x2015 || c == 0x2212;
}

bool IsSpace(UChar32 c) {
  return u_isUWhiteSpace(c) || c == 0x3000 || c == 0xA0 || c == 0x200B ||
         c == 0xFEFF;
}

}  // namespace

std::string NormalizeNfkc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (U_FAILURE(status)) return std::string(utf8);
  icu::UnicodeString out = nfkc->normalize(in, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string result;
  out.toUTF8String(result);
  return result;
}

std::string NormalizeForMatch(std::string_view utf8) {
  return NormalizeForMatchWithSpaces(utf8).text;
}

MatchText NormalizeForMatchWithSpaces(std::string_view utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(NormalizeNfkc(utf8));
  MatchText out;
  bool space = false;
  UChar32 prev = 0;
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    i += U16_LENGTH(c);
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (IsQuote(c)) continue;
    if (IsDash(c)) c = '-';
    if (c == 0x5B83 && prev == 0x5176) c = 0x4ED6;  // 其它 -> 其他
    prev = c;
    std::string piece;
    icu::UnicodeString(c).toUTF8String(piece);
    for (size_t k = 0; k < piece.size(); ++k) out.space_before.push_back(space && k == 0);
    out.text += piece;
    space = false;
  }
  out.space_before.push_back(space);
  return out;
}

std::string CollapseSpaces(std::string_view utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString out;
  bool pending_space = false;
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    i += U16_LENGTH(c);
    if (IsSpace(c)) {
      pending_space = out.length() > 0;
      continue;
    }
    if (pending_space) out.append(static_cast<UChar>(' '));
    pending_space = false;
    out.append(c);
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

}  // namespace zfxxgk
