// `zfxxgk batch INPUT... -o OUTDIR`: converts an archive (pipeline/batch.h)
// with progress on a terminal, a final summary and the JSONL / SQLite / CSV
// outputs. Usage and exit statuses: kBatchHelp and docs/batch.md.
//
//   BatchCliOptions options;
//   CLI::App* batch = AddBatchCommand(app, options);
//   ... app.parse(argc, argv) ...
//   if (batch->parsed()) return RunBatchCommand(options);
//
// Only used by the CLI; exceptions never leave RunBatchCommand.
#ifndef ZFXXGK_TOOLS_CLI_BATCH_H_
#define ZFXXGK_TOOLS_CLI_BATCH_H_

#include <string>
#include <vector>

#include "pipeline/batch.h"

namespace CLI {
class App;
}  // namespace CLI

namespace zfxxgk {

// Exit statuses of `zfxxgk batch`.
inline constexpr int kBatchExitOk = 0;          // every input has a report
inline constexpr int kBatchExitFatal = 1;       // the batch stopped: output, journal or internal error
inline constexpr int kBatchExitUsage = 2;
inline constexpr int kBatchExitSomeFailed = 3;  // finished; some inputs have no report (recorded)

extern const char* const kBatchHelp;

struct BatchCliOptions {
  std::vector<std::string> inputs;     // files, directories, @manifest
  std::vector<std::string> manifests;  // --manifest FILE|-
  bool images = false;                 // --images: walks take .png .jpg .jpeg too
  std::string out_dir;                 // -o
  int jobs = 0;                        // -j; 0 = cores
  std::string jsonl, sqlite, csv;      // outputs; "" = none, "-" = stdout (jsonl)
  bool csv_bom = false;
  std::string findings;                // set findings JSON; default OUTDIR/_set_findings.json
  std::string summary;                 // summary JSON; default OUTDIR/_summary.json
  std::string shard;                   // "K/N"
  bool no_resume = false;
  bool durable = false;
  bool quiet = false;
  bool allow_failures = false;         // exit 0 instead of 3 when some inputs failed
  int sqlite_transaction = 500;
  std::vector<std::string> imports;     // --import OUTDIR of another run (needs -o)
  std::vector<std::string> from_jsonl;  // --from-jsonl FILE|-: reports instead of inputs
  ExtractOptions limits;                // --max-* (tools/cli_limits.h)
};

// Adds the `batch` subcommand bound to `options`; returns it.
CLI::App* AddBatchCommand(CLI::App& app, BatchCliOptions& options);

// Runs the batch described by `options`; returns the exit status.
int RunBatchCommand(const BatchCliOptions& options);

// The one-line progress display: "1234/5000 24.7% 512.3/s ETA 0:07 failed 3".
std::string RenderBatchProgress(const BatchProgress& progress);

// The final summary for people (stderr): counts by format, template and
// status, failed inputs with their errors, failing identities, X.1 links.
std::string RenderBatchSummaryText(const BatchSummary& summary);

// The same summary as one JSON document (--summary).
std::string RenderBatchSummaryJson(const BatchSummary& summary);

}  // namespace zfxxgk

#endif  // ZFXXGK_TOOLS_CLI_BATCH_H_
