// Tests for pipeline/batch.h: isolation, resume, order, workers, findings.
#include "pipeline/batch.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <thread>

#include "pipeline/batch_input_list.h"
#include "pipeline/batch_inputs.h"
#include "pipeline/batch_state.h"
#include "pipeline/sha256.h"
#include "tests/pipeline/batch_test_util.h"

namespace zfxxgk {
namespace {

namespace fs = std::filesystem;
using batch_test::FakeFactory;
using batch_test::Lines;
using batch_test::ReadFile;
using batch_test::RecordingSink;
using batch_test::TempDir;

BatchOptions Options(const std::string& out_dir, std::atomic<int>* calls = nullptr) {
  BatchOptions o;
  o.out_dir = out_dir;
  o.jobs = 2;
  o.tool_version = "test-1";
  o.extractor = FakeFactory(calls);
  return o;
}

// Inputs: three reports, one not a report, one that throws, one missing file.
std::vector<std::string> MixedInputs(const TempDir& dir) {
  return {dir.Write("in/a.txt", "organ=甲\nyear=2020\ncell=applications.new_received.total=5\n"),
          dir.Write("in/b.txt", "organ=甲\nyear=2021\nissue=odd\nfail=T3.1\nfail=P.1\n"),
          dir.Write("in/c.txt", "BAD\n"),
          dir.Write("in/d.txt", "THROW\n"),
          dir.path() + "/in/missing.txt",
          dir.Write("in/e.txt", "organ=乙\nyear=2019\n")};
}

TEST(BatchTest, BadInputsAreRecordedAndTheBatchGoesOn) {
  TempDir dir;
  const std::vector<std::string> inputs = MixedInputs(dir);
  const std::string out = dir.path() + "/out";
  RecordingSink sink;
  StatusOr<BatchSummary> s = RunBatch(inputs, Options(out), {&sink});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->inputs, 6u);
  EXPECT_EQ(s->extracted, 3u);
  EXPECT_EQ(s->failed, 3u);
  EXPECT_EQ(s->by_error, (std::map<std::string, size_t>{
                             {"not_a_report", 1}, {"internal", 1}, {"not_found", 1}}));
  EXPECT_EQ(s->by_status, (std::map<std::string, size_t>{{"ok", 2}, {"partial", 1}, {"failed", 3}}));
  ASSERT_EQ(s->failures.size(), 3u);
  EXPECT_EQ(s->failures[1].first, inputs[3]);
  EXPECT_NE(s->failures[1].second.find("fake extractor threw"), std::string::npos);
  // Only the table identity counts as failing; P.1 is soft.
  EXPECT_EQ(s->failing_identities, (std::map<std::string, size_t>{{"T3.1", 1}}));
  for (size_t i : {0, 1, 5}) {
    EXPECT_TRUE(fs::exists(out + "/" + BatchOutputName(inputs[i]))) << inputs[i];
  }
  for (size_t i : {2, 3, 4}) {
    EXPECT_FALSE(fs::exists(out + "/" + BatchOutputName(inputs[i]))) << inputs[i];
  }
  EXPECT_EQ(Lines(ReadFile(out + "/" + kBatchStateFile)).size(), 6u);
  ASSERT_EQ(sink.records.size(), 6u);
  EXPECT_TRUE(sink.finished);
}

TEST(BatchTest, ReportFileIsTheExtractorsJsonAndNoTemporaryIsLeft) {
  TempDir dir;
  const std::string in = dir.Write("x.txt", "organ=甲\nyear=2020\n");
  ASSERT_TRUE(RunBatch({in}, Options(dir.path() + "/out"), {}).ok());
  StatusOr<ReportV1> report = batch_test::FakeExtract(ReadFile(in), in);
  EXPECT_EQ(ReadFile(dir.path() + "/out/" + BatchOutputName(in)), ToJson(*report, false) + "\n");
  for (const auto& f : fs::directory_iterator(dir.path() + "/out")) {
    EXPECT_EQ(f.path().filename().string().find(".zfxxgk-tmp-"), std::string::npos);
  }
}

TEST(BatchTest, ResumeSkipsDoneInputsAndRedoesChangedOnes) {
  TempDir dir;
  const std::vector<std::string> inputs = MixedInputs(dir);
  const std::string out = dir.path() + "/out";
  std::atomic<int> calls{0};
  ASSERT_TRUE(RunBatch(inputs, Options(out, &calls), {}).ok());
  EXPECT_EQ(calls, 5);  // the missing file is never extracted
  calls = 0;
  RecordingSink sink;
  StatusOr<BatchSummary> again = RunBatch(inputs, Options(out, &calls), {&sink});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(again->skipped, 5u);  // failed inputs with the same bytes are done too
  EXPECT_EQ(again->failed, 3u);
  // Skipped reports are read back for the sinks.
  ASSERT_EQ(sink.records.size(), 6u);
  ASSERT_TRUE(sink.records[0].report.has_value());
  EXPECT_EQ(sink.records[0].report->report.organ, "甲");
  EXPECT_FALSE(sink.records[0].json.empty());
  // A changed input and a changed tool version are redone.
  dir.Write("in/a.txt", "organ=甲\nyear=2020\ncell=applications.new_received.total=6\n");
  calls = 0;
  ASSERT_TRUE(RunBatch(inputs, Options(out, &calls), {}).ok());
  EXPECT_EQ(calls, 1);
  BatchOptions v2 = Options(out, &calls);
  v2.tool_version = "test-2";
  calls = 0;
  ASSERT_TRUE(RunBatch(inputs, v2, {}).ok());
  EXPECT_EQ(calls, 5);
  // One journal line per (path, sha256, version); unreadable inputs are
  // recorded by every run.
  std::set<std::string> keys;
  for (const std::string& line : Lines(ReadFile(out + "/" + kBatchStateFile))) {
    StatusOr<BatchStateEntry> e = ParseStateEntry(line);
    ASSERT_TRUE(e.ok());
    if (e->sha256.empty()) continue;
    EXPECT_TRUE(keys.insert(e->path + " " + e->sha256 + " " + e->version).second) << line;
  }
  EXPECT_EQ(keys.size(), 5u + 1u + 5u);
}

// The worker hashes an input to compare it with its journal line; a changed
// input goes to extraction with that hash, not hashed again. A new input is
// hashed by the extractor (no hash handed over).
TEST(BatchTest, ChangedInputIsExtractedWithTheHashTheResumeComputed) {
  TempDir dir;
  const std::vector<std::string> inputs = {dir.Write("in/a.txt", "organ=甲\nyear=2020\n"),
                                           dir.Write("in/b.txt", "organ=乙\nyear=2020\n")};
  const std::string out = dir.path() + "/out";
  std::vector<std::string> hashes;
  BatchOptions options = Options(out);
  options.jobs = 1;
  options.extractor = FakeFactory(nullptr, nullptr, &hashes);
  ASSERT_TRUE(RunBatch(inputs, options, {}).ok());
  EXPECT_EQ(hashes, (std::vector<std::string>{"", ""}));
  const std::string changed = "organ=甲\nyear=2021\n";
  dir.Write("in/a.txt", changed);
  hashes.clear();
  ASSERT_TRUE(RunBatch(inputs, options, {}).ok());
  EXPECT_EQ(hashes, (std::vector<std::string>{Sha256Hex(changed)}));
}

// A sorted list is merged with the journal on disk; an unsorted one looks
// its paths up in memory. Both skip the same inputs, and journal entries
// for paths no longer listed (and between listed ones) change nothing.
TEST(BatchTest, ResumeSkipsTheSameInputsForSortedAndUnsortedLists) {
  TempDir dir;
  std::vector<std::string> all;
  for (const char* name : {"a", "b", "c", "d", "e", "f"}) {
    all.push_back(dir.Write(std::string("in/") + name + ".txt", "organ=甲\nyear=2020\n"));
  }
  const std::string out = dir.path() + "/out";
  std::atomic<int> calls{0};
  ASSERT_TRUE(RunBatch(all, Options(out, &calls), {}).ok());
  const std::vector<std::string> sorted = {all[1], all[3], all[5]};
  const std::vector<std::string> unsorted = {all[5], all[1], all[3]};
  for (const std::vector<std::string>* inputs : {&sorted, &unsorted}) {
    calls = 0;
    StatusOr<BatchSummary> s = RunBatch(*inputs, Options(out, &calls), {});
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_EQ(calls, 0);
    EXPECT_EQ(s->skipped, 3u);
  }
  dir.Write("in/d.txt", "organ=甲\nyear=2021\n");  // changed: redone, whatever the order
  for (const std::vector<std::string>* inputs : {&unsorted, &sorted}) {
    calls = 0;
    StatusOr<BatchSummary> s = RunBatch(*inputs, Options(out, &calls), {});
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->skipped, inputs == &unsorted ? 2u : 3u);
  }
}

