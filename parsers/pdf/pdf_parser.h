// PDF input (poppler-cpp) → Document.
//
// Each page's text layer is read as positioned words, grouped into reading-
// order lines by pipeline/layout_lines (the component OCR output goes
// through too) and added as text blocks with their page and box. Page
// numbers in the top and bottom margins are dropped, so a table that runs
// over a page break reads as one. A page without a text layer (a scan), or
// whose text layer is garbage (text_quality.h), is rendered at the
// resolution it was scanned at (scan_dpi.h; 300 dpi when unknown) and read
// by OCR (parsers/image/page_reader.h) with the thread's engine; pages OCR
// cannot read are listed in `issues`. source.page_methods says how each
// page was read. Poppler types never leave parsers/pdf/.
//
// Errors: kUnsupportedFormat for an encrypted (locked) PDF; kUnreadable for a
// damaged or truncated one poppler cannot open; kResourceLimit when the
// fonts' ToUnicode tables poppler would build for the pages exceed
// max_tounicode_bytes (tounicode_scan.h; checked before any page is read),
// or when no page
// has a text layer and a limit (max_pixels, read.max_seconds) stopped OCR;
// kNotAReport when no page has a text layer and OCR read none (`issues` says
// which pages and why).
// Thread-safe: each call opens its own poppler document; OCR uses one engine
// per thread.
#ifndef ZFXXGK_PARSERS_PDF_PDF_PARSER_H_
#define ZFXXGK_PARSERS_PDF_PDF_PARSER_H_

#include <string>
#include <string_view>

#include "parsers/image/page_reader.h"
#include "pipeline/document.h"
#include "pipeline/status.h"

namespace zfxxgk::pdf {

struct PdfOptions {
  // Pages beyond this are not read (an issue says so; --max-pages).
  int max_pages = 500;
  // A page without a text layer larger than this many pixels once rendered
  // at 300 dpi is not rendered (--max-pixels): it fails like an unreadable
  // scanned page, naming the limit.
  int64_t max_pixels = 100'000'000;
  // Read pages without a text layer by OCR (false: they only count as
  // image-only; the fuzz target turns it off).
  bool ocr = true;
  image::OcrReadOptions read;
  // A page whose text layer has fewer visible characters than this counts as
  // image-only.
  int min_text_chars = 20;
  // Bytes of oversized ToUnicode tables (codes longer than two bytes, see
  // tounicode_scan.h) poppler may build over the pages read: the tables one
  // page's fonts need times the pages. Beyond it the file is refused
  // (kResourceLimit) before poppler reads a page. 256 MB is about 0.1 s of
  // table building in Release; a CMap with two-byte codes costs nothing here.
  int64_t max_tounicode_bytes = int64_t{256} << 20;
};

StatusOr<Document> ParsePdf(std::string_view bytes, const std::string& path,
                            const PdfOptions& options = PdfOptions());

}  // namespace zfxxgk::pdf

#endif  // ZFXXGK_PARSERS_PDF_PDF_PARSER_H_
