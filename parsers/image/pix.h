// Leptonica ownership and conversions, private to parsers/image/.
//
// Pix is reference counted by Leptonica; PixPtr owns one reference and
// releases it with pixDestroy. GreyImage (pipeline/ocr_engine.h) is the
// plain raster that leaves this folder.
#ifndef ZFXXGK_PARSERS_IMAGE_PIX_H_
#define ZFXXGK_PARSERS_IMAGE_PIX_H_

#include <leptonica/allheaders.h>

#include <memory>
#include <string>

#include "pipeline/ocr_engine.h"

namespace zfxxgk::image {

struct PixDeleter {
  void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

struct BoxaDeleter {
  void operator()(Boxa* b) const { boxaDestroy(&b); }
};
using BoxaPtr = std::unique_ptr<Boxa, BoxaDeleter>;

// Leptonica reports problems by printing them. From the first call on,
// its messages are kept per thread instead; TakeLeptonicaMessages returns
// and clears this thread's (at most 20), so a failure can name its cause.
void CaptureLeptonicaMessages();
std::string TakeLeptonicaMessages();

// An 8 bpp Pix with the pixels of `image` (nullptr on allocation failure).
PixPtr PixFromGrey(const GreyImage& image);

// The pixels of an 8 bpp Pix. REQUIRES: pixGetDepth(pix) == 8.
GreyImage GreyFromPix(Pix* pix, int dpi);

}  // namespace zfxxgk::image

#endif  // ZFXXGK_PARSERS_IMAGE_PIX_H_
