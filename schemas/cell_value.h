// A table cell of the output contract: value, raw text and status.
//
// ParseCellText classifies what a report printed in a cell. Blank is not 0,
// "/" is not "-", and text such as "减4" or "251000元" keeps its text status
// while still giving a value when that value is unambiguous.
// Thread-safe (the RE2 rules are compiled once, on first use).
#ifndef ZFXXGK_SCHEMAS_CELL_VALUE_H_
#define ZFXXGK_SCHEMAS_CELL_VALUE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"

namespace zfxxgk {

enum class CellStatus {
  kNumber,         // value set ("0" is a number)
  kBlank,          // empty cell, value null
  kDash,           // "-", "—", "－"
  kNotApplicable,  // "/", "／"
  kText,           // other text; value set only when unambiguous
  kMissing,        // the cell is not in the input
  kAmbiguous,      // several values possible: see candidates
};

const char* CellStatusName(CellStatus status);

struct CellOut {
  CellStatus status = CellStatus::kMissing;
  std::optional<double> value;
  bool integral = true;             // emit value as an integer
  std::string raw;                  // text as printed
  std::string unit;                 // "元", "万元" when printed in the cell
  std::vector<std::string> candidates;  // kAmbiguous: possible raw texts
  bool candidate_absent = false;        // kAmbiguous: "no value" is possible too
  Provenance prov;
};

// Classifies the printed text of one cell. `raw` is kept verbatim (trimmed);
// matching uses its NFKC form.
// Examples: "" -> blank; "0" -> number 0; "-70" -> number -70;
// "／" -> not_applicable; "减4" -> text, value -4; "251000元" -> text,
// value 251000, unit 元; "189538647.5" -> number 189538647.5 (not integral).
CellOut ParseCellText(std::string_view raw);

// Whether `raw` looks like a cell value rather than a label: a number,
// blank, dash, "/", or a short signed/unit text that ParseCellText gives a
// value for.
bool LooksLikeValue(std::string_view raw);

// LooksLikeValue(raw) for a caller that holds raw's other forms already:
// `match_text` == NormalizeForMatch(raw), `collapsed` == CollapseSpaces(raw).
bool LooksLikeValue(std::string_view raw, const std::string& match_text,
                    const std::string& collapsed);

}  // namespace zfxxgk

#endif  // ZFXXGK_SCHEMAS_CELL_VALUE_H_
