// Tests for pipeline/external_sort.h: the same order as an in-memory stable
// sort, whether the records fit the budget, spill into runs, or need merge
// passes.
#include "pipeline/external_sort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace zfxxgk {
namespace {

std::vector<std::string> RandomRecords(size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) {
    std::string s(rng() % 40, '\0');
    for (char& c : s) c = static_cast<char>(rng() % 256);  // NULs and high bytes too
    out.push_back(s);
  }
  return out;
}

std::vector<std::string> SortAll(ExternalSorter& sorter, const std::vector<std::string>& in) {
  for (const std::string& r : in) EXPECT_TRUE(sorter.Add(r).ok());
  EXPECT_TRUE(sorter.Finish().ok());
  std::vector<std::string> out;
  std::string record;
  for (;;) {
    StatusOr<bool> more = sorter.Next(record);
    EXPECT_TRUE(more.ok());
    if (!more.ok() || !*more) break;
    out.push_back(record);
  }
  return out;
}

TEST(ExternalSortTest, WithinTheBudgetSortsInMemory) {
  const std::vector<std::string> in = RandomRecords(500, 1);
  ExternalSorter sorter;
  std::vector<std::string> expected = in;
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(SortAll(sorter, in), expected);
  EXPECT_EQ(sorter.runs_written(), 0u);
  EXPECT_EQ(sorter.size(), 500u);
}

TEST(ExternalSortTest, RunsSpilledToDiskMergeToTheSameOrder) {
  const std::vector<std::string> in = RandomRecords(3000, 2);
  ExternalSortOptions options;
  options.memory_bytes = 4096;
  options.read_buffer = 64;  // records straddle buffer refills
  ExternalSorter sorter(options);
  std::vector<std::string> expected = in;
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(SortAll(sorter, in), expected);
  EXPECT_GT(sorter.runs_written(), 10u);
}

TEST(ExternalSortTest, MoreRunsThanTheFanInAreMergedInPasses) {
  const std::vector<std::string> in = RandomRecords(3000, 3);
  ExternalSortOptions options;
  options.memory_bytes = 1024;
  options.fan_in = 3;
  ExternalSorter sorter(options);
  std::vector<std::string> expected = in;
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(SortAll(sorter, in), expected);
}

// Records equal under the order keep the order they were added in, across
// runs and merge passes.
TEST(ExternalSortTest, EqualRecordsKeepTheirOrder) {
  std::vector<std::string> in;
  for (int i = 0; i < 2000; ++i) {
    std::string r(1, "abc"[i % 3]);
    r += std::to_string(i);  // not "+": a GCC 12 -Wrestrict false positive
    in.push_back(r);
  }
  auto first_byte = [](std::string_view a, std::string_view b) { return a[0] < b[0]; };
  ExternalSortOptions options;
  options.memory_bytes = 512;
  options.fan_in = 2;
  ExternalSorter sorter(options, first_byte);
  std::vector<std::string> expected = in;
  std::stable_sort(expected.begin(), expected.end(),
                   [&](const std::string& a, const std::string& b) { return first_byte(a, b); });
  EXPECT_EQ(SortAll(sorter, in), expected);
}

TEST(ExternalSortTest, NoRecordsGiveNothing) {
  ExternalSorter sorter;
  EXPECT_TRUE(SortAll(sorter, {}).empty());
}

TEST(ExternalSortTest, AddAfterFinishIsAnInternalError) {
  ExternalSorter sorter;
  ASSERT_TRUE(sorter.Finish().ok());
  EXPECT_EQ(sorter.Add("x").code(), StatusCode::kInternal);
}

TEST(ExternalSortTest, AnUnwritableDirectoryIsUnreadable) {
  ExternalSortOptions options;
  options.memory_bytes = 16;
  options.dir = "/nonexistent-zfxxgk-dir";
  ExternalSorter sorter(options);
  EXPECT_EQ(sorter.Add(std::string(64, 'x')).code(), StatusCode::kUnreadable);
}

}  // namespace
}  // namespace zfxxgk
