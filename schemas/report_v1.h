// The report of contract schema_version "1" (../shared/spec/report-schema.md,
// Part B): typed, built from a Document, written as JSON.
//
//   StatusOr<ReportV1> report = BuildReport(doc);
//   if (report.ok()) std::string json = ToJson(*report, /*pretty=*/true);
//
// BuildReport never fixes a printed number: values are kept as printed and
// cells the input does not determine are kAmbiguous with their candidates.
#ifndef ZFXXGK_SCHEMAS_REPORT_V1_H_
#define ZFXXGK_SCHEMAS_REPORT_V1_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/status.h"
#include "schemas/cell_value.h"

namespace zfxxgk {

struct ReportMeta {
  std::string title;
  std::string organ;
  std::optional<int> year;
  std::string published;      // YYYY-MM-DD, empty = null
  std::string template_name;  // gov_2019 | gov_2021 | legacy | unknown
};

struct SectionOut {
  std::string key;      // "general_situation"; "preamble" has no heading
  std::string heading;
  std::string text;
};

struct ExtraRowOut {
  std::string table;    // "applications"
  std::string label;
  std::vector<std::pair<std::string, CellOut>> cells;
};

struct CheckOut {
  std::string id;        // "T3.1"
  std::string where;     // "applications.*.natural_person"
  std::string status;    // pass | fail | not_checkable
  std::optional<double> lhs;
  std::optional<double> rhs;
  std::string note;      // which cells made it not checkable, or what decided
};

struct ReportV1 {
  Source source;
  ReportMeta report;
  std::vector<SectionOut> sections;
  // Table cells by contract path below "tables." in emission order, e.g.
  // "applications.results.withheld.state_secret.natural_person".
  std::vector<std::pair<std::string, CellOut>> cells;
  std::vector<ExtraRowOut> extra;
  std::vector<CheckOut> checks;
  std::vector<Issue> issues;
};

// Maps a parsed document onto the contract. Returns kNotAReport when the
// document holds none of the report's tables.
// `utf8` is the decoded input (page metadata such as <meta name="PubDate">).
StatusOr<ReportV1> BuildReport(const Document& doc, std::string_view utf8);

// JSON text of `report` (keys in contract order). `pretty` indents by 2.
std::string ToJson(const ReportV1& report, bool pretty);
// The same, written into `storage`'s memory (its contents are discarded):
// a caller writing many reports passes the previous text back in and
// allocates once.
std::string ToJson(const ReportV1& report, bool pretty, std::string storage);

}  // namespace zfxxgk

#endif  // ZFXXGK_SCHEMAS_REPORT_V1_H_
