#include "pipeline/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <string>

#include "pipeline/plain_run.h"
#include "pipeline/utf8.h"

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

bool IsSpaceSlow(UChar32 c) {
  return u_isUWhiteSpace(c) || c == 0x3000 || c == 0xA0 || c == 0x200B ||
         c == 0xFEFF;
}

// IsSpaceSlow for ASCII: Unicode's White_Space has U+0009..U+000D and U+0020
// there (normalize_test checks this against ICU).
constexpr bool IsAsciiSpace(UChar32 c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// IsSpaceSlow, with ASCII answered by IsAsciiSpace. Unicode's White_Space
// set (PropList.txt, stable) has nothing above U+3000, so above it only
// U+FEFF is a space.
inline bool IsSpace(UChar32 c) {
  if (c >= 0 && c < 128) return IsAsciiSpace(c);
  return c > 0x3000 ? c == 0xFEFF : IsSpaceSlow(c);
}

// Characters NFKC keeps as they are or maps to ASCII, and that never
// combine with a neighbour: ASCII, full-width ASCII and CJK unified
// ideographs.
bool IsPlainStarter(UChar32 c) {
  return (c >= 0 && c < 0x80) || (c >= 0xFF01 && c <= 0xFF5E) || (c >= 0x4E00 && c <= 0x9FFF);
}

// The CJK unified ideograph (U+4E00..9FFF) encoded at p[i], or 0 when the
// bytes there are anything else: the common character of a report, read
// without the general decoder. Such a character is well-formed, inert under
// NFKC, and neither white space, a quote mark nor a dash.
inline UChar32 Ideograph(const uint8_t* p, int32_t i, int32_t n) {
  if (p[i] < 0xE4 || p[i] > 0xE9 || i + 2 >= n || (p[i + 1] & 0xC0) != 0x80 ||
      (p[i + 2] & 0xC0) != 0x80) {
    return 0;
  }
  const UChar32 c = ((p[i] & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
  return c >= 0x4E00 ? c : 0;
}

// The reference implementations, through UTF-16; used for ill-formed UTF-8
// (each ill-formed sequence becomes U+FFFD exactly as ICU's fromUTF8 does).
std::string NormalizeNfkcUtf16(std::string_view utf8) {
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

std::string CollapseSpacesUtf16(std::string_view utf8) {
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

}  // namespace

std::string NormalizeNfkc(std::string_view utf8) {
  const Utf8Scan scan = ScanUtf8(utf8);
  if (!scan.valid) return NormalizeNfkcUtf16(utf8);
  if (scan.non_ascii == 0) return std::string(utf8);  // ASCII is NFKC-stable
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string result;
  result.reserve(utf8.size());
  icu::StringByteSink<std::string> sink(&result);
  nfkc->normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())),
                      sink, nullptr, status);
  if (U_FAILURE(status)) return std::string(utf8);
  return result;
}

int32_t FirstMatchChar(std::string_view utf8) {
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return -1;
    const UChar32 folded = c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c;
    if (IsSpace(c) || IsQuote(folded)) continue;  // dropped by NormalizeForMatch
    if (!IsPlainStarter(c)) return -1;
    if (i == n) return folded;
    UChar32 next;
    U8_NEXT(p, i, n, next);
    const bool inert = next >= 0 && (IsPlainStarter(next) || IsSpace(next) || IsQuote(next));
    return inert ? folded : -1;
  }
  return -1;
}

std::string NormalizeForMatch(std::string_view utf8) {
  return NormalizeForMatchWithSpaces(utf8).text;
}

bool MatchText::SpaceBefore(size_t i) const {
  return std::binary_search(spaces.begin(), spaces.end(), i);
}

namespace {

// Builds a MatchText from NFKC code points: drops white space (noting it)
// and quote marks, folds dashes and 其它. The bytes that follow white space
// are listed (MatchText::spaces): most text has none.
class MatchTextBuilder {
 public:
  explicit MatchTextBuilder(size_t size) { out_.text.reserve(size); }
  // `c` encoded as the `len` bytes at `utf8` (its UTF-8 form), or encoded
  // here when `utf8` is null.
  void Add(UChar32 c, const char* utf8 = nullptr, int32_t len = 0) {
    if (c < 0x80) {
      AddAscii(static_cast<char>(c));
      return;
    }
    if (IsSpace(c)) {
      space_ = true;
      return;
    }
    if (IsQuote(c)) return;
    if (IsDash(c)) {
      c = '-';
      utf8 = nullptr;
    }
    if (c == 0x5B83 && prev_ == 0x5176) {  // 其它 -> 其他
      c = 0x4ED6;
      utf8 = nullptr;
    }
    prev_ = c;
    MarkSpace();
    if (utf8 != nullptr) {
      out_.text.append(utf8, static_cast<size_t>(len));
    } else {
      char buf[U8_MAX_LENGTH];
      int32_t n = 0;
      U8_APPEND_UNSAFE(buf, n, c);
      out_.text.append(buf, static_cast<size_t>(n));
    }
  }
  void AddAscii(char c) {
    if (IsAsciiSpace(c)) {
      space_ = true;
      return;
    }
    if (c == '"' || c == '\'') return;  // the ASCII quote marks
    prev_ = c;
    MarkSpace();
    out_.text.push_back(c);
  }
  // `n` bytes of well-formed text that NFKC and the folding keep as they
  // are, without white space or quote marks; `last` is their last character.
  void Verbatim(const char* utf8, size_t n, UChar32 last) {
    MarkSpace();
    out_.text.append(utf8, n);
    prev_ = last;
  }
  MatchText Finish() {
    MarkSpace();
    return std::move(out_);
  }

