// Page images: decoding (PNG, JPEG, TIFF with several pages, and whatever
// else Leptonica reads) and the preprocessing every page gets before table
// detection and OCR.
//
//   ASSIGN_OR_RETURN(int n, CountPages(bytes, path));
//   ASSIGN_OR_RETURN(GreyImage raw, LoadPage(bytes, 0, path, options));
//   PreparedPage page = PreparePage(raw);
//
// Errors: kUnsupportedFormat (bytes Leptonica cannot decode),
// kResourceLimit (a page larger than ImageOptions::max_pixels, checked from
// the header before decoding, or larger than it once PreparePage would bring
// it to 300 dpi), kInvalidArgument (no such page), kUnreadable (a damaged
// page).
// Thread-safe: no shared state.
#ifndef ZFXXGK_PARSERS_IMAGE_PAGE_IMAGE_H_
#define ZFXXGK_PARSERS_IMAGE_PAGE_IMAGE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline/ocr_engine.h"
#include "pipeline/status.h"

namespace zfxxgk::image {

struct ImageOptions {
  // Largest page accepted, in pixels (width x height), as stored and at the
  // 300 dpi it is read at: 100 MP is an A0 sheet at 300 dpi. Larger pages
  // are refused before they are decoded (--max-pixels).
  int64_t max_pixels = 100'000'000;
  // Pages beyond this are not read (an issue says so; --max-pages).
  int max_pages = 500;
};

// Number of pages: TIFF directories, 1 for single-image formats.
StatusOr<int> CountPages(std::string_view bytes, const std::string& path);

// Page `index` (0-based) as 8-bit grey. Its dpi is the one the file records;
// when none is recorded (or it is implausible) an A4-shaped page is assumed to
// be A4, anything else 300 dpi.
StatusOr<GreyImage> LoadPage(std::string_view bytes, int index, const std::string& path,
                             const ImageOptions& options = ImageOptions());

struct PreparedPage {
  // Background-normalised (paper white, uneven light and shading removed)
  // and deskewed: the image that tables and text are read from. Boxes in the
  // Document are in its pixel coordinates.
  GreyImage grey;
  double scale = 1;         // grey pixels per input pixel (pages under 300 dpi are enlarged)
  double skew_degrees = 0;  // rotation removed from the input
};

// Brings the page to at least 300 dpi, normalises the background and
// removes skew (up to about 7 degrees).
PreparedPage PreparePage(const GreyImage& raw);

}  // namespace zfxxgk::image

#endif  // ZFXXGK_PARSERS_IMAGE_PAGE_IMAGE_H_
