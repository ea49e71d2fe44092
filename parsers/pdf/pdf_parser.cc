#include "parsers/pdf/pdf_parser.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <memory>
#include <vector>

#include "parsers/image/page_reader.h"
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

void InstallMessageHandler() {
  static const bool installed = [] {
    poppler::set_debug_error_function(CollectPopplerMessage, nullptr);
    return true;
  }();
  (void)installed;
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

// Reads page `i`; returns false when it has no usable text layer.
bool ReadPage(poppler::document& pdf, int i, const PdfOptions& options, Document& doc) {
  std::unique_ptr<poppler::page> page(pdf.create_page(i));
  if (!page) return false;
  int chars = 0;
  std::vector<PositionedWord> words = PageWords(*page, i, &chars);
  if (chars < options.min_text_chars) return false;
  AddLines(BuildLines(std::move(words)), page->page_rect().height(), doc);
  return true;
}

// Resolution scanned pages are rendered at for OCR.
constexpr double kOcrDpi = 300;

// kResourceLimit when page `page` rendered at kOcrDpi would have more than
// max_pixels pixels.
Status CheckRenderSize(poppler::page* page, const PdfOptions& options) {
  if (!page) return OkStatus();
  const poppler::rectf box = page->page_rect();
  const double w = box.width() / 72 * kOcrDpi, h = box.height() / 72 * kOcrDpi;
  if (w * h <= double(options.max_pixels)) return OkStatus();
  return Status(StatusCode::kResourceLimit,
                "rendered at 300 dpi the page would be " + std::to_string(int64_t(w)) + "x" +
                    std::to_string(int64_t(h)) + " pixels, more than the limit of " +
                    std::to_string(options.max_pixels) + " (--max-pixels)");
}

// A page without a text layer (a scan): rendered grey at kOcrDpi and read
// by OCR (parsers/image/page_reader.h) with this thread's engine.
Status OcrPage(poppler::document& pdf, int i, const PdfOptions& options, Document& doc) {
  ASSIGN_OR_RETURN(OcrEngine * engine, ThreadOcrEngine());
  std::unique_ptr<poppler::page> page(pdf.create_page(i));
  RETURN_IF_ERROR(CheckRenderSize(page.get(), options));
  poppler::page_renderer renderer;
  renderer.set_render_hints(poppler::page_renderer::antialiasing |
                            poppler::page_renderer::text_antialiasing);
  renderer.set_image_format(poppler::image::format_gray8);
  poppler::image rendered;
  if (page) rendered = renderer.render_page(page.get(), kOcrDpi, kOcrDpi);
  if (!rendered.is_valid() || rendered.width() <= 0 || rendered.height() <= 0) {
    return Status(StatusCode::kInternal, "the page could not be rendered for OCR");
  }
  GreyImage grey;
  grey.width = rendered.width();
  grey.height = rendered.height();
  grey.dpi = static_cast<int>(kOcrDpi);
  grey.pixels.resize(static_cast<size_t>(grey.width) * grey.height);
  for (int y = 0; y < grey.height; ++y) {
    const char* row = rendered.const_data() + static_cast<size_t>(y) * rendered.bytes_per_row();
    std::copy(row, row + grey.width, grey.pixels.begin() + static_cast<size_t>(y) * grey.width);
  }
  return image::ReadPageImage(grey, i, *engine, doc, options.read);
}

}  // namespace

StatusOr<Document> ParsePdf(std::string_view bytes, const std::string& path,
                            const PdfOptions& options) {
  InstallMessageHandler();
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
  Document doc;
  doc.source.path = path;
  doc.source.format = InputFormat::kPdf;
  doc.source.pages = pdf->pages();
  std::vector<int> image_only;  // scanned pages OCR could not read
  std::string ocr_error;
  StatusCode ocr_code = StatusCode::kOk;
  for (int i = 0; i < pdf->pages(); ++i) {
    if (i >= options.max_pages) {
      doc.issues.push_back({Severity::kWarning, "page_limit",
                            path + ": pages after " + std::to_string(options.max_pages) +
                                " were not read"});
      break;
    }
    if (ReadPage(*pdf, i, options, doc)) continue;
    Status ocr = options.ocr ? OcrPage(*pdf, i, options, doc)
                             : Status(StatusCode::kUnsupportedFormat, "OCR is off");
    if (!ocr.ok()) {
      image_only.push_back(i + 1);
      ocr_error = "page " + std::to_string(i + 1) + ": " + ocr.message();
      ocr_code = ocr.code();
    }
  }
  if (!image_only.empty()) {
    std::string list;
    for (int p : image_only) list += (list.empty() ? "" : ", ") + std::to_string(p);
    doc.issues.push_back({Severity::kError, "page_without_text",
                          path + ": page(s) " + list +
                              " have no text layer (scanned) and OCR failed: " + ocr_error});
  }
  for (const std::string& m : poppler_messages) {
    doc.issues.push_back({Severity::kWarning, "pdf_damage", path + ": " + m});
  }
  if (doc.blocks.empty() && ocr_code == StatusCode::kResourceLimit) {
    return Status(StatusCode::kResourceLimit, path + ": no page has a text layer, and OCR " +
                                                  "stopped at a limit (" + ocr_error + ")");
  }
  if (doc.blocks.empty()) {
    return Status(StatusCode::kNotAReport,
                  path + ": no page has a text layer, and OCR found no text" +
                      (ocr_error.empty() ? "" : " (" + ocr_error + ")"));
  }
  return doc;
}

}  // namespace zfxxgk::pdf
