// Tests for pipeline/batch_collector.h: BatchSpillFile.
#include "pipeline/batch_collector.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/pipeline/batch_test_util.h"

namespace zfxxgk {
namespace {

using batch_test::TempDir;

TEST(BatchSpillFileTest, TextsReadBackByOffsetBeyondTheBuffer) {
  TempDir dir;
  BatchSpillFile spill;
  ASSERT_TRUE(spill.Open(dir.path()).ok());
  std::vector<std::string> texts;
  for (int i = 0; i < 300; ++i) texts.push_back(std::string(7000 + i, static_cast<char>('a' + i % 26)));
  std::vector<uint64_t> offsets;
  for (const std::string& t : texts) offsets.push_back(spill.Append(t).value());
  for (size_t i = texts.size(); i-- > 0;) {
    EXPECT_EQ(spill.Read(offsets[i], texts[i].size()).value(), texts[i]) << i;
  }
}

TEST(BatchSpillFileTest, AppendAfterReadKeepsEveryText) {
  TempDir dir;
  BatchSpillFile spill;
  ASSERT_TRUE(spill.Open(dir.path()).ok());
  const uint64_t first = spill.Append("first").value();
  EXPECT_EQ(spill.Read(first, 5).value(), "first");
  const uint64_t second = spill.Append("second").value();
  EXPECT_EQ(spill.Read(second, 6).value(), "second");
  EXPECT_EQ(spill.Read(first, 5).value(), "first");
}

TEST(BatchSpillFileTest, ReadPastTheEndIsUnreadable) {
  TempDir dir;
  BatchSpillFile spill;
  ASSERT_TRUE(spill.Open(dir.path()).ok());
  ASSERT_TRUE(spill.Append("abc").ok());
  EXPECT_EQ(spill.Read(1, 3).status().code(), StatusCode::kUnreadable);
}

}  // namespace
}  // namespace zfxxgk
