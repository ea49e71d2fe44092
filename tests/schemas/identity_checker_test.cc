// Tests for schemas/identity_checker.h: the identities T3.1–T3.3 and
// T4.1–T4.3 on hand-built reports of both template versions.
//
// ConsistentReport() fills tables 三 and 四 the way the mapper emits them
// (every template row and column, in template order) with numbers that
// satisfy every identity; each test then breaks or blanks one cell.
// Natural persons, the column the examples below use:
//   result leaves 10 + 3 + 1 + 5 + 2 + 5 (（六）) = 26 = （七）总计
//   新收 27 + 上年结转 3 = 总计 26 + 结转下年度 4 = 30
#include "schemas/identity_checker.h"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "schemas/report_v1.h"
#include "schemas/template.h"
#include "tests/test_cells.h"

namespace zfxxgk {
namespace {

// How a report prints （六）其他处理.
enum class OtherHandling {
  kAsTemplate,          // 2019: the single row; 2021: the three sub-rows
  kSingleRow,           // 2021 printed as one row; sub-rows kMissing
  kSingleRowNoSubRows,  // 2021 printed as one row; sub-rows absent
};

CellOut NoValue(CellStatus status, std::string raw) {
  CellOut c;
  c.status = status;
  c.raw = std::move(raw);
  return c;
}

CellOut Blank() { return NoValue(CellStatus::kBlank, ""); }
CellOut Dash() { return NoValue(CellStatus::kDash, "-"); }
CellOut NotApplicable() { return NoValue(CellStatus::kNotApplicable, "/"); }
CellOut Missing() { return NoValue(CellStatus::kMissing, ""); }

CellOut Text(std::string raw, std::optional<double> value) {
  CellOut c = NoValue(CellStatus::kText, std::move(raw));
  c.value = value;
  return c;
}

const std::vector<std::string>& ApplicantColumns() {
  static const auto* cols = new std::vector<std::string>{
      "natural_person",    "commercial_enterprise", "research_institution",
      "social_welfare_org", "legal_service_org",    "other_org"};
  return *cols;
}

// Result leaf values per applicant column; rows not listed are all 0.
std::map<std::string, std::vector<double>> LeafValues(const TemplateSpec& spec,
                                                      OtherHandling six) {
  std::map<std::string, std::vector<double>> v = {
      {"results.granted", {10, 2, 0, 0, 1, 0}},
      {"results.partially_granted", {3, 0, 0, 0, 0, 0}},
      {"results.withheld.third_party_rights", {1, 0, 0, 0, 0, 0}},
      {"results.unable_to_provide.not_held", {5, 1, 0, 0, 0, 0}},
      {"results.not_processed.duplicate", {2, 0, 0, 0, 0, 0}},
  };
  if (spec.name == "gov_2021" && six == OtherHandling::kAsTemplate) {
    v["results.other_handling.no_correction"] = {2, 0, 0, 0, 0, 0};
    v["results.other_handling.other"] = {3, 0, 0, 0, 0, 0};
  } else {
    v["results.other_handling.total"] = {5, 0, 0, 0, 0, 0};
  }
  return v;
}

bool IsSubRowOfSix(const std::string& key) {
  return key.rfind("results.other_handling.", 0) == 0 && key != "results.other_handling.total";
}

void AddRow(ReportV1& r, const std::string& key, const std::vector<double>& six_values) {
  double total = 0;
  for (size_t k = 0; k < six_values.size(); ++k) {
    r.cells.emplace_back("applications." + key + "." + ApplicantColumns()[k],
                         NumberCell(six_values[k]));
    total += six_values[k];
  }
  r.cells.emplace_back("applications." + key + ".total", NumberCell(total));
}

void AddMissingRow(ReportV1& r, const std::string& key) {
  for (const std::string& col : ApplicantColumns()) {
    r.cells.emplace_back("applications." + key + "." + col, Missing());
  }
  r.cells.emplace_back("applications." + key + ".total", Missing());
}

// A report whose every identity holds, cells in the mapper's emission order.
ReportV1 ConsistentReport(const TemplateSpec& spec,
                          OtherHandling six = OtherHandling::kAsTemplate) {
  const std::map<std::string, std::vector<double>> leaves = LeafValues(spec, six);
  const std::vector<double> zero(6, 0.0);
  std::vector<double> results_total(6, 0.0);
  for (const auto& [key, v] : leaves) {
    for (size_t k = 0; k < 6; ++k) results_total[k] += v[k];
  }
  const std::vector<double> carried_over = {3, 0, 0, 0, 0, 0};
  const std::vector<double> carried_forward = {4, 1, 0, 0, 0, 0};
  std::vector<double> new_received(6);
  for (size_t k = 0; k < 6; ++k) {
    new_received[k] = results_total[k] + carried_forward[k] - carried_over[k];
  }
  const bool single = six != OtherHandling::kAsTemplate;
  ReportV1 r;
  r.report.template_name = spec.name;
  for (const RowSpec& row : spec.application_rows) {
    const std::string& key = row.key;
    if (!row.alternative_of.empty() && !single) continue;  // 2021 with sub-rows
    if (spec.name == "gov_2021" && single && IsSubRowOfSix(key)) {
      if (six == OtherHandling::kSingleRow) AddMissingRow(r, key);
      continue;
    }
    if (key == "new_received") AddRow(r, key, new_received);
    else if (key == "carried_over") AddRow(r, key, carried_over);
    else if (key == "results.total") AddRow(r, key, results_total);
    else if (key == "carried_forward") AddRow(r, key, carried_forward);
    else if (leaves.count(key)) AddRow(r, key, leaves.at(key));
    else AddRow(r, key, zero);
  }
  const std::map<std::string, std::vector<double>> review = {
      {"administrative_review", {3, 2, 1, 2, 8}},
      {"litigation_direct", {1, 0, 0, 1, 2}},
      {"litigation_after_review", {2, 0, 0, 1, 3}},
  };
  for (const std::string& group : spec.review_groups) {
    for (size_t f = 0; f < spec.review_fields.size(); ++f) {
      r.cells.emplace_back("review_litigation." + group + "." + spec.review_fields[f],
                           NumberCell(review.at(group)[f]));
    }
  }
  return r;
}

testing::AssertionResult Contains(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return testing::AssertionSuccess();
  return testing::AssertionFailure() << "\"" << text << "\" does not contain \"" << part << "\"";
}

CellOut& At(ReportV1& r, const std::string& path) {
  for (auto& [p, cell] : r.cells) {
    if (p == path) return cell;
  }
  ADD_FAILURE() << "no cell " << path;
  static CellOut none;
  return none;
}

void Erase(ReportV1& r, const std::string& path) {
  size_t before = r.cells.size();
  std::erase_if(r.cells, [&](const auto& pc) { return pc.first == path; });
  ASSERT_EQ(r.cells.size() + 1, before) << path;
}

// The one check with this id and place. Otherwise a test failure, and a
// placeholder check with status "<absent>" so callers need no null test.
const CheckOut* Find(const ReportV1& r, const std::string& id, const std::string& where) {
  static const CheckOut* absent = new CheckOut{"", "", "<absent>", {}, {}, ""};
  const CheckOut* found = nullptr;
  int n = 0;
  for (const CheckOut& c : r.checks) {
    if (c.id == id && c.where == where) {
      found = &c;
      ++n;
    }
  }
  EXPECT_EQ(n, 1) << id << " at " << where;
  return n == 1 ? found : absent;
}

int CountWhere(const ReportV1& r, const std::string& where) {
  int n = 0;
  for (const CheckOut& c : r.checks) n += c.where == where;
  return n;
}

std::vector<std::string> Failing(const ReportV1& r) {
  std::vector<std::string> out;
  for (const CheckOut& c : r.checks) {
    if (c.status != "pass") out.push_back(c.id + " " + c.where + " " + c.status);
  }
  return out;
}

class IdentityCheckerTest : public testing::TestWithParam<const TemplateSpec*> {
 protected:
  const TemplateSpec& spec() const { return *GetParam(); }
  // Rows of table 三 the report prints: 2019 23, 2021 with sub-rows 25.
  size_t PrintedRows() const { return spec().name == "gov_2019" ? 23u : 25u; }
};

TEST_P(IdentityCheckerTest, ConsistentReportPassesEveryIdentity) {
  ReportV1 r = ConsistentReport(spec());
  CheckIdentities(spec(), r);
  EXPECT_EQ(r.checks.size(), 7u + 7u + PrintedRows() + 3u);
  EXPECT_EQ(Failing(r), std::vector<std::string>{});
  EXPECT_TRUE(r.issues.empty());
}

TEST_P(IdentityCheckerTest, ChecksComeInIdentityOrder) {
  ReportV1 r = ConsistentReport(spec());
  CheckIdentities(spec(), r);
  ASSERT_EQ(r.checks.size(), 7u + 7u + PrintedRows() + 3u);
  EXPECT_EQ(r.checks[0].id, "T3.1");
  EXPECT_EQ(r.checks[0].where, "applications.*.natural_person");
  EXPECT_EQ(r.checks[6].where, "applications.*.total");
  EXPECT_EQ(r.checks[7].id, "T3.2");
  EXPECT_EQ(r.checks[14].id, "T3.3");
  EXPECT_EQ(r.checks[14].where, "applications.new_received.*");
  EXPECT_EQ(r.checks[r.checks.size() - 3].id, "T4.1");
  EXPECT_EQ(r.checks.back().id, "T4.3");
}

TEST_P(IdentityCheckerTest, T31PassesForEveryColumnWithBothSides) {
  ReportV1 r = ConsistentReport(spec());
  CheckIdentities(spec(), r);
  const CheckOut* np = Find(r, "T3.1", "applications.*.natural_person");
  EXPECT_EQ(np->status, "pass");
  EXPECT_EQ(np->lhs, 30.0);  // 新收 27 + 上年结转 3
  EXPECT_EQ(np->rhs, 30.0);  // 总计 26 + 结转下年度 4
  EXPECT_EQ(np->note, "");
  const CheckOut* total = Find(r, "T3.1", "applications.*.total");
  EXPECT_EQ(total->status, "pass");
  EXPECT_EQ(total->lhs, 35.0);
  EXPECT_EQ(total->rhs, 35.0);
  for (const std::string& col : ApplicantColumns()) {
    EXPECT_NE(Find(r, "T3.1", "applications.*." + col), nullptr);
  }
}

TEST_P(IdentityCheckerTest, T31FailsWhenCarriedForwardDisagrees) {
  ReportV1 r = ConsistentReport(spec());
  At(r, "applications.carried_forward.natural_person") = NumberCell(6);
  CheckIdentities(spec(), r);
  const CheckOut* np = Find(r, "T3.1", "applications.*.natural_person");
  EXPECT_EQ(np->status, "fail");
  EXPECT_EQ(np->lhs, 30.0);
  EXPECT_EQ(np->rhs, 32.0);
  EXPECT_EQ(np->note, "difference -2");
  EXPECT_EQ(Find(r, "T3.1", "applications.*.commercial_enterprise")->status, "pass");
  // The row's 总计 no longer matches either (T3.3).
  EXPECT_EQ(Find(r, "T3.3", "applications.carried_forward.*")->status, "fail");
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].severity, Severity::kWarning);
  EXPECT_EQ(r.issues[0].code, "identity_failed");
  EXPECT_EQ(r.issues[0].message,
            "T3.1 fails at applications.*.natural_person: 30 != 32 (values kept as printed)");
}

