// Tests for parsers/image/background.h: the whitened page is Leptonica's
// background normalisation and level stretch, pixel for pixel.
#include "parsers/image/background.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <cstdint>
#include <utility>

namespace zfxxgk::image {
namespace {

// Dark strokes on paper lit unevenly (brighter towards the right, a shaded
// band across the top), with noise.
GreyImage Page(int width, int height) {
  GreyImage g;
  g.width = width;
  g.height = height;
  g.pixels.resize(static_cast<size_t>(width) * height);
  uint32_t state = 777;
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      state = state * 1103515245u + 12345u;
      const int paper = 150 + 90 * x / width - (y < height / 5 ? 40 : 0);
      const bool stroke = (x / 5 + y / 9) % 7 == 0;
      const int v = (stroke ? 30 : paper) + static_cast<int>((state >> 24) % 20);
      g.pixels[static_cast<size_t>(y) * width + x] = static_cast<uint8_t>(v > 255 ? 255 : v);
    }
  }
  return g;
}

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
