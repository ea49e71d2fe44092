// The batch journal: JSON lines, flock, torn-line repair, fdatasync.
#include "pipeline/batch_state.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <nlohmann/json.hpp>
#include <system_error>

#include "pipeline/batch_set_record.h"
#include "pipeline/fd_io.h"
#include "schemas/json_writer.h"

namespace zfxxgk {
namespace {

using Json = nlohmann::ordered_json;

Status IoError(const std::string& what) {
  return Status(StatusCode::kUnreadable, what + ": " + std::strerror(errno));
}

std::string StringField(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A line whose set record StateEntryLine spliced in: the line without it,
// and the record. Taken as is because parsing a few KB of string through
// the JSON DOM costs more than the rest of the line. `,"set":"` with bare
// quotes cannot occur inside a JSON string, and a plain record holds no
// quote or backslash, so the split is exact.
struct SplicedLine {
  std::string rest;
  std::string_view record;
};

std::optional<SplicedLine> SplitSpliced(std::string_view line) {
  constexpr std::string_view kSetKey = ",\"set\":\"";
  if (line.size() < 2 || line.substr(line.size() - 2) != "\"}") return std::nullopt;
  const size_t at = line.rfind(kSetKey);
  if (at == std::string_view::npos) return std::nullopt;
  const size_t begin = at + kSetKey.size();
  const std::string_view record = line.substr(begin, line.size() - 2 - begin);
  if (!IsPlainJsonText(record)) return std::nullopt;
  return SplicedLine{std::string(line.substr(0, at)) + "}", record};
}

}  // namespace

// Written with JsonWriter, whose text is nlohmann's dump (ParseStateEntry
// reads it with nlohmann): building a DOM per line cost more than the rest
// of the journal. The set record, when there is one, is the last member, so
// a plain one ends the line as `,"set":"<record>"}` (SplitSpliced).
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

StatusOr<BatchStateEntry> ParseStateEntry(std::string_view line) {
  if (std::optional<SplicedLine> spliced = SplitSpliced(line)) {
    StatusOr<BatchStateEntry> e = ParseStateEntry(spliced->rest);
    if (e.ok()) e->set_record = std::string(spliced->record);
    return e;
  }
  Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("path") || !j["path"].is_string() ||
      !j.contains("status")) {
    return Status(StatusCode::kInvalidArgument, "not a batch journal entry");
  }
  BatchStateEntry e;
  e.path = StringField(j, "path");
  e.sha256 = StringField(j, "sha256");
  e.version = StringField(j, "version");
  e.status = StringField(j, "status");
  e.output = StringField(j, "output");
  e.format = StringField(j, "format");
  e.template_name = StringField(j, "template");
  e.organ = StringField(j, "organ");
  if (j.contains("year") && j["year"].is_number_integer()) e.year = j["year"].get<int>();
  e.published = StringField(j, "published");
  if (j.contains("failing_checks") && j["failing_checks"].is_array()) {
    for (const Json& id : j["failing_checks"]) {
      if (id.is_string()) e.failing_checks.push_back(id.get<std::string>());
    }
  }
  e.error_code = StringField(j, "error_code");
  e.error = StringField(j, "error");
  e.set_record = StringField(j, "set");
  return e;
}

StatusOr<std::unique_ptr<BatchState>> BatchState::Open(const std::string& dir,
                                                       const std::string& temp_dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status(StatusCode::kUnreadable, dir + ": cannot create: " + ec.message());
  const std::string path = dir + "/" + kBatchStateFile;
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return IoError(path);
  ExternalSortOptions sort;
  sort.dir = temp_dir;
  std::unique_ptr<BatchState> state(new BatchState(fd, path, sort));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    return Status(StatusCode::kInvalidArgument,
                  dir + ": another zfxxgk batch is writing to this directory");
  }
  RETURN_IF_ERROR(state->Load());
  RETURN_IF_ERROR(state->index_.Finish());
  return state;
}

BatchState::~BatchState() {
  if (fd_ >= 0) ::close(fd_);  // releases the lock
}

// Reads the journal in blocks (its lines carry set records: it can be much
// larger than what is kept of it), parsing each complete line.
Status BatchState::Load() {
  std::string pending;     // the start of a line not yet complete
  uint64_t pending_at = 0;  // its offset in the file
  char buf[1 << 16];
  off_t offset = 0;
  for (;;) {
    const ssize_t n = ::pread(fd_, buf, sizeof buf, offset);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return IoError(path_);
    if (n == 0) break;
    offset += n;
    pending.append(buf, static_cast<size_t>(n));
    size_t begin = 0;
    for (size_t end = pending.find('\n'); end != std::string::npos;
         end = pending.find('\n', begin)) {
      RETURN_IF_ERROR(
          LoadLine(std::string_view(pending).substr(begin, end - begin), pending_at + begin));
      begin = end + 1;
    }
    pending.erase(0, begin);
    pending_at += begin;
  }
  if (!pending.empty()) {
    // The last append was cut short by a kill: its input is not done.
    if (::ftruncate(fd_, static_cast<off_t>(pending_at)) != 0) return IoError(path_);
    torn_line_cut_ = true;
  }
  return OkStatus();
}

// Only where the line is goes to the index: the entry is parsed again when
// an input asks for it (ReadEntry), most lines are never asked for twice.
Status BatchState::LoadLine(std::string_view line, uint64_t offset) {
  if (line.empty()) return OkStatus();
  StatusOr<BatchStateEntry> entry = ParseStateEntry(line);
  if (!entry.ok()) {
    ++lines_skipped_;
    return OkStatus();
  }
  ++entries_read_;
  return index_.Add(entry->path, {offset, line.size()});
}

StatusOr<std::optional<BatchJournalLine>> BatchState::Seek(std::string_view path) {
  return index_.Seek(path);
}

StatusOr<std::optional<BatchStateEntry>> BatchState::Find(std::string_view path) {
  ASSIGN_OR_RETURN(std::optional<BatchJournalLine> line, Seek(path));
  if (!line) return std::optional<BatchStateEntry>();
  ASSIGN_OR_RETURN(BatchStateEntry entry, ReadEntry(path, *line));
  return std::optional<BatchStateEntry>(std::move(entry));
}

StatusOr<bool> BatchState::NextLine(std::string& path, BatchJournalLine& line) {
  return index_.Next(path, line);
}

StatusOr<BatchStateEntry> BatchState::ReadEntry(std::string_view path,
                                                const BatchJournalLine& line) const {
  std::string text(line.length, '\0');
  if (!PreadAll(fd_, text.data(), text.size(), line.offset)) return IoError(path_);
  StatusOr<BatchStateEntry> entry = ParseStateEntry(text);
  if (!entry.ok() || entry->path != path) {
    return Status(StatusCode::kUnreadable, path_ + ": journal line changed");
  }
  return entry;
}

Status BatchState::Append(const std::vector<BatchStateEntry>& entries, bool sync) {
  if (entries.empty()) return OkStatus();
  std::string lines;
  for (const BatchStateEntry& e : entries) lines += StateEntryLine(e);
  return AppendLines(lines, sync);
}

Status BatchState::AppendLines(std::string_view lines, bool sync) {
  if (lines.empty()) return OkStatus();
  if (!WriteAll(fd_, lines)) return IoError(path_);
  if (sync && ::fdatasync(fd_) != 0) return IoError(path_);
  return OkStatus();
}

}  // namespace zfxxgk