TEST_P(IdentityCheckerTest, T32PassesWithTotalEqualToResultLeaves) {
  ReportV1 r = ConsistentReport(spec());
  CheckIdentities(spec(), r);
  const CheckOut* np = Find(r, "T3.2", "applications.*.natural_person");
  EXPECT_EQ(np->status, "pass");
  EXPECT_EQ(np->lhs, 26.0);
  EXPECT_EQ(np->rhs, 26.0);
  const CheckOut* total = Find(r, "T3.2", "applications.*.total");
  EXPECT_EQ(total->lhs, 30.0);
  EXPECT_EQ(total->rhs, 30.0);
}

// A 总计 for natural persons printed 20 while the result rows add to 26.
TEST_P(IdentityCheckerTest, T32FailsWhenPrintedTotalDisagreesWithResultRows) {
  ReportV1 r = ConsistentReport(spec());
  At(r, "applications.results.total.natural_person") = NumberCell(20);
  CheckIdentities(spec(), r);
  const CheckOut* np = Find(r, "T3.2", "applications.*.natural_person");
  EXPECT_EQ(np->status, "fail");
  EXPECT_EQ(np->lhs, 20.0);
  EXPECT_EQ(np->rhs, 26.0);
  EXPECT_EQ(np->note, "difference -6");
  EXPECT_EQ(Find(r, "T3.2", "applications.*.commercial_enterprise")->status, "pass");
  EXPECT_EQ(Find(r, "T3.2", "applications.*.total")->status, "pass");
  bool reported = false;
  for (const Issue& i : r.issues) {
    reported |= i.code == "identity_failed" &&
                i.message == "T3.2 fails at applications.*.natural_person: 20 != 26 "
                             "(values kept as printed)";
  }
  EXPECT_TRUE(reported);
}

