// libFuzzer target: the PDF loader (parsers/pdf/pdf_parser.h) without OCR.
//
// ParsePdf with PdfOptions::ocr off and at most 20 pages: poppler's parser,
// text-layer words, line building and page furniture removal. Checks the
// contract: every block's page lies within the document's pages, every
// table cell inside its table; errors are the documented codes (a resource
// limit: oversized ToUnicode tables, tounicode_scan.h).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parsers/pdf/pdf_parser.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  zfxxgk::pdf::PdfOptions options;
  options.ocr = false;
  options.max_pages = 20;
  zfxxgk::StatusOr<zfxxgk::Document> doc = zfxxgk::pdf::ParsePdf(bytes, "fuzz.pdf", options);
  if (!doc.ok()) {
    const zfxxgk::StatusCode code = doc.status().code();
    Check(code == zfxxgk::StatusCode::kUnreadable ||
          code == zfxxgk::StatusCode::kUnsupportedFormat ||
          code == zfxxgk::StatusCode::kNotAReport ||
          code == zfxxgk::StatusCode::kResourceLimit);
    return 0;
  }
  for (const zfxxgk::Block& b : doc->blocks) {
    Check(b.prov.page >= 0 && b.prov.page < doc->source.pages);
  }
  for (const zfxxgk::Table& t : doc->tables) {
    for (const zfxxgk::Cell& c : t.cells) {
      Check(c.row >= 0 && c.col >= 0 && c.row < t.n_rows && c.col < t.n_cols);
    }
  }
  return 0;
}
