// The resolution a scanned PDF page was scanned at.
//
// An image-only PDF wraps each scanned page in one image XObject drawn over
// the whole page. Rendering such a page at another resolution than the
// image's own resamples it (a 200-dpi JPEG rendered at 300 dpi comes out
// blurred and interpolated); rendered at the image's own resolution it comes
// out pixel for pixel as scanned. poppler-cpp does not expose a page's
// images, so the sizes are read from the image dictionaries in the file's
// bytes: a stream's dictionary is never compressed (streams cannot live in
// object streams), so every image XObject's /Width and /Height are in plain
// text.
#ifndef ZFXXGK_PARSERS_PDF_SCAN_DPI_H_
#define ZFXXGK_PARSERS_PDF_SCAN_DPI_H_

#include <string_view>
#include <vector>

namespace zfxxgk::pdf {

struct ImageSize {
  int width = 0;   // pixels
  int height = 0;
};

// The sizes of the image XObjects (dictionaries with /Subtype /Image and
// direct integer /Width and /Height) in the raw PDF bytes, in file order.
// Linear in the size of `bytes`; at most `max_images` are returned.
std::vector<ImageSize> ImageXObjectSizes(std::string_view bytes, size_t max_images = 10000);

// The resolution, in dots per inch, of the whole-page scans among `images`
// for a page of `width_pt` x `height_pt` points (either orientation): an
// image counts when its aspect ratio matches the page's within 1.5%. With
// several, the highest resolution (nothing is lost rendering a lower one
// above its own), rounded to a whole dpi. Returns 0 when no image matches;
// the result is clamped to [min_dpi, max_dpi] otherwise.
double ScanDpi(const std::vector<ImageSize>& images, double width_pt, double height_pt,
               double min_dpi, double max_dpi);

}  // namespace zfxxgk::pdf

#endif  // ZFXXGK_PARSERS_PDF_SCAN_DPI_H_
