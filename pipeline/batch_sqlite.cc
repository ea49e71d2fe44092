// The SQLite sink. sqlite3 types stay in this file.
#include "pipeline/batch_sqlite.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <vector>

#include "pipeline/batch_sinks.h"
#include "pipeline/sha256.h"

namespace zfxxgk {

const char* const kBatchSqliteSchema = R"sql(
CREATE TABLE batch_meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE reports(
  id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, sha256 TEXT, organ TEXT, year INTEGER,
  template TEXT, published TEXT, format TEXT, status TEXT NOT NULL, error TEXT,
  error_code TEXT, title TEXT, output TEXT);
CREATE TABLE cells(
  report_id INTEGER NOT NULL REFERENCES reports(id), path TEXT NOT NULL, value NUMERIC,
  raw TEXT, status TEXT NOT NULL, confidence REAL, unit TEXT, candidates TEXT, label TEXT);
CREATE TABLE checks(
  report_id INTEGER NOT NULL REFERENCES reports(id), id TEXT NOT NULL, where_ TEXT,
  status TEXT NOT NULL, lhs NUMERIC, rhs NUMERIC, note TEXT);
CREATE TABLE issues(
  report_id INTEGER NOT NULL REFERENCES reports(id), severity TEXT, code TEXT, message TEXT);
CREATE TABLE set_findings(
  organ TEXT, organ_key TEXT, year INTEGER, previous_year INTEGER, link_status TEXT,
  link_note TEXT, check_id TEXT, where_ TEXT, status TEXT, lhs NUMERIC, rhs NUMERIC,
  note TEXT, inputs TEXT);
CREATE TABLE same_report(
  organ TEXT, year INTEGER, first_path TEXT, second_path TEXT, agreeing INTEGER,
  disagreeing INTEGER, resolved INTEGER, ambiguous_in_both INTEGER, one_sided INTEGER,
  metadata_differences TEXT);
)sql";

namespace {

constexpr const char* kIndexes = R"sql(
CREATE INDEX reports_organ_year ON reports(organ, year);
CREATE INDEX cells_path ON cells(path);
CREATE INDEX cells_report ON cells(report_id);
CREATE INDEX checks_report ON checks(report_id);
CREATE INDEX issues_report ON issues(report_id);
)sql";

