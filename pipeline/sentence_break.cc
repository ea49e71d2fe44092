#include "pipeline/sentence_break.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>

namespace zfxxgk {
namespace {

// The Sentence_Break classes the rules distinguish here; kLeftToIcu for the
// classes (Sp, Sep, CR, LF, Extend, Format), white space and ill-formed
// UTF-8 they do not handle.
enum class Sb : uint8_t {
  kOther,
  kOLetter,
  kUpper,
  kLower,
  kNumeric,
  kATerm,
  kSTerm,
  kClose,
  kSContinue,
  kLeftToIcu,
  kEnd,  // the end of the text (not a character)
};

// The class of `c` by ICU's Sentence_Break property. U+200B is white space
// for CollapseSpaces (normalize.h) though not for Unicode: left to ICU too.
Sb FromIcu(UChar32 c) {
  if (c == 0x200B) return Sb::kLeftToIcu;
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_OTHER: return Sb::kOther;
    case U_SB_OLETTER: return Sb::kOLetter;
    case U_SB_UPPER: return Sb::kUpper;
    case U_SB_LOWER: return Sb::kLower;
    case U_SB_NUMERIC: return Sb::kNumeric;
    case U_SB_ATERM: return Sb::kATerm;
    case U_SB_STERM: return Sb::kSTerm;
    case U_SB_CLOSE: return Sb::kClose;
    case U_SB_SCONTINUE: return Sb::kSContinue;
    default: return Sb::kLeftToIcu;
  }
}

// The classes of the common characters of a report, filled once from ICU:
// ASCII and CJK symbols and punctuation (U+3000..303F: 。、《》).
struct Tables {
  std::array<Sb, 0x80> ascii;
  std::array<Sb, 0x40> cjk_punctuation;
};

const Tables& GetTables() {
  static const Tables tables = [] {
    Tables t;
    for (UChar32 c = 0; c < 0x80; ++c) t.ascii[static_cast<size_t>(c)] = FromIcu(c);
    for (UChar32 c = 0; c < 0x40; ++c) t.cjk_punctuation[static_cast<size_t>(c)] = FromIcu(0x3000 + c);
    return t;
  }();
  return tables;
}

// Reads characters of one text forwards and backwards by their class.
class Reader {
 public:
  explicit Reader(std::string_view text)
      : p_(reinterpret_cast<const uint8_t*>(text.data())),
        n_(static_cast<int32_t>(text.size())),
        tables_(GetTables()) {}

  size_t size() const { return static_cast<size_t>(n_); }

  // The class of the character at `i`, moving `i` past it; kEnd at the end.
  Sb Next(size_t& i) const {
    int32_t at = static_cast<int32_t>(i);
    if (at >= n_) return Sb::kEnd;
    if (p_[at] < 0x80) {
      ++i;
      return tables_.ascii[p_[at]];
    }
    UChar32 c;
    U8_NEXT(p_, at, n_, c);
    i = static_cast<size_t>(at);
    return ClassOf(c);
  }
  // The class of the character before `i`, moving `i` to its start.
  // REQUIRES: i > 0.
  Sb Prev(size_t& i) const {
    int32_t at = static_cast<int32_t>(i);
    if (p_[at - 1] < 0x80) {
      --i;
      return tables_.ascii[p_[at - 1]];
    }
    UChar32 c;
    // A well-formed three-byte character ends here (most do) when its
    // bytes read forwards as one; otherwise ICU's backward decoder.
    int32_t start = at - 3;
    if (start >= 0 && (p_[start] & 0xF0) == 0xE0) {
      U8_NEXT(p_, start, at, c);
      if (c >= 0 && start == at) {
        i -= 3;
        return ClassOf(c);
      }
    }
    U8_PREV(p_, 0, at, c);
    i = static_cast<size_t>(at);
    return ClassOf(c);
  }

