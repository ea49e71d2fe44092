// libFuzzer target: the whole pipeline, ExtractBytes, then the JSON output of
// every report it returns. Default limits, except for scanned pages (images,
// PDF pages without a text layer), which would cost minutes of OCR each under
// the sanitizers: at most 4 pages of 2 MP (at 300 dpi), 3 s of OCR each.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pipeline/extract.h"
#include "schemas/report_v1.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  zfxxgk::ExtractOptions options;
  options.max_pixels = 2'000'000;
  options.max_pages = 4;
  options.max_ocr_seconds = 3;
  zfxxgk::StatusOr<zfxxgk::ReportV1> report = zfxxgk::ExtractBytes(bytes, "fuzz.input", options);
  if (report.ok()) {
    const std::string json = zfxxgk::ToJson(*report, false);
    if (json.empty()) __builtin_trap();
  } else if (report.status().code() == zfxxgk::StatusCode::kInternal) {
    __builtin_trap();  // an internal error on some input is a bug
  }
  return 0;
}
