// The cross-year findings (schemas/report_set.h: same-report comparisons,
// X.1, the in-force note) over a whole batch, with memory that grows neither
// with the reports' size nor with their number: the batch writes one small
// entry per report to an on-disk grouping by body and reads the full reports
// back only for bodies with two or more reports.
//
//   BatchSetAnalysis analysis;
//   RETURN_IF_ERROR(analysis.Add({"a/2021.html", "平潭综合实验区", 2021}));  // input order
//   StatusOr<BatchSetFindings> findings = analysis.Run(load, on_body, /*threads=*/2);
//   std::string json = BatchSetFindingsJson(*findings);
//
// Bodies are independent in AnalyzeReportSet, so analysing body by body
// gives the same findings as one call over every report, and lets Run
// analyse several bodies at once. Not thread-safe (one collector thread owns
// it; Run starts its own threads); no exceptions.
#ifndef ZFXXGK_PIPELINE_BATCH_FINDINGS_H_
#define ZFXXGK_PIPELINE_BATCH_FINDINGS_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/external_sort.h"
#include "pipeline/status.h"
#include "pipeline/string_spill.h"
#include "schemas/report_set.h"
#include "schemas/report_v1.h"

namespace zfxxgk {

// What the analysis keeps per report until the end of the batch (on disk:
// pipeline/batch_set_groups.h).
struct BatchSetEntry {
  std::string path;          // input path (the report's source.path)
  std::string organ;         // report.organ as printed
  std::optional<int> year;
  uint64_t offset = 0;       // for the loader: where in the spill file (or
  uint64_t length = 0;       // journal) the report's record or JSON is kept
  // Where the loader finds the report: its set record or its JSON text in
  // the spill file (at offset, length), its set record in the batch journal
  // (at offset, length), or its report file in OUTDIR.
  enum class Source { kReportFile, kSpillJson, kSpillRecord, kJournalRecord,
                      kLast = kJournalRecord };
  Source source = Source::kReportFile;
  size_t index = 0;          // batch index (set by BatchSetAnalysis::Add)
};

// Counts over the year links of every body.
struct YearLinkCounts {
  size_t bodies = 0;
  size_t links = 0;            // years with a previous year in the set
  size_t pass = 0, fail = 0, not_checkable = 0;
  size_t no_previous_year = 0;
  size_t x1_checks_failed = 0;  // X.1 column checks with status fail
  size_t same_report_pairs = 0;
  size_t unplaced = 0;
  size_t not_compared = 0;      // see BatchSetFindings::not_compared
};

// Adds one body's year links and pairs to `counts` (bodies += 1).
void CountBody(const BodyFindings& body, YearLinkCounts& counts);

// What remains of the set findings once every body has been handed on:
// counts and lists of paths. Bodies themselves go to BatchSetAnalysis::Run's
// callback one at a time and the lists are spilled to disk past a small
// buffer, so memory grows neither with the bodies nor with the reports.
// Movable, not copyable.
struct BatchSetFindings {
  YearLinkCounts counts;
  StringSpill unplaced;      // paths of reports without organ or year
  // Inputs of a body and year beyond BatchSetAnalysis's max_inputs_per_year
  // (copies of one report): left out of the analysis.
  StringSpill not_compared;
  // The first kMaxListed X.1 checks that fail, for people:
  // "平潭综合实验区 2021 (X.1 total): carried over 5 vs carried forward of 2020 6".
  static constexpr size_t kMaxListed = 20;
  std::vector<std::string> failing_x1;
};

// The input path of batch index i (indices in BodyFindings are batch indices).
using BatchPathOf = std::function<const std::string&(size_t)>;

class BatchSetGrouper;
struct BatchSetGroup;

class BatchSetAnalysis {
 public:
  // Loads the full report of an entry (called only for bodies with two or
  // more reports). A non-OK status stops Run.
  using Loader = std::function<StatusOr<ReportV1>(const BatchSetEntry&)>;

  // Same-report comparisons are pairwise (quadratic in the inputs of one
  // body and year): only the first `max_inputs_per_year` inputs of each body
  // and year are analysed. X.1 reads a year's cells from its first inputs
  // anyway, so it is unaffected unless those lack the cells. `sort` bounds
  // the memory of the grouping by body (its temporary files, and those of
  // the lists of paths, go to sort.dir).
  explicit BatchSetAnalysis(size_t max_inputs_per_year = 8, const ExternalSortOptions& sort = {});
  ~BatchSetAnalysis();
  BatchSetAnalysis(const BatchSetAnalysis&) = delete;
  BatchSetAnalysis& operator=(const BatchSetAnalysis&) = delete;

  // Adds the next report (its batch index: the number added before).
  // kUnreadable when the grouping cannot write its temporary file.
  // REQUIRES: Run not yet called.
  Status Add(BatchSetEntry entry);
  size_t size() const { return added_; }

  // Called once per body, in order of first appearance, with the body's
  // findings (indices are batch indices: the order of Add; `path_of` names
  // those of the body); a non-OK status stops Run.
  using BodyCallback = std::function<Status(const BodyFindings&, const BatchPathOf&)>;

  // Analyses body by body and returns the totals. Bodies are analysed on
  // `threads` threads (the caller's among them; `load` must then be safe to
  // call from them at once), each loading one body's reports at a time;
  // `on_body` is called from one thread at a time, in order, and sees the
  // same bodies whatever `threads` is. Call once.
  StatusOr<BatchSetFindings> Run(const Loader& load, const BodyCallback& on_body,
                                 int threads = 1);

 private:

  size_t added_ = 0;
  StringSpill unplaced_;                    // reports without organ or year
  StringSpill not_compared_;                // filled by Run
  std::unique_ptr<BatchSetGrouper> grouper_;  // the others, by body
};

// Writes the findings as one JSON document, body by body:
//   {"bodies": [...], "unplaced": [...], "not_compared": [...], "counts": {...}}
// with bodies in the shape of the "set" object of `zfxxgk check --json`.
// Call Begin, Body for each body (each returns the text to write), then End,
// which hands its text to `write` piece by piece (the lists of paths may be
// long) and returns the first error `write` or reading the lists returns.
class BatchSetFindingsJsonWriter {
 public:
  using Write = std::function<Status(std::string_view)>;
  std::string Begin() const { return "{\n  \"bodies\": ["; }
  std::string Body(const BodyFindings& body, const BatchPathOf& path_of);
  Status End(const BatchSetFindings& totals, const Write& write) const;

 private:
  bool first_ = true;
};

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_BATCH_FINDINGS_H_
