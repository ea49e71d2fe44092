// Tests for parsers/image/background.h: uneven paper becomes white.
#include "parsers/image/background.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <cstddef>
#include <cstdint>

#include "pipeline/ocr_engine.h"

namespace zfxxgk::image {
namespace {

// Dark text-like strokes (grey 0..89) on paper lit unevenly (brighter towards
// the right, a shaded band across the top fifth), with noise: most grey
// levels occur. Deterministic for `seed`. Pixels with x < 5 are paper except
// in rows y mod 63 < 9.
GreyImage UnevenTestPage(int width, int height, uint32_t seed) {
  GreyImage g;
  g.width = width;
  g.height = height;
  g.pixels.resize(static_cast<size_t>(width) * height);
  uint32_t state = seed;
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      state = state * 1103515245u + 12345u;
      const int noise = static_cast<int>(state >> 24);
      const int paper = 150 + 90 * x / width - (y < height / 5 ? 40 : 0) + noise % 20;
      const bool stroke = (x / 5 + y / 9) % 7 == 0;
      const int v = stroke ? noise % 90 : paper;
      g.pixels[static_cast<size_t>(y) * width + x] = static_cast<uint8_t>(v > 255 ? 255 : v);
    }
  }
  return g;
}

TEST(WhitenBackgroundTest, MakesUnevenPaperWhite) {
  const GreyImage page = UnevenTestPage(400, 300, 777u);
  PixPtr pix = PixFromGrey(page);
  PixPtr white_pix = WhitenBackground(pix.get());
  ASSERT_TRUE(white_pix);
  const GreyImage white = GreyFromPix(white_pix.get(), 300);
  // Paper on the dark left and in the shaded band becomes (nearly) white.
  EXPECT_GE(white.at(3, 200), 230);
  EXPECT_GE(white.at(3, 10), 230);
}

}  // namespace
}  // namespace zfxxgk::image
