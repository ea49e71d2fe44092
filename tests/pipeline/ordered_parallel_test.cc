#include "pipeline/ordered_parallel.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace zfxxgk {
namespace {

// Items 0..n-1 read in order.
OrderedParallel<int, int>::Next Counter(int n) {
  auto next_item = std::make_shared<int>(0);
  return [n, next_item](int& item) -> StatusOr<bool> {
    if (*next_item >= n) return false;
    item = (*next_item)++;
    return true;
  };
}

TEST(OrderedParallelConcurrentTest, CommitsInReadOrderWhateverTheComputeTimes) {
  std::vector<std::pair<int, int>> committed;
  Status s = RunOrdered<int, int>(
      4, 8, Counter(300),
      [](int& i) -> StatusOr<int> {
        std::this_thread::sleep_for(std::chrono::microseconds((300 - i) % 13 * 50));
        return i * i;
      },
      [&](int& i, int& square) {
        committed.emplace_back(i, square);
        return OkStatus();
      });
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(committed.size(), 300u);
  for (int i = 0; i < 300; ++i) EXPECT_EQ(committed[i], std::make_pair(i, i * i));
}

TEST(OrderedParallelConcurrentTest, TwoThreadsComputeAtOnce) {
  std::atomic<int> started{0};
  std::atomic<bool> overlapped{false};
  Status s = RunOrdered<int, int>(
      2, 2, Counter(2),
      [&](int& i) -> StatusOr<int> {
        ++started;
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (started < 2 && std::chrono::steady_clock::now() < until) std::this_thread::yield();
        if (started == 2) overlapped = true;
        return i;
      },
      [](int&, int&) { return OkStatus(); });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_TRUE(overlapped);
}

TEST(OrderedParallelConcurrentTest, OneThreadRunsEverythingOnTheCaller) {
  const std::thread::id caller = std::this_thread::get_id();
  std::vector<std::thread::id> seen;
  Status s = RunOrdered<int, int>(
      1, 4, Counter(5),
      [&](int& i) -> StatusOr<int> {
        seen.push_back(std::this_thread::get_id());
        return i;
      },
      [&](int&, int&) {
        seen.push_back(std::this_thread::get_id());
        return OkStatus();
      });
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(seen.size(), 10u);
  for (const std::thread::id& id : seen) EXPECT_EQ(id, caller);
}

TEST(OrderedParallelConcurrentTest, ItemsHeldAreBoundedWhileTheFirstIsSlow) {
  std::atomic<int> read{0}, committed{0}, most_held{0};
  auto counter = Counter(200);
  Status s = RunOrdered<int, int>(
      3, 2,
      [&](int& item) -> StatusOr<bool> {
        StatusOr<bool> more = counter(item);
        if (more.ok() && *more) {
          const int held = ++read - committed;
          most_held = std::max(most_held.load(), held);
        }
        return more;
      },
      [](int& i) -> StatusOr<int> {
        if (i == 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        return i;
      },
      [&](int&, int&) {
        ++committed;
        return OkStatus();
      });
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(committed, 200);
  EXPECT_LE(most_held, 2 + 3);  // max_waiting + threads
}

TEST(OrderedParallelConcurrentTest, ACommitErrorStopsTheLoopAndIsReturned) {
  std::vector<int> committed;
  Status s = RunOrdered<int, int>(
      2, 2, Counter(1000), [](int& i) -> StatusOr<int> { return i; },
      [&](int& i, int&) {
        if (i == 5) return Status(StatusCode::kUnreadable, "sink full");
        committed.push_back(i);
        return OkStatus();
      });
  EXPECT_EQ(s.code(), StatusCode::kUnreadable);
  EXPECT_EQ(s.message(), "sink full");
  EXPECT_EQ(committed, (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST(OrderedParallelConcurrentTest, AComputeErrorIsReturnedAndLaterItemsAreNotCommitted) {
  std::vector<int> committed;
  Status s = RunOrdered<int, int>(
      2, 2, Counter(1000),
      [](int& i) -> StatusOr<int> {
        if (i == 7) return Status(StatusCode::kUnreadable, "record 7 unreadable");
        return i;
      },
      [&](int& i, int&) {
        committed.push_back(i);
        return OkStatus();
      });
  EXPECT_EQ(s.code(), StatusCode::kUnreadable);
  for (int i : committed) EXPECT_LT(i, 7);
}

TEST(OrderedParallelConcurrentTest, AComputeExceptionBecomesAnInternalStatus) {
  Status s = RunOrdered<int, int>(
      2, 2, Counter(10),
      [](int& i) -> StatusOr<int> {
        if (i == 3) throw std::runtime_error("out of memory");
        return i;
      },
      [](int&, int&) { return OkStatus(); });
  EXPECT_EQ(s.code(), StatusCode::kInternal);
  EXPECT_NE(s.message().find("out of memory"), std::string::npos);
}

TEST(OrderedParallelConcurrentTest, AReadErrorIsReturned) {
  Status s = RunOrdered<int, int>(
      2, 2, [](int&) -> StatusOr<bool> { return Status(StatusCode::kUnreadable, "sort file"); },
      [](int& i) -> StatusOr<int> { return i; }, [](int&, int&) { return OkStatus(); });
  EXPECT_EQ(s.code(), StatusCode::kUnreadable);
}

}  // namespace
}  // namespace zfxxgk
