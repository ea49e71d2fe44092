#include "pipeline/sha256.h"

#include <array>
#include <cstdint>
#include <cstdio>

#if defined(__x86_64__) && defined(__GNUC__)
#include <cpuid.h>
#include <immintrin.h>
#define ZFXXGK_SHA_NI 1
#endif

namespace zfxxgk {
namespace {

constexpr std::array<uint32_t, 64> kK = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2};

uint32_t Rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

// One round on the working variables named in rotation: instead of moving
// all eight each round, the caller renames them (FIPS 180-4, 6.2.2).
inline void Round(uint32_t a, uint32_t b, uint32_t c, uint32_t& d, uint32_t e, uint32_t f,
                  uint32_t g, uint32_t& h, uint32_t kw) {
  const uint32_t t1 = h + (Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25)) + (g ^ (e & (f ^ g))) + kw;
  const uint32_t t2 = (Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22)) + ((a & b) | (c & (a | b)));
  d += t1;
  h = t1 + t2;
}

void Compress(std::array<uint32_t, 8>& h, const unsigned char* block) {
  uint32_t w[64];
  for (int i = 0; i < 16; ++i) {
    w[i] = (uint32_t(block[4 * i]) << 24) | (uint32_t(block[4 * i + 1]) << 16) |
           (uint32_t(block[4 * i + 2]) << 8) | uint32_t(block[4 * i + 3]);
  }
  for (int i = 16; i < 64; ++i) {
    uint32_t s0 = Rotr(w[i - 15], 7) ^ Rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = Rotr(w[i - 2], 17) ^ Rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], v = h[7];
  for (int i = 0; i < 64; i += 8) {
    Round(a, b, c, d, e, f, g, v, kK[i] + w[i]);
    Round(v, a, b, c, d, e, f, g, kK[i + 1] + w[i + 1]);
    Round(g, v, a, b, c, d, e, f, kK[i + 2] + w[i + 2]);
    Round(f, g, v, a, b, c, d, e, kK[i + 3] + w[i + 3]);
    Round(e, f, g, v, a, b, c, d, kK[i + 4] + w[i + 4]);
    Round(d, e, f, g, v, a, b, c, kK[i + 5] + w[i + 5]);
    Round(c, d, e, f, g, v, a, b, kK[i + 6] + w[i + 6]);
    Round(b, c, d, e, f, g, v, a, kK[i + 7] + w[i + 7]);
  }
  h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += v;
}

#ifdef ZFXXGK_SHA_NI
// Whether the CPU has the SHA extensions (CPUID leaf 7, EBX bit 29) and the
// SSSE3/SSE4.1 shuffles and blends the SHA-NI path uses.
bool HasShaNi() {
  unsigned a = 0, b = 0, c = 0, d = 0;
  if (!__get_cpuid(1, &a, &b, &c, &d)) return false;
  const bool sse = (c & bit_SSSE3) != 0 && (c & bit_SSE4_1) != 0;
  if (!sse || !__get_cpuid_count(7, 0, &a, &b, &c, &d)) return false;
  return (b & (1u << 29)) != 0;
}

// Compress on `n` blocks with the SHA-NI instructions: the same function,
// about ten times fewer instructions. The state is kept as ABEF/CDGH, the
// register layout sha256rnds2 expects; four rounds per message group, the
// schedule extended by sha256msg1/msg2 (FIPS 180-4, 6.2.2 step 1).
__attribute__((target("sha,sse4.1,ssse3"))) void CompressShaNi(std::array<uint32_t, 8>& h,
                                                               const unsigned char* data,
                                                               size_t n) {
  const __m128i kMask = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  const auto* state = reinterpret_cast<const __m128i*>(h.data());
  __m128i tmp = _mm_shuffle_epi32(_mm_loadu_si128(state), 0xB1);           // CDAB
  __m128i state1 = _mm_shuffle_epi32(_mm_loadu_si128(state + 1), 0x1B);    // EFGH
  __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);   // ABEF
  state1 = _mm_blend_epi16(state1, tmp, 0xF0);        // CDGH
  for (size_t b = 0; b < n; ++b, data += 64) {
    const __m128i abef = state0, cdgh = state1;
    __m128i msg[16];
    for (int i = 0; i < 16; ++i) {
      if (i < 4) {
        msg[i] = _mm_shuffle_epi8(
            _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 16 * i)), kMask);
      } else {
        const __m128i t = _mm_add_epi32(_mm_sha256msg1_epu32(msg[i - 4], msg[i - 3]),
                                        _mm_alignr_epi8(msg[i - 1], msg[i - 2], 4));
        msg[i] = _mm_sha256msg2_epu32(t, msg[i - 1]);
      }
      const __m128i m = _mm_add_epi32(
          msg[i], _mm_loadu_si128(reinterpret_cast<const __m128i*>(&kK[4 * i])));
      state1 = _mm_sha256rnds2_epu32(state1, state0, m);
      state0 = _mm_sha256rnds2_epu32(state0, state1, _mm_shuffle_epi32(m, 0x0E));
    }
    state0 = _mm_add_epi32(state0, abef);
    state1 = _mm_add_epi32(state1, cdgh);
  }
  tmp = _mm_shuffle_epi32(state0, 0x1B);              // FEBA
  state1 = _mm_shuffle_epi32(state1, 0xB1);           // DCHG
  state0 = _mm_blend_epi16(tmp, state1, 0xF0);        // DCBA
  state1 = _mm_alignr_epi8(state1, tmp, 8);           // HGFE
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&h[0]), state0);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&h[4]), state1);
}
#endif

// Compress on `n` consecutive blocks, with SHA-NI when allowed and the CPU
// has it.
void CompressBlocks(std::array<uint32_t, 8>& h, const unsigned char* data, size_t n,
                    bool allow_sha_ni) {
#ifdef ZFXXGK_SHA_NI
  static const bool sha_ni = HasShaNi();
  if (allow_sha_ni && sha_ni) {
    CompressShaNi(h, data, n);
    return;
  }
#else
  (void)allow_sha_ni;
#endif
  for (size_t i = 0; i < n; ++i) Compress(h, data + 64 * i);
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) { return internal::Sha256Hex(bytes, true); }

namespace internal {

std::string Sha256Hex(std::string_view bytes, bool allow_sha_ni) {
  std::array<uint32_t, 8> h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                               0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  size_t full = bytes.size() / 64 * 64;
  CompressBlocks(h, reinterpret_cast<const unsigned char*>(bytes.data()), full / 64,
                 allow_sha_ni);
  unsigned char tail[128] = {};
  size_t rest = (bytes.size() - full) & 63;
  for (size_t i = 0; i < rest; ++i) tail[i] = static_cast<unsigned char>(bytes[full + i]);
  tail[rest] = 0x80;
  size_t tail_len = rest + 9 <= 64 ? 64 : 128;
  uint64_t bits = static_cast<uint64_t>(bytes.size()) * 8;
  for (int i = 0; i < 8; ++i) tail[tail_len - 1 - i] = static_cast<unsigned char>(bits >> (8 * i));
  CompressBlocks(h, tail, tail_len / 64, allow_sha_ni);
  std::string out;
  char buf[9];
  for (uint32_t x : h) {
    std::snprintf(buf, sizeof(buf), "%08x", x);
    out += buf;
  }
  return out;
}

}  // namespace internal

}  // namespace zfxxgk
