// Runs the built CLI's `batch` subcommand (ZF_CLI_PATH): exit statuses,
// streaming, shards, and a real SIGKILL in the middle of a batch followed by
// a restart that must finish with every report exactly once.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "tests/cli_runner.h"
#include "tests/temp_dir.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;

using zfxxgk::testing_util::TempDir;
using zfxxgk::testing_util::RunInRoot;
using zfxxgk::testing_util::ShellQuote;
using Result = zfxxgk::testing_util::CommandResult;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs `zfxxgk <args>` from the project root; stdout and stderr captured
// (stderr is what a failure message shows: a sanitizer's report, say).
Result RunCli(const std::string& args) {
  TempDir dir;
  const std::string err = dir.path() + "/stderr";
  Result r = RunInRoot("timeout 300 " + ShellQuote(ZF_CLI_PATH) + " " + args + " 2>" +
                       ShellQuote(err));
  r.err = ReadFile(err);
  return r;
}

// Success when the command exited 0; else its exit status and stderr.
::testing::AssertionResult Succeeded(const Result& r) {
  if (r.exit_code == 0) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "exit " << r.exit_code << ", stderr:\n" << r.err;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool Contains(const std::string& s, const std::string& needle) {
  return s.find(needle) != std::string::npos;
}

// The corpus text dumps (fast to extract), each copied `copies` times with a
// small variation (trailing spaces) so that every copy is a distinct file.
std::vector<std::string> MakeArchive(const std::string& dir, int copies) {
  std::vector<std::string> sources;
  for (const auto& c : fs::directory_iterator(std::string(ZF_SOURCE_DIR) + "/corpus")) {
    for (const char* name : {"input.txt", "input.md"}) {
      if (fs::exists(c.path() / name)) sources.push_back((c.path() / name).string());
    }
  }
  std::sort(sources.begin(), sources.end());
  std::vector<std::string> inputs;
  for (size_t s = 0; s < sources.size(); ++s) {
    const std::string text = ReadFile(sources[s]);
    for (int k = 0; k < copies; ++k) {
      const std::string path = dir + "/archive/" + std::to_string(s) + "/copy" +
                               std::to_string(k) + fs::path(sources[s]).extension().string();
      fs::create_directories(fs::path(path).parent_path());
      std::ofstream(path, std::ios::binary) << text << std::string(k + 1, ' ') << "\n";
      inputs.push_back(path);
    }
  }
  return inputs;
}

size_t CountLines(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  return static_cast<size_t>(std::count(std::istreambuf_iterator<char>(in),
                                        std::istreambuf_iterator<char>(), '\n'));
}

// Starts `zfxxgk batch <args>` and SIGKILLs it once `journal` has at least
// `lines` lines. Returns the journal's line count at the kill, or -1 when
// the batch ended first.
long StartAndKill(const std::vector<std::string>& args, const std::string& journal,
                  size_t lines) {
  std::vector<std::string> argv_s = {ZF_CLI_PATH, "batch"};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, ZF_CLI_PATH, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -2;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) return -1;  // finished before the kill
    const size_t n = CountLines(journal);
    if (n >= lines) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return static_cast<long>(n);
    }
    std::this_thread::sleep_for(std::chrono::microseconds(500));
  }
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  return -3;
}

TEST(CliBatchTest, HelpDocumentsTheExitStatusAndNames) {
  Result r = RunCli("batch --help");
  EXPECT_TRUE(Succeeded(r));
  EXPECT_TRUE(Contains(r.out, "Exit status: 0")) << r.out;
  EXPECT_TRUE(Contains(r.out, "percent-encoded")) << r.out;
  EXPECT_TRUE(Contains(r.out, "--shard")) << r.out;
}

TEST(CliBatchTest, HelpListsTheResourceLimits) {
  Result r = RunCli("batch --help");
  for (const char* flag : {"--max-input-bytes", "--max-html-depth", "--max-table-cells",
                           "--max-pixels", "--max-pages", "--max-ocr-seconds"}) {
    EXPECT_TRUE(Contains(r.out, flag)) << flag;
  }
}

TEST(CliBatchTest, AnInputOverALimitIsAFailedInputNamingTheLimit) {
  TempDir dir;
  Result r = RunCli("batch corpus/synth-2021-html --max-table-cells 4 -o " +
                    ShellQuote(dir.path() + "/out"));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(Contains(r.err, "resource_limit")) << r.err;
}