TEST(BatchTest, ResumeOfASortedListOnDiskSkipsDoneInputs) {
  TempDir dir;
  for (const char* name : {"b", "a", "c"}) {
    dir.Write(std::string("in/") + name + ".txt", "organ=甲\nyear=2020\n");
  }
  const std::string out = dir.path() + "/out";
  std::atomic<int> calls{0};
  auto run = [&] {
    std::vector<std::string> errors;
    StatusOr<std::unique_ptr<BatchInputList>> list =
        BatchInputList::Collect({dir.path() + "/in"}, {}, nullptr, errors, {});
    EXPECT_TRUE(list.ok() && (*list)->sorted());
    return RunBatch(**list, Options(out, &calls), {});
  };
  ASSERT_TRUE(run().ok());
  EXPECT_EQ(calls, 3);
  dir.Write("in/bb.txt", "organ=乙\nyear=2020\n");  // new, between two journaled paths
  calls = 0;
  StatusOr<BatchSummary> s = run();
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(s->skipped, 3u);
}

TEST(BatchTest, MissingOrTruncatedReportFileIsRedone) {
  TempDir dir;
  const std::string a = dir.Write("a.txt", "organ=甲\nyear=2020\n");
  const std::string b = dir.Write("b.txt", "organ=甲\nyear=2021\n");
  const std::string out = dir.path() + "/out";
  std::atomic<int> calls{0};
  ASSERT_TRUE(RunBatch({a, b}, Options(out, &calls), {}).ok());
  fs::remove(out + "/" + BatchOutputName(a));
  std::ofstream(out + "/" + BatchOutputName(b), std::ios::trunc) << "{\"schema_ver";
  calls = 0;
  ASSERT_TRUE(RunBatch({a, b}, Options(out, &calls), {}).ok());
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(ReadFile(out + "/" + BatchOutputName(b)).back(), '\n');
}

