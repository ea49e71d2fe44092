// Tests for pipeline/batch_worker.h: ReadInputBounded/Into, WriteFileAtomically.
#include "pipeline/batch_worker.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <thread>

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

TEST(ReadInputBoundedTest, ReadsAWholeFile) {
  TempDir dir;
  const std::string bytes = std::string(200000, 'x') + "end";  // several reads' worth
  dir.Write("in.txt", bytes);
  dir.Write("empty.txt", "");
  StatusOr<std::string> read = ReadInputBounded(dir.path() + "/in.txt", 1 << 20);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(*read, bytes);
  StatusOr<std::string> empty = ReadInputBounded(dir.path() + "/empty.txt", 1 << 20);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(*empty, "");
}

TEST(ReadInputBoundedTest, StopsOneByteAfterTheLimit) {
  TempDir dir;
  dir.Write("in.txt", "0123456789");
  StatusOr<std::string> read = ReadInputBounded(dir.path() + "/in.txt", 4);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(*read, "01234");
}

TEST(ReadInputIntoTest, ReplacesTheContentsOfAReusedString) {
  TempDir dir;
  dir.Write("big.txt", std::string(100000, 'b'));
  dir.Write("small.txt", "small");
  std::string buffer = "old contents";
  ASSERT_TRUE(ReadInputInto(dir.path() + "/big.txt", 1 << 20, buffer).ok());
  EXPECT_EQ(buffer, std::string(100000, 'b'));
  ASSERT_TRUE(ReadInputInto(dir.path() + "/small.txt", 1 << 20, buffer).ok());
  EXPECT_EQ(buffer, "small");
  EXPECT_EQ(ReadInputInto(dir.path() + "/none.txt", 1 << 20, buffer).code(),
            StatusCode::kNotFound);
}

// A pipe has no size to go by: read to its end, across several reads.
TEST(ReadInputBoundedTest, ReadsAPipeToItsEnd) {
  TempDir dir;
  const std::string fifo = dir.path() + "/fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const std::string bytes(300000, 'p');
  std::thread writer([&] { dir.Write("fifo", bytes); });
  StatusOr<std::string> read = ReadInputBounded(fifo, 1 << 20);
  writer.join();
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(*read, bytes);
}

TEST(ReadInputBoundedTest, MissingFileIsNotFoundAndDirectoryUnreadable) {
  TempDir dir;
  EXPECT_EQ(ReadInputBounded(dir.path() + "/none", 10).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ReadInputBounded(dir.path(), 10).status().code(), StatusCode::kUnreadable);
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
