// Tests for pipeline/batch_set_record.h: the set analysis reads from a
// record exactly what it would read from the report's JSON.
#include "pipeline/batch_set_record.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "pipeline/batch_report_json.h"
#include "pipeline/extract.h"
#include "schemas/report_set.h"
#include "tests/test_cells.h"

namespace zfxxgk {
namespace {

namespace fs = std::filesystem;

// What the set analysis reads (schemas/report_set.cc): meta and cells.
void ExpectSameView(const ReportV1& a, const ReportV1& b, const std::string& what) {
  EXPECT_EQ(a.report.template_name, b.report.template_name) << what;
  EXPECT_EQ(a.report.organ, b.report.organ) << what;
  EXPECT_EQ(a.report.year, b.report.year) << what;
  EXPECT_EQ(a.report.published, b.report.published) << what;
  ASSERT_EQ(a.cells.size(), b.cells.size()) << what;
  for (size_t i = 0; i < a.cells.size(); ++i) {
    const auto& [pa, ca] = a.cells[i];
    const auto& [pb, cb] = b.cells[i];
    EXPECT_EQ(pa, pb) << what;
    EXPECT_EQ(ca.status, cb.status) << what << " " << pa;
    EXPECT_EQ(ca.value.has_value(), cb.value.has_value()) << what << " " << pa;
    if (ca.value && cb.value) {
      EXPECT_EQ(*ca.value, *cb.value) << what << " " << pa;
    }
    EXPECT_EQ(ca.raw, cb.raw) << what << " " << pa;
    EXPECT_EQ(ca.candidates, cb.candidates) << what << " " << pa;
    EXPECT_EQ(ca.candidate_absent, cb.candidate_absent) << what << " " << pa;
  }
}

// Record vs JSON for one report.
void ExpectRecordMatchesJson(const ReportV1& report, const std::string& what) {
  std::optional<std::string> record = EncodeSetRecord(report);
  ASSERT_TRUE(record.has_value()) << what;
  StatusOr<ReportV1> view = DecodeSetRecord(*record);
  ASSERT_TRUE(view.ok()) << what << ": " << view.status().ToString();
  StatusOr<ReportV1> json = ReportFromJson(ToJson(report, false));
  ASSERT_TRUE(json.ok()) << what;
  ExpectSameView(*view, *json, what);
}

TEST(BatchSetRecordTest, HandMadeCellsReadAsFromJson) {
  ReportV1 r;
  r.report = {"标题", "平潭综合实验区", 2021, "", "gov_2021"};
  CellOut amb = MakeCell(CellStatus::kAmbiguous, std::nullopt, "898989");
  amb.candidates = {"8", "89", "引号\"与\\反斜杠\t"};
  amb.candidate_absent = true;
  CellOut frac = MakeCell(CellStatus::kNumber, 5949.088667, "5949.088667");
  frac.integral = false;
  CellOut rounded = MakeCell(CellStatus::kNumber, 3.0000001, "3");  // integral: written as 3
  CellOut whole_double = MakeCell(CellStatus::kNumber, 7, "7");
  whole_double.integral = false;  // written 7.0, read back as a double
  // Out of tree order, with a path set twice: ToJson groups by prefix and
  // keeps the first position with the last cell.
  r.cells = {{"applications.new_received.natural_person", MakeCell(CellStatus::kNumber, 5, "5")},
             {"active_disclosure.art20_item8.fee", frac},
             {"applications.new_received.total", amb},
             {"applications.new_received.natural_person", rounded},
             {"applications.carried_over.total", whole_double},
             {"applications.carried_forward.total", MakeCell(CellStatus::kBlank, std::nullopt, "")},
             {"a", MakeCell(CellStatus::kText, std::nullopt, "一\n二")}};
  ExpectRecordMatchesJson(r, "hand-made");
  r.report.year.reset();
  ExpectRecordMatchesJson(r, "no year");
}

TEST(BatchSetRecordTest, EveryCorpusReportReadsAsFromJson) {
  int seen = 0;
  for (const auto& entry : fs::directory_iterator(std::string(ZF_SOURCE_DIR) + "/corpus")) {
    for (const auto& file : fs::directory_iterator(entry.path())) {
      if (file.path().filename().string().rfind("input.", 0) != 0) continue;
      if (file.path().extension() == ".tiff") continue;  // OCR: slow, same cells path
      StatusOr<ReportV1> report = ExtractFile(file.path().string());
      if (!report.ok()) continue;
      ExpectRecordMatchesJson(*report, file.path().string());
      ++seen;
    }
  }
  EXPECT_GE(seen, 5);
}

TEST(BatchSetRecordTest, TextJsonWouldReplaceHasNoRecord) {
  ReportV1 r;
  r.report.organ = "平潭";
  r.cells = {
      {"applications.new_received.total", MakeCell(CellStatus::kText, std::nullopt, "\xff")}};
  EXPECT_FALSE(EncodeSetRecord(r).has_value());
  r.cells = {{"applications.extra.x", MakeCell(CellStatus::kNumber, 1, "1")}};
  EXPECT_FALSE(EncodeSetRecord(r).has_value());
  r.cells = {{"applications.extras", MakeCell(CellStatus::kNumber, 1, "1")}};
  EXPECT_TRUE(EncodeSetRecord(r).has_value());
}

// Only the bytes after a shared prefix are scanned: a path may still end
// inside a character the previous path finishes.
TEST(BatchSetRecordTest, APathCutInsideASharedCharacterHasNoRecord) {
  ReportV1 r;
  r.cells = {{"t.\xE6\x88\x90x", NumberCell(1)}, {"t.\xE6\x88", NumberCell(2)}};
  EXPECT_FALSE(EncodeSetRecord(r).has_value());
  r.cells = {{"t.\xE6\x88\x90x", NumberCell(1)}, {"t.\xE6\x88\x90y", NumberCell(2)}};
  ExpectRecordMatchesJson(r, "shared character");
}

// Out of tree order the record lists the tree, where a path set twice
// holds its last cell: one JSON would replace is then no obstacle.
TEST(BatchSetRecordTest, CellsOutOfOrderAreRecordedInTheTreesOrder) {
  ReportV1 r;
  r.cells = {{"a.x", MakeCell(CellStatus::kText, std::nullopt, "\xff")},
             {"b.y", NumberCell(2)}, {"a.x", NumberCell(3)}, {"a.z", NumberCell(4)}};
  ExpectRecordMatchesJson(r, "out of order");
  r.cells = {{"a.x", NumberCell(1)}, {"b.y", NumberCell(2)}, {"a.z", NumberCell(4)},
             {"b.w", MakeCell(CellStatus::kText, std::nullopt, "\xff")}};
  EXPECT_FALSE(EncodeSetRecord(r).has_value());
}

TEST(BatchSetRecordTest, DamagedRecordsAreRejected) {
  ReportV1 r;
  r.report = {"", "平潭", 2021, "", "gov_2021"};
  r.cells = {{"applications.new_received.total", MakeCell(CellStatus::kNumber, 5, "5")}};
  const std::string record = *EncodeSetRecord(r);
  EXPECT_TRUE(DecodeSetRecord(record).ok());
  for (size_t cut = 0; cut < record.size(); ++cut) {
    EXPECT_FALSE(DecodeSetRecord(record.substr(0, cut)).ok()) << cut;
  }
  EXPECT_FALSE(DecodeSetRecord(record + "x").ok());
  EXPECT_FALSE(DecodeSetRecord("z0;" + record.substr(3)).ok());
}

TEST(BatchSetRecordTest, PlainJsonText) {
  EXPECT_TRUE(IsPlainJsonText("z1;8:gov_2021 平潭综合实验区 0123456789abcdef"));
  EXPECT_FALSE(IsPlainJsonText("abcdefgh\"ijklmnop"));
  EXPECT_FALSE(IsPlainJsonText("abcdefghijk\\lmnop"));
  EXPECT_FALSE(IsPlainJsonText("abcdefghij\nklmnop"));
  EXPECT_FALSE(IsPlainJsonText("abc\x7f\xff"));
  EXPECT_FALSE(IsPlainJsonText("\xed\xa0\x80"));  // a surrogate
}

}  // namespace
}  // namespace zfxxgk
