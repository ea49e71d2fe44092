// Tests for pipeline/fd_io.h.
#include "pipeline/fd_io.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <string>

#include "pipeline/temp_file.h"

namespace zfxxgk {
namespace {

TEST(FdIoTest, WrittenBytesReadBackAtTheirOffsets) {
  const int fd = CreateUnlinkedTempFile("", "zfxxgk-fdio").value();
  const std::string big(200000, 'x');
  ASSERT_TRUE(WriteAll(fd, "head:"));
  ASSERT_TRUE(PwriteAll(fd, big, 5));
  ASSERT_TRUE(PwriteAll(fd, "tail", 5 + big.size()));
  std::string back(4, '\0');
  EXPECT_TRUE(PreadAll(fd, back.data(), 4, 5 + big.size()));
  EXPECT_EQ(back, "tail");
  std::string all(5 + big.size() + 4, '\0');
  EXPECT_TRUE(PreadAll(fd, all.data(), all.size(), 0));
  EXPECT_EQ(all, "head:" + big + "tail");
  ::close(fd);
}

TEST(FdIoTest, ReadPastTheEndFails) {
  const int fd = CreateUnlinkedTempFile("", "zfxxgk-fdio").value();
  ASSERT_TRUE(WriteAll(fd, "abc"));
  char buf[4];
  EXPECT_FALSE(PreadAll(fd, buf, 4, 0));
  EXPECT_TRUE(PreadAll(fd, buf, 3, 0));
  ::close(fd);
}

TEST(FdIoTest, WriteToAClosedDescriptorFails) {
  const int fd = CreateUnlinkedTempFile("", "zfxxgk-fdio").value();
  ::close(fd);
  EXPECT_FALSE(WriteAll(fd, "abc"));
}

}  // namespace
}  // namespace zfxxgk
