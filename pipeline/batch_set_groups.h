// The reports of a batch grouped by body for the set analysis
// (pipeline/batch_findings.h), on disk: memory does not grow with the number
// of reports.
//
// Each report's small entry (path, organ, year, where its record is) is
// written, keyed by body (NormalizeOrgan of the organ) and batch index, to an
// external sort (pipeline/external_sort.h). At the end one streaming pass
// over the sorted entries cuts them into bodies and keeps the first
// `max_inputs_per_year` inputs of each body and year; each body goes, keyed
// by its first batch index, to a second external sort, which hands the
// bodies back in order of first appearance, the order of the in-memory
// grouping this replaces.
//
//   BatchSetGrouper grouper(8, {});
//   RETURN_IF_ERROR(grouper.Add(entry));   // every placed report, batch order
//   RETURN_IF_ERROR(grouper.Finish());
//   BatchSetGroup group;
//   for (;;) {
//     ASSIGN_OR_RETURN(bool more, grouper.Next(group));
//     if (!more) break;
//     ...                                  // group.entries: one body
//   }
//
// Errors: those of ExternalSorter (kUnreadable), kInternal for a corrupt
// entry. Not thread-safe; no exceptions (std::bad_alloc aside).
#ifndef ZFXXGK_PIPELINE_BATCH_SET_GROUPS_H_
#define ZFXXGK_PIPELINE_BATCH_SET_GROUPS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/batch_findings.h"
#include "pipeline/external_sort.h"
#include "pipeline/status.h"

namespace zfxxgk {

// One body's reports.
struct BatchSetGroup {
  std::string key;                        // NormalizeOrgan(organ)
  size_t first_index = 0;                 // batch index of the body's first input
  std::vector<BatchSetEntry> entries;     // analysed, in batch order (entry.index)
  std::vector<std::string> not_compared;  // paths beyond the cap per year, batch order
};

class BatchSetGrouper {
 public:
  // `sort` applies to each of the two external sorts.
  BatchSetGrouper(size_t max_inputs_per_year, const ExternalSortOptions& sort);

  // `key`: NormalizeOrgan(entry.organ). REQUIRES: key not empty,
  // entry.year set, entries in increasing entry.index, Finish not yet called.
  Status Add(const BatchSetEntry& entry, std::string_view key);

  // Ends adding and groups the entries.
  Status Finish();

  // The next body, in order of its first entry's index; false after the
  // last one. REQUIRES: Finish called.
  StatusOr<bool> Next(BatchSetGroup& group);

  size_t size() const { return by_body_.size(); }  // entries added

 private:
  Status FlushBody(BatchSetGroup& body);

  size_t max_inputs_per_year_;
  ExternalSorter by_body_;       // entries keyed by (body key, index)
  ExternalSorter by_first_;      // bodies keyed by first index
};

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_BATCH_SET_GROUPS_H_
