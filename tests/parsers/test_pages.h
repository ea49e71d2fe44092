// Synthetic grey pages for the image tests that compare our raster code with
// Leptonica's pixel for pixel.
#ifndef ZFXXGK_TESTS_PARSERS_TEST_PAGES_H_
#define ZFXXGK_TESTS_PARSERS_TEST_PAGES_H_

#include <cstddef>
#include <cstdint>

#include "pipeline/ocr_engine.h"

namespace zfxxgk::image {

// Dark text-like strokes (grey 0..89) on paper lit unevenly (brighter towards
// the right, a shaded band across the top fifth), with noise: most grey
// levels occur. Deterministic for `seed`. Pixels with x < 5 are paper except
// in rows y mod 63 < 9.
inline GreyImage UnevenTestPage(int width, int height, uint32_t seed) {
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

}  // namespace zfxxgk::image

#endif  // ZFXXGK_TESTS_PARSERS_TEST_PAGES_H_
