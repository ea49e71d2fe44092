// Tests for parsers/pdf/poppler_init.h. The race InitPoppler prevents is
// tested under ThreadSanitizer by PdfParserConcurrentTest (pdf_parser_test.cc).
#include "parsers/pdf/poppler_init.h"

#include <gtest/gtest.h>
#include <poppler-document.h>

#include <memory>
#include <sstream>
#include <string>

namespace zfxxgk::pdf {
namespace {

void Ignore(const std::string&, void*) {}

// Each xref entry points at its object, so poppler needs no repair (a repair
// would print a message on every process's first PDF).
TEST(PopplerInitTest, MinimalPdfXrefOffsetsPointAtTheirObjects) {
  const std::string pdf = MinimalPdf();
  const size_t xref = pdf.find("\nxref\n") + 1;
  ASSERT_NE(xref, 0u);
  std::istringstream in(pdf.substr(xref + 5));
  int first = -1, count = 0;
  in >> first >> count;
  ASSERT_EQ(first, 0);
  ASSERT_EQ(count, 4);
  std::string offset, generation, kind;
  in >> offset >> generation >> kind;  // entry 0: the free list head
  EXPECT_EQ(kind, "f");
  for (int object = 1; object < count; ++object) {
    in >> offset >> generation >> kind;
    EXPECT_EQ(kind, "n");
    const std::string header = std::to_string(object) + " 0 obj";
    EXPECT_EQ(pdf.compare(std::stoul(offset), header.size(), header), 0) << "object " << object;
  }
  EXPECT_EQ(pdf.substr(pdf.rfind("startxref\n") + 10, std::to_string(xref).size()),
            std::to_string(xref));
}

TEST(PopplerInitTest, MinimalPdfIsOnePageForPoppler) {
  InitPoppler(Ignore);
  const std::string pdf = MinimalPdf();
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  ASSERT_NE(doc, nullptr);
  EXPECT_EQ(doc->pages(), 1);
}

}  // namespace
}  // namespace zfxxgk::pdf
