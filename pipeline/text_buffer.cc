#include "pipeline/text_buffer.h"

#include <algorithm>

namespace zfxxgk {

void TextBuffer::Grow(size_t n) {
  const size_t want = size_ + n;
  if (want > out_.capacity()) {
    out_.resize(std::max({want, 2 * out_.capacity(), size_t{256}}));
  } else {
    out_.resize(std::min(out_.capacity(), std::max(want, out_.size() + out_.size() / 4)));
  }
}

}  // namespace zfxxgk
