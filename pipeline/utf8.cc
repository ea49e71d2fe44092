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

Utf8Scan ScanUtf8(std::string_view s) {
  Utf8Scan scan;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int64_t n = static_cast<int64_t>(s.size());
  int64_t i = 0;
  while (i < n) {
    if (n - i >= 8 && AsciiWord(LoadWord(p + i))) {
      i += 8;
      continue;
    }
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    // The common three-byte CJK form (U+4000..U+9FFF) needs only the
    // continuation-byte check.
    if (p[i] >= 0xE4 && p[i] <= 0xE9 && n - i >= 3 && (p[i + 1] & 0xC0) == 0x80 &&
        (p[i + 2] & 0xC0) == 0x80) {
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
