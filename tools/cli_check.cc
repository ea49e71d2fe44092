// `zfxxgk check`: input discovery, batch extraction and the exit status.
#include "tools/cli_check.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <system_error>
#include <utility>

#include "pipeline/batch_inputs.h"
#include "pipeline/extract.h"

namespace zfxxgk {

const char* const kCheckHelp =
    "Inputs: a FILE is read whatever its name (- = standard input). A DIR is searched\n"
    "recursively for files named input.* or ending in .html .htm .txt .md .pdf .tif .tiff\n"
    "(README.* and hidden entries skipped). Each file is extracted once; an input that cannot\n"
    "be extracted is listed with its error and the batch goes on.\n"
    "\n"
    "Per document: path, template, organ, year; every identity check that fails (T3.1-3,\n"
    "T4.1-3 table identities; P.1 prose statements) with id, where, lhs, rhs, difference;\n"
    "the number of checks that pass or are not_checkable; the issues that record a choice\n"
    "or a doubt (ambiguous_cell, split_decided_by_identities, split_decided_by_prose,\n"
    "displaced_value_placed, prose_disagrees).\n"
    "\n"
    "Set findings, per body (organ names matched after NFKC, white space and punctuation\n"
    "folding):\n"
    "  same report   inputs of one body and year (a text dump and its HTML page) compared\n"
    "                cell by cell: agreeing and disagreeing cells, and cells ambiguous in\n"
    "                one input that the other determines (the reports are not changed);\n"
    "  X.1 chain     上年结转 of year N = 结转下年度 of year N-1, per column of table 三;\n"
    "                a year whose N-1 is not in the set has 'no previous year' (not a\n"
    "                failure); blank/dash/missing/ambiguous cells make it not_checkable;\n"
    "  in force      gov_2021 table 二 （一）: 现行有效件数(N) vs 现行有效件数(N-1) +\n"
    "                本年制发(N) - 本年废止(N), per row; informational, never a failure.\n"
    "\n"
    "--json prints one JSON document with the same information: inputs[] (every check\n"
    "and issue of each report, or the error), set.bodies[] (same_report, years[] with\n"
    "x1 and in_force checks), summary (counts and exit_status).\n"
    "\n"
    "Exit status: 0 no hard identity check failed; 1 a hard identity check (T3.x, T4.x\n"
    "or X.1) has status fail, or the output could not be written, or an internal error;\n"
    "2 usage error; 3 no input could be read as a report. A failing prose check (P.1) is\n"
    "shown but does not set the exit status: prose readings are heuristic.";

namespace {

namespace fs = std::filesystem;

// A key that names the same file however it was reached.
std::string FileKey(const std::string& path) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(path, ec);
  return ec ? path : canonical.string();
}

}  // namespace

std::vector<std::string> ExpandCheckArgument(const std::string& argument,
                                             std::vector<std::string>& errors) {
  std::error_code ec;
  if (argument == "-" || !fs::is_directory(argument, ec)) return {argument};
  std::vector<std::string> files = ExpandBatchInput(argument, errors);  // batch's names
  std::sort(files.begin(), files.end());
  return files;
}

CheckBatch RunCheckBatch(const std::vector<std::string>& arguments) {
  CheckBatch batch;
  std::set<std::string> seen;
  for (const std::string& argument : arguments) {
    std::vector<std::string> errors;
    std::vector<std::string> files = ExpandCheckArgument(argument, errors);
    for (const std::string& e : errors) {
      batch.inputs.push_back({argument, std::nullopt, Status(StatusCode::kUnreadable, e)});
    }
    for (const std::string& file : files) {
      if (file != "-" && !seen.insert(FileKey(file)).second) continue;
      CheckInput input{file, std::nullopt, OkStatus()};
      StatusOr<ReportV1> report = ExtractFile(file);
      if (report.ok()) {
        input.report = batch.reports.size();
        batch.reports.push_back(std::move(report).value());
      } else {
        input.error = report.status();
      }
      batch.inputs.push_back(std::move(input));
    }
  }
  batch.findings = AnalyzeReportSet(batch.reports);
  return batch;
}

std::string FormatCheckNumber(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  std::string s = std::to_string(v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

bool IsChoiceIssue(const std::string& code) {
  static const char* const kCodes[] = {"ambiguous_cell", "split_decided_by_identities",
                                       "split_decided_by_prose", "displaced_value_placed",
                                       "prose_disagrees"};
  for (const char* c : kCodes) {
    if (code == c) return true;
  }
  return false;
}

bool IsHardIdentity(const std::string& id) { return id.rfind("P.", 0) != 0; }

size_t CountIdentityFailures(const CheckBatch& batch) {
  size_t failures = 0;
  for (const ReportV1& report : batch.reports) {
    for (const CheckOut& check : report.checks) {
      failures += check.status == "fail" && IsHardIdentity(check.id);
    }
  }
  for (const BodyFindings& body : batch.findings.bodies) {
    for (const YearLink& link : body.years) {
      for (const CheckOut& check : link.x1) failures += check.status == "fail";
    }
  }
  return failures;
}

int CheckExitStatus(const CheckBatch& batch) {
  if (batch.reports.empty()) return kCheckExitNoInput;
  return CountIdentityFailures(batch) > 0 ? kCheckExitIdentityFail : kCheckExitClean;
}

}  // namespace zfxxgk
