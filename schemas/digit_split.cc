// Implementation of schemas/digit_split.h.
//
// Enumeration: the run is normalised (stray white space dropped), then for
// every start the ends of valid parts are listed and Reach(k)[i] records
// whether s[i..] can be cut into k valid parts. The plain enumeration only
// follows cuts that can still be completed, so its cost is proportional to
// its output and stopping at max_splits bounds it. The sum enumeration
// places, per group, the group's last part first (its value is the target)
// and then the other parts, pruning on the partial sum when no part can be
// negative, and remembering (in a hash set) the sub-problems that have no
// filling; SplitOptions::max_search_steps bounds pathological runs.
// SolveSplits is in schemas/split_solver.cc.
#include "schemas/digit_split.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <unordered_set>
#include <utility>

namespace zfxxgk {
namespace {

using Int128 = __int128;

constexpr size_t kMaxIntDigits = 18;  // 10^18 - 1 fits in int64
// Longest run (after normalisation) that is enumerated: the cutter's tables
// grow with the square of the length (a 20000-digit run needed 3 GB).
constexpr size_t kMaxRunChars = 512;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Drops ASCII white space, U+00A0 and U+3000; nullopt when the run holds a
// character no cell can hold.
std::optional<std::string> NormalizeRun(std::string_view run,
                                        bool allow_decimal) {
  std::string out;
  for (size_t i = 0; i < run.size(); ++i) {
    const char c = run[i];
    if (c == ' ' || (c >= '\t' && c <= '\r')) continue;
    const size_t wide = run.substr(i, 2) == "\xC2\xA0"       ? 2
                        : run.substr(i, 3) == "\xE3\x80\x80" ? 3
                                                             : 0;
    if (wide != 0) {
      i += wide - 1;
      continue;
    }
    if (!IsDigit(c) && c != '-' && c != '+' && !(c == '.' && allow_decimal)) {
      return std::nullopt;
    }
    out += c;
  }
  return out;
}

// Appends the ends j (ascending) such that s[start, j) is a valid part of
// at most max_part characters.
void AppendValidEnds(const std::string& s, size_t start, bool forbid_leading_zero,
                     size_t max_part, std::vector<size_t>& ends) {
  bool dot = false;
  bool zero_lead = false;
  size_t int_digits = 0;
  const size_t stop = s.size() - start > max_part ? start + max_part : s.size();
  for (size_t j = start; j < stop; ++j) {
    const char c = s[j];
    if (c == '-' || c == '+') {
      if (j != start) break;
      continue;
    }
    if (c == '.') {
      if (dot || int_digits == 0) break;
      dot = true;
      continue;
    }
    if (!dot) {
      if (zero_lead && forbid_leading_zero) break;
      zero_lead = int_digits == 0 && c == '0';
      ++int_digits;
    }
    ends.push_back(j + 1);
  }
}

// Flat tables (two allocations per run, not one per start and per part).
struct Cutter {
  std::string s;
  std::vector<size_t> ends;         // per start, see AppendValidEnds
  std::vector<size_t> ends_begin;   // start i's ends: [ends_begin[i], ends_begin[i + 1])
  std::vector<char> reach;          // Reach(k)[i]: s[i..] -> k parts

