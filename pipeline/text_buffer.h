// A string written at its end through a pointer: the writer asks for room,
// writes the bytes, then says where they end. The string is resized in steps
// ahead of the text, so a field costs no capacity check and memcpy call of
// std::string::append per piece (JsonWriter, the batch's set records).
//
//   TextBuffer b;
//   char* p = b.Room(24);
//   b.SetEnd(std::to_chars(p, p + 24, 42).ptr);
//   b.Put(';');
//   std::string text = b.Take();  // "42;"
//
// Not thread-safe; never throws (std::bad_alloc aside).
#ifndef ZFXXGK_PIPELINE_TEXT_BUFFER_H_
#define ZFXXGK_PIPELINE_TEXT_BUFFER_H_

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

namespace zfxxgk {

class TextBuffer {
 public:
  TextBuffer() = default;
  // Writes into `storage`'s memory (its capacity is reused); its contents
  // are discarded. Its bytes are written over, not cleared first: a buffer
  // reused for texts of about one length is not zero-filled again.
  explicit TextBuffer(std::string storage) : out_(std::move(storage)) {}

  // Room for `n` more bytes after the text; returns where they go. The
  // pointer is valid until the next call that may grow the buffer.
  char* Room(size_t n) {
    if (n > out_.size() - size_) Grow(n);
    return out_.data() + size_;
  }
  // The text now ends at `end` (a pointer into the last Room).
  void SetEnd(const char* end) { size_ = static_cast<size_t>(end - out_.data()); }
  void Advance(size_t n) { size_ += n; }

  void Put(char c) {
    *Room(1) = c;
    ++size_;
  }
  void Put(std::string_view s) {
    std::memcpy(Room(s.size()), s.data(), s.size());
    size_ += s.size();
  }

  size_t size() const { return size_; }
  // Drops the text after its first `n` bytes. REQUIRES: n <= size().
  void Truncate(size_t n) { size_ = n; }

  // The text; the buffer is empty afterwards.
  std::string Take() {
    out_.resize(size_);
    size_ = 0;
    return std::move(out_);
  }

 private:
  // Out of line: the rare path stays out of every Put. Within the string's
  // capacity it grows in quarter steps (each step is zero-filled), past it
  // it doubles.
  void Grow(size_t n);

  std::string out_;  // the text is out_[0, size_); the rest is room
  size_t size_ = 0;
};

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_TEXT_BUFFER_H_
