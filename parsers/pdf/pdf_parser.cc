#include "parsers/pdf/pdf_parser.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

#include "parsers/image/page_reader.h"
#include "parsers/pdf/poppler_init.h"
#include "parsers/pdf/scan_dpi.h"
#include "parsers/pdf/text_quality.h"
#include "parsers/pdf/tounicode_scan.h"
#include "pipeline/layout_lines.h"
#include "pipeline/ocr_engine.h"

namespace zfxxgk::pdf {
namespace {

// Page numbers are furniture only in the margins; a lone number inside the
// page may be a table value.
constexpr double kTopMargin = 0.08;
constexpr double kBottomMargin = 0.88;

// Poppler reports problems by printing them; collect them per thread so
// they become issues of the document being read instead.
thread_local std::vector<std::string> poppler_messages;

void CollectPopplerMessage(const std::string& message, void*) {
  constexpr size_t kMaxMessages = 20;
  if (poppler_messages.size() < kMaxMessages) poppler_messages.push_back(message);
}

std::string ToUtf8(const poppler::ustring& s) {
  poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

std::vector<PositionedWord> PageWords(poppler::page& page, int index, int* chars) {
  std::vector<PositionedWord> words;
  for (const poppler::text_box& box : page.text_list()) {
    std::string text = ToUtf8(box.text());
    poppler::rectf r = box.bbox();
    *chars += static_cast<int>(box.text().size());
    words.push_back({text, BBox{r.x(), r.y(), r.x() + r.width(), r.y() + r.height()}, index, 1.0});
  }
  return words;
}

bool InMargin(const LayoutLine& line, double page_height) {
  return page_height > 0 && (line.box.y1 < kTopMargin * page_height ||
                             line.box.y0 > kBottomMargin * page_height);
}

void AddLines(const std::vector<LayoutLine>& lines, double page_height, Document& doc) {
  for (const LayoutLine& line : lines) {
    if (IsPageNumberLine(line.text) && InMargin(line, page_height)) continue;
    Block block;
    block.text = line.text;
    block.token_x = line.token_x;
    block.prov.page = line.page;
    block.prov.bbox = line.box;
    block.prov.confidence = line.confidence;
    block.prov.produced_by = "pdf";
    doc.blocks.push_back(std::move(block));
  }
}

// Reads page `i`'s text layer; returns false when it has none that is
// usable: too few characters, or garbage (a font without a usable Unicode
// map; an info issue says so and the page is read by OCR).
bool ReadPage(poppler::document& pdf, int i, const PdfOptions& options, Document& doc) {
  std::unique_ptr<poppler::page> page(pdf.create_page(i));
  if (!page) return false;
  int chars = 0;
  std::vector<PositionedWord> words = PageWords(*page, i, &chars);
  if (chars < options.min_text_chars) return false;
  std::string all;
  for (const PositionedWord& w : words) all += w.text;
  const double share = PlausibleShare(all);
  if (IsGarbageText(share)) {
    doc.issues.push_back({Severity::kInfo, "pdf_garbage_text",
                          "page " + std::to_string(i + 1) + ": the text layer is not text (" +
                              std::to_string(static_cast<int>(share * 100)) +
                              "% of its characters plausible): read by OCR"});
    return false;
  }
  AddLines(BuildLines(std::move(words)), page->page_rect().height(), doc);
  return true;
}

// Resolution scanned pages are rendered at for OCR when the resolution they
// were scanned at is unknown, and the range a known one is kept in.
constexpr double kOcrDpi = 300, kMinScanDpi = 150, kMaxScanDpi = 400;

// The resolution page `page` is rendered at: that of its whole-page scan
// among `images` (no resampling), else kOcrDpi.
double RenderDpi(poppler::page* page, const std::vector<ImageSize>& images) {
  if (!page) return kOcrDpi;
  const poppler::rectf box = page->page_rect();
  const double dpi = ScanDpi(images, box.width(), box.height(), kMinScanDpi, kMaxScanDpi);
  return dpi > 0 ? dpi : kOcrDpi;
}

// kResourceLimit when page `page` rendered at `dpi`, or at the 300 dpi the
// page reader enlarges lower resolutions to, would have more than
// max_pixels pixels.
Status CheckRenderSize(poppler::page* page, double dpi, const PdfOptions& options) {
  if (!page) return OkStatus();
  dpi = std::max(dpi, kOcrDpi);
  const poppler::rectf box = page->page_rect();
  const double w = box.width() / 72 * dpi, h = box.height() / 72 * dpi;
  if (w * h <= double(options.max_pixels)) return OkStatus();
  return Status(StatusCode::kResourceLimit,
                "rendered at " + std::to_string(static_cast<int>(dpi)) +
                    " dpi the page would be " + std::to_string(int64_t(w)) + "x" +
                    std::to_string(int64_t(h)) + " pixels, more than the limit of " +
                    std::to_string(options.max_pixels) + " (--max-pixels)");
}

// A page without a text layer (a scan): rendered grey at the resolution it
// was scanned at (RenderDpi) and read by OCR (parsers/image/page_reader.h)
// with this thread's engine.
Status OcrPage(poppler::document& pdf, int i, const std::vector<ImageSize>& images,
               const PdfOptions& options, Document& doc) {
  ASSIGN_OR_RETURN(OcrEngine * engine, ThreadOcrEngine());
  std::unique_ptr<poppler::page> page(pdf.create_page(i));
  const double dpi = RenderDpi(page.get(), images);
  RETURN_IF_ERROR(CheckRenderSize(page.get(), dpi, options));
  poppler::page_renderer renderer;
  renderer.set_render_hints(poppler::page_renderer::antialiasing |
                            poppler::page_renderer::text_antialiasing);
  renderer.set_image_format(poppler::image::format_gray8);
  poppler::image rendered;
  if (page) rendered = renderer.render_page(page.get(), dpi, dpi);
  if (!rendered.is_valid() || rendered.width() <= 0 || rendered.height() <= 0) {
    return Status(StatusCode::kInternal, "the page could not be rendered for OCR");
  }
  GreyImage grey;
  grey.width = rendered.width();
  grey.height = rendered.height();
  grey.dpi = static_cast<int>(std::lround(dpi));
  grey.pixels.resize(static_cast<size_t>(grey.width) * grey.height);
  for (int y = 0; y < grey.height; ++y) {
    const char* row = rendered.const_data() + static_cast<size_t>(y) * rendered.bytes_per_row();
    std::copy(row, row + grey.width, grey.pixels.begin() + static_cast<size_t>(y) * grey.width);
  }
  return image::ReadPageImage(grey, i, *engine, doc, options.read);
}

// What reading the pages leaves to report.
struct PageOutcome {
  std::vector<int> unread;  // 1-based pages without a text layer OCR could not read
  std::string ocr_error;    // the last OCR failure, naming its page
  StatusCode ocr_code = StatusCode::kOk;
};

// Reads the pages (up to max_pages), each its own way: its text layer, or
// OCR; records how in doc.source.page_methods.
PageOutcome ReadPages(poppler::document& pdf, std::string_view bytes, const std::string& path,
                      const PdfOptions& options, Document& doc) {
  PageOutcome out;
  std::optional<std::vector<ImageSize>> images;  // read once a page needs OCR
  doc.source.page_methods.assign(pdf.pages(), "unread");
  for (int i = 0; i < pdf.pages(); ++i) {
    if (i >= options.max_pages) {
      doc.issues.push_back({Severity::kWarning, "page_limit",
                            path + ": pages after " + std::to_string(options.max_pages) +
                                " were not read"});
      break;
    }
    if (ReadPage(pdf, i, options, doc)) {
      doc.source.page_methods[i] = "text";
      continue;
    }
    if (options.ocr && !images) images = ImageXObjectSizes(bytes);
    Status ocr = options.ocr ? OcrPage(pdf, i, *images, options, doc)
                             : Status(StatusCode::kUnsupportedFormat, "OCR is off");
    if (ocr.ok()) {
      doc.source.page_methods[i] = "ocr";
      continue;
    }
    out.unread.push_back(i + 1);
    out.ocr_error = "page " + std::to_string(i + 1) + ": " + ocr.message();
    out.ocr_code = ocr.code();
  }
  return out;
}

std::string Megabytes(int64_t bytes) { return std::to_string((bytes + (1 << 19)) >> 20) + " MB"; }

// kResourceLimit when the oversized ToUnicode tables poppler would build for
// `pages` pages (tounicode_scan.h) exceed options.max_tounicode_bytes.
Status CheckToUnicode(std::string_view bytes, int pages, const std::string& path,
                      const PdfOptions& options) {
  const ToUnicodeCost cost = ScanToUnicode(bytes);
  if (cost.oversized_cmaps == 0 || pages <= 0) return OkStatus();
  if (cost.bytes_per_page <= options.max_tounicode_bytes / pages) return OkStatus();
  char code[16];
  std::snprintf(code, sizeof code, "%06" PRIX32, cost.max_code);
  return Status(StatusCode::kResourceLimit,
                path + ": " + std::to_string(cost.font_references) +
                    " font(s) have ToUnicode maps with codes longer than two bytes (up to <" +
                    code + ">): poppler would build " + Megabytes(cost.bytes_per_page) +
                    " of tables for each of " + std::to_string(pages) +
                    " page(s), more than the limit of " +
                    Megabytes(options.max_tounicode_bytes) + " in all");
}

}  // namespace

StatusOr<Document> ParsePdf(std::string_view bytes, const std::string& path,
                            const PdfOptions& options) {
  InitPoppler(CollectPopplerMessage);
  poppler_messages.clear();
  std::unique_ptr<poppler::document> pdf(poppler::document::load_from_raw_data(
      bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf) {
    std::string why = poppler_messages.empty() ? "" : " (" + poppler_messages.front() + ")";
    return Status(StatusCode::kUnreadable, path + ": damaged or truncated PDF" + why);
  }
  if (pdf->is_locked()) {
    return Status(StatusCode::kUnsupportedFormat, path + ": encrypted PDF (password needed)");
  }
  RETURN_IF_ERROR(
      CheckToUnicode(bytes, std::min(pdf->pages(), options.max_pages), path, options));
  Document doc;
  doc.source.path = path;
  doc.source.format = InputFormat::kPdf;
  doc.source.pages = pdf->pages();
  const PageOutcome pages = ReadPages(*pdf, bytes, path, options, doc);
  if (!pages.unread.empty()) {
    std::string list;
    for (int p : pages.unread) list += (list.empty() ? "" : ", ") + std::to_string(p);
    doc.issues.push_back({Severity::kError, "page_without_text",
                          path + ": page(s) " + list +
                              " have no text layer (scanned) and OCR failed: " +
                              pages.ocr_error});
  }
  for (const std::string& m : poppler_messages) {
    doc.issues.push_back({Severity::kWarning, "pdf_damage", path + ": " + m});
  }
  if (doc.blocks.empty() && pages.ocr_code == StatusCode::kResourceLimit) {
    return Status(StatusCode::kResourceLimit, path + ": no page has a text layer, and OCR " +
                                                  "stopped at a limit (" + pages.ocr_error + ")");
  }
  if (doc.blocks.empty()) {
    return Status(StatusCode::kNotAReport,
                  path + ": no page has a text layer, and OCR found no text" +
                      (pages.ocr_error.empty() ? "" : " (" + pages.ocr_error + ")"));
  }
  return doc;
}

}  // namespace zfxxgk::pdf