  std::span<const size_t> Ends(size_t i) const {
    return std::span<const size_t>(ends).subspan(ends_begin[i], ends_begin[i + 1] - ends_begin[i]);
  }
  const char* Reach(size_t k) const { return reach.data() + k * (s.size() + 1); }
  char* Reach(size_t k) { return reach.data() + k * (s.size() + 1); }
  size_t Parts() const { return reach.size() / (s.size() + 1) - 1; }
};

// `bound_parts`: list no part longer than a complete split can hold (the
// run's length less one character per other part). Such a part is in no
// split, so the plain enumeration, which only follows cuts that can be
// completed, lists the same splits; the sum search keeps every part (its
// step count, which bounds it, depends on them).
std::optional<Cutter> BuildCutter(std::string_view run, int n_parts,
                                  const SplitOptions& options, bool bound_parts) {
  std::optional<std::string> s = NormalizeRun(run, options.allow_decimal);
  if (!s || n_parts <= 0 || s->size() < static_cast<size_t>(n_parts)) {
    return std::nullopt;
  }
  if (s->size() > kMaxRunChars) return std::nullopt;
  Cutter cut;
  cut.s = std::move(*s);
  const size_t len = cut.s.size();
  const size_t max_part = bound_parts ? len - static_cast<size_t>(n_parts) + 1 : len;
  cut.ends_begin.reserve(len + 2);
  for (size_t i = 0; i < len; ++i) {
    cut.ends_begin.push_back(cut.ends.size());
    AppendValidEnds(cut.s, i, options.forbid_leading_zero, max_part, cut.ends);
  }
  cut.ends_begin.push_back(cut.ends.size());  // start len: no ends
  cut.ends_begin.push_back(cut.ends.size());
  cut.reach.assign(static_cast<size_t>(n_parts + 1) * (len + 1), 0);
  cut.Reach(0)[len] = 1;
  for (int k = 1; k <= n_parts; ++k) {
    const char* prev = cut.Reach(k - 1);
    char* row = cut.Reach(k);
    for (size_t i = 0; i < len; ++i) {
      const std::span<const size_t> ends = cut.Ends(i);
      row[i] = std::any_of(ends.begin(), ends.end(), [&](size_t e) { return prev[e]; });
    }
  }
  if (!cut.Reach(n_parts)[0]) return std::nullopt;
  return cut;
}

// Can `sum` plus k non-negative parts, each at most max_len digits long,
// still equal `target`?
bool CanReach(Int128 sum, int64_t target, size_t k, size_t max_len) {
  if (sum > target) return false;
  if (max_len > kMaxIntDigits) return true;
  Int128 largest = 1;
  for (size_t i = 0; i < max_len; ++i) largest *= 10;
  return sum + static_cast<Int128>(k) * (largest - 1) >= target;
}

// A sub-problem of the sum search: parts left to place in [pos, q) that
// must add up to `rest`.
struct DeadKey {
  size_t pos;
  size_t q;
  size_t left;
  Int128 rest;
  bool operator==(const DeadKey&) const = default;
};

struct DeadKeyHash {
  size_t operator()(const DeadKey& k) const {
    const auto rest = static_cast<unsigned __int128>(k.rest);
    size_t h = std::hash<size_t>()(k.pos);
    for (const size_t v : {k.q, k.left, static_cast<size_t>(rest),
                           static_cast<size_t>(rest >> 64)}) {
      h ^= std::hash<size_t>()(v) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    }
    return h;
  }
};

// One enumeration: Plain(0, 0) lists every split, Group(0, 0) those that
// satisfy the sum identities of groups of `group` parts. nonneg: the run
// has no '-', so partial sums only grow.
struct Search {
  const Cutter& cut;
  size_t n_parts;
  size_t group;
  size_t max_splits;
  SplitList& out;
  size_t max_steps = 0;
  std::vector<size_t> cuts = {};  // end of each part
  bool nonneg = false;
  bool stop = false;
  size_t steps = 0;
  std::unordered_set<DeadKey, DeadKeyHash> dead = {};

  void Emit() {
    if (out.splits.size() >= max_splits) {
      out.truncated = true;
      stop = true;
      return;
    }
    Split& split = out.splits.emplace_back();
    split.reserve(cuts.size());
    for (size_t i = 0, prev = 0; i < cuts.size(); prev = cuts[i++]) {
      split.emplace_back(cut.s.substr(prev, cuts[i] - prev));
    }
  }

  void Plain(size_t idx, size_t pos) {
    if (idx == n_parts) return Emit();
    const char* next_reach = cut.Reach(n_parts - idx - 1);
    for (const size_t end : cut.Ends(pos)) {
      if (!next_reach[end]) continue;
      cuts[idx] = end;
      Plain(idx + 1, end);
      if (stop) return;
    }
  }

