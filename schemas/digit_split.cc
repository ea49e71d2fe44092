// Implementation of schemas/digit_split.h.
//
// Enumeration: the run is normalised (stray white space dropped), then for
// every start the ends of valid parts are listed and reach[k][i] records
// whether s[i..] can be cut into k valid parts. The plain enumeration only
// follows cuts that can still be completed, so its cost is proportional to
// its output and stopping at max_splits bounds it. The sum enumeration
// places, per group, the group's last part first (its value is the target)
// and then the other parts, pruning on the partial sum when no part can be
// negative; an internal step budget bounds pathological runs.
//
// Solver: single-row constraints filter candidates up front; rows linked by
// the other constraints form components, each solved by backtracking over
// rows ordered fixed-rows-first, then greedily by the number of constraints
// a row completes. Sums use __int128 over int64 parts of at most 18 digits,
// so they cannot overflow; decimals are not integers (constraint false).
#include "schemas/digit_split.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

namespace zfxxgk {
namespace {

using Int128 = __int128;

constexpr size_t kMaxIntDigits = 18;  // 10^18 - 1 fits in int64
constexpr size_t kMaxSumSearchSteps = size_t{1} << 20;
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

// An optional sign and 1..18 digits; anything else is not an integer.
std::optional<int64_t> ParseInt(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  if (text.empty() || text.size() > kMaxIntDigits) return std::nullopt;
  int64_t value = 0;
  for (const char c : text) {
    if (!IsDigit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return negative ? -value : value;
}

// Ends j (ascending) such that s[start, j) is a valid part.
std::vector<size_t> ValidEnds(const std::string& s, size_t start,
                              bool forbid_leading_zero) {
  std::vector<size_t> ends;
  bool dot = false;
  bool zero_lead = false;
  size_t int_digits = 0;
  for (size_t j = start; j < s.size(); ++j) {
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
  return ends;
}

struct Cutter {
  std::string s;
  std::vector<std::vector<size_t>> ends;  // per start, see ValidEnds
  std::vector<std::vector<char>> reach;   // reach[k][i]: s[i..] -> k parts
};

std::optional<Cutter> BuildCutter(std::string_view run, int n_parts,
                                  const SplitOptions& options) {
  std::optional<std::string> s = NormalizeRun(run, options.allow_decimal);
  if (!s || n_parts <= 0 || s->size() < static_cast<size_t>(n_parts)) {
    return std::nullopt;
  }
  if (s->size() > kMaxRunChars) return std::nullopt;
  Cutter cut;
  cut.s = std::move(*s);
  const size_t len = cut.s.size();
  cut.ends.resize(len + 1);
  for (size_t i = 0; i < len; ++i) {
    cut.ends[i] = ValidEnds(cut.s, i, options.forbid_leading_zero);
  }
  cut.reach.assign(n_parts + 1, std::vector<char>(len + 1, 0));
  cut.reach[0][len] = 1;
  for (int k = 1; k <= n_parts; ++k) {
    for (size_t i = 0; i < len; ++i) {
      cut.reach[k][i] =
          std::any_of(cut.ends[i].begin(), cut.ends[i].end(),
                      [&](size_t e) { return cut.reach[k - 1][e]; });
    }
  }
  if (!cut.reach[n_parts][0]) return std::nullopt;
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

using DeadKey = std::tuple<size_t, size_t, size_t, Int128>;

// One enumeration: Plain(0, 0) lists every split, Group(0, 0) those that
// satisfy the sum identities of groups of `group` parts. nonneg: the run
// has no '-', so partial sums only grow.
struct Search {
  const Cutter& cut;
  size_t n_parts;
  size_t group;
  size_t max_splits;
  SplitList& out;
  std::vector<size_t> cuts = {};  // end of each part
  bool nonneg = false;
  bool stop = false;
  size_t steps = 0;
  std::set<DeadKey> dead = {};

  void Emit() {
    if (out.splits.size() >= max_splits) {
      out.truncated = true;
      stop = true;
      return;
    }
    Split& split = out.splits.emplace_back();
    for (size_t i = 0, prev = 0; i < cuts.size(); prev = cuts[i++]) {
      split.emplace_back(cut.s.substr(prev, cuts[i] - prev));
    }
  }

  void Plain(size_t idx, size_t pos) {
    if (idx == n_parts) return Emit();
    const std::vector<char>& next_reach = cut.reach[n_parts - idx - 1];
    for (const size_t end : cut.ends[pos]) {
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
    const std::vector<char>& after = cut.reach[n_parts - last - 1];
    for (size_t q = pos + group - 1; q < cut.s.size(); ++q) {
      for (const size_t end : cut.ends[q]) {
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
    for (const size_t end : cut.ends[pos]) {
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
    return ParseInt(std::string_view(cut.s).substr(begin, end - begin));
  }

  bool Tick() {
    if (++steps <= kMaxSumSearchSteps) return true;
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
  const std::optional<Cutter> cut = BuildCutter(run, n_parts, options);
  if (!cut) return list;
  Search search{*cut, cut->reach.size() - 1, 0, options.max_splits, list};
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
  const std::optional<Cutter> cut = BuildCutter(run, n_parts, options);
  if (!cut) return list;
  Search search{*cut, cut->reach.size() - 1, static_cast<size_t>(group_size),
                options.max_splits, list};
  search.cuts.assign(search.n_parts, 0);
  search.nonneg = cut->s.find('-') == std::string::npos;
  search.Group(0, 0);
  std::sort(list.splits.begin(), list.splits.end(), ShorterPartsFirst);
  return list;
}

namespace {

// ---- SolveSplits ----

struct Term {
  int row;
  int part;
  int sign;
};

struct Prepared {
  // vals[row][candidate][part]: the part as an integer, if it is one.
  std::vector<std::vector<std::vector<std::optional<int64_t>>>> vals;
  std::vector<std::vector<Term>> terms;    // per constraint
  std::vector<std::vector<int>> rows_of;   // distinct rows per constraint
  std::vector<std::vector<int>> touching;  // constraints per row
  std::vector<char> broken;  // refers to a row that does not exist
};

Prepared Prepare(const SplitProblem& problem) {
  Prepared prep;
  const int n_rows = static_cast<int>(problem.rows.size());
  prep.vals.resize(n_rows);
  for (int r = 0; r < n_rows; ++r) {
    for (const Split& split : problem.rows[r]) {
      auto& parts = prep.vals[r].emplace_back();
      for (const std::string& text : split) parts.push_back(ParseInt(text));
    }
  }
  prep.touching.resize(n_rows);
  for (size_t k = 0; k < problem.constraints.size(); ++k) {
    const LinearConstraint& con = problem.constraints[k];
    auto& terms = prep.terms.emplace_back();
    bool broken = false;
    for (const auto& [side, sign] :
         {std::pair(&con.lhs, 1), std::pair(&con.rhs, -1)}) {
      for (const CellRef& ref : *side) {
        broken = broken || ref.row < 0 || ref.row >= n_rows || ref.part < 0;
        terms.push_back({ref.row, ref.part, sign});
      }
    }
    prep.broken.push_back(broken);
    auto& rows = prep.rows_of.emplace_back();
    if (broken) continue;
    for (const Term& t : terms) rows.push_back(t.row);
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (const int r : rows) prep.touching[r].push_back(static_cast<int>(k));
  }
  return prep;
}

// Constraint k under the assignment `choice` (candidate index per row).
bool Holds(const Prepared& prep, size_t k, const std::vector<int>& choice) {
  Int128 sum = 0;
  for (const Term& t : prep.terms[k]) {
    const auto& parts = prep.vals[t.row][choice[t.row]];
    if (static_cast<size_t>(t.part) >= parts.size()) return false;
    const std::optional<int64_t>& value = parts[t.part];
    if (!value) return false;
    sum += t.sign * static_cast<Int128>(*value);
  }
  return sum == 0;
}

// Candidates of each row that pass the row's single-row constraints.
std::vector<std::vector<int>> FilterSingleRow(const Prepared& prep,
                                              std::vector<char>& deciding) {
  const size_t n_rows = prep.vals.size();
  std::vector<std::vector<int>> alive(n_rows);
  std::vector<int> choice(n_rows, 0);
  for (size_t r = 0; r < n_rows; ++r) {
    for (size_t c = 0; c < prep.vals[r].size(); ++c) {
      choice[r] = static_cast<int>(c);
      bool ok = true;
      for (const int k : prep.touching[r]) {
        if (prep.rows_of[k].size() != 1 || Holds(prep, k, choice)) continue;
        deciding[k] = 1;
        ok = false;
      }
      if (ok) alive[r].push_back(static_cast<int>(c));
    }
  }
  return alive;
}

// Backtracking over the rows of one component: Order(rows), then Dfs(0)
// counts solutions (saturating) and marks the candidates that survive.
struct ComponentSearch {
  const Prepared& prep;
  const std::vector<std::vector<int>>& alive;
  std::vector<char>& deciding;
  size_t& budget;
  std::vector<std::vector<char>>& marks;
  std::vector<int> choice = {};
  std::vector<int> order = {};
  std::vector<std::vector<int>> checks = {};
  size_t solutions = 0;
  bool exhausted = false;

  // Fixed rows first, then the row completing most constraints, then the
  // row with fewest candidates; checks[d] = constraints completed at d.
  void Order(const std::vector<int>& rows) {
    std::vector<int> pending(prep.terms.size(), 0);
    for (const int r : rows) {
      for (const int k : prep.touching[r])
        pending[k] = static_cast<int>(prep.rows_of[k].size());
    }
    std::vector<int> left = rows;
    while (!left.empty()) {
      auto key = [&](int r) {
        int completes = 0;
        for (const int k : prep.touching[r]) {
          completes += pending[k] == 1 && prep.rows_of[k].size() > 1;
        }
        const int n = static_cast<int>(alive[r].size());
        return std::tuple(n > 1, -completes, n, r);
      };
      auto best = std::min_element(left.begin(), left.end(), [&](int a, int b) {
        return key(a) < key(b);
      });
      const int r = *best;
      left.erase(best);
      order.push_back(r);
      auto& done = checks.emplace_back();
      for (const int k : prep.touching[r]) {
        if (--pending[k] == 0 && prep.rows_of[k].size() > 1) {
          done.push_back(k);
        }
      }
    }
  }

  void Dfs(size_t depth) {
    if (depth == order.size()) {
      if (solutions != SIZE_MAX) ++solutions;
      for (const int r : order) marks[r][choice[r]] = 1;
      return;
    }
    const int r = order[depth];
    for (const int c : alive[r]) {
      if (budget == 0) {
        exhausted = true;
        return;
      }
      --budget;
      choice[r] = c;
      bool ok = true;
      for (const int k : checks[depth]) {
        if (Holds(prep, k, choice)) continue;
        deciding[k] = 1;
        ok = false;
      }
      if (ok) Dfs(depth + 1);
      if (exhausted) return;
    }
  }
};

int FindRoot(std::vector<int>& parent, int x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

// Rows linked by multi-row constraints, grouped.
std::vector<std::vector<int>> Components(const Prepared& prep) {
  const int n_rows = static_cast<int>(prep.vals.size());
  std::vector<int> parent(n_rows);
  std::iota(parent.begin(), parent.end(), 0);
  for (const auto& rows : prep.rows_of) {
    for (size_t i = 1; i < rows.size(); ++i) {
      parent[FindRoot(parent, rows[i])] = FindRoot(parent, rows[0]);
    }
  }
  std::vector<std::vector<int>> groups(n_rows);
  for (int r = 0; r < n_rows; ++r) groups[FindRoot(parent, r)].push_back(r);
  std::erase_if(groups, [](const auto& g) { return g.empty(); });
  return groups;
}

// Searches every component; fills solutions, exhausted and surviving.
void SearchComponents(const SplitProblem& problem, const Prepared& prep,
                      const std::vector<std::vector<int>>& alive,
                      std::vector<char>& deciding, SplitSolution& solution) {
  std::vector<std::vector<char>> marks;
  for (const auto& candidates : problem.rows) {
    marks.emplace_back(candidates.size(), 0);
  }
  size_t budget = problem.max_combinations;
  size_t total = 1;
  for (const std::vector<int>& rows : Components(prep)) {
    ComponentSearch search{prep, alive, deciding, budget, marks};
    search.choice.assign(alive.size(), 0);
    search.Order(rows);
    search.Dfs(0);
    const size_t count = search.solutions;
    solution.exhausted = solution.exhausted || search.exhausted;
    const bool overflow = count != 0 && total > SIZE_MAX / count;
    total = overflow ? SIZE_MAX : total * count;
  }
  solution.solutions = total;
  if (total == 0) return;
  for (size_t r = 0; r < marks.size(); ++r) {
    for (size_t c = 0; c < marks[r].size(); ++c) {
      if (marks[r][c]) solution.surviving[r].push_back(static_cast<int>(c));
    }
  }
}

// Sort key: the numeric value (long double: exact for every integer part,
// decimals to 19 significant digits); non-numbers sort last.
long double SortValue(std::string_view text) {
  if (!text.empty() && text[0] == '+') text.remove_prefix(1);
  long double value = std::numeric_limits<long double>::infinity();
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

// Numeric order; equal values by text.
bool NumericLess(const std::string& a, const std::string& b) {
  const long double x = SortValue(a);
  const long double y = SortValue(b);
  return x != y ? x < y : a < b;
}

void FillValues(const SplitProblem& problem, SplitSolution& solution) {
  for (size_t r = 0; r < problem.rows.size(); ++r) {
    size_t n_parts = 0;
    for (const Split& split : problem.rows[r]) {
      n_parts = std::max(n_parts, split.size());
    }
    auto& row_values = solution.values.emplace_back(n_parts);
    for (const int c : solution.surviving[r]) {
      const Split& split = problem.rows[r][c];
      for (size_t p = 0; p < split.size(); ++p)
        row_values[p].push_back(split[p]);
    }
    for (auto& texts : row_values) {
      std::sort(texts.begin(), texts.end(), NumericLess);
      texts.erase(std::unique(texts.begin(), texts.end()), texts.end());
    }
  }
}

}  // namespace

SplitSolution SolveSplits(const SplitProblem& problem) {
  SplitSolution solution;
  solution.surviving.resize(problem.rows.size());
  const Prepared prep = Prepare(problem);
  std::vector<char> deciding = prep.broken;  // a broken one rejects all
  const std::vector<std::vector<int>> alive = FilterSingleRow(prep, deciding);
  const bool feasible =
      std::ranges::none_of(prep.broken, [](char b) { return b != 0; }) &&
      std::ranges::none_of(alive, [](const auto& c) { return c.empty(); });
  if (feasible) SearchComponents(problem, prep, alive, deciding, solution);
  FillValues(problem, solution);
  for (size_t k = 0; k < deciding.size(); ++k) {
    const std::string& id = problem.constraints[k].id;
    auto& ids = solution.deciding_constraints;
    if (deciding[k] && std::find(ids.begin(), ids.end(), id) == ids.end()) {
      ids.push_back(id);
    }
  }
  return solution;
}

}  // namespace zfxxgk
