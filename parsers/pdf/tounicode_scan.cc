#include "parsers/pdf/tounicode_scan.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <string>

namespace zfxxgk::pdf {
namespace {

// Poppler ignores codes above this (CharCodeToUnicode::addMapping).
constexpr uint32_t kMaxPopplerCode = 0xFFFFFF;
// A table for two-byte codes has at most this many entries.
constexpr uint64_t kTwoByteEntries = 0x10000;
// How far back from "stream" the "N G obj" of its dictionary is looked for.
constexpr size_t kDictReach = 4096;

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
bool IsDelimiter(char c) { return std::string_view("()<>[]{}/%").find(c) != std::string_view::npos; }

struct RawStream {
  int object = -1;        // N of "N G obj", -1 when not found
  std::string_view dict;  // from "obj" to "stream"
  std::string_view data;  // raw (encoded) bytes up to "endstream"
};

// The object number of the "N G obj" that ends at `obj` (the position of
// "obj"), or -1.
int ObjectNumberBefore(std::string_view text, size_t obj) {
  size_t i = obj;
  auto skip_space_back = [&] { while (i > 0 && IsSpace(text[i - 1])) --i; };
  auto number_back = [&]() -> std::optional<long> {
    size_t end = i;
    while (i > 0 && std::isdigit(static_cast<unsigned char>(text[i - 1])) && end - i < 9) --i;
    if (i == end) return std::nullopt;
    return std::stol(std::string(text.substr(i, end - i)));
  };
  skip_space_back();
  if (!number_back()) return -1;  // generation
  skip_space_back();
  std::optional<long> n = number_back();
  return n ? static_cast<int>(*n) : -1;
}

// The next stream whose "stream" keyword is at or after `from`; moves `from`
// past it.
std::optional<RawStream> NextStream(std::string_view bytes, size_t& from) {
  constexpr std::string_view kStream = "stream";
  size_t at;
  while ((at = bytes.find(kStream, from)) != std::string_view::npos) {
    from = at + kStream.size();
    if (at >= 3 && bytes.substr(at - 3, 3) == "end") continue;
    size_t data = from;
    if (data < bytes.size() && bytes[data] == '\r') ++data;
    if (data < bytes.size() && bytes[data] == '\n') ++data;
    if (data == from) continue;  // "stream" inside a name or text
    const size_t back = at > kDictReach ? at - kDictReach : 0;
    const size_t obj = bytes.substr(back, at - back).rfind("obj");
    RawStream s;
    if (obj != std::string_view::npos) {
      s.object = ObjectNumberBefore(bytes, back + obj);
      s.dict = bytes.substr(back + obj, at - back - obj);
    }
    size_t end = bytes.find("endstream", data);
    if (end == std::string_view::npos) end = bytes.size();
    s.data = bytes.substr(data, end - data);
    from = end;
    return s;
  }
  return std::nullopt;
}

// Whether the name `name` follows `key` in `dict` ("/Filter /FlateDecode",
// "/Filter [/FlateDecode]").
bool NameAfter(std::string_view dict, std::string_view key, std::string_view name) {
  size_t at = dict.find(key);
  if (at == std::string_view::npos) return false;
  size_t i = at + key.size();
  while (i < dict.size() && (IsSpace(dict[i]) || dict[i] == '[')) ++i;
  if (dict.substr(i, name.size()) != name) return false;
  const size_t end = i + name.size();
  return end >= dict.size() || IsSpace(dict[end]) || IsDelimiter(dict[end]);
}

// The decoded data of `s` (no filter, or FlateDecode alone), at most `limit`
// bytes; nothing for other filters. Like poppler, keeps what decodes before a
// corrupt end (a bad checksum).
std::optional<std::string> Decode(const RawStream& s, size_t limit) {
  if (s.dict.find("/Filter") == std::string_view::npos) {
    return std::string(s.data.substr(0, limit));
  }
  const bool flate = NameAfter(s.dict, "/Filter", "/FlateDecode") ||
                     NameAfter(s.dict, "/Filter", "/Fl");
  if (!flate || s.dict.find("/DecodeParms") != std::string_view::npos) return std::nullopt;
  if (s.dict.find("/ASCII") != std::string_view::npos) return std::nullopt;  // a filter chain
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return std::nullopt;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data.data()));
  z.avail_in = static_cast<uInt>(std::min<size_t>(s.data.size(), UINT32_MAX));
  std::string out;
  int rc = Z_OK;
  while (rc == Z_OK && out.size() < limit) {
    const size_t old = out.size();
    out.resize(std::min(limit, old + (64 << 10)));
    z.next_out = reinterpret_cast<Bytef*>(out.data() + old);
    z.avail_out = static_cast<uInt>(out.size() - old);
    rc = inflate(&z, Z_NO_FLUSH);
    out.resize(out.size() - z.avail_out);
    if (rc == Z_BUF_ERROR && z.avail_in == 0) break;
  }
  inflateEnd(&z);
  return out;
}

