// Tests for pipeline/batch_collector.h: BatchSpillFile.
#include "pipeline/batch_collector.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/pipeline/batch_test_util.h"

namespace zfxxgk {
namespace {

using batch_test::TempDir;

TEST(BatchSpillFileTest, TextsReadBackByHandleBeyondTheBuffer) {
  TempDir dir;
  BatchSpillFile spill;
  ASSERT_TRUE(spill.Open(dir.path()).ok());
  std::vector<std::string> texts;
  for (int i = 0; i < 300; ++i) texts.push_back(std::string(7000 + i, static_cast<char>('a' + i % 26)));
  std::vector<uint64_t> handles;
  for (const std::string& t : texts) handles.push_back(spill.Append(t).value());
  for (size_t i = texts.size(); i-- > 0;) EXPECT_EQ(spill.Read(handles[i]).value(), texts[i]) << i;
}

TEST(BatchSpillFileTest, AppendAfterReadKeepsEveryText) {
  TempDir dir;
  BatchSpillFile spill;
  ASSERT_TRUE(spill.Open(dir.path()).ok());
  const uint64_t first = spill.Append("first").value();
  EXPECT_EQ(spill.Read(first).value(), "first");
  const uint64_t second = spill.Append("second").value();
  EXPECT_EQ(spill.Read(second).value(), "second");
  EXPECT_EQ(spill.Read(first).value(), "first");
}

TEST(BatchSpillFileTest, UnknownHandleIsUnreadable) {
  TempDir dir;
  BatchSpillFile spill;
  ASSERT_TRUE(spill.Open(dir.path()).ok());
  EXPECT_EQ(spill.Read(0).status().code(), StatusCode::kUnreadable);
}

}  // namespace
}  // namespace zfxxgk
