// Splitting glued digit runs into table cells, constrained by identities.
//
// Crawler text dumps collapse white space, so a row of cells such as
// 64 | 0 | 0 | 2 | 0 | 4 | 70 arrives as "640020470". EnumerateSplits lists
// every way to cut such a run into a fixed number of cells; SolveSplits
// (schemas/split_solver.h) then keeps the combinations of row splits that
// satisfy linear identities (row totals, column totals). Every search here
// is bounded; a bounded-out search says so (`truncated`) and its caller must
// not take a cell of it as determined.
//
// Thread-safe: pure functions.
#ifndef ZFXXGK_SCHEMAS_DIGIT_SPLIT_H_
#define ZFXXGK_SCHEMAS_DIGIT_SPLIT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "schemas/split_solver.h"

namespace zfxxgk {

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
  // EnumerateSumSplits: stop after this many search steps (one step = one
  // partial cut tried). Real table rows need a few thousand; a pathological
  // 48-character run of digits and signs can need millions.
  size_t max_search_steps = size_t{1} << 18;
};

struct SplitList {
  std::vector<Split> splits;
  // max_splits was reached: more splits exist than `splits` holds (a run
  // with exactly max_splits splits is not truncated). EnumerateSumSplits
  // also sets it when max_search_steps runs out; `splits` then holds the
  // splits found so far, which may miss valid ones. Both set it, with
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

}  // namespace zfxxgk

#endif  // ZFXXGK_SCHEMAS_DIGIT_SPLIT_H_