TEST(CliBatchTest, UsageErrors) {
  EXPECT_EQ(RunCli("batch -o /tmp/x").exit_code, 2);             // no input
  EXPECT_EQ(RunCli("batch corpus").exit_code, 2);                // nothing to write
  EXPECT_EQ(RunCli("batch corpus --jsonl - --shard 0/2").exit_code, 2);
  EXPECT_EQ(RunCli("batch --manifest /does/not/exist --jsonl -").exit_code, 2);
}

TEST(CliBatchTest, BadFilesAreListedAndTheBatchFinishes) {
  TempDir dir;
  std::ofstream(dir.path() + "/bad.txt") << "no report here\n";
  Result r = RunCli("batch corpus/synth-2021-glued " + ShellQuote(dir.path() + "/bad.txt") +
                    " does/not/exist.html -o " + ShellQuote(dir.path() + "/out"));
  EXPECT_EQ(r.exit_code, 3);
  const std::string& summary = r.err;
  EXPECT_TRUE(Contains(summary, "3 inputs: 1 converted, 0 already done, 2 failed")) << summary;
  EXPECT_TRUE(Contains(summary, "does/not/exist.html: not_found")) << summary;
  EXPECT_TRUE(Contains(summary, "bad.txt: not_a_report")) << summary;
  nlohmann::json j = nlohmann::json::parse(ReadFile(dir.path() + "/out/_summary.json"));
  EXPECT_EQ(j["failed"], 2);
  EXPECT_EQ(j["by_error"]["not_found"], 1);
  EXPECT_TRUE(fs::exists(dir.path() + "/out/corpus%2Fsynth-2021-glued%2Finput.txt.json"));
  EXPECT_TRUE(fs::exists(dir.path() + "/out/_set_findings.json"));
  // Resumed, with --allow-failures: nothing redone, exit 0.
  Result again = RunCli("batch corpus/synth-2021-glued " + ShellQuote(dir.path() + "/bad.txt") +
                        " does/not/exist.html --allow-failures -o " +
                        ShellQuote(dir.path() + "/out"));
  EXPECT_TRUE(Succeeded(again));
  EXPECT_TRUE(Contains(again.err, "3 inputs: 0 converted, 2 already done, 2 failed"))
      << again.err;
}

TEST(CliBatchTest, ImagesInADirectoryAreInputsOnlyWithTheImagesFlag) {
  TempDir dir;
  std::ofstream(dir.path() + "/logo.png") << "not a picture";
  Result plain = RunCli("batch " + ShellQuote(dir.path()) + " --jsonl -");
  EXPECT_TRUE(Succeeded(plain)) << plain.err;
  EXPECT_TRUE(Contains(plain.err, "0 inputs")) << plain.err;
  Result images = RunCli("batch --images " + ShellQuote(dir.path()) + " --jsonl -");
  EXPECT_EQ(images.exit_code, 3) << images.err;  // taken, and failed: not an image
  EXPECT_TRUE(Contains(images.err, "1 inputs: 0 converted")) << images.err;
  EXPECT_TRUE(Contains(images.err, "logo.png: ")) << images.err;
}

