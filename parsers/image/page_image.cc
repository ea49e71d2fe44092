#include "parsers/image/page_image.h"

#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <utility>

#include "parsers/image/background.h"
#include "parsers/image/pix.h"

namespace zfxxgk::image {
namespace {

struct FileCloser {
  void operator()(FILE* f) const { fclose(f); }
};

const l_uint8* Data(std::string_view bytes) {
  return reinterpret_cast<const l_uint8*>(bytes.data());
}

bool IsTiff(std::string_view bytes) {
  l_int32 format = IFF_UNKNOWN;
  if (bytes.size() < 12 || findFileFormatBuffer(Data(bytes), &format) != 0) return false;
  return format == IFF_TIFF || format == IFF_TIFF_G3 || format == IFF_TIFF_G4 ||
         format == IFF_TIFF_LZW || format == IFF_TIFF_ZIP || format == IFF_TIFF_PACKBITS ||
         format == IFF_TIFF_RLE || format == IFF_TIFF_JPEG;
}

// A recorded resolution, or one guessed from the page shape.
int ResolutionOf(int recorded, int width, int height) {
  if (recorded >= 50 && recorded <= 1200) return recorded;
  const double kA4Width = 8.27, kA4Ratio = 297.0 / 210.0;  // inches; height / width
  double ratio = width > 0 ? double(height) / width : 0;
  if (std::fabs(ratio - kA4Ratio) < 0.08) return static_cast<int>(std::lround(width / kA4Width));
  return 300;
}

Status CheckSize(int w, int h, const std::string& where, const ImageOptions& options) {
  if (w <= 0 || h <= 0) return Status(StatusCode::kUnreadable, where + ": empty image");
  if (int64_t(w) * h > options.max_pixels) {
    return Status(StatusCode::kResourceLimit,
                  where + ": image of " + std::to_string(w) + "x" + std::to_string(h) +
                      " pixels is larger than the limit of " +
                      std::to_string(options.max_pixels) + " pixels (--max-pixels)");
  }
  return OkStatus();
}

constexpr int kWorkingDpi = 300, kMinWorkingDpi = 280;

// The page once PreparePage has brought it to the working resolution must
// fit the limit too (a 50 dpi page is enlarged 6 times each way).
Status CheckWorkingSize(int w, int h, int dpi, const std::string& where,
                        const ImageOptions& options) {
  if (dpi >= kMinWorkingDpi) return OkStatus();
  const double factor = double(kWorkingDpi) / dpi;
  const double pixels = double(w) * factor * double(h) * factor;
  if (pixels <= double(options.max_pixels)) return OkStatus();
  return Status(StatusCode::kResourceLimit,
                where + ": image of " + std::to_string(w) + "x" + std::to_string(h) +
                    " pixels at " + std::to_string(dpi) + " dpi is larger than the limit of " +
                    std::to_string(options.max_pixels) + " pixels once enlarged to " +
                    std::to_string(kWorkingDpi) + " dpi (--max-pixels)");
}

// Any depth (1, 2, 4, 8, 16, 32 bpp, colormapped) to 8-bit grey.
PixPtr ToGrey(Pix* pix) {
  if (pixGetDepth(pix) == 32) return PixPtr(pixConvertRGBToLuminance(pix));
  return PixPtr(pixConvertTo8(pix, 0));
}

// `message` with what Leptonica said about it, if anything.
std::string Explained(std::string message) {
  std::string why = TakeLeptonicaMessages();
  return why.empty() ? message : message + " (" + why + ")";
}

}  // namespace

StatusOr<int> CountPages(std::string_view bytes, const std::string& path) {
  CaptureLeptonicaMessages();
  TakeLeptonicaMessages();
  if (!IsTiff(bytes)) {
    l_int32 format = IFF_UNKNOWN;
    if (bytes.size() < 12 || findFileFormatBuffer(Data(bytes), &format) != 0 ||
        format == IFF_UNKNOWN) {
      return Status(StatusCode::kUnsupportedFormat,
                    Explained(path + ": image format not recognised"));
    }
    return 1;
  }
  std::unique_ptr<FILE, FileCloser> f(fopenReadFromMemory(Data(bytes), bytes.size()));
  l_int32 n = 0;
  if (!f || tiffGetCount(f.get(), &n) != 0 || n <= 0) {
    return Status(StatusCode::kUnreadable, Explained(path + ": damaged TIFF (no readable page)"));
  }
  return static_cast<int>(n);
}

StatusOr<GreyImage> LoadPage(std::string_view bytes, int index, const std::string& path,
                             const ImageOptions& options) {
  CaptureLeptonicaMessages();
  TakeLeptonicaMessages();
  const std::string where = path + ": page " + std::to_string(index + 1);
  l_int32 w = 0, h = 0, bps = 0, spp = 0, res = 0, cmap = 0, format = 0;
  PixPtr pix;
  if (IsTiff(bytes)) {
    if (readHeaderMemTiff(Data(bytes), bytes.size(), index, &w, &h, &bps, &spp, &res, &cmap,
                          &format) != 0) {
      return Status(StatusCode::kUnreadable, Explained(where + ": damaged TIFF directory"));
    }
    RETURN_IF_ERROR(CheckSize(w, h, where, options));
    pix.reset(pixReadMemTiff(Data(bytes), bytes.size(), index));
  } else {
    if (index != 0) return Status(StatusCode::kInvalidArgument, where + ": no such page");
    if (pixReadHeaderMem(Data(bytes), bytes.size(), &format, &w, &h, &bps, &spp, &cmap) != 0) {
      return Status(StatusCode::kUnsupportedFormat,
                    Explained(path + ": image format not recognised"));
    }
    RETURN_IF_ERROR(CheckSize(w, h, where, options));
    pix.reset(pixReadMem(Data(bytes), bytes.size()));
  }
  if (!pix) return Status(StatusCode::kUnreadable, Explained(where + ": damaged image data"));
  const l_int32 recorded_dpi = pixGetXRes(pix.get());
  PixPtr grey = ToGrey(pix.get());
  // The decoded image (4 bytes a pixel in colour: 400 MB at 100 MP) is not
  // kept alongside the grey copies.
  pix.reset();
  if (!grey) return Status(StatusCode::kInternal, where + ": conversion to grey failed");
  int dpi = ResolutionOf(recorded_dpi, pixGetWidth(grey.get()), pixGetHeight(grey.get()));
  RETURN_IF_ERROR(
      CheckWorkingSize(pixGetWidth(grey.get()), pixGetHeight(grey.get()), dpi, where, options));
  return GreyFromPix(grey.get(), dpi);
}

namespace {

// Tesseract's LSTM drops one of two equal neighbours ("3117" -> "317") and
// breaks strokes when digits are about 15 pixels high: pages under 300 dpi
// are brought to 300 by linear interpolation (Leptonica's pixScaleGrayLI).
// The page as a Pix and the factor applied; the factor is 1 when the page
// needs none or scaling failed; the Pix is null when out of memory.
std::pair<PixPtr, float> AtWorkingResolution(const GreyImage& raw, int dpi) {
  PixPtr source = PixFromGrey(raw);
  if (source && dpi < kMinWorkingDpi) {
    const float factor = float(kWorkingDpi) / dpi;
    PixPtr pix(pixScaleGrayLI(source.get(), factor, factor));
    if (pix) return {std::move(pix), factor};
  }
  return {std::move(source), 1.0f};
}

// The skew of the page in degrees as Leptonica finds it on the binarised
// page; 0 when the estimate is not confident or too small to remove.
double SkewDegrees(Pix* page) {
  constexpr int kInkThreshold = 160;
  constexpr float kMinConfidence = 3.0f, kMinAngle = 0.05f;  // confidence as Leptonica's
  PixPtr binary(pixThresholdToBinary(page, kInkThreshold));
  l_float32 angle = 0, conf = 0;
  if (binary && pixFindSkew(binary.get(), &angle, &conf) == 0 && conf >= kMinConfidence &&
      std::fabs(angle) >= kMinAngle) {
    return angle;
  }
  return 0;
}

}  // namespace

PreparedPage PreparePage(const GreyImage& raw) {
  PreparedPage out;
  const int dpi = raw.dpi > 0 ? raw.dpi : kWorkingDpi;
  auto [pix, factor] = AtWorkingResolution(raw, dpi);
  if (!pix) {
    out.grey = raw;
    return out;
  }
  out.scale = factor;
  const int working_dpi = factor != 1.0f ? kWorkingDpi : dpi;
  if (PixPtr white = WhitenBackground(pix.get())) pix = std::move(white);
  if (const double skew = SkewDegrees(pix.get()); skew != 0) {
    // Area-map rotation about the centre, white brought in, size kept.
    constexpr double kDegToRad = 3.14159265358979323846 / 180.0;
    PixPtr straight(pixRotate(pix.get(), static_cast<float>(skew * kDegToRad),
                              L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
    if (straight) {
      pix = std::move(straight);
      out.skew_degrees = skew;
    }
  }
  out.grey = GreyFromPix(pix.get(), working_dpi);
  return out;
}

}  // namespace zfxxgk::image
