#include "pipeline/utf8.h"

#include <unicode/utf8.h>

#include <algorithm>

#if defined(__x86_64__) && defined(__GNUC__)
#include <cpuid.h>
#include <immintrin.h>
#define ZFXXGK_UTF8_X86 1
#endif

namespace zfxxgk {
namespace {

// The ASCII word test is tried only at an ASCII byte, so a run of CJK costs
// only its own three-byte checks.
Utf8Scan ScanOneByOne(const uint8_t* p, int64_t n) {
  Utf8Scan scan;
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

#ifdef ZFXXGK_UTF8_X86
bool HasSsse3AndPopcnt() {
  unsigned a = 0, b = 0, c = 0, d = 0;
  if (!__get_cpuid(1, &a, &b, &c, &d)) return false;
  return (c & bit_SSSE3) != 0 && (c & bit_POPCNT) != 0;
}

// The error classes of a byte pair (previous byte, byte) in Keiser and
// Lemire's validator ("Validating UTF-8 in less than one instruction per
// byte", 2021, as in simdjson and simdutf): three 16-entry tables indexed by
// the previous byte's high and low nibble and the byte's high nibble; a pair
// is ill-formed when one class is in all three.
constexpr uint8_t kTooShort = 1 << 0;   // lead or ASCII, then lead or ASCII after a lead
constexpr uint8_t kTooLong = 1 << 1;    // ASCII, then continuation
constexpr uint8_t kOverlong3 = 1 << 2;  // E0 80..9F
constexpr uint8_t kTooLarge = 1 << 3;   // F4 90..BF, F5..FF
constexpr uint8_t kSurrogate = 1 << 4;  // ED A0..BF
constexpr uint8_t kOverlong2 = 1 << 5;  // C0, C1
constexpr uint8_t kTooLarge1000 = 1 << 6;  // F5..FF 80..8F
constexpr uint8_t kOverlong4 = 1 << 6;     // F0 80..8F
constexpr uint8_t kTwoConts = 1 << 7;   // continuation, then continuation
constexpr uint8_t kCarry = kTooShort | kTooLong | kTwoConts;

struct SimdState {
  __m128i prev = _mm_setzero_si128();        // the previous 16 bytes
  __m128i incomplete = _mm_setzero_si128();  // they end inside a sequence
  __m128i error = _mm_setzero_si128();
  size_t leads = 0;                          // bytes C0..FF: code points >= U+0080
};

__attribute__((target("ssse3"))) __m128i Lookup(__m128i table, __m128i nibbles) {
  return _mm_shuffle_epi8(table, nibbles);
}

// Errors in the byte pairs ending in `in` (the first pair's previous byte is
// the last of `prev`).
__attribute__((target("ssse3"))) __m128i PairErrors(__m128i in, __m128i prev1) {
  const __m128i low4 = _mm_set1_epi8(0x0F);
  const __m128i byte1_high = Lookup(
      _mm_setr_epi8(kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong,
                    kTooLong, kTwoConts, kTwoConts, kTwoConts, kTwoConts,
                    kTooShort | kOverlong2, kTooShort, kTooShort | kOverlong3 | kSurrogate,
                    static_cast<char>(kTooShort | kTooLarge | kTooLarge1000 | kOverlong4)),
      _mm_and_si128(_mm_srli_epi16(prev1, 4), low4));
  constexpr char kLarge = static_cast<char>(kCarry | kTooLarge | kTooLarge1000);
  const __m128i byte1_low = Lookup(
      _mm_setr_epi8(static_cast<char>(kCarry | kOverlong3 | kOverlong2 | kOverlong4),
                    static_cast<char>(kCarry | kOverlong2), static_cast<char>(kCarry),
                    static_cast<char>(kCarry), static_cast<char>(kCarry | kTooLarge), kLarge,
                    kLarge, kLarge, kLarge, kLarge, kLarge, kLarge, kLarge,
                    static_cast<char>(kCarry | kTooLarge | kTooLarge1000 | kSurrogate), kLarge,
                    kLarge),
      _mm_and_si128(prev1, low4));
  constexpr char kCont = static_cast<char>(kTooLong | kOverlong2 | kTwoConts);
  const __m128i byte2_high = Lookup(
      _mm_setr_epi8(kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort,
                    kTooShort, kTooShort,
                    static_cast<char>(kCont | kOverlong3 | kTooLarge1000 | kOverlong4),
                    static_cast<char>(kCont | kOverlong3 | kTooLarge),
                    static_cast<char>(kCont | kSurrogate | kTooLarge),
                    static_cast<char>(kCont | kSurrogate | kTooLarge), kTooShort, kTooShort,
                    kTooShort, kTooShort),
      _mm_and_si128(_mm_srli_epi16(in, 4), low4));
  return _mm_and_si128(_mm_and_si128(byte1_high, byte1_low), byte2_high);
}

// Checks the 16 bytes `in` that follow state.prev.
__attribute__((target("ssse3,popcnt"))) void ScanBlock(__m128i in, SimdState& state) {
  const int high = _mm_movemask_epi8(in);
  if (high == 0) {  // ASCII: only a sequence cut off before it is an error
    state.error = _mm_or_si128(state.error, state.incomplete);
    state.incomplete = _mm_setzero_si128();
    state.prev = in;
    return;
  }
  const int leads = high & _mm_movemask_epi8(_mm_cmpgt_epi8(in, _mm_set1_epi8(-65)));
  state.leads += static_cast<size_t>(_mm_popcnt_u32(static_cast<unsigned>(leads)));
  const __m128i prev1 = _mm_alignr_epi8(in, state.prev, 15);
  const __m128i prev2 = _mm_alignr_epi8(in, state.prev, 14);
  const __m128i prev3 = _mm_alignr_epi8(in, state.prev, 13);
  // Third and fourth bytes of a sequence must be continuations (and only
  // they, with the second bytes the pair table covers).
  const __m128i third = _mm_subs_epu8(prev2, _mm_set1_epi8(static_cast<char>(0xE0 - 0x80)));
  const __m128i fourth = _mm_subs_epu8(prev3, _mm_set1_epi8(static_cast<char>(0xF0 - 0x80)));
  const __m128i must_continue =
      _mm_and_si128(_mm_or_si128(third, fourth), _mm_set1_epi8(static_cast<char>(0x80)));
  state.error = _mm_or_si128(state.error,
                             _mm_xor_si128(must_continue, PairErrors(in, prev1)));
  // A lead in the last three bytes whose sequence goes past them.
  const __m128i max = _mm_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                                    static_cast<char>(0xF0 - 1), static_cast<char>(0xE0 - 1),
                                    static_cast<char>(0xC0 - 1));
  state.incomplete = _mm_subs_epu8(in, max);
  state.prev = in;
}

// The last `r` (0 to 15) of the 16 bytes at `end - 16` moved to the front
// of a block and followed by NULs (pshufb with a sliding window of this
// table: index bytes with the high bit set give 0).
__attribute__((target("ssse3"))) __m128i TailBlock(const uint8_t* end, size_t r) {
  alignas(16) static constexpr uint8_t kWindow[32] = {
      0,    1,    2,    3,    4,    5,    6,    7,    8,    9,    10,   11,   12,   13,   14,   15,
      0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80};
  const __m128i last = _mm_loadu_si128(reinterpret_cast<const __m128i*>(end - 16));
  return _mm_shuffle_epi8(last, _mm_loadu_si128(reinterpret_cast<const __m128i*>(kWindow + 16 - r)));
}

// Whether `n` (>= 16) bytes at `p`, which start a character, are strict
// UTF-8, 16 at a time; *leads is their number of code points >= U+0080
// when they are.
__attribute__((target("ssse3,popcnt"))) bool ValidBySsse3(const uint8_t* p, size_t n,
                                                         size_t* leads) {
  SimdState state;
  size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    ScanBlock(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)), state);
  }
  // The rest followed by NULs (ASCII), so a sequence cut off by the end is
  // too short; a whole block of NULs when nothing is left.
  ScanBlock(TailBlock(p + n, n - i), state);
  *leads = state.leads;
  return _mm_movemask_epi8(_mm_cmpeq_epi8(state.error, _mm_setzero_si128())) == 0xFFFF;
}
#endif  // ZFXXGK_UTF8_X86

