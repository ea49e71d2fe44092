#include "pipeline/pdf_ocr_module.h"

#include <dlfcn.h>

#include <cstring>
#include <filesystem>
#include <system_error>

namespace zfxxgk {

std::string DefaultPdfOcrModulePath() {
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec || exe.empty()) return kPdfOcrModuleFile;
  return (exe.parent_path() / kPdfOcrModuleFile).string();
}

StatusOr<const PdfOcrModuleApi*> LoadPdfOcrModule(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Status(StatusCode::kUnsupportedFormat, "PDF/OCR module not found: " + path);
  }
  const std::string broken = "PDF/OCR module " + path + " cannot be used: ";
  // RTLD_LOCAL: poppler's, Tesseract's and Leptonica's symbols stay out of
  // the global scope. RTLD_LAZY, as for the libraries of a program: a missing
  // library still fails here, and binding every function of ~60 libraries
  // up front (RTLD_NOW) cost 13 M instructions more than the linked-in CLI's
  // start-up did (callgrind, a text PDF).
  void* handle = dlopen(path.c_str(), RTLD_LAZY | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* why = dlerror();
    return Status(StatusCode::kInternal, broken + (why != nullptr ? why : "dlopen failed"));
  }
  using Entry = const PdfOcrModuleApi* (*)();
  auto entry = reinterpret_cast<Entry>(dlsym(handle, kPdfOcrModuleEntry));
  if (entry == nullptr) {
    return Status(StatusCode::kInternal, broken + "no " + kPdfOcrModuleEntry + " symbol");
  }
  const PdfOcrModuleApi* api = entry();
  if (api == nullptr || api->abi != kPdfOcrModuleAbi || api->version == nullptr ||
      std::strcmp(api->version, ZFXXGK_VERSION) != 0 || api->parse_pdf == nullptr ||
      api->parse_image == nullptr) {
    return Status(StatusCode::kInternal,
                  broken + "built from another version of zfxxgk (rebuild it with this one)");
  }
  return api;
}

StatusOr<const PdfOcrModuleApi*> PdfOcrModule() {
  // A function-local static: loaded once, thread-safe, only when needed.
  static const StatusOr<const PdfOcrModuleApi*> module =
      LoadPdfOcrModule(DefaultPdfOcrModulePath());
  return module;
}

}  // namespace zfxxgk
