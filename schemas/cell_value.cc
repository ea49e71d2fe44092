#include "schemas/cell_value.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

#include "pipeline/normalize.h"

namespace zfxxgk {
namespace {

// Named cell rules, compiled once. Patterns run on NFKC text with white
// space and digit-group commas removed.
struct CellRules {
  RE2 number{R"(^(?P<num>[+-]?\d+(?:\.\d+)?)$)", RE2::Quiet};
  RE2 signed_text{R"(^(?P<sign>减少|增加|减|增)(?P<num>\d+(?:\.\d+)?)(?:个|项|件|条)?$)",
                  RE2::Quiet};
  RE2 unit_text{R"(^(?P<num>\d+(?:\.\d+)?)(?P<unit>万元|元|件|个|项|条)$)", RE2::Quiet};
  RE2 dash{R"(^-+$)", RE2::Quiet};
  RE2 not_applicable{R"(^[/\\]+$)", RE2::Quiet};
  // Digits separated by white space are several cells, not one number.
  RE2 spaced_digits{R"(\d\s+[-+]?\d)", RE2::Quiet};
};

const CellRules& Rules() {
  static const CellRules* rules = new CellRules();
  return *rules;
}

// NFKC, no white space, no commas between digits, dashes folded, from
// NormalizeForMatch text.
std::string CanonicalOfMatchText(const std::string& s) {
  if (s.find(',') == std::string::npos) return s;
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    bool digit_comma = s[i] == ',' && i > 0 && i + 1 < s.size() &&
                       isdigit(static_cast<unsigned char>(s[i - 1])) &&
                       isdigit(static_cast<unsigned char>(s[i + 1]));
    if (!digit_comma) out.push_back(s[i]);
  }
  return out;
}

// The value of `num`, a match of the number rule, when it is an integer of
// at most 15 digits: exact in a double, so the same value strtod gives (also
// -0.0 for "-0"), without strtod's general parsing. nullopt otherwise.
std::optional<double> SmallInteger(std::string_view num) {
  const bool negative = !num.empty() && num[0] == '-';
  if (!num.empty() && (num[0] == '-' || num[0] == '+')) num.remove_prefix(1);
  if (num.empty() || num.size() > 15) return std::nullopt;
  int64_t v = 0;
  for (char c : num) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  const double d = static_cast<double>(v);
  return negative ? -d : d;
}

void SetNumber(CellOut& cell, std::string_view num) {
  const std::optional<double> small = SmallInteger(num);
  cell.value = small ? *small : std::strtod(std::string(num).c_str(), nullptr);
  cell.integral = num.find('.') == std::string_view::npos;
}

// Whether `raw` is printable ASCII without white space ("12", "-", "/"):
// then it is its own CollapseSpaces form.
bool IsPrintableAsciiWord(std::string_view raw) {
  return std::all_of(raw.begin(), raw.end(), [](char c) { return c > ' ' && c < 0x7F; });
}

}  // namespace

const char* CellStatusName(CellStatus status) {
  switch (status) {
    case CellStatus::kNumber: return "number";
    case CellStatus::kBlank: return "blank";
    case CellStatus::kDash: return "dash";
    case CellStatus::kNotApplicable: return "not_applicable";
    case CellStatus::kText: return "text";
    case CellStatus::kMissing: return "missing";
    case CellStatus::kAmbiguous: return "ambiguous";
  }
  return "missing";
}

