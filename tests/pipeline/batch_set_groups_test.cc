// Tests for pipeline/batch_set_groups.h: the on-disk grouping by body gives
// the groups of the in-memory grouping it replaced (bodies in order of first
// appearance, inputs in batch order, the cap per body and year), however
// many runs and merge passes its sorts take.
#include "pipeline/batch_set_groups.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "schemas/report_set.h"
#include "tests/pipeline/batch_test_util.h"

namespace zfxxgk {
namespace {

// stem + decimal i (appending sidesteps a GCC 12 -Wrestrict false positive
// on "literal" + std::to_string).
std::string Cat(const char* stem, long long i) {
  std::string s = stem;
  s += std::to_string(i);
  return s;
}

struct Group {
  std::string key;
  std::vector<size_t> indices;
  std::vector<std::string> not_compared;
  bool operator==(const Group&) const = default;
};

// Entries over a few bodies (organs printed differently but one body after
// NormalizeOrgan) and years, with copies beyond the cap.
std::vector<BatchSetEntry> Entries(size_t n, unsigned seed) {
  const std::vector<std::string> organs = {"甲市", "甲 市", "乙县人民政府", "丙", "丁区",
                                           "戊镇", "己", "庚", "辛", "壬"};
  std::mt19937 rng(seed);
  std::vector<BatchSetEntry> out;
  for (size_t i = 0; i < n; ++i) {
    BatchSetEntry e{Cat("in/", i) + ".txt", organs[rng() % organs.size()],
                    2018 + static_cast<int>(rng() % 5)};
    e.index = i;
    e.source = static_cast<BatchSetEntry::Source>(  // every source round-trips
        i % (static_cast<size_t>(BatchSetEntry::Source::kLast) + 1));
    e.offset = rng();
    e.length = rng() % 5000;
    out.push_back(e);
  }
  return out;
}

// The grouping as it was done in memory (first appearance, then the cap).
std::vector<Group> InMemory(const std::vector<BatchSetEntry>& entries, size_t cap) {
  std::map<std::string, size_t> group_of;
  std::vector<Group> groups;
  std::vector<std::map<int, size_t>> per_year;
  for (const BatchSetEntry& e : entries) {
    auto [it, inserted] = group_of.emplace(NormalizeOrgan(e.organ), groups.size());
    if (inserted) {
      groups.push_back({it->first, {}, {}});
      per_year.emplace_back();
    }
    if (++per_year[it->second][*e.year] <= cap) {
      groups[it->second].indices.push_back(e.index);
    } else {
      groups[it->second].not_compared.push_back(e.path);
    }
  }
  return groups;
}

std::vector<Group> OnDisk(const std::vector<BatchSetEntry>& entries, size_t cap,
                          const ExternalSortOptions& sort) {
  BatchSetGrouper grouper(cap, sort);
  for (const BatchSetEntry& e : entries) {
    EXPECT_TRUE(grouper.Add(e, NormalizeOrgan(e.organ)).ok());
  }
  EXPECT_TRUE(grouper.Finish().ok());
  std::vector<Group> groups;
  for (BatchSetGroup g;;) {
    StatusOr<bool> more = grouper.Next(g);
    EXPECT_TRUE(more.ok());
    if (!more.ok() || !*more) break;
    Group out{g.key, {}, g.not_compared};
    for (const BatchSetEntry& e : g.entries) {
      out.indices.push_back(e.index);
      const BatchSetEntry& added = entries[e.index];  // every field comes back
      EXPECT_EQ(e.path, added.path);
      EXPECT_EQ(e.organ, added.organ);
      EXPECT_EQ(e.year, added.year);
      EXPECT_EQ(e.source, added.source);
      EXPECT_EQ(e.offset, added.offset);
      EXPECT_EQ(e.length, added.length);
    }
    EXPECT_EQ(g.first_index, out.indices.front());
    groups.push_back(out);
  }
  return groups;
}

TEST(BatchSetGroupsTest, InMemoryBudgetGivesTheInMemoryGroups) {
  const std::vector<BatchSetEntry> entries = Entries(400, 1);
  EXPECT_EQ(OnDisk(entries, 3, {}), InMemory(entries, 3));
}

TEST(BatchSetGroupsTest, SpillAcrossRunsAndMergePassesGivesTheSameGroups) {
  const std::vector<BatchSetEntry> entries = Entries(3000, 2);
  ExternalSortOptions tiny;
  tiny.memory_bytes = 2048;  // dozens of runs per sort
  tiny.fan_in = 3;           // and several merge passes
  tiny.read_buffer = 64;
  const std::vector<Group> expected = InMemory(entries, 8);
  EXPECT_EQ(OnDisk(entries, 8, tiny), expected);
  EXPECT_GT(expected.size(), 5u);
}

// Many bodies of one report each (every copy a body of its own, as in the
// bench sets): as many groups as entries, in batch order.
TEST(BatchSetGroupsTest, OneBodyPerReportKeepsBatchOrder) {
  std::vector<BatchSetEntry> entries;
  for (size_t i = 0; i < 2000; ++i) {
    BatchSetEntry e{Cat("p", i), Cat("机关", (i * 7919) % 2000), 2021};
    e.index = i;
    entries.push_back(e);
  }
  ExternalSortOptions tiny;
  tiny.memory_bytes = 1024;
  EXPECT_EQ(OnDisk(entries, 8, tiny), InMemory(entries, 8));
}

// The analysis over a spilled grouping gives the findings of an in-memory one.
// What the analysis hands on for 300 reports of 40 bodies over three years
// (max 2 per body and year), with `sort` and on `threads` threads: each
// body's paths, then counts, not_compared size and the unplaced path.
std::vector<std::string> AnalysisLog(const ExternalSortOptions& sort, int threads) {
  BatchSetAnalysis analysis(2, sort);
  for (int i = 0; i < 300; ++i) {
    const std::string organ = Cat("机关", i % 40);
    EXPECT_TRUE(analysis.Add({Cat("r", i), organ, 2019 + i % 3}).ok());
  }
  EXPECT_TRUE(analysis.Add({"no-year", "机关1", std::nullopt}).ok());
  std::vector<std::string> log;
  StatusOr<BatchSetFindings> f = analysis.Run(
      [](const BatchSetEntry& e) {
        const std::string x1 = std::to_string(e.index % 7);
        return batch_test::FakeExtract("organ=" + e.organ + "\nyear=" +
                                           std::to_string(*e.year) + "\nx1=" + x1 + "\n",
                                       e.path);
      },
      [&log](const BodyFindings& body, const BatchPathOf& path_of) {
        for (size_t i : body.reports) log.push_back(body.key + ":" + path_of(i));
        return OkStatus();
      },
      threads);
  EXPECT_TRUE(f.ok());
  if (!f.ok()) return log;
  log.push_back(std::to_string(f->counts.pass) + Cat("/", f->counts.fail) + "/" +
                std::to_string(f->not_compared.size()) + "/" + f->unplaced.ReadAll().value().at(0));
  for (const std::string& line : f->failing_x1) log.push_back(line);
  return log;
}

TEST(BatchSetGroupsTest, AnalysisFindingsDoNotDependOnTheSortBudget) {
  ExternalSortOptions tiny;
  tiny.memory_bytes = 512;
  tiny.fan_in = 2;
  EXPECT_EQ(AnalysisLog(tiny, 1), AnalysisLog({}, 1));
}

TEST(BatchSetGroupsTest, AnalysisFindingsDoNotDependOnTheThreadCount) {
  const std::vector<std::string> one = AnalysisLog({}, 1);
  EXPECT_GT(one.size(), 200u);  // 240 reports analysed, then the totals
  EXPECT_EQ(AnalysisLog({}, 2), one);
  EXPECT_EQ(AnalysisLog({}, 4), one);
}

}  // namespace
}  // namespace zfxxgk
