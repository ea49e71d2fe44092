#include "parsers/image/background.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace zfxxgk::image {
namespace {

// The background is estimated at 1/kReduction scale with a closing of
// kClosing pixels there; the paper is brought to kBackground, then the
// levels 0..kBackground are stretched to 0..255.
constexpr int kReduction = 4, kClosing = 5, kBackground = 200;

struct NumaDeleter {
  void operator()(Numa* n) const { numaDestroy(&n); }
};

// Leptonica's level table for pixGammaTRC(…, 1.0, 0, kBackground).
std::optional<std::array<uint8_t, 256>> LevelTable() {
  std::unique_ptr<Numa, NumaDeleter> trc(numaGammaTRC(1.0, 0, kBackground));
  if (!trc || numaGetCount(trc.get()) != 256) return std::nullopt;
  std::array<uint8_t, 256> table{};
  for (int i = 0; i < 256; ++i) {
    l_int32 v = 0;
    numaGetIValue(trc.get(), i, &v);
    table[i] = static_cast<uint8_t>(std::clamp(v, 0, 255));
  }
  return table;
}

// Multiplies each pixel of `page` by the entry of the 16 bpp inverse
// background map for its kReduction x kReduction tile (value * map / 256,
// at most 255, as pixApplyInvBackgroundGrayMap does) and looks the result
// up in `levels`. Pixels no tile covers stay 0 there: levels[0] here.
void ApplyMap(GreyImage& page, Pix* map, const std::array<uint8_t, 256>& levels) {
  const int w = page.width, h = page.height;
  const int wm = pixGetWidth(map), hm = pixGetHeight(map), wplm = pixGetWpl(map);
  const l_uint32* data = pixGetData(map);
  std::vector<uint8_t> out(page.pixels.size(), levels[0]);
  const int y_end = std::min(h, hm * kReduction), x_end = std::min(w, wm * kReduction);
  for (int y = 0; y < y_end; ++y) {
    const l_uint32* line = data + static_cast<size_t>(y / kReduction) * wplm;
    const uint8_t* src = page.pixels.data() + static_cast<size_t>(y) * w;
    uint8_t* dst = out.data() + static_cast<size_t>(y) * w;
    for (int x = 0; x < x_end; ++x) {
      const int factor = GET_DATA_TWO_BYTES(line, x / kReduction);
      dst[x] = levels[std::min(src[x] * factor / 256, 255)];
    }
  }
  page.pixels = std::move(out);
}

}  // namespace

std::optional<GreyImage> WhitenBackground(Pix* pix, int dpi) {
  Pix* inverse = nullptr;
  if (pixBackgroundNormGrayArrayMorph(pix, nullptr, kReduction, kClosing, kBackground,
                                      &inverse) != 0 ||
      inverse == nullptr) {
    return std::nullopt;
  }
  PixPtr map(inverse);
  const std::optional<std::array<uint8_t, 256>> levels = LevelTable();
  if (!levels) return std::nullopt;
  GreyImage page = GreyFromPix(pix, dpi);
  ApplyMap(page, map.get(), *levels);
  return page;
}

}  // namespace zfxxgk::image
