// Tests for pipeline/batch_journal_index.h: the journal's latest line per
// path, sorted on disk and merged with sorted lookups.
#include "pipeline/batch_journal_index.h"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace zfxxgk {
namespace {

std::optional<BatchJournalLine> SeekOk(BatchJournalIndex& index, std::string_view path) {
  StatusOr<std::optional<BatchJournalLine>> line = index.Seek(path);
  EXPECT_TRUE(line.ok()) << line.status().ToString();
  return line.ok() ? *line : std::nullopt;
}

TEST(BatchJournalIndexTest, LatestLineOfAPathWins) {
  BatchJournalIndex index({});
  ASSERT_TRUE(index.Add("b", {0, 10}).ok());
  ASSERT_TRUE(index.Add("a", {11, 10}).ok());
  ASSERT_TRUE(index.Add("b", {22, 12}).ok());
  ASSERT_TRUE(index.Add("b", {35, 9}).ok());
  ASSERT_TRUE(index.Finish().ok());
  EXPECT_EQ(SeekOk(index, "a"), (BatchJournalLine{11, 10}));
  EXPECT_EQ(SeekOk(index, "b"), (BatchJournalLine{35, 9}));
}

TEST(BatchJournalIndexTest, PathsNotSoughtAreSkippedAndUnknownPathsHaveNoLine) {
  BatchJournalIndex index({});
  for (const char* path : {"a", "c", "e", "g"}) {
    ASSERT_TRUE(index.Add(path, {static_cast<uint64_t>(path[0]), 1}).ok());
  }
  ASSERT_TRUE(index.Finish().ok());
  EXPECT_EQ(SeekOk(index, "b"), std::nullopt);  // no longer journaled
  EXPECT_EQ(SeekOk(index, "e"), (BatchJournalLine{'e', 1}));  // "c" is passed over
  EXPECT_EQ(SeekOk(index, "e"), (BatchJournalLine{'e', 1}));  // asked again: same line
  EXPECT_EQ(SeekOk(index, "z"), std::nullopt);  // past the last entry
  EXPECT_EQ(SeekOk(index, "z"), std::nullopt);
}

TEST(BatchJournalIndexTest, SeekBelowThePreviousPathIsRefused) {
  BatchJournalIndex index({});
  ASSERT_TRUE(index.Add("a", {0, 1}).ok());
  ASSERT_TRUE(index.Finish().ok());
  EXPECT_EQ(SeekOk(index, "b"), std::nullopt);
  EXPECT_EQ(index.Seek("a").status().code(), StatusCode::kInternal);
}

TEST(BatchJournalIndexTest, PathsCompareByBytesAsTheInputList) {
  BatchJournalIndex index({});
  const std::string high = "\xe5\xb9\xb3";  // 平: bytes above ASCII sort last
  const std::string nul("a\0b", 3);
  ASSERT_TRUE(index.Add(high, {1, 1}).ok());
  ASSERT_TRUE(index.Add("a", {2, 1}).ok());
  ASSERT_TRUE(index.Add(nul, {3, 1}).ok());
  ASSERT_TRUE(index.Finish().ok());
  std::vector<std::string> paths;
  std::string path;
  BatchJournalLine line;
  while (*index.Next(path, line)) paths.push_back(path);
  EXPECT_EQ(paths, (std::vector<std::string>{"a", nul, high}));
}

TEST(BatchJournalIndexTest, NextListsEachPathOnceWithItsLatestLine) {
  BatchJournalIndex index({});
  ASSERT_TRUE(index.Add("b", {0, 1}).ok());
  ASSERT_TRUE(index.Add("a", {1, 1}).ok());
  ASSERT_TRUE(index.Add("b", {2, 1}).ok());
  ASSERT_TRUE(index.Finish().ok());
  std::map<std::string, uint64_t> seen;
  std::vector<std::string> order;
  std::string path;
  BatchJournalLine line;
  for (;;) {
    StatusOr<bool> more = index.Next(path, line);
    ASSERT_TRUE(more.ok());
    if (!*more) break;
    order.push_back(path);
    seen[path] = line.offset;
  }
  EXPECT_EQ(order, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(seen["b"], 2u);
  EXPECT_FALSE(*index.Next(path, line));  // stays at the end
}

// Many lines through a small budget: the sort spills runs to disk and
// merges them; the latest line of a path may be in any run.
TEST(BatchJournalIndexTest, SpilledRunsGiveTheSameLatestLines) {
  ExternalSortOptions sort;
  sort.memory_bytes = 4096;
  sort.fan_in = 3;
  BatchJournalIndex index(sort);
  std::map<std::string, BatchJournalLine> latest;
  for (uint64_t i = 0; i < 5000; ++i) {
    const std::string path = "dir/" + std::to_string((i * 7919) % 1300) + ".txt";
    const BatchJournalLine line{i * 100, 50 + i % 7};
    ASSERT_TRUE(index.Add(path, line).ok());
    latest[path] = line;
  }
  ASSERT_TRUE(index.Finish().ok());
  EXPECT_EQ(index.lines_added(), 5000u);
  for (const auto& [path, line] : latest) {
    EXPECT_EQ(SeekOk(index, path), line) << path;
    EXPECT_EQ(SeekOk(index, path + "~"), std::nullopt);  // between two entries
  }
}

}  // namespace
}  // namespace zfxxgk