 private:
  // CJK unified ideographs U+4E00..9FFF are all assigned and OLetter
  // (Unicode 14 and later; sentence_break_test checks every one against ICU).
  Sb ClassOf(UChar32 c) const {
    if (c < 0) return Sb::kLeftToIcu;
    if (c < 0x80) return tables_.ascii[static_cast<size_t>(c)];
    if (c >= 0x4E00 && c <= 0x9FFF) return Sb::kOLetter;
    if (c >= 0x3000 && c < 0x3040) return tables_.cjk_punctuation[static_cast<size_t>(c - 0x3000)];
    return FromIcu(c);
  }

  const uint8_t* p_;
  int32_t n_;
  const Tables& tables_;
};

enum class Break { kNo, kYes, kUnknown };

bool IsSATerm(Sb c) { return c == Sb::kATerm || c == Sb::kSTerm; }

// SB8: ATerm Close* Sp* × (¬(OLetter|Upper|Lower|ParaSep|SATerm))* Lower,
// read from `q`, whose character is `next`.
Break KeptBySb8(const Reader& r, size_t q, Sb next) {
  size_t i = q;
  r.Next(i);
  for (Sb c = next;; c = r.Next(i)) {
    switch (c) {
      case Sb::kLower: return Break::kNo;
      case Sb::kLeftToIcu: return Break::kUnknown;
      case Sb::kOLetter: case Sb::kUpper: case Sb::kATerm: case Sb::kSTerm: case Sb::kEnd:
        return Break::kYes;
      default: break;
    }
  }
}

// Whether there is a sentence boundary before byte `q` (0 < q < size, on a
// character start), by UAX #29 SB6-SB11 for text without Sp, ParaSep,
// Extend and Format characters.
Break BreakBefore(const Reader& r, size_t q) {
  size_t t = q;
  Sb term = r.Prev(t);
  const bool adjacent = term != Sb::kClose;  // no Close between term and q
  while (term == Sb::kClose) {
    if (t == 0) return Break::kNo;
    term = r.Prev(t);
  }
  if (term == Sb::kLeftToIcu) return Break::kUnknown;
  if (!IsSATerm(term)) return Break::kNo;  // SB998
  size_t after = q;
  const Sb next = r.Next(after);
  if (next == Sb::kLeftToIcu) return Break::kUnknown;
  if (next == Sb::kSContinue || IsSATerm(next) || next == Sb::kClose) return Break::kNo;  // SB8a, SB9
  if (term == Sb::kSTerm) return Break::kYes;  // SB11
  if (adjacent && next == Sb::kNumeric) return Break::kNo;  // SB6
  if (adjacent && next == Sb::kUpper && t > 0) {            // SB7
    const Sb before = r.Prev(t);
    if (before == Sb::kLeftToIcu) return Break::kUnknown;
    if (before == Sb::kUpper || before == Sb::kLower) return Break::kNo;
  }
  return KeptBySb8(r, q, next);
}

// The last boundary at or before `at`.
std::optional<size_t> Start(const Reader& r, size_t at) {
  for (size_t q = at; q > 0;) {
    size_t before = q;
    const Sb c = r.Prev(before);
    if (c == Sb::kLeftToIcu) return std::nullopt;
    if (c == Sb::kClose || IsSATerm(c)) {
      const Break b = BreakBefore(r, q);
      if (b == Break::kUnknown) return std::nullopt;
      if (b == Break::kYes) return q;
    }
    q = before;
  }
  return 0;
}

// The first boundary after `at`.
std::optional<size_t> End(const Reader& r, size_t at) {
  for (size_t q = at; q < r.size();) {
    const Sb c = r.Next(q);
    if (c == Sb::kLeftToIcu) return std::nullopt;
    if (q < r.size() && (c == Sb::kClose || IsSATerm(c))) {
      const Break b = BreakBefore(r, q);
      if (b == Break::kUnknown) return std::nullopt;
      if (b == Break::kYes) return q;
    }
  }
  return r.size();
}

}  // namespace

std::optional<ByteSpan> SentenceAt(std::string_view utf8, size_t at) {
  const Reader r(utf8);
  const std::optional<size_t> begin = Start(r, at);
  if (!begin) return std::nullopt;
  const std::optional<size_t> end = End(r, at);
  if (!end) return std::nullopt;
  return ByteSpan{*begin, *end};
}

}  // namespace zfxxgk