TEST(BatchTest, NoResumeRedoesEverything) {
  TempDir dir;
  const std::string a = dir.Write("a.txt", "organ=甲\nyear=2020\n");
  std::atomic<int> calls{0};
  BatchOptions o = Options(dir.path() + "/out", &calls);
  ASSERT_TRUE(RunBatch({a}, o, {}).ok());
  o.resume = false;
  ASSERT_TRUE(RunBatch({a}, o, {}).ok());
  EXPECT_EQ(calls, 2);
}

// `n` inputs in/0.txt... of bodies o0, o1...; every `slow_every`-th is slow
// (0: none).
std::vector<std::string> NumberedInputs(const TempDir& dir, int n, int slow_every) {
  std::vector<std::string> inputs;
  for (int i = 0; i < n; ++i) {
    const bool slow = slow_every > 0 && i % slow_every == 0;
    inputs.push_back(dir.Write("in/" + std::to_string(i) + ".txt",
                               std::string(slow ? "SLOW\n" : "") + "organ=o" +
                                   std::to_string(i) + "\nyear=2020\n"));
  }
  return inputs;
}

TEST(BatchTest, SinksSeeInputOrderWhateverTheWorkers) {
  TempDir dir;
  std::vector<std::string> inputs = NumberedInputs(dir, 60, 3);
  BatchOptions o = Options("");
  o.jobs = 4;
  o.window = 3;
  std::atomic<int> created{0};
  o.extractor = FakeFactory(nullptr, &created);
  RecordingSink sink;
  StatusOr<BatchSummary> s = RunBatch(inputs, o, {&sink});
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(created, 4);  // one extractor per worker
  ASSERT_EQ(sink.records.size(), inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    EXPECT_EQ(sink.records[i].index, i);
    EXPECT_EQ(sink.records[i].entry.path, inputs[i]);
  }
}

