// Tests for parsers/image/ink.h: text lines found by the ink projection.
#include "parsers/image/ink.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <vector>

namespace zfxxgk::image {
namespace {

// A 1-bit page with ink in the given boxes (x, y, w, h).
PixPtr InkPage(const std::vector<PixelRect>& boxes) {
  PixPtr pix(pixCreate(1000, 600, 1));
  for (const PixelRect& r : boxes) pixRasterop(pix.get(), r.x, r.y, r.width, r.height, PIX_SET, nullptr, 0, 0);
  return pix;
}

const BBox kPage{0, 0, 1000, 600};

TEST(InkLinesTest, ADateLineUnderATallTitleKeepsItsOwnHeight) {
  // A bold title 70 px tall, a date line 35 px tall, fax specks 10 px below
  // the date: the specks are no part of the date line (joined, the line
  // would be scaled down as if it were a title and read as "0").
  PixPtr page = InkPage({{100, 10, 800, 70}, {300, 120, 300, 35}, {420, 165, 4, 4}});
  const std::vector<BBox> lines = InkLines(page.get(), kPage);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(lines[0].y0, 10);
  EXPECT_EQ(lines[0].y1, 80);
  EXPECT_EQ(lines[1].y0, 120);
  EXPECT_EQ(lines[1].y1, 155);
}

TEST(InkLinesTest, TheStrokesOfALoneCharacterJoinIntoOneLine) {
  // A vertical label one character a line: 本 (one run), then 三 (three
  // strokes with blank rows between), then 年.
  PixPtr page = InkPage({{100, 10, 40, 40},
                         {100, 70, 40, 4}, {104, 86, 32, 4}, {100, 104, 40, 6},
                         {100, 130, 40, 40}});
  const std::vector<BBox> lines = InkLines(page.get(), kPage);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1].y0, 70);
  EXPECT_EQ(lines[1].y1, 110);
}

TEST(InkLinesTest, ALoneSpeckAboveTextIsNoLine) {
  PixPtr page = InkPage({{500, 5, 3, 3}, {100, 40, 600, 40}});
  const std::vector<BBox> lines = InkLines(page.get(), kPage);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].y0, 40);
}

TEST(WidestComponentTest, MeasuresTheWidestPieceInsideTheBox) {
  // A digit-like bar 12 px wide, a square 30 px wide, and outside the box a
  // rule 500 px wide.
  PixPtr page = InkPage({{100, 100, 12, 30}, {130, 100, 30, 30}, {100, 300, 500, 4}});
  EXPECT_EQ(WidestComponent(page.get(), BBox{90, 90, 200, 140}), 30);
  EXPECT_EQ(WidestComponent(page.get(), BBox{90, 90, 120, 140}), 12);
  EXPECT_EQ(WidestComponent(page.get(), BBox{300, 150, 400, 200}), 0);
}

}  // namespace
}  // namespace zfxxgk::image
