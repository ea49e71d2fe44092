// Shared development set: for every ../shared/corpus/<case>/ (relative to the
// project root), `zfxxgk extract` must score "exact"
// with ../shared/tools/score: every expected cell right (strict) and the four
// metadata fields (template, year, organ, published) equal.
//
// These tests measure the extractor against truth files we do not own; they
// fail until the extractor handles each case. When ../shared is absent (a
// plain checkout), SharedCorpusPresence.Available is skipped and no case is
// listed.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/cli_runner.h"
#include <nlohmann/json.hpp>

namespace {

using zfxxgk::testing_util::CommandResult;
using zfxxgk::testing_util::ExitMeaning;
using zfxxgk::testing_util::RunInRoot;
using zfxxgk::testing_util::ShellQuote;

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr int kCliTimeoutSeconds = 300;
constexpr size_t kMaxDiffLines = 20;

// Relative to the project root, where the commands below run.
const char kSharedCorpus[] = "../shared/corpus";
const char kScoreTool[] = "../shared/tools/score";

struct SharedCase {
  std::string name;   // folder name under ../shared/corpus
  std::string input;  // ../shared/corpus/<case>/input.<ext>
};

void PrintTo(const SharedCase& c, std::ostream* os) { *os << c.input; }

fs::path SharedCorpusDir() { return fs::path(ZF_SOURCE_DIR) / kSharedCorpus; }

std::vector<SharedCase> DiscoverSharedCases() {
  std::vector<SharedCase> cases;
  std::error_code ec;
  if (!fs::is_directory(SharedCorpusDir(), ec)) return cases;
  for (const auto& dir : fs::directory_iterator(SharedCorpusDir(), ec)) {
    if (!dir.is_directory() || !fs::is_regular_file(dir.path() / "expected.json", ec)) continue;
    std::vector<std::string> inputs;
    for (const auto& f : fs::directory_iterator(dir.path(), ec)) {
      const std::string file = f.path().filename().string();
      if (f.is_regular_file() && file.rfind("input.", 0) == 0) inputs.push_back(file);
    }
    if (inputs.empty()) continue;
    std::sort(inputs.begin(), inputs.end());
    const std::string name = dir.path().filename().string();
    cases.push_back({name, std::string(kSharedCorpus) + "/" + name + "/" + inputs.front()});
  }
  std::sort(cases.begin(), cases.end(),
            [](const SharedCase& a, const SharedCase& b) { return a.name < b.name; });
  return cases;
}

std::string TestName(const testing::TestParamInfo<SharedCase>& info) {
  std::string s = info.param.name;
  for (char& c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return s;
}

std::string Show(const Json& j) { return j.is_null() ? "null" : j.dump(); }

// Explains a non-exact case from score's --json --show-diff record.
std::string Explain(const Json& r) {
  std::ostringstream os;
  os << "score: " << r.value("right", 0) << "/" << r.value("expected", 0) << " cells right, "
     << r.value("wrong", 0) << " wrong, " << r.value("missing", 0) << " missing, "
     << r.value("extra", 0) << " extra";
  const Json meta = r.value("meta_mismatch", Json::array());
  if (!meta.empty()) os << "; metadata mismatches: " << meta.dump();
  const std::string note = r.value("note", std::string());
  if (!note.empty()) os << " [" << note << "]";
  const Json diff = r.value("diff", Json::array());
  if (!diff.empty()) {
    os << "\nfirst differences (path, expected, actual):";
    for (size_t i = 0; i < diff.size() && i < kMaxDiffLines; ++i) {
      const Json& d = diff[i];
      os << "\n  " << d.value("kind", std::string()) << "  tables."
         << d.value("path", std::string()) << "  expected=" << Show(d.value("expected", Json()))
         << "  actual="
         << (d.value("kind", std::string()) == "missing" ? "-" : Show(d.value("actual", Json())));
    }
    if (diff.size() > kMaxDiffLines) os << "\n  ... " << diff.size() - kMaxDiffLines << " more";
  }
  return os.str();
}

class SharedCorpusTest : public testing::TestWithParam<SharedCase> {};

TEST_P(SharedCorpusTest, ScoresExact) {
  const SharedCase& c = GetParam();
  const CommandResult run =
      RunInRoot("timeout " + std::to_string(kCliTimeoutSeconds) + " " + ShellQuote(ZF_CLI_PATH) +
                " extract " + ShellQuote(c.input));
  ASSERT_EQ(run.exit_code, 0) << "zfxxgk extract " << c.input << " exited " << run.exit_code
                              << " (" << ExitMeaning(run.exit_code) << "); stderr is above";

  const fs::path actual_path =
      fs::path(testing::TempDir()) /
      ("zfxxgk_shared_" + c.name + "_" + std::to_string(getpid()) + ".json");
  {
    std::ofstream out(actual_path, std::ios::binary | std::ios::trunc);
    ASSERT_TRUE(out) << "cannot write " << actual_path;
    out << run.out;
  }
  const CommandResult score =
      RunInRoot(ShellQuote(kScoreTool) + " " +
                ShellQuote(std::string(kSharedCorpus) + "/" + c.name) + " " +
                ShellQuote(actual_path.string()) + " --json --show-diff");
  std::error_code ec;
  fs::remove(actual_path, ec);
  ASSERT_EQ(score.exit_code, 0) << kScoreTool << " failed; stderr is above";

  Json report;
  try {
    report = Json::parse(score.out);
  } catch (const Json::exception& e) {
    FAIL() << kScoreTool << " --json printed something that is not JSON: " << e.what();
  }
  ASSERT_TRUE(report.contains("cases") && report["cases"].is_array() &&
              report["cases"].size() == 1)
      << "unexpected score output: " << score.out.substr(0, 300);
  const Json& r = report["cases"][0];
  EXPECT_TRUE(r.value("exact", false) && r.value("right", -1) == r.value("expected", -2))
      << c.input << " is not exact\n" << Explain(r);
}

INSTANTIATE_TEST_SUITE_P(SharedCorpus, SharedCorpusTest, testing::ValuesIn(DiscoverSharedCases()),
                         TestName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(SharedCorpusTest);

TEST(SharedCorpusPresence, Available) {
  std::error_code ec;
  if (!fs::is_directory(SharedCorpusDir(), ec)) {
    GTEST_SKIP() << kSharedCorpus << " not found next to the project: shared corpus tests skipped";
  }
  EXPECT_TRUE(fs::exists(fs::path(ZF_SOURCE_DIR) / kScoreTool, ec))
      << kScoreTool << " is missing although " << kSharedCorpus << " exists";
}

}  // namespace
