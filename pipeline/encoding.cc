#include "pipeline/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/ascii.h"
#include "pipeline/utf8.h"

namespace zfxxgk {
namespace {

constexpr size_t kBinaryProbeBytes = 8192;
constexpr size_t kCharsetProbeBytes = 4096;

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}


// Converts `bytes` from the ICU charset `name` to UTF-8. With `strict`,
// an illegal or unmappable sequence fails with kInvalidArgument; otherwise it
// becomes U+FFFD. An unknown charset name fails with kInternal.
StatusOr<std::string> ConvertToUtf8(std::string_view bytes, const char* name,
                                    bool strict) {
  if (bytes.size() > static_cast<size_t>(INT32_MAX / 2)) {
    return Status(StatusCode::kUnsupportedFormat, "input too large to decode");
  }
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr conv(ucnv_open(name, &err));
  if (U_FAILURE(err)) {
    return Status(StatusCode::kInternal,
                  std::string("ICU has no converter for ") + name);
  }
  if (strict) {
    ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr,
                        nullptr, &err);
  }
  const auto len = static_cast<int32_t>(bytes.size());
  std::vector<UChar> buf(static_cast<size_t>(len) * 2 + 2);
  int32_t out_len = ucnv_toUChars(conv.get(), buf.data(),
                                  static_cast<int32_t>(buf.size()),
                                  bytes.data(), len, &err);
  if (U_FAILURE(err)) {
    return Status(StatusCode::kInvalidArgument,
                  std::string("bytes are not valid ") + name);
  }
  std::string out;
  icu::UnicodeString(buf.data(), out_len).toUTF8String(out);
  return out;
}

// NUL bytes in the first 8 KB, or more than 5% control characters
// (CountBinaryControlBytes).
bool LooksBinary(std::string_view bytes) {
  std::string_view probe = bytes.substr(0, kBinaryProbeBytes);
  if (probe.find('\0') != std::string_view::npos) return true;
  return !probe.empty() && CountBinaryControlBytes(probe) * 20 > probe.size();
}

// Whether a UTF-16 code unit is likely in a report: ASCII text and white
// space, Latin-1, general punctuation, CJK symbols and ideographs, fullwidth
// forms, and surrogates (checked for pairing by the decoder).
bool PlausibleUtf16Unit(uint16_t u) {
  if (u >= 0x20 && u < 0x7f) return true;
  if (u == '\t' || u == '\n' || u == '\r' || u == '\f') return true;
  return (u >= 0xa0 && u <= 0xff) || (u >= 0x2000 && u <= 0x27bf) ||
         (u >= 0x3000 && u <= 0x33ff) || (u >= 0x3400 && u <= 0x9fff) ||
         (u >= 0xd800 && u <= 0xdfff) || (u >= 0xf900 && u <= 0xfaff) ||
         (u >= 0xfe30 && u <= 0xfe4f) || (u >= 0xff00 && u <= 0xffef);
}

// Share (0-1) of the code units of `probe`, read as UTF-16 in the given byte
// order, that PlausibleUtf16Unit accepts.
double PlausibleUtf16Share(std::string_view probe, bool big_endian) {
  const size_t pairs = probe.size() / 2;
  size_t plausible = 0;
  for (size_t i = 0; i + 1 < probe.size(); i += 2) {
    const auto a = static_cast<uint8_t>(probe[i]);
    const auto b = static_cast<uint8_t>(probe[i + 1]);
    const auto unit = static_cast<uint16_t>(big_endian ? (a << 8) | b : (b << 8) | a);
    plausible += PlausibleUtf16Unit(unit);
  }
  return pairs == 0 ? 0 : static_cast<double>(plausible) / static_cast<double>(pairs);
}

// UTF-16 without a BOM. ASCII-heavy text has NULs at every other byte; text
// that is mostly CJK has few NULs (line ends, digits), so a probe with any
// NUL byte (never in 8-bit text) is also taken as UTF-16 when nearly all its
// code units are plausible report text in one byte order and far fewer in
// the other.
std::optional<const char*> SniffBomlessUtf16(std::string_view bytes) {
  std::string_view probe = bytes.substr(0, kCharsetProbeBytes);
  size_t pairs = probe.size() / 2;
  if (pairs < 4) return std::nullopt;
  // Without a NUL byte no test below can pass (memchr is cheap).
  if (probe.find('\0') == std::string_view::npos) return std::nullopt;
  size_t even_nul = 0, odd_nul = 0;
  for (size_t i = 0; i + 1 < probe.size(); i += 2) {
    if (probe[i] == 0) ++even_nul;
    if (probe[i + 1] == 0) ++odd_nul;
  }
  if (odd_nul * 10 >= pairs * 4 && even_nul * 20 < pairs) return "utf-16le";
  if (even_nul * 10 >= pairs * 4 && odd_nul * 20 < pairs) return "utf-16be";
  if (even_nul + odd_nul == 0) return std::nullopt;
  const double le = PlausibleUtf16Share(probe, false);
  const double be = PlausibleUtf16Share(probe, true);
  if (le >= 0.95 && be <= 0.85) return "utf-16le";
  if (be >= 0.95 && le <= 0.85) return "utf-16be";
  return std::nullopt;
}

