// Tests for parsers/image/label_ends.h: long label strips drawn here (black
// squares the size of ideographs), read by a fake engine that answers by
// the part of the strip it is given.
#include "parsers/image/label_ends.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace zfxxgk::image {
namespace {

constexpr int kHeight = 40, kGap = 6, kMargin = 12;

// Answers `head` for a region starting at the strip's left edge and `tail`
// for any other; remembers the regions.
class EndsEngine : public OcrEngine {
 public:
  StatusOr<std::vector<OcrWord>> Recognize(const GreyImage&, const PixelRect& region,
                                           OcrLayout) override {
    regions.push_back(region);
    OcrWord w;
    w.text = region.x == 0 ? head : tail;
    w.confidence = 0.9;
    return std::vector<OcrWord>{w};
  }
  StatusOr<LatinReading> ReadLatin(const GreyImage&, const PixelRect&, OcrLayout,
                                   LatinCharset) override {
    return LatinReading();
  }
  std::string Describe() const override { return "ends"; }

  std::string head, tail;
  std::vector<PixelRect> regions;
};

// A strip of `glyphs` squares kHeight high, kGap apart, with white margins.
GreyImage Strip(int glyphs) {
  GreyImage s;
  s.width = 2 * kMargin + glyphs * (kHeight + kGap);
  s.height = 2 * kMargin + kHeight;
  s.pixels.assign(static_cast<size_t>(s.width) * s.height, 255);
  for (int g = 0; g < glyphs; ++g) {
    for (int y = kMargin; y < kMargin + kHeight; ++y) {
      for (int x = 0; x < kHeight; ++x) {
        s.pixels[static_cast<size_t>(y) * s.width + kMargin + g * (kHeight + kGap) + x] = 0;
      }
    }
  }
  return s;
}

// Whether column `x` of a Strip lies between two glyphs.
bool InGap(int x) { return (x - kMargin) % (kHeight + kGap) >= kHeight; }

const LabelSet& Labels() {
  static const LabelSet* labels =
      new LabelSet({{"要求行政机关确认或重新出具已获取信息"}, {"属于国家秘密"}});
  return *labels;
}

TEST(LabelEndsTest, ALongLabelIsReadByItsEndsOnly) {
  EndsEngine engine;
  engine.head = "5.要求行政机";
  engine.tail = "获取信息";
  const GreyImage strip = Strip(19);
  StatusOr<std::optional<LabelEndsReading>> r = ReadLabelEnds(engine, strip, Labels(), 170);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(r->has_value());
  EXPECT_EQ((*r)->text, "5.要求行政机关确认或重新出具已获取信息");
  EXPECT_DOUBLE_EQ((*r)->confidence, 0.9);
  ASSERT_EQ(engine.regions.size(), 2u);
  // Less than two thirds of the strip was read, each part cut between glyphs.
  EXPECT_LT(engine.regions[0].width + engine.regions[1].width, 2 * strip.width / 3);
  EXPECT_TRUE(InGap(engine.regions[0].width));
  EXPECT_TRUE(InGap(engine.regions[1].x));
  EXPECT_EQ(engine.regions[1].x + engine.regions[1].width, strip.width);
}

TEST(LabelEndsTest, AStripNarrowerThanTheMinimumIsNotRead) {
  EndsEngine engine;
  StatusOr<std::optional<LabelEndsReading>> r = ReadLabelEnds(engine, Strip(12), Labels(), 170);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->has_value());
  EXPECT_TRUE(engine.regions.empty());
}

TEST(LabelEndsTest, EndsThatNameNoLabelGiveNothing) {
  EndsEngine engine;
  engine.head = "5.要求行政机";
  engine.tail = "获取信恩";  // misread: the caller reads the whole strip
  StatusOr<std::optional<LabelEndsReading>> r = ReadLabelEnds(engine, Strip(19), Labels(), 170);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->has_value());
}

TEST(LabelEndsTest, ALabelTooShortForTheStripsWidthIsNoMatch) {
  EndsEngine engine;
  engine.head = "属于国家";
  engine.tail = "家秘密";
  // Six characters cannot fill a strip of forty glyphs.
  StatusOr<std::optional<LabelEndsReading>> r = ReadLabelEnds(engine, Strip(40), Labels(), 170);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->has_value());
}

}  // namespace
}  // namespace zfxxgk::image
