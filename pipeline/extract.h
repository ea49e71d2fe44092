// Extraction from input bytes to the contract report: the stages in order.
//
//   sniff format -> decode to UTF-8 -> parse (html | text) -> map to the
//   template -> ReportV1
//
// Errors: kEmptyInput, kUnsupportedFormat (binary or unknown), kNotAReport, kNotFound/kUnreadable (ExtractFile),
// kResourceLimit (an ExtractOptions limit is exceeded; the message names the
// limit and its CLI flag).
// Thread-safe: no shared mutable state.
#ifndef ZFXXGK_PIPELINE_EXTRACT_H_
#define ZFXXGK_PIPELINE_EXTRACT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline/status.h"
#include "schemas/report_v1.h"

namespace zfxxgk {

// Resource limits: hostile or broken inputs fail with kResourceLimit instead
// of exhausting time or memory. The defaults are far above real reports (a
// report page is < 1 MB, nests < 100 deep, and its tables hold < 1000 cells).
struct ExtractOptions {
  // Largest input accepted, in bytes; larger inputs are rejected, not read
  // (ExtractFile stops reading at max_input_bytes + 1).
  size_t max_input_bytes = 64u << 20;
  // Deepest element nesting of an HTML page, estimated from its tags before
  // parsing (void elements and elements whose end tag may be omitted, such
  // as <p>, <li>, <td>, <tr>, are not counted). The HTML parser library
  // needs time quadratic in the depth of nested <div>s (20000 deep: 5 s).
  int max_html_depth = 4096;
  // Grid slots (rows x columns, summed over every table of the document)
  // accepted from a parser; later stages expand each table to its grid, so
  // a 2 MB page of 500000 empty rows under one wide row would need 4 GB.
  size_t max_table_cells = 2'000'000;
  // Scanned pages (images, PDF pages without a text layer): the largest page
  // in pixels, as stored and at the 300 dpi OCR reads it at (100 MP is an A0
  // sheet at 300 dpi); larger pages are refused before they are decoded or
  // rendered.
  int64_t max_pixels = 100'000'000;
  // Pages read of a multi-page TIFF or a PDF; later pages are skipped with
  // a "page_limit" issue (not an error).
  int max_pages = 500;
  // OCR time per page, in seconds (0 = none); a page over it fails with
  // kResourceLimit naming the page (the other pages are still read).
  double max_ocr_seconds = 300;
};

// Estimated element nesting depth of the HTML page `utf8` (see
// ExtractOptions::max_html_depth); stops counting once `stop_at` is exceeded.
int EstimateHtmlDepth(std::string_view utf8, int stop_at);

// `display_path` is recorded in source.path and used in messages.
StatusOr<ReportV1> ExtractBytes(std::string_view bytes, const std::string& display_path,
                                const ExtractOptions& options = ExtractOptions());

// ExtractBytes for a caller that has hashed `bytes` already (a batch worker
// compares the hash with its journal before extracting a changed input):
// `sha256_hex` becomes source.sha256 and the bytes are not hashed again;
// empty: they are hashed here. REQUIRES: `sha256_hex` is empty or
// Sha256Hex(bytes) (pipeline/sha256.h); it is taken as given.
StatusOr<ReportV1> ExtractBytes(std::string_view bytes, const std::string& display_path,
                                const ExtractOptions& options, std::string_view sha256_hex);

// Reads `path` ("-" = standard input) and extracts it.
StatusOr<ReportV1> ExtractFile(const std::string& path,
                               const ExtractOptions& options = ExtractOptions());

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_EXTRACT_H_
