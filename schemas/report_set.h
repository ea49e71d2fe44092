// Findings over a set of extracted reports: which inputs are the same
// report, and the cross-year identity X.1 (../shared/spec/report-schema.md).
//
//   std::vector<ReportV1> reports = ...;          // extracted, in any order
//   SetFindings findings = AnalyzeReportSet(reports);
//   for (const BodyFindings& body : findings.bodies) ...
//
// Reports are grouped by body (NormalizeOrgan of report.organ). Within a
// body:
// - reports of the same year are two inputs of one report (a text dump and
//   its HTML page): they are compared cell by cell over ReportV1::cells;
// - consecutive years N−1 → N are linked by X.1: for every column of table
//   三, applications.carried_over.<col> of year N equals
//   applications.carried_forward.<col> of year N−1. A year whose N−1 is not
//   in the set has "no previous year" (information, not a failure);
// - with gov_2021 keys in both years, an informational note compares
//   table 二 art20_item1 in_force_count(N) with in_force_count(N−1) +
//   issued_count(N) − repealed_count(N) (revisions and expiries make it
//   differ legitimately, so it is never a failure).
// The reports are only read, never changed. Where a year has several inputs,
// a cell is read from the first input (input order) that gives it a number;
// inputs giving different numbers make the check not_checkable.
// Pure functions; thread-safe; no I/O, no printing.
#ifndef ZFXXGK_SCHEMAS_REPORT_SET_H_
#define ZFXXGK_SCHEMAS_REPORT_SET_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schemas/report_v1.h"

namespace zfxxgk {

// The body's name as matched across reports: NormalizeForMatch (NFKC, no
// white space or quote marks, 其它→其他, dash variants folded), then every
// Unicode punctuation character dropped. Nothing else is removed, so
// "平潭综合实验区" and "平潭 综合实验区（）" match, while "舟山市人民政府" and
// "舟山市人民政府办公室" stay two bodies.
std::string NormalizeOrgan(std::string_view organ);

// One cell path that two inputs of one report print differently.
struct CellPair {
  std::string path;  // below "tables.", e.g. "applications.new_received.total"
  CellOut first;     // in SameReportComparison::first
  CellOut second;    // in SameReportComparison::second
};

// A cell ambiguous in one input and determined (a value, or a blank / dash /
// "/" cell) in the other: the other input resolves it.
struct CellResolution {
  std::string path;
  std::string ambiguous_in;  // source.path of the input where it is ambiguous
  std::string resolved_by;   // source.path of the input that determines it
  CellOut ambiguous;
  CellOut determined;
  // Whether the determined reading is one of the ambiguous cell's
  // candidates; false means the two inputs really disagree.
  bool among_candidates = false;
};

// Two inputs of one report (same body, same year), cell by cell.
struct SameReportComparison {
  size_t first = 0;   // indices into the analysed vector
  size_t second = 0;
  int agreeing = 0;   // same status and same value (raw text may differ)
  std::vector<CellPair> disagreeing;      // both determined, different
  std::vector<CellResolution> resolved;   // ambiguous in one only
  std::vector<CellPair> ambiguous_in_both;
  std::vector<CellPair> one_sided;        // missing or absent in one input only
  // Metadata that differs: "template: gov_2019 vs gov_2021".
  std::vector<std::string> metadata_differences;
};

// X.1 and the in-force note for one year of one body.
struct YearLink {
  enum class Status { kPass, kFail, kNotCheckable, kNoPreviousYear };
  int year = 0;
  std::vector<size_t> reports;       // inputs of this year, input order
  std::optional<int> previous_year;  // year − 1, when it is in the set
  Status status = Status::kNoPreviousYear;
  // kNoPreviousYear: "first year in the set" or "2020 not in the set".
  std::string note;
  // One per table 三 column, id "X.1 <column>"; lhs = carried_over (N),
  // rhs = carried_forward (N−1); statuses pass | fail | not_checkable.
  std::vector<CheckOut> x1;
  // One per art20_item1 row, id "in_force <row>"; lhs = in_force_count(N),
  // rhs = in_force_count(N−1) + issued_count(N) − repealed_count(N);
  // statuses agrees | differs | not_checkable (never a failure).
  std::vector<CheckOut> in_force;
};

const char* YearLinkStatusName(YearLink::Status status);  // "no_previous_year"

struct BodyFindings {
  std::string organ;         // as printed in the body's first input
  std::string key;           // NormalizeOrgan(organ)
  std::vector<size_t> reports;   // every input of the body, input order
  std::vector<SameReportComparison> same_report;
  std::vector<YearLink> years;   // ascending year
};

struct SetFindings {
  std::vector<BodyFindings> bodies;  // in order of first appearance
  // Inputs without an organ or a year: no body or chain to place them in.
  std::vector<size_t> unplaced;
};

// Groups `reports` by body and evaluates the comparisons described above.
SetFindings AnalyzeReportSet(const std::vector<ReportV1>& reports);

// Compares two inputs of one report cell by cell (exposed for tests).
// `first` and `second` are the indices recorded in the result.
SameReportComparison CompareSameReport(const std::vector<ReportV1>& reports, size_t first,
                                       size_t second);

}  // namespace zfxxgk

#endif  // ZFXXGK_SCHEMAS_REPORT_SET_H_
