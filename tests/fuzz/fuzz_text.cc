// libFuzzer target: input bytes -> DecodeToUtf8 -> text::ParseText.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parsers/text/text_parser.h"
#include "pipeline/encoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  zfxxgk::StatusOr<zfxxgk::DecodedText> text = zfxxgk::DecodeToUtf8(bytes);
  if (!text.ok()) return 0;
  zfxxgk::StatusOr<zfxxgk::Document> doc = zfxxgk::text::ParseText(text->utf8, "fuzz.txt");
  if (doc.ok()) {
    for (const zfxxgk::Table& t : doc->tables) {
      for (const zfxxgk::Cell& c : t.cells) {
        if (c.row < 0 || c.col < 0 || c.row >= t.n_rows || c.col >= t.n_cols) __builtin_trap();
      }
    }
  }
  return 0;
}
