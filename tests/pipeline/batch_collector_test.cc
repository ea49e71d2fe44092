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

TEST(BatchSpillFileTest, ATextLargerThanTheBufferKeepsItsPlace) {
  TempDir dir;
  BatchSpillFile spill;
  ASSERT_TRUE(spill.Open(dir.path()).ok());
  const std::string big(3u << 20, 'b');  // past the 1 MiB buffer: written straight through
  const uint64_t a = spill.Append("before").value();
  const uint64_t b = spill.Append(big).value();
  const uint64_t c = spill.Append("after").value();
  EXPECT_EQ(b, a + 6);
  EXPECT_EQ(c, b + big.size());
  EXPECT_EQ(spill.Read(c, 5).value(), "after");
  EXPECT_EQ(spill.Read(b, big.size()).value(), big);
  EXPECT_EQ(spill.Read(a, 6).value(), "before");
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