namespace {

// Whether one of the value rules (number, dash, "/", signed or unit text)
// could match canonical text starting with code point `c`: each starts with
// a digit, a sign, a slash or 减/增. When none can, the cell is text
// whatever else holds.
bool MayStartValue(int32_t c) {
  return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '/' || c == '\\' ||
         c == 0x51CF /* 减 */ || c == 0x589E /* 增 */;
}

bool MayBeValue(std::string_view s) {
  return MayStartValue(static_cast<unsigned char>(s[0])) || s.starts_with("减") ||
         s.starts_with("增");
}

// Whether every character of canonical text `s` occurs in some value rule:
// ASCII digits (RE2's \d), . + - / \ and the words 减少 增加 个 项 件 条 万元.
// Text with any other character matches none of them.
bool HasOnlyValueRuleChars(std::string_view s) {
  static constexpr std::string_view kWords[] = {"减", "少", "增", "加", "个", "项",
                                                "件", "条", "万", "元"};
  for (size_t i = 0; i < s.size();) {
    const char c = s[i];
    if ((c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-' || c == '/' || c == '\\') {
      ++i;
      continue;
    }
    bool word = false;
    for (std::string_view w : kWords) {
      if (s.compare(i, w.size(), w) == 0) {
        i += w.size();
        word = true;
        break;
      }
    }
    if (!word) return false;
  }
  return true;
}

// Whether `raw` holds a CJK unified ideograph (U+4E00..9FFF) that no value
// rule contains (all but 减少增加个项件条万元). Normalising keeps such a
// character as it is (NFKC leaves it alone, and an ill-formed byte before it
// becomes U+FFFD without taking it along), so the canonical text holds it and
// HasOnlyValueRuleChars rejects that text: the cell is text, found without
// normalising. Read byte by byte: 0xE4..0xE9 never continue a character.
bool HasNonValueIdeograph(std::string_view raw) {
  const auto* p = reinterpret_cast<const unsigned char*>(raw.data());
  for (size_t i = 0; i + 2 < raw.size(); ++i) {
    if (p[i] < 0xE4 || p[i] > 0xE9 || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80) {
      continue;
    }
    const int32_t c = ((p[i] & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
    switch (c) {
      case 0x51CF: case 0x5C11: case 0x589E: case 0x52A0: case 0x4E2A:  // 减少增加个
      case 0x9879: case 0x4EF6: case 0x6761: case 0x4E07: case 0x5143:  // 项件条万元
        break;
      default:
        if (c >= 0x4E00) return true;
    }
    i += 2;
  }
  return false;
}

// Any byte of RE2's \s ([\t\n\f\r ]): spaced_digits cannot match without one.
bool HasPerlSpace(std::string_view s) {
  return s.find_first_of(" \t\n\f\r") != std::string_view::npos;
}

// Digits separated by white space in the NFKC form of the collapsed text.
bool SpacedDigits(const std::string& collapsed) {
  const std::string nfkc = NormalizeNfkc(collapsed);
  return HasPerlSpace(nfkc) && RE2::PartialMatch(nfkc, Rules().spaced_digits);
}

// The value rules on canonical text `s`, in order; kText when none matches.
void MatchValueRules(const std::string& s, CellOut& cell) {
  const CellRules& r = Rules();
  std::string num, sign, unit;
  cell.status = CellStatus::kText;
  if (RE2::FullMatch(s, r.number, &num)) {
    cell.status = CellStatus::kNumber;
    SetNumber(cell, num);
  } else if (RE2::FullMatch(s, r.dash)) {
    cell.status = CellStatus::kDash;
  } else if (RE2::FullMatch(s, r.not_applicable)) {
    cell.status = CellStatus::kNotApplicable;
  } else if (RE2::FullMatch(s, r.signed_text, &sign, &num)) {
    SetNumber(cell, num);
    if (sign.rfind("减", 0) == 0) cell.value = -*cell.value;
  } else if (RE2::FullMatch(s, r.unit_text, &num, &unit)) {
    SetNumber(cell, num);
    cell.unit = unit;
  }
}

// Whether `s` is all ASCII and matches the number rule
// ([+-]?\d+(?:\.\d+)?): then it is its own canonical form.
bool IsPlainNumber(std::string_view s) {
  size_t i = !s.empty() && (s[0] == '+' || s[0] == '-') ? 1 : 0;
  const auto digits = [&] {
    const size_t from = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > from;
  };
  if (!digits()) return false;
  if (i == s.size()) return true;
  return s[i++] == '.' && digits() && i == s.size();
}

// The forms of a cell's text that Classify reads, computed only when needed
// unless the caller has them.
struct CellForms {
  const std::string* match_text = nullptr;  // NormalizeForMatch(raw)
  const std::string* collapsed = nullptr;   // CollapseSpaces(raw)
};

// Whether the canonical text of `raw` may start as a value does: false
// only when its first character rules out every value rule. The canonical
// text starts as the match text does (a comma it drops follows a digit).
bool MayStartAsValue(std::string_view raw, const std::string* match_text) {
  if (match_text != nullptr) return match_text->empty() || MayBeValue(*match_text);
  const int32_t first = FirstMatchChar(raw);  // of the match text, when known without it
  return first < 0 || MayStartValue(first);
}

// ParseCellText without `raw` (set by the caller when wanted). A plain
// number, an empty cell, or text whose first character rules out every
// value rule, is not normalised.
CellOut Classify(std::string_view raw, CellForms forms = {}) {
  CellOut cell;
  cell.status = CellStatus::kText;
  if (IsPlainNumber(raw)) {
    cell.status = CellStatus::kNumber;
    SetNumber(cell, raw);
    return cell;
  }
  if (raw.empty()) {  // NormalizeForMatch("") is ""
    cell.status = CellStatus::kBlank;
    return cell;
  }
  if (!MayStartAsValue(raw, forms.match_text)) return cell;
  if (HasNonValueIdeograph(raw)) return cell;  // so does Canonical(raw): no rule matches
  const std::string s = CanonicalOfMatchText(
      forms.match_text != nullptr ? *forms.match_text : NormalizeForMatch(raw));
  if (s.empty()) {
    cell.status = CellStatus::kBlank;
  } else if (MayBeValue(s) && HasOnlyValueRuleChars(s) &&
             !SpacedDigits(forms.collapsed != nullptr ? *forms.collapsed : CollapseSpaces(raw))) {
    MatchValueRules(s, cell);
  }
  return cell;
}

}  // namespace

CellOut ParseCellText(std::string_view raw) {
  CellOut cell = Classify(raw);
  if (IsPrintableAsciiWord(raw)) cell.raw.assign(raw);
  else cell.raw = CollapseSpaces(raw);
  return cell;
}

bool LooksLikeValue(std::string_view raw) {
  CellOut cell = Classify(raw);
  return cell.status != CellStatus::kText || cell.value.has_value();
}

bool LooksLikeValue(std::string_view raw, const std::string& match_text,
                    const std::string& collapsed) {
  CellOut cell = Classify(raw, CellForms{&match_text, &collapsed});
  return cell.status != CellStatus::kText || cell.value.has_value();
}

}  // namespace zfxxgk