TEST(CliBatchTest, StreamingManifestToJsonlEqualsTheReportFiles) {
  TempDir dir;
  Result files = RunCli("batch corpus -q -o " + ShellQuote(dir.path() + "/out"));
  ASSERT_TRUE(Succeeded(files));
  {
    std::ofstream manifest(dir.path() + "/manifest.txt");
    manifest << "# corpus inputs, relative to the project root\n";
    for (const auto& c : fs::directory_iterator(std::string(ZF_SOURCE_DIR) + "/corpus")) {
      for (const auto& f : fs::directory_iterator(c.path())) {
        const std::string name = f.path().filename().string();
        if (name.rfind("input.", 0) != 0) continue;
        manifest << "corpus/" << c.path().filename().string() << "/" << name << "\n";
      }
    }
  }
  Result stream =
      RunCli("batch --manifest - --jsonl - -q < " + ShellQuote(dir.path() + "/manifest.txt"));
  ASSERT_TRUE(Succeeded(stream));
  std::vector<std::string> lines = Lines(stream.out);
  std::vector<std::string> expected;
  for (const auto& f : fs::directory_iterator(dir.path() + "/out")) {
    const std::string name = f.path().filename().string();
    if (name[0] == '.' || name[0] == '_') continue;
    std::string text = ReadFile(f.path().string());
    text.pop_back();
    expected.push_back(text);
  }
  std::sort(lines.begin(), lines.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(lines, expected);
}

TEST(CliBatchTest, ShardsTogetherEqualTheWholeBatch) {
  Result whole = RunCli("batch corpus --jsonl - -q");
  ASSERT_TRUE(Succeeded(whole));
  std::multiset<std::string> merged;
  for (int k = 1; k <= 3; ++k) {
    Result part = RunCli("batch corpus --jsonl - -q --shard " + std::to_string(k) + "/3");
    ASSERT_TRUE(Succeeded(part));
    for (const std::string& line : Lines(part.out)) merged.insert(line);
  }
  std::vector<std::string> all = Lines(whole.out);
  EXPECT_EQ(merged, std::multiset<std::string>(all.begin(), all.end()));
}

// Every row of every table of a SQLite file, sorted: equal for two
// databases with the same content, whatever the insertion order.
std::vector<std::string> DatabaseRows(const std::string& path) {
  std::vector<std::string> rows;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return {"cannot open " + path};
  }
  for (const char* table : {"reports", "cells", "checks", "issues", "set_findings",
                            "same_report", "batch_meta"}) {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, (std::string("SELECT * FROM ") + table).c_str(), -1, &st, nullptr);
    while (st && sqlite3_step(st) == SQLITE_ROW) {
      std::string row = table;
      for (int i = 0; i < sqlite3_column_count(st); ++i) {
        const unsigned char* t = sqlite3_column_text(st, i);
        row.push_back('|');
        row.append(t ? reinterpret_cast<const char*>(t) : "NULL");
      }
      rows.push_back(row);
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  std::sort(rows.begin(), rows.end());
  return rows;
}

std::map<std::string, std::string> ReportFiles(const std::string& dir) {
  std::map<std::string, std::string> files;
  for (const auto& f : fs::directory_iterator(dir)) {
    const std::string name = f.path().filename().string();
    if (name[0] != '.' && name[0] != '_') files[name] = ReadFile(f.path().string());
  }
  return files;
}

// Shards run into their own OUTDIRs and merged with --import give the same
// report files, JSONL, SQLite and set findings as one run over everything.
TEST(CliBatchTest, ImportedShardOutdirsEqualOneRun) {
  TempDir dir;
  const std::string d = ShellQuote(dir.path());
  ASSERT_TRUE(Succeeded(RunCli("batch corpus -q -o " + d + "/single --jsonl " + d +
                               "/single.jsonl --sqlite " + d + "/single.sqlite")));
  std::string imports;
  for (int k = 1; k <= 3; ++k) {
    const std::string shard = d + "/shard" + std::to_string(k);
    ASSERT_TRUE(
        Succeeded(RunCli("batch corpus -q --shard " + std::to_string(k) + "/3 -o " + shard)));
    imports += " --import " + shard;
  }
  ASSERT_TRUE(Succeeded(RunCli("batch corpus -q -o " + d + "/merged" + imports + " --jsonl " +
                               d + "/merged.jsonl --sqlite " + d + "/merged.sqlite")));
  EXPECT_TRUE(ReportFiles(dir.path() + "/merged") == ReportFiles(dir.path() + "/single"));
  EXPECT_EQ(ReadFile(dir.path() + "/merged.jsonl"), ReadFile(dir.path() + "/single.jsonl"));
  EXPECT_EQ(DatabaseRows(dir.path() + "/merged.sqlite"), DatabaseRows(dir.path() + "/single.sqlite"));
  EXPECT_EQ(ReadFile(dir.path() + "/merged/_set_findings.json"),
            ReadFile(dir.path() + "/single/_set_findings.json"));
  nlohmann::json summary = nlohmann::json::parse(ReadFile(dir.path() + "/merged/_summary.json"));
  EXPECT_EQ(summary["converted"], 0);  // nothing extracted again
}

// Shards streaming JSONL, concatenated and read back with --from-jsonl, give
// the same SQLite content as one run.
TEST(CliBatchTest, ConcatenatedShardJsonlEqualsOneRun) {
  TempDir dir;
  const std::string d = ShellQuote(dir.path());
  ASSERT_TRUE(Succeeded(RunCli("batch corpus -q --sqlite " + d + "/single.sqlite --findings " +
                               d + "/single.json")));
  std::string all;
  for (int k = 1; k <= 3; ++k) {
    Result part = RunCli("batch corpus -q --jsonl - --shard " + std::to_string(k) + "/3");
    ASSERT_TRUE(Succeeded(part));
    all += part.out;
  }
  std::ofstream(dir.path() + "/all.jsonl", std::ios::binary) << all;
  ASSERT_TRUE(Succeeded(RunCli("batch -q --from-jsonl - --sqlite " + d +
                               "/merged.sqlite --findings " + d + "/merged.json < " + d +
                               "/all.jsonl")));
  EXPECT_EQ(DatabaseRows(dir.path() + "/merged.sqlite"), DatabaseRows(dir.path() + "/single.sqlite"));
  nlohmann::json a = nlohmann::json::parse(ReadFile(dir.path() + "/single.json"));
  nlohmann::json b = nlohmann::json::parse(ReadFile(dir.path() + "/merged.json"));
  EXPECT_EQ(a["counts"], b["counts"]);
}

// ~200 inputs; the batch is killed with SIGKILL twice and restarted: every
// report file exists exactly once, equal to a clean run's, no temporary is
// left, and the journal names every input exactly once.
TEST(CliBatchTest, KilledTwiceAndRestartedFinishesEveryReportExactlyOnce) {
  TempDir dir;
  const std::vector<std::string> inputs = MakeArchive(dir.path(), 29);
  ASSERT_GE(inputs.size(), 150u);
  const std::string out = dir.path() + "/out";
  const std::string journal = out + "/.zfxxgk-batch.jsonl";
  const std::vector<std::string> args = {dir.path() + "/archive", "-o", out, "-j", "2", "-q",
                                         "--jsonl", dir.path() + "/all.jsonl"};
  const long first = StartAndKill(args, journal, 30);
  const long second = StartAndKill(args, journal, static_cast<size_t>(std::max(first, 0L)) + 60);
  EXPECT_GT(first, 0) << "the first run was not killed mid-way";
  EXPECT_GT(second, first) << "the second run was not killed mid-way";
  EXPECT_LT(second, static_cast<long>(inputs.size()));
  Result finish = RunCli("batch " + ShellQuote(dir.path() + "/archive") + " -o " + ShellQuote(out) +
                         " -j 2 -q --jsonl " + ShellQuote(dir.path() + "/all.jsonl"));
  ASSERT_TRUE(Succeeded(finish));
  Result clean = RunCli("batch " + ShellQuote(dir.path() + "/archive") + " -o " +
                        ShellQuote(dir.path() + "/clean") + " -j 2 -q");
  ASSERT_TRUE(Succeeded(clean));
  std::map<std::string, std::string> got, want;
  for (const auto& f : fs::directory_iterator(out)) {
    const std::string name = f.path().filename().string();
    EXPECT_EQ(name.find(".zfxxgk-tmp-"), std::string::npos) << name;
    EXPECT_EQ(name.find(".tmp-"), std::string::npos) << name;
    EXPECT_EQ(name.find(".partial"), std::string::npos) << name;
    if (name[0] != '.' && name[0] != '_') got[name] = ReadFile(f.path().string());
  }
  for (const auto& f : fs::directory_iterator(dir.path() + "/clean")) {
    const std::string name = f.path().filename().string();
    if (name[0] != '.' && name[0] != '_') want[name] = ReadFile(f.path().string());
  }
  EXPECT_EQ(got.size(), inputs.size());
  EXPECT_TRUE(got == want) << "report files differ from a clean run";
  std::map<std::string, int> per_path;
  for (const std::string& line : Lines(ReadFile(journal))) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << line;
    ++per_path[j["path"].get<std::string>()];
  }
  EXPECT_EQ(per_path.size(), inputs.size());
  for (const auto& [path, n] : per_path) EXPECT_EQ(n, 1) << path;
  // The JSONL is rebuilt by the finishing run: every report once.
  std::vector<std::string> jsonl = Lines(ReadFile(dir.path() + "/all.jsonl"));
  EXPECT_EQ(jsonl.size(), inputs.size());
  EXPECT_EQ(std::set<std::string>(jsonl.begin(), jsonl.end()).size(), inputs.size());
}

// tools/slurm-demo on a one-node cluster: a job array of 3 shards, then a
// merge job; the script compares the merged result with a direct run.
// Skipped where Slurm is not installed or cannot start (exit 77); the demo
// installs it when run by hand (tools/slurm-demo), never from the tests.
TEST(CliBatchSlurmTest, ArrayOfShardsMergedEqualsOneRun) {
  TempDir dir;
  const std::string log = dir.path() + "/demo.log";
  const std::string cmd = "cd " + ShellQuote(ZF_SOURCE_DIR) + " && timeout 240 tools/slurm-demo " +
                          "--no-install --shards 3 --zfxxgk " + ShellQuote(ZF_CLI_PATH) +
                          " --work " + ShellQuote(dir.path() + "/work") + " >" + ShellQuote(log) +
                          " 2>&1";
  const int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status)) << ReadFile(log);
  if (WEXITSTATUS(status) == 77) GTEST_SKIP() << ReadFile(log);
  EXPECT_EQ(WEXITSTATUS(status), 0) << ReadFile(log);
  EXPECT_TRUE(Contains(ReadFile(log), "equals the single-machine run")) << ReadFile(log);
}

}  // namespace
