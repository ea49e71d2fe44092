// A JSON text read in place, token by token, with nlohmann::json::parse's
// acceptance and no DOM: the batch journal reads its lines with it
// (pipeline/batch_state_line.h), one member at a time, copying only what it
// keeps.
//
//   JsonCursor in(line);
//   in.SkipBom();
//   std::string storage;
//   std::string_view key;
//   if (!in.Consume('{') || !in.String(&key, &storage) || !in.Consume(':') ||
//       !in.SkipValue() || !in.Consume('}') || !in.AtEnd()) { /* not JSON */ }
//
// What it accepts, as nlohmann 3.11 does: RFC 8259 tokens; strings in strict
// UTF-8 (no overlong forms, surrogates or values above U+10FFFF), without
// raw control characters, with the escapes \" \\ \/ \b \f \n \r \t \uXXXX
// (a high surrogate only followed by an escaped low one); numbers whose
// double is finite (1e400 is refused); a UTF-8 BOM at the very start; a
// NUL byte after the value as the end of the text (AtEnd).
// Any nesting depth. Every call skips the white space before its token.
// A false return means the text is not JSON (or not the token asked for);
// the cursor is then somewhere inside and the text should be dropped.
// Not thread-safe (one cursor per text); no exceptions (std::bad_alloc
// aside).
#ifndef ZFXXGK_PIPELINE_BATCH_STATE_JSON_H_
#define ZFXXGK_PIPELINE_BATCH_STATE_JSON_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace zfxxgk {

class JsonCursor {
 public:
  // A number as nlohmann types it: an integer (fits int64 when negative,
  // uint64 otherwise) or a float.
  struct Number {
    bool integer = false;
    uint64_t bits = 0;  // an integer's value (int64 or uint64) as 64 bits
  };

  explicit JsonCursor(std::string_view text)
      : p_(text.data()), end_(text.data() + text.size()) {}

  // Skips a UTF-8 byte order mark at the cursor. Call first, once.
  void SkipBom();
  // The next token's first byte after white space, or -1 at the end.
  int Peek();
  // Consumes `c` (a structural character) when it is the next token.
  bool Consume(char c);
  // Whether the text ends here: only white space is left, or white space
  // and then a NUL byte, after which nlohmann's lexer reads nothing.
  bool AtEnd();

  // A string token. `out` (may be null: check only) gets its text: a view
  // into the input when it has no escapes, else decoded into `storage`
  // (REQUIRES: not null when `out` is not; its old text is replaced).
  bool String(std::string_view* out, std::string* storage);
  // A number token; `out` may be null.
  bool ReadNumber(Number* out);
  // Any value (nested ones included), checked and not kept.
  bool SkipValue();

 private:
  void SkipWhiteSpace();
  bool Scalar();
  bool Literal(std::string_view word);
  bool KeyAndColon();
  bool Escape(std::string* storage);
  int Hex4();

  const char* p_;
  const char* end_;
};

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_BATCH_STATE_JSON_H_
