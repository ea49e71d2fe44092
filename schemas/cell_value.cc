#include "schemas/cell_value.h"

#include <re2/re2.h>

#include <cstdlib>
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

// NFKC, no white space, no commas between digits, dashes folded.
std::string Canonical(std::string_view raw) {
  std::string s = NormalizeForMatch(raw);
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    bool digit_comma = s[i] == ',' && i > 0 && i + 1 < s.size() &&
                       isdigit(static_cast<unsigned char>(s[i - 1])) &&
                       isdigit(static_cast<unsigned char>(s[i + 1]));
    if (!digit_comma) out.push_back(s[i]);
  }
  return out;
}

void SetNumber(CellOut& cell, const std::string& num) {
  cell.value = std::strtod(num.c_str(), nullptr);
  cell.integral = num.find('.') == std::string::npos;
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

CellOut ParseCellText(std::string_view raw) {
  CellOut cell;
  cell.raw = CollapseSpaces(raw);
  std::string s = Canonical(raw);
  const CellRules& r = Rules();
  std::string num, sign, unit;
  if (s.empty()) {
    cell.status = CellStatus::kBlank;
  } else if (RE2::PartialMatch(NormalizeNfkc(cell.raw), r.spaced_digits)) {
    cell.status = CellStatus::kText;
  } else if (RE2::FullMatch(s, r.number, &num)) {
    cell.status = CellStatus::kNumber;
    SetNumber(cell, num);
  } else if (RE2::FullMatch(s, r.dash)) {
    cell.status = CellStatus::kDash;
  } else if (RE2::FullMatch(s, r.not_applicable)) {
    cell.status = CellStatus::kNotApplicable;
  } else if (RE2::FullMatch(s, r.signed_text, &sign, &num)) {
    cell.status = CellStatus::kText;
    SetNumber(cell, num);
    if (sign.rfind("减", 0) == 0) cell.value = -*cell.value;
  } else if (RE2::FullMatch(s, r.unit_text, &num, &unit)) {
    cell.status = CellStatus::kText;
    SetNumber(cell, num);
    cell.unit = unit;
  } else {
    cell.status = CellStatus::kText;
  }
  return cell;
}

bool LooksLikeValue(std::string_view raw) {
  CellOut cell = ParseCellText(raw);
  return cell.status != CellStatus::kText || cell.value.has_value();
}

}  // namespace zfxxgk
