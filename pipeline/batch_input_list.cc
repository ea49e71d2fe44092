// The input list of a batch, in memory (a view) or on disk.
//
// On disk each path is a LEB128 length and the bytes: a path may hold any
// byte a manifest line can.
#include "pipeline/batch_input_list.h"

#include <unistd.h>

#include <algorithm>

#include "pipeline/temp_file.h"

namespace zfxxgk {
namespace {

Status ListError() { return Status(StatusCode::kUnreadable, "input list: temporary file I/O error"); }

bool PutPath(std::FILE* f, const std::string& path) {
  size_t n = path.size();
  while (n >= 0x80) {
    if (std::fputc(static_cast<int>((n & 0x7F) | 0x80), f) == EOF) return false;
    n >>= 7;
  }
  return std::fputc(static_cast<int>(n), f) != EOF &&
         std::fwrite(path.data(), 1, path.size(), f) == path.size();
}

bool GetPath(std::FILE* f, std::string& path) {
  size_t n = 0;
  for (int shift = 0;; shift += 7) {
    const int c = std::fgetc(f);
    if (c == EOF || shift > 63) return false;
    n |= static_cast<size_t>(c & 0x7F) << shift;
    if ((c & 0x80) == 0) break;
  }
  path.resize(n);
  return std::fread(path.data(), 1, n, f) == n;
}

}  // namespace

std::unique_ptr<BatchInputList> BatchInputList::View(const std::vector<std::string>& paths) {
  std::unique_ptr<BatchInputList> list(new BatchInputList());
  list->paths_ = &paths;
  list->size_ = paths.size();
  list->sorted_ = std::is_sorted(paths.begin(), paths.end());
  return list;
}

StatusOr<std::unique_ptr<BatchInputList>> BatchInputList::Collect(
    const std::vector<std::string>& inputs, const std::vector<std::string>& manifests,
    const Shard* shard, std::vector<std::string>& errors, const ExternalSortOptions& sort,
    const BatchWalkOptions& walk) {
  ExternalSorter sorter(sort);
  Status added;
  auto take = [&](const std::string& path) {
    if (!added.ok() || (shard != nullptr && ShardOf(path, shard->count) != shard->index)) return;
    added = sorter.Add(path);
  };
  ForEachBatchInput(inputs, manifests, take, errors, walk);
  RETURN_IF_ERROR(added);
  RETURN_IF_ERROR(sorter.Finish());
  std::unique_ptr<BatchInputList> list(new BatchInputList());
  ASSIGN_OR_RETURN(const int fd, CreateUnlinkedTempFile(sort.dir, "zfxxgk-inputs"));
  list->file_ = ::fdopen(fd, "w+b");
  if (list->file_ == nullptr) {
    ::close(fd);
    return ListError();
  }
  std::string path, previous;
  for (;;) {
    ASSIGN_OR_RETURN(bool more, sorter.Next(path));
    if (!more) break;
    if (list->size_ > 0 && path == previous) continue;  // sorted: duplicates are adjacent
    if (!PutPath(list->file_, path)) return ListError();
    ++list->size_;
    previous.swap(path);
  }
  if (std::fflush(list->file_) != 0 || std::fseek(list->file_, 0, SEEK_SET) != 0) {
    return ListError();
  }
  return list;
}

BatchInputList::~BatchInputList() {
  if (file_ != nullptr) std::fclose(file_);
}

StatusOr<bool> BatchInputList::Next(std::string& path) {
  if (read_ >= size_) return false;
  if (paths_ != nullptr) {
    path = (*paths_)[read_++];
    return true;
  }
  if (!GetPath(file_, path)) return ListError();
  ++read_;
  return true;
}

}  // namespace zfxxgk
