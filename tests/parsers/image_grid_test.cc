// Tests for parsers/image/table_grid.h on ruled pages drawn here with
// Leptonica: rules, merged cells where a rule segment is absent, double
// borders, text strokes that are not rules, rule erasure. No OCR.
#include "parsers/image/table_grid.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <vector>

#include "parsers/image/pix.h"

namespace zfxxgk::image {
namespace {

constexpr int kDpi = 300;

class Page {
 public:
  Page(int w, int h) : pix_(pixCreate(w, h, 8)) {
    pixSetAllGray(pix_.get(), 255);
    pixSetResolution(pix_.get(), kDpi, kDpi);
  }
  // A filled rectangle of grey level `v` (0 = black).
  void Fill(int x, int y, int w, int h, int v = 0) {
    BOX* b = boxCreate(x, y, w, h);
    pixSetInRectArbitrary(pix_.get(), b, v);
    boxDestroy(&b);
  }
  void HRule(int x0, int x1, int y, int v = 0) { Fill(x0, y, x1 - x0 + 1, 3, v); }
  void VRule(int x, int y0, int y1, int v = 0) { Fill(x, y0, 3, y1 - y0 + 1, v); }
  GreyImage Grey() const { return GreyFromPix(pix_.get(), kDpi); }

 private:
  PixPtr pix_;
};

// A 4 x 3 table: rows every 80 px from y 200, columns at 200, 700, 1000, 1300.
constexpr int kXs[] = {200, 700, 1000, 1300};
constexpr int kYs[] = {200, 280, 360, 440, 520};

void DrawGrid(Page& p, int v = 0) {
  for (int y : kYs) p.HRule(kXs[0], kXs[3] + 2, y, v);
  for (int x : kXs) p.VRule(x, kYs[0], kYs[4] + 2, v);
}

const GridCell* CellAt(const TableGrid& t, int row, int col) {
  for (const GridCell& c : t.cells) {
    if (c.row == row && c.col == col) return &c;
  }
  return nullptr;
}

TEST(TableGridTest, FindsTheGridOfARuledTable) {
  Page p(1500, 800);
  DrawGrid(p);
  PageLayout layout = AnalyzePage(p.Grey());
  ASSERT_EQ(layout.tables.size(), 1u);
  const TableGrid& t = layout.tables[0];
  EXPECT_EQ(t.n_rows(), 4);
  EXPECT_EQ(t.n_cols(), 3);
  ASSERT_EQ(t.cells.size(), 12u);
  for (const GridCell& c : t.cells) {
    EXPECT_EQ(c.row_span, 1);
    EXPECT_EQ(c.col_span, 1);
  }
  const GridCell* c = CellAt(t, 1, 1);
  ASSERT_NE(c, nullptr);
  // Inside the rules: 703..1000 across, 283..360 down (rules are 3 px).
  EXPECT_NEAR(c->inner.x0, 703, 3);
  EXPECT_NEAR(c->inner.x1, 1000, 3);
  EXPECT_NEAR(c->inner.y0, 283, 3);
  EXPECT_NEAR(c->inner.y1, 360, 3);
}

TEST(TableGridTest, AnAbsentRuleSegmentMergesCells) {
  Page p(1500, 800);
  DrawGrid(p);
  p.Fill(kXs[1] - 2, kYs[0] + 4, 8, kYs[1] - kYs[0] - 6, 255);  // row 0: no rule between cols 0, 1
  p.Fill(kXs[2] + 5, kYs[2] - 2, kXs[3] - kXs[2] - 6, 8, 255);   // col 2: no rule under row 1
  PageLayout layout = AnalyzePage(p.Grey());
  ASSERT_EQ(layout.tables.size(), 1u);
  const TableGrid& t = layout.tables[0];
  const GridCell* wide = CellAt(t, 0, 0);
  ASSERT_NE(wide, nullptr);
  EXPECT_EQ(wide->col_span, 2);
  EXPECT_EQ(CellAt(t, 0, 1), nullptr);
  const GridCell* tall = CellAt(t, 1, 2);
  ASSERT_NE(tall, nullptr);
  EXPECT_EQ(tall->row_span, 2);
  EXPECT_EQ(CellAt(t, 2, 2), nullptr);
  EXPECT_EQ(t.cells.size(), 10u);
}

TEST(TableGridTest, GreyRulesCount) {
  Page p(1500, 800);
  DrawGrid(p, 180);  // a sans style's light grey rules after blur
  PageLayout layout = AnalyzePage(p.Grey());
  ASSERT_EQ(layout.tables.size(), 1u);
  EXPECT_EQ(layout.tables[0].cells.size(), 12u);
}

TEST(TableGridTest, TextStrokesInsideCellsAreNotRules) {
  Page p(1500, 800);
  DrawGrid(p);
  for (int x = 250; x < 650; x += 40) p.Fill(x, kYs[1] + 18, 5, 44);  // "|||" strokes
  p.Fill(740, kYs[2] + 30, 220, 5);                                    // a "一" stroke
  PageLayout layout = AnalyzePage(p.Grey());
  ASSERT_EQ(layout.tables.size(), 1u);
  EXPECT_EQ(layout.tables[0].n_cols(), 3);
  EXPECT_EQ(layout.tables[0].n_rows(), 4);
}

TEST(TableGridTest, ADoubleBorderIsOneRule) {
  Page p(1500, 800);
  DrawGrid(p);
  p.HRule(kXs[0] - 6, kXs[3] + 8, kYs[0] - 6);
  p.HRule(kXs[0] - 6, kXs[3] + 8, kYs[4] + 8);
  p.VRule(kXs[0] - 6, kYs[0] - 6, kYs[4] + 8);
  p.VRule(kXs[3] + 8, kYs[0] - 6, kYs[4] + 8);
  PageLayout layout = AnalyzePage(p.Grey());
  ASSERT_EQ(layout.tables.size(), 1u);
  EXPECT_EQ(layout.tables[0].n_cols(), 3);
  EXPECT_EQ(layout.tables[0].n_rows(), 4);
}

TEST(TableGridTest, ALoneRuleOrTextIsNoTable) {
  Page p(1500, 800);
  p.HRule(200, 1300, 300);  // a separator under a heading
  for (int x = 200; x < 1200; x += 60) p.Fill(x, 400, 30, 44);
  EXPECT_TRUE(AnalyzePage(p.Grey()).tables.empty());
}

TEST(TableGridTest, TwoTablesComeTopToBottom) {
  Page p(1500, 1600);
  DrawGrid(p);
  for (int y : {900, 980, 1060}) p.HRule(200, 1002, y);
  for (int x : {200, 600, 1000}) p.VRule(x, 900, 1062);
  PageLayout layout = AnalyzePage(p.Grey());
  ASSERT_EQ(layout.tables.size(), 2u);
  EXPECT_LT(layout.tables[0].box.y0, layout.tables[1].box.y0);
  EXPECT_EQ(layout.tables[1].n_rows(), 2);
  EXPECT_EQ(layout.tables[1].n_cols(), 2);
}

TEST(TableGridTest, RulesArePaintedOutOfTheTextImage) {
  Page p(1500, 800);
  DrawGrid(p);
  p.Fill(800, kYs[1] + 20, 30, 40);  // ink inside a cell stays
  PageLayout layout = AnalyzePage(p.Grey());
  const GreyImage& g = layout.text_image;
  EXPECT_EQ(g.at(kXs[1] + 1, 300), 255);   // a vertical rule
  EXPECT_EQ(g.at(900, kYs[2] + 1), 255);   // a horizontal rule
  EXPECT_EQ(g.at(810, kYs[1] + 40), 0);    // the ink
}

}  // namespace
}  // namespace zfxxgk::image
