// Splitting glued digit runs into table cells, constrained by identities.
//
// Crawler text dumps collapse white space, so a row of cells such as
// 64 | 0 | 0 | 2 | 0 | 4 | 70 arrives as "640020470". EnumerateSplits lists
// every way to cut such a run into a fixed number of cells; SolveSplits then
// keeps the combinations of row splits that satisfy linear identities (row
// totals, column totals) and reports, cell by cell, which values survive.
// A cell with one surviving value is determined; with several it is
// ambiguous and the caller must report the candidates, never pick one.
//
// Thread-safe: pure functions.
#ifndef ZFXXGK_SCHEMAS_DIGIT_SPLIT_H_
#define ZFXXGK_SCHEMAS_DIGIT_SPLIT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace zfxxgk {

// One way to cut a run: the cell texts, in order ("64", "0", ...).
using Split = std::vector<std::string>;

struct SplitOptions {
  // A part may not start with '0' unless it is exactly "0".
  bool forbid_leading_zero = true;
  // Parts may hold one '.' (decimal amounts); when false '.' in the run is
  // an error (no split).
  bool allow_decimal = false;
  // Stop after this many splits (bounded search; `truncated` tells).
  size_t max_splits = 200000;
};

struct SplitList {
  std::vector<Split> splits;
  bool truncated = false;  // max_splits was reached
};

// Every way to cut `run` into exactly `n_parts` non-empty parts. Spaces in
// `run` are ignored (they are stray in real dumps, not reliable boundaries).
// A leading '-' or '+' may only start a part. Returns no split when `run`
// holds other characters or is too short.
// Example: EnumerateSplits("350", 2) -> {"3","50"}, {"35","0"}.
SplitList EnumerateSplits(std::string_view run, int n_parts,
                          const SplitOptions& options = SplitOptions());

// A cell in a split problem: row index into SplitProblem::rows, part index.
struct CellRef {
  int row = 0;
  int part = 0;
};

// sum(lhs) == sum(rhs), compared as integers (parts that do not parse as
// integers make the constraint false).
struct LinearConstraint {
  std::string id;  // "T3.3 new_received", for reporting which identity decided
  std::vector<CellRef> lhs;
  std::vector<CellRef> rhs;
};

struct SplitProblem {
  // Candidate splits of each row (a row with one candidate is fixed).
  std::vector<std::vector<Split>> rows;
  std::vector<LinearConstraint> constraints;
  // Bound on the number of combinations examined.
  size_t max_combinations = 2000000;
};

struct SplitSolution {
  // For each row, the candidate indices that appear in at least one
  // combination satisfying every constraint.
  std::vector<std::vector<int>> surviving;
  // For each row and part: the distinct cell texts across surviving
  // combinations, sorted numerically. One entry = determined.
  std::vector<std::vector<std::vector<std::string>>> values;
  // Number of complete combinations that satisfy every constraint.
  size_t solutions = 0;
  bool exhausted = false;  // max_combinations was hit; result incomplete
  // Ids of constraints that removed at least one candidate combination.
  std::vector<std::string> deciding_constraints;
};

// Searches the combinations of row candidates, pruning each constraint as
// soon as all rows it touches are assigned. When no combination satisfies
// every constraint, `solutions` is 0 and `surviving` is empty per row.
SplitSolution SolveSplits(const SplitProblem& problem);

}  // namespace zfxxgk

#endif  // ZFXXGK_SCHEMAS_DIGIT_SPLIT_H_