#ifdef ZFXXGK_UTF8_X86
// SSE2 is part of x86-64: no CPU check. Each byte's flag (0xFF) is
// subtracted from a byte counter, summed (psadbw) every 255 blocks.
size_t CountBinaryControlBlocks(const uint8_t* p, size_t blocks) {
  const __m128i zero = _mm_setzero_si128();
  size_t total = 0;
  while (blocks > 0) {
    const size_t run = std::min<size_t>(blocks, 255);
    __m128i counts = zero;
    for (size_t k = 0; k < run; ++k, p += 16) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const __m128i max1f = _mm_set1_epi8(0x1F);
      const __m128i below_space = _mm_cmpeq_epi8(_mm_max_epu8(x, max1f), max1f);
      const __m128i off9 = _mm_sub_epi8(x, _mm_set1_epi8(0x09));  // \t..\r: 0..4
      const __m128i white = _mm_cmpeq_epi8(_mm_max_epu8(off9, _mm_set1_epi8(4)),
                                           _mm_set1_epi8(4));
      const __m128i esc = _mm_cmpeq_epi8(x, _mm_set1_epi8(0x1B));
      const __m128i del = _mm_cmpeq_epi8(x, _mm_set1_epi8(0x7F));
      const __m128i control =
          _mm_or_si128(_mm_andnot_si128(_mm_or_si128(white, esc), below_space), del);
      counts = _mm_sub_epi8(counts, control);
    }
    const __m128i sums = _mm_sad_epu8(counts, zero);
    total += static_cast<size_t>(_mm_cvtsi128_si64(sums)) +
             static_cast<size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
    blocks -= run;
  }
  return total;
}
#endif  // ZFXXGK_UTF8_X86

}  // namespace

