// `zfxxgk batch`: options, input list, sinks, progress and exit status.
#include "tools/cli_batch.h"

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "pipeline/batch_input_list.h"
#include "pipeline/batch_inputs.h"
#include "pipeline/batch_sinks.h"
#include "pipeline/batch_sqlite.h"
#include "tools/cli_limits.h"

namespace zfxxgk {

const char* const kBatchHelp =
    "Inputs: files (any name), directories (searched recursively for input.* and *.html\n"
    "*.htm *.txt *.md *.pdf *.tif *.tiff, with --images *.png *.jpg *.jpeg too; README.*\n"
    "and hidden entries skipped), @FILE or --manifest FILE (one path per line, '#'\n"
    "comments; - = stdin). The list is sorted and de-duplicated.\n"
    "\n"
    "Outputs: with -o, OUTDIR/<name>.json per report, where <name> is the input path\n"
    "percent-encoded ('/' -> %2F; see docs/batch.md), written atomically; the journal\n"
    "OUTDIR/.zfxxgk-batch.jsonl; OUTDIR/_summary.json and OUTDIR/_set_findings.json.\n"
    "--jsonl, --sqlite and --csv are rebuilt completely by every run. Without -o at least\n"
    "one of them is needed (streaming: --manifest - --jsonl -).\n"
    "\n"
    "Resume: a re-run with the same -o skips inputs whose path, content SHA-256 and tool\n"
    "version the journal records as done; a batch killed at any point finishes on re-run\n"
    "with every report written once.\n"
    "\n"
    "Exit status: 0 every input has a report; 1 the batch stopped (an output or the journal\n"
    "could not be written, internal error); 2 usage error; 3 the batch finished but some\n"
    "inputs have no report (listed in the summary and the journal; an input over a --max-*\n"
    "limit is one of them, with the limit named).\n"
    "\n"
    "Distributed runs: --shard K/N per task; merge with --import (shared OUTDIRs) or\n"
    "--from-jsonl (JSONL streams). See docs/batch.md.";

CLI::App* AddBatchCommand(CLI::App& app, BatchCliOptions& o) {
  CLI::App* batch = app.add_subcommand(
      "batch",
      "Convert many reports in parallel, resumably: per-report JSON files, JSONL, SQLite, CSV; "
      "X.1 across years over the whole batch.");
  batch->add_option("INPUT", o.inputs, "files, directories, or @MANIFEST");
  batch->add_option("--manifest", o.manifests, "file listing one input path per line (- = stdin)");
  batch->add_flag("--images", o.images,
                  "directory walks also take .png .jpg .jpeg files (scanned pages; off by "
                  "default: saved web pages hold many images, each an OCR attempt)");
  batch->add_option("-o,--output-dir", o.out_dir,
                    "directory for OUTDIR/<name>.json per report and the resume journal");
  batch->add_option("-j,--jobs", o.jobs, "worker threads (default: hardware cores)")
      ->check(CLI::NonNegativeNumber);
  batch->add_option("--jsonl", o.jsonl, "write every report as one JSON line to FILE (- = stdout)");
  batch->add_option("--sqlite", o.sqlite, "write reports, cells, checks, issues and set findings "
                                          "to the SQLite database FILE (replaced)");
  batch->add_option("--csv", o.csv, "write one CSV row per cell to FILE (- = stdout)");
  batch->add_flag("--csv-bom", o.csv_bom, "start the CSV with a UTF-8 byte order mark (Excel)");
  batch->add_option("--findings", o.findings,
                    "write the set findings (X.1 across years, same-report pairs) as JSON to FILE "
                    "(default with -o: OUTDIR/_set_findings.json)");
  batch->add_option("--summary", o.summary,
                    "write the summary as JSON to FILE (default with -o: OUTDIR/_summary.json)");
  batch->add_option("--shard", o.shard,
                    "process only shard K of N (1 <= K <= N), by a hash of each input path");
  batch->add_flag("--no-resume", o.no_resume, "redo every input, ignoring the journal");
  batch->add_flag("--durable", o.durable,
                  "fsync every report file before recording it (survives power loss; slower)");
  batch->add_flag("-q,--quiet", o.quiet, "no progress display and no summary on stderr");
  batch->add_flag("--allow-failures", o.allow_failures,
                  "exit 0, not 3, when some inputs have no report (for engines that retry a "
                  "task on any non-zero exit)");
  batch->add_option("--sqlite-transaction", o.sqlite_transaction,
                    "reports per SQLite transaction")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  batch->add_option("--import", o.imports,
                    "before the run, copy the reports and journal of another run's OUTDIR (e.g. "
                    "a shard's) into -o OUTDIR; those inputs are then skipped");
  batch->add_option("--from-jsonl", o.from_jsonl,
                    "read extracted reports from a JSONL file (- = stdin; e.g. merged shard "
                    "outputs) instead of inputs, for --sqlite/--csv/--jsonl and the set findings");
  AddLimitOptions(*batch, o.limits);
  batch->footer(kBatchHelp);
  return batch;
}

namespace {

int Usage(const std::string& message) {
  std::cerr << "zfxxgk batch: " << message << "\n";
  return kBatchExitUsage;
}

// Every sink the options ask for.
StatusOr<std::vector<std::unique_ptr<BatchSink>>> MakeSinks(const BatchCliOptions& o) {
  std::vector<std::unique_ptr<BatchSink>> sinks;
  auto add = [&sinks](StatusOr<std::unique_ptr<BatchSink>> sink) -> Status {
    if (!sink.ok()) return sink.status();
    sinks.push_back(std::move(sink).value());
    return OkStatus();
  };
  if (!o.jsonl.empty()) RETURN_IF_ERROR(add(NewJsonlSink(o.jsonl)));
  if (!o.csv.empty()) RETURN_IF_ERROR(add(NewCsvSink(o.csv, o.csv_bom)));
  if (!o.sqlite.empty()) {
    SqliteSinkOptions sqlite;
    sqlite.reports_per_transaction = o.sqlite_transaction;
    RETURN_IF_ERROR(add(NewSqliteSink(o.sqlite, sqlite)));
  }
  std::string findings = o.findings;
  if (findings.empty() && !o.out_dir.empty()) findings = o.out_dir + "/_set_findings.json";
  if (!findings.empty()) RETURN_IF_ERROR(add(NewFindingsJsonSink(findings)));
  return sinks;
}

bool WriteText(const std::string& path, const std::string& text) {
  const std::string temp = path + ".partial";
  std::FILE* f = std::fopen(temp.c_str(), "wb");
  if (f == nullptr) return false;
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !ok || std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    return false;
  }
  return true;
}

// Sinks and findings over JSONL reports (--from-jsonl).
int RunFromJsonl(const BatchCliOptions& o, const std::vector<BatchSink*>& sinks) {
  BatchOptions options;
  StatusOr<BatchSummary> summary = RunBatchOnReports(o.from_jsonl, options, sinks);
  if (!summary.ok()) {
    std::cerr << "zfxxgk batch: " << summary.status().ToString() << "\n";
    return kBatchExitFatal;
  }
  if (!o.summary.empty() && !WriteText(o.summary, RenderBatchSummaryJson(*summary))) {
    std::cerr << "zfxxgk batch: cannot write " << o.summary << "\n";
    return kBatchExitFatal;
  }
  if (!o.quiet) std::cerr << RenderBatchSummaryText(*summary);
  return kBatchExitOk;
}

// Validates the combination of options; returns a message, or "" when fine.
std::string CheckOptions(const BatchCliOptions& o) {
  if (!o.from_jsonl.empty()) {
    if (!o.inputs.empty() || !o.manifests.empty() || !o.out_dir.empty() || !o.shard.empty() ||
        !o.imports.empty()) {
      return "--from-jsonl reads reports: no INPUT, --manifest, -o, --shard or --import";
    }
    if (o.jsonl.empty() && o.sqlite.empty() && o.csv.empty() && o.findings.empty()) {
      return "nothing to write: give --jsonl, --sqlite, --csv or --findings";
    }
    return "";
  }
  if (o.inputs.empty() && o.manifests.empty()) return "no INPUT and no --manifest";
  if (o.out_dir.empty() && o.jsonl.empty() && o.sqlite.empty() && o.csv.empty()) {
    return "nothing to write: give -o OUTDIR, --jsonl, --sqlite or --csv";
  }
  if (!o.imports.empty() && o.out_dir.empty()) return "--import needs -o OUTDIR";
  if (o.jsonl == "-" && o.csv == "-") return "--jsonl - and --csv - both on stdout";
  return "";
}

// The inputs of the options, sorted and de-duplicated on disk (memory does
// not grow with their number) and sharded; nullptr, after printing why, with
// the exit status in `exit_code`.
std::unique_ptr<BatchInputList> CollectInputs(const BatchCliOptions& o, int& exit_code) {
  exit_code = kBatchExitUsage;
  std::vector<std::string> inputs, manifests = o.manifests;
  for (const std::string& input : o.inputs) {
    if (input == "-") {
      Usage("- is not an input; use --manifest - to read paths from stdin");
      return nullptr;
    }
    if (input.size() > 1 && input[0] == '@') {
      manifests.push_back(input.substr(1));
    } else {
      inputs.push_back(input);
    }
  }
  std::optional<Shard> shard;
  if (!o.shard.empty()) {
    StatusOr<Shard> parsed = ParseShard(o.shard);
    if (!parsed.ok()) {
      Usage(parsed.status().message());
      return nullptr;
    }
    shard = *parsed;
  }
  std::vector<std::string> errors;
  StatusOr<std::unique_ptr<BatchInputList>> list =
      BatchInputList::Collect(inputs, manifests, shard ? &*shard : nullptr, errors, {},
                              BatchWalkOptions{.images = o.images});
  for (const std::string& e : errors) std::cerr << "zfxxgk batch: " << e << "\n";
  if (!errors.empty()) return nullptr;
  if (!list.ok()) {
    std::cerr << "zfxxgk batch: " << list.status().ToString() << "\n";
    exit_code = kBatchExitFatal;
    return nullptr;
  }
  return std::move(list).value();
}

int Run(const BatchCliOptions& o) {
  if (const std::string problem = CheckOptions(o); !problem.empty()) return Usage(problem);
  if (!o.from_jsonl.empty()) {
    StatusOr<std::vector<std::unique_ptr<BatchSink>>> sinks = MakeSinks(o);
    if (!sinks.ok()) {
      std::cerr << "zfxxgk batch: " << sinks.status().ToString() << "\n";
      return kBatchExitFatal;
    }
    std::vector<BatchSink*> ptrs;
    for (const auto& s : *sinks) ptrs.push_back(s.get());
    return RunFromJsonl(o, ptrs);
  }
  int exit_code = kBatchExitOk;
  std::unique_ptr<BatchInputList> list = CollectInputs(o, exit_code);
  if (!list) return exit_code;
  if (!o.out_dir.empty()) {  // the findings file is opened before the batch starts
    std::error_code ec;
    std::filesystem::create_directories(o.out_dir, ec);
    if (ec) {
      std::cerr << "zfxxgk batch: " << o.out_dir << ": cannot create: " << ec.message() << "\n";
      return kBatchExitFatal;
    }
  }
  for (const std::string& from : o.imports) {
    StatusOr<size_t> imported = ImportBatchOutputs(from, o.out_dir);
    if (!imported.ok()) {
      std::cerr << "zfxxgk batch: --import " << imported.status().ToString() << "\n";
      return kBatchExitFatal;
    }
    if (!o.quiet) std::cerr << "zfxxgk batch: imported " << *imported << " from " << from << "\n";
  }
  StatusOr<std::vector<std::unique_ptr<BatchSink>>> sinks = MakeSinks(o);
  if (!sinks.ok()) {
    std::cerr << "zfxxgk batch: " << sinks.status().ToString() << "\n";
    return kBatchExitFatal;
  }
  std::vector<BatchSink*> sink_ptrs;
  for (const auto& s : *sinks) sink_ptrs.push_back(s.get());
  BatchOptions options;
  options.jobs = o.jobs;
  options.out_dir = o.out_dir;
  options.resume = !o.no_resume;
  options.durable = o.durable;
  options.extract = o.limits;
  const bool show_progress = !o.quiet && ::isatty(STDERR_FILENO);
  if (show_progress) {
    options.on_progress = [](const BatchProgress& p) {
      std::fprintf(stderr, "\r\033[K%s", RenderBatchProgress(p).c_str());
      std::fflush(stderr);
    };
  }
  StatusOr<BatchSummary> summary = RunBatch(*list, options, sink_ptrs);
  if (show_progress) std::fputs("\r\033[K", stderr);
  if (!summary.ok()) {
    std::cerr << "zfxxgk batch: " << summary.status().ToString() << "\n";
    return kBatchExitFatal;
  }
  std::string summary_path = o.summary;
  if (summary_path.empty() && !o.out_dir.empty()) summary_path = o.out_dir + "/_summary.json";
  if (!summary_path.empty() && !WriteText(summary_path, RenderBatchSummaryJson(*summary))) {
    std::cerr << "zfxxgk batch: cannot write " << summary_path << "\n";
    return kBatchExitFatal;
  }
  if (!o.quiet) std::cerr << RenderBatchSummaryText(*summary);
  return summary->failed > 0 && !o.allow_failures ? kBatchExitSomeFailed : kBatchExitOk;
}

}  // namespace

int RunBatchCommand(const BatchCliOptions& options) {
  try {
    return Run(options);
  } catch (const std::exception& e) {  // e.g. std::bad_alloc: the CLI is the catch site
    std::cerr << "zfxxgk batch: internal error: " << e.what() << "\n";
    return kBatchExitFatal;
  }
}

}  // namespace zfxxgk
