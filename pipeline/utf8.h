// UTF-8 scanning shared by the decoder, the normaliser, the HTML fast path
// and the batch's set records: eight-byte word predicates (the common ASCII
// runs tested at once) and one strict validator.
//
//   Utf8Scan scan = ScanUtf8(bytes);
//   if (!scan.valid) { /* not UTF-8 */ }
//   if (scan.non_ascii == 0) { /* pure ASCII */ }
//
// "Strict" is ICU's U8_NEXT: no overlong forms, surrogates or values above
// U+10FFFF, no truncated sequence; noncharacters are valid.
#ifndef ZFXXGK_PIPELINE_UTF8_H_
#define ZFXXGK_PIPELINE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace zfxxgk {

// The eight bytes at `p` as one word (any alignment).
inline uint64_t LoadWord(const void* p) {
  uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

inline constexpr uint64_t kWordOnes = 0x0101010101010101ULL;
inline constexpr uint64_t kWordHighBits = 0x8080808080808080ULL;

// Whether some byte of ASCII word `w` equals `b` (the classic bit trick;
// exact when no byte of `w` has its high bit set).
inline bool WordHasByte(uint64_t w, unsigned char b) {
  const uint64_t x = w ^ (kWordOnes * b);
  return ((x - kWordOnes) & ~x & kWordHighBits) != 0;
}

// Every byte below 0x80.
inline bool AsciiWord(uint64_t w) { return (w & kWordHighBits) == 0; }

// Every byte printable ASCII (0x20..0x7E).
inline bool PrintableAsciiWord(uint64_t w) {
  if (!AsciiWord(w)) return false;
  const uint64_t below_space = (w - kWordOnes * 0x20) & ~w & kWordHighBits;
  return below_space == 0 && !WordHasByte(w, 0x7F);
}

// Every byte ASCII, and none a control character, '"' or '\\': bytes a JSON
// string holds as they are.
inline bool PlainJsonAsciiWord(uint64_t w) {
  if (!AsciiWord(w)) return false;
  const uint64_t below_space = (w - kWordOnes * 0x20) & ~w & kWordHighBits;
  return below_space == 0 && !WordHasByte(w, '"') && !WordHasByte(w, '\\');
}

// The number of bytes of `w` that are control characters for binary
// sniffing: below 0x20 other than \t \n \v \f \r and ESC, and DEL. Exact per
// byte (no carry crosses a byte: each byte's low seven bits are added to at
// most 0x7F); bytes >= 0x80 never count.
inline int BinaryControlBytes(uint64_t w) {
  constexpr uint64_t kLow7 = ~kWordHighBits;
  const uint64_t low = w & kLow7;
  auto at_least = [low](unsigned k) { return (low + kWordOnes * (0x80 - k)) & kWordHighBits; };
  auto equal = [w](unsigned char b) {
    const uint64_t x = w ^ (kWordOnes * b);
    return ~(((x & kLow7) + kLow7) | x) & kWordHighBits;
  };
  const uint64_t below_space = ~w & kWordHighBits & ~at_least(0x20);
  const uint64_t white = at_least(0x09) & ~at_least(0x0E);  // \t \n \v \f \r
  const uint64_t controls = (below_space & ~white & ~equal(0x1B)) | equal(0x7F);
  return static_cast<int>(((controls >> 7) * kWordOnes) >> 56);
}

// The number of bytes of `s` that BinaryControlBytes counts: 16 at a time
// with SSE2 on x86-64, else eight at a time.
size_t CountBinaryControlBytes(std::string_view s);

struct Utf8Scan {
  bool valid = true;      // strict UTF-8 throughout
  size_t non_ascii = 0;   // code points >= U+0080 before the end or the first error
};

// The length (2 to 4) of the strict UTF-8 sequence at `p` (whose first byte
// is >= 0x80) within `avail` bytes; 0 when it is ill-formed or truncated.
size_t Utf8SequenceLength(const unsigned char* p, size_t avail);

// Scans `s` once: a leading ASCII run eight bytes at a time, then, when 16
// bytes or more are left and the CPU has SSSE3, 16 bytes at a time (Keiser
// and Lemire's lookup validator); else one character at a time. An
// ill-formed string is read again one character at a time from where the
// block scan started, to count `non_ascii` up to the error.
Utf8Scan ScanUtf8(std::string_view s);

// Whether `s` is strict UTF-8.
inline bool IsValidUtf8(std::string_view s) { return ScanUtf8(s).valid; }

// The number of bytes of `s` equal to `b` (a line count, a tag count),
// counted in a loop the compiler vectorises.
size_t CountByte(std::string_view s, char b);

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_UTF8_H_
