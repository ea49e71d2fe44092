// Extraction from input bytes to the contract report: the stages in order.
//
//   sniff format -> decode to UTF-8 -> parse (html | text) -> map to the
//   template -> ReportV1
//
// Errors: kEmptyInput, kUnsupportedFormat (binary, or PDF/images until their
// parsers exist), kNotAReport, kNotFound/kUnreadable (ExtractFile).
// Thread-safe: no shared mutable state.
#ifndef ZFXXGK_PIPELINE_EXTRACT_H_
#define ZFXXGK_PIPELINE_EXTRACT_H_

#include <string>
#include <string_view>

#include "pipeline/status.h"
#include "schemas/report_v1.h"

namespace zfxxgk {

struct ExtractOptions {
  // Largest input accepted, in bytes; larger inputs are rejected, not read.
  size_t max_input_bytes = 64u << 20;
};

// `display_path` is recorded in source.path and used in messages.
StatusOr<ReportV1> ExtractBytes(std::string_view bytes, const std::string& display_path,
                                const ExtractOptions& options = ExtractOptions());

// Reads `path` ("-" = standard input) and extracts it.
StatusOr<ReportV1> ExtractFile(const std::string& path,
                               const ExtractOptions& options = ExtractOptions());

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_EXTRACT_H_
