#include "parsers/image/background.h"

namespace zfxxgk::image {
namespace {

// The background is estimated at 1/kReduction scale with a closing of
// kClosing pixels there; the paper is brought to kBackground, then the
// levels 0..kBackground are stretched to 0..255.
constexpr int kReduction = 4, kClosing = 5, kBackground = 200;

}  // namespace

PixPtr WhitenBackground(Pix* pix) {
  PixPtr white(pixBackgroundNormMorph(pix, nullptr, kReduction, kClosing, kBackground));
  if (white) pixGammaTRC(white.get(), white.get(), 1.0, 0, kBackground);
  return white;
}

}  // namespace zfxxgk::image
