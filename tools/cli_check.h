// `zfxxgk check FILE|DIR...`: extracts a batch of reports and reports, per
// document, the identity checks and the issues that record a choice, then the
// set findings (same-report comparisons, the X.1 chain per body; see
// schemas/report_set.h).
//
//   CheckBatch batch = RunCheckBatch({"../shared/corpus"});
//   std::cout << RenderCheckText(batch);
//   return CheckExitStatus(batch);
//
// An input that fails to extract is recorded with its error and the batch
// goes on. Only used by the CLI; exceptions never leave these functions.
#ifndef ZFXXGK_TOOLS_CLI_CHECK_H_
#define ZFXXGK_TOOLS_CLI_CHECK_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/status.h"
#include "schemas/report_set.h"
#include "schemas/report_v1.h"

namespace zfxxgk {

// Exit statuses of `zfxxgk check` (documented in kCheckHelp).
inline constexpr int kCheckExitClean = 0;         // no hard identity check failed
inline constexpr int kCheckExitIdentityFail = 1;  // some T3.x, T4.x or X.1 check failed
inline constexpr int kCheckExitUsage = 2;
inline constexpr int kCheckExitNoInput = 3;       // no input could be read as a report

// The `check` subcommand's help text (inputs, output, exit statuses).
extern const char* const kCheckHelp;

struct CheckInput {
  std::string path;               // as found (argument, or directory + relative path)
  std::optional<size_t> report;   // index into CheckBatch::reports when extracted
  Status error;                   // why it was not extracted, else OK
};

struct CheckBatch {
  std::vector<CheckInput> inputs;  // every input, in argument then path order
  std::vector<ReportV1> reports;   // the extracted ones, in input order
  SetFindings findings;            // over `reports`
};

// The files an argument names: a directory is walked recursively (hidden
// entries skipped) for files named input.* or ending in .html .htm .txt .md
// (README.* excluded), sorted; any other argument is taken as a file.
// Directory walk errors are returned in `errors` as "path: message".
std::vector<std::string> ExpandCheckArgument(const std::string& argument,
                                             std::vector<std::string>& errors);

// Expands every argument, extracts every file (each file once) and analyses
// the set.
CheckBatch RunCheckBatch(const std::vector<std::string>& arguments);

// Hard identities are the table identities (T3.x, T4.x, X.1 and any future
// non-prose id); the prose check P.1 is soft: shown, not counted.
bool IsHardIdentity(const std::string& id);

// Hard identity checks with status fail: per-report checks plus X.1.
size_t CountIdentityFailures(const CheckBatch& batch);

// kCheckExitNoInput when nothing was extracted, else 1 when any hard
// identity check failed, else 0.
int CheckExitStatus(const CheckBatch& batch);

// The report for people (UTF-8 text, ends with a newline).
std::string RenderCheckText(const CheckBatch& batch);

// The same information as one JSON document (every check and issue of each
// report, the set findings, a summary with the exit status).
std::string RenderCheckJson(const CheckBatch& batch);

// Shared by the renderers: a number as printed in notes ("12", "5949.088667").
std::string FormatCheckNumber(double v);

// The issue codes the report shows: those that record a choice or a doubt.
bool IsChoiceIssue(const std::string& code);

}  // namespace zfxxgk

#endif  // ZFXXGK_TOOLS_CLI_CHECK_H_