TEST_P(IdentityCheckerTest, T32CountsEveryResultLeafRow) {
  // A value in any leaf row, even a rare one, moves the leaf sum.
  for (const char* leaf :
       {"results.withheld.state_secret", "results.withheld.administrative_query",
        "results.unable_to_provide.unclear_after_correction",
        "results.not_processed.confirm_or_reissue"}) {
    ReportV1 r = ConsistentReport(spec());
    At(r, std::string("applications.") + leaf + ".research_institution") = NumberCell(1);
    CheckIdentities(spec(), r);
    const CheckOut* ri = Find(r, "T3.2", "applications.*.research_institution");
    ASSERT_NE(ri, nullptr);
    EXPECT_EQ(ri->status, "fail") << leaf;
    EXPECT_EQ(ri->lhs, 0.0) << leaf;
    EXPECT_EQ(ri->rhs, 1.0) << leaf;
  }
}

TEST_P(IdentityCheckerTest, T32LeavesOutTheNonLeafRows) {
  // 新收, 上年结转 and 结转下年度 are not result rows.
  ReportV1 r = ConsistentReport(spec());
  At(r, "applications.new_received.other_org") = NumberCell(9);
  At(r, "applications.carried_forward.other_org") = NumberCell(9);
  CheckIdentities(spec(), r);
  const CheckOut* oo = Find(r, "T3.2", "applications.*.other_org");
  EXPECT_EQ(oo->status, "pass");
  EXPECT_EQ(oo->lhs, 0.0);
  EXPECT_EQ(oo->rhs, 0.0);
}