// Adds to `refs` the "/ToUnicode N G R" references found in `text`, by N.
void CountReferences(std::string_view text, std::map<int, int>& refs) {
  constexpr std::string_view kKey = "/ToUnicode";
  for (size_t at = text.find(kKey); at != std::string_view::npos;
       at = text.find(kKey, at + kKey.size())) {
    size_t i = at + kKey.size();
    auto number = [&]() -> std::optional<long> {
      while (i < text.size() && IsSpace(text[i])) ++i;
      const size_t begin = i;
      while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && i - begin < 9) ++i;
      if (i == begin) return std::nullopt;
      return std::stol(std::string(text.substr(begin, i - begin)));
    };
    const std::optional<long> object = number();
    if (!object || !number()) continue;
    while (i < text.size() && IsSpace(text[i])) ++i;
    if (i < text.size() && text[i] == 'R') ++refs[static_cast<int>(*object)];
  }
}

// Splits CMap text into tokens roughly as poppler's PSTokenizer does: a
// <hex string>, a run of regular characters, or one delimiter; comments are
// skipped.
class Tokens {
 public:
  explicit Tokens(std::string_view text) : text_(text) {}
  std::optional<std::string_view> Next() {
    while (i_ < text_.size()) {
      if (IsSpace(text_[i_])) {
        ++i_;
      } else if (text_[i_] == '%') {
        while (i_ < text_.size() && text_[i_] != '\n' && text_[i_] != '\r') ++i_;
      } else {
        break;
      }
    }
    if (i_ >= text_.size()) return std::nullopt;
    const size_t begin = i_;
    if (text_[i_] == '<') {
      const size_t close = text_.find('>', i_);
      i_ = close == std::string_view::npos ? text_.size() : close + 1;
    } else if (IsDelimiter(text_[i_])) {
      ++i_;
      while (text_[begin] == '/' && i_ < text_.size() && !IsSpace(text_[i_]) &&
             !IsDelimiter(text_[i_])) ++i_;
    } else {
      while (i_ < text_.size() && !IsSpace(text_[i_]) && !IsDelimiter(text_[i_])) ++i_;
    }
    return text_.substr(begin, i_ - begin);
  }

 private:
  std::string_view text_;
  size_t i_ = 0;
};

