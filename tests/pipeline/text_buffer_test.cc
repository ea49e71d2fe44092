// Tests for pipeline/text_buffer.h.
#include "pipeline/text_buffer.h"

#include <gtest/gtest.h>

#include <charconv>
#include <string>

namespace zfxxgk {
namespace {

TEST(TextBufferTest, WritesThroughRoomAndPut) {
  TextBuffer b;
  char* p = b.Room(24);
  b.SetEnd(std::to_chars(p, p + 24, 42).ptr);
  b.Put(';');
  b.Put(std::string_view("ok"));
  EXPECT_EQ(b.size(), 5u);
  EXPECT_EQ(b.Take(), "42;ok");
  EXPECT_EQ(b.size(), 0u);
}

TEST(TextBufferTest, GrowsPastItsFirstSizeKeepingTheText) {
  TextBuffer b;
  std::string expected;
  for (int i = 0; i < 1000; ++i) {
    b.Put(static_cast<char>('a' + i % 26));
    expected.push_back(static_cast<char>('a' + i % 26));
  }
  EXPECT_EQ(b.Take(), expected);
}

TEST(TextBufferTest, TruncateDropsTheTail) {
  TextBuffer b;
  b.Put(std::string_view("\"abc"));
  b.Truncate(1);
  b.Put('x');
  EXPECT_EQ(b.Take(), "\"x");
}

TEST(TextBufferTest, ReusesTheStorageItIsGivenAndDropsItsText) {
  std::string storage(4096, 'z');
  const char* memory = storage.data();
  TextBuffer b(std::move(storage));
  b.Put(std::string_view("new"));
  std::string text = b.Take();
  EXPECT_EQ(text, "new");
  EXPECT_EQ(text.data(), memory);
}

}  // namespace
}  // namespace zfxxgk
