#include "pipeline/string_spill.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace zfxxgk {
namespace {

std::vector<std::string> Paths(size_t n) {
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) out.push_back("archive/县" + std::to_string(i) + "/2021.html");
  return out;
}

std::vector<std::string> ReadAllOk(const StringSpill& spill) {
  StatusOr<std::vector<std::string>> all = spill.ReadAll();
  EXPECT_TRUE(all.ok()) << all.status().ToString();
  return all.ok() ? *all : std::vector<std::string>{};
}

TEST(StringSpillTest, UnderTheBudgetNothingIsWritten) {
  StringSpill spill;
  for (const std::string& p : Paths(100)) ASSERT_TRUE(spill.Add(p).ok());
  EXPECT_FALSE(spill.spilled());
  EXPECT_EQ(spill.size(), 100u);
  EXPECT_EQ(ReadAllOk(spill), Paths(100));
}

// A small budget and a list much longer than one read chunk (64 KiB): the
// records cross chunk boundaries, and the last ones are still in memory.
TEST(StringSpillTest, OverTheBudgetComesBackInOrder) {
  StringSpill spill(/*memory_bytes=*/1000);
  const std::vector<std::string> paths = Paths(20000);
  for (const std::string& p : paths) ASSERT_TRUE(spill.Add(p).ok());
  EXPECT_TRUE(spill.spilled());
  EXPECT_EQ(ReadAllOk(spill), paths);
}

TEST(StringSpillTest, EmptyAndLongStringsRoundTrip) {
  StringSpill spill(/*memory_bytes=*/10);
  const std::vector<std::string> strings = {"", std::string(200000, 'x'), "", "a"};
  for (const std::string& s : strings) ASSERT_TRUE(spill.Add(s).ok());
  EXPECT_EQ(ReadAllOk(spill), strings);
}

TEST(StringSpillTest, ForEachStopsAtTheVisitorsError) {
  StringSpill spill(/*memory_bytes=*/100);
  for (const std::string& p : Paths(50)) ASSERT_TRUE(spill.Add(p).ok());
  int seen = 0;
  Status s = spill.ForEach([&](std::string_view) {
    return ++seen == 3 ? Status(StatusCode::kInternal, "stop") : OkStatus();
  });
  EXPECT_EQ(s.code(), StatusCode::kInternal);
  EXPECT_EQ(seen, 3);
}

TEST(StringSpillTest, MovedListKeepsItsFile) {
  StringSpill spill(/*memory_bytes=*/100);
  for (const std::string& p : Paths(50)) ASSERT_TRUE(spill.Add(p).ok());
  StringSpill moved = std::move(spill);
  EXPECT_EQ(moved.size(), 50u);
  EXPECT_EQ(ReadAllOk(moved), Paths(50));
}

TEST(StringSpillTest, AnUncreatableFileIsAnError) {
  StringSpill spill(/*memory_bytes=*/10, "/nonexistent/dir");
  EXPECT_EQ(spill.Add(std::string(20, 'x')).code(), StatusCode::kUnreadable);
}

}  // namespace
}  // namespace zfxxgk
