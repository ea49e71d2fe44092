// Plain runs: the SSE2 scan behind CollapseSpaces and MatchTextDirect
// (pipeline/normalize.cc), which keep most of a report's text as it is.
//
// Most of a report is ideographs, CJK punctuation and ASCII
// that CollapseSpaces and MatchTextDirect keep as they are; read character
// by character, that was most of their cost. With SSE2 such runs are found
// 16 bytes at a time: each byte is classified as kept ASCII, the lead of a
// three-byte character that may be kept, or a continuation byte, and the
// run ends at the first byte that is none of these or breaks the structure
// (a lead without its two continuation bytes, a stray continuation byte),
// or at a lead whose character is not kept. A run is whole characters of
// well-formed UTF-8; the caller reads the character that ends it as
// before. Without SSE2 the runs are empty.
//
// A Scheme says which bytes are kept:
//   struct Scheme {
//     static Classes Classify(__m128i block);  // the kept classes of 16 bytes
//     bool Keep(const uint8_t* lead) const;     // a `special` lead's character
//   };
// Internal to pipeline/normalize.cc; a header only because the scan is a
// template over the scheme.
#ifndef ZFXXGK_PIPELINE_PLAIN_RUN_H_
#define ZFXXGK_PIPELINE_PLAIN_RUN_H_

#if defined(__SSE2__)
#include <emmintrin.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

namespace zfxxgk::plain_run {

// The classes of the bytes of a 16-byte block (0xFF: in the class).
struct Classes {
  __m128i ascii;    // ASCII bytes kept
  __m128i lead;     // leads of three-byte characters kept
  __m128i special;  // leads of three-byte characters Scheme::Keep decides
};

inline uint32_t Bits(__m128i v) { return static_cast<uint32_t>(_mm_movemask_epi8(v)); }

inline __m128i Load(const uint8_t* p) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
}

// Bytes of `v` equal to `b`.
inline __m128i Equal(__m128i v, uint8_t b) {
  return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(b)));
}

// Bytes of `v` in lo..lo+span (unsigned).
inline __m128i InRange(__m128i v, uint8_t lo, uint8_t span) {
  const __m128i d = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(lo)));
  return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(static_cast<char>(span))), d);
}

// Continuation bytes (10xxxxxx: below 0xC0 as signed bytes).
inline __m128i Continuation(__m128i v) {
  return _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(0xC0)));
}

// The common case, without Scheme::Keep: whether block `v` is plain from
// its first byte in `from` (0xFF from there on), a character, to its end
// but for a character that straddles it; then `length` is the bytes of the
// block before that character.
template <class Scheme>
inline bool PlainBlock(__m128i v, __m128i from, int& length) {
  const Classes k = Scheme::Classify(v);
  const __m128i lead = _mm_and_si128(k.lead, from);
  const __m128i cont = Continuation(v);
  const __m128i expected = _mm_or_si128(_mm_slli_si128(lead, 1), _mm_slli_si128(lead, 2));
  const __m128i ok = _mm_and_si128(_mm_or_si128(_mm_or_si128(k.ascii, lead), cont),
                                   _mm_cmpeq_epi8(cont, expected));
  if (Bits(_mm_or_si128(ok, _mm_xor_si128(from, _mm_set1_epi8(-1)))) != 0xFFFF) return false;
  const uint32_t leads = Bits(lead);  // a lead at byte 14 or 15 straddles the end
  length = 16 - static_cast<int>(((leads >> 13) & 2) | (leads >> 15));
  return true;
}

// The length of the plain prefix of the 16 bytes at `block` from byte
// `skip` on; `whole`: the prefix ended at the block's end, not at a byte
// of it (only a character that straddles the end may be left out).
template <class Scheme>
int PlainPrefix(const Scheme& scheme, const uint8_t* block, int skip, bool& whole) {
  const __m128i v = Load(block);
  const Classes k = Scheme::Classify(v);
  const uint32_t cont = Bits(Continuation(v)) >> skip;
  const uint32_t special = Bits(k.special);
  const uint32_t lead = (Bits(k.lead) | special) >> skip;
  const uint32_t expected = ((lead << 1) | (lead << 2)) & 0xFFFF;
  const uint32_t bad = ~((Bits(k.ascii) >> skip) | lead | cont) | (cont ^ expected);
  const int first_bad = std::countr_zero(bad);  // bits from 16 - skip on are set
  const uint32_t end = 1u << first_bad;
  // Special leads before that (with both continuations in the block).
  for (uint32_t s = ((special & 0x3FFF) >> skip) & (end - 1); s != 0; s &= s - 1) {
    const int at = std::countr_zero(s);
    if (!scheme.Keep(block + skip + at)) {
      whole = false;
      return at;
    }
  }
  whole = first_bad == 16;
  // A lead one or two bytes before the end has not both its continuations.
  const uint32_t cut = lead & ((end >> 1) | (end >> 2));
  return cut != 0 ? std::countr_zero(cut) : first_bad;
}

// The end of the plain run from byte `i` of the `n` bytes at `p`. The last
// partial block is read as the last 16 bytes of the text, the bytes before
// `i` skipped; a text shorter than that from a copy padded with plain ASCII.
template <class Scheme>
int32_t PlainRun(const uint8_t* p, int32_t i, int32_t n) {
  const Scheme scheme;
  const __m128i all = _mm_set1_epi8(-1);
  bool whole = true;
  int length = 0;
  while (n - i >= 16 && whole) {
    if (PlainBlock<Scheme>(Load(p + i), all, length)) {
      i += length;
    } else {
      i += PlainPrefix(scheme, p + i, 0, whole);
    }
  }
  if (!whole || i == n) return i;
  alignas(16) uint8_t padded[16];
  const uint8_t* block = p + n - 16;
  int skip = 16 - (n - i);
  if (n < 16) {
    std::memset(padded, 'A', sizeof padded);
    std::memcpy(padded, p + i, static_cast<size_t>(n - i));
    block = padded;
    skip = 0;
  }
  static constexpr std::array<uint8_t, 32> kFrom = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
  if (!PlainBlock<Scheme>(Load(block), Load(kFrom.data() + 16 - skip), length)) {
    length = skip + PlainPrefix(scheme, block, skip, whole);
  }
  return std::min(i + length - skip, n);
}

}  // namespace zfxxgk::plain_run

#endif  // __SSE2__
#endif  // ZFXXGK_PIPELINE_PLAIN_RUN_H_