// A prepared statement; Bind* take 1-based positions.
class Statement {
 public:
  Statement() = default;
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  int Prepare(sqlite3* db, const char* sql) {
    return sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
  }
  void Text(int i, const std::string& s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  void TextOrNull(int i, const std::string& s) { s.empty() ? Null(i) : Text(i, s); }
  void Int(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void Null(int i) { sqlite3_bind_null(stmt_, i); }
  void Number(int i, const std::optional<double>& v, bool integral) {
    if (!v) return Null(i);
    if (integral && std::floor(*v) == *v && std::fabs(*v) < 9e15) {
      return Int(i, static_cast<int64_t>(std::llround(*v)));
    }
    sqlite3_bind_double(stmt_, i, *v);
  }
  void Number(int i, const std::optional<double>& v) { Number(i, v, true); }
  // Steps once and resets; SQLITE_DONE on success.
  int Run() {
    const int rc = sqlite3_step(stmt_);
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    return rc;
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

std::string CandidatesJson(const CellOut& c) {
  if (c.status != CellStatus::kAmbiguous) return "";
  nlohmann::json j = nlohmann::json::array();
  if (c.candidate_absent) j.push_back(nullptr);
  for (const std::string& v : c.candidates) j.push_back(v);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

const char* SeverityText(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "info";
  }
  return "info";
}

class SqliteSink : public BatchSink {
 public:
  explicit SqliteSink(SqliteSinkOptions options) : options_(std::move(options)) {}
  ~SqliteSink() override {
    Close();
    if (!committed_ && !temp_.empty()) std::remove(temp_.c_str());
  }

  Status Open(const std::string& path);
  bool wants_report() const override { return true; }
  bool wants_json() const override { return false; }
  Status Add(const BatchRecord& record) override;
  Status AddBody(const BodyFindings& body, const BatchPathOf& path_of) override;
  Status Finish(const BatchSetFindings& totals) override;

 private:
  Status Error(const std::string& what) const {
    return Status(StatusCode::kInternal,
                  path_ + ": SQLite: " + what + ": " + (db_ ? sqlite3_errmsg(db_) : "no database"));
  }
  Status Exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) == SQLITE_OK) return OkStatus();
    std::string text = message ? message : "error";
    sqlite3_free(message);
    return Status(StatusCode::kInternal, path_ + ": SQLite: " + text);
  }
  Status Step(Statement& s, const char* what) {
    return s.Run() == SQLITE_DONE ? OkStatus() : Error(what);
  }
  void Close() {
    stmts_.clear();
    link_.reset();
    same_.reset();
    if (db_ != nullptr) sqlite3_close(db_);
    db_ = nullptr;
  }
  Status AddReport(int64_t id, const ReportV1& report);
  Status PrepareFindings();

  SqliteSinkOptions options_;
  std::string path_, temp_;
  sqlite3* db_ = nullptr;
  std::vector<std::unique_ptr<Statement>> stmts_;  // reports, cells, checks, issues
  std::unique_ptr<Statement> link_, same_;         // set_findings, same_report
  int in_transaction_ = 0;
  bool committed_ = false;
};

Status SqliteSink::Open(const std::string& path) {
  path_ = path;
  temp_ = path + ".partial";  // a fixed name: a rerun replaces what a killed run left
  std::remove(temp_.c_str());
  if (sqlite3_open_v2(temp_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                      nullptr) != SQLITE_OK) {
    Status error(StatusCode::kUnreadable, temp_ + ": cannot create the SQLite database");
    return error;
  }
  RETURN_IF_ERROR(Exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"));
  RETURN_IF_ERROR(Exec(kBatchSqliteSchema));
  const char* kInserts[] = {
      "INSERT INTO reports(id, path, sha256, organ, year, template, published, format, status,"
      " error, error_code, title, output) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)",
      "INSERT INTO cells(report_id, path, value, raw, status, confidence, unit, candidates,"
      " label) VALUES(?,?,?,?,?,?,?,?,?)",
      "INSERT INTO checks(report_id, id, where_, status, lhs, rhs, note) VALUES(?,?,?,?,?,?,?)",
      "INSERT INTO issues(report_id, severity, code, message) VALUES(?,?,?,?)"};
  for (const char* sql : kInserts) {
    stmts_.push_back(std::make_unique<Statement>());
    if (stmts_.back()->Prepare(db_, sql) != SQLITE_OK) return Error("prepare");
  }
  Statement meta;
  if (meta.Prepare(db_, "INSERT INTO batch_meta(key, value) VALUES('tool_version', ?)") !=
      SQLITE_OK) {
    return Error("prepare");
  }
  meta.Text(1, options_.tool_version);
  RETURN_IF_ERROR(Step(meta, "batch_meta"));
  return Exec("BEGIN");
}

Status SqliteSink::Add(const BatchRecord& record) {
  const BatchStateEntry& e = record.entry;
  const int64_t id = BatchReportId(e.path);
  Statement& s = *stmts_[0];
  s.Int(1, id);
  s.Text(2, e.path);
  s.TextOrNull(3, e.sha256);
  s.TextOrNull(4, e.organ);
  e.year ? s.Int(5, *e.year) : s.Null(5);
  s.TextOrNull(6, e.template_name);
  s.TextOrNull(7, e.published);
  s.TextOrNull(8, e.format);
  s.Text(9, e.status);
  s.TextOrNull(10, e.error);
  s.TextOrNull(11, e.error_code);
  s.TextOrNull(12, record.report ? record.report->report.title : "");
  s.TextOrNull(13, e.output);
  RETURN_IF_ERROR(Step(s, "insert into reports"));
  if (record.report) RETURN_IF_ERROR(AddReport(id, *record.report));
  if (++in_transaction_ >= options_.reports_per_transaction) {
    in_transaction_ = 0;
    RETURN_IF_ERROR(Exec("COMMIT; BEGIN"));
  }
  return OkStatus();
}

Status SqliteSink::AddReport(int64_t id, const ReportV1& report) {
  Statement& cells = *stmts_[1];
  Status status;
  ForEachBatchCell(report, [&](const std::string& path, const CellOut& c,
                               const std::string& label) {
    if (!status.ok()) return;
    cells.Int(1, id);
    cells.Text(2, path);
    cells.Number(3, c.value, c.integral);
    cells.Text(4, c.raw);
    cells.Text(5, CellStatusName(c.status));
    cells.Number(6, c.prov.confidence, false);
    cells.TextOrNull(7, c.unit);
    cells.TextOrNull(8, CandidatesJson(c));
    cells.TextOrNull(9, label);
    status = Step(cells, "insert into cells");
  });
  RETURN_IF_ERROR(status);
  Statement& checks = *stmts_[2];
  for (const CheckOut& c : report.checks) {
    checks.Int(1, id);
    checks.Text(2, c.id);
    checks.Text(3, c.where);
    checks.Text(4, c.status);
    checks.Number(5, c.lhs);
    checks.Number(6, c.rhs);
    checks.TextOrNull(7, c.note);
    RETURN_IF_ERROR(Step(checks, "insert into checks"));
  }
  Statement& issues = *stmts_[3];
  for (const Issue& i : report.issues) {
    issues.Int(1, id);
    issues.Text(2, SeverityText(i.severity));
    issues.Text(3, i.code);
    issues.Text(4, i.message);
    RETURN_IF_ERROR(Step(issues, "insert into issues"));
  }
  return OkStatus();
}

// The year of `report` among the body's year links.
std::optional<int> YearOf(const BodyFindings& body, size_t report) {
  for (const YearLink& link : body.years) {
    for (size_t i : link.reports) {
      if (i == report) return link.year;
    }
  }
  return std::nullopt;
}

Status SqliteSink::PrepareFindings() {
  if (link_) return OkStatus();
  link_ = std::make_unique<Statement>();
  same_ = std::make_unique<Statement>();
  if (link_->Prepare(db_,
                     "INSERT INTO set_findings(organ, organ_key, year, previous_year, link_status,"
                     " link_note, check_id, where_, status, lhs, rhs, note, inputs)"
                     " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)") != SQLITE_OK ||
      same_->Prepare(db_,
                     "INSERT INTO same_report(organ, year, first_path, second_path, agreeing,"
                     " disagreeing, resolved, ambiguous_in_both, one_sided,"
                     " metadata_differences) VALUES(?,?,?,?,?,?,?,?,?,?)") != SQLITE_OK) {
    return Error("prepare");
  }
  return OkStatus();
}

Status SqliteSink::AddBody(const BodyFindings& body, const BatchPathOf& path_of) {
  RETURN_IF_ERROR(PrepareFindings());
  Statement& link = *link_;
  for (const YearLink& y : body.years) {
    nlohmann::json inputs = nlohmann::json::array();
    for (size_t i : y.reports) inputs.push_back(path_of(i));
    const std::string inputs_text =
        inputs.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::vector<const CheckOut*> checks;
    for (const CheckOut& c : y.x1) checks.push_back(&c);
    for (const CheckOut& c : y.in_force) checks.push_back(&c);
    const size_t rows = checks.empty() ? 1 : checks.size();
    for (size_t k = 0; k < rows; ++k) {
      link.Text(1, body.organ);
      link.Text(2, body.key);
      link.Int(3, y.year);
      y.previous_year ? link.Int(4, *y.previous_year) : link.Null(4);
      link.Text(5, YearLinkStatusName(y.status));
      link.TextOrNull(6, y.note);
      if (!checks.empty()) {
        const CheckOut& c = *checks[k];
        link.Text(7, c.id);
        link.Text(8, c.where);
        link.Text(9, c.status);
        link.Number(10, c.lhs);
        link.Number(11, c.rhs);
        link.TextOrNull(12, c.note);
      }
      link.Text(13, inputs_text);
      RETURN_IF_ERROR(Step(link, "insert into set_findings"));
    }
  }
  Statement& same = *same_;
  for (const SameReportComparison& cmp : body.same_report) {
    std::string differences;
    for (const std::string& d : cmp.metadata_differences) {
      differences += (differences.empty() ? "" : "; ") + d;
    }
    const std::optional<int> year = YearOf(body, cmp.first);
    same.Text(1, body.organ);
    year ? same.Int(2, *year) : same.Null(2);
    same.Text(3, path_of(cmp.first));
    same.Text(4, path_of(cmp.second));
    same.Int(5, cmp.agreeing);
    same.Int(6, static_cast<int64_t>(cmp.disagreeing.size()));
    same.Int(7, static_cast<int64_t>(cmp.resolved.size()));
    same.Int(8, static_cast<int64_t>(cmp.ambiguous_in_both.size()));
    same.Int(9, static_cast<int64_t>(cmp.one_sided.size()));
    same.TextOrNull(10, differences);
    RETURN_IF_ERROR(Step(same, "insert into same_report"));
  }
  if (++in_transaction_ >= options_.reports_per_transaction) {
    in_transaction_ = 0;
    RETURN_IF_ERROR(Exec("COMMIT; BEGIN"));
  }
  return OkStatus();
}

Status SqliteSink::Finish(const BatchSetFindings&) {
  RETURN_IF_ERROR(Exec(kIndexes));
  RETURN_IF_ERROR(Exec("COMMIT"));
  Close();
  if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
    return Status(StatusCode::kUnreadable, "cannot rename " + temp_ + " to " + path_);
  }
  committed_ = true;
  return OkStatus();
}

}  // namespace

int64_t BatchReportId(std::string_view path) {
  const std::string hex = Sha256Hex(path);
  uint64_t v = 0;
  for (int i = 0; i < 16; ++i) {
    const char c = hex[i];
    v = (v << 4) | static_cast<uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
  }
  return static_cast<int64_t>(v >> 1);
}

StatusOr<std::unique_ptr<BatchSink>> NewSqliteSink(const std::string& path,
                                                   const SqliteSinkOptions& options) {
  auto sink = std::make_unique<SqliteSink>(options);
  RETURN_IF_ERROR(sink->Open(path));
  return std::unique_ptr<BatchSink>(std::move(sink));
}

}  // namespace zfxxgk
