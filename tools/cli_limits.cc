#include "tools/cli_limits.h"

#include <CLI/CLI.hpp>

namespace zfxxgk {

void AddLimitOptions(CLI::App& command, ExtractOptions& limits) {
  command
      .add_option("--max-input-bytes", limits.max_input_bytes,
                  "reject inputs larger than this many bytes (exit 7)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command
      .add_option("--max-html-depth", limits.max_html_depth,
                  "reject HTML pages whose elements nest deeper than this, estimated from "
                  "the tags before parsing (exit 7)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command
      .add_option("--max-table-cells", limits.max_table_cells,
                  "reject documents whose tables span more grid cells (rows x columns, "
                  "summed over the tables) than this (exit 7)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command
      .add_option("--max-pixels", limits.max_pixels,
                  "scanned pages (images, PDF pages without text): refuse a page with more "
                  "pixels than this, as stored or at the 300 dpi OCR reads it at (exit 7)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command
      .add_option("--max-pages", limits.max_pages,
                  "read at most this many pages of a PDF or multi-page TIFF (later pages are "
                  "skipped with a page_limit issue)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command
      .add_option("--max-ocr-seconds", limits.max_ocr_seconds,
                  "OCR time per page; a page over it fails, naming the page (exit 7 when no "
                  "page could be read); 0 = no limit")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
}

}  // namespace zfxxgk