// Workers take turns collecting: a sink is never in two calls at once, and
// still sees every record in input order.
class OverlapCheckingSink : public RecordingSink {
 public:
  Status Add(const BatchRecord& record) override {
    if (inside_.exchange(true)) overlapped_ = true;
    std::this_thread::sleep_for(std::chrono::microseconds(200));  // widen any overlap
    Status s = RecordingSink::Add(record);
    inside_ = false;
    return s;
  }
  bool overlapped() const { return overlapped_; }

 private:
  std::atomic<bool> inside_{false}, overlapped_{false};
};

TEST(BatchTest, SinksAreCalledByOneWorkerAtATime) {
  TempDir dir;
  std::vector<std::string> inputs = NumberedInputs(dir, 80, 5);
  BatchOptions o = Options(dir.path() + "/out");
  o.jobs = 4;
  OverlapCheckingSink sink;
  StatusOr<BatchSummary> s = RunBatch(inputs, o, {&sink});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_FALSE(sink.overlapped());
  ASSERT_EQ(sink.records.size(), inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) EXPECT_EQ(sink.records[i].entry.path, inputs[i]);
}

// A sink that fails stops the batch with its error, whichever worker was
// collecting, and every worker ends.
class FailingAtSink : public RecordingSink {
 public:
  explicit FailingAtSink(size_t at) : at_(at) {}
  Status Add(const BatchRecord& record) override {
    if (record.index == at_) return Status(StatusCode::kUnreadable, "sink full");
    return RecordingSink::Add(record);
  }

 private:
  size_t at_;
};

TEST(BatchTest, SinkFailureStopsTheBatchWithItsError) {
  TempDir dir;
  std::vector<std::string> inputs = NumberedInputs(dir, 40, 0);
  BatchOptions o = Options("");
  o.jobs = 3;
  FailingAtSink sink(17);
  StatusOr<BatchSummary> s = RunBatch(inputs, o, {&sink});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().ToString().find("sink full"), std::string::npos) << s.status().ToString();
  EXPECT_EQ(sink.records.size(), 17u);  // those before it, in order
  EXPECT_FALSE(sink.finished);
}

TEST(BatchTest, ExtractorFactoryFailureStopsTheBatch) {
  TempDir dir;
  BatchOptions o = Options(dir.path() + "/out");
  o.extractor = []() -> StatusOr<std::unique_ptr<BatchExtractor>> {
    return Status(StatusCode::kInternal, "no engine");
  };
  StatusOr<BatchSummary> s = RunBatch({dir.Write("a.txt", "organ=甲\n")}, o, {});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().message(), "no engine");
}

TEST(BatchTest, UnwritableOutputDirectoryStopsTheBatch) {
  TempDir dir;
  dir.Write("file", "x");
  StatusOr<BatchSummary> s =
      RunBatch({dir.Write("a.txt", "organ=甲\n")}, Options(dir.path() + "/file/out"), {});
  EXPECT_FALSE(s.ok());
}

TEST(BatchTest, ProgressIsReportedAndEndsComplete) {
  TempDir dir;
  std::vector<std::string> inputs;
  for (int i = 0; i < 5; ++i) inputs.push_back(dir.Write(std::to_string(i), "BAD\n"));
  BatchOptions o = Options("");
  std::vector<BatchProgress> seen;
  o.on_progress = [&seen](const BatchProgress& p) { seen.push_back(p); };
  RecordingSink sink;
  ASSERT_TRUE(RunBatch(inputs, o, {&sink}).ok());
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.back().done, 5u);
  EXPECT_EQ(seen.back().failed, 5u);
  EXPECT_EQ(seen.back().total, 5u);
}