TEST_P(IdentityCheckerTest, T33PassesForEveryPrintedRow) {
  ReportV1 r = ConsistentReport(spec());
  CheckIdentities(spec(), r);
  const CheckOut* granted = Find(r, "T3.3", "applications.results.granted.*");
  EXPECT_EQ(granted->status, "pass");
  EXPECT_EQ(granted->lhs, 13.0);
  EXPECT_EQ(granted->rhs, 13.0);
  for (const RowSpec& row : spec().application_rows) {
    if (!row.alternative_of.empty()) continue;  // 2021: printed as sub-rows
    EXPECT_EQ(CountWhere(r, "applications." + row.key + ".*"), 1) << row.key;
  }
}

TEST_P(IdentityCheckerTest, T33FailsAtTheRowWhoseTotalDisagrees) {
  ReportV1 r = ConsistentReport(spec());
  At(r, "applications.results.granted.total") = NumberCell(14);
  CheckIdentities(spec(), r);
  const CheckOut* granted = Find(r, "T3.3", "applications.results.granted.*");
  EXPECT_EQ(granted->status, "fail");
  EXPECT_EQ(granted->lhs, 14.0);
  EXPECT_EQ(granted->rhs, 13.0);
  EXPECT_EQ(granted->note, "difference 1");
  EXPECT_EQ(Find(r, "T3.3", "applications.results.partially_granted.*")->status, "pass");
  bool reported = false;
  for (const Issue& i : r.issues) {
    reported |= i.message == "T3.3 fails at applications.results.granted.*: 14 != 13 "
                             "(values kept as printed)";
  }
  EXPECT_TRUE(reported);
}

TEST_P(IdentityCheckerTest, T4PassesInEachGroup) {
  ReportV1 r = ConsistentReport(spec());
  CheckIdentities(spec(), r);
  const CheckOut* review = Find(r, "T4.1", "review_litigation.administrative_review.*");
  const CheckOut* direct = Find(r, "T4.2", "review_litigation.litigation_direct.*");
  const CheckOut* after = Find(r, "T4.3", "review_litigation.litigation_after_review.*");
  EXPECT_EQ(review->status, "pass");
  EXPECT_EQ(review->lhs, 8.0);
  EXPECT_EQ(review->rhs, 8.0);
  EXPECT_EQ(direct->status, "pass");
  EXPECT_EQ(direct->lhs, 2.0);
  EXPECT_EQ(after->status, "pass");
  EXPECT_EQ(after->rhs, 3.0);
}

TEST_P(IdentityCheckerTest, T4FailsOnlyInTheGroupThatDisagrees) {
  ReportV1 r = ConsistentReport(spec());
  At(r, "review_litigation.litigation_direct.total") = NumberCell(3);
  CheckIdentities(spec(), r);
  const CheckOut* direct = Find(r, "T4.2", "review_litigation.litigation_direct.*");
  EXPECT_EQ(direct->status, "fail");
  EXPECT_EQ(direct->lhs, 3.0);
  EXPECT_EQ(direct->rhs, 2.0);
  EXPECT_EQ(Find(r, "T4.1", "review_litigation.administrative_review.*")->status, "pass");
  EXPECT_EQ(Find(r, "T4.3", "review_litigation.litigation_after_review.*")->status, "pass");
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].code, "identity_failed");
  EXPECT_EQ(r.issues[0].message,
            "T4.2 fails at review_litigation.litigation_direct.*: 3 != 2 (values kept as printed)");
}

