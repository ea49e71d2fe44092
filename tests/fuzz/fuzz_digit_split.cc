// libFuzzer target: the digit splitter on bounded inputs.
//
// EnumerateSplits and EnumerateSumSplits on a run of up to 48 characters from
// "0123456789.-+ " into 1..20 parts (budget up to 2000 splits), then SolveSplits
// over up to 4 rows of up to 32 of those candidates with up to 6 random
// constraints (budget 20000 combinations). Checks the contract: each split has n_parts
// non-empty parts that concatenate to the run without spaces, the lists
// respect max_splits, sum splits are a subset of all splits, and the solution
// has one entry per row.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "schemas/digit_split.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

void CheckList(const zfxxgk::SplitList& list, const std::string& run, int n_parts,
               size_t max_splits) {
  std::string bare = run;
  bare.erase(std::remove(bare.begin(), bare.end(), ' '), bare.end());
  Check(list.splits.size() <= max_splits);
  for (const zfxxgk::Split& s : list.splits) {
    Check(static_cast<int>(s.size()) == n_parts);
    std::string joined;
    for (const std::string& part : s) {
      Check(!part.empty());
      joined += part;
    }
    Check(joined == bare);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  zfxxgk::SplitOptions options;
  options.forbid_leading_zero = in.ConsumeBool();
  options.allow_decimal = in.ConsumeBool();
  options.max_splits = in.ConsumeIntegralInRange<size_t>(1, 2000);
  const int n_parts = in.ConsumeIntegralInRange<int>(1, 20);
  const int group_size = in.ConsumeIntegralInRange<int>(0, 6);
  static constexpr char kAlphabet[] = "0123456789.-+ ";
  const size_t len = in.ConsumeIntegralInRange<size_t>(0, 48);
  std::string run;
  for (size_t i = 0; i < len && in.remaining_bytes() > 0; ++i) {
    run.push_back(kAlphabet[in.ConsumeIntegralInRange<size_t>(0, sizeof kAlphabet - 2)]);
  }

  const zfxxgk::SplitList all = zfxxgk::EnumerateSplits(run, n_parts, options);
  CheckList(all, run, n_parts, options.max_splits);
  const zfxxgk::SplitList sums = zfxxgk::EnumerateSumSplits(run, n_parts, options, group_size);
  CheckList(sums, run, n_parts, options.max_splits);
  if (!all.truncated) {
    for (const zfxxgk::Split& s : sums.splits) {
      Check(std::find(all.splits.begin(), all.splits.end(), s) != all.splits.end());
    }
  }

  zfxxgk::SplitProblem problem;
  problem.max_combinations = 20000;
  const int n_rows = in.ConsumeIntegralInRange<int>(1, 4);
  for (int r = 0; r < n_rows; ++r) {
    const zfxxgk::SplitList& source = in.ConsumeBool() ? all : sums;
    const size_t take = std::min<size_t>(source.splits.size(), in.ConsumeIntegralInRange<size_t>(0, 32));
    problem.rows.emplace_back(source.splits.begin(), source.splits.begin() + take);
  }
  const int n_constraints = in.ConsumeIntegralInRange<int>(0, 6);
  for (int c = 0; c < n_constraints; ++c) {
    zfxxgk::LinearConstraint lc;
    lc.id = "c";  // not "c" + to_string(c): GCC 12 -Wrestrict false positive
    lc.id += std::to_string(c);
    const int n_terms = in.ConsumeIntegralInRange<int>(1, 6);
    for (int t = 0; t < n_terms; ++t) {
      // Rows and parts may be out of range on purpose: the constraint is then false.
      zfxxgk::CellRef ref{in.ConsumeIntegralInRange<int>(-1, n_rows),
                          in.ConsumeIntegralInRange<int>(-1, n_parts)};
      (in.ConsumeBool() ? lc.lhs : lc.rhs).push_back(ref);
    }
    problem.constraints.push_back(std::move(lc));
  }
  const zfxxgk::SplitSolution solution = zfxxgk::SolveSplits(problem);
  Check(solution.surviving.size() == problem.rows.size());
  for (size_t r = 0; r < solution.surviving.size(); ++r) {
    for (int index : solution.surviving[r]) {
      Check(index >= 0 && static_cast<size_t>(index) < problem.rows[r].size());
    }
  }
  return 0;
}
