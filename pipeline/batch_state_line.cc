// Journal lines: written with JsonWriter, read with JsonCursor.
#include "pipeline/batch_state_line.h"

#include <cstdint>

#include "pipeline/batch_state_json.h"
#include "schemas/json_writer.h"

namespace zfxxgk {
namespace {

// Reads `line` as one JSON object, handing each member's key to `member`,
// which reads the value from the cursor (false: not a journal line).
template <typename Member>
bool ReadObject(std::string_view line, Member&& member) {
  JsonCursor in(line);
  in.SkipBom();
  if (!in.Consume('{')) return false;
  if (!in.Consume('}')) {
    std::string key_storage;
    std::string_view key;
    do {
      if (!in.String(&key, &key_storage) || !in.Consume(':') || !member(key, in)) return false;
    } while (in.Consume(','));
    if (!in.Consume('}')) return false;
  }
  return in.AtEnd();
}

// A member read as StringField did from the DOM: its text when it is a
// string, else empty. Decoded straight into `field` when it has escapes.
bool ReadString(JsonCursor& in, std::string& field) {
  if (in.Peek() != '"') {
    field.clear();
    return in.SkipValue();
  }
  std::string_view text;
  if (!in.String(&text, &field)) return false;
  if (text.data() != field.data()) field.assign(text);
  return true;
}

// nlohmann's is_number_integer, then get<int>() (which keeps the low 32 bits).
bool ReadYear(JsonCursor& in, std::optional<int>& year) {
  year.reset();
  const int c = in.Peek();
  if (c != '-' && (c < '0' || c > '9')) return in.SkipValue();
  JsonCursor::Number number;
  if (!in.ReadNumber(&number)) return false;
  if (number.integer) year = static_cast<int>(number.bits);
  return true;
}

bool ReadStringArray(JsonCursor& in, std::vector<std::string>& items) {
  items.clear();
  if (in.Peek() != '[') return in.SkipValue();
  in.Consume('[');
  if (in.Consume(']')) return true;
  std::string item;
  do {
    if (in.Peek() != '"') {
      if (!in.SkipValue()) return false;
      continue;
    }
    if (!ReadString(in, item)) return false;
    items.push_back(item);
  } while (in.Consume(','));
  return in.Consume(']');
}

std::string* StringMember(BatchStateEntry& e, std::string_view key) {
  if (key == "sha256") return &e.sha256;
  if (key == "version") return &e.version;
  if (key == "status") return &e.status;
  if (key == "output") return &e.output;
  if (key == "format") return &e.format;
  if (key == "template") return &e.template_name;
  if (key == "organ") return &e.organ;
  if (key == "published") return &e.published;
  if (key == "error_code") return &e.error_code;
  if (key == "error") return &e.error;
  if (key == "set") return &e.set_record;
  return nullptr;
}

Status NotAnEntry() { return Status(StatusCode::kInvalidArgument, "not a batch journal entry"); }

}  // namespace

// Written with JsonWriter, whose text is nlohmann's dump (journals of older
// builds, which wrote with nlohmann, read the same): building a DOM per line
// cost more than the rest of the journal. The set record, when there is one,
// is the last member.
std::string StateEntryLine(const BatchStateEntry& e) {
  std::string storage;
  storage.reserve(e.set_record.size() + e.error.size() + e.path.size() + 512);
  JsonWriter w(/*pretty=*/false, std::move(storage));
  w.BeginObject();
  w.Key("path"), w.String(e.path);
  w.Key("sha256"), w.String(e.sha256);
  w.Key("version"), w.String(e.version);
  w.Key("status"), w.String(e.status);
  if (!e.output.empty()) w.Key("output"), w.String(e.output);
  w.Key("format"), w.String(e.format);
  w.Key("template"), w.String(e.template_name);
  w.Key("organ"), w.String(e.organ);
  w.Key("year");
  if (e.year) w.Int(*e.year);
  else w.Null();
  w.Key("published"), w.String(e.published);
  w.Key("failing_checks"), w.BeginArray();
  for (const std::string& id : e.failing_checks) w.String(id);
  w.EndArray();
  if (!e.error_code.empty()) w.Key("error_code"), w.String(e.error_code);
  if (!e.error.empty()) w.Key("error"), w.String(e.error);
  if (!e.set_record.empty()) w.Key("set"), w.String(e.set_record);
  w.EndObject();
  std::string line = w.Take();
  line.push_back('\n');
  return line;
}

std::optional<size_t> SetRecordInLine(std::string_view line, std::string_view set_record) {
  constexpr std::string_view kHead = "\"set\":\"", kTail = "\"}\n";
  const size_t size = kHead.size() + set_record.size() + kTail.size();
  if (set_record.empty() || line.size() < size) return std::nullopt;
  const size_t at = line.size() - kTail.size() - set_record.size();
  if (line.substr(at - kHead.size(), kHead.size()) != kHead ||
      line.substr(at, set_record.size()) != set_record || !line.ends_with(kTail)) {
    return std::nullopt;
  }
  return at;
}

// Last member of a name wins, as in nlohmann's DOM: a later "path" that is
// not a string leaves the line without a path.
StatusOr<BatchStateEntry> ParseStateEntry(std::string_view line) {
  BatchStateEntry e;
  bool has_path = false;
  bool has_status = false;
  const bool ok = ReadObject(line, [&](std::string_view key, JsonCursor& in) {
    if (key == "path") {
      has_path = in.Peek() == '"';
      return ReadString(in, e.path);
    }
    if (key == "year") return ReadYear(in, e.year);
    if (key == "failing_checks") return ReadStringArray(in, e.failing_checks);
    if (key == "status") has_status = true;
    std::string* field = StringMember(e, key);
    return field != nullptr ? ReadString(in, *field) : in.SkipValue();
  });
  if (!ok || !has_path || !has_status) return NotAnEntry();
  return e;
}

std::optional<std::string_view> ScanStateEntryPath(std::string_view line, std::string& storage) {
  std::optional<std::string_view> path;
  bool has_status = false;
  const bool ok = ReadObject(line, [&](std::string_view key, JsonCursor& in) {
    if (key == "path") {
      path.reset();
      if (in.Peek() != '"') return in.SkipValue();
      std::string_view text;
      if (!in.String(&text, &storage)) return false;
      path = text;
      return true;
    }
    if (key == "status") has_status = true;
    return in.SkipValue();
  });
  if (!ok || !has_status) return std::nullopt;
  return path;
}

}  // namespace zfxxgk
