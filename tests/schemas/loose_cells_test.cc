// Tests for schemas/loose_cells.h on small synthetic rows: a loose cell is
// placed only where the prose states its number for exactly one printed
// cell that agrees (a), the row's own printed cell then becomes a candidate
// of its lost cell (b), and nothing changes otherwise. The last test runs a
// made-up markdown page through the text parser and the table mapper.
#include "schemas/loose_cells.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "parsers/text/text_parser.h"
#include "schemas/cell_value.h"
#include "schemas/item_stream.h"
#include "schemas/table_mapper.h"
#include "schemas/template.h"

namespace zfxxgk {
namespace {

constexpr char kNoteA[] = "5（另有2件）";
constexpr char kNoteB[] = "8（含3件到期）";

// A 3-column row printed one cell short, as the resolver leaves it: first
// and last values kept, the inner cell ambiguous over the loose cells.
RowSlot ShortRow(const std::string& key, const std::string& first, const std::string& last,
                 const std::vector<std::string>& loose) {
  RowSlot s;
  s.path = "t." + key;
  static const std::string kColumns[] = {"a", "b", "c"};
  s.columns = kColumns;
  s.found = true;
  s.read.one_cell_lost = true;
  s.strays = loose;
  CellOut inner;
  inner.status = CellStatus::kAmbiguous;
  inner.candidate_absent = true;
  inner.candidates = loose;
  s.cells = {ParseCellText(first), inner, ParseCellText(last)};
  return s;
}

ProseFact Fact(const std::string& path, const std::string& value) {
  return {path, value, "prose_test", "本年共5件"};
}

std::vector<std::string> Candidates(const CellOut& c) { return c.candidates; }

int CountIssues(const ReportV1& r, const std::string& code) {
  return static_cast<int>(std::count_if(r.issues.begin(), r.issues.end(),
                                        [&](const Issue& i) { return i.code == code; }));
}

TEST(LooseCellsTest, LeadingInteger) {
  EXPECT_EQ(LeadingInteger(kNoteA), "5");
  EXPECT_EQ(LeadingInteger("１２（含１件）"), "12");  // full-width digits
  EXPECT_EQ(LeadingInteger("（含3件）"), "");
  EXPECT_EQ(LeadingInteger("3.5万元"), "");
  EXPECT_EQ(LeadingInteger("40"), "40");
}

TEST(LooseCellsTest, ProseStatedLooseCellTakesTheAgreeingCell) {
  std::vector<std::string> loose = {kNoteA, kNoteB};
  std::vector<RowSlot> rows = {ShortRow("x", "5", "40", loose), ShortRow("y", "9", "60", loose)};
  ReportV1 report;
  PlaceLooseByProse(loose, {Fact("t.x.a", "5")}, rows, report);
  const CellOut& placed = rows[0].cells[0];
  EXPECT_EQ(placed.raw, kNoteA);
  EXPECT_EQ(placed.status, CellStatus::kText);
  ASSERT_TRUE(placed.value.has_value());
  EXPECT_EQ(*placed.value, 5);
  EXPECT_EQ(CountIssues(report, "loose_cell_placed_by_prose"), 1);
  // No longer a candidate of the other row.
  EXPECT_EQ(Candidates(rows[1].cells[1]), std::vector<std::string>({kNoteB}));
  EXPECT_TRUE(rows[1].cells[1].candidate_absent);
}

TEST(LooseCellsTest, RowsOwnPrintedCellBecomesCandidateOfItsLostCell) {
  std::vector<std::string> loose = {kNoteA, kNoteB};
  std::vector<RowSlot> rows = {ShortRow("x", "5", "40", loose), ShortRow("y", "9", "60", loose)};
  ReportV1 report;
  PlaceLooseByProse(loose, {Fact("t.x.a", "5")}, rows, report);
  const CellOut& lost = rows[0].cells[1];
  EXPECT_EQ(lost.status, CellStatus::kAmbiguous);
  EXPECT_TRUE(lost.candidate_absent);
  EXPECT_EQ(Candidates(lost), std::vector<std::string>({"5", kNoteB}));
  EXPECT_EQ(rows[0].cells[2].raw, "40");
}

TEST(LooseCellsTest, LastCellStatedByProseOffersItsNeighbour) {
  std::vector<std::string> loose = {"40（含1件）"};
  std::vector<RowSlot> rows = {ShortRow("x", "5", "40", loose)};
  ReportV1 report;
  PlaceLooseByProse(loose, {Fact("t.x.c", "40")}, rows, report);
  EXPECT_EQ(rows[0].cells[2].raw, "40（含1件）");
  EXPECT_EQ(Candidates(rows[0].cells[1]), std::vector<std::string>({"40"}));
}

TEST(LooseCellsTest, NothingPlacedWhenThePrintedCellDisagrees) {
  std::vector<std::string> loose = {kNoteA, kNoteB};
  std::vector<RowSlot> rows = {ShortRow("x", "6", "40", loose)};
  ReportV1 report;
  PlaceLooseByProse(loose, {Fact("t.x.a", "5")}, rows, report);
  EXPECT_EQ(rows[0].cells[0].raw, "6");
  EXPECT_EQ(Candidates(rows[0].cells[1]), loose);
  EXPECT_TRUE(report.issues.empty());
}

TEST(LooseCellsTest, NothingPlacedWithoutProseOrWhenItStatesSeveralCells) {
  std::vector<std::string> loose = {kNoteA, kNoteB};
  for (const std::vector<ProseFact>& facts :
       {std::vector<ProseFact>{}, {Fact("t.x.a", "5"), Fact("t.y.a", "5")}}) {
    std::vector<RowSlot> rows = {ShortRow("x", "5", "40", loose),
                                 ShortRow("y", "5", "60", loose)};
    ReportV1 report;
    PlaceLooseByProse(loose, facts, rows, report);
    EXPECT_EQ(rows[0].cells[0].raw, "5");
    EXPECT_EQ(rows[1].cells[0].raw, "5");
    EXPECT_EQ(Candidates(rows[0].cells[1]), loose);
    EXPECT_EQ(Candidates(rows[1].cells[1]), loose);
  }
}

TEST(LooseCellsTest, TwoLooseCellsWithTheSameNumberAreLeftOpen) {
  std::vector<std::string> loose = {kNoteA, "5（含1件）"};
  std::vector<RowSlot> rows = {ShortRow("x", "5", "40", loose)};
  ReportV1 report;
  PlaceLooseByProse(loose, {Fact("t.x.a", "5")}, rows, report);
  EXPECT_EQ(rows[0].cells[0].raw, "5");
  EXPECT_EQ(Candidates(rows[0].cells[1]), loose);
}

TEST(LooseCellsTest, CellLeftWithOnlyAbsenceIsMissing) {
  std::vector<std::string> loose = {kNoteA};
  std::vector<RowSlot> rows = {ShortRow("x", "5", "40", loose), ShortRow("y", "9", "60", loose)};
  ReportV1 report;
  PlaceLooseByProse(loose, {Fact("t.x.a", "5")}, rows, report);
  EXPECT_EQ(rows[1].cells[1].status, CellStatus::kMissing);
  EXPECT_EQ(Candidates(rows[0].cells[1]), std::vector<std::string>({"5"}));
}

// Made-up page in the shape a lossy PDF->markdown conversion gives: the
// annotated cells of table 二 (一) float above the rows, which are printed
// one cell short.
constexpr char kPage[] =
    "一、总体情况\n"
    "全年主动公开区政府规章 7 件、规范性文件 13 件。\n"
    "二、主动公开政府信息情况\n"
    "第二十条第（一）项\n"
    "7\n"
    "（其中新订 3 件）\n"
    "4\n"
    "（含到期 2 件）\n"
    "第二十条第（五）项\n"
    "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
    "|---|---|---|---|\n"
    "| 规章 | 7 | 51 |\n"
    "| 行政规范性文件 | 13 | 88 |\n";

const CellOut* Cell(const ReportV1& r, const std::string& path) {
  for (const auto& [p, c] : r.cells) {
    if (p == "active_disclosure.art20_item1." + path) return &c;
  }
  return nullptr;
}

TEST(LooseCellsTest, MapperPlacesFloatingCellStatedByProse) {
  StatusOr<Document> doc = text::ParseText(kPage, "page.md");
  ASSERT_TRUE(doc.ok());
  ReportV1 report;
  MapTables(BuildItemStream(*doc), Gov2021Template(), report);
  const CellOut* issued = Cell(report, "regulations.issued_count");
  const CellOut* repealed = Cell(report, "regulations.repealed_count");
  const CellOut* other = Cell(report, "normative_documents.repealed_count");
  ASSERT_TRUE(issued && repealed && other);
  EXPECT_EQ(issued->raw, "7（其中新订3件）");
  EXPECT_EQ(*issued->value, 7);
  EXPECT_EQ(Candidates(*repealed), std::vector<std::string>({"7", "4（含到期2件）"}));
  EXPECT_EQ(Candidates(*other), std::vector<std::string>({"4（含到期2件）"}));
  EXPECT_EQ(Cell(report, "normative_documents.issued_count")->raw, "13");
}

}  // namespace
}  // namespace zfxxgk
