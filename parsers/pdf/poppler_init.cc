#include "parsers/pdf/poppler_init.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <cstdio>
#include <memory>
#include <mutex>
#include <vector>

namespace zfxxgk::pdf {
namespace {

// Draws the one page of MinimalPdf() (as text extraction), which makes
// poppler's lazily created per-process state.
void DrawFirstPage() {
  const std::string bytes = MinimalPdf();
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc || doc->pages() < 1) return;
  std::unique_ptr<poppler::page> page(doc->create_page(0));
  if (page) (void)page->text_list();
}

}  // namespace

std::string MinimalPdf() {
  const char* const objects[] = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >>",
  };
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < std::size(objects); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
  char entry[24];
  for (size_t offset : offsets) {
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) + " /Root 1 0 R >>\n";
  pdf += "startxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

void InitPoppler(PopplerMessageSink sink) {
  static std::once_flag once;
  std::call_once(once, [sink] {
    poppler::set_debug_error_function(sink, nullptr);
    DrawFirstPage();
  });
}

}  // namespace zfxxgk::pdf
