// The entry point of the PDF/OCR module (pipeline/pdf_ocr_module.h): built
// only into zfxxgk_pdf_ocr.so, next to the parsers it exposes.
#include "parsers/image/image_parser.h"
#include "parsers/pdf/pdf_parser.h"
#include "pipeline/ocr_engine.h"
#include "pipeline/pdf_ocr_module.h"

#include <string>
#include <string_view>

namespace zfxxgk {
namespace {

StatusOr<Document> ParsePdfEntry(std::string_view bytes, const std::string& path,
                                 const pdf::PdfOptions& options) {
  return pdf::ParsePdf(bytes, path, options);
}

StatusOr<Document> ParseImageEntry(std::string_view bytes, const std::string& path,
                                   const image::ImageParseOptions& options) {
  ASSIGN_OR_RETURN(OcrEngine * engine, ThreadOcrEngine());  // one per thread, created once
  return image::ParseImage(bytes, path, *engine, options);
}

static_assert(std::string_view(kPdfOcrModuleEntry) == "zfxxgk_pdf_ocr_module_v1",
              "the exported function below must carry the name the loader looks up");

constexpr PdfOcrModuleApi kApi = {kPdfOcrModuleAbi, ZFXXGK_VERSION, &ParsePdfEntry,
                                  &ParseImageEntry};

}  // namespace
}  // namespace zfxxgk

extern "C" __attribute__((visibility("default"))) const zfxxgk::PdfOcrModuleApi*
zfxxgk_pdf_ocr_module_v1() {
  return &zfxxgk::kApi;
}