  // Places the group whose first part has index `first`, starting at pos:
  // its last part (the target) first, then the others.
  void Group(size_t first, size_t pos) {
    if (!Tick()) return;
    if (first == n_parts) return Emit();
    const size_t last = first + group - 1;
    const char* after = cut.Reach(n_parts - last - 1);
    for (size_t q = pos + group - 1; q < cut.s.size(); ++q) {
      for (const size_t end : cut.Ends(q)) {
        const std::optional<int64_t> target = Part(q, end);
        if (!after[end] || !target) continue;
        cuts[last] = end;
        Members(last, first, pos, q, 0, *target);
        if (stop) return;
      }
    }
  }

  // Fills parts idx..last-1 in [pos, q) so that they sum to target. Returns
  // whether any such filling exists; fillings that do not are remembered
  // by (pos, q, parts left, target - sum), which is all they depend on.
  bool Members(size_t last, size_t idx, size_t pos, size_t q, Int128 sum,
               int64_t target) {
    if (!Tick()) return true;
    if (idx == last) {
      if (pos != q || sum != target) return false;
      Group(last + 1, cuts[last]);
      return true;
    }
    const size_t left = last - idx;
    if (q - pos < left) return false;
    if (nonneg && !CanReach(sum, target, left, q - pos - left + 1)) {
      return false;
    }
    const DeadKey key{pos, q, left, target - sum};
    if (dead.contains(key)) return false;
    bool found = false;
    for (const size_t end : cut.Ends(pos)) {
      if (end + left - 1 > q) break;
      const std::optional<int64_t> value = Part(pos, end);
      if (!value) continue;
      cuts[idx] = end;
      found = Members(last, idx + 1, end, q, sum + *value, target) || found;
      if (stop) return true;
    }
    if (!found) dead.insert(key);
    return found;
  }

  std::optional<int64_t> Part(size_t begin, size_t end) const {
    return ParseSplitInteger(std::string_view(cut.s).substr(begin, end - begin));
  }

  bool Tick() {
    if (++steps <= max_steps) return true;
    out.truncated = true;
    stop = true;
    return false;
  }
};

bool ShorterPartsFirst(const Split& a, const Split& b) {
  return std::lexicographical_compare(
      a.begin(), a.end(), b.begin(), b.end(),
      [](const std::string& x, const std::string& y) {
        return x.size() < y.size();
      });
}

}  // namespace

// A run the cutter refuses for its length: no split, reported as truncated.
static bool RunTooLong(std::string_view run, const SplitOptions& options) {
  const std::optional<std::string> s = NormalizeRun(run, options.allow_decimal);
  return s && s->size() > kMaxRunChars;
}

SplitList EnumerateSplits(std::string_view run, int n_parts,
                          const SplitOptions& options) {
  SplitList list;
  list.truncated = RunTooLong(run, options);
  const std::optional<Cutter> cut = BuildCutter(run, n_parts, options, /*bound_parts=*/true);
  if (!cut) return list;
  Search search{*cut, cut->Parts(), 0, options.max_splits, list};
  search.cuts.assign(search.n_parts, 0);
  search.Plain(0, 0);
  return list;
}

SplitList EnumerateSumSplits(std::string_view run, int n_parts,
                             const SplitOptions& options, int group_size) {
  SplitList list;
  if (group_size == 0) group_size = n_parts;
  if (group_size <= 0 || n_parts <= 0 || n_parts % group_size != 0) {
    return list;
  }
  list.truncated = RunTooLong(run, options);
  const std::optional<Cutter> cut = BuildCutter(run, n_parts, options, /*bound_parts=*/false);
  if (!cut) return list;
  Search search{*cut, cut->Parts(), static_cast<size_t>(group_size),
                options.max_splits, list, options.max_search_steps};
  search.cuts.assign(search.n_parts, 0);
  search.nonneg = cut->s.find('-') == std::string::npos;
  search.Group(0, 0);
  std::sort(list.splits.begin(), list.splits.end(), ShorterPartsFirst);
  return list;
}

}  // namespace zfxxgk
