#include "parsers/html/fast_tokenizer.h"

#include <bit>
#include <cstdint>
#include <cstring>

#include "parsers/html/fast_charref.h"
#include "parsers/html/fast_tags.h"
#include "pipeline/ascii.h"
#include "pipeline/utf8.h"

namespace zfxxgk::html {
namespace {

// Gumbo's white space, less \r and \f (IsCleanUtf8 refuses those).
bool IsWs(char c) { return c == ' ' || c == '\t' || c == '\n'; }

bool StartsWithNoCase(std::string_view s, size_t at, std::string_view lower) {
  if (s.size() - at < lower.size()) return false;
  for (size_t i = 0; i < lower.size(); ++i) {
    if (AsciiLower(s[at + i]) != lower[i]) return false;
  }
  return true;
}

// Whether code point `cp` (from a multi-byte sequence) is one gumbo passes
// through unchanged: no C1 control, surrogate or noncharacter.
bool IsPlainNonAscii(uint32_t cp) {
  if (cp < 0xA0 || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  if (cp >= 0xFDD0 && cp <= 0xFDEF) return false;
  return (cp & 0xFFFE) != 0xFFFE;
}

// Decodes the references in `raw` into `out`; false on a declined one.
bool Decode(std::string_view raw, std::string* out) {
  out->clear();
  size_t copied = 0;
  for (size_t i = raw.find('&'); i != std::string_view::npos; i = raw.find('&', i)) {
    const CharRef ref = ReadCharRef(raw.substr(i));
    if (ref.kind == CharRef::kDecline) return false;
    if (ref.kind == CharRef::kLiteral) {
      ++i;
      continue;
    }
    out->append(raw.substr(copied, i - copied));
    out->append(ref.utf8);
    i += ref.consumed;
    copied = i;
  }
  out->append(raw.substr(copied));
  return true;
}

// High bits marking the bytes of `w` (little-endian) that are not printable
// ASCII (0x20..0x7E). Only the lowest mark is exact (a borrow can mark a
// printable byte above a control character): callers use only that one.
uint64_t NonPrintableAsciiBytes(uint64_t w) {
  const uint64_t below_space = (w - kWordOnes * 0x20) & ~w;
  const uint64_t x = w ^ (kWordOnes * 0x7F);
  const uint64_t del = (x - kWordOnes) & ~x;
  return (w | below_space | del) & kWordHighBits;
}

void ScanWhitespace(FastToken* t) {
  size_t i = 0;
  while (i < t->text.size() && IsWs(t->text[i])) ++i;
  t->ws_prefix = i;
  t->has_non_ws = i < t->text.size();
}

}  // namespace

bool IsCleanUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* const end = p + s.size();
  while (p < end) {
    if (end - p >= 8) {
      // Skip the printable ASCII bytes before the first other one (markup
      // between CJK characters rarely fills a whole word).
      const uint64_t other = NonPrintableAsciiBytes(LoadWord(p));
      if (other == 0) {
        p += 8;
        continue;
      }
      p += std::countr_zero(other) / 8;
    }
    const unsigned c = *p;
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) return false;
      ++p;
      continue;
    }
    // Three-byte sequences (CJK) in their common range need only the
    // continuation-byte check: E1..EC and EE hold no surrogate, overlong form
    // or noncharacter.
    if (((c >= 0xE1 && c <= 0xEC) || c == 0xEE) && end - p >= 3 &&
        (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
      p += 3;
      continue;
    }
    size_t n = 0;
    uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) n = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) n = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) n = 4, cp = c & 0x07;
    else return false;
    if (static_cast<size_t>(end - p) < n) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((p[k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[k] & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return false;
    if (!IsPlainNonAscii(cp)) return false;
    p += n;
  }
  return true;
}

FastTokenizer::FastTokenizer(std::string_view utf8, FastArena* arena)
    : in_(utf8), arena_(arena) {}

FastToken FastTokenizer::Decline(const char* reason) {
  declined_ = true;
  FastToken t;
  t.kind = FastTokenKind::kDecline;
  t.begin = t.end = pos_;
  t.reason = reason;
  return t;
}

FastToken FastTokenizer::Next() {
  if (declined_) return Decline("declined before");
  if (!clean_) {
    if (!IsCleanUtf8(in_)) return Decline("characters gumbo rewrites (CR, controls, bad UTF-8)");
    clean_ = true;
  }
  if (raw_tag_ != GUMBO_TAG_LAST) return ReadRawText();
  if (pos_ >= in_.size()) {
    FastToken t;
    t.kind = FastTokenKind::kEof;
    t.begin = t.end = in_.size();
    return t;
  }
  if (in_[pos_] == '<' && pos_ + 1 < in_.size()) {
    const char c = in_[pos_ + 1];
    if (IsAsciiAlpha(c) || c == '/' || c == '!' || c == '?') return ReadMarkup();
  }
  return ReadText();
}

// Characters up to the next tag, comment or doctype; a '<' before white
// space, a digit or a non-ASCII character is text.
FastToken FastTokenizer::ReadText() {
  FastToken t;
  t.kind = FastTokenKind::kText;
  t.begin = pos_;
  size_t i = pos_;
  bool has_ref = false;
  while (i < in_.size()) {
    const char c = in_[i];
    if (c == '<') {
      if (i + 1 >= in_.size()) return Decline("'<' at the end");
      const char d = in_[i + 1];
      if (IsAsciiAlpha(d) || d == '/' || d == '!' || d == '?') break;
      if (!IsWs(d) && !IsAsciiDigit(d) && static_cast<unsigned char>(d) < 0x80) {
        return Decline("'<' before a symbol");
      }
    } else if (c == '&') {
      has_ref = true;
    }
    ++i;
  }
  const std::string_view raw = in_.substr(pos_, i - pos_);
  if (has_ref) {
    if (!Decode(raw, &scratch_)) return Decline("character reference");
    t.text = scratch_;
  } else {
    t.text = raw;
  }
  t.end = i;
  pos_ = i;
  ScanWhitespace(&t);
  return t;
}

// The content of <script>, <style>, <iframe> or <title> up to its end tag.
FastToken FastTokenizer::ReadRawText() {
  const GumboTag tag = raw_tag_;
  raw_tag_ = GUMBO_TAG_LAST;
  size_t k = pos_;
  for (;; k += 2) {
    k = in_.find("</", k);
    if (k == std::string_view::npos) return Decline("raw text element not closed");
    const size_t after = k + 2 + raw_name_.size();
    if (StartsWithNoCase(in_, k + 2, raw_name_) && after < in_.size() &&
        (IsWs(in_[after]) || in_[after] == '/' || in_[after] == '>')) {
      break;
    }
  }
  const std::string_view raw = in_.substr(pos_, k - pos_);
  if (raw.empty()) return Next();
  if (tag == GUMBO_TAG_SCRIPT && raw.find("<!--") != std::string_view::npos) {
    return Decline("<!-- inside <script>");
  }
  FastToken t;
  t.kind = FastTokenKind::kText;
  t.begin = pos_;
  t.end = k;
  t.text = raw;
  if (tag == GUMBO_TAG_TITLE && raw.find('&') != std::string_view::npos) {
    if (!Decode(raw, &scratch_)) return Decline("character reference in <title>");
    t.text = scratch_;
  }
  pos_ = k;
  ScanWhitespace(&t);
  return t;
}

FastToken FastTokenizer::ReadMarkup() {
  const char c = in_[pos_ + 1];
  if (IsAsciiAlpha(c)) return ReadStartTag();
  if (c == '/') return ReadEndTag();
  if (c == '!') {
    if (in_.compare(pos_, 4, "<!--") == 0) return ReadComment();
    if (StartsWithNoCase(in_, pos_ + 2, "doctype")) {
      const size_t gt = in_.find('>', pos_);
      if (gt == std::string_view::npos) return Decline("unclosed doctype");
      FastToken t;
      t.kind = FastTokenKind::kDoctype;
      t.begin = pos_;
      t.end = pos_ = gt + 1;
      return t;
    }
    return Decline("bogus comment <!");
  }
  return Decline("bogus comment <?");
}

// "<!--data-->" with plain data (no "--", no leading '>' or "->", no
// trailing '-', no "<!--"): the forms whose data is certain.
FastToken FastTokenizer::ReadComment() {
  const size_t data = pos_ + 4;
  const size_t close = in_.find("-->", data);
  if (close == std::string_view::npos) return Decline("unclosed comment");
  const std::string_view d = in_.substr(data, close - data);
  if (d.starts_with('>') || d.starts_with("->") || d.ends_with('-') ||
      d.find("--") != std::string_view::npos || d.find("<!--") != std::string_view::npos) {
    return Decline("unusual comment");
  }
  FastToken t;
  t.kind = FastTokenKind::kComment;
  t.begin = pos_;
  t.text = d;
  t.end = pos_ = close + 3;
  return t;
}

// The tag name at *pos, up to white space, '/' or '>'; `*tag` as gumbo
// looks it up (names longer than any known tag are GUMBO_TAG_UNKNOWN).
bool FastTokenizer::ReadTagName(size_t* pos, GumboTag* tag) {
  constexpr size_t kMaxKnown = 16;
  char lower[kMaxKnown];
  size_t p = *pos;
  const size_t begin = p;
  for (; p < in_.size(); ++p) {
    const char c = in_[p];
    if (IsWs(c) || c == '/' || c == '>') break;
    if (c == '<' || c == '"' || c == '\'' || c == '=') return false;
    if (p - begin < kMaxKnown) lower[p - begin] = AsciiLower(c);
  }
  if (p >= in_.size()) return false;
  const size_t length = p - begin;
  *tag = length <= kMaxKnown ? LookupTag(lower, static_cast<unsigned>(length))
                             : GUMBO_TAG_UNKNOWN;
  *pos = p;
  return true;
}

FastToken FastTokenizer::ReadStartTag() {
  FastToken t;
  t.kind = FastTokenKind::kStartTag;
  t.begin = pos_;
  size_t p = pos_ + 1;
  if (!ReadTagName(&p, &t.tag)) return Decline("start tag name");
  attrs_.clear();
  for (;;) {
    while (p < in_.size() && IsWs(in_[p])) ++p;
    if (p >= in_.size()) return Decline("unclosed start tag");
    if (in_[p] == '>') break;
    if (in_[p] == '/') {
      if (p + 1 >= in_.size() || in_[p + 1] != '>') return Decline("'/' in a tag");
      t.self_closing = true;
      ++p;
      break;
    }
    if (!ReadAttribute(&p)) return Decline("attribute");
  }
  t.end = pos_ = p + 1;
  t.attributes = &attrs_;
  if (t.tag == GUMBO_TAG_SCRIPT || t.tag == GUMBO_TAG_STYLE ||
      t.tag == GUMBO_TAG_IFRAME || t.tag == GUMBO_TAG_TITLE) {
    raw_tag_ = t.tag;
    raw_name_ = gumbo_normalized_tagname(t.tag);
  }
  return t;
}

// "</name>" or "</name >"; attributes or '/' in an end tag decline.
FastToken FastTokenizer::ReadEndTag() {
  FastToken t;
  t.kind = FastTokenKind::kEndTag;
  t.begin = pos_;
  size_t p = pos_ + 2;
  if (p >= in_.size() || !IsAsciiAlpha(in_[p])) return Decline("'</' without a tag name");
  if (!ReadTagName(&p, &t.tag)) return Decline("end tag name");
  while (p < in_.size() && IsWs(in_[p])) ++p;
  if (p >= in_.size() || in_[p] != '>') return Decline("end tag with attributes or '/'");
  t.end = pos_ = p + 1;
  return t;
}

// One attribute at *pos: name, optional "= value". Duplicates decline.
bool FastTokenizer::ReadAttribute(size_t* pos) {
  const size_t start = *pos;
  size_t p = start;
  for (; p < in_.size(); ++p) {
    const char c = in_[p];
    if (IsWs(c) || c == '/' || c == '>' || c == '=') break;
    if (c == '"' || c == '\'' || c == '<') return false;
  }
  if (p >= in_.size() || p == start) return false;
  char* name = const_cast<char*>(arena_->CopyString(in_.substr(start, p - start)));
  for (char* c = name; *c != '\0'; ++c) *c = AsciiLower(*c);
  for (const GumboAttribute* a : attrs_) {
    if (std::strcmp(name, a->name) == 0) return false;
  }
  auto* attr = arena_->New<GumboAttribute>();
  attr->attr_namespace = GUMBO_ATTR_NAMESPACE_NONE;
  attr->name = name;
  attr->original_name = {in_.data() + start, p - start};
  attr->name_start.offset = static_cast<unsigned>(start);
  attr->name_end.offset = static_cast<unsigned>(p);
  size_t q = p;
  while (q < in_.size() && IsWs(in_[q])) ++q;
  if (q < in_.size() && in_[q] == '=') {
    ++q;
    while (q < in_.size() && IsWs(in_[q])) ++q;
    if (!ReadAttributeValue(&q, attr)) return false;
    p = q;
  } else {
    attr->value = arena_->CopyString("");
  }
  attrs_.push_back(attr);
  *pos = p;
  return true;
}

bool FastTokenizer::ReadAttributeValue(size_t* pos, GumboAttribute* attr) {
  size_t q = *pos;
  if (q >= in_.size() || in_[q] == '>') return false;
  std::string_view raw;
  const char quote = in_[q];
  if (quote == '"' || quote == '\'') {
    const size_t close = in_.find(quote, q + 1);
    if (close == std::string_view::npos) return false;
    raw = in_.substr(q + 1, close - q - 1);
    q = close + 1;
    // "a='x'b" (no space before the next attribute) is a parse error.
    if (q >= in_.size() || !(IsWs(in_[q]) || in_[q] == '/' || in_[q] == '>')) return false;
  } else {
    const size_t start = q;
    for (; q < in_.size() && !IsWs(in_[q]) && in_[q] != '>'; ++q) {
      if (std::strchr("\"'<=`", in_[q]) != nullptr) return false;
    }
    if (q >= in_.size()) return false;
    raw = in_.substr(start, q - start);
  }
  attr->original_value = {in_.data() + *pos, q - *pos};
  attr->value_start.offset = static_cast<unsigned>(*pos);
  attr->value_end.offset = static_cast<unsigned>(q);
  if (raw.find('&') == std::string_view::npos) {
    attr->value = arena_->CopyString(raw);
  } else {
    if (!Decode(raw, &scratch_)) return false;
    attr->value = arena_->CopyString(scratch_);
  }
  *pos = q;
  return true;
}

}  // namespace zfxxgk::html