// The code of a <hex> token, wrapping at 32 bits like poppler's parseHex;
// nothing for another token or a non-hex digit.
std::optional<uint32_t> HexCode(std::string_view token) {
  if (token.size() < 2 || token.front() != '<' || token.back() != '>') return std::nullopt;
  uint32_t code = 0;
  for (char c : token.substr(1, token.size() - 2)) {
    if (IsSpace(c)) continue;
    if (!std::isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
    const int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (std::tolower(c) - 'a' + 10);
    code = (code << 4) + static_cast<uint32_t>(digit);
  }
  return code;
}

// Poppler's table length as codes are mapped in order.
struct TableLength {
  uint64_t entries = 256;
  uint32_t max_code = 0;
  void Add(uint32_t code) {
    if (code > kMaxPopplerCode) return;
    max_code = std::max(max_code, code);
    if (code < entries) return;
    uint64_t grown = 2 * entries;
    if (code >= grown) grown = (uint64_t{code} + 256) & ~uint64_t{255};
    entries = grown;
  }
};

// Reads the entries of one block opened by `begin` ("beginbfchar" ...) up to
// its end keyword: `arity` tokens each, the first one the code; ranges
// (arity 3) are clamped to two-byte codes as poppler clamps them. A bfchar
// entry (`string_value`) counts only when its value is a <string> too.
void ReadBlock(Tokens& tokens, std::string_view end, int arity, bool string_value,
               TableLength& table) {
  while (true) {
    std::optional<std::string_view> first = tokens.Next();
    if (!first || *first == end) return;
    std::optional<std::string_view> second = tokens.Next();
    if (!second || *second == end) return;
    if (arity == 3) {
      std::optional<std::string_view> third = tokens.Next();
      if (!third || *third == end) return;
      if (*third == "[") {
        for (auto t = tokens.Next(); t && *t != "]" && *t != end; t = tokens.Next()) {
        }
      }
      const std::optional<uint32_t> a = HexCode(*first), b = HexCode(*second);
      if (a && b && *a <= *b) table.Add(std::min<uint32_t>(*b, kTwoByteEntries - 1));
      continue;
    }
    const bool value_ok = !string_value || (second->front() == '<' && second->back() == '>' &&
                                            second->size() >= 2);
    if (std::optional<uint32_t> code = HexCode(*first); code && value_ok) table.Add(*code);
  }
}

// Poppler's table for the CMap `text`.
TableLength CMapTable(std::string_view text) {
  TableLength table;
  Tokens tokens(text);
  for (auto t = tokens.Next(); t; t = tokens.Next()) {
    if (*t == "beginbfchar") ReadBlock(tokens, "endbfchar", 2, true, table);
    if (*t == "begincidchar") ReadBlock(tokens, "endcidchar", 2, false, table);
    if (*t == "beginbfrange") ReadBlock(tokens, "endbfrange", 3, false, table);
    if (*t == "begincidrange") ReadBlock(tokens, "endcidrange", 3, false, table);
  }
  return table;
}

// The /ToUnicode references of the file: in its plain bytes and in its
// object streams (where font dictionaries often are).
std::map<int, int> References(std::string_view bytes, int64_t& budget) {
  std::map<int, int> refs;
  CountReferences(bytes, refs);
  size_t from = 0;
  while (budget > 0) {
    std::optional<RawStream> s = NextStream(bytes, from);
    if (!s) break;
    if (s->dict.find("/ObjStm") == std::string_view::npos) continue;
    std::optional<std::string> text = Decode(*s, static_cast<size_t>(budget));
    if (!text) continue;
    budget -= static_cast<int64_t>(text->size());
    CountReferences(*text, refs);
  }
  return refs;
}

}  // namespace

ToUnicodeCost ScanToUnicode(std::string_view bytes) {
  int64_t budget = kMaxDecodedBytes;
  const std::map<int, int> refs = References(bytes, budget);
  ToUnicodeCost cost;
  if (refs.empty()) return cost;
  size_t from = 0;
  while (budget > 0) {
    std::optional<RawStream> s = NextStream(bytes, from);
    if (!s) break;
    const auto ref = refs.find(s->object);
    if (ref == refs.end()) continue;
    std::optional<std::string> text = Decode(*s, static_cast<size_t>(budget));
    if (!text) continue;
    budget -= static_cast<int64_t>(text->size());
    const TableLength table = CMapTable(*text);
    // Two-byte codes can still grow a table past 64 Ki entries by doubling
    // (<8400> then <FF1B>: 68 096), but no further than 128 Ki: normal.
    if (table.max_code < kTwoByteEntries) continue;
    ++cost.oversized_cmaps;
    cost.font_references += ref->second;
    cost.max_code = std::max(cost.max_code, table.max_code);
    cost.bytes_per_page += static_cast<int64_t>(table.entries) * 4 * ref->second;
  }
  return cost;
}

}  // namespace zfxxgk::pdf
