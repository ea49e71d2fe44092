// Tests for pipeline/batch_report_json.h: reading ToJson's output back.
#include "pipeline/batch_report_json.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "pipeline/extract.h"
#include "tests/test_cells.h"

namespace zfxxgk {
namespace {

namespace fs = std::filesystem;

ReportV1 HandMade() {
  ReportV1 r;
  r.source = {"a/平潭.html", "ab12", InputFormat::kHtml, "gb18030", 1, {}};
  r.report = {"平潭综合实验区2021年政府信息公开工作年度报告", "平潭综合实验区", 2021,
              "2022-01-20", "gov_2021"};
  r.sections = {{"preamble", "", "前言"}, {"general_situation", "一、总体情况", "正文"}};
  CellOut amb = MakeCell(CellStatus::kAmbiguous, std::nullopt, "898989");
  amb.candidates = {"8", "89"};
  amb.candidate_absent = true;
  CellOut frac = MakeCell(CellStatus::kNumber, 5949.088667, "5949.088667");
  frac.integral = false;
  frac.prov.confidence = 0.75;
  frac.prov.line = 12;
  CellOut unit = MakeCell(CellStatus::kText, 251000, "251000元");
  unit.unit = "元";
  unit.prov.table = 1;
  unit.prov.row = 2;
  unit.prov.col = 3;
  r.cells = {{"applications.new_received.natural_person", MakeCell(CellStatus::kNumber, 5, "5")},
             {"applications.new_received.total", amb},
             {"active_disclosure.art20_item8.administrative_fees.fee_amount_wan_yuan", frac},
             {"applications.carried_over.total", unit},
             {"applications.carried_forward.total",
              MakeCell(CellStatus::kBlank, std::nullopt, "")}};
  r.extra = {{"applications", "其中：网上申请", {{"total", MakeCell(CellStatus::kNumber, 3, "3")}}},
             {"applications", "小计",
              {{"natural_person", MakeCell(CellStatus::kDash, std::nullopt, "—")}}}};
  r.checks = {{"T3.1", "applications.*.total", "fail", 12, 13, "note"},
              {"T3.2", "applications.*.natural_person", "not_checkable", std::nullopt, 2.5, ""}};
  r.issues = {{Severity::kError, "ambiguous_cell", "applications.new_received.total"},
              {Severity::kInfo, "x", "y"}};
  return r;
}

TEST(BatchReportJsonTest, HandMadeReportRoundTrips) {
  const std::string json = ToJson(HandMade(), false);
  StatusOr<ReportV1> back = ReportFromJson(json);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(ToJson(*back, false), json);
  EXPECT_EQ(back->report.organ, "平潭综合实验区");
  EXPECT_EQ(back->report.year, 2021);
  ASSERT_EQ(back->extra.size(), 2u);
  EXPECT_EQ(back->extra[1].label, "小计");
}

TEST(BatchReportJsonTest, CellsKeepValueStatusCandidatesAndPosition) {
  StatusOr<ReportV1> back = ReportFromJson(ToJson(HandMade(), false));
  ASSERT_TRUE(back.ok());
  std::map<std::string, CellOut> cells(back->cells.begin(), back->cells.end());
  const CellOut& amb = cells.at("applications.new_received.total");
  EXPECT_EQ(amb.status, CellStatus::kAmbiguous);
  EXPECT_TRUE(amb.candidate_absent);
  EXPECT_EQ(amb.candidates, (std::vector<std::string>{"8", "89"}));
  const CellOut& frac = cells.at("active_disclosure.art20_item8.administrative_fees.fee_amount_wan_yuan");
  EXPECT_FALSE(frac.integral);
  EXPECT_DOUBLE_EQ(*frac.value, 5949.088667);
  EXPECT_DOUBLE_EQ(frac.prov.confidence, 0.75);
  EXPECT_EQ(frac.prov.line, 12);
  const CellOut& unit = cells.at("applications.carried_over.total");
  EXPECT_EQ(unit.unit, "元");
  EXPECT_EQ(unit.prov.col, 3);
  EXPECT_FALSE(cells.at("applications.carried_forward.total").value.has_value());
}

TEST(BatchReportJsonTest, ScannedPagesKeepPageMethodsAndCellBoxes) {
  ReportV1 r = HandMade();
  r.source.format = InputFormat::kPdf;
  r.source.pages = 2;
  r.source.page_methods = {"text", "ocr"};
  CellOut scanned = MakeCell(CellStatus::kNumber, 7, "7");
  scanned.prov.page = 1;
  scanned.prov.bbox = {100.5, 200, 130.2, 215.7};
  scanned.prov.confidence = 0.92;
  r.cells.push_back({"applications.carried_over.natural_person", scanned});
  const std::string json = ToJson(r, false);
  StatusOr<ReportV1> back = ReportFromJson(json);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->source.page_methods, (std::vector<std::string>{"text", "ocr"}));
  std::map<std::string, CellOut> cells(back->cells.begin(), back->cells.end());
  const CellOut& c = cells.at("applications.carried_over.natural_person");
  EXPECT_EQ(c.prov.page, 1);
  EXPECT_DOUBLE_EQ(c.prov.bbox.x0, 100.5);
  EXPECT_DOUBLE_EQ(c.prov.bbox.y1, 215.7);
  EXPECT_EQ(ToJson(*back, false), json);
}

TEST(BatchReportJsonTest, EveryCorpusReportRoundTrips) {
  int seen = 0;
  for (const auto& entry : fs::directory_iterator(std::string(ZF_SOURCE_DIR) + "/corpus")) {
    for (const auto& file : fs::directory_iterator(entry.path())) {
      if (file.path().filename().string().rfind("input.", 0) != 0) continue;
      StatusOr<ReportV1> report = ExtractFile(file.path().string());
      if (!report.ok()) continue;
      const std::string json = ToJson(*report, false);
      StatusOr<ReportV1> back = ReportFromJson(json);
      ASSERT_TRUE(back.ok()) << file.path();
      EXPECT_EQ(ToJson(*back, false), json) << file.path();
      ++seen;
    }
  }
  EXPECT_GE(seen, 5);
}

TEST(BatchReportJsonTest, OtherJsonIsRejected) {
  EXPECT_EQ(ReportFromJson("{\"schema_version\": \"2\"}").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ReportFromJson("not json").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ReportFromJson("").status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace zfxxgk
