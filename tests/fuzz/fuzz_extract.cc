// libFuzzer target: the whole pipeline, ExtractBytes with the default limits,
// then the JSON output of every report it returns.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pipeline/extract.h"
#include "schemas/report_v1.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  zfxxgk::StatusOr<zfxxgk::ReportV1> report = zfxxgk::ExtractBytes(bytes, "fuzz.input");
  if (report.ok()) {
    const std::string json = zfxxgk::ToJson(*report, false);
    if (json.empty()) __builtin_trap();
  } else if (report.status().code() == zfxxgk::StatusCode::kInternal) {
    __builtin_trap();  // an internal error on some input is a bug
  }
  return 0;
}