size_t Utf8SequenceLength(const unsigned char* p, size_t avail) {
  const int32_t n = static_cast<int32_t>(avail < 4 ? avail : 4);
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(p, i, n, c);
  return c < 0 ? 0 : static_cast<size_t>(i);
}

// After a leading ASCII run (eight bytes at a time), 16 bytes or more are
// checked 16 bytes at a time with SSSE3 where the CPU has it (about 1.5
// instructions a byte against 4 to 7 one by one for CJK text); an
// ill-formed rest is scanned again one by one, which counts the code points
// before the error.
Utf8Scan ScanUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i + 8 <= n && AsciiWord(LoadWord(p + i))) i += 8;
  while (i < n && p[i] < 0x80) ++i;
#ifdef ZFXXGK_UTF8_X86
  static const bool ssse3 = HasSsse3AndPopcnt();
  if (ssse3 && n - i >= 16) {
    Utf8Scan scan;
    if (ValidBySsse3(p + i, n - i, &scan.non_ascii)) return scan;
  }
#endif
  return ScanOneByOne(p + i, static_cast<int64_t>(n - i));
}

size_t CountBinaryControlBytes(std::string_view s) {
  size_t controls = 0;
  size_t i = 0;
#ifdef ZFXXGK_UTF8_X86
  controls += CountBinaryControlBlocks(reinterpret_cast<const uint8_t*>(s.data()), s.size() / 16);
  i = s.size() / 16 * 16;
#endif
  for (; i + 8 <= s.size(); i += 8) {
    controls += static_cast<size_t>(BinaryControlBytes(LoadWord(s.data() + i)));
  }
  if (i < s.size()) {  // padded with 'a', which does not count
    char tail[8] = {'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a'};
    std::memcpy(tail, s.data() + i, s.size() - i);
    controls += static_cast<size_t>(BinaryControlBytes(LoadWord(tail)));
  }
  return controls;
}

// Counted in 240-byte chunks into a byte-sized counter, a loop the compiler
// vectorises (std::count's 64-bit counter made it 3 instructions per byte).
size_t CountByte(std::string_view s, char b) {
  size_t total = 0;
  while (!s.empty()) {
    const size_t chunk = std::min<size_t>(s.size(), 240);
    uint8_t n = 0;
    for (size_t k = 0; k < chunk; ++k) n += s[k] == b;
    total += n;
    s.remove_prefix(chunk);
  }
  return total;
}

}  // namespace zfxxgk
