// One batch input: read, journal lookup, extract, atomic report file.
#include "pipeline/batch_worker.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <exception>
#include <filesystem>
#include <set>
#include <system_error>

#include "pipeline/batch_inputs.h"
#include "pipeline/batch_report_json.h"
#include "pipeline/batch_set_record.h"
#include "pipeline/fd_io.h"
#include "pipeline/sha256.h"
#include "pipeline/sniff.h"
#include "schemas/report_json.h"

namespace zfxxgk {
namespace {

constexpr const char* kTempPrefix = ".zfxxgk-tmp-";
constexpr size_t kKeptInputBytes = size_t{4} << 20;

Status IoError(const std::string& what) {
  return Status(StatusCode::kUnreadable, what + ": " + std::strerror(errno));
}

void RecordFailure(const Status& error, BatchRecord& record) {
  record.entry.status = BatchItemStatusName(BatchItemStatus::kFailed);
  record.entry.error_code = StatusCodeName(error.code());
  record.entry.error = error.message();
}

// A journal entry that says the input is done: same bytes, same version, and
// for a report its file is complete. The report file is read back when a
// sink needs it; a file that does not parse means "not done".
bool TrySkip(BatchStateEntry prior, const std::string& sha, const BatchWorkerContext& ctx,
             BatchRecord& record) {
  if (prior.version != ctx.options->tool_version || prior.sha256 != sha) return false;
  record.entry = std::move(prior);
  record.skipped = true;
  if (record.entry.status == BatchItemStatusName(BatchItemStatus::kFailed)) return true;
  const std::string file = ctx.options->out_dir + "/" + record.entry.output;
  if (record.entry.output.empty() || !ReportFileComplete(file)) return false;
  if (!ctx.want_json && !ctx.want_report) return true;
  StatusOr<std::string> text = ReadInputBounded(file, size_t{1} << 30);
  if (!text.ok()) return false;
  while (!text->empty() && text->back() == '\n') text->pop_back();
  if (ctx.want_report) {
    StatusOr<ReportV1> report = ReportFromJson(*text);
    if (!report.ok()) return false;
    if (record.entry.set_record.empty()) {  // a journal from before set records
      record.entry.set_record = EncodeSetRecord(*report).value_or(std::string());
    }
    record.report = std::move(report).value();
  }
  if (ctx.want_json) record.json = std::move(text).value();
  return true;
}

// An exception from the extractor is this input's failure, recorded with the
// input's hash like any other, so a resumed batch does not retry it.
StatusOr<ReportV1> Extract(BatchExtractor& extractor, std::string_view bytes,
                           const std::string& path, std::string_view sha256) {
  try {
    return extractor.Extract(bytes, path, sha256);
  } catch (const std::exception& e) {
    return Status(StatusCode::kInternal, path + ": " + e.what());
  }
}

StatusOr<BatchRecord> Process(size_t index, const std::string& path,
                              const std::optional<BatchJournalLine>& prior,
                              BatchExtractor& extractor, const BatchWorkerContext& ctx,
                              BatchWorkerScratch& scratch) {
  const BatchOptions& options = *ctx.options;
  BatchRecord record;
  record.index = index;
  record.entry.path = path;
  record.entry.version = options.tool_version;
  // Read into the worker's buffer: a fresh one per input cost a large
  // malloc and free each (and glibc consolidates its fast bins on freeing a
  // chunk of 64 KB or more).
  const Status read = ReadInputInto(path, options.extract.max_input_bytes, scratch.input);
  if (!read.ok()) {
    record.entry.format = InputFormatName(InputFormat::kUnknown);
    RecordFailure(read, record);
    return record;
  }
  const std::string_view bytes = scratch.input;
  std::string sha;
  if (prior && ctx.state != nullptr) {
    // Parsed here, in parallel; the set record comes with it.
    ASSIGN_OR_RETURN(BatchStateEntry entry, ctx.state->ReadEntry(path, *prior));
    sha = Sha256Hex(bytes);
    BatchRecord skipped = record;
    if (TrySkip(std::move(entry), sha, ctx, skipped)) return skipped;
  }
  StatusOr<ReportV1> report = Extract(extractor, bytes, path, sha);  // hashed once
  if (!report.ok()) {
    record.entry.sha256 = sha.empty() ? Sha256Hex(bytes) : sha;
    record.entry.format = InputFormatName(SniffFormat(bytes));
    RecordFailure(report.status(), record);
    return record;
  }
  FillEntryFromReport(*report, record.entry);
  const CellWalk walk(report->cells);  // one walk for the set record and the JSON
  record.entry.set_record = EncodeSetRecord(*report, walk).value_or(std::string());
  if (record.entry.sha256.empty()) record.entry.sha256 = sha.empty() ? Sha256Hex(bytes) : sha;
  // Written into the worker's buffer, which has room for the newline (the
  // writer grows it ahead of the text): one allocation per worker, not a
  // few per report.
  std::string json = ToJson(*report, /*pretty=*/false, std::move(scratch.json), walk);
  if (!options.out_dir.empty()) {
    record.entry.output = BatchOutputName(path);
    json.push_back('\n');
    RETURN_IF_ERROR(WriteFileAtomically(options.out_dir, record.entry.output, json,
                                        options.durable, *ctx.temp_counter));
    json.pop_back();
  }
  if (ctx.want_json) {
    record.json = std::move(json);
  } else {
    scratch.json = std::move(json);
  }
  if (ctx.want_report) record.report = std::move(report).value();
  return record;
}

// Gives the open file `fd` the name `path`. linkat(fd, "", AT_EMPTY_PATH)
// needs CAP_DAC_READ_SEARCH, or (Linux 6.10 and later) the credentials that
// opened the file; otherwise it fails with ENOENT and the file is linked
// through its /proc/self/fd entry, whose path lookup costs the kernel about
// a third of the linkat. Which of the two works is learnt once per process.
#ifdef O_TMPFILE
bool LinkOpenFile(int fd, const std::string& path) {
  static std::atomic<bool> empty_path_works{true};
#ifdef AT_EMPTY_PATH
  if (empty_path_works.load(std::memory_order_relaxed)) {
    if (::linkat(fd, "", AT_FDCWD, path.c_str(), AT_EMPTY_PATH) == 0) return true;
    if (errno != ENOENT) return false;
    empty_path_works.store(false, std::memory_order_relaxed);
  }
#endif
  const std::string self = "/proc/self/fd/" + std::to_string(fd);
  return ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, path.c_str(), AT_SYMLINK_FOLLOW) == 0;
}
#endif

// The common case without a temporary name: an unnamed file in `dir`
// (O_TMPFILE), written, then linked under its name. A fresh OUTDIR then
// costs one directory entry per report instead of a create and a rename,
// the inode is allocated outside the directory's lock (workers contend on
// it), and a killed process leaves nothing behind. False, with nothing
// left, when the file system or kernel lacks O_TMPFILE, /proc is missing,
// the name exists already (a report done again: the caller replaces it by
// rename), or on any error: the caller then takes the named route, which
// reports errors.
bool WriteUnnamedAndLink(const std::string& dir, const std::string& final_path,
                         std::string_view data, bool durable) {
#ifdef O_TMPFILE
  const int fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  bool ok = WriteAll(fd, data) && (!durable || ::fsync(fd) == 0);
  if (ok) ok = LinkOpenFile(fd, final_path);
  ok = ::close(fd) == 0 && ok;
  return ok;
#else
  (void)dir, (void)final_path, (void)data, (void)durable;
  return false;
#endif
}

// Reads at most limit + 1 bytes from `fd` straight into the string (no
// bounce buffer). `size` is the file's size when it is a regular file with
// one (else -1): the string is sized for it, and a read that returns fewer
// bytes than asked is its end (regular files are read whole unless at the
// end), which saves the read(2) that would return 0.
Status ReadBounded(int fd, off_t size, size_t limit, const std::string& path,
                   std::string& data) {
  const size_t cap = limit < SIZE_MAX ? limit + 1 : limit;
  data.resize(size > 0 ? std::min(static_cast<size_t>(size) + 1, cap)
                       : std::min(size_t{1} << 16, cap));
  size_t got = 0;
  while (got < cap) {
    if (got == data.size()) data.resize(std::min(std::max(2 * got, size_t{1} << 16), cap));
    const size_t want = data.size() - got;
    const ssize_t n = ::read(fd, data.data() + got, want);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return IoError(path + ": read error");
    if (n == 0) break;
    got += static_cast<size_t>(n);
    if (size > 0 && static_cast<size_t>(n) < want) break;
  }
  data.resize(got);
  return OkStatus();
}

}  // namespace

