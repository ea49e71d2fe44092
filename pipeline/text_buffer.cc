#include "pipeline/text_buffer.h"

#include <algorithm>

namespace zfxxgk {

void TextBuffer::Grow(size_t n) {
  out_.resize(std::max({size_ + n, 2 * out_.size(), size_t{256}}));
}

}  // namespace zfxxgk
