// Tests for parsers/image/background.h: the whitened page is Leptonica's
// background normalisation and level stretch, pixel for pixel.
#include "parsers/image/background.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <cstdint>
#include <utility>

#include "tests/parsers/test_pages.h"

namespace zfxxgk::image {
namespace {

GreyImage Page(int width, int height) { return UnevenTestPage(width, height, 777u); }

TEST(WhitenBackgroundTest, GivesLeptonicasNormalisationAndLevelsPixelForPixel) {
  for (const auto& [w, h] : {std::pair{303, 211}, std::pair{640, 480}, std::pair{97, 45}}) {
    const GreyImage page = Page(w, h);
    PixPtr pix = PixFromGrey(page);
    PixPtr theirs(pixBackgroundNormMorph(pix.get(), nullptr, 4, 5, 200));
    ASSERT_TRUE(theirs);
    pixGammaTRC(theirs.get(), theirs.get(), 1.0, 0, 200);
    const std::optional<GreyImage> ours = WhitenBackground(pix.get(), 300);
    ASSERT_TRUE(ours.has_value());
    EXPECT_EQ(ours->dpi, 300);
    EXPECT_EQ(ours->pixels, GreyFromPix(theirs.get(), 300).pixels) << w << "x" << h;
  }
}

TEST(WhitenBackgroundTest, MakesUnevenPaperWhite) {
  const GreyImage page = Page(400, 300);
  PixPtr pix = PixFromGrey(page);
  const std::optional<GreyImage> white = WhitenBackground(pix.get(), 300);
  ASSERT_TRUE(white.has_value());
  // Paper on the dark left and in the shaded band becomes (nearly) white.
  EXPECT_GE(white->at(3, 200), 230);
  EXPECT_GE(white->at(3, 10), 230);
}

}  // namespace
}  // namespace zfxxgk::image