TEST_P(IdentityCheckerTest, BlankCellMakesT31NotCheckableAndNotesTheBlankAsZeroReading) {
  ReportV1 r = ConsistentReport(spec());
  At(r, "applications.carried_over.commercial_enterprise") = Blank();
  CheckIdentities(spec(), r);
  const CheckOut* ce = Find(r, "T3.1", "applications.*.commercial_enterprise");
  EXPECT_EQ(ce->status, "not_checkable");
  EXPECT_FALSE(ce->lhs.has_value());
  EXPECT_FALSE(ce->rhs.has_value());
  EXPECT_EQ(ce->note,
            "cells without a number: applications.carried_over.commercial_enterprise (blank); "
            "counting them as 0 the identity holds (4 vs 4)");
  EXPECT_TRUE(r.issues.empty());  // not checkable is not a failure
}

TEST_P(IdentityCheckerTest, NotCheckableNoteListsEveryCellWithoutANumberInOrder) {
  ReportV1 r = ConsistentReport(spec());
  At(r, "applications.new_received.natural_person") = Dash();
  At(r, "applications.carried_over.natural_person") = Blank();
  CheckIdentities(spec(), r);
  const CheckOut* np = Find(r, "T3.1", "applications.*.natural_person");
  EXPECT_EQ(np->status, "not_checkable");
  EXPECT_EQ(np->note,
            "cells without a number: applications.new_received.natural_person (dash), "
            "applications.carried_over.natural_person (blank); "
            "counting them as 0 the identity fails (0 vs 30)");
}

TEST_P(IdentityCheckerTest, BlankAsZeroReadingThatFailsIsSaidSo) {
  ReportV1 r = ConsistentReport(spec());
  At(r, "applications.carried_over.natural_person") = Blank();
  CheckIdentities(spec(), r);
  const CheckOut* np = Find(r, "T3.1", "applications.*.natural_person");
  EXPECT_EQ(np->status, "not_checkable");
  EXPECT_EQ(np->note,
            "cells without a number: applications.carried_over.natural_person (blank); "
            "counting them as 0 the identity fails (27 vs 30)");
  EXPECT_TRUE(r.issues.empty());
}

TEST_P(IdentityCheckerTest, DashCellMakesT32NotCheckable) {
  ReportV1 r = ConsistentReport(spec());
  At(r, "applications.results.withheld.state_secret.natural_person") = Dash();
  CheckIdentities(spec(), r);
  const CheckOut* np = Find(r, "T3.2", "applications.*.natural_person");
  EXPECT_EQ(np->status, "not_checkable");
  EXPECT_EQ(np->note,
            "cells without a number: applications.results.withheld.state_secret.natural_person "
            "(dash); counting them as 0 the identity holds (26 vs 26)");
  EXPECT_EQ(Find(r, "T3.3", "applications.results.withheld.state_secret.*")->status,
            "not_checkable");
}

TEST_P(IdentityCheckerTest, NotApplicableCellMakesT4NotCheckable) {
  ReportV1 r = ConsistentReport(spec());
  At(r, "review_litigation.litigation_after_review.corrected") = NotApplicable();
  CheckIdentities(spec(), r);
  const CheckOut* after = Find(r, "T4.3", "review_litigation.litigation_after_review.*");
  EXPECT_EQ(after->status, "not_checkable");
  EXPECT_FALSE(after->lhs.has_value());
  EXPECT_EQ(after->note,
            "cells without a number: review_litigation.litigation_after_review.corrected "
            "(not_applicable); counting them as 0 the identity holds (3 vs 3)");
  EXPECT_EQ(Find(r, "T4.1", "review_litigation.administrative_review.*")->status, "pass");
}

TEST_P(IdentityCheckerTest, MissingCellMakesT33NotCheckable) {
  ReportV1 r = ConsistentReport(spec());
  At(r, "applications.results.granted.legal_service_org") = Missing();
  CheckIdentities(spec(), r);
  const CheckOut* granted = Find(r, "T3.3", "applications.results.granted.*");
  EXPECT_EQ(granted->status, "not_checkable");
  EXPECT_EQ(granted->note,
            "cells without a number: applications.results.granted.legal_service_org "
            "(missing); counting them as 0 the identity fails (13 vs 12)");
  EXPECT_EQ(Find(r, "T3.2", "applications.*.legal_service_org")->status, "not_checkable");
}