 private:
  void MarkSpace() {
    if (space_) out_.spaces.push_back(out_.text.size());
    space_ = false;
  }

  MatchText out_;
  bool space_ = false;
  UChar32 prev_ = 0;
};

// Whether NFKC keeps `c` and nothing combines with it: CJK unified
// ideographs, and whatever ICU calls normalization-inert.
bool IsNfkcInert(UChar32 c) {
  if (c >= 0x4E00 && c <= 0x9FFF) return true;
  static const icu::Normalizer2* nfkc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return nfkc != nullptr && nfkc->isInert(c);
}

// The CJK symbol or punctuation mark (U+3000..303F: 、。《》【】) encoded at
// p[i] when MatchTextDirect keeps it as it is (NFKC-inert, and neither white
// space, a quote mark nor a dash; decided once with ICU), or 0: the common
// punctuation of a report, without a call into ICU per character.
const std::array<bool, 64>& PlainCjkTable() {
  static const std::array<bool, 64> kPlain = [] {
    std::array<bool, 64> t{};
    for (UChar32 c = 0x3000; c < 0x3040; ++c) {
      t[c - 0x3000] = !IsSpace(c) && !IsQuote(c) && !IsDash(c) && IsNfkcInert(c);
    }
    return t;
  }();
  return kPlain;
}

UChar32 PlainCjkPunctuation(const uint8_t* p, int32_t i, int32_t n) {
  if (p[i] != 0xE3 || i + 2 >= n || p[i + 1] != 0x80 || (p[i + 2] & 0xC0) != 0x80) return 0;
  const UChar32 c = 0x3000 | (p[i + 2] & 0x3F);
  return PlainCjkTable()[c - 0x3000] ? c : 0;
}

// The three-byte character at `p`, its continuation bytes checked already.
UChar32 Decode3(const uint8_t* p) {
  return ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
}

#if defined(__SSE2__)

using plain_run::Classes;
using plain_run::Equal;
using plain_run::InRange;
using plain_run::PlainRun;

// CollapseSpaces keeps ASCII above ' ' and the three-byte characters of
// U+3000..FFFF that are not white space: of leads E4..EC and EE (U+4000..CFFF,
// U+E000..EFFF) all, of leads E3 and EF (CJK punctuation, full-width forms)
// all but U+3000 and U+FEFF (IsSpace). In the common case those two are
// told by their last two bytes: any xx 80 80 and xx BB BF is left to Keep,
// which leaves U+3000 itself to the caller. Lead ED, whose second byte is
// narrower, is not taken.
struct CollapseScheme {
  static Classes Classify(__m128i v) {
    const __m128i c80 = Equal(v, 0x80);
    const __m128i maybe_space =
        _mm_or_si128(_mm_and_si128(_mm_srli_si128(c80, 1), _mm_srli_si128(c80, 2)),
                     _mm_and_si128(Equal(_mm_srli_si128(v, 1), 0xBB),
                                   Equal(_mm_srli_si128(v, 2), 0xBF)));
    const __m128i leads = _mm_andnot_si128(Equal(v, 0xED), InRange(v, 0xE3, 0xEF - 0xE3));
    return {_mm_cmpgt_epi8(v, _mm_set1_epi8(' ')), _mm_andnot_si128(maybe_space, leads),
            _mm_and_si128(maybe_space, leads)};
  }
  static bool Keep(const uint8_t* c) {
    const UChar32 ch = Decode3(c);
    return ch > 0x3000 && !IsSpace(ch);
  }
};

// MatchTextDirect keeps ASCII above ' ' but the quote marks, the CJK
// unified ideographs (Ideograph: leads E4..E9, E4 only from U+4E00, with
// its second byte B8 and up) but 它 (E5 AE 83), which Add folds after 其,
// and the CJK punctuation PlainCjkPunctuation keeps (lead E3). The leads
// excluded are of no class, so they end the prefix: E4 below U+4E00, and
// that of 它 (with that of any xx AE 83, read as before).
struct MatchScheme {
  const std::array<bool, 64>& plain_cjk = PlainCjkTable();

