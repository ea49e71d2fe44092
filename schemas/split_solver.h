// Choosing among candidate splits of glued digit runs with linear identities.
//
// Each row of a SplitProblem has candidate splits (from EnumerateSplits,
// schemas/digit_split.h, or one fixed split for a row read cell by cell);
// SolveSplits keeps the combinations of candidates that satisfy every
// constraint (row totals, column totals) and reports, cell by cell, which
// values survive. A cell with one surviving value is determined; with
// several it is ambiguous and the caller must report the candidates, never
// pick one. The search is bounded (SplitProblem::max_combinations); when
// the bound is hit the result is incomplete (`exhausted`) and no value of
// it may be taken as determined.
//
// Thread-safe: pure functions.
#ifndef ZFXXGK_SCHEMAS_SPLIT_SOLVER_H_
#define ZFXXGK_SCHEMAS_SPLIT_SOLVER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zfxxgk {

// One way to cut a run: the cell texts, in order ("64", "0", ...).
using Split = std::vector<std::string>;

// A cell text as an integer: an optional sign and 1..18 digits (so sums of
// them fit in __int128); anything else, decimals included, is nullopt.
std::optional<int64_t> ParseSplitInteger(std::string_view text);

// A cell in a split problem: row index into SplitProblem::rows, part index.
struct CellRef {
  int row = 0;
  int part = 0;
};

// sum(lhs) == sum(rhs), compared as integers (parts that do not parse as
// integers make the constraint false). An integer has an optional sign and
// at most 18 digits; decimals ("2.5") are not integers. A CellRef to a row
// that does not exist, or to a part a candidate lacks, also makes it false.
struct LinearConstraint {
  std::string id;  // "T3.3 new_received", for reporting which identity decided
  std::vector<CellRef> lhs;
  std::vector<CellRef> rhs;
};

struct SplitProblem {
  // Candidate splits of each row (a row with one candidate is fixed).
  std::vector<std::vector<Split>> rows;
  std::vector<LinearConstraint> constraints;
  // Bound on the number of combinations examined (every candidate tried
  // for a row on top of a partial assignment counts as one).
  size_t max_combinations = 2000000;
};

struct SplitSolution {
  // For each row, the candidate indices that appear in at least one
  // combination satisfying every constraint.
  std::vector<std::vector<int>> surviving;
  // For each row and part: the distinct cell texts across surviving
  // combinations, sorted numerically. One entry = determined. (A row has
  // as many parts as its longest candidate; all lists are empty when there
  // is no solution.)
  std::vector<std::vector<std::vector<std::string>>> values;
  // Number of complete combinations that satisfy every constraint.
  size_t solutions = 0;
  // max_combinations was hit; result incomplete (`solutions`, `surviving`
  // and `values` then only reflect the combinations found before stopping).
  bool exhausted = false;
  // Ids of constraints that removed at least one candidate combination: each
  // constraint is checked on every partial assignment that first covers all
  // its rows, and every one that fails there is listed. In the order of
  // SplitProblem::constraints, without duplicates.
  std::vector<std::string> deciding_constraints;
};

// Searches the combinations of row candidates, pruning each constraint as
// soon as all rows it touches are assigned. When no combination satisfies
// every constraint, `solutions` is 0 and `surviving` is empty per row.
// Rows not linked by a constraint are solved independently and `solutions`
// is the product of the independent groups' counts (saturating at
// SIZE_MAX).
SplitSolution SolveSplits(const SplitProblem& problem);

}  // namespace zfxxgk

#endif  // ZFXXGK_SCHEMAS_SPLIT_SOLVER_H_
