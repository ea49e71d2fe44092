#include "schemas/json_writer.h"

#include <nlohmann/json.hpp>

#include <charconv>

namespace zfxxgk {
namespace {

// Whether dump would copy `s` verbatim between quotes: well-formed UTF-8
// (no overlong forms, surrogates or code points above U+10FFFF) without
// control characters, quotes or backslashes.
bool IsPlain(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      if (c < 0x20 || c == '"' || c == '\\') return false;
      ++i;
      continue;
    }
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) len = 3, lo = 0xA0;
    else if (c == 0xED) len = 3, hi = 0x9F;
    else if (c >= 0xE1 && c <= 0xEF) len = 3;
    else if (c == 0xF0) len = 4, lo = 0x90;
    else if (c == 0xF4) len = 4, hi = 0x8F;
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else return false;
    if (i + len > n || p[i + 1] < lo || p[i + 1] > hi) return false;
    for (size_t k = 2; k < len; ++k) {
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return false;
    }
    i += len;
  }
  return true;
}

}  // namespace

JsonWriter::JsonWriter(bool pretty) : pretty_(pretty) {}

void JsonWriter::Newline() {
  if (!pretty_) return;
  out_.push_back('\n');
  out_.append(2 * has_members_.size(), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_members_.empty()) return;  // the top-level value
  if (has_members_.back()) out_.push_back(',');
  has_members_.back() = true;
  Newline();
}

void JsonWriter::BeginObject() {
  BeforeValue();
  out_.push_back('{');
  has_members_.push_back(false);
}

void JsonWriter::End(char close) {
  const bool any = has_members_.back();
  has_members_.pop_back();
  if (any) Newline();
  out_.push_back(close);
}

void JsonWriter::EndObject() { End('}'); }

void JsonWriter::BeginArray() {
  BeforeValue();
  out_.push_back('[');
  has_members_.push_back(false);
}

void JsonWriter::EndArray() { End(']'); }

void JsonWriter::Key(std::string_view key) {
  if (has_members_.back()) out_.push_back(',');
  has_members_.back() = true;
  Newline();
  Escaped(key);
  out_.append(pretty_ ? ": " : ":");
  after_key_ = true;
}

void JsonWriter::Escaped(std::string_view s) {
  if (IsPlain(s)) {
    out_.push_back('"');
    out_.append(s);
    out_.push_back('"');
    return;
  }
  // Rare: let nlohmann escape (and replace invalid UTF-8) exactly as dump does.
  out_.append(nlohmann::json(std::string(s))
                  .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void JsonWriter::String(std::string_view s) {
  BeforeValue();
  Escaped(s);
}

void JsonWriter::Int(int64_t v) {
  BeforeValue();
  char buf[24];
  const auto res = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, res.ptr);
}

void JsonWriter::Double(double v) {
  BeforeValue();
  out_.append(nlohmann::json(v).dump());
}

void JsonWriter::Null() {
  BeforeValue();
  out_.append("null");
}

std::string JsonWriter::Take() {
  std::string out = std::move(out_);
  out_.clear();
  has_members_.clear();
  after_key_ = false;
  return out;
}

}  // namespace zfxxgk
