// JSONL, CSV and set-findings sinks.
#include "pipeline/batch_sinks.h"

#include <unistd.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <string_view>

#include "pipeline/batch_findings.h"
#include "pipeline/fd_io.h"

namespace zfxxgk {
namespace {

// A file written under a temporary name and renamed into place by Commit;
// "-" is standard output, never renamed.
class OutputFile {
 public:
  ~OutputFile() {
    if (file_ != nullptr && file_ != stdout) {
      std::fclose(file_);
      std::remove(temp_.c_str());  // not committed: leave no temporary
    }
  }
  Status Open(const std::string& path) {
    path_ = path;
    if (path == "-") {
      file_ = stdout;
      return Flush();  // WriteLine bypasses stdout's buffer
    }
    temp_ = path + ".partial";  // a fixed name: a rerun overwrites what a killed run left
    file_ = std::fopen(temp_.c_str(), "wb");
    return file_ ? OkStatus() : Error("cannot create");
  }
  Status Write(std::string_view data) {
    if (std::fwrite(data.data(), 1, data.size(), file_) != data.size()) return Error("cannot write");
    return OkStatus();
  }
  // `line` and a newline. On standard output one writev(2) per line, straight
  // from `line` and nothing left buffered: a consumer of the stream sees each
  // line whole as soon as it is written, and a ~60 KB report costs one system
  // call, not three through stdio's 4 KB buffer plus a copy.
  Status WriteLine(std::string_view line) {
    if (file_ != stdout) {
      RETURN_IF_ERROR(Write(line));
      return Write("\n");
    }
    return WriteAll(STDOUT_FILENO, line, "\n") ? OkStatus() : Error("cannot write");
  }
  Status Flush() { return std::fflush(file_) == 0 ? OkStatus() : Error("cannot write"); }
  Status Commit() {
    if (file_ == stdout) return Flush();
    const bool ok = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!ok || std::rename(temp_.c_str(), path_.c_str()) != 0) {
      std::remove(temp_.c_str());
      return Error("cannot write");
    }
    return OkStatus();
  }

 private:
  Status Error(const char* what) const {
    return Status(StatusCode::kUnreadable, std::string(what) + " " + path_);
  }
  std::string path_, temp_;
  std::FILE* file_ = nullptr;
};

class JsonlSink : public BatchSink {
 public:
  Status Open(const std::string& path) { return out_.Open(path); }
  bool wants_report() const override { return false; }
  bool wants_json() const override { return true; }
  Status Add(const BatchRecord& record) override {
    if (record.entry.status == BatchItemStatusName(BatchItemStatus::kFailed)) return OkStatus();
    return out_.WriteLine(record.json);  // not json + "\n": a copy of ~60 KB per report
  }
  Status Finish(const BatchSetFindings&) override { return out_.Commit(); }

 private:
  OutputFile out_;
};

class CsvSink : public BatchSink {
 public:
  Status Open(const std::string& path, bool bom) {
    RETURN_IF_ERROR(out_.Open(path));
    return out_.Write(std::string(bom ? "\xEF\xBB\xBF" : "") +
                      "input_path,organ,year,cell_path,value,raw,status\r\n");
  }
  bool wants_report() const override { return true; }
  bool wants_json() const override { return false; }
  Status Add(const BatchRecord& record) override {
    if (!record.report) return OkStatus();
    const ReportV1& r = *record.report;
    std::string prefix = CsvField(record.entry.path);
    prefix.push_back(',');
    prefix.append(CsvField(r.report.organ)).push_back(',');
    if (r.report.year) prefix.append(std::to_string(*r.report.year));
    prefix.push_back(',');
    std::string rows;
    ForEachBatchCell(r, [&](const std::string& path, const CellOut& cell, const std::string&) {
      rows.append(prefix).append(CsvField(path)).push_back(',');
      if (cell.value) rows.append(FormatBatchValue(*cell.value, cell.integral));
      rows.push_back(',');
      rows.append(CsvField(cell.raw)).push_back(',');
      rows.append(CellStatusName(cell.status)).append("\r\n");
    });
    return out_.Write(rows);
  }
  Status Finish(const BatchSetFindings&) override { return out_.Commit(); }

 private:
  OutputFile out_;
};

// Written body by body: memory does not grow with the bodies.
class FindingsJsonSink : public BatchSink {
 public:
  explicit FindingsJsonSink(std::string path) : path_(std::move(path)) {}
  bool wants_report() const override { return false; }
  bool wants_json() const override { return false; }
  Status Add(const BatchRecord&) override { return OkStatus(); }
  Status AddBody(const BodyFindings& body, const BatchPathOf& path_of) override {
    RETURN_IF_ERROR(OpenOnce());
    return out_.Write(writer_.Body(body, path_of));
  }
  Status Finish(const BatchSetFindings& totals) override {
    RETURN_IF_ERROR(OpenOnce());
    RETURN_IF_ERROR(writer_.End(totals, [this](std::string_view s) { return out_.Write(s); }));
    return out_.Commit();
  }

 private:
  // Opened when the first body arrives, after the last input.
  Status OpenOnce() {
    if (open_) return OkStatus();
    open_ = true;
    RETURN_IF_ERROR(out_.Open(path_));
    return out_.Write(writer_.Begin());
  }

  std::string path_;
  bool open_ = false;
  OutputFile out_;
  BatchSetFindingsJsonWriter writer_;
};

}  // namespace

StatusOr<std::unique_ptr<BatchSink>> NewJsonlSink(const std::string& path) {
  auto sink = std::make_unique<JsonlSink>();
  RETURN_IF_ERROR(sink->Open(path));
  return std::unique_ptr<BatchSink>(std::move(sink));
}

StatusOr<std::unique_ptr<BatchSink>> NewCsvSink(const std::string& path, bool bom) {
  auto sink = std::make_unique<CsvSink>();
  RETURN_IF_ERROR(sink->Open(path, bom));
  return std::unique_ptr<BatchSink>(std::move(sink));
}

StatusOr<std::unique_ptr<BatchSink>> NewFindingsJsonSink(const std::string& path) {
  return std::unique_ptr<BatchSink>(std::make_unique<FindingsJsonSink>(path));
}

void ForEachBatchCell(
    const ReportV1& report,
    const std::function<void(const std::string&, const CellOut&, const std::string&)>& fn) {
  static const std::string kNoLabel;
  for (const auto& [path, cell] : report.cells) fn(path, cell, kNoLabel);
  std::map<std::string, int> rows_per_table;
  for (const ExtraRowOut& row : report.extra) {
    const int n = ++rows_per_table[row.table];
    for (const auto& [key, cell] : row.cells) {
      fn(row.table + ".extra." + std::to_string(n) + "." + key, cell, row.label);
    }
  }
}

std::string FormatBatchValue(double value, bool integral) {
  if (integral && std::fabs(value) < 9e15) return std::to_string(std::llround(value));
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  return ec == std::errc() ? std::string(buf, end) : std::to_string(value);
}

std::string CsvField(const std::string& field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace zfxxgk
