// libFuzzer target: input bytes -> DecodeToUtf8 -> html::ParseHtml.
// The same nesting guard as ExtractBytes runs first (gumbo needs time
// quadratic in the depth of nested <div>s; see ExtractOptions).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parsers/html/html_parser.h"
#include "pipeline/encoding.h"
#include "pipeline/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  zfxxgk::StatusOr<zfxxgk::DecodedText> text = zfxxgk::DecodeToUtf8(bytes);
  if (!text.ok()) return 0;
  const zfxxgk::ExtractOptions limits;
  if (zfxxgk::EstimateHtmlDepth(text->utf8, limits.max_html_depth) > limits.max_html_depth) {
    return 0;
  }
  zfxxgk::StatusOr<zfxxgk::Document> doc = zfxxgk::html::ParseHtml(text->utf8, "fuzz.html");
  if (doc.ok()) {
    // Every table block points at a table; every cell lies inside its grid.
    for (const zfxxgk::Block& b : doc->blocks) {
      if (b.kind == zfxxgk::BlockKind::kTable &&
          (b.table_index < 0 || b.table_index >= static_cast<int>(doc->tables.size()))) {
        __builtin_trap();
      }
    }
    for (const zfxxgk::Table& t : doc->tables) {
      for (const zfxxgk::Cell& c : t.cells) {
        if (c.row < 0 || c.col < 0 || c.row_span < 1 || c.col_span < 1 ||
            c.row + c.row_span > t.n_rows || c.col + c.col_span > t.n_cols) {
          __builtin_trap();
        }
      }
    }
  }
  return 0;
}
