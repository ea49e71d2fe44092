#include "pipeline/utf8.h"

#include <unicode/utf8.h>

namespace zfxxgk {

size_t Utf8SequenceLength(const unsigned char* p, size_t avail) {
  const int32_t n = static_cast<int32_t>(avail < 4 ? avail : 4);
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(p, i, n, c);
  return c < 0 ? 0 : static_cast<size_t>(i);
}

// The ASCII word test is tried only at an ASCII byte, so a run of CJK costs
// only its own three-byte checks.
Utf8Scan ScanUtf8(std::string_view s) {
  Utf8Scan scan;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int64_t n = static_cast<int64_t>(s.size());
  int64_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      i += (n - i >= 8 && AsciiWord(LoadWord(p + i))) ? 8 : 1;
      continue;
    }
    // The common three-byte CJK form (U+4000..U+9FFF) needs only the
    // continuation-byte check.
    if (static_cast<uint8_t>(p[i] - 0xE4) <= 0xE9 - 0xE4 && n - i >= 3 &&
        ((p[i + 1] & 0xC0) | ((p[i + 2] & 0xC0) >> 4)) == 0x88) {
      i += 3;
      ++scan.non_ascii;
      continue;
    }
    const size_t len = Utf8SequenceLength(p + i, static_cast<size_t>(n - i));
    if (len == 0) {
      scan.valid = false;
      return scan;
    }
    i += static_cast<int64_t>(len);
    ++scan.non_ascii;
  }
  return scan;
}

}  // namespace zfxxgk
