// libFuzzer target, differential: input bytes -> DecodeToUtf8 -> the HTML
// fast path (parsers/html/fast_tree.h). When it accepts the page, gumbo
// parses it too and the two trees must be equal in every field the HTML
// parser reads (tree_diff.h); a difference traps, printing where. A decline
// is fine: the parser then uses gumbo. The nesting guard of ExtractBytes runs
// first, as in fuzz_html (gumbo is quadratic in nesting depth).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "parsers/html/tree_diff.h"
#include "pipeline/encoding.h"
#include "pipeline/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  zfxxgk::StatusOr<zfxxgk::DecodedText> text = zfxxgk::DecodeToUtf8(bytes);
  if (!text.ok()) return 0;
  const zfxxgk::ExtractOptions limits;
  if (zfxxgk::EstimateHtmlDepth(text->utf8, limits.max_html_depth) > limits.max_html_depth) {
    return 0;
  }
  const zfxxgk::StatusOr<std::string> diff = zfxxgk::html::DiffFastTreeFromGumbo(text->utf8);
  if (!diff.ok()) return 0;  // declined
  if (!diff->empty()) {
    std::fprintf(stderr, "fast path differs from gumbo: %s\n", diff->c_str());
    __builtin_trap();
  }
  return 0;
}
