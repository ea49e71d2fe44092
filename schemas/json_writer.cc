#include "schemas/json_writer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "pipeline/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace zfxxgk {
namespace {

// Per byte: kCopied, an ASCII byte dump copies; kLead3, the lead of a
// three-byte character other than E0 and ED (the two with a narrower
// second byte): the common case of CJK text; kOther, the rest.
enum ByteClass : unsigned char { kOther, kCopied, kLead3 };

constexpr std::array<ByteClass, 256> MakeByteClasses() {
  std::array<ByteClass, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[c] = c == '"' || c == '\\' ? kOther : kCopied;
  for (int c = 0xE1; c <= 0xEF; ++c) t[c] = c == 0xED ? kOther : kLead3;
  return t;
}
constexpr std::array<ByteClass, 256> kByteClass = MakeByteClasses();

// Whether the three bytes at p are a character with a kLead3 lead.
bool PlainThreeByteChar(const unsigned char* p) {
  return kByteClass[p[0]] == kLead3 && ((p[1] ^ 0x80) | (p[2] ^ 0x80)) < 0x40;
}

// The end of the run of ASCII bytes dump copies that starts at p: sixteen
// bytes at a time where SSE2 is there (a byte below 0x20 or at 0x80 and up
// is negative or below ' ' as a signed char), then eight at a time.
const unsigned char* SkipPlainAscii(const unsigned char* p, const unsigned char* end) {
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20);
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i stop = _mm_or_si128(_mm_cmplt_epi8(v, space),
                                      _mm_or_si128(_mm_cmpeq_epi8(v, quote),
                                                   _mm_cmpeq_epi8(v, backslash)));
    const int mask = _mm_movemask_epi8(stop);
    if (mask != 0) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  while (end - p >= 8 && PlainJsonAsciiWord(LoadWord(p))) p += 8;
  while (p < end && kByteClass[*p] == kCopied) ++p;
  return p;
}

// The end of the run of kLead3 characters that starts at p: four at a time
// where SSE2 is there, then two at a time (one word holds both:
// continuation bytes 1, 2, 4 and 5 are 10xxxxxx).
const unsigned char* SkipPlainThreeByteChars(const unsigned char* p, const unsigned char* end) {
#if defined(__SSE2__)
  // Four characters (twelve bytes of a sixteen-byte load) at a time: leads
  // 1110xxxx but E0 and ED, continuation bytes 10xxxxxx. A block that ends
  // the run tells where it ends.
  const __m128i mask = _mm_setr_epi8(-16, -64, -64, -16, -64, -64, -16, -64, -64, -16, -64, -64,
                                     0, 0, 0, 0);
  const __m128i want = _mm_setr_epi8(-32, -128, -128, -32, -128, -128, -32, -128, -128, -32,
                                     -128, -128, 0, 0, 0, 0);
  const __m128i e0 = _mm_set1_epi8(static_cast<char>(0xE0));
  const __m128i ed = _mm_set1_epi8(static_cast<char>(0xED));
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const int ok = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, mask), want));
    // E0 and ED match no continuation byte: only the leads are looked at.
    const int narrow =
        _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, e0), _mm_cmpeq_epi8(v, ed)));
    const unsigned plain = static_cast<unsigned>(ok & ~narrow) & 0xFFF;
    if (plain != 0xFFF) {  // the characters whose three bytes are plain
      return p + static_cast<size_t>(std::countr_one(plain)) / 3 * 3;
    }
    p += 12;
  }
#endif
  if constexpr (std::endian::native == std::endian::little) {
    constexpr uint64_t kContMask = 0x0000C0C000C0C000, kCont = 0x0000808000808000;
    while (end - p >= 8 && (LoadWord(p) & kContMask) == kCont && kByteClass[p[0]] == kLead3 &&
           kByteClass[p[3]] == kLead3) {
      p += 6;
    }
  }
  while (end - p >= 3 && PlainThreeByteChar(p)) p += 3;
  return p;
}

// dump's escape of an ASCII byte that cannot stand in a JSON string.
std::string_view Escape(unsigned char c, char (&buf)[6]) {
  switch (c) {
    case '\b': return "\\b";
    case '\t': return "\\t";
    case '\n': return "\\n";
    case '\f': return "\\f";
    case '\r': return "\\r";
    case '"': return "\\\"";
    case '\\': return "\\\\";
    default: break;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  buf[0] = '\\', buf[1] = 'u', buf[2] = '0', buf[3] = '0';
  buf[4] = kHex[c >> 4], buf[5] = kHex[c & 15];
  return std::string_view(buf, 6);
}

}  // namespace

