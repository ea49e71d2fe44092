// Grouping a batch's reports by body through two external sorts.
//
// Entry record (first sort): key, index (8 bytes, big-endian), fields.
// Body record (second sort): first index (8 bytes, big-endian, so byte order
// is index order), key, the analysed entries (index, fields), the paths not
// compared.
#include "pipeline/batch_set_groups.h"

#include <map>
#include <utility>

namespace zfxxgk {
namespace {

void PutVarint(std::string& out, uint64_t n) {
  while (n >= 0x80) {
    out.push_back(static_cast<char>((n & 0x7F) | 0x80));
    n >>= 7;
  }
  out.push_back(static_cast<char>(n));
}

void PutBytes(std::string& out, std::string_view s) {
  PutVarint(out, s.size());
  out.append(s);
}

void PutBigEndian(std::string& out, uint64_t n) {
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>(n >> shift));
}

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool Varint(uint64_t& n) {
    n = 0;
    for (int shift = 0; shift <= 63 && !in_.empty(); shift += 7) {
      const unsigned char c = static_cast<unsigned char>(in_[0]);
      in_.remove_prefix(1);
      n |= static_cast<uint64_t>(c & 0x7F) << shift;
      if ((c & 0x80) == 0) return true;
    }
    return false;
  }
  bool Bytes(std::string_view& s) {
    uint64_t n;
    if (!Varint(n) || n > in_.size()) return false;
    s = in_.substr(0, n);
    in_.remove_prefix(n);
    return true;
  }
  bool BigEndian(uint64_t& n) {
    if (in_.size() < 8) return false;
    n = 0;
    for (int i = 0; i < 8; ++i) n = (n << 8) | static_cast<unsigned char>(in_[i]);
    in_.remove_prefix(8);
    return true;
  }

 private:
  std::string_view in_;
};

// The fields after the index: path, organ, year, source, span.
void PutFields(std::string& out, const BatchSetEntry& e) {
  PutBytes(out, e.path);
  PutBytes(out, e.organ);
  PutVarint(out, static_cast<uint64_t>(static_cast<uint32_t>(*e.year)));
  PutVarint(out, static_cast<uint64_t>(e.source));
  PutVarint(out, e.offset);
  PutVarint(out, e.length);
}

bool ReadFields(Reader& in, BatchSetEntry& e) {
  std::string_view path, organ;
  uint64_t year, source;
  if (!in.Bytes(path) || !in.Bytes(organ) || !in.Varint(year) || !in.Varint(source) ||
      !in.Varint(e.offset) || !in.Varint(e.length) ||
      source > static_cast<uint64_t>(BatchSetEntry::Source::kLast)) {
    return false;
  }
  e.path = path;
  e.organ = organ;
  e.year = static_cast<int>(static_cast<uint32_t>(year));
  e.source = static_cast<BatchSetEntry::Source>(source);
  return true;
}

// Orders entry records by (key, index).
bool EntryLess(std::string_view a, std::string_view b) {
  Reader ra(a), rb(b);
  std::string_view ka, kb;
  ra.Bytes(ka);
  rb.Bytes(kb);
  if (ka != kb) return ka < kb;
  uint64_t ia = 0, ib = 0;
  ra.BigEndian(ia);
  rb.BigEndian(ib);
  return ia < ib;
}

Status Corrupt() { return Status(StatusCode::kInternal, "set grouping: corrupt record"); }

}  // namespace

BatchSetGrouper::BatchSetGrouper(size_t max_inputs_per_year, const ExternalSortOptions& sort)
    : max_inputs_per_year_(max_inputs_per_year), by_body_(sort, EntryLess), by_first_(sort) {}

Status BatchSetGrouper::Add(const BatchSetEntry& entry, std::string_view key) {
  std::string record;
  PutBytes(record, key);
  PutBigEndian(record, entry.index);
  PutFields(record, entry);
  return by_body_.Add(record);
}

// Writes one body to the second sort, keyed by its first index.
Status BatchSetGrouper::FlushBody(BatchSetGroup& body) {
  if (body.entries.empty() && body.not_compared.empty()) return OkStatus();
  std::string record;
  PutBigEndian(record, body.first_index);
  PutBytes(record, body.key);
  PutVarint(record, body.entries.size());
  for (const BatchSetEntry& e : body.entries) {
    PutBigEndian(record, e.index);
    PutFields(record, e);
  }
  PutVarint(record, body.not_compared.size());
  for (const std::string& path : body.not_compared) PutBytes(record, path);
  body = BatchSetGroup();
  return by_first_.Add(record);
}

Status BatchSetGrouper::Finish() {
  RETURN_IF_ERROR(by_body_.Finish());
  BatchSetGroup body;
  std::map<int, size_t> per_year;
  std::string record;
  for (;;) {
    ASSIGN_OR_RETURN(bool more, by_body_.Next(record));
    if (!more) break;
    Reader in(record);
    std::string_view key;
    BatchSetEntry e;
    uint64_t index;
    if (!in.Bytes(key) || !in.BigEndian(index) || !ReadFields(in, e)) return Corrupt();
    e.index = index;
    if (key != body.key || (body.entries.empty() && body.not_compared.empty())) {
      RETURN_IF_ERROR(FlushBody(body));
      body.key = key;
      body.first_index = e.index;
      per_year.clear();
    }
    if (++per_year[*e.year] <= max_inputs_per_year_) {
      body.entries.push_back(std::move(e));
    } else {
      body.not_compared.push_back(std::move(e.path));
    }
  }
  RETURN_IF_ERROR(FlushBody(body));
  return by_first_.Finish();
}

StatusOr<bool> BatchSetGrouper::Next(BatchSetGroup& group) {
  std::string record;
  ASSIGN_OR_RETURN(bool more, by_first_.Next(record));
  if (!more) return false;
  Reader in(record);
  uint64_t first, n;
  std::string_view key;
  if (!in.BigEndian(first) || !in.Bytes(key) || !in.Varint(n)) return Corrupt();
  group = BatchSetGroup();
  group.key = key;
  group.first_index = first;
  for (uint64_t i = 0; i < n; ++i) {
    BatchSetEntry e;
    uint64_t index;
    if (!in.BigEndian(index) || !ReadFields(in, e)) return Corrupt();
    e.index = index;
    group.entries.push_back(std::move(e));
  }
  if (!in.Varint(n)) return Corrupt();
  for (uint64_t i = 0; i < n; ++i) {
    std::string_view path;
    if (!in.Bytes(path)) return Corrupt();
    group.not_compared.emplace_back(path);
  }
  return true;
}

}  // namespace zfxxgk