TEST_P(IdentityCheckerTest, CellAbsentFromTheReportCountsAsMissing) {
  ReportV1 r = ConsistentReport(spec());
  Erase(r, "applications.carried_forward.research_institution");
  CheckIdentities(spec(), r);
  const CheckOut* ri = Find(r, "T3.1", "applications.*.research_institution");
  EXPECT_EQ(ri->status, "not_checkable");
  EXPECT_EQ(ri->note,
            "cells without a number: applications.carried_forward.research_institution "
            "(missing); counting them as 0 the identity holds (0 vs 0)");
}

TEST_P(IdentityCheckerTest, NoteNamesEveryCellWithoutANumber) {
  ReportV1 r = ConsistentReport(spec());
  At(r, "review_litigation.administrative_review.other") = Blank();
  At(r, "review_litigation.administrative_review.total") = Dash();
  CheckIdentities(spec(), r);
  const CheckOut* review = Find(r, "T4.1", "review_litigation.administrative_review.*");
  EXPECT_EQ(review->status, "not_checkable");
  EXPECT_EQ(review->note,
            "cells without a number: review_litigation.administrative_review.total (dash), "
            "review_litigation.administrative_review.other (blank); counting them as 0 the "
            "identity fails (0 vs 7)");
}

TEST_P(IdentityCheckerTest, AmbiguousCellIsNotCheckable) {
  ReportV1 r = ConsistentReport(spec());
  CellOut amb = NoValue(CellStatus::kAmbiguous, "");
  amb.candidates = {"1", "10"};
  At(r, "applications.results.granted.natural_person") = amb;
  CheckIdentities(spec(), r);
  const CheckOut* np = Find(r, "T3.2", "applications.*.natural_person");
  EXPECT_EQ(np->status, "not_checkable");
  EXPECT_TRUE(Contains(np->note, "applications.results.granted.natural_person (ambiguous)"));
}

// "减4" is kText with value -4: it takes part as the number -4.
TEST_P(IdentityCheckerTest, TextCellWithAValueCountsAsThatNumber) {
  ReportV1 r = ConsistentReport(spec());
  At(r, "applications.carried_over.natural_person") = Text("减4", -4);
  CheckIdentities(spec(), r);
  const CheckOut* np = Find(r, "T3.1", "applications.*.natural_person");
  EXPECT_EQ(np->status, "fail");
  EXPECT_EQ(np->lhs, 23.0);  // 27 + (-4)
  EXPECT_EQ(np->rhs, 30.0);
}

TEST_P(IdentityCheckerTest, TextCellWithTheSameValuePasses) {
  ReportV1 r = ConsistentReport(spec());
  At(r, "review_litigation.administrative_review.total") = Text("8件", 8);
  CheckIdentities(spec(), r);
  const CheckOut* review = Find(r, "T4.1", "review_litigation.administrative_review.*");
  EXPECT_EQ(review->status, "pass");
  EXPECT_EQ(review->lhs, 8.0);
}

TEST_P(IdentityCheckerTest, TextCellWithoutAValueIsNotCheckable) {
  ReportV1 r = ConsistentReport(spec());
  At(r, "review_litigation.administrative_review.upheld") = Text("见附件", std::nullopt);
  CheckIdentities(spec(), r);
  const CheckOut* review = Find(r, "T4.1", "review_litigation.administrative_review.*");
  EXPECT_EQ(review->status, "not_checkable");
  EXPECT_TRUE(Contains(review->note, "review_litigation.administrative_review.upheld (text)"));
}

void ExpectSameCells(const ReportV1& before, const ReportV1& after) {
  ASSERT_EQ(before.cells.size(), after.cells.size());
  for (size_t i = 0; i < before.cells.size(); ++i) {
    const auto& [p0, c0] = before.cells[i];
    const auto& [p1, c1] = after.cells[i];
    EXPECT_EQ(p0, p1);
    EXPECT_EQ(c0.status, c1.status) << p0;
    EXPECT_EQ(c0.value, c1.value) << p0;
    EXPECT_EQ(c0.raw, c1.raw) << p0;
    EXPECT_EQ(c0.unit, c1.unit) << p0;
    EXPECT_EQ(c0.integral, c1.integral) << p0;
    EXPECT_EQ(c0.candidates, c1.candidates) << p0;
  }
}

