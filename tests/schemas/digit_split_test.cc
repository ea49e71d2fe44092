// Tests for schemas/digit_split.h, on runs from the pingtan-* text dumps.
#include "schemas/digit_split.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace zfxxgk {
namespace {

using Splits = std::vector<Split>;

SplitOptions Options(bool forbid_leading_zero, bool allow_decimal,
                     size_t max_splits = 200000) {
  SplitOptions options;
  options.forbid_leading_zero = forbid_leading_zero;
  options.allow_decimal = allow_decimal;
  options.max_splits = max_splits;
  return options;
}

// Test-side reference for "last part of each group = sum of the others".
bool GroupSumsHold(const Split& split, size_t group) {
  for (size_t first = 0; first < split.size(); first += group) {
    int64_t sum = 0;
    for (size_t i = first; i + 1 < first + group; ++i)
      sum += std::stoll(split[i]);
    if (sum != std::stoll(split[first + group - 1])) return false;
  }
  return true;
}

Splits BruteForceSumSplits(const std::string& run, int n_parts, size_t group) {
  Splits kept;
  for (const Split& split : EnumerateSplits(run, n_parts).splits) {
    if (GroupSumsHold(split, group)) kept.push_back(split);
  }
  return kept;
}

// Constraint "sum of parts [first, last) of row = part last of row".
LinearConstraint RowSum(const std::string& id, int row, int first, int last) {
  LinearConstraint con{id, {}, {{row, last}}};
  for (int p = first; p < last; ++p) con.lhs.push_back({row, p});
  return con;
}

// ---- EnumerateSplits ----

TEST(DigitSplitEnumerate, CountsOfRealRuns) {
  struct Case {
    const char* run;
    int n_parts;
    size_t count;
  };
  const Case cases[] = {
      {"693665", 3, 10},   // pingtan-2021 table 二 normative documents
      {"3960181", 3, 11},  // pingtan-2019 table 二 licensing
      {"350", 2, 2},       // pingtan-2019 table 二 fees
      {"0000000", 7, 1},   // an all-zero table 三 row
      {"1000001", 7, 1},
      {"640020470", 7, 12},  // C(8,6)=28 cuts minus those with "0x" parts
  };
  for (const Case& c : cases) {
    const SplitList list = EnumerateSplits(c.run, c.n_parts);
    EXPECT_EQ(list.splits.size(), c.count) << c.run;
    EXPECT_FALSE(list.truncated) << c.run;
  }
}

TEST(DigitSplitEnumerate, ListsTableTwoRunInOrder) {
  const Splits expected = {{"6", "9", "3665"}, {"6", "93", "665"},
                           {"6", "936", "65"}, {"6", "9366", "5"},
                           {"69", "3", "665"}, {"69", "36", "65"},
                           {"69", "366", "5"}, {"693", "6", "65"},
                           {"693", "66", "5"}, {"6936", "6", "5"}};
  EXPECT_EQ(EnumerateSplits("693665", 3).splits, expected);
}

TEST(DigitSplitEnumerate, ListsThreeFiftyIntoTwo) {
  const Splits expected = {{"3", "50"}, {"35", "0"}};
  EXPECT_EQ(EnumerateSplits("350", 2).splits, expected);
}

TEST(DigitSplitEnumerate, ListsElevenSplitsOfLicensingRun) {
  const Splits expected = {
      {"3", "9", "60181"}, {"3", "960", "181"}, {"3", "9601", "81"},
      {"3", "96018", "1"}, {"39", "60", "181"}, {"39", "601", "81"},
      {"39", "6018", "1"}, {"396", "0", "181"}, {"3960", "1", "81"},
      {"3960", "18", "1"}, {"39601", "8", "1"}};
  EXPECT_EQ(EnumerateSplits("3960181", 3).splits, expected);
}

TEST(DigitSplitEnumerate, LeadingZeroRule) {
  struct Case {
    const char* run;
    int n_parts;
    bool forbid;
    Splits expected;
  };
  const Case cases[] = {
      {"1005", 2, true, {{"100", "5"}}},
      {"1005", 2, false, {{"1", "005"}, {"10", "05"}, {"100", "5"}}},
      {"00", 1, true, {}},
      {"00", 1, false, {{"00"}}},
      {"000", 3, true, {{"0", "0", "0"}}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(
        EnumerateSplits(c.run, c.n_parts, Options(c.forbid, false)).splits,
        c.expected)
        << c.run << " forbid=" << c.forbid;
  }
}

TEST(DigitSplitEnumerate, StraySpacesAreIgnored) {
  const Splits seven = {{"5", "0", "0", "0", "0", "0", "5"}};
  EXPECT_EQ(EnumerateSplits("500000 5", 7).splits, seven);
  const std::string nbsp = "\xC2\xA0";
  const std::string ideographic = "\xE3\x80\x80";
  for (const std::string& run :
       {std::string(" 1\t2 "), "1" + nbsp + "2", "1" + ideographic + "2"}) {
    EXPECT_EQ(EnumerateSplits(run, 2).splits, (Splits{{"1", "2"}})) << run;
  }
}

TEST(DigitSplitEnumerate, DecimalRunIsOneCell) {
  const SplitOptions decimal = Options(true, true);
  const Splits fee = {{"24252.311082"}};
  EXPECT_EQ(EnumerateSplits("24252.311082", 1, decimal).splits, fee);
  EXPECT_TRUE(EnumerateSplits("24252.311082", 1).splits.empty());
  const Splits zero_point = {{"0.5"}};
  EXPECT_EQ(EnumerateSplits("0.5", 1, decimal).splits, zero_point);
  EXPECT_TRUE(EnumerateSplits("05.5", 1, decimal).splits.empty());
  EXPECT_TRUE(EnumerateSplits("1.5", 2, decimal).splits.empty());  // 1.|5 1|.5
  EXPECT_TRUE(EnumerateSplits("1.2.3", 1, decimal).splits.empty());
  EXPECT_EQ(EnumerateSplits("12.3", 2, decimal).splits, (Splits{{"1", "2.3"}}));
  EXPECT_EQ(EnumerateSplits("1.23", 2, decimal).splits, (Splits{{"1.2", "3"}}));
}

TEST(DigitSplitEnumerate, SignedPartStartsAPart) {
  // '-' must start a part: "12|0-7|050" is impossible, "-7050" is not.
  const Splits change = {{"1", "20", "-7050"},
                         {"12", "0", "-7050"},
                         {"120", "-70", "50"},
                         {"120", "-705", "0"}};
  EXPECT_EQ(EnumerateSplits("120-7050", 3).splits, change);
  EXPECT_EQ(EnumerateSplits("+5", 1).splits, (Splits{{"+5"}}));
  EXPECT_TRUE(EnumerateSplits("5-", 2).splits.empty());
  EXPECT_TRUE(EnumerateSplits("-", 1).splits.empty());
  EXPECT_TRUE(EnumerateSplits("-07", 1).splits.empty());
}

TEST(DigitSplitEnumerate, OtherCharactersGiveNoSplit) {
  for (const char* run : {"12a3", "1,2", "\xEF\xBC\x91\xEF\xBC\x92"}) {
    EXPECT_TRUE(EnumerateSplits(run, 1).splits.empty()) << run;
  }
}

TEST(DigitSplitEnumerate, TooShortRunGivesNoSplit) {
  struct Case {
    const char* run;
    int n_parts;
  };
  for (const Case& c : {Case{"12", 3}, Case{"", 1}, Case{"  ", 1}, Case{"5", 0},
                        Case{"5", -1}}) {
    const SplitList list = EnumerateSplits(c.run, c.n_parts);
    EXPECT_TRUE(list.splits.empty()) << c.run << " " << c.n_parts;
    EXPECT_FALSE(list.truncated);
  }
}

TEST(DigitSplitEnumerate, TruncatedOnlyWhenMoreSplitsExist) {
  struct Case {
    size_t max_splits;
    size_t size;
    bool truncated;
  };
  // "1111111111" into 5 parts has C(9,4) = 126 splits.
  for (const Case& c : {Case{10, 10, true}, Case{125, 125, true},
                        Case{126, 126, false}, Case{0, 0, true}}) {
    const SplitList list =
        EnumerateSplits("1111111111", 5, Options(true, false, c.max_splits));
    EXPECT_EQ(list.splits.size(), c.size) << c.max_splits;
    EXPECT_EQ(list.truncated, c.truncated) << c.max_splits;
  }
}

TEST(DigitSplitEnumerate, LongRunsStayBounded) {
  const SplitList all = EnumerateSplits("1234567891234567891234567", 7);
  EXPECT_EQ(all.splits.size(), 134596u);  // C(24,6)
  EXPECT_FALSE(all.truncated);
  const std::string forty = "1234567891234567891234567891234567891234";
  const SplitList capped =
      EnumerateSplits(forty, 15, Options(true, false, 1000));
  EXPECT_EQ(capped.splits.size(), 1000u);
  EXPECT_TRUE(capped.truncated);
}

// ---- EnumerateSumSplits ----

TEST(DigitSplitSum, TableThreeRowsKeepRowValidSplits) {
  const Splits ambiguous = {{"2", "20", "0", "0", "0", "3", "25"},
                            {"22", "0", "0", "0", "0", "3", "25"}};
  EXPECT_EQ(EnumerateSumSplits("220000325", 7).splits, ambiguous);
  const Splits fixed = {{"64", "0", "0", "2", "0", "4", "70"}};
  EXPECT_EQ(EnumerateSumSplits("640020470", 7).splits, fixed);
  const Splits spaced = {{"5", "0", "0", "0", "0", "0", "5"}};
  EXPECT_EQ(EnumerateSumSplits("500000 5", 7).splits, spaced);
}

TEST(DigitSplitSum, TableFourRunHasOneSplit) {
  const Splits expected = {{"1", "0", "2", "0", "3", "12", "0", "0", "0", "12",
                            "0", "0", "0", "0", "0"}};
  EXPECT_EQ(BruteForceSumSplits("10203120001200000", 15, 5), expected);
  EXPECT_EQ(
      EnumerateSumSplits("10203120001200000", 15, SplitOptions(), 5).splits,
      expected);
}

TEST(DigitSplitSum, MatchesFilteredEnumeration) {
  struct Case {
    const char* run;
    int n_parts;
    int group;
  };
  const Case cases[] = {{"270020130", 7, 0},     {"630020469", 7, 0},
                        {"2200003252", 7, 0},    {"112", 3, 0},
                        {"1011", 3, 0},          {"000000", 6, 3},
                        {"1120113", 6, 3},       {"123456789123", 5, 0},
                        {"4040404040", 6, 2},    {"10203120001200000", 15, 5},
                        {"1000100010001", 10, 5}};
  for (const Case& c : cases) {
    const size_t group = c.group == 0 ? c.n_parts : c.group;
    const SplitList list =
        EnumerateSumSplits(c.run, c.n_parts, SplitOptions(), c.group);
    EXPECT_EQ(list.splits, BruteForceSumSplits(c.run, c.n_parts, group))
        << c.run;
    EXPECT_FALSE(list.truncated) << c.run;
  }
}

TEST(DigitSplitSum, NegativeAndDecimalParts) {
  EXPECT_EQ(EnumerateSumSplits("5-23", 3).splits, (Splits{{"5", "-2", "3"}}));
  // 1.5 + 1.5 = 3 on paper, but identities compare integers only.
  const SplitOptions decimal = Options(true, true);
  EXPECT_EQ(EnumerateSplits("1.51.53", 3, decimal).splits,
            (Splits{{"1.5", "1.5", "3"}}));
  EXPECT_TRUE(EnumerateSumSplits("1.51.53", 3, decimal).splits.empty());
}

TEST(DigitSplitSum, GroupMustDivideParts) {
  EXPECT_TRUE(
      EnumerateSumSplits("000000", 6, SplitOptions(), 4).splits.empty());
  EXPECT_TRUE(
      EnumerateSumSplits("000000", 6, SplitOptions(), -1).splits.empty());
  EXPECT_EQ(EnumerateSumSplits("000", 3, SplitOptions(), 1).splits.size(), 1u);
}

TEST(DigitSplitSum, LongRunsEndWithinTheStepBudget) {
  const SplitList ones = EnumerateSumSplits(std::string(40, '1'), 15);
  const SplitList hard =
      EnumerateSumSplits("123456789123456789123456789123456789123456", 15);
  EXPECT_TRUE(ones.splits.empty());  // the search is exhaustive here
  EXPECT_FALSE(ones.truncated);
  for (const Split& split : hard.splits) EXPECT_TRUE(GroupSumsHold(split, 15));
}

// The fuzzer's timeout (tests/fuzz/findings/fuzz_digit_split-sum-search-budget):
// signs and long digit runs defeat the pruning; the step budget ends it.
// The step budget, not the clock, bounds the search: no wall-clock limit in
// these tests (a loaded machine would make them flaky; tools/bench times).
TEST(DigitSplitSum, PathologicalRunStopsAtTheStepBudget) {
  const SplitList list =
      EnumerateSumSplits("866 596-362664-4333333323000000060224966668", 14);
  EXPECT_TRUE(list.truncated);
  for (const Split& split : list.splits) EXPECT_TRUE(GroupSumsHold(split, 14));
}

TEST(DigitSplitSum, TinyStepBudgetTruncatesWithoutInventingSplits) {
  SplitOptions options;
  options.max_search_steps = 3;
  const SplitList list = EnumerateSumSplits("220000325", 7, options);
  EXPECT_TRUE(list.truncated);
  const Splits valid = BruteForceSumSplits("220000325", 7, 7);
  for (const Split& split : list.splits) {
    EXPECT_NE(std::find(valid.begin(), valid.end(), split), valid.end());
  }
}

// ---- SolveSplits ----

TEST(DigitSplitSolve, FixedRowIsDetermined) {
  SplitProblem problem;
  problem.rows = {{{"64", "0", "70"}}};
  const SplitSolution solution = SolveSplits(problem);
  EXPECT_EQ(solution.solutions, 1u);
  EXPECT_EQ(solution.surviving, (std::vector<std::vector<int>>{{0}}));
  ASSERT_EQ(solution.values.size(), 1u);
  EXPECT_EQ(solution.values[0],
            (std::vector<std::vector<std::string>>{{"64"}, {"0"}, {"70"}}));
  EXPECT_FALSE(solution.exhausted);
  EXPECT_TRUE(solution.deciding_constraints.empty());
}

// A part's surviving texts: each once, by value, equal values by text.
TEST(DigitSplitSolve, ValuesAreDistinctInNumericThenTextOrder) {
  SplitProblem problem;
  problem.rows = {{{"10"}, {"+10"}, {"9"}, {"10"}, {"2.5"}}};
  const SplitSolution solution = SolveSplits(problem);
  ASSERT_EQ(solution.values.size(), 1u);
  EXPECT_EQ(solution.values[0][0], (std::vector<std::string>{"2.5", "9", "+10", "10"}));
}

// Column 0 of table 三 (pingtan-2021), reduced: received = sum of results.
TEST(DigitSplitSolve, ColumnIdentityResolvesTwoAmbiguousRows) {
  SplitProblem problem;
  problem.rows = {EnumerateSumSplits("270020130", 7).splits,
                  EnumerateSumSplits("220000325", 7).splits,
                  {{"49", "0", "0", "2", "0", "4", "55"}}};
  ASSERT_EQ(problem.rows[0].size(), 2u);
  ASSERT_EQ(problem.rows[1].size(), 2u);
  problem.constraints = {{"col0", {{0, 0}, {1, 0}}, {{2, 0}}}};
  const SplitSolution solution = SolveSplits(problem);
  EXPECT_EQ(solution.solutions, 1u);
  EXPECT_EQ(solution.surviving, (std::vector<std::vector<int>>{{1}, {1}, {0}}));
  EXPECT_EQ(solution.values[0][0], (std::vector<std::string>{"27"}));
  EXPECT_EQ(solution.values[1][1], (std::vector<std::string>{"0"}));
  EXPECT_EQ(solution.deciding_constraints, (std::vector<std::string>{"col0"}));
}

TEST(DigitSplitSolve, TwoSurvivingCombinationsListBothValues) {
  SplitProblem problem;
  const std::vector<Split> candidates = EnumerateSplits("123", 2).splits;
  problem.rows = {candidates, candidates};  // 1|23 and 12|3 each
  // row0.p0 + row1.p1 = row0.p1 + row1.p0 holds only for equal choices.
  problem.constraints = {{"cross", {{0, 0}, {1, 1}}, {{0, 1}, {1, 0}}}};
  const SplitSolution solution = SolveSplits(problem);
  EXPECT_EQ(solution.solutions, 2u);
  EXPECT_EQ(solution.surviving,
            (std::vector<std::vector<int>>{{0, 1}, {0, 1}}));
  // Sorted numerically: "3" before "23".
  EXPECT_EQ(solution.values[0][1], (std::vector<std::string>{"3", "23"}));
  EXPECT_EQ(solution.values[1][0], (std::vector<std::string>{"1", "12"}));
  EXPECT_EQ(solution.deciding_constraints, (std::vector<std::string>{"cross"}));
}

TEST(DigitSplitSolve, ContradictoryIdentitiesHaveNoSolution) {
  SplitProblem problem;
  problem.rows = {EnumerateSplits("350", 2).splits, {{"7"}}};
  problem.constraints = {{"a", {{0, 0}}, {{1, 0}}},   // 3 or 35 = 7
                         {"b", {{0, 1}}, {{1, 0}}}};  // 50 or 0 = 7
  const SplitSolution solution = SolveSplits(problem);
  EXPECT_EQ(solution.solutions, 0u);
  EXPECT_EQ(solution.surviving, (std::vector<std::vector<int>>{{}, {}}));
  EXPECT_EQ(solution.values[0],
            (std::vector<std::vector<std::string>>{{}, {}}));
  EXPECT_EQ(solution.deciding_constraints,
            (std::vector<std::string>{"a", "b"}));
}

TEST(DigitSplitSolve, RowWithoutCandidatesHasNoSolution) {
  SplitProblem problem;
  problem.rows = {{{"1"}}, EnumerateSplits("12", 3).splits};
  const SplitSolution solution = SolveSplits(problem);
  EXPECT_EQ(solution.solutions, 0u);
  EXPECT_EQ(solution.surviving, (std::vector<std::vector<int>>{{}, {}}));
}

TEST(DigitSplitSolve, DecidingConstraintsNameOnlyRejectingIdentities) {
  SplitProblem problem;
  problem.rows = {EnumerateSplits("350", 2).splits, {{"50", "50"}}};
  problem.constraints = {
      {"always", {{1, 0}}, {{1, 1}}},          // 50 = 50, single row
      {"picks 3|50", {{0, 1}}, {{1, 0}}},      // rejects 35|0
      {"picks 3|50 too", {{0, 1}}, {{1, 1}}},  // 0 = 50 rejects 35|0
      {"always", {{1, 1}}, {{1, 0}}}};         // duplicate id, not deciding
  const SplitSolution solution = SolveSplits(problem);
  EXPECT_EQ(solution.solutions, 1u);
  EXPECT_EQ(solution.surviving, (std::vector<std::vector<int>>{{0}, {0}}));
  // Both two-row constraints are checked on 35|0 and both reject it.
  EXPECT_EQ(solution.deciding_constraints,
            (std::vector<std::string>{"picks 3|50", "picks 3|50 too"}));
}

TEST(DigitSplitSolve, NonIntegerOrMissingPartFailsConstraint) {
  struct Case {
    Split row;
    CellRef ref;
  };
  for (const Case& c :
       {Case{{"2.5", "2.5"}, {0, 0}}, Case{{"5", "5"}, {0, 7}},
        Case{{"5", "5"}, {3, 0}}, Case{{"1234567890123456789", "5"}, {0, 0}}}) {
    SplitProblem problem;
    problem.rows = {{c.row}};
    problem.constraints = {{"id", {c.ref}, {{0, 1}}}};
    const SplitSolution solution = SolveSplits(problem);
    EXPECT_EQ(solution.solutions, 0u) << c.row[0] << " " << c.ref.part;
    EXPECT_EQ(solution.deciding_constraints, (std::vector<std::string>{"id"}));
  }
}

TEST(DigitSplitSolve, UnlinkedRowsMultiply) {
  SplitProblem problem;
  problem.rows = {EnumerateSplits("693665", 3).splits,
                  EnumerateSplits("3960181", 3).splits};
  const SplitSolution solution = SolveSplits(problem);
  EXPECT_EQ(solution.solutions, 110u);
  EXPECT_EQ(solution.surviving[0].size(), 10u);
  EXPECT_EQ(solution.values[0][0],
            (std::vector<std::string>{"6", "69", "693", "6936"}));
}

TEST(DigitSplitSolve, ExhaustedWhenBudgetRunsOut) {
  SplitProblem problem;
  const std::vector<Split> many = EnumerateSplits("11111111", 4).splits;
  problem.rows = {many, many, many};
  problem.constraints = {{"link", {{0, 0}, {1, 0}}, {{2, 0}}}};
  problem.max_combinations = 1000;
  const SplitSolution solution = SolveSplits(problem);
  EXPECT_TRUE(solution.exhausted);
  problem.max_combinations = 100000000;
  EXPECT_FALSE(SolveSplits(problem).exhausted);
}

TEST(DigitSplitSolve, TableFourRunByGroupIdentities) {
  SplitProblem problem;
  problem.rows = {EnumerateSplits("10203120001200000", 15).splits};
  for (int g = 0; g < 3; ++g) {
    problem.constraints.push_back(
        RowSum("T4." + std::to_string(g + 1), 0, 5 * g, 5 * g + 4));
  }
  const Splits brute = BruteForceSumSplits("10203120001200000", 15, 5);
  ASSERT_EQ(brute.size(), 1u);
  const SplitSolution solution = SolveSplits(problem);
  EXPECT_EQ(solution.solutions, 1u);
  ASSERT_EQ(solution.surviving[0].size(), 1u);
  EXPECT_EQ(problem.rows[0][solution.surviving[0][0]], brute[0]);
  EXPECT_EQ(solution.deciding_constraints,
            (std::vector<std::string>{"T4.1", "T4.2", "T4.3"}));
}

// The whole table 三 of pingtan-2021: 25 rows of 7 cells, 25 row identities
// and the 14 column identities; only the column identities separate
// 27|0|0|2|0|1|30 from 2|7|0|0|20|1|30 and 22|0|...|25 from 2|20|...|25.
TEST(DigitSplitSolve, PingtanTableThreeIsDetermined) {
  const std::vector<std::string> runs = {
      "640020470", "0000000", "270020130", "500000 5",  "0000000",
      "0000000",   "0000000", "0000000",   "1000001",   "0000000",
      "6000006",   "1000001", "220000325", "0000000",   "0000000",
      "0000000",   "0000000", "0000000",   "0000000",   "0000000",
      "0000000",   "0000000", "1000001",   "630020469", "1000001"};
  SplitProblem problem;
  for (int r = 0; r < static_cast<int>(runs.size()); ++r) {
    problem.rows.push_back(EnumerateSplits(runs[r], 7).splits);
    problem.constraints.push_back(RowSum("row" + std::to_string(r), r, 0, 6));
  }
  for (int c = 0; c < 7; ++c) {
    const std::string col = std::to_string(c);
    problem.constraints.push_back(
        {"T3.1 col" + col, {{0, c}, {1, c}}, {{23, c}, {24, c}}});
    LinearConstraint results{"T3.2 col" + col, {}, {{23, c}}};
    for (int r = 2; r <= 22; ++r) results.lhs.push_back({r, c});
    problem.constraints.push_back(results);
  }
  const SplitSolution solution = SolveSplits(problem);
  EXPECT_EQ(solution.solutions, 1u);
  for (const auto& row : solution.values) {
    for (const auto& cell : row) EXPECT_EQ(cell.size(), 1u);
  }
  EXPECT_EQ(solution.values[2][0], (std::vector<std::string>{"27"}));
  EXPECT_EQ(solution.values[12][0], (std::vector<std::string>{"22"}));
  EXPECT_EQ(solution.values[12][1], (std::vector<std::string>{"0"}));
  EXPECT_EQ(solution.values[3][6], (std::vector<std::string>{"5"}));
}

// A run of 20000 digits (a glued row in a hostile dump) needed 3 GB before the
// bound: runs over 512 characters are refused at once, reported as truncated.
TEST(DigitSplitBounds, OverLongRunIsRefused) {
  const std::string run(20000, '1');
  const SplitList plain = EnumerateSplits(run, 7);
  EXPECT_TRUE(plain.splits.empty());
  EXPECT_TRUE(plain.truncated);
  const SplitList sums = EnumerateSumSplits(run, 15, SplitOptions(), 5);
  EXPECT_TRUE(sums.splits.empty());
  EXPECT_TRUE(sums.truncated);
  // 512 characters are still enumerated.
  EXPECT_FALSE(EnumerateSplits(std::string(512, '1'), 2).splits.empty());
}

}  // namespace
}  // namespace zfxxgk
