// Tests for parsers/image/resample.h: scaling and the deskew rotation give
// Leptonica's pixels exactly.
#include "parsers/image/resample.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <cstdint>
#include <utility>

#include "parsers/image/pix.h"
#include "tests/parsers/test_pages.h"

namespace zfxxgk::image {
namespace {

GreyImage Page(int width, int height) { return UnevenTestPage(width, height, 12345u); }

GreyImage LeptonicaRotation(const GreyImage& g, float radians) {
  PixPtr pix = PixFromGrey(g);
  PixPtr rotated(pixRotate(pix.get(), radians, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
  return GreyFromPix(rotated.get(), g.dpi);
}

TEST(RotateAboutCentreTest, GivesLeptonicasAreaMapRotationPixelForPixel) {
  for (const auto& [w, h] : {std::pair{301, 217}, std::pair{640, 480}, std::pair{33, 2}}) {
    const GreyImage page = Page(w, h);
    for (float radians : {0.0262f, -0.0123f, 0.0011f, -0.12f}) {
      const GreyImage ours = RotateAboutCentre(page, radians);
      const GreyImage theirs = LeptonicaRotation(page, radians);
      ASSERT_EQ(ours.width, theirs.width);
      ASSERT_EQ(ours.height, theirs.height);
      EXPECT_EQ(ours.pixels, theirs.pixels) << w << "x" << h << " at " << radians;
    }
  }
}

TEST(RotateAboutCentreTest, LeavesThePageAsItIsUnderAThousandthOfARadian) {
  const GreyImage page = Page(64, 48);
  EXPECT_EQ(RotateAboutCentre(page, 0.0009f).pixels, page.pixels);
}

TEST(RotateAboutCentreTest, BringsInWhiteAtTheCorners) {
  GreyImage black = Page(200, 100);
  for (uint8_t& p : black.pixels) p = 0;
  const GreyImage r = RotateAboutCentre(black, 0.1f);
  EXPECT_EQ(r.pixels.front(), 255);  // a corner turned out of the page
  EXPECT_EQ(r.pixels[50 * 200 + 100], 0);  // the centre stays
}

TEST(ScaleLinearTest, GivesLeptonicasLinearInterpolationPixelForPixel) {
  for (const auto& [w, h] : {std::pair{301, 217}, std::pair{64, 3}, std::pair{1240, 90}}) {
    const GreyImage page = Page(w, h);
    for (float factor : {1.5f, 300.0f / 225, 3.0f, 1.2f, 300.0f / 96}) {
      PixPtr pix = PixFromGrey(page);
      PixPtr scaled(pixScaleGrayLI(pix.get(), factor, factor));
      const GreyImage theirs = GreyFromPix(scaled.get(), page.dpi);
      const GreyImage ours = ScaleLinear(page, factor);
      ASSERT_EQ(ours.width, theirs.width) << factor;
      ASSERT_EQ(ours.height, theirs.height) << factor;
      EXPECT_EQ(ours.pixels, theirs.pixels) << w << "x" << h << " times " << factor;
    }
  }
}

}  // namespace
}  // namespace zfxxgk::image
