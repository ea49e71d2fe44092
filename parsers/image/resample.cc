#include "parsers/image/resample.h"

#include <cmath>
#include <cstdint>

namespace zfxxgk::image {
namespace {

// Radians: smaller rotations leave the page as it is (Leptonica's
// MinAngleToRotate).
constexpr float kMinAngle = 0.001f;

// One output row. Every product and sum is the float or int operation
// Leptonica's rotateAMGrayLow performs, in the same order, so that the
// pixels are the same: (x, y) of output pixel j maps to source position
// (xpm, ypm) / 16 around the centre.
void RotateRow(const GreyImage& src, int i, float sina, float cosa, uint8_t* out) {
  const int w = src.width, h = src.height;
  const int xcen = w / 2, ycen = h / 2, wm2 = w - 2, hm2 = h - 2;
  const int ydif = ycen - i;
  const float y_cos = static_cast<float>(-ydif) * cosa;
  const float y_sin = static_cast<float>(ydif) * sina;
  const uint8_t* pixels = src.pixels.data();
  for (int j = 0; j < w; ++j) {
    const int xdif = xcen - j;
    const int xpm = static_cast<int>(static_cast<float>(-xdif) * cosa - y_sin);
    const int ypm = static_cast<int>(y_cos + static_cast<float>(xdif) * sina);
    const int xp = xcen + (xpm >> 4), yp = ycen + (ypm >> 4);
    if (xp < 0 || yp < 0 || xp > wm2 || yp > hm2) {
      out[j] = 255;
      continue;
    }
    const int xf = xpm & 0x0f, yf = ypm & 0x0f;
    const uint8_t* p = pixels + static_cast<size_t>(yp) * w + xp;
    const int v = (16 - xf) * (16 - yf) * p[0] + xf * (16 - yf) * p[1] +
                  (16 - xf) * yf * p[w] + xf * yf * p[w + 1];
    out[j] = static_cast<uint8_t>((v + 128) / 256);
  }
}

// One output row of ScaleLinear, as Leptonica's scaleGrayLILow computes it:
// output (j, i) samples the source at (scx * j, scy * i) / 16, and the last
// source row and column stand in for their missing neighbours.
void ScaleRow(const GreyImage& src, int i, float scx, float scy, int out_width, uint8_t* out) {
  const int ws = src.width, wm2 = src.width - 2, hm2 = src.height - 2;
  const int ypm = static_cast<int>(scy * static_cast<float>(i));
  const int yp = ypm >> 4, yf = ypm & 0x0f;
  const uint8_t* line = src.pixels.data() + static_cast<size_t>(yp) * ws;
  for (int j = 0; j < out_width; ++j) {
    const int xpm = static_cast<int>(scx * static_cast<float>(j));
    const int xp = xpm >> 4, xf = xpm & 0x0f;
    const int v00 = line[xp];
    int right, below, corner;
    if (xp <= wm2 && yp <= hm2) {
      right = line[xp + 1];
      below = line[xp + ws];
      corner = line[xp + ws + 1];
    } else if (xp <= wm2) {  // last row
      right = corner = line[xp + 1];
      below = v00;
    } else if (yp <= hm2) {  // last column
      below = corner = line[xp + ws];
      right = v00;
    } else {
      right = below = corner = v00;
    }
    const int v = (16 - xf) * (16 - yf) * v00 + (16 - xf) * yf * below +
                  xf * (16 - yf) * right + xf * yf * corner;
    out[j] = static_cast<uint8_t>((v + 128) / 256);
  }
}

}  // namespace

GreyImage ScaleLinear(const GreyImage& image, float factor) {
  GreyImage out;
  out.dpi = image.dpi;
  out.width = static_cast<int>(static_cast<double>(factor * static_cast<float>(image.width)) + 0.5);
  out.height =
      static_cast<int>(static_cast<double>(factor * static_cast<float>(image.height)) + 0.5);
  if (image.empty() || out.width <= 0 || out.height <= 0) return GreyImage();
  // Leptonica: scx = 16. * (l_float32)ws / (l_float32)wd, in double, stored as float.
  const float scx = static_cast<float>(16.0 * static_cast<float>(image.width) /
                                       static_cast<float>(out.width));
  const float scy = static_cast<float>(16.0 * static_cast<float>(image.height) /
                                       static_cast<float>(out.height));
  out.pixels.resize(static_cast<size_t>(out.width) * out.height);
  for (int i = 0; i < out.height; ++i) {
    ScaleRow(image, i, scx, scy, out.width, out.pixels.data() + static_cast<size_t>(i) * out.width);
  }
  return out;
}

GreyImage RotateAboutCentre(const GreyImage& image, float radians) {
  if (std::fabs(radians) < kMinAngle) return image;
  // Leptonica: sina = 16. * sin(angle), in double, stored as float.
  const float sina = static_cast<float>(16.0 * std::sin(static_cast<double>(radians)));
  const float cosa = static_cast<float>(16.0 * std::cos(static_cast<double>(radians)));
  GreyImage out;
  out.width = image.width;
  out.height = image.height;
  out.dpi = image.dpi;
  out.pixels.resize(static_cast<size_t>(image.width) * image.height);
  for (int i = 0; i < image.height; ++i) {
    RotateRow(image, i, sina, cosa, out.pixels.data() + static_cast<size_t>(i) * image.width);
  }
  return out;
}

}  // namespace zfxxgk::image
