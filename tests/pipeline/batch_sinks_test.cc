// Tests for pipeline/batch_sinks.h and pipeline/batch_sqlite.h: the JSONL,
// CSV and SQLite outputs hold what the per-report JSON files hold.
#include "pipeline/batch_sinks.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <set>

#include "pipeline/batch_inputs.h"
#include "pipeline/batch_report_json.h"
#include "pipeline/batch_sqlite.h"
#include "tests/pipeline/batch_test_util.h"

namespace zfxxgk {
namespace {

namespace fs = std::filesystem;
using batch_test::Lines;
using batch_test::ReadFile;
using batch_test::TempDir;

// RFC 4180 reader: rows of fields (quoted fields may hold , " and CRLF).
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = any = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(field);
      field.clear();
      rows.emplace_back();
      ++i;
    } else {
      field += c;
    }
  }
  if (!rows.back().empty() || !field.empty()) rows.back().push_back(field);
  if (rows.back().empty()) rows.pop_back();
  (void)any;
  return rows;
}

class Db {
 public:
  explicit Db(const std::string& path) { sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr); }
  ~Db() { sqlite3_close(db_); }
  // Every row of `sql` as text fields ("NULL" for null).
  std::vector<std::vector<std::string>> Query(const std::string& sql) {
    std::vector<std::vector<std::string>> rows;
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr), SQLITE_OK)
        << sql << ": " << sqlite3_errmsg(db_);
    while (st && sqlite3_step(st) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int i = 0; i < sqlite3_column_count(st); ++i) {
        const unsigned char* t = sqlite3_column_text(st, i);
        row.push_back(t ? reinterpret_cast<const char*>(t) : "NULL");
      }
      rows.push_back(row);
    }
    sqlite3_finalize(st);
    return rows;
  }
  std::string One(const std::string& sql) {
    auto rows = Query(sql);
    return rows.empty() || rows[0].empty() ? "" : rows[0][0];
  }

 private:
  sqlite3* db_ = nullptr;
};

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

struct Outputs {
  TempDir dir;
  std::vector<std::string> inputs;
  StatusOr<BatchSummary> summary = Status(StatusCode::kInternal, "not run");
  std::string out() const { return dir.path() + "/out"; }
};

// The corpus inputs plus one bad file and one report whose raw texts need
// CSV quoting, through every sink.
std::unique_ptr<Outputs> RunAllSinks() {
  auto o = std::make_unique<Outputs>();
  std::vector<std::string> errors;
  o->inputs = CollectBatchInputs({std::string(ZF_SOURCE_DIR) + "/corpus"}, {}, errors);
  o->inputs.push_back(o->dir.Write("bad.txt", "just some text, not a report\n"));
  BatchOptions options;
  options.out_dir = o->out();
  options.jobs = 2;
  std::vector<std::unique_ptr<BatchSink>> sinks;
  sinks.push_back(std::move(NewJsonlSink(o->dir.path() + "/all.jsonl")).value());
  sinks.push_back(std::move(NewCsvSink(o->dir.path() + "/cells.csv")).value());
  SqliteSinkOptions sqlite;
  sqlite.reports_per_transaction = 2;
  sinks.push_back(std::move(NewSqliteSink(o->dir.path() + "/db.sqlite", sqlite)).value());
  std::vector<BatchSink*> ptrs;
  for (auto& s : sinks) ptrs.push_back(s.get());
  o->summary = RunBatch(o->inputs, options, ptrs);
  return o;
}

class BatchSinksTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { outputs_ = RunAllSinks().release(); }
  static void TearDownTestSuite() { delete outputs_; }
  static Outputs* outputs_;
};
Outputs* BatchSinksTest::outputs_ = nullptr;

TEST_F(BatchSinksTest, JsonlHoldsEveryReportFileInInputOrder) {
  ASSERT_TRUE(outputs_->summary.ok()) << outputs_->summary.status().ToString();
  std::vector<std::string> expected;
  for (const std::string& in : outputs_->inputs) {
    const std::string file = outputs_->out() + "/" + BatchOutputName(in);
    if (!fs::exists(file)) continue;
    std::string text = ReadFile(file);
    text.pop_back();
    expected.push_back(text);
  }
  EXPECT_EQ(expected.size(), outputs_->summary->extracted);
  EXPECT_EQ(Lines(ReadFile(outputs_->dir.path() + "/all.jsonl")), expected);
}

