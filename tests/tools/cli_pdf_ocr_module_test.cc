// The CLI and its PDF/OCR module (pipeline/pdf_ocr_module.h): a CLI copied
// without the module still reads HTML and text and names the missing module
// for a scan or a PDF; with the module, the two library functions
// pipeline/tesseract_engine.cc replaces are bound to the module's
// definitions (seen through the dynamic loader's LD_DEBUG=bindings trace).
#include <unistd.h>

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "pipeline/ocr_engine.h"
#include "tests/cli_runner.h"
#include "tests/temp_dir.h"

namespace {

using zfxxgk::testing_util::CommandResult;
using zfxxgk::testing_util::RunInRoot;
using zfxxgk::testing_util::ShellQuote;
using zfxxgk::testing_util::TempDir;

namespace fs = std::filesystem;

constexpr const char* kText = "corpus/synth-2019-glued/input.txt";
constexpr const char* kScan = "corpus/scan-2019-g4/input.tiff";
constexpr const char* kPdf = "corpus/synth-2021-pdf/input.pdf";

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A copy of the CLI alone in a fresh folder (no module beside it).
class LoneCli {
 public:
  LoneCli() : dir_("zfxxgk-lone-cli") {
    fs::copy_file(ZF_CLI_PATH, cli(), fs::copy_options::overwrite_existing);
  }
  std::string cli() const { return dir_.path() + "/zfxxgk"; }
  std::string module_path() const { return dir_.path() + "/zfxxgk_pdf_ocr.so"; }

 private:
  TempDir dir_;
};

CommandResult Extract(const std::string& cli, const std::string& input) {
  return RunInRoot("timeout 300 " + ShellQuote(cli) + " extract " + input + " 2>&1");
}

TEST(CliPdfOcrModuleTest, CliWithoutTheModuleReadsTextAsBefore) {
  LoneCli lone;
  CommandResult alone = Extract(lone.cli(), kText);
  CommandResult built = Extract(ZF_CLI_PATH, kText);
  EXPECT_EQ(alone.exit_code, 0) << alone.out;
  EXPECT_EQ(alone.out, built.out);
}

TEST(CliPdfOcrModuleTest, CliWithoutTheModuleNamesItForAScan) {
  LoneCli lone;
  CommandResult r = Extract(lone.cli(), kScan);
  EXPECT_EQ(r.exit_code, 5) << r.out;  // unsupported format
  EXPECT_TRUE(Contains(r.out, "PDF/OCR module not found: " + lone.module_path())) << r.out;
  EXPECT_TRUE(Contains(r.out, kScan)) << r.out;
}

TEST(CliPdfOcrModuleTest, CliWithoutTheModuleNamesItForAPdf) {
  LoneCli lone;
  CommandResult r = Extract(lone.cli(), kPdf);
  EXPECT_EQ(r.exit_code, 5) << r.out;
  EXPECT_TRUE(Contains(r.out, "PDF/OCR module not found: " + lone.module_path())) << r.out;
}

// The module is dlopen'ed after Leptonica's and Tesseract's own symbols were
// available; its pixWriteMemPng and UnicharAmbigs::LoadUniversal must still
// be the ones those libraries call (see pipeline/tesseract_engine.cc).
TEST(CliPdfOcrModuleTest, ModuleDefinitionsWinOverTheLibraries) {
  if (!zfxxgk::ThreadOcrEngine().ok()) GTEST_SKIP() << "OCR models not installed";
  CommandResult r = RunInRoot("LD_DEBUG=bindings timeout 300 " + ShellQuote(ZF_CLI_PATH) +
                              " extract tests/ocr-inputs/digits-2575.png 2>&1 >/dev/null");
  bool png = false, ambigs = false;
  size_t start = 0;
  while (start < r.out.size()) {
    size_t end = r.out.find('\n', start);
    if (end == std::string::npos) end = r.out.size();
    const std::string line = r.out.substr(start, end - start);
    start = end + 1;
    if (!Contains(line, " to ") || !Contains(line, "zfxxgk_pdf_ocr.so [0]: normal symbol")) {
      continue;
    }
    png = png || (Contains(line, "liblept") && Contains(line, "`pixWriteMemPng'"));
    ambigs = ambigs || (Contains(line, "libtesseract") &&
                        Contains(line, "`_ZN9tesseract13UnicharAmbigs13LoadUniversal"));
  }
  EXPECT_TRUE(png) << "Leptonica's PNG writer call is not bound to the module";
  EXPECT_TRUE(ambigs) << "Tesseract's LoadUniversal call is not bound to the module";
}

}  // namespace