// The batch finishes without relying on the collector's timeout when the
// first input is slow, so that the other worker fills the window and waits.
TEST(BatchTest, FullWindowNeverWaitsForTheCollectorsTimeout) {
  TempDir dir;
  std::vector<std::string> inputs = {dir.Write("in/000.txt", "SLOW\norgan=甲\nyear=2020\n")};
  for (int i = 1; i < 61; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "in/%03d.txt", i);
    inputs.push_back(dir.Write(name, "organ=甲\nyear=2020\n"));
  }
  BatchOptions o = Options(dir.path() + "/out");
  o.window = 8;
  o.progress_interval = std::chrono::hours(1);
  const auto start = std::chrono::steady_clock::now();
  StatusOr<BatchSummary> s = RunBatch(inputs, o, {});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->extracted, inputs.size());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::minutes(1));
}

// Workers wake the collector only while it waits: no result is left
// waiting for the collector's timeout, even with a window of two inputs
// that every worker keeps reaching.
TEST(BatchTest, EveryResultReachesTheCollectorWithoutItsTimeout) {
  TempDir dir;
  std::vector<std::string> inputs;
  for (int i = 0; i < 20; ++i) {
    const std::string slow = i % 3 == 0 ? "SLOW\n" : "";
    inputs.push_back(dir.Write("in/" + std::to_string(i) + ".txt", slow + "organ=甲\nyear=2020\n"));
  }
  BatchOptions o = Options(dir.path() + "/out");
  o.jobs = 3;
  o.window = 2;
  o.progress_interval = std::chrono::hours(1);
  RecordingSink sink;
  const auto start = std::chrono::steady_clock::now();
  StatusOr<BatchSummary> s = RunBatch(inputs, o, {&sink});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::minutes(1));
  ASSERT_EQ(sink.records.size(), inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) EXPECT_EQ(sink.records[i].entry.path, inputs[i]);
}

// The bodies a sink was given are those of `expected`.
void ExpectBodiesAre(const RecordingSink& sink, const SetFindings& expected) {
  ASSERT_EQ(sink.bodies.size(), expected.bodies.size());
  for (size_t b = 0; b < sink.bodies.size(); ++b) {
    const BodyFindings& got = sink.bodies[b];
    EXPECT_EQ(got.key, expected.bodies[b].key);
    EXPECT_EQ(got.reports, expected.bodies[b].reports);
    EXPECT_EQ(got.same_report.size(), expected.bodies[b].same_report.size());
    ASSERT_EQ(got.years.size(), expected.bodies[b].years.size());
    for (size_t y = 0; y < got.years.size(); ++y) {
      EXPECT_EQ(got.years[y].status, expected.bodies[b].years[y].status);
      EXPECT_EQ(got.years[y].reports, expected.bodies[b].years[y].reports);
    }
  }
}

// The set analysis over the batch (set records spilled without OUTDIR, read
// back from the journal's lines with it), handed to the sinks body by body,
// equals AnalyzeReportSet over every report at once.
TEST(BatchTest, SetFindingsEqualOneAnalysisOverEveryReport) {
  TempDir dir;
  const std::vector<std::string> inputs = {
      dir.Write("1.txt", "organ=平潭综合实验区\nyear=2020\nx1=7\n"),
      dir.Write("2.txt", "organ=乙\nyear=2020\n"),
      dir.Write("3.txt", "organ=平潭 综合实验区（）\nyear=2021\nx1=7\n"),
      dir.Write("4.txt", "organ=平潭综合实验区\nyear=2022\nx1=9\n"),
      dir.Write("5.txt", "year=2022\n"),
      dir.Write("6.txt", "organ=平潭综合实验区\nyear=2021\nx1=7\n")};
  std::vector<ReportV1> all;
  for (const std::string& p : inputs) all.push_back(*batch_test::FakeExtract(ReadFile(p), p));
  const SetFindings expected = AnalyzeReportSet(all);
  for (const std::string& out : {std::string(), dir.path() + "/out"}) {
    RecordingSink sink;
    StatusOr<BatchSummary> s = RunBatch(inputs, Options(out), {&sink});
    ASSERT_TRUE(s.ok());
    ASSERT_EQ(s->set.unplaced.size(), expected.unplaced.size());
    EXPECT_EQ(s->set.unplaced.ReadAll().value().at(0), inputs[expected.unplaced[0]]);
    ExpectBodiesAre(sink, expected);
    EXPECT_EQ(sink.body_paths[0], (std::vector<std::string>{inputs[0], inputs[2], inputs[3],
                                                            inputs[5]}));
    const YearLinkCounts& n = s->set.counts;
    EXPECT_EQ(n.pass, 1u);  // 2021 <- 2020
    EXPECT_EQ(n.fail, 1u);  // 2022 <- 2021: 9 vs 7
    EXPECT_EQ(n.same_report_pairs, 1u);
    EXPECT_EQ(s->set.failing_x1.size(), 7u);  // one per column of table 三
    EXPECT_TRUE(sink.finished);
    EXPECT_EQ(sink.totals.fail, 1u);
  }
}