TEST_F(BatchSinksTest, SqliteMatchesTheReportFiles) {
  ASSERT_TRUE(outputs_->summary.ok());
  Db db(outputs_->dir.path() + "/db.sqlite");
  EXPECT_EQ(db.One("SELECT count(*) FROM reports"), std::to_string(outputs_->inputs.size()));
  for (const std::string& in : outputs_->inputs) {
    const std::string id = std::to_string(BatchReportId(in));
    const std::string file = outputs_->out() + "/" + BatchOutputName(in);
    if (!fs::exists(file)) {
      auto row = db.Query("SELECT status, error_code FROM reports WHERE path = " + Quote(in));
      ASSERT_EQ(row.size(), 1u) << in;
      EXPECT_EQ(row[0], (std::vector<std::string>{"failed", "not_a_report"}));
      continue;
    }
    StatusOr<ReportV1> r = ReportFromJson(ReadFile(file));
    ASSERT_TRUE(r.ok()) << file;
    auto meta = db.Query("SELECT organ, year, template, sha256 FROM reports WHERE id = " + id);
    ASSERT_EQ(meta.size(), 1u);
    EXPECT_EQ(meta[0][0], r->report.organ);
    EXPECT_EQ(meta[0][1], r->report.year ? std::to_string(*r->report.year) : "NULL");
    EXPECT_EQ(meta[0][2], r->report.template_name);
    EXPECT_EQ(meta[0][3], r->source.sha256);
    size_t cells = 0;
    ForEachBatchCell(*r, [&](const std::string& path, const CellOut& c, const std::string&) {
      ++cells;
      auto row = db.Query("SELECT value, raw, status FROM cells WHERE report_id = " + id +
                          " AND path = " + Quote(path));
      ASSERT_EQ(row.size(), 1u) << in << " " << path;
      EXPECT_EQ(row[0][0], c.value ? FormatBatchValue(*c.value, c.integral) : "NULL") << path;
      EXPECT_EQ(row[0][1], c.raw);
      EXPECT_EQ(row[0][2], CellStatusName(c.status));
    });
    EXPECT_EQ(db.One("SELECT count(*) FROM cells WHERE report_id = " + id), std::to_string(cells));
    EXPECT_EQ(db.One("SELECT count(*) FROM checks WHERE report_id = " + id),
              std::to_string(r->checks.size()));
    EXPECT_EQ(db.One("SELECT count(*) FROM issues WHERE report_id = " + id),
              std::to_string(r->issues.size()));
  }
}

TEST_F(BatchSinksTest, SqliteHasTheIndexesAndSetFindings) {
  ASSERT_TRUE(outputs_->summary.ok());
  Db db(outputs_->dir.path() + "/db.sqlite");
  auto indexes = db.Query("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name");
  std::set<std::string> names;
  for (auto& row : indexes) names.insert(row[0]);
  EXPECT_TRUE(names.count("reports_organ_year"));
  EXPECT_TRUE(names.count("cells_path"));
  // Every placed report appears in the year links of set_findings.
  const YearLinkCounts& n = outputs_->summary->set.counts;
  EXPECT_EQ(db.One("SELECT count(DISTINCT organ_key || year) FROM set_findings"),
            std::to_string(n.links + n.no_previous_year));
  EXPECT_EQ(db.One("SELECT count(*) FROM same_report"), std::to_string(n.same_report_pairs));
  // An example query from docs/batch.md.
  EXPECT_EQ(db.One("SELECT count(*) FROM cells c JOIN reports r ON r.id = c.report_id "
                   "WHERE c.path = 'applications.new_received.total' AND r.year IS NOT NULL"),
            db.One("SELECT count(*) FROM cells WHERE path = 'applications.new_received.total'"));
}

TEST_F(BatchSinksTest, CsvRoundTripsEveryCell) {
  ASSERT_TRUE(outputs_->summary.ok());
  auto rows = ParseCsv(ReadFile(outputs_->dir.path() + "/cells.csv"));
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0], (std::vector<std::string>{"input_path", "organ", "year", "cell_path",
                                               "value", "raw", "status"}));
  size_t next = 1;
  for (const std::string& in : outputs_->inputs) {
    const std::string file = outputs_->out() + "/" + BatchOutputName(in);
    if (!fs::exists(file)) continue;
    StatusOr<ReportV1> r = ReportFromJson(ReadFile(file));
    ASSERT_TRUE(r.ok());
    ForEachBatchCell(*r, [&](const std::string& path, const CellOut& c, const std::string&) {
      ASSERT_LT(next, rows.size());
      const std::vector<std::string> expected = {
          in, r->report.organ, r->report.year ? std::to_string(*r->report.year) : "", path,
          c.value ? FormatBatchValue(*c.value, c.integral) : "", c.raw, CellStatusName(c.status)};
      EXPECT_EQ(rows[next++], expected);
    });
  }
  EXPECT_EQ(next, rows.size());
}

TEST(BatchCsvTest, FieldsNeedingQuotesRoundTrip) {
  for (const std::string& s : {std::string("plain"), std::string("a,b"), std::string("say \"x\""),
                               std::string("two\r\nlines"), std::string("")}) {
    auto rows = ParseCsv(CsvField(s) + "," + CsvField(s) + "\r\n");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{s, s})) << s;
  }
}

TEST(BatchCsvTest, ValuesAreIntegersOrShortestDecimals) {
  EXPECT_EQ(FormatBatchValue(12, true), "12");
  EXPECT_EQ(FormatBatchValue(-70, true), "-70");
  EXPECT_EQ(FormatBatchValue(5949.088667, false), "5949.088667");
  EXPECT_EQ(FormatBatchValue(0.1, false), "0.1");
}

TEST(BatchSqliteTest, ReportIdIsStableAndPositive) {
  EXPECT_EQ(BatchReportId("a/input.html"), BatchReportId("a/input.html"));
  EXPECT_NE(BatchReportId("a/input.html"), BatchReportId("b/input.html"));
  EXPECT_GT(BatchReportId("x"), 0);
}

TEST(BatchSinksFailureTest, UncommittedOutputsLeaveNoFile) {
  TempDir dir;
  {
    auto jsonl = NewJsonlSink(dir.path() + "/a.jsonl");
    auto db = NewSqliteSink(dir.path() + "/a.sqlite", {});
    ASSERT_TRUE(jsonl.ok() && db.ok());
  }  // destroyed without Finish: a failed batch
  EXPECT_FALSE(fs::exists(dir.path() + "/a.jsonl"));
  EXPECT_FALSE(fs::exists(dir.path() + "/a.sqlite"));
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

}  // namespace
}  // namespace zfxxgk
