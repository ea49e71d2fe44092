// libFuzzer target: the image loader (parsers/image/page_image.h).
//
// CountPages, then LoadPage for up to 4 pages under a 4 MP limit (so a
// fuzzed header cannot make a 100 MP page), and PreparePage on pages of up
// to 0.25 MP at their working resolution. Checks the contract: a loaded
// page has width x height pixels within the limit and a plausible dpi;
// a page over the limit is kResourceLimit, never a crash or an allocation
// beyond it. No OCR (the engine is not fuzzed).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parsers/image/page_image.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  zfxxgk::StatusOr<int> pages = zfxxgk::image::CountPages(bytes, "fuzz.img");
  if (!pages.ok()) return 0;
  Check(*pages >= 1);
  zfxxgk::image::ImageOptions options;
  options.max_pixels = 4'000'000;
  for (int i = 0; i < *pages && i < 4; ++i) {
    zfxxgk::StatusOr<zfxxgk::GreyImage> page = zfxxgk::image::LoadPage(bytes, i, "fuzz.img", options);
    if (!page.ok()) continue;
    Check(page->width > 0 && page->height > 0);
    Check(int64_t{page->width} * page->height <= options.max_pixels);
    Check(page->pixels.size() == size_t(page->width) * size_t(page->height));
    Check(page->dpi >= 50);
    const double factor = page->dpi < 280 ? 300.0 / page->dpi : 1.0;
    if (double(page->width) * page->height * factor * factor <= 250'000) {
      const zfxxgk::image::PreparedPage prepared = zfxxgk::image::PreparePage(*page);
      Check(prepared.grey.pixels.size() ==
            size_t(prepared.grey.width) * size_t(prepared.grey.height));
    }
  }
  return 0;
}
