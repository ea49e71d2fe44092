// The input list of a batch as RunBatch reads it: its size up front (for
// progress and the summary), then the paths once, in order. A list collected
// from directories and manifests is sorted and de-duplicated by an external
// sort and kept in an unlinked temporary file, so a batch of a million
// inputs does not hold a million paths in memory.
//
//   std::vector<std::string> errors;
//   StatusOr<std::unique_ptr<BatchInputList>> list =
//       BatchInputList::Collect({"archive/"}, {}, /*shard=*/nullptr, errors, {});
//   size_t n = (*list)->size();
//   std::string path;
//   while (*(*list)->Next(path)) { ... }   // sorted by bytes, no duplicates
//
// The paths and their order are those of CollectBatchInputs followed by
// SelectShard (pipeline/batch_inputs.h). Errors: kUnreadable when the
// temporary file cannot be written or read. Not thread-safe (RunBatch reads
// it under a lock); no exceptions (std::bad_alloc aside).
#ifndef ZFXXGK_PIPELINE_BATCH_INPUT_LIST_H_
#define ZFXXGK_PIPELINE_BATCH_INPUT_LIST_H_

#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/batch_inputs.h"
#include "pipeline/external_sort.h"
#include "pipeline/status.h"

namespace zfxxgk {

class BatchInputList {
 public:
  // The paths of `paths`, in their order. `paths` must outlive the list.
  static std::unique_ptr<BatchInputList> View(const std::vector<std::string>& paths);

  // Every input CollectBatchInputs(inputs, manifests, errors, walk) would list,
  // restricted to `shard` when not null, held on disk. Walk and manifest
  // errors are appended to `errors` as by CollectBatchInputs.
  static StatusOr<std::unique_ptr<BatchInputList>> Collect(
      const std::vector<std::string>& inputs, const std::vector<std::string>& manifests,
      const Shard* shard, std::vector<std::string>& errors, const ExternalSortOptions& sort,
      const BatchWalkOptions& walk = {});

  ~BatchInputList();
  BatchInputList(const BatchInputList&) = delete;
  BatchInputList& operator=(const BatchInputList&) = delete;

  size_t size() const { return size_; }

  // Whether the paths come in nondecreasing byte order: always for Collect;
  // for View, when the vector is (RunBatch then merges the journal with the
  // list on disk rather than indexing it in memory).
  bool sorted() const { return sorted_; }

  // The next path; false after the last one.
  StatusOr<bool> Next(std::string& path);

 private:
  BatchInputList() = default;

  size_t size_ = 0;
  size_t read_ = 0;
  bool sorted_ = true;
  const std::vector<std::string>* paths_ = nullptr;  // View
  std::FILE* file_ = nullptr;  // Collect: the paths, each followed by a NUL byte
};

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_BATCH_INPUT_LIST_H_