StatusOr<BatchRecord> ProcessBatchInput(size_t index, const std::string& path,
                                        const std::optional<BatchJournalLine>& prior,
                                        BatchExtractor& extractor,
                                        const BatchWorkerContext& context,
                                        BatchWorkerScratch& scratch) {
  try {
    StatusOr<BatchRecord> record = Process(index, path, prior, extractor, context, scratch);
    // A worker keeps the memory of ordinary inputs, not of a huge one.
    if (scratch.input.capacity() > kKeptInputBytes) std::string().swap(scratch.input);
    // The journal line is rendered here, in parallel, not by the collector.
    if (record.ok() && !record->skipped && !context.options->out_dir.empty()) {
      record->journal_line = StateEntryLine(record->entry);
    }
    return record;
  } catch (const std::exception& e) {  // e.g. std::bad_alloc on one huge input
    BatchRecord record;
    record.index = index;
    record.entry.path = path;
    record.entry.version = context.options->tool_version;
    record.entry.format = InputFormatName(InputFormat::kUnknown);
    RecordFailure(Status(StatusCode::kInternal, path + ": " + e.what()), record);
    return record;
  }
}

StatusOr<std::string> ReadInputBounded(const std::string& path, size_t limit) {
  std::string data;
  RETURN_IF_ERROR(ReadInputInto(path, limit, data));
  return data;
}