TEST_P(IdentityCheckerTest, NeverChangesAPrintedValue) {
  ReportV1 r = ConsistentReport(spec());
  At(r, "applications.results.total.natural_person") = NumberCell(20);    // T3.2 fails
  At(r, "applications.carried_over.social_welfare_org") = Blank();     // not checkable
  At(r, "review_litigation.litigation_direct.total") = Text("减4", -4);  // T4.2 fails
  const ReportV1 before = r;
  CheckIdentities(spec(), r);
  ASSERT_FALSE(r.issues.empty());
  ExpectSameCells(before, r);
}

TEST_P(IdentityCheckerTest, AppendsToExistingChecksAndIssues) {
  ReportV1 r = ConsistentReport(spec());
  r.checks.push_back({"X.1", "applications.*.total", "pass", 1.0, 1.0, ""});
  r.issues.push_back({Severity::kInfo, "earlier", "kept"});
  At(r, "review_litigation.administrative_review.total") = NumberCell(9);
  CheckIdentities(spec(), r);
  ASSERT_GE(r.checks.size(), 2u);
  EXPECT_EQ(r.checks[0].id, "X.1");
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].code, "earlier");
  EXPECT_EQ(r.issues[1].code, "identity_failed");
}

// A row printed with six values where the template has seven columns keeps
// its 总计 kMissing (row_alignment pads with kMissing). The header promises
// "a ... missing cell makes the identity not_checkable", but PresentRows()
// decides whether a row is printed by its 总计 cell alone, so T3.3 for that
// row is silently skipped: no check at applications.carried_forward.* at all.
// Expected: one T3.3 check there, not_checkable, naming
// applications.carried_forward.total (missing).
TEST_P(IdentityCheckerTest, T33ForARowWhoseTotalIsMissingIsNotCheckable) {
  ReportV1 r = ConsistentReport(spec());
  At(r, "applications.carried_forward.total") = Missing();
  CheckIdentities(spec(), r);
  const CheckOut* cf = Find(r, "T3.3", "applications.carried_forward.*");
  EXPECT_EQ(cf->status, "not_checkable");
  EXPECT_TRUE(Contains(cf->note, "applications.carried_forward.total (missing)"));
}

INSTANTIATE_TEST_SUITE_P(IdentityCheckerVersions, IdentityCheckerTest,
                         testing::Values(&Gov2019Template(), &Gov2021Template()),
                         [](const testing::TestParamInfo<const TemplateSpec*>& info) {
                           return info.param->name;
                         });

// gov_2019: （六）其他处理 is one row, and that row is a result leaf.
TEST(IdentityChecker2019Test, SingleOtherHandlingRowIsAResultLeaf) {
  ReportV1 r = ConsistentReport(Gov2019Template());
  At(r, "applications.results.other_handling.total.natural_person") = NumberCell(6);
  CheckIdentities(Gov2019Template(), r);
  const CheckOut* np = Find(r, "T3.2", "applications.*.natural_person");
  EXPECT_EQ(np->status, "fail");
  EXPECT_EQ(np->lhs, 26.0);
  EXPECT_EQ(np->rhs, 27.0);
  EXPECT_EQ(CountWhere(r, "applications.results.other_handling.total.*"), 1);
}

TEST(IdentityChecker2019Test, BlankSingleOtherHandlingRowMakesT32NotCheckable) {
  ReportV1 r = ConsistentReport(Gov2019Template());
  At(r, "applications.results.other_handling.total.commercial_enterprise") = Blank();
  CheckIdentities(Gov2019Template(), r);
  const CheckOut* ce = Find(r, "T3.2", "applications.*.commercial_enterprise");
  EXPECT_EQ(ce->status, "not_checkable");
  EXPECT_TRUE(Contains(ce->note,
                       "applications.results.other_handling.total.commercial_enterprise "
                       "(blank)"));
}

// gov_2021: the three （六） sub-rows are result leaves.
TEST(IdentityChecker2021Test, EachOtherHandlingSubRowIsAResultLeaf) {
  for (const char* sub : {"no_correction", "fee_unpaid", "other"}) {
    ReportV1 r = ConsistentReport(Gov2021Template());
    CellOut& cell = At(r, std::string("applications.results.other_handling.") + sub +
                              ".natural_person");
    cell = NumberCell(*cell.value + 1);
    CheckIdentities(Gov2021Template(), r);
    const CheckOut* np = Find(r, "T3.2", "applications.*.natural_person");
    ASSERT_NE(np, nullptr);
    EXPECT_EQ(np->status, "fail") << sub;
    EXPECT_EQ(np->lhs, 26.0) << sub;
    EXPECT_EQ(np->rhs, 27.0) << sub;
  }
}