// A resumed batch takes the set records of the inputs it skips from the
// earlier run's journal lines and those of the inputs it redoes from the
// lines it appends after them: the findings are those of the final reports.
TEST(BatchTest, SetFindingsOfAResumedBatchEqualOneAnalysisOverEveryReport) {
  TempDir dir;
  std::vector<std::string> inputs = {
      dir.Write("1.txt", "organ=平潭综合实验区\nyear=2020\nx1=7\n"),
      dir.Write("2.txt", "organ=平潭综合实验区\nyear=2021\nx1=7\n")};
  const std::string out = dir.path() + "/out";
  ASSERT_TRUE(RunBatch(inputs, Options(out), {}).ok());
  dir.Write("2.txt", "organ=平潭综合实验区\nyear=2021\nx1=8\n");  // redone
  inputs.push_back(dir.Write("3.txt", "organ=平潭综合实验区\nyear=2022\nx1=8\n"));
  std::vector<ReportV1> all;
  for (const std::string& p : inputs) all.push_back(*batch_test::FakeExtract(ReadFile(p), p));
  RecordingSink sink;
  StatusOr<BatchSummary> s = RunBatch(inputs, Options(out), {&sink});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->skipped, 1u);
  ExpectBodiesAre(sink, AnalyzeReportSet(all));
  EXPECT_EQ(s->set.counts.pass, 1u);  // 2022 <- 2021: 8
  EXPECT_EQ(s->set.counts.fail, 1u);  // 2021 <- 2020: 8 vs 7
}

// Many copies of one report (same body and year) are compared pairwise only
// up to the cap; the rest are listed, and X.1 still links the years.
TEST(BatchTest, CopiesOfOneReportBeyondTheCapAreNotCompared) {
  BatchSetAnalysis analysis(3);
  for (int i = 0; i < 6; ++i) {
    ASSERT_TRUE(analysis.Add({"c" + std::to_string(i), "甲", 2021}).ok());
  }
  ASSERT_TRUE(analysis.Add({"p", "甲", 2020}).ok());
  int loads = 0;
  std::vector<BodyFindings> bodies;
  StatusOr<BatchSetFindings> f = analysis.Run(
      [&loads](const BatchSetEntry& e) {
        ++loads;
        return batch_test::FakeExtract(
            "organ=甲\nyear=" + std::string(e.path == "p" ? "2020" : "2021") + "\nx1=7\n", e.path);
      },
      [&bodies](const BodyFindings& body, const BatchPathOf&) {
        bodies.push_back(body);
        return OkStatus();
      });
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->not_compared.ReadAll().value(), (std::vector<std::string>{"c3", "c4", "c5"}));
  EXPECT_EQ(loads, 4);
  ASSERT_EQ(bodies.size(), 1u);
  EXPECT_EQ(bodies[0].same_report.size(), 3u);  // 3 copies: 3 pairs
  EXPECT_EQ(f->counts.pass, 1u);
  EXPECT_EQ(f->counts.not_compared, 3u);
}

}  // namespace
}  // namespace zfxxgk