Status ReadInputInto(const std::string& path, size_t limit, std::string& out) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const StatusCode code = errno == ENOENT ? StatusCode::kNotFound : StatusCode::kUnreadable;
    return Status(code, path + ": cannot open: " + std::strerror(errno));
  }
  struct stat st;
  const bool known = ::fstat(fd, &st) == 0;
  if (known && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return Status(StatusCode::kUnreadable, path + ": is a directory");
  }
  Status read = ReadBounded(fd, known && S_ISREG(st.st_mode) ? st.st_size : -1, limit, path, out);
  ::close(fd);
  return read;
}

Status WriteFileAtomically(const std::string& dir, const std::string& name,
                           std::string_view data, bool durable,
                           std::atomic<uint64_t>& counter) {
  const std::string final_path = dir + "/" + name;
  if (WriteUnnamedAndLink(dir, final_path, data, durable)) return OkStatus();
  static const std::string pid = std::to_string(::getpid());
  const std::string temp =
      dir + "/" + kTempPrefix + pid + "-" + std::to_string(counter.fetch_add(1));
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return IoError("cannot create " + temp);
  bool ok = WriteAll(fd, data);
  if (ok && durable) ok = ::fsync(fd) == 0;
  Status error = ok ? OkStatus() : IoError("cannot write " + temp);
  if (::close(fd) != 0 && error.ok()) error = IoError("cannot write " + temp);
  if (error.ok() && ::rename(temp.c_str(), final_path.c_str()) != 0) {
    error = IoError("cannot rename " + temp + " to " + final_path);
  }
  if (!error.ok()) ::unlink(temp.c_str());
  return error;
}

void RemoveStaleTemporaries(const std::string& dir) {
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->path().filename().string().rfind(kTempPrefix, 0) == 0) {
      std::error_code rm;
      std::filesystem::remove(it->path(), rm);
    }
  }
}

bool ReportFileComplete(const std::string& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  char tail[2] = {0, 0};
  const bool ok = ::fstat(fd, &st) == 0 && st.st_size >= 3 &&
                  ::pread(fd, tail, 2, st.st_size - 2) == 2 && tail[0] == '}' && tail[1] == '\n';
  ::close(fd);
  return ok;
}

void FillEntryFromReport(const ReportV1& report, BatchStateEntry& entry) {
  entry.status = BatchItemStatusName(report.issues.empty() ? BatchItemStatus::kOk
                                                           : BatchItemStatus::kPartial);
  entry.sha256 = report.source.sha256;
  entry.format = InputFormatName(report.source.format);
  entry.template_name = report.report.template_name;
  entry.organ = report.report.organ;
  entry.year = report.report.year;
  entry.published = report.report.published;
  std::set<std::string> failing;
  for (const CheckOut& check : report.checks) {
    // Hard identities are the table identities; the prose check P.* is soft.
    if (check.status == "fail" && check.id.rfind("P.", 0) != 0) failing.insert(check.id);
  }
  entry.failing_checks.assign(failing.begin(), failing.end());
}

}  // namespace zfxxgk
