// Implementation of schemas/split_solver.h.
//
// Single-row constraints filter candidates up front; rows linked by the
// other constraints form components, each solved by backtracking over rows
// ordered fixed-rows-first, then greedily by the number of constraints a
// row completes. Sums use __int128 over int64 parts of at most 18 digits,
// so they cannot overflow; decimals are not integers (constraint false).
#include "schemas/split_solver.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <span>
#include <string>
#include <tuple>
#include <utility>

namespace zfxxgk {

std::optional<int64_t> ParseSplitInteger(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  if (text.empty() || text.size() > 18) return std::nullopt;
  int64_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return negative ? -value : value;
}

namespace {

using Int128 = __int128;

struct Term {
  int row;
  int part;
  int sign;
};

// Flat tables (a few allocations per problem, not one per candidate,
// constraint and row: most problems are one glued row).
struct Prepared {
  // The parts of every candidate as integers (if they are one), candidate
  // after candidate, row after row. Candidate c of row r is
  // candidates[first_candidate[r] + c], a (begin, size) range of `parts`.
  std::vector<std::optional<int64_t>> parts;
  std::vector<std::pair<uint32_t, uint32_t>> candidates;
  std::vector<uint32_t> first_candidate;  // per row, plus the end
  std::vector<std::vector<Term>> terms;    // per constraint
  std::vector<std::vector<int>> rows_of;   // distinct rows per constraint
  std::vector<std::vector<int>> touching;  // constraints per row
  std::vector<char> broken;  // refers to a row that does not exist

  size_t Rows() const { return first_candidate.size() - 1; }
  size_t Candidates(size_t r) const { return first_candidate[r + 1] - first_candidate[r]; }
  std::span<const std::optional<int64_t>> Parts(size_t r, size_t c) const {
    const auto [begin, size] = candidates[first_candidate[r] + c];
    return std::span(parts).subspan(begin, size);
  }
};

void PrepareValues(const SplitProblem& problem, Prepared& prep) {
  size_t n_candidates = 0, n_parts = 0;
  for (const std::vector<Split>& row : problem.rows) {
    n_candidates += row.size();
    for (const Split& split : row) n_parts += split.size();
  }
  prep.parts.reserve(n_parts);
  prep.candidates.reserve(n_candidates);
  prep.first_candidate.reserve(problem.rows.size() + 1);
  for (const std::vector<Split>& row : problem.rows) {
    prep.first_candidate.push_back(static_cast<uint32_t>(prep.candidates.size()));
    for (const Split& split : row) {
      prep.candidates.emplace_back(static_cast<uint32_t>(prep.parts.size()),
                                   static_cast<uint32_t>(split.size()));
      for (const std::string& text : split) prep.parts.push_back(ParseSplitInteger(text));
    }
  }
  prep.first_candidate.push_back(static_cast<uint32_t>(prep.candidates.size()));
}

Prepared Prepare(const SplitProblem& problem) {
  Prepared prep;
  const int n_rows = static_cast<int>(problem.rows.size());
  PrepareValues(problem, prep);
  prep.touching.resize(n_rows);
  const size_t n_constraints = problem.constraints.size();
  prep.terms.reserve(n_constraints);
  prep.rows_of.reserve(n_constraints);
  prep.broken.reserve(n_constraints);
  for (size_t k = 0; k < n_constraints; ++k) {
    const LinearConstraint& con = problem.constraints[k];
    auto& terms = prep.terms.emplace_back();
    terms.reserve(con.lhs.size() + con.rhs.size());
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
    rows.reserve(terms.size());
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
    const auto parts = prep.Parts(t.row, choice[t.row]);
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
  const size_t n_rows = prep.Rows();
  std::vector<std::vector<int>> alive(n_rows);
  std::vector<int> choice(n_rows, 0);
  for (size_t r = 0; r < n_rows; ++r) {
    for (size_t c = 0; c < prep.Candidates(r); ++c) {
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
  std::vector<char>& marks;  // per candidate, indexed as Prepared::candidates
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
      for (const int r : order) marks[prep.first_candidate[r] + choice[r]] = 1;
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
  const int n_rows = static_cast<int>(prep.Rows());
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
  std::vector<char> marks(prep.candidates.size(), 0);
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
  for (size_t r = 0; r < prep.Rows(); ++r) {
    for (size_t c = 0; c < prep.Candidates(r); ++c) {
      if (marks[prep.first_candidate[r] + c]) solution.surviving[r].push_back(static_cast<int>(c));
    }
  }
}

// Sort key: the numeric value (long double: exact for every integer part,
// decimals to 19 significant digits); non-numbers sort last.
long double SortValue(std::string_view text) {
  if (!text.empty() && text[0] == '+') text.remove_prefix(1);
  // An integer of up to 18 digits, read directly: the value from_chars
  // gives (exact in long double), without its general parsing per comparison.
  const bool negative = !text.empty() && text[0] == '-';
  const std::string_view digits = text.substr(negative ? 1 : 0);
  if (!digits.empty() && digits.size() <= 18 &&
      digits.find_first_not_of("0123456789") == std::string_view::npos) {
    int64_t v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    const long double value = static_cast<long double>(v);
    return negative ? -value : value;
  }
  long double value = std::numeric_limits<long double>::infinity();
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

// A part's text with its SortValue, computed once per part rather than on
// every comparison of the sort.
struct Keyed {
  long double value;
  const std::string* text;
};

// Numeric order; equal values by text.
bool NumericLess(const Keyed& a, const Keyed& b) {
  return a.value != b.value ? a.value < b.value : *a.text < *b.text;
}

// The distinct texts of `parts`, sorted by NumericLess. The keyed parts are
// sorted in the order they came, exactly as the texts themselves would be,
// and only the distinct texts are copied.
std::vector<std::string> SortedDistinct(std::vector<Keyed>& parts) {
  std::sort(parts.begin(), parts.end(), NumericLess);
  std::vector<std::string> out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i == 0 || *parts[i].text != *parts[i - 1].text) out.push_back(*parts[i].text);
  }
  return out;
}

void FillValues(const SplitProblem& problem, SplitSolution& solution) {
  std::vector<Keyed> parts;
  for (size_t r = 0; r < problem.rows.size(); ++r) {
    size_t n_parts = 0;
    for (const Split& split : problem.rows[r]) {
      n_parts = std::max(n_parts, split.size());
    }
    auto& row_values = solution.values.emplace_back(n_parts);
    for (size_t p = 0; p < n_parts; ++p) {
      parts.clear();
      for (const int c : solution.surviving[r]) {
        const Split& split = problem.rows[r][c];
        if (p < split.size()) parts.push_back({SortValue(split[p]), &split[p]});
      }
      row_values[p] = SortedDistinct(parts);
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
