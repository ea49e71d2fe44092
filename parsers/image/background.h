// Paper to white: normalising the background of a grey page.
//
//   PixPtr white = WhitenBackground(pix);
//
// The background is estimated by a grey closing at 1/4 scale (text strokes
// are far thinner than the structuring element), so uneven light and
// shaded header rows do not darken the page; the page is divided by it and
// the levels are stretched so that the paper (200 after division) is 255:
// Leptonica's pixBackgroundNormMorph(pix, nullptr, 4, 5, 200) followed by
// pixGammaTRC(…, 1.0, 0, 200).
// Private to parsers/image/ (Leptonica types). Thread-safe: no shared state.
#ifndef ZFXXGK_PARSERS_IMAGE_BACKGROUND_H_
#define ZFXXGK_PARSERS_IMAGE_BACKGROUND_H_

#include "parsers/image/pix.h"

namespace zfxxgk::image {

// `pix` (8 bpp) with its background made white; null when Leptonica cannot
// estimate the background (out of memory, a page too small for its map).
PixPtr WhitenBackground(Pix* pix);

}  // namespace zfxxgk::image

#endif  // ZFXXGK_PARSERS_IMAGE_BACKGROUND_H_
