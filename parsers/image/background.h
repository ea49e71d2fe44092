// Paper to white: normalising the background of a grey page.
//
//   std::optional<GreyImage> white = WhitenBackground(pix, 300);
//
// The background is estimated by a grey closing at 1/4 scale (text strokes
// are far thinner than the structuring element), so uneven light and
// shaded header rows do not darken the page; the page is divided by it and
// the levels are stretched so that the paper (200 after division) is 255.
// The pixels are exactly those of Leptonica's
// pixBackgroundNormMorph(pix, nullptr, 4, 5, 200) followed by
// pixGammaTRC(…, 1.0, 0, 200) (a test compares them): the background map
// is Leptonica's, applying it and the level table is one loop of ours over
// the plain raster, about four times faster than Leptonica's two passes
// through its word layout.
// Private to parsers/image/ (Leptonica types). Thread-safe: no shared state.
#ifndef ZFXXGK_PARSERS_IMAGE_BACKGROUND_H_
#define ZFXXGK_PARSERS_IMAGE_BACKGROUND_H_

#include <optional>

#include "parsers/image/pix.h"
#include "pipeline/ocr_engine.h"

namespace zfxxgk::image {

// `pix` (8 bpp) with its background made white, at `dpi`; nothing when
// Leptonica cannot estimate the background (out of memory, a page too
// small for its map).
std::optional<GreyImage> WhitenBackground(Pix* pix, int dpi);

}  // namespace zfxxgk::image

#endif  // ZFXXGK_PARSERS_IMAGE_BACKGROUND_H_
