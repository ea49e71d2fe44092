// zfxxgk: command-line front end over the extraction library.
#include <CLI/CLI.hpp>
#include <malloc.h>

#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

#include "pipeline/extract.h"
#include "tools/cli_batch.h"
#include "tools/cli_check.h"
#include "tools/cli_limits.h"

namespace {

// Exit codes, documented in --help.
constexpr int kExitOk = 0;
constexpr int kExitInternal = 1;
constexpr int kExitUsage = 2;
constexpr int kExitUnreadable = 3;
constexpr int kExitEmpty = 4;
constexpr int kExitUnsupported = 5;
constexpr int kExitNotAReport = 6;
constexpr int kExitResourceLimit = 7;

// A scanned page is handled as several page-sized buffers (8-bit at 300
// dpi, ~9 MB each) made and freed in turn, and Tesseract allocates per
// recognised cell. By default glibc maps each large buffer fresh from the
// kernel and unmaps it on free, so every page costs tens of thousands of
// page faults (about 0.03 s of system time per page, 3% of its OCR time).
// Keeping freed memory in the heap for reuse removes them; peak memory did
// not grow (144 MB against 147 MB on a 3-page scan).
void ReuseLargeBuffers() {
  constexpr int kBytes = 256 << 20;
  mallopt(M_MMAP_THRESHOLD, kBytes);
  mallopt(M_TRIM_THRESHOLD, kBytes);
}

int ExitCodeFor(zfxxgk::StatusCode code) {
  using zfxxgk::StatusCode;
  switch (code) {
    case StatusCode::kOk: return kExitOk;
    case StatusCode::kNotFound:
    case StatusCode::kUnreadable: return kExitUnreadable;
    case StatusCode::kEmptyInput: return kExitEmpty;
    case StatusCode::kUnsupportedFormat: return kExitUnsupported;
    case StatusCode::kNotAReport: return kExitNotAReport;
    case StatusCode::kResourceLimit: return kExitResourceLimit;
    case StatusCode::kInvalidArgument: return kExitUsage;
    case StatusCode::kInternal: break;
  }
  return kExitInternal;
}

// Writes `data` to `path` atomically: a temporary file beside it, then
// rename, so readers never see a half-written report.
bool WriteAtomically(const std::string& path, const std::string& data, std::string* error) {
  std::string tmp = path + ".tmp." + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << data;
    out.flush();
    if (!out) {
      *error = "cannot write " + tmp;
      std::remove(tmp.c_str());
      return false;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    *error = "cannot rename " + tmp + " to " + path;
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

constexpr const char* kExitHelp =
    "Exit status: 0 success; 1 internal error; 2 usage error; 3 file not found or "
    "unreadable; 4 empty input; 5 unsupported format (binary, encrypted PDF); 6 not an annual "
    "report (no report table found); 7 input over a resource limit (--max-input-bytes, "
    "--max-html-depth, --max-table-cells, --max-pixels, --max-ocr-seconds; the message names "
    "the limit).";

int RunExtract(const std::string& input, const std::string& output, bool pretty,
               const zfxxgk::ExtractOptions& options) {
  std::string json;
  try {
    zfxxgk::StatusOr<zfxxgk::ReportV1> report = zfxxgk::ExtractFile(input, options);
    if (!report.ok()) {
      std::cerr << "zfxxgk: " << report.status().ToString() << "\n";
      return ExitCodeFor(report.status().code());
    }
    json = zfxxgk::ToJson(*report, pretty) + "\n";
  } catch (const std::exception& e) {  // e.g. std::bad_alloc: the CLI is the catch site
    std::cerr << "zfxxgk: internal: " << input << ": " << e.what() << "\n";
    return kExitInternal;
  }
  if (output.empty() || output == "-") {
    std::cout << json;
    std::cout.flush();
    return std::cout ? kExitOk : kExitInternal;
  }
  std::string error;
  if (!WriteAtomically(output, json, &error)) {
    std::cerr << "zfxxgk: " << error << "\n";
    return kExitUnreadable;
  }
  return kExitOk;
}

int RunCheck(const std::vector<std::string>& paths, bool json) {
  try {
    zfxxgk::CheckBatch batch = zfxxgk::RunCheckBatch(paths);
    std::cout << (json ? zfxxgk::RenderCheckJson(batch) : zfxxgk::RenderCheckText(batch));
    std::cout.flush();
    if (!std::cout) return zfxxgk::kCheckExitIdentityFail;
    return zfxxgk::CheckExitStatus(batch);
  } catch (const std::exception& e) {  // e.g. std::bad_alloc: the CLI is the catch site
    std::cerr << "zfxxgk check: internal error: " << e.what() << "\n";
    return zfxxgk::kCheckExitIdentityFail;
  }
}

}  // namespace

int main(int argc, char** argv) {
  ReuseLargeBuffers();
  CLI::App app{
      "zfxxgk " ZFXXGK_VERSION " - turns government information disclosure annual reports "
      "(政府信息公开工作年度报告) into exact JSON (contract schema_version 1)."};
  app.footer(std::string("extract: ") + kExitHelp +
             "\ncheck: see `zfxxgk check --help` (0 clean, 1 a table identity T3/T4/X.1 fails, 2 "
             "usage, 3 nothing readable).");
  app.require_subcommand(1);
  std::string input, output;
  bool pretty = false;
  CLI::App* extract = app.add_subcommand(
      "extract",
      "Extract one report (HTML page in UTF-8/GBK/GB18030/UTF-16, or a text dump: one cell "
      "per line, whitespace-collapsed, aligned columns, markdown tables; a PDF, each page "
      "read from its text layer or, when it has none, by OCR; or a scanned page: PNG, JPEG, "
      "TIFF with any number of pages, read by OCR) to JSON on stdout.");
  extract->add_option("FILE", input, "input file, or - for standard input")->required();
  extract->add_option("-o,--output", output,
                      "write the JSON to this file (atomically: temp file + rename)");
  extract->add_flag("--pretty", pretty, "indent the JSON by two spaces");
  zfxxgk::ExtractOptions limits;
  zfxxgk::AddLimitOptions(*extract, limits);
  extract->footer(kExitHelp);
  std::vector<std::string> check_paths;
  bool check_json = false;
  CLI::App* check = app.add_subcommand(
      "check",
      "Extract a batch of reports and check them: identities per report, inputs of the same "
      "report compared cell by cell, and X.1 across consecutive years of each body.");
  check->add_option("PATHS", check_paths, "report files, or directories searched recursively")
      ->required();
  check->add_flag("--json", check_json, "print one JSON document instead of the text report");
  check->footer(zfxxgk::kCheckHelp);
  zfxxgk::BatchCliOptions batch_options;
  CLI::App* batch = zfxxgk::AddBatchCommand(app, batch_options);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  if (extract->parsed()) return RunExtract(input, output, pretty, limits);
  if (check->parsed()) return RunCheck(check_paths, check_json);
  if (batch->parsed()) return zfxxgk::RunBatchCommand(batch_options);
  return kExitUsage;
}
