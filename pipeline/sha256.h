// SHA-256 of a byte string, as 64 lower-case hex digits (FIPS 180-4).
// Used for Source::sha256 so a report can be matched to its input bytes.
#ifndef ZFXXGK_PIPELINE_SHA256_H_
#define ZFXXGK_PIPELINE_SHA256_H_

#include <string>
#include <string_view>

namespace zfxxgk {

std::string Sha256Hex(std::string_view bytes);

namespace internal {
// The same, with the SHA-NI instructions only when `allow_sha_ni` (and the
// CPU has them): lets the tests check the portable rounds on any CPU.
std::string Sha256Hex(std::string_view bytes, bool allow_sha_ni);
}  // namespace internal

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_SHA256_H_
