#include "pipeline/string_spill.h"

#include <algorithm>
#include <utility>

namespace zfxxgk {
namespace {

constexpr size_t kLengthBytes = 4;
constexpr size_t kReadChunk = size_t{64} << 10;

void PutLength(std::string& out, uint32_t n) {
  for (size_t i = 0; i < kLengthBytes; ++i) out.push_back(static_cast<char>(n >> (8 * i)));
}

uint32_t GetLength(std::string_view in) {
  uint32_t n = 0;
  for (size_t i = 0; i < kLengthBytes; ++i) {
    n |= static_cast<uint32_t>(static_cast<unsigned char>(in[i])) << (8 * i);
  }
  return n;
}

// Calls `f` on each whole record at the front of `data`, removing it; what
// is left is an incomplete record (or nothing).
Status TakeRecords(std::string_view& data, const StringSpill::Visitor& f) {
  while (data.size() >= kLengthBytes) {
    const uint32_t n = GetLength(data);
    if (data.size() - kLengthBytes < n) break;
    RETURN_IF_ERROR(f(data.substr(kLengthBytes, n)));
    data.remove_prefix(kLengthBytes + n);
  }
  return OkStatus();
}

}  // namespace

StringSpill::StringSpill(size_t memory_bytes, std::string dir)
    : memory_bytes_(memory_bytes), dir_(std::move(dir)) {}

Status StringSpill::Add(std::string_view s) {
  if (s.size() > UINT32_MAX) return Status(StatusCode::kInvalidArgument, "string over 4 GiB");
  PutLength(buffer_, static_cast<uint32_t>(s.size()));
  buffer_.append(s);
  ++count_;
  return buffer_.size() > memory_bytes_ ? Spill() : OkStatus();
}

Status StringSpill::Spill() {
  if (!file_.is_open()) RETURN_IF_ERROR(file_.Open(dir_, "zfxxgk-list"));
  RETURN_IF_ERROR(file_.Append(buffer_));
  buffer_.clear();
  buffer_.shrink_to_fit();
  return OkStatus();
}

Status StringSpill::ForEachInFile(const Visitor& f) const {
  std::string chunk;
  for (uint64_t offset = 0; offset < file_.size();) {
    const size_t n = static_cast<size_t>(std::min<uint64_t>(kReadChunk, file_.size() - offset));
    ASSIGN_OR_RETURN(size_t got, file_.Read(offset, n, chunk));
    if (got != n) return Status(StatusCode::kUnreadable, "temporary list file truncated");
    offset += n;
    std::string_view rest = chunk;
    RETURN_IF_ERROR(TakeRecords(rest, f));
    chunk.erase(0, chunk.size() - rest.size());
  }
  if (!chunk.empty()) return Status(StatusCode::kUnreadable, "temporary list file truncated");
  return OkStatus();
}

Status StringSpill::ForEach(const Visitor& f) const {
  if (file_.is_open()) RETURN_IF_ERROR(ForEachInFile(f));
  std::string_view rest = buffer_;
  return TakeRecords(rest, f);
}

StatusOr<std::vector<std::string>> StringSpill::ReadAll() const {
  std::vector<std::string> out;
  out.reserve(count_);
  RETURN_IF_ERROR(ForEach([&](std::string_view s) {
    out.emplace_back(s);
    return OkStatus();
  }));
  return out;
}

}  // namespace zfxxgk