bool IsSpaceCodePoint(UChar32 c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0d) || c == 0xa0 || c == 0x3000 ||
         c == 0xfeff || (c >= 0x2000 && c <= 0x200b);
}

bool IsBlank(std::string_view utf8) {
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t i = 0;
  const auto n = static_cast<int32_t>(utf8.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (!IsSpaceCodePoint(c)) return false;
  }
  return true;
}

bool IsCjkOrCommon(UChar32 c) {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) ||
         (c >= 0xf900 && c <= 0xfaff) || (c >= 0x3000 && c <= 0x303f) ||
         (c >= 0xff00 && c <= 0xffef) || (c >= 0x2000 && c <= 0x206f) ||
         (c >= 0x2460 && c <= 0x24ff) || (c >= 0x00a0 && c <= 0x00ff) ||
         (c >= 0x2100 && c <= 0x22ff) || (c >= 0x25a0 && c <= 0x25ff) ||
         (c >= 0x0391 && c <= 0x03c9) || (c >= 0x0410 && c <= 0x044f);
}

// GB18030-decoded text is plausible when it has no U+FFFD and at least 90%
// of its non-ASCII code points are CJK, CJK punctuation or common symbols
// (wrongly decoded bytes spread over private-use and rare ranges).
bool PlausibleCjkText(std::string_view utf8) {
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t i = 0;
  const auto n = static_cast<int32_t>(utf8.size());
  size_t non_ascii = 0, good = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0 || c == 0xfffd) return false;
    if (c < 0x80) continue;
    ++non_ascii;
    if (IsCjkOrCommon(c)) ++good;
  }
  return good * 10 >= non_ascii * 9;
}

// Maps a declared charset label to the ICU converter name and the name we
// report. The GB family maps to GB18030. nullopt for labels we ignore.
std::optional<std::string> CanonicalCharset(std::string label) {
  static constexpr std::array<std::string_view, 12> kGbLabels = {
      "gbk", "gb2312", "gb18030", "x-gbk", "cp936", "windows-936",
      "gb_2312-80", "csgb2312", "euc-cn", "x-euc-cn", "chinese", "ms936"};
  label = AsciiLower(label);
  if (std::find(kGbLabels.begin(), kGbLabels.end(), label) != kGbLabels.end()) {
    return "gb18030";
  }
  if (label == "utf8" || label == "utf-8" || label == "unicode-1-1-utf-8") {
    return "utf-8";
  }
  // A page that says utf-16/32 but reached us without a BOM is ASCII-based.
  if (StartsWith(label, "utf-16") || StartsWith(label, "utf-32") ||
      label.empty()) {
    return std::nullopt;
  }
  return label;
}

// Reads the value after `charset` in one <meta ...> tag, if any.
std::optional<std::string> CharsetInMetaTag(std::string_view tag) {
  size_t pos = tag.find("charset");
  if (pos == std::string_view::npos) return std::nullopt;
  size_t i = pos + 7;
  auto skip_spaces = [&] {
    while (i < tag.size() && std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
  };
  skip_spaces();
  if (i >= tag.size() || tag[i] != '=') return std::nullopt;
  ++i;
  skip_spaces();
  while (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) ++i;
  size_t begin = i;
  while (i < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[i])) ||
                            tag[i] == '-' || tag[i] == '_' || tag[i] == '.' ||
                            tag[i] == ':')) {
    ++i;
  }
  if (i == begin) return std::nullopt;
  return std::string(tag.substr(begin, i - begin));
}

// The first charset declared by a <meta> tag in the first 4 KB.
std::optional<std::string> DeclaredCharset(std::string_view bytes) {
  const std::string_view probe = bytes.substr(0, kCharsetProbeBytes);
  if (probe.find('<') == std::string_view::npos) return std::nullopt;  // no tag, no <meta>
  const std::string head = AsciiLower(probe);
  for (size_t pos = head.find("<meta"); pos != std::string::npos;
       pos = head.find("<meta", pos + 5)) {
    size_t end = head.find('>', pos);
    std::string_view tag(head);
    tag = tag.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    if (auto label = CharsetInMetaTag(tag)) return CanonicalCharset(*label);
  }
  return std::nullopt;
}

