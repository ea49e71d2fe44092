// Bad inputs: tests/bad-inputs/<file> through the CLI, each with the exit code and
// message fragment listed in tests/bad-inputs/EXPECTED (written by hand; the files by
// tools/make-bad-inputs). Every run must end within kTimeoutSeconds and without a
// signal (no crash, no sanitizer abort, no OOM kill), with the documented exit code,
// and its output (stderr and stdout together) must contain the fragment. The CLI runs
// in the project root (ctest's working directory) as `zfxxgk extract tests/bad-inputs/
// <file> [ARGS]`.
//
// EXPECTED: one line per file, tab-separated: name, exit code, message fragment, and
// optionally extra CLI arguments; blank lines and lines starting with '#' are ignored.
#include <sys/resource.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/cli_runner.h"

namespace {

using zfxxgk::testing_util::CommandResult;
using zfxxgk::testing_util::RunInRoot;
using zfxxgk::testing_util::ShellQuote;

namespace fs = std::filesystem;

constexpr int kTimeoutSeconds = 20;
// Peak resident memory allowed to one CLI run (sanitizer builds included).
constexpr long kMaxRssKb = 2L * 1024 * 1024;

const char kDir[] = "tests/bad-inputs";

struct BadInput {
  std::string name;
  int exit_code = 0;
  std::string fragment;
  std::string args;
};

void PrintTo(const BadInput& b, std::ostream* os) { *os << b.name; }

std::vector<BadInput> ReadExpected() {
  std::vector<BadInput> out;
  std::ifstream in(fs::path(ZF_SOURCE_DIR) / kDir / "EXPECTED");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, '\t')) fields.push_back(field);
    if (fields.size() < 3) continue;  // ExpectedIsWellFormed reports it
    BadInput b;
    b.name = fields[0];
    b.exit_code = std::stoi(fields[1]);
    b.fragment = fields[2];
    if (fields.size() > 3) b.args = fields[3];
    out.push_back(std::move(b));
  }
  return out;
}

// Runs `zfxxgk extract` on the file, stderr and stdout together, within the timeout.
CommandResult RunCli(const BadInput& b) {
  return RunInRoot("timeout -k 5 " + std::to_string(kTimeoutSeconds) + " " +
                   ShellQuote(ZF_CLI_PATH) + " extract " + ShellQuote(std::string(kDir) + "/" + b.name) +
                   " " + b.args + " 2>&1");
}

class BadInputTest : public testing::TestWithParam<BadInput> {};

TEST_P(BadInputTest, DocumentedErrorInBoundedTimeAndMemory) {
  const BadInput& b = GetParam();
  ASSERT_TRUE(fs::exists(fs::path(ZF_SOURCE_DIR) / kDir / b.name)) << b.name;
  const CommandResult r = RunCli(b);
  ASSERT_NE(r.exit_code, 124) << b.name << ": no answer within " << kTimeoutSeconds << " s";
  ASSERT_LT(r.exit_code, 128) << b.name << ": killed by signal " << r.exit_code - 128
                              << "\n" << r.out.substr(0, 4000);
  EXPECT_EQ(r.exit_code, b.exit_code) << b.name << "\n" << r.out.substr(0, 2000);
  EXPECT_NE(r.out.find(b.fragment), std::string::npos)
      << b.name << ": output lacks \"" << b.fragment << "\"\n" << r.out.substr(0, 2000);
  EXPECT_EQ(r.out.find("Sanitizer"), std::string::npos) << r.out.substr(0, 4000);
  EXPECT_EQ(r.out.find("runtime error"), std::string::npos) << r.out.substr(0, 4000);
  rusage usage{};
  ASSERT_EQ(getrusage(RUSAGE_CHILDREN, &usage), 0);
  EXPECT_LT(usage.ru_maxrss, kMaxRssKb) << b.name << ": peak RSS " << usage.ru_maxrss << " KB";
}

std::string TestName(const testing::TestParamInfo<BadInput>& info) {
  std::string name;
  for (char c : info.param.name) name.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Files, BadInputTest, testing::ValuesIn(ReadExpected()), TestName);

// Each limit an EXPECTED line relies on is a documented flag of `zfxxgk extract`.
TEST(BadInputsCorpus, ExtractHelpListsEveryLimitFlag) {
  const std::string help = RunInRoot(ShellQuote(ZF_CLI_PATH) + " extract --help 2>&1").out;
  for (const char* flag : {"--max-input-bytes", "--max-html-depth", "--max-table-cells",
                           "--max-pixels", "--max-pages", "--max-ocr-seconds"}) {
    EXPECT_NE(help.find(flag), std::string::npos) << flag << "\n" << help;
  }
}

// Every file in the directory has one EXPECTED line, and every line names a file.
TEST(BadInputsCorpus, ExpectedIsWellFormed) {
  const fs::path dir = fs::path(ZF_SOURCE_DIR) / kDir;
  std::ifstream in(dir / "EXPECTED");
  ASSERT_TRUE(in) << "missing " << (dir / "EXPECTED");
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    EXPECT_GE(std::count(line.begin(), line.end(), '\t'), 2)
        << "EXPECTED:" << number << ": want name<TAB>code<TAB>fragment[<TAB>args]";
  }
  std::set<std::string> listed;
  for (const BadInput& b : ReadExpected()) {
    EXPECT_TRUE(listed.insert(b.name).second) << b.name << " listed twice";
    EXPECT_FALSE(b.fragment.empty()) << b.name;
  }
  std::set<std::string> present;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string file = entry.path().filename().string();
    if (file == "EXPECTED" || file == "README.md") continue;
    present.insert(file);
    EXPECT_TRUE(listed.count(file)) << file << " has no EXPECTED line";
  }
  for (const std::string& name : listed) EXPECT_TRUE(present.count(name)) << name << " missing";
}

}  // namespace