// The single （六） row emitted kMissing next to printed sub-rows: the
// sub-rows stay the leaves.
TEST(IdentityChecker2021Test, MissingSingleRowLeavesTheSubRowsAsLeaves) {
  ReportV1 r = ConsistentReport(Gov2021Template());
  AddMissingRow(r, "results.other_handling.total");
  CheckIdentities(Gov2021Template(), r);
  EXPECT_EQ(Failing(r), std::vector<std::string>{});
  EXPECT_EQ(Find(r, "T3.2", "applications.*.natural_person")->rhs, 26.0);
  EXPECT_EQ(CountWhere(r, "applications.results.other_handling.total.*"), 0);
}

TEST(IdentityChecker2021Test, SubRowsGetTheirOwnT33Checks) {
  ReportV1 r = ConsistentReport(Gov2021Template());
  CheckIdentities(Gov2021Template(), r);
  EXPECT_EQ(CountWhere(r, "applications.results.other_handling.no_correction.*"), 1);
  EXPECT_EQ(CountWhere(r, "applications.results.other_handling.fee_unpaid.*"), 1);
  EXPECT_EQ(CountWhere(r, "applications.results.other_handling.other.*"), 1);
  EXPECT_EQ(CountWhere(r, "applications.results.other_handling.total.*"), 0);
}

TEST(IdentityChecker2021Test, BlankSubRowMakesT32NotCheckable) {
  ReportV1 r = ConsistentReport(Gov2021Template());
  At(r, "applications.results.other_handling.fee_unpaid.natural_person") = Blank();
  CheckIdentities(Gov2021Template(), r);
  const CheckOut* np = Find(r, "T3.2", "applications.*.natural_person");
  EXPECT_EQ(np->status, "not_checkable");
  EXPECT_EQ(np->note,
            "cells without a number: applications.results.other_handling.fee_unpaid."
            "natural_person (blank); counting them as 0 the identity holds (26 vs 26)");
}

// Some 2021-template reports print （六） as one row: it stands for the three
// sub-rows, which come out kMissing and are not leaves.
TEST(IdentityChecker2021Test, SingleOtherHandlingRowWithMissingSubRowsPassesT32) {
  ReportV1 r = ConsistentReport(Gov2021Template(), OtherHandling::kSingleRow);
  CheckIdentities(Gov2021Template(), r);
  EXPECT_EQ(Failing(r), std::vector<std::string>{});
  const CheckOut* np = Find(r, "T3.2", "applications.*.natural_person");
  EXPECT_EQ(np->status, "pass");
  EXPECT_EQ(np->lhs, 26.0);
  EXPECT_EQ(np->rhs, 26.0);
  EXPECT_TRUE(r.issues.empty());
}

TEST(IdentityChecker2021Test, SingleOtherHandlingRowIsTheLeafInsteadOfTheSubRows) {
  ReportV1 r = ConsistentReport(Gov2021Template(), OtherHandling::kSingleRow);
  At(r, "applications.results.other_handling.total.natural_person") = NumberCell(7);
  CheckIdentities(Gov2021Template(), r);
  const CheckOut* np = Find(r, "T3.2", "applications.*.natural_person");
  EXPECT_EQ(np->status, "fail");
  EXPECT_EQ(np->rhs, 28.0);
}

TEST(IdentityChecker2021Test, SingleOtherHandlingRowChecksOnlyPrintedRowsForT33) {
  ReportV1 r = ConsistentReport(Gov2021Template(), OtherHandling::kSingleRow);
  CheckIdentities(Gov2021Template(), r);
  EXPECT_EQ(CountWhere(r, "applications.results.other_handling.total.*"), 1);
  EXPECT_EQ(CountWhere(r, "applications.results.other_handling.no_correction.*"), 0);
  EXPECT_EQ(CountWhere(r, "applications.results.other_handling.fee_unpaid.*"), 0);
  EXPECT_EQ(CountWhere(r, "applications.results.other_handling.other.*"), 0);
  EXPECT_EQ(r.checks.size(), 7u + 7u + 23u + 3u);
}

TEST(IdentityChecker2021Test, SingleOtherHandlingRowWithAbsentSubRowsPassesT32) {
  ReportV1 r = ConsistentReport(Gov2021Template(), OtherHandling::kSingleRowNoSubRows);
  CheckIdentities(Gov2021Template(), r);
  EXPECT_EQ(Failing(r), std::vector<std::string>{});
  EXPECT_EQ(Find(r, "T3.2", "applications.*.total")->rhs, 30.0);
}

}  // namespace
}  // namespace zfxxgk