StatusOr<DecodedText> Finish(std::string utf8, std::string encoding) {
  if (StartsWith(utf8, "\xEF\xBB\xBF")) utf8.erase(0, 3);
  if (IsBlank(utf8)) {
    return Status(StatusCode::kEmptyInput, "input has only white space");
  }
  return DecodedText{std::move(utf8), std::move(encoding)};
}

StatusOr<DecodedText> DecodeUtf16(std::string_view bytes, const char* name) {
  StatusOr<std::string> utf8 = ConvertToUtf8(bytes, name, /*strict=*/false);
  if (!utf8.ok()) return utf8.status();
  if (LooksBinary(*utf8)) {
    return Status(StatusCode::kUnsupportedFormat, "binary input");
  }
  return Finish(std::move(utf8).value(), name);
}

// The declared charset decodes the bytes cleanly, and the bytes are not
// UTF-8 text with a legacy label (UTF-8 CJK also decodes as GB18030).
std::optional<DecodedText> TryDeclared(std::string_view bytes,
                                       const std::string& charset) {
  const Utf8Scan scan = ScanUtf8(bytes);
  if (charset == "utf-8") {
    if (!scan.valid) return std::nullopt;
    return DecodedText{std::string(bytes), "utf-8"};
  }
  if (scan.valid && scan.non_ascii >= 2) return std::nullopt;
  StatusOr<std::string> utf8 = ConvertToUtf8(bytes, charset.c_str(), true);
  if (!utf8.ok()) return std::nullopt;
  return DecodedText{std::move(utf8).value(), charset};
}

// ICU's detector as a last hint; lossy GB18030 when it has nothing usable.
StatusOr<DecodedText> DetectWithIcu(std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> det(ucsdet_open(&err));
  std::string name;
  if (U_SUCCESS(err)) {
    ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(bytes.size()),
                   &err);
    const UCharsetMatch* match = ucsdet_detect(det.get(), &err);
    if (U_SUCCESS(err) && match != nullptr) {
      const char* n = ucsdet_getName(match, &err);
      if (U_SUCCESS(err) && n != nullptr) name = AsciiLower(n);
    }
  }
  if (auto canonical = CanonicalCharset(name)) {
    StatusOr<std::string> utf8 = ConvertToUtf8(bytes, canonical->c_str(), true);
    if (utf8.ok()) return DecodedText{std::move(utf8).value(), *canonical};
  }
  StatusOr<std::string> lossy = ConvertToUtf8(bytes, "gb18030", false);
  if (!lossy.ok()) return lossy.status();
  return DecodedText{std::move(lossy).value(), "gb18030"};
}

StatusOr<DecodedText> Detect(std::string_view bytes) {
  if (IsValidUtf8(bytes)) {
    return DecodedText{std::string(bytes), "utf-8"};
  }
  StatusOr<std::string> gb = ConvertToUtf8(bytes, "gb18030", /*strict=*/true);
  if (gb.ok() && PlausibleCjkText(*gb)) {
    return DecodedText{std::move(gb).value(), "gb18030"};
  }
  return DetectWithIcu(bytes);
}

}  // namespace

StatusOr<DecodedText> DecodeToUtf8(std::string_view bytes) {
  if (bytes.empty()) return Status(StatusCode::kEmptyInput, "input is empty");
  if (StartsWith(bytes, "\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    StatusOr<std::string> utf8 = ConvertToUtf8(bytes, "utf-8", false);
    if (!utf8.ok()) return utf8.status();
    if (LooksBinary(*utf8)) {
      return Status(StatusCode::kUnsupportedFormat, "binary input");
    }
    return Finish(std::move(utf8).value(), "utf-8");
  }
  if (StartsWith(bytes, "\xFF\xFE")) return DecodeUtf16(bytes.substr(2), "utf-16le");
  if (StartsWith(bytes, "\xFE\xFF")) return DecodeUtf16(bytes.substr(2), "utf-16be");
  if (auto utf16 = SniffBomlessUtf16(bytes)) return DecodeUtf16(bytes, *utf16);
  if (LooksBinary(bytes)) {
    return Status(StatusCode::kUnsupportedFormat, "binary input");
  }
  if (auto declared = DeclaredCharset(bytes)) {
    if (auto text = TryDeclared(bytes, *declared)) {
      return Finish(std::move(text->utf8), std::move(text->encoding));
    }
  }
  StatusOr<DecodedText> detected = Detect(bytes);
  if (!detected.ok()) return detected.status();
  return Finish(std::move(detected->utf8), std::move(detected->encoding));
}

}  // namespace zfxxgk
