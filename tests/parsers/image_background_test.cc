// Tests for parsers/image/background.h: uneven paper becomes white.
#include "parsers/image/background.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include "tests/parsers/test_pages.h"

namespace zfxxgk::image {
namespace {

GreyImage Page(int width, int height) { return UnevenTestPage(width, height, 777u); }

TEST(WhitenBackgroundTest, MakesUnevenPaperWhite) {
  const GreyImage page = Page(400, 300);
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
