// JsonWriter: streams JSON text straight into one string, in exactly the
// format of nlohmann::json::dump (compact, or indented by two spaces with
// ": " after keys; "{}" and "[]" for empty containers; strings escaped as
// dump does with ensure_ascii = false and invalid UTF-8 replaced by U+FFFD).
// No tree is built: callers emit members in order. Not thread-safe (one
// writer per document); never throws (std::bad_alloc aside).
//
//   JsonWriter w(/*pretty=*/false);
//   w.BeginObject(); w.Key("a"); w.Int(1); w.EndObject();
//   std::string text = w.Take();  // {"a":1}
//
// A writer can write into the storage of a string no longer needed (its
// capacity is reused: a worker writing many documents allocates once):
//
//   JsonWriter w(false, std::move(previous_text));
#ifndef ZFXXGK_SCHEMAS_JSON_WRITER_H_
#define ZFXXGK_SCHEMAS_JSON_WRITER_H_

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/text_buffer.h"

namespace zfxxgk {

class JsonWriter {
 public:
  explicit JsonWriter(bool pretty) : pretty_(pretty) {}
  // Writes into `storage`'s memory; its contents are discarded.
  JsonWriter(bool pretty, std::string storage);

  bool pretty() const { return pretty_; }
  // Pretty: every line after the first starts `spaces` further in (a value
  // written inside another document's indentation). Call before writing.
  void SetBaseIndent(size_t spaces) { base_indent_ = spaces; }

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  // A member's key; the next call writes its value.
  void Key(std::string_view key);

  // Key and String for text that needs no escaping, such as the literal
  // keys and enum names of a document: printable ASCII without '"' or '\\'.
  // Copied as is, without looking at its bytes. REQUIRES: such text.
  // (Inline: a literal's length is known where it is written.)
  void PlainKey(std::string_view key);
  void PlainString(std::string_view s);

  void String(std::string_view s);
  void Int(int64_t v);
  void Double(double v);  // dump's shortest round-trip form ("0.5", "1.0")
  void Bool(bool v);
  void Null();

  // For a compact writer only (REQUIRES: !pretty): one value whose text the
  // caller puts together itself, e.g. from fragments made once, with no
  // member or separator bookkeeping per piece. BeginValue writes what comes
  // before a value (as String would); then Raw copies JSON text as is,
  // Quoted writes a string as String does, RawInt and RawDouble a number as
  // Int and Double do. The pieces must add up to exactly one JSON value.
  void BeginValue() { BeforeValue(); }
  void Raw(std::string_view json) { out_.Put(json); }
  void Quoted(std::string_view s) { Escaped(s); }
  void RawInt(int64_t v) {
    char* p = out_.Room(24);
    out_.SetEnd(std::to_chars(p, p + 24, v).ptr);
  }
  void RawDouble(double v);
  // Raw text written through a pointer, for a value of many short pieces:
  // RawRoom(n) is where up to `n` bytes go, RawEnd(p) says that the text
  // now ends at p (one capacity check for all the pieces).
  char* RawRoom(size_t n) { return out_.Room(n); }
  void RawEnd(const char* end) { out_.SetEnd(end); }

  // Room for `n` more bytes of text, reserved at once (a writer that knows
  // about how long its text will be grows its storage once).
  void Reserve(size_t n) { out_.Room(n); }

  // A point in the text to come back to: Rewind(Mark()) drops what was
  // written since, as if it never was. REQUIRES: the containers open at
  // the mark are still open at the rewind.
  struct Position {
    size_t size;
    size_t depth;
    bool has_members;
    bool after_key;
  };
  Position Mark() const;
  void Rewind(const Position& mark);

  // The text written so far (the writer is left empty).
  std::string Take();

 private:
  void BeforeValue();  // separator and indentation before an array element
  void Newline();      // pretty: newline and indentation of the open level
  void End(char close);
  void Escaped(std::string_view s);
  static constexpr size_t kShort = 24;
  bool ShortPlain(std::string_view s);  // REQUIRES s.size() <= kShort; false: not written
  bool EscapedValidUtf8(std::string_view s);  // false: `s` is not valid UTF-8

  bool pretty_;
  size_t base_indent_ = 0;
  bool after_key_ = false;
  std::vector<char> has_members_;  // one per open container (a bool)
  TextBuffer out_;
};

// '"', the text, '"' and, for a key, ':' (and a space when pretty) with
// one capacity check.
inline void JsonWriter::PlainKey(std::string_view key) {
  if (has_members_.back()) out_.Put(',');
  has_members_.back() = true;
  if (pretty_) Newline();
  char* p = out_.Room(key.size() + 4);
  *p++ = '"';
  std::memcpy(p, key.data(), key.size());
  p += key.size();
  *p++ = '"';
  *p++ = ':';
  if (pretty_) *p++ = ' ';
  out_.SetEnd(p);
  after_key_ = true;
}

inline void JsonWriter::PlainString(std::string_view s) {
  BeforeValue();
  char* p = out_.Room(s.size() + 2);
  *p++ = '"';
  std::memcpy(p, s.data(), s.size());
  p += s.size();
  *p++ = '"';
  out_.SetEnd(p);
}

}  // namespace zfxxgk

#endif  // ZFXXGK_SCHEMAS_JSON_WRITER_H_
