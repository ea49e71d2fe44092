#include "pipeline/temp_file.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace zfxxgk {
namespace {

TEST(TempFileTest, AppendsAreReadBackAtTheirOffsets) {
  TempFile file;
  ASSERT_FALSE(file.is_open());
  ASSERT_TRUE(file.Open("", "zfxxgk-test").ok());
  ASSERT_TRUE(file.Append("甲市2021").ok());
  ASSERT_TRUE(file.Append("|乙县").ok());
  EXPECT_EQ(file.size(), std::string("甲市2021|乙县").size());
  std::string out = "kept:";
  StatusOr<size_t> got = file.Read(std::string("甲市2021").size(), 7, out);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(*got, 7u);
  EXPECT_EQ(out, "kept:|乙县");
}

TEST(TempFileTest, AReadPastTheEndReturnsWhatThereIs) {
  TempFile file;
  ASSERT_TRUE(file.Open("", "zfxxgk-test").ok());
  ASSERT_TRUE(file.Append("abc").ok());
  std::string out;
  StatusOr<size_t> got = file.Read(1, 100, out);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(*got, 2u);
  EXPECT_EQ(out, "bc");
  got = file.Read(3, 10, out);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(*got, 0u);
  EXPECT_EQ(out, "bc");
}

TEST(TempFileTest, AMovedFileKeepsItsBytesAndTheSourceIsClosed) {
  TempFile file;
  ASSERT_TRUE(file.Open("", "zfxxgk-test").ok());
  ASSERT_TRUE(file.Append("report").ok());
  TempFile moved = std::move(file);
  EXPECT_FALSE(file.is_open());  // NOLINT(bugprone-use-after-move): the contract
  EXPECT_EQ(moved.size(), 6u);
  std::string out;
  ASSERT_TRUE(moved.Read(0, 6, out).ok());
  EXPECT_EQ(out, "report");
}

TEST(TempFileTest, ADirectoryThatDoesNotExistIsUnreadable) {
  TempFile file;
  Status s = file.Open("/nonexistent-zfxxgk-dir", "zfxxgk-test");
  EXPECT_EQ(s.code(), StatusCode::kUnreadable);
  EXPECT_FALSE(file.is_open());
}

}  // namespace
}  // namespace zfxxgk
