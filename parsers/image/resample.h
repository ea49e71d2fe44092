// Resampling of grey pages: the enlargement of a low-resolution page to
// the working resolution and the rotation that removes its skew.
//
//   GreyImage big = ScaleLinear(page, 1.5f);            // 200 -> 300 dpi
//   GreyImage straight = RotateAboutCentre(big, -0.012f);
//
// Each gives, pixel for pixel, what Leptonica gives for an 8 bpp image
// (pixScaleGrayLI; pixRotate(pix, radians, L_ROTATE_AREA_MAP,
// L_BRING_IN_WHITE, 0, 0)): bilinear interpolation on a 1/16 pixel grid,
// the same arithmetic in the same order. They are about three times
// faster: Leptonica computes the same sums but reaches every pixel through
// its 32-bit word layout, and on a 200 dpi page scaling and rotating were
// the largest costs of preparing it.
// Thread-safe: no shared state.
#ifndef ZFXXGK_PARSERS_IMAGE_RESAMPLE_H_
#define ZFXXGK_PARSERS_IMAGE_RESAMPLE_H_

#include "pipeline/ocr_engine.h"

namespace zfxxgk::image {

// `image` turned by `radians` (clockwise positive) about its centre; an
// angle under 0.001 radian (Leptonica's threshold) returns it unchanged.
GreyImage RotateAboutCentre(const GreyImage& image, float radians);

// `image` enlarged `factor` times each way (factor >= 0.7, the size
// rounded as Leptonica rounds it). REQUIRES: factor is not 1, 2 or 4
// (Leptonica takes other paths there: a copy and special 2x/4x code).
GreyImage ScaleLinear(const GreyImage& image, float factor);

}  // namespace zfxxgk::image

#endif  // ZFXXGK_PARSERS_IMAGE_RESAMPLE_H_
