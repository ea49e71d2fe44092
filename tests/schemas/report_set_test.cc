// Tests for schemas/report_set.h on hand-built reports.
#include "schemas/report_set.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace zfxxgk {
namespace {

const char* const kColumns[] = {"natural_person", "commercial_enterprise",
                                "research_institution", "social_welfare_org",
                                "legal_service_org", "other_org", "total"};

CellOut Num(double v) {
  CellOut c;
  c.status = CellStatus::kNumber;
  c.value = v;
  c.raw = std::to_string(static_cast<long long>(v));
  return c;
}

CellOut Blank() {
  CellOut c;
  c.status = CellStatus::kBlank;
  return c;
}

CellOut Ambiguous(std::string raw, std::vector<std::string> candidates) {
  CellOut c;
  c.status = CellStatus::kAmbiguous;
  c.raw = std::move(raw);
  c.candidates = std::move(candidates);
  return c;
}

ReportV1 Report(const std::string& organ, int year, const std::string& path) {
  ReportV1 r;
  r.source.path = path;
  r.report.organ = organ;
  r.report.year = year;
  r.report.template_name = "gov_2021";
  return r;
}

void Set(ReportV1& r, const std::string& path, CellOut cell) {
  for (auto& [p, c] : r.cells) {
    if (p == path) {
      c = std::move(cell);
      return;
    }
  }
  r.cells.emplace_back(path, std::move(cell));
}

// Every column of `row` ("carried_over", "carried_forward") set to `value`.
void SetRow(ReportV1& r, const std::string& row, double value) {
  for (const char* col : kColumns) Set(r, "applications." + row + "." + col, Num(value));
}

const CheckOut& X1(const YearLink& link, const std::string& column) {
  for (const CheckOut& c : link.x1) {
    if (c.id == "X.1 " + column) return c;
  }
  ADD_FAILURE() << "no X.1 check for " << column;
  static const CheckOut kNone;
  return kNone;
}

TEST(NormalizeOrganTest, FoldsWhiteSpaceFullWidthAndPunctuation) {
  const std::string key = NormalizeOrgan("平潭综合实验区");
  EXPECT_EQ(NormalizeOrgan("平潭 综合实验区"), key);
  EXPECT_EQ(NormalizeOrgan("　平潭综合实验区（）"), key);
  EXPECT_EQ(NormalizeOrgan("“平潭综合实验区”"), key);
  EXPECT_EQ(NormalizeOrgan("ＡＢ市·人民政府"), "AB市人民政府");
}

TEST(NormalizeOrganTest, KeepsDifferentBodiesApart) {
  EXPECT_NE(NormalizeOrgan("舟山市人民政府"), NormalizeOrgan("舟山市人民政府办公室"));
  EXPECT_NE(NormalizeOrgan("沭阳县人民政府"), NormalizeOrgan("沐阳县人民政府"));
}

TEST(ReportSetTest, GroupsYearsOfOneBodyAndListsGapsAsNoPreviousYear) {
  std::vector<ReportV1> reports = {Report("平潭综合实验区", 2023, "c"),
                                   Report("平潭 综合实验区", 2019, "a"),
                                   Report("平潭综合实验区", 2021, "b")};
  for (ReportV1& r : reports) {
    SetRow(r, "carried_over", 1);
    SetRow(r, "carried_forward", 2);
  }
  SetFindings f = AnalyzeReportSet(reports);
  ASSERT_EQ(f.bodies.size(), 1u);
  const BodyFindings& body = f.bodies[0];
  EXPECT_EQ(body.organ, "平潭综合实验区");
  ASSERT_EQ(body.years.size(), 3u);
  EXPECT_EQ(body.years[0].year, 2019);
  EXPECT_EQ(body.years[0].note, "first year in the set");
  EXPECT_EQ(body.years[1].note, "2020 not in the set");
  EXPECT_EQ(body.years[2].note, "2022 not in the set");
  for (const YearLink& link : body.years) {
    EXPECT_EQ(link.status, YearLink::Status::kNoPreviousYear);
    EXPECT_STREQ(YearLinkStatusName(link.status), "no_previous_year");
    EXPECT_TRUE(link.x1.empty());
    EXPECT_FALSE(link.previous_year.has_value());
  }
  EXPECT_TRUE(body.same_report.empty());
}

TEST(ReportSetTest, X1PassesWhenCarriedOverEqualsLastYearsCarriedForward) {
  std::vector<ReportV1> reports = {Report("某县人民政府", 2020, "a"),
                                   Report("某县人民政府", 2021, "b")};
  SetRow(reports[0], "carried_forward", 3);
  SetRow(reports[1], "carried_over", 3);
  SetFindings f = AnalyzeReportSet(reports);
  ASSERT_EQ(f.bodies.size(), 1u);
  const YearLink& link = f.bodies[0].years[1];
  EXPECT_EQ(link.status, YearLink::Status::kPass);
  ASSERT_EQ(link.previous_year, 2020);
  ASSERT_EQ(link.x1.size(), 7u);
  for (const CheckOut& c : link.x1) {
    EXPECT_EQ(c.status, "pass") << c.id;
    EXPECT_EQ(c.lhs, 3);
    EXPECT_EQ(c.rhs, 3);
  }
  EXPECT_EQ(f.bodies[0].years[0].status, YearLink::Status::kNoPreviousYear);
}

TEST(ReportSetTest, X1FailsOnTheColumnThatDiffers) {
  std::vector<ReportV1> reports = {Report("某县人民政府", 2020, "a"),
                                   Report("某县人民政府", 2021, "b")};
  SetRow(reports[0], "carried_forward", 3);
  SetRow(reports[1], "carried_over", 3);
  Set(reports[1], "applications.carried_over.natural_person", Num(5));
  const YearLink link = AnalyzeReportSet(reports).bodies[0].years[1];
  EXPECT_EQ(link.status, YearLink::Status::kFail);
  const CheckOut& c = X1(link, "natural_person");
  EXPECT_EQ(c.status, "fail");
  EXPECT_EQ(c.lhs, 5);
  EXPECT_EQ(c.rhs, 3);
  EXPECT_NE(c.note.find("difference 2"), std::string::npos) << c.note;
  EXPECT_EQ(X1(link, "total").status, "pass");
}

TEST(ReportSetTest, X1IsNotCheckableWithBlankMissingOrAmbiguousCells) {
  std::vector<ReportV1> reports = {Report("某县人民政府", 2020, "a"),
                                   Report("某县人民政府", 2021, "b")};
  SetRow(reports[0], "carried_forward", 0);
  SetRow(reports[1], "carried_over", 0);
  Set(reports[1], "applications.carried_over.other_org", Blank());
  Set(reports[0], "applications.carried_forward.total", Ambiguous("10", {"1", "10"}));
  const YearLink link = AnalyzeReportSet(reports).bodies[0].years[1];
  EXPECT_EQ(link.status, YearLink::Status::kNotCheckable);
  const CheckOut& blank = X1(link, "other_org");
  EXPECT_EQ(blank.status, "not_checkable");
  EXPECT_NE(blank.note.find("blank in b"), std::string::npos) << blank.note;
  const CheckOut& amb = X1(link, "total");
  EXPECT_EQ(amb.status, "not_checkable");
  EXPECT_NE(amb.note.find("ambiguous in a"), std::string::npos) << amb.note;
  EXPECT_EQ(X1(link, "natural_person").status, "pass");
}

TEST(ReportSetTest, FailOutranksNotCheckableInTheYearStatus) {
  std::vector<ReportV1> reports = {Report("某县人民政府", 2020, "a"),
                                   Report("某县人民政府", 2021, "b")};
  SetRow(reports[0], "carried_forward", 0);
  // 2021 prints no carried_over row at all except one wrong cell.
  Set(reports[1], "applications.carried_over.total", Num(4));
  const YearLink link = AnalyzeReportSet(reports).bodies[0].years[1];
  EXPECT_EQ(link.status, YearLink::Status::kFail);
  EXPECT_EQ(X1(link, "natural_person").status, "not_checkable");
  EXPECT_NE(X1(link, "natural_person").note.find("missing in b"), std::string::npos);
}

// A text dump and its HTML page: the dump's ambiguous cell is resolved by
// the page, other cells agree or disagree, and the reports are unchanged.
TEST(ReportSetTest, ComparesTwoInputsOfOneReportCellByCell) {
  ReportV1 text = Report("平潭综合实验区", 2023, "pingtan-2023/input.txt");
  ReportV1 page = Report("平潭综合实验区", 2023, "pingtan-2023-html/input.html");
  const std::string repealed = "active_disclosure.art20_item1.normative_documents.repealed_count";
  Set(text, repealed, Ambiguous("77132470", {"1", "13", "132"}));
  Set(page, repealed, Num(132));
  Set(text, "applications.new_received.total", Num(81));
  Set(page, "applications.new_received.total", Num(81));
  Set(text, "applications.carried_over.total", Blank());
  Set(page, "applications.carried_over.total", Blank());
  Set(text, "review_litigation.administrative_review.total", Num(2));
  Set(page, "review_litigation.administrative_review.total", Num(3));
  Set(page, "review_litigation.litigation_direct.total", Num(7));
  std::vector<ReportV1> reports = {text, page};
  SetFindings f = AnalyzeReportSet(reports);
  ASSERT_EQ(f.bodies.size(), 1u);
  ASSERT_EQ(f.bodies[0].same_report.size(), 1u);
  const SameReportComparison& cmp = f.bodies[0].same_report[0];
  EXPECT_EQ(cmp.agreeing, 2);  // 81 = 81, blank = blank
  ASSERT_EQ(cmp.disagreeing.size(), 1u);
  EXPECT_EQ(cmp.disagreeing[0].path, "review_litigation.administrative_review.total");
  EXPECT_EQ(cmp.disagreeing[0].first.value, 2);
  EXPECT_EQ(cmp.disagreeing[0].second.value, 3);
  ASSERT_EQ(cmp.resolved.size(), 1u);
  EXPECT_EQ(cmp.resolved[0].path, repealed);
  EXPECT_EQ(cmp.resolved[0].ambiguous_in, "pingtan-2023/input.txt");
  EXPECT_EQ(cmp.resolved[0].resolved_by, "pingtan-2023-html/input.html");
  EXPECT_EQ(cmp.resolved[0].determined.value, 132);
  EXPECT_TRUE(cmp.resolved[0].among_candidates);
  ASSERT_EQ(cmp.one_sided.size(), 1u);
  EXPECT_EQ(cmp.one_sided[0].first.status, CellStatus::kMissing);
  EXPECT_TRUE(cmp.metadata_differences.empty());
  EXPECT_EQ(reports[0].cells[0].second.status, CellStatus::kAmbiguous);  // not modified
  EXPECT_EQ(f.bodies[0].years.size(), 1u);
}

TEST(ReportSetTest, ResolutionOutsideTheCandidatesIsFlagged) {
  std::vector<ReportV1> reports = {Report("某局", 2023, "a"), Report("某局", 2023, "b")};
  Set(reports[0], "applications.new_received.total", Ambiguous("132", {"1", "13"}));
  Set(reports[1], "applications.new_received.total", Num(99));
  SameReportComparison cmp = CompareSameReport(reports, 0, 1);
  ASSERT_EQ(cmp.resolved.size(), 1u);
  EXPECT_FALSE(cmp.resolved[0].among_candidates);
  EXPECT_EQ(cmp.resolved[0].ambiguous_in, "a");
}

TEST(ReportSetTest, X1ReadsACellFromTheOtherInputOfTheSameYear) {
  std::vector<ReportV1> reports = {Report("某县人民政府", 2020, "prev"),
                                   Report("某县人民政府", 2021, "dump"),
                                   Report("某县人民政府", 2021, "page")};
  SetRow(reports[0], "carried_forward", 2);
  SetRow(reports[1], "carried_over", 2);
  SetRow(reports[2], "carried_over", 2);
  Set(reports[1], "applications.carried_over.total", Ambiguous("2", {"2", "20"}));
  const YearLink link = AnalyzeReportSet(reports).bodies[0].years[1];
  EXPECT_EQ(link.status, YearLink::Status::kPass);
  EXPECT_EQ(link.reports.size(), 2u);
  EXPECT_NE(X1(link, "total").note.find("read from page"), std::string::npos);
}

TEST(ReportSetTest, InForceNoteIsInformational) {
  std::vector<ReportV1> reports = {Report("某县人民政府", 2022, "a"),
                                   Report("某县人民政府", 2023, "b")};
  const std::string base = "active_disclosure.art20_item1.";
  Set(reports[0], base + "regulations.in_force_count", Num(10));
  Set(reports[1], base + "regulations.issued_count", Num(3));
  Set(reports[1], base + "regulations.repealed_count", Num(1));
  Set(reports[1], base + "regulations.in_force_count", Num(12));
  Set(reports[0], base + "normative_documents.in_force_count", Num(10));
  Set(reports[1], base + "normative_documents.issued_count", Num(3));
  Set(reports[1], base + "normative_documents.repealed_count", Num(1));
  Set(reports[1], base + "normative_documents.in_force_count", Num(20));
  SetRow(reports[0], "carried_forward", 0);
  SetRow(reports[1], "carried_over", 0);
  const YearLink link = AnalyzeReportSet(reports).bodies[0].years[1];
  EXPECT_EQ(link.status, YearLink::Status::kPass);  // the note never fails a year
  ASSERT_EQ(link.in_force.size(), 2u);
  EXPECT_EQ(link.in_force[0].status, "agrees");
  EXPECT_EQ(link.in_force[0].rhs, 12);
  EXPECT_EQ(link.in_force[1].status, "differs");
  EXPECT_EQ(link.in_force[1].lhs, 20);
}

TEST(ReportSetTest, ReportsWithoutOrganOrYearAreUnplaced) {
  std::vector<ReportV1> reports = {Report("", 2021, "a"), Report("某局", 2021, "b")};
  reports[1].report.year.reset();
  SetFindings f = AnalyzeReportSet(reports);
  EXPECT_TRUE(f.bodies.empty());
  EXPECT_EQ(f.unplaced, (std::vector<size_t>{0, 1}));
}

}  // namespace
}  // namespace zfxxgk
