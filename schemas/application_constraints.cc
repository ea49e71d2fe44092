#include "schemas/application_constraints.h"

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace zfxxgk {
namespace {

using Axis = IdentitySpec::Axis;

int ColumnIndex(std::span<const std::string> columns, const std::string& key) {
  auto it = std::find(columns.begin(), columns.end(), key);
  return it == columns.end() ? -1 : static_cast<int>(it - columns.begin());
}

// Table 三 identities (template data) as constraints over the row slots.
std::vector<CellConstraint> BuildApplicationConstraints(const TemplateSpec& spec,
                                                        const std::vector<RowSlot>& slots) {
  constexpr size_t kPrefix = sizeof("applications.") - 1;
  std::vector<int> leaves;
  for (size_t i = 0; i < slots.size(); ++i) {
    if (spec.application_rows[i].result_leaf && slots[i].found) leaves.push_back(i);
  }
  // The slot of row `key` (the last, were a key repeated), or -1: a scan of
  // some 25 paths costs less than building a map per report.
  auto slot_of = [&](const std::string& key) {
    for (size_t i = slots.size(); i-- > 0;) {
      if (std::string_view(slots[i].path).substr(kPrefix) == key) return static_cast<int>(i);
    }
    return -1;
  };
  const std::span<const std::string> cols = slots.front().columns;
  auto rows_of = [&](const std::vector<std::string>& keys) {
    std::vector<int> out;
    for (const std::string& k : keys) {
      if (k == "@result_leaves") out.insert(out.end(), leaves.begin(), leaves.end());
      else if (int i = slot_of(k); i >= 0) out.push_back(i);
    }
    return out;
  };
  std::vector<CellConstraint> out;
  for (const IdentitySpec& id : spec.identities) {
    if (id.axis == Axis::kEachColumn) {
      const std::vector<int> lhs = rows_of(id.lhs), rhs = rows_of(id.rhs);
      for (size_t c = 0; c < cols.size(); ++c) {
        CellConstraint k{id.id + " " + cols[c], {}, {}};
        for (int r : lhs) k.lhs.push_back({r, static_cast<int>(c)});
        for (int r : rhs) k.rhs.push_back({r, static_cast<int>(c)});
        out.push_back(std::move(k));
      }
    } else if (id.axis == Axis::kEachRow) {
      for (size_t r = 0; r < slots.size(); ++r) {
        CellConstraint k{id.id + " " + slots[r].path.substr(sizeof("applications.") - 1), {}, {}};
        for (const std::string& c : id.lhs) k.lhs.push_back({int(r), ColumnIndex(cols, c)});
        for (const std::string& c : id.rhs) k.rhs.push_back({int(r), ColumnIndex(cols, c)});
        out.push_back(std::move(k));
      }
    }
  }
  return out;
}

}  // namespace

// A report would otherwise build some 60 constraints with their ids and cell
// lists: for the built-in templates (immutable, never freed) each
// combination of found result leaves is built once per thread and kept.
const std::vector<CellConstraint>& ApplicationConstraints(const TemplateSpec& spec,
                                                          const std::vector<RowSlot>& slots) {
  struct Entry {
    const TemplateSpec* spec;
    uint64_t found;  // bit i: slot i is a result leaf that was found
    std::vector<CellConstraint> constraints;
  };
  thread_local std::vector<Entry> cache;
  thread_local std::vector<CellConstraint> uncached;
  const bool builtin = &spec == &Gov2019Template() || &spec == &Gov2021Template();
  if (!builtin || slots.size() > 64) return uncached = BuildApplicationConstraints(spec, slots);
  uint64_t found = 0;
  for (size_t i = 0; i < slots.size(); ++i) {
    if (spec.application_rows[i].result_leaf && slots[i].found) found |= uint64_t{1} << i;
  }
  for (const Entry& e : cache) {
    if (e.spec == &spec && e.found == found) return e.constraints;
  }
  constexpr size_t kMaxEntries = 64;  // a few per template occur in practice
  if (cache.size() == kMaxEntries) cache.erase(cache.begin());
  cache.push_back({&spec, found, BuildApplicationConstraints(spec, slots)});
  return cache.back().constraints;
}


}  // namespace zfxxgk
