// OCR cells with several readings (Cell::alternatives) through the mapper:
// the identities choose among them, or the cell stays ambiguous. The
// Document is corpus/synth-2021-html (truth: tools/synthetic/
// qinglan-county-2021.json) parsed from HTML, with cells turned into OCR
// cells by hand; no image, no Tesseract.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "parsers/html/html_parser.h"
#include "schemas/report_v1.h"

namespace zfxxgk {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const std::string& rel) {
  std::ifstream in(fs::path(ZF_SOURCE_DIR) / rel, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The first value cell of the table row labelled `label`.
Cell* ValueAfter(Document& doc, const std::string& label) {
  for (Table& t : doc.tables) {
    int row = -1, col = -1;
    for (const Cell& c : t.cells) {
      if (c.text.find(label) != std::string::npos) {
        row = c.row;
        col = c.col + c.col_span;
      }
    }
    if (row < 0) continue;
    for (Cell& c : t.cells) {
      if (c.row == row && c.col == col) return &c;
    }
  }
  return nullptr;
}

// Makes `cell` an OCR cell read as `readings` (most likely first).
void Misread(Cell& cell, const std::vector<std::string>& readings) {
  cell.text = readings.front();
  cell.alternatives = readings;
  cell.prov.produced_by = "ocr";
  cell.prov.confidence = 0.5;
}

const CellOut* Find(const ReportV1& r, const std::string& path) {
  for (const auto& [p, c] : r.cells) {
    if (p == path) return &c;
  }
  return nullptr;
}

bool HasIssue(const ReportV1& r, const std::string& code, const std::string& part) {
  for (const Issue& i : r.issues) {
    if (i.code == code && i.message.find(part) != std::string::npos) return true;
  }
  return false;
}

class OcrReadingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    utf8_ = ReadFile("corpus/synth-2021-html/input.html");
    StatusOr<Document> doc = html::ParseHtml(utf8_, "input.html");
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    doc_ = std::move(*doc);
  }
  std::string utf8_;
  Document doc_;
};

TEST_F(OcrReadingsTest, IdentitiesChooseTheReadingThatMakesThemHold) {
  Cell* cell = ValueAfter(doc_, "予以公开");  // results.granted.natural_person, printed 52
  ASSERT_NE(cell, nullptr);
  ASSERT_EQ(cell->text, "52");
  Misread(*cell, {"62", "52"});
  StatusOr<ReportV1> report = BuildReport(doc_, utf8_);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const CellOut* c = Find(*report, "applications.results.granted.natural_person");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->status, CellStatus::kNumber);
  EXPECT_EQ(c->value, 52);
  EXPECT_EQ(c->prov.confidence, 0.5);  // still the reading's confidence
  EXPECT_EQ(c->prov.produced_by, "ocr");
  EXPECT_TRUE(HasIssue(*report, "reading_decided_by_identities",
                       "applications.results.granted.natural_person"));
  EXPECT_TRUE(HasIssue(*report, "reading_decided_by_identities", "T3.3"));
}

TEST_F(OcrReadingsTest, ReadingsNoIdentityDecidesStayAmbiguous) {
  Cell* cell = ValueAfter(doc_, "行政许可");  // table 二 has no identities; printed 12583
  ASSERT_NE(cell, nullptr);
  ASSERT_EQ(cell->text, "12583");
  Misread(*cell, {"12588", "12583"});
  StatusOr<ReportV1> report = BuildReport(doc_, utf8_);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const CellOut* c = Find(*report, "active_disclosure.art20_item5.administrative_licensing.decisions_count");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->status, CellStatus::kAmbiguous);
  EXPECT_FALSE(c->value.has_value());
  EXPECT_EQ(c->candidates, (std::vector<std::string>{"12583", "12588"}));
  EXPECT_EQ(c->raw, "12588");
  EXPECT_TRUE(HasIssue(*report, "ambiguous_cell", "OCR readings disagree"));
}

TEST_F(OcrReadingsTest, ACellWithOneReadingIsUntouched) {
  StatusOr<ReportV1> report = BuildReport(doc_, utf8_);
  ASSERT_TRUE(report.ok());
  const CellOut* c = Find(*report, "applications.results.granted.natural_person");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->value, 52);
  for (const Issue& i : report->issues) EXPECT_NE(i.code, "reading_decided_by_identities");
}

}  // namespace
}  // namespace zfxxgk
