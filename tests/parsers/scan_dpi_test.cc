// Tests for parsers/pdf/scan_dpi.h: image sizes read from PDF bytes, and the
// resolution of the whole-page scan matching a page.
#include "parsers/pdf/scan_dpi.h"

#include <gtest/gtest.h>

#include <string>

namespace zfxxgk::pdf {
namespace {

TEST(ScanDpiTest, ReadsTheSizesOfImageXObjects) {
  const std::string pdf =
      "1 0 obj\n<< /Type /XObject /Subtype /Image /Width 1654 /Height 2339 /BitsPerComponent 8 "
      "/ColorSpace /DeviceGray /Filter /DCTDecode /Length 9 >>\nstream\n...\nendstream\nendobj\n"
      "2 0 obj\n<</Type/XObject/Subtype/Image/Width 800/Height 600/Length 3>>stream\n";
  const std::vector<ImageSize> sizes = ImageXObjectSizes(pdf);
  ASSERT_EQ(sizes.size(), 2u);
  EXPECT_EQ(sizes[0].width, 1654);
  EXPECT_EQ(sizes[0].height, 2339);
  EXPECT_EQ(sizes[1].width, 800);
  EXPECT_EQ(sizes[1].height, 600);
}

TEST(ScanDpiTest, SkipsOtherSubtypesAndIndirectSizes) {
  const std::string pdf =
      "<< /Subtype /Form /Width 10 /Height 10 >>"
      "<< /Subtype /ImageMask /Width 10 /Height 10 >>"
      "<< /Subtype /Image /Width 12 0 R /Height 40 >>"
      "<< /Subtype /Image /WidthX 5 /Height 40 >>";
  EXPECT_TRUE(ImageXObjectSizes(pdf).empty());
}

TEST(ScanDpiTest, TruncatedBytesDoNotReadPastTheEnd) {
  EXPECT_TRUE(ImageXObjectSizes("<< /Subtype /Image /Width 1654 /Hei").empty());
  EXPECT_TRUE(ImageXObjectSizes("/Subtype").empty());
  EXPECT_TRUE(ImageXObjectSizes("").empty());
}

TEST(ScanDpiTest, AnA4ScanAt200DpiIs200Dpi) {
  // A4 is 595.3 x 841.9 points; scanned at 200 dpi, 1654 x 2339 pixels.
  EXPECT_EQ(ScanDpi({{1654, 2339}}, 595.28, 841.89, 100, 600), 200.0);  // 200.06, rounded
}

TEST(ScanDpiTest, ALandscapeScanOfAPortraitPageCounts) {
  EXPECT_NEAR(ScanDpi({{2339, 1654}}, 595.3, 841.9, 100, 600), 200.0, 0.5);
}

TEST(ScanDpiTest, ImagesOfAnotherShapeDoNotCount) {
  EXPECT_EQ(ScanDpi({{200, 80}, {1000, 1000}}, 595.3, 841.9, 100, 600), 0);
  EXPECT_EQ(ScanDpi({}, 595.3, 841.9, 100, 600), 0);
  EXPECT_EQ(ScanDpi({{1654, 2339}}, 0, 841.9, 100, 600), 0);
}

TEST(ScanDpiTest, TheHighestMatchingResolutionWinsAndIsClamped) {
  EXPECT_NEAR(ScanDpi({{1240, 1754}, {2480, 3508}}, 595.3, 841.9, 100, 600), 300.0, 0.5);
  EXPECT_EQ(ScanDpi({{620, 877}}, 595.3, 841.9, 100, 600), 100);      // 75 dpi
  EXPECT_EQ(ScanDpi({{9921, 14031}}, 595.3, 841.9, 100, 600), 600);   // 1200 dpi
}

}  // namespace
}  // namespace zfxxgk::pdf