  static Classes Classify(__m128i v) {
    const __m128i quote = _mm_or_si128(Equal(v, '"'), Equal(v, '\''));
    const __m128i next = _mm_srli_si128(v, 1);
    const __m128i below_4e00 =
        _mm_and_si128(Equal(v, 0xE4), _mm_cmplt_epi8(next, _mm_set1_epi8(static_cast<char>(0xB8))));
    const __m128i ta = _mm_and_si128(Equal(next, 0xAE), Equal(_mm_srli_si128(v, 2), 0x83));
    return {_mm_andnot_si128(quote, _mm_cmpgt_epi8(v, _mm_set1_epi8(' '))),
            _mm_andnot_si128(_mm_or_si128(below_4e00, ta), InRange(v, 0xE4, 0xE9 - 0xE4)),
            Equal(v, 0xE3)};
  }
  bool Keep(const uint8_t* c) const { return c[1] == 0x80 && plain_cjk[c[2] & 0x3F]; }
};

int32_t CollapsePlainRun(const uint8_t* p, int32_t i, int32_t n) {
  return PlainRun<CollapseScheme>(p, i, n);
}
int32_t MatchPlainRun(const uint8_t* p, int32_t i, int32_t n) {
  return PlainRun<MatchScheme>(p, i, n);
}

#else

int32_t CollapsePlainRun(const uint8_t*, int32_t i, int32_t) { return i; }
int32_t MatchPlainRun(const uint8_t*, int32_t i, int32_t) { return i; }

#endif

// The last character of a MatchPlainRun ending at `end`: ASCII or a
// three-byte character.
UChar32 LastRunChar(const uint8_t* end) { return end[-1] < 0x80 ? end[-1] : Decode3(end - 3); }

// NormalizeForMatchWithSpaces without ICU's normaliser, for well-formed text
// of which NFKC maps each character on its own, with nothing combining:
// ASCII, full-width ASCII (U+FF01..FF5E, NFKC's ASCII), white space (NFKC
// gives white space) and inert characters. False for any other text.
bool MatchTextDirect(std::string_view utf8, MatchTextBuilder& out) {
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  int32_t run = 0;     // start of the bytes kept as they are, not yet added
  UChar32 last = 0;    // the last character of that run
  auto flush = [&](int32_t end) {
    if (end > run) out.Verbatim(utf8.data() + run, static_cast<size_t>(end - run), last);
  };
  for (int32_t i = 0; i < n;) {
    if (const int32_t end = MatchPlainRun(p, i, n); end > i) {
      i = end;
      last = LastRunChar(p + i);
      if (i == n) break;
    }
    const int32_t start = i;
    UChar32 c = p[i];
    if (c < 0x80) {
      ++i;
      if (!IsAsciiSpace(c) && c != '"' && c != '\'') {
        last = c;
        continue;
      }
      flush(start);
      out.AddAscii(static_cast<char>(c));
      run = i;
      continue;
    }
    UChar32 plain = Ideograph(p, i, n);
    if (plain == 0) plain = PlainCjkPunctuation(p, i, n);
    if (plain > 0 && plain != 0x5B83) {  // 它 may follow 其: Add folds it
      i += 3;
      last = plain;
      continue;
    }
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
    flush(start);
    run = i;
    if (c >= 0xFF01 && c <= 0xFF5E) {
      out.Add(c - 0xFEE0);
      continue;
    }
    if (!IsSpace(c) && !IsNfkcInert(c)) return false;
    out.Add(c, utf8.data() + start, i - start);
  }
  flush(n);
  return true;
}

}  // namespace

MatchText NormalizeForMatchWithSpaces(std::string_view utf8) {
  MatchTextBuilder direct(utf8.size());
  if (MatchTextDirect(utf8, direct)) return direct.Finish();
  // NormalizeNfkc's output is well-formed UTF-8, so it is decoded in place.
  const std::string s = NormalizeNfkc(utf8);
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  MatchTextBuilder out(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT_UNSAFE(p, i, c);
    out.Add(c);
  }
  return out.Finish();
}

// Decodes as it goes; ill-formed UTF-8 takes the UTF-16 path (U+FFFD).
// Runs between white space are copied whole: most text has few spaces.
std::string CollapseSpaces(std::string_view utf8) {
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  std::string out;
  out.reserve(utf8.size());
  int32_t run = 0;  // start of the current run of non-space characters
  for (int32_t i = 0; i < n;) {
    i = CollapsePlainRun(p, i, n);
    if (i == n) break;
    const int32_t start = i;
    UChar32 c = p[i];
    if (c < 0x80) {
      ++i;
      if (!IsAsciiSpace(c)) continue;
    } else if (p[i] >= 0xE4 && p[i] <= 0xEE && p[i] != 0xED && i + 2 < n &&
               (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
      // U+4000..CFFF or U+E000..EFFF, well-formed: no white space there
      // (it lies below U+3001, and at U+FEFF).
      i += 3;
      continue;
    } else {
      U8_NEXT(p, i, n, c);
      if (c < 0) return CollapseSpacesUtf16(utf8);
      if (!IsSpace(c)) continue;
    }
    if (start > run) {
      if (!out.empty()) out.push_back(' ');
      out.append(utf8.data() + run, static_cast<size_t>(start - run));
    }
    run = i;
  }
  if (n > run) {
    if (!out.empty()) out.push_back(' ');
    out.append(utf8.data() + run, static_cast<size_t>(n - run));
  }
  return out;
}

int CountCodePoints(std::string_view utf8) {
  return static_cast<int>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace zfxxgk
