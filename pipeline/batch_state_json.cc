// JSON tokens checked in place: nlohmann's lexer and parser rules, without
// its per-character copies into a token buffer.
#include "pipeline/batch_state_json.h"

#include <charconv>
#include <clocale>
#include <cmath>
#include <cstdlib>

#include <unicode/utf8.h>

#include "pipeline/utf8.h"

namespace zfxxgk {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A valid code point (surrogate pairs already combined) as UTF-8.
void AppendUtf8(uint32_t cp, std::string& out) {
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, cp);
  out.append(buf, static_cast<size_t>(n));
}

// Whether the double nearest `text` (a number token) is finite, as
// nlohmann's parser requires of a float: it reads floats with strtod in the
// current locale, after replacing '.' by the locale's decimal point.
bool FiniteAsDouble(std::string_view text) {
  std::string buffer(text);
  const char point = *std::localeconv()->decimal_point;
  for (char& c : buffer) {
    if (c == '.') c = point;
  }
  return std::isfinite(std::strtod(buffer.c_str(), nullptr));
}

}  // namespace

void JsonCursor::SkipBom() {
  if (end_ - p_ >= 3 && std::string_view(p_, 3) == "\xEF\xBB\xBF") p_ += 3;
}

void JsonCursor::SkipWhiteSpace() {
  while (p_ != end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
}

int JsonCursor::Peek() {
  SkipWhiteSpace();
  return p_ == end_ ? -1 : static_cast<unsigned char>(*p_);
}

bool JsonCursor::Consume(char c) {
  if (Peek() != static_cast<unsigned char>(c)) return false;
  ++p_;
  return true;
}

// nlohmann's lexer takes a NUL byte for the end of its input.
bool JsonCursor::AtEnd() {
  const int c = Peek();
  return c == -1 || c == 0;
}

int JsonCursor::Hex4() {
  if (end_ - p_ < 4) return -1;
  int value = 0;
  for (int k = 0; k < 4; ++k) {
    const char c = *p_++;
    int digit;
    if (IsDigit(c)) digit = c - '0';
    else if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    else return -1;
    value = value * 16 + digit;
  }
  return value;
}

// At the backslash. A high surrogate must come with an escaped low one; a
// low one alone is refused (nlohmann's rules).
bool JsonCursor::Escape(std::string* storage) {
  if (end_ - p_ < 2) return false;
  const char e = p_[1];
  p_ += 2;
  char plain;
  switch (e) {
    case '"': case '\\': case '/': plain = e; break;
    case 'b': plain = '\b'; break;
    case 'f': plain = '\f'; break;
    case 'n': plain = '\n'; break;
    case 'r': plain = '\r'; break;
    case 't': plain = '\t'; break;
    case 'u': {
      int cp = Hex4();
      if (cp < 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) return false;
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
        p_ += 2;
        const int low = Hex4();
        if (low < 0xDC00 || low > 0xDFFF) return false;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      }
      if (storage != nullptr) AppendUtf8(static_cast<uint32_t>(cp), *storage);
      return true;
    }
    default: return false;
  }
  if (storage != nullptr) storage->push_back(plain);
  return true;
}

// Plain runs are skipped eight bytes at a time; the text is copied only
// once an escape shows it cannot be a view of the input.
bool JsonCursor::String(std::string_view* out, std::string* storage) {
  if (Peek() != '"') return false;
  const char* begin = ++p_;
  std::string* decoded = nullptr;  // set at the first escape when `out` wants the text
  const char* run = begin;         // start of the bytes not yet appended to `decoded`
  for (;;) {
    while (end_ - p_ >= 8 && PlainJsonAsciiWord(LoadWord(p_))) p_ += 8;
    if (p_ == end_) return false;
    const auto c = static_cast<unsigned char>(*p_);
    if (c == '"') break;
    if (c == '\\') {
      if (out != nullptr && decoded == nullptr) {
        decoded = storage;
        decoded->clear();
      }
      if (decoded != nullptr) decoded->append(run, p_);
      if (!Escape(decoded)) return false;
      run = p_;
    } else if (c < 0x20) {
      return false;
    } else if (c < 0x80) {
      ++p_;
    } else {
      const size_t length = Utf8SequenceLength(reinterpret_cast<const unsigned char*>(p_),
                                               static_cast<size_t>(end_ - p_));
      if (length == 0) return false;
      p_ += length;
    }
  }
  if (out != nullptr) {
    if (decoded == nullptr) {
      *out = std::string_view(begin, static_cast<size_t>(p_ - begin));
    } else {
      decoded->append(run, p_);
      *out = *decoded;
    }
  }
  ++p_;  // the closing quote
  return true;
}

// The JSON grammar; then the value as nlohmann types it: strtoll/strtoull
// when the token has no fraction or exponent and fits, else strtod.
bool JsonCursor::ReadNumber(Number* out) {
  SkipWhiteSpace();
  const char* begin = p_;
  bool integer = true;
  const bool negative = p_ != end_ && *p_ == '-';
  if (negative) ++p_;
  if (p_ == end_ || !IsDigit(*p_)) return false;
  if (*p_ == '0') {
    ++p_;
  } else {
    while (p_ != end_ && IsDigit(*p_)) ++p_;
  }
  if (p_ != end_ && *p_ == '.') {
    integer = false;
    if (++p_ == end_ || !IsDigit(*p_)) return false;
    while (p_ != end_ && IsDigit(*p_)) ++p_;
  }
  if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
    integer = false;
    if (++p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
    if (p_ == end_ || !IsDigit(*p_)) return false;
    while (p_ != end_ && IsDigit(*p_)) ++p_;
  }
  Number number;
  if (integer) {
    std::from_chars_result r;
    if (negative) {
      int64_t v = 0;
      r = std::from_chars(begin, p_, v);
      number.bits = static_cast<uint64_t>(v);
    } else {
      r = std::from_chars(begin, p_, number.bits);
    }
    number.integer = r.ec == std::errc() && r.ptr == p_;
  }
  if (!number.integer && !FiniteAsDouble(std::string_view(begin, static_cast<size_t>(p_ - begin)))) {
    return false;
  }
  if (out != nullptr) *out = number;
  return true;
}

bool JsonCursor::Literal(std::string_view word) {
  if (static_cast<size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) {
    return false;
  }
  p_ += word.size();
  return true;
}

bool JsonCursor::Scalar() {
  switch (Peek()) {
    case '"': return String(nullptr, nullptr);
    case 't': return Literal("true");
    case 'f': return Literal("false");
    case 'n': return Literal("null");
    default: return ReadNumber(nullptr);
  }
}

bool JsonCursor::KeyAndColon() { return String(nullptr, nullptr) && Consume(':'); }

// Iterative, as nlohmann's parser is: any depth. `open` holds the closing
// character of each container entered (SSO: no allocation below 16 deep).
bool JsonCursor::SkipValue() {
  std::string open;
  for (;;) {
    const int c = Peek();
    if (c == '{' || c == '[') {
      ++p_;
      const char close = c == '{' ? '}' : ']';
      if (!Consume(close)) {
        open.push_back(close);
        if (close == '}' && !KeyAndColon()) return false;
        continue;  // the container's first value
      }
    } else if (!Scalar()) {
      return false;
    }
    // After a value: close what ends here, then the next value, if any.
    for (;;) {
      if (open.empty()) return true;
      if (Consume(open.back())) {
        open.pop_back();
        continue;
      }
      if (!Consume(',')) return false;
      if (open.back() == '}' && !KeyAndColon()) return false;
      break;
    }
  }
}

}  // namespace zfxxgk
