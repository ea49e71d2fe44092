// Tests for pipeline/batch_worker.h: WriteFileAtomically.
#include "pipeline/batch_worker.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <string>

#include "tests/pipeline/batch_test_util.h"

namespace zfxxgk {
namespace {

namespace fs = std::filesystem;
using batch_test::ReadFile;
using batch_test::TempDir;

size_t EntriesIn(const std::string& dir) {
  size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

TEST(WriteFileAtomicallyTest, WritesTheBytesUnderTheNameAndNothingElse) {
  TempDir dir;
  std::atomic<uint64_t> counter{0};
  ASSERT_TRUE(WriteFileAtomically(dir.path(), "r.json", "{\"a\":1}\n", false, counter).ok());
  EXPECT_EQ(ReadFile(dir.path() + "/r.json"), "{\"a\":1}\n");
  EXPECT_EQ(EntriesIn(dir.path()), 1u);
}

TEST(WriteFileAtomicallyTest, ReplacesAnExistingFileAndLeavesNoTemporary) {
  TempDir dir;
  dir.Write("r.json", "{\"old\":tru");
  std::atomic<uint64_t> counter{0};
  ASSERT_TRUE(WriteFileAtomically(dir.path(), "r.json", "{\"new\":1}\n", false, counter).ok());
  EXPECT_EQ(ReadFile(dir.path() + "/r.json"), "{\"new\":1}\n");
  EXPECT_EQ(EntriesIn(dir.path()), 1u);
}

TEST(WriteFileAtomicallyTest, DurableWriteGivesTheSameFile) {
  TempDir dir;
  std::atomic<uint64_t> counter{0};
  ASSERT_TRUE(WriteFileAtomically(dir.path(), "r.json", "{}\n", true, counter).ok());
  EXPECT_EQ(ReadFile(dir.path() + "/r.json"), "{}\n");
  EXPECT_EQ(EntriesIn(dir.path()), 1u);
}

TEST(WriteFileAtomicallyTest, MissingDirectoryIsUnreadable) {
  TempDir dir;
  std::atomic<uint64_t> counter{0};
  Status s = WriteFileAtomically(dir.path() + "/no/such", "r.json", "{}\n", false, counter);
  EXPECT_EQ(s.code(), StatusCode::kUnreadable);
}

}  // namespace
}  // namespace zfxxgk
