// Tests for pipeline/pdf_ocr_module.h: loading the PDF/OCR module with
// dlopen, from its default place and from a given path, and the errors for a
// module that is missing or not a module. The CLI's side (a CLI without its
// module, the library functions the module replaces) is in
// tests/tools/cli_pdf_ocr_module_test.cc.
#include "pipeline/pdf_ocr_module.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "parsers/pdf/pdf_parser.h"
#include "tests/temp_dir.h"

namespace zfxxgk {
namespace {

namespace fs = std::filesystem;

std::string ReadSource(const std::string& relative) {
  std::ifstream in(std::string(ZF_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

using testing_util::TempDir;

TEST(PdfOcrModuleTest, DefaultPathIsNextToTheRunningExecutable) {
  const fs::path exe = fs::read_symlink("/proc/self/exe");
  EXPECT_EQ(DefaultPdfOcrModulePath(), (exe.parent_path() / kPdfOcrModuleFile).string());
}

TEST(PdfOcrModuleTest, MissingModuleIsNamedInTheError) {
  TempDir dir;
  const std::string path = (fs::path(dir.path()) / kPdfOcrModuleFile).string();
  StatusOr<const PdfOcrModuleApi*> module = LoadPdfOcrModule(path);
  ASSERT_FALSE(module.ok());
  EXPECT_EQ(module.status().code(), StatusCode::kUnsupportedFormat);
  EXPECT_EQ(module.status().message(), "PDF/OCR module not found: " + path);
}

TEST(PdfOcrModuleTest, FileThatIsNotAModuleIsAnInternalError) {
  TempDir dir;
  const std::string path = (fs::path(dir.path()) / kPdfOcrModuleFile).string();
  std::ofstream(path) << "not an ELF shared object\n";
  StatusOr<const PdfOcrModuleApi*> module = LoadPdfOcrModule(path);
  ASSERT_FALSE(module.ok());
  EXPECT_EQ(module.status().code(), StatusCode::kInternal);
  EXPECT_NE(module.status().message().find("PDF/OCR module " + path + " cannot be used: "),
            std::string::npos)
      << module.status().message();
}

// The build puts the module next to the test binary: the default load is
// the dlopen path every PDF and image input of ExtractBytes takes.
TEST(PdfOcrModuleTest, BuiltModuleLoadsFromTheDefaultPath) {
  StatusOr<const PdfOcrModuleApi*> module = PdfOcrModule();
  ASSERT_TRUE(module.ok()) << module.status().ToString();
  EXPECT_EQ(module.value()->abi, kPdfOcrModuleAbi);
  EXPECT_STREQ(module.value()->version, ZFXXGK_VERSION);
  StatusOr<const PdfOcrModuleApi*> again = LoadPdfOcrModule(ZF_PDF_OCR_MODULE_PATH);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again.value(), module.value());  // the same loaded module
}

// A text PDF read through the module gives the Document the parser linked
// into this binary gives.
TEST(PdfOcrModuleTest, ModuleParsesAPdfLikeTheParserItWraps) {
  StatusOr<const PdfOcrModuleApi*> module = LoadPdfOcrModule(ZF_PDF_OCR_MODULE_PATH);
  ASSERT_TRUE(module.ok()) << module.status().ToString();
  const std::string bytes = ReadSource("corpus/synth-2021-pdf/input.pdf");
  ASSERT_FALSE(bytes.empty());
  pdf::PdfOptions options;
  options.ocr = false;
  StatusOr<Document> via_module = module.value()->parse_pdf(bytes, "input.pdf", options);
  StatusOr<Document> direct = pdf::ParsePdf(bytes, "input.pdf", options);
  ASSERT_TRUE(via_module.ok()) << via_module.status().ToString();
  ASSERT_TRUE(direct.ok()) << direct.status().ToString();
  ASSERT_EQ(via_module->blocks.size(), direct->blocks.size());
  ASSERT_FALSE(direct->blocks.empty());
  for (size_t i = 0; i < direct->blocks.size(); ++i) {
    EXPECT_EQ(via_module->blocks[i].text, direct->blocks[i].text) << "block " << i;
  }
}

TEST(PdfOcrModuleTest, ModuleReportsADamagedPdfAsUnreadable) {
  StatusOr<const PdfOcrModuleApi*> module = LoadPdfOcrModule(ZF_PDF_OCR_MODULE_PATH);
  ASSERT_TRUE(module.ok()) << module.status().ToString();
  StatusOr<Document> doc = module.value()->parse_pdf(
      ReadSource("tests/pdf-inputs/truncated.pdf"), "truncated.pdf", pdf::PdfOptions());
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kUnreadable) << doc.status().ToString();
  EXPECT_NE(doc.status().message().find("truncated.pdf"), std::string::npos);
}

}  // namespace
}  // namespace zfxxgk
