// Tests for pipeline/batch_findings_json.h: the streamed body is the text of
// BodyFindingsJson's dump(2), indented, byte for byte.
#include "pipeline/batch_findings_json.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "schemas/report_set_json.h"

namespace zfxxgk {
namespace {

const std::vector<std::string> kPaths = {"in/甲-2020.txt", "in/\"quoted\"\\2021.html",
                                         "in/乙 2021.txt"};

const std::string& PathOf(size_t i) { return kPaths[i]; }

// What the findings file held before: the DOM dumped with two-space
// indentation, every line after the first indented by `indent` more.
std::string DumpIndented(const BodyFindings& body, size_t indent) {
  const std::string text =
      BodyFindingsJson(body, PathOf).dump(2, ' ', false, SetJson::error_handler_t::replace);
  std::string out;
  for (char c : text) {
    out.push_back(c);
    if (c == '\n') out.append(indent, ' ');
  }
  return out;
}

std::string Streamed(const BodyFindings& body, size_t indent) {
  std::string out = "prefix";
  AppendBodyFindingsJson(body, PathOf, indent, out);
  return out.substr(6);
}

CellOut Cell(std::optional<double> value, std::string raw, CellStatus status) {
  CellOut c;
  c.value = value;
  c.raw = std::move(raw);
  c.status = status;
  return c;
}

CheckOut Check(std::string id, std::optional<double> lhs, std::optional<double> rhs,
               std::string note = "") {
  return CheckOut{std::move(id), "tables.applications.*", "fail", lhs, rhs, std::move(note)};
}

// Every member the body can have: pairs, a resolution, candidates with
// absence, notes, a previous year and none.
BodyFindings FullBody() {
  BodyFindings body;
  body.organ = "平潭综合实验区";
  body.key = "平潭综合实验区";
  body.reports = {0, 1, 2};
  SameReportComparison cmp;
  cmp.first = 0;
  cmp.second = 1;
  cmp.agreeing = 41;
  cmp.disagreeing.push_back({"applications.new_received.total", Cell(5, "5", CellStatus::kNumber),
                             Cell(6, "6", CellStatus::kNumber)});
  CellOut ambiguous = Cell(std::nullopt, "1 23", CellStatus::kAmbiguous);
  ambiguous.candidates = {"12", "3"};
  ambiguous.candidate_absent = true;
  cmp.resolved.push_back({"applications.results.granted", kPaths[0], kPaths[1], ambiguous,
                          Cell(12, "12", CellStatus::kNumber), true});
  cmp.resolved.push_back({"applications.results.denied", kPaths[1], kPaths[0], ambiguous,
                          Cell(std::nullopt, "", CellStatus::kBlank), false});
  cmp.ambiguous_in_both.push_back({"x", ambiguous, ambiguous});
  cmp.one_sided.push_back({"y", Cell(std::nullopt, "", CellStatus::kMissing),
                           Cell(0.5, "0.5", CellStatus::kNumber)});
  cmp.metadata_differences = {"template: gov_2019 vs gov_2021"};
  body.same_report.push_back(cmp);
  YearLink first;
  first.year = 2020;
  first.reports = {0, 1};
  first.note = "first year in the set";
  body.years.push_back(first);
  YearLink second;
  second.year = 2021;
  second.reports = {2};
  second.previous_year = 2020;
  second.status = YearLink::Status::kFail;
  second.x1 = {Check("X.1 total", 5, 6), Check("X.1 natural_person", std::nullopt, 3, "缺")};
  second.in_force = {Check("in_force a", 7, 7)};
  body.years.push_back(second);
  return body;
}

TEST(BatchFindingsJsonTest, FullBodyIsTheIndentedDump) {
  const BodyFindings body = FullBody();
  EXPECT_EQ(Streamed(body, 4), DumpIndented(body, 4));
}

TEST(BatchFindingsJsonTest, UnindentedBodyIsTheDump) {
  const BodyFindings body = FullBody();
  EXPECT_EQ(Streamed(body, 0), DumpIndented(body, 0));
}

TEST(BatchFindingsJsonTest, EmptyListsAreWrittenAsDumpWritesThem) {
  BodyFindings body;
  body.organ = "甲";
  body.key = "甲";
  EXPECT_EQ(Streamed(body, 4), DumpIndented(body, 4));
  body.reports = {0};
  body.years.push_back(YearLink{});
  EXPECT_EQ(Streamed(body, 4), DumpIndented(body, 4));
}

TEST(BatchFindingsJsonTest, NumbersAreWrittenAsDumpWritesThem) {
  BodyFindings body = FullBody();
  const double inf = std::numeric_limits<double>::infinity();
  body.years[1].x1 = {Check("a", 0.1, 1e16), Check("b", -3, 2.5), Check("c", inf, std::nan("")),
                      Check("d", 8999999999999999.0, -0.0), Check("e", 1e-7, 123456789.125)};
  EXPECT_EQ(Streamed(body, 4), DumpIndented(body, 4));
}

TEST(BatchFindingsJsonTest, StringsAreEscapedAndInvalidUtf8ReplacedAsDumpDoes) {
  BodyFindings body = FullBody();
  body.organ = std::string("甲\x01\t\n\"\\\x7f") + "\xE4\xB8";  // control, escapes, torn
  body.key = "\xff\xfe ok";
  body.years[1].note = std::string("\0x", 2);
  body.same_report[0].metadata_differences.push_back("organ: 甲 vs \xC3\x28");
  EXPECT_EQ(Streamed(body, 4), DumpIndented(body, 4));
}

}  // namespace
}  // namespace zfxxgk
