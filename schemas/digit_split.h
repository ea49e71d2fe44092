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
  // A part may not start with '0' unless it is exactly "0". (For a decimal
  // part the rule applies to its integer digits: "0.5" is allowed, "05.5"
  // is not; after a sign likewise: "-0" yes, "-07" no.)
  bool forbid_leading_zero = true;
  // Parts may hold one '.' (decimal amounts); when false '.' in the run is
  // an error (no split).
  bool allow_decimal = false;
  // Stop after this many splits (bounded search; `truncated` tells).
  size_t max_splits = 200000;
};

struct SplitList {
  std::vector<Split> splits;
  // max_splits was reached: more splits exist than `splits` holds (a run
  // with exactly max_splits splits is not truncated). EnumerateSumSplits
  // also sets it when its internal search budget runs out. Both set it, with
  // no split, for a run longer than 512 characters (white space excluded):
  // the search tables grow with the square of the run's length.
  bool truncated = false;
};

// Every way to cut `run` into exactly `n_parts` non-empty parts. Spaces in
// `run` are ignored (they are stray in real dumps, not reliable boundaries).
// A leading '-' or '+' may only start a part. Returns no split when `run`
// holds other characters or is too short.
// Example: EnumerateSplits("350", 2) -> {"3","50"}, {"35","0"}.
// Splits come in lexicographic order of their part lengths (shortest first
// part first). "Spaces" are ASCII white space, U+00A0 and U+3000 (UTF-8).
SplitList EnumerateSplits(std::string_view run, int n_parts,
                          const SplitOptions& options = SplitOptions());

// The splits of EnumerateSplits(run, n_parts, options) that satisfy sum
// identities, found by a pruned search instead of filtering: the parts,
// taken in consecutive groups of `group_size` (0 = one group of all
// n_parts), must each satisfy "last part of the group = sum of the group's
// other parts", compared as integers like LinearConstraint (so a decimal
// part never satisfies one). Table 三 row: group_size 0 with 7 parts;
// table 四: 15 parts, group_size 5. No split when n_parts is not a multiple
// of group_size. Same order as EnumerateSplits.
// Example: EnumerateSumSplits("220000325", 7) -> {"2","20","0","0","0","3",
// "25"}, {"22","0","0","0","0","3","25"}.
SplitList EnumerateSumSplits(std::string_view run, int n_parts,
                             const SplitOptions& options = SplitOptions(),
                             int group_size = 0);

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

#endif  // ZFXXGK_SCHEMAS_DIGIT_SPLIT_H_
