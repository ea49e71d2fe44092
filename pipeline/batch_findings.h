// The cross-year findings (schemas/report_set.h: same-report comparisons,
// X.1, the in-force note) over a whole batch, with memory that does not grow
// with the reports' size: the batch keeps one small entry per report and
// reads the full reports back only for bodies with two or more reports.
//
//   BatchSetAnalysis analysis;
//   analysis.Add({"a/2021.html", "平潭综合实验区", 2021});  // every report, input order
//   StatusOr<BatchSetFindings> findings = analysis.Run(load);
//   std::string json = BatchSetFindingsJson(*findings);
//
// Bodies are independent in AnalyzeReportSet, so analysing body by body
// gives the same findings as one call over every report. Not thread-safe
// (one collector thread owns it); no exceptions.
#ifndef ZFXXGK_PIPELINE_BATCH_FINDINGS_H_
#define ZFXXGK_PIPELINE_BATCH_FINDINGS_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/status.h"
#include "schemas/report_set.h"
#include "schemas/report_v1.h"

namespace zfxxgk {

// What the analysis keeps per report until the end of the batch.
struct BatchSetEntry {
  std::string path;          // input path (the report's source.path)
  std::string organ;         // report.organ as printed
  std::optional<int> year;
  uint64_t handle = 0;       // for the loader: where the full report is kept
};

// The findings over a batch. SetFindings' indices point into `paths`.
struct BatchSetFindings {
  std::vector<std::string> paths;  // every analysed report, in batch order
  SetFindings findings;
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
};

YearLinkCounts CountYearLinks(const SetFindings& findings);

class BatchSetAnalysis {
 public:
  // Loads the full report of an entry (called only for bodies with two or
  // more reports). A non-OK status stops Run.
  using Loader = std::function<StatusOr<ReportV1>(const BatchSetEntry&)>;

  void Add(BatchSetEntry entry) { entries_.push_back(std::move(entry)); }
  size_t size() const { return entries_.size(); }

  StatusOr<BatchSetFindings> Run(const Loader& load) const;

 private:
  std::vector<BatchSetEntry> entries_;
};

// {"bodies": [...], "unplaced": [...], "counts": {...}} in the shape of the
// "set" object of `zfxxgk check --json`, with 2-space indentation.
std::string BatchSetFindingsJson(const BatchSetFindings& set);

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_BATCH_FINDINGS_H_
