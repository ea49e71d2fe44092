// Tests for pipeline/fd_io.h.
#include "pipeline/fd_io.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <thread>

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

TEST(FdIoTest, APairIsWrittenAsTheTwoPartsInOrder) {
  const int fd = CreateUnlinkedTempFile("", "zfxxgk-fdio").value();
  ASSERT_TRUE(WriteAll(fd, "line", "\n"));
  ASSERT_TRUE(WriteAll(fd, "no newline", ""));
  std::string back(15, '\0');
  EXPECT_TRUE(PreadAll(fd, back.data(), back.size(), 0));
  EXPECT_EQ(back, "line\nno newline");
  ::close(fd);
}

TEST(FdIoTest, APairLargerThanAPipeArrivesWhole) {
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  const std::string big(300000, 'y');  // several times the pipe's buffer
  std::string got;
  std::thread reader([&] {
    char buf[8192];
    ssize_t n;
    while ((n = ::read(pipe_fds[0], buf, sizeof buf)) > 0) got.append(buf, static_cast<size_t>(n));
  });
  const bool written = WriteAll(pipe_fds[1], big, "\n");
  ::close(pipe_fds[1]);
  reader.join();
  ::close(pipe_fds[0]);
  EXPECT_TRUE(written);
  EXPECT_EQ(got, big + "\n");
}

TEST(FdIoTest, WriteToAClosedDescriptorFails) {
  const int fd = CreateUnlinkedTempFile("", "zfxxgk-fdio").value();
  ::close(fd);
  EXPECT_FALSE(WriteAll(fd, "abc"));
  EXPECT_FALSE(WriteAll(fd, "abc", "\n"));
}

}  // namespace
}  // namespace zfxxgk
