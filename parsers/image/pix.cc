#include "parsers/image/pix.h"

#include <bit>
#include <cstdint>
#include <cstring>

namespace zfxxgk::image {
namespace {

thread_local std::string leptonica_messages;
thread_local int leptonica_count = 0;

void CollectLeptonicaMessage(const char* message) {
  constexpr int kMaxMessages = 20;
  if (message == nullptr || leptonica_count++ >= kMaxMessages) return;
  std::string m(message);
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  if (!leptonica_messages.empty()) leptonica_messages += "; ";
  leptonica_messages += m;
}

}  // namespace

void CaptureLeptonicaMessages() {
  static const bool installed = [] {
    leptSetStderrHandler(CollectLeptonicaMessage);
    return true;
  }();
  (void)installed;
}

std::string TakeLeptonicaMessages() {
  std::string out = std::move(leptonica_messages);
  leptonica_messages.clear();
  leptonica_count = 0;
  return out;
}

// Leptonica keeps 8 bpp pixels in 32-bit words, most significant byte
// first: on a little-endian machine each word is the byte-swap of four
// consecutive pixels. Converting a word at a time is several times faster
// than GET/SET_DATA_BYTE per pixel on whole pages.
constexpr bool kLittleEndian = std::endian::native == std::endian::little;

uint32_t WordOrder(uint32_t w) { return kLittleEndian ? __builtin_bswap32(w) : w; }

PixPtr PixFromGrey(const GreyImage& image) {
  PixPtr pix(pixCreateNoInit(image.width, image.height, 8));
  if (!pix) return pix;
  l_uint32* data = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  const int full = image.width / 4;
  for (int y = 0; y < image.height; ++y) {
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    const uint8_t* src = image.pixels.data() + static_cast<size_t>(y) * image.width;
    for (int i = 0; i < full; ++i) {
      uint32_t w;
      std::memcpy(&w, src + 4 * i, 4);
      line[i] = WordOrder(w);
    }
    for (int x = 4 * full; x < image.width; ++x) SET_DATA_BYTE(line, x, src[x]);
  }
  pixSetResolution(pix.get(), image.dpi, image.dpi);
  return pix;
}

GreyImage GreyFromPix(Pix* pix, int dpi) {
  GreyImage image;
  image.width = pixGetWidth(pix);
  image.height = pixGetHeight(pix);
  image.dpi = dpi;
  image.pixels.resize(static_cast<size_t>(image.width) * image.height);
  const l_uint32* data = pixGetData(pix);
  const int wpl = pixGetWpl(pix);
  const int full = image.width / 4;
  for (int y = 0; y < image.height; ++y) {
    const l_uint32* line = data + static_cast<size_t>(y) * wpl;
    uint8_t* dst = image.pixels.data() + static_cast<size_t>(y) * image.width;
    for (int i = 0; i < full; ++i) {
      const uint32_t w = WordOrder(line[i]);
      std::memcpy(dst + 4 * i, &w, 4);
    }
    for (int x = 4 * full; x < image.width; ++x) dst[x] = GET_DATA_BYTE(line, x);
  }
  return image;
}

}  // namespace zfxxgk::image