JsonWriter::JsonWriter(bool pretty, std::string storage)
    : pretty_(pretty), out_(std::move(storage)) {}

void JsonWriter::Newline() {
  if (!pretty_) return;
  const size_t indent = base_indent_ + 2 * has_members_.size();
  char* p = out_.Room(indent + 1);
  p[0] = '\n';
  std::memset(p + 1, ' ', indent);
  out_.Advance(indent + 1);
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_members_.empty()) return;  // the top-level value
  if (has_members_.back()) out_.Put(',');
  has_members_.back() = true;
  Newline();
}

void JsonWriter::BeginObject() {
  BeforeValue();
  out_.Put('{');
  has_members_.push_back(false);
}

void JsonWriter::End(char close) {
  const bool any = has_members_.back();
  has_members_.pop_back();
  if (any) Newline();
  out_.Put(close);
}

void JsonWriter::EndObject() { End('}'); }

void JsonWriter::BeginArray() {
  BeforeValue();
  out_.Put('[');
  has_members_.push_back(false);
}

void JsonWriter::EndArray() { End(']'); }

void JsonWriter::Key(std::string_view key) {
  if (has_members_.back()) out_.Put(',');
  has_members_.back() = true;
  Newline();
  Escaped(key);
  out_.Put(':');
  if (pretty_) out_.Put(' ');
  after_key_ = true;
}

// One pass: runs of bytes dump copies are copied at once, the ASCII ones
// sixteen or eight at a time, CJK two characters at a time; an escaped
// byte breaks the run.
bool JsonWriter::EscapedValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char* const end = p + s.size();
  const unsigned char* run = p;  // start of the bytes not yet written
  auto flush = [&] { out_.Put(std::string_view(reinterpret_cast<const char*>(run), p - run)); };
  while (p < end) {
    p = SkipPlainAscii(p, end);
    p = SkipPlainThreeByteChars(p, end);
    if (p == end) break;
    const unsigned char c = *p;
    if (c >= 0x80) {
      const size_t len = Utf8SequenceLength(p, static_cast<size_t>(end - p));
      if (len == 0) return false;
      p += len;
    } else if (kByteClass[c] != kCopied) {
      flush();
      char buf[6];
      out_.Put(Escape(c, buf));
      run = ++p;
    }
  }
  flush();
  return true;
}

// Keys and most cell values: a few ASCII bytes, copied byte by byte (a
// memcpy call costs more) while checking them.
bool JsonWriter::ShortPlain(std::string_view s) {
  const size_t n = s.size();
  char* d = out_.Room(n + 2);
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (kByteClass[c] != kCopied) return false;
    d[i + 1] = static_cast<char>(c);
  }
  d[0] = '"';
  d[n + 1] = '"';
  out_.Advance(n + 2);
  return true;
}

void JsonWriter::Escaped(std::string_view s) {
  if (s.size() <= kShort && ShortPlain(s)) return;
  const size_t start = out_.size();
  out_.Put('"');
  if (EscapedValidUtf8(s)) return out_.Put('"');
  // Rare: let nlohmann replace invalid UTF-8 exactly as dump does.
  out_.Truncate(start);
  out_.Put(nlohmann::json(std::string(s))
          .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void JsonWriter::String(std::string_view s) {
  BeforeValue();
  Escaped(s);
}

void JsonWriter::Int(int64_t v) {
  BeforeValue();
  RawInt(v);
}

void JsonWriter::RawDouble(double v) { out_.Put(nlohmann::json(v).dump()); }

void JsonWriter::Double(double v) {
  BeforeValue();
  RawDouble(v);
}

void JsonWriter::Bool(bool v) {
  BeforeValue();
  out_.Put(v ? "true" : "false");
}

void JsonWriter::Null() {
  BeforeValue();
  out_.Put("null");
}

JsonWriter::Position JsonWriter::Mark() const {
  return {out_.size(), has_members_.size(), !has_members_.empty() && has_members_.back(),
          after_key_};
}

// Containers open at the mark are still open, so only the innermost of
// them can have changed (it may have got members since).
void JsonWriter::Rewind(const Position& mark) {
  out_.Truncate(mark.size);
  has_members_.resize(mark.depth);
  if (mark.depth > 0) has_members_.back() = mark.has_members;
  after_key_ = mark.after_key;
}

std::string JsonWriter::Take() {
  std::string out = out_.Take();
  has_members_.clear();
  after_key_ = false;
  return out;
}

}  // namespace zfxxgk
