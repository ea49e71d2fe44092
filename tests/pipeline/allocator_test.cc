#include "pipeline/allocator.h"

#include <gtest/gtest.h>

namespace zfxxgk {
namespace {

TEST(AllocatorTest, CapIsTwoMebibytesPerWorkerAndAtLeastFour) {
  EXPECT_EQ(ThreadCacheCap(0), size_t{4} << 20);
  EXPECT_EQ(ThreadCacheCap(1), size_t{4} << 20);
  EXPECT_EQ(ThreadCacheCap(2), size_t{4} << 20);
  EXPECT_EQ(ThreadCacheCap(8), size_t{16} << 20);
}

// The test binary allocates through glibc (tcmalloc is linked into the CLI
// only): there is nothing to set.
TEST(AllocatorTest, WithoutTcmallocNothingIsSet) {
  EXPECT_FALSE(CapThreadCaches(size_t{4} << 20));
}

}  // namespace
}  // namespace zfxxgk
