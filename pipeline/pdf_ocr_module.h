// The PDF/OCR module: the code that needs poppler, Tesseract and Leptonica
// (parsers/pdf, parsers/image, pipeline/tesseract_engine) is built as a
// shared object, zfxxgk_pdf_ocr.so, that the core loads (dlopen) on the
// first PDF or image input. HTML and text never load it, so a process that
// reads only those does not map, relocate and initialise the ~60 libraries
// poppler and Tesseract bring (most of the start-up of `zfxxgk extract`).
//
// The module exports one C symbol, kPdfOcrModuleEntry, a function returning
// the module's PdfOcrModuleApi. The API passes our own C++ types (Document,
// the parser options, StatusOr): module and core must come from the same
// build, which the loader checks (kPdfOcrModuleAbi and the version).
//
//   ASSIGN_OR_RETURN(const PdfOcrModuleApi* module, PdfOcrModule());
//   ASSIGN_OR_RETURN(Document doc, module->parse_pdf(bytes, "report.pdf", pdf::PdfOptions()));
//
// The module's definitions of pixWriteMemPng and
// tesseract::UnicharAmbigs::LoadUniversal (pipeline/tesseract_engine.cc)
// still take precedence over the libraries' own: a dlopen'ed object comes
// first in the lookup scope of the libraries it brings in.
//
// Errors (LoadPdfOcrModule, PdfOcrModule): kUnsupportedFormat "PDF/OCR
// module not found: PATH" when there is no file at PATH (this build cannot
// read PDFs or images); kInternal when the file exists but cannot be loaded
// (the loader's reason), has no entry point, or comes from another build.
// Thread-safety: PdfOcrModule and LoadPdfOcrModule are thread-safe; the
// API's functions are thread-safe as ParsePdf and ParseImage are (each
// thread uses its own OCR engine).
#ifndef ZFXXGK_PIPELINE_PDF_OCR_MODULE_H_
#define ZFXXGK_PIPELINE_PDF_OCR_MODULE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "parsers/image/image_parser.h"
#include "parsers/pdf/pdf_parser.h"
#include "pipeline/document.h"
#include "pipeline/status.h"

namespace zfxxgk {

// File name of the module, looked for next to the running executable.
inline constexpr const char* kPdfOcrModuleFile = "zfxxgk_pdf_ocr.so";
// Its one exported symbol: extern "C" const PdfOcrModuleApi* (void).
inline constexpr const char* kPdfOcrModuleEntry = "zfxxgk_pdf_ocr_module_v1";
// Changes with the API below or the layout of the types it passes.
inline constexpr uint64_t kPdfOcrModuleAbi =
    (uint64_t{1} << 48) ^ (uint64_t{sizeof(Document)} << 32) ^
    (uint64_t{sizeof(pdf::PdfOptions)} << 16) ^ uint64_t{sizeof(image::ImageParseOptions)};

struct PdfOcrModuleApi {
  uint64_t abi;         // kPdfOcrModuleAbi of the build that made the module
  const char* version;  // ZFXXGK_VERSION of that build
  // pdf::ParsePdf (parsers/pdf/pdf_parser.h).
  StatusOr<Document> (*parse_pdf)(std::string_view bytes, const std::string& path,
                                  const pdf::PdfOptions& options);
  // image::ParseImage (parsers/image/image_parser.h) with the calling
  // thread's engine (ThreadOcrEngine; its errors are returned as they are).
  StatusOr<Document> (*parse_image)(std::string_view bytes, const std::string& path,
                                    const image::ImageParseOptions& options);
};

// <folder of /proc/self/exe>/kPdfOcrModuleFile (kPdfOcrModuleFile alone
// when /proc is not mounted).
std::string DefaultPdfOcrModulePath();

// Loads the module at `path` and returns its API. The module stays loaded
// for the life of the process, also after a failed check (unloading
// Tesseract and poppler is not safe). Errors: see above.
StatusOr<const PdfOcrModuleApi*> LoadPdfOcrModule(const std::string& path);

// The module at DefaultPdfOcrModulePath(), loaded on the first call; later
// calls return the same API, or the same error.
StatusOr<const PdfOcrModuleApi*> PdfOcrModule();

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_PDF_OCR_MODULE_H_
