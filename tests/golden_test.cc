// Golden tests: `zfxxgk extract corpus/<case>/input.*` must print exactly
// corpus/<case>/expected.json, and every golden must satisfy
// schemas/report_v1.schema.json.
//
// Cases are discovered when the test binary starts: every corpus/<case>/ with
// an input.* and an expected.json is one MatchesExpected and one
// ValidatesAgainstSchema test (ctest lists them per case).
//
// UPDATE_GOLDEN=1 rewrites expected.json from the CLI output (2-space indent,
// keys in the order the CLI emits them) instead of comparing, and also creates
// expected.json for a case that has only an input.*; tools/update-goldens does
// this and shows the resulting diff.
//
// The CLI runs in the project root with the input path relative to it, so the
// goldens' source.path does not depend on where the checkout lives.
#include <sys/wait.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

constexpr int kCliTimeoutSeconds = 300;
constexpr size_t kMaxDiffLines = 20;

struct GoldenCase {
  std::string name;      // folder name under corpus/
  std::string input;     // corpus/<case>/input.<ext>, relative to the root
  std::string expected;  // corpus/<case>/expected.json, relative to the root
};

void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.input; }

bool UpdateMode() {
  const char* v = std::getenv("UPDATE_GOLDEN");
  return v != nullptr && std::string(v) == "1";
}

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += (c == '\'') ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct CommandResult {
  int exit_code = -1;  // -1 when the command did not exit normally
  std::string out;     // stdout only; stderr goes to the test log
};

// Runs `command` with /bin/sh in the project root.
CommandResult RunInRoot(const std::string& command) {
  const std::string full = "cd " + ShellQuote(ZF_SOURCE_DIR) + " && " + command;
  CommandResult result;
  FILE* pipe = popen(full.c_str(), "r");
  if (pipe == nullptr) return result;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) result.out.append(buf, n);
  const int status = pclose(pipe);
  if (status != -1 && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  return result;
}

std::string ExitMeaning(int code) {
  switch (code) {
    case 0: return "ok";
    case 1: return "internal error";
    case 2: return "usage error";
    case 3: return "not found/unreadable";
    case 4: return "empty input";
    case 5: return "unsupported/binary format";
    case 6: return "not a report";
    case 124: return "timed out";
    case 127: return "CLI not found";
    default:
      return code > 128 ? "killed by signal " + std::to_string(code - 128) : "abnormal exit";
  }
}

CommandResult RunExtract(const std::string& input_rel) {
  return RunInRoot("timeout " + std::to_string(kCliTimeoutSeconds) + " " +
                   ShellQuote(ZF_CLI_PATH) + " extract " + ShellQuote(input_rel));
}

std::vector<GoldenCase> DiscoverGoldenCases() {
  std::vector<GoldenCase> cases;
  const fs::path corpus = fs::path(ZF_SOURCE_DIR) / "corpus";
  std::error_code ec;
  if (!fs::is_directory(corpus, ec)) return cases;
  for (const auto& dir : fs::directory_iterator(corpus, ec)) {
    if (!dir.is_directory()) continue;
    std::vector<std::string> inputs;
    for (const auto& f : fs::directory_iterator(dir.path(), ec)) {
      const std::string file = f.path().filename().string();
      if (f.is_regular_file() && file.rfind("input.", 0) == 0) inputs.push_back(file);
    }
    if (inputs.empty()) continue;
    std::sort(inputs.begin(), inputs.end());
    const std::string name = dir.path().filename().string();
    const bool has_expected = fs::is_regular_file(dir.path() / "expected.json", ec);
    if (!has_expected && !UpdateMode()) continue;
    cases.push_back({name, "corpus/" + name + "/" + inputs.front(),
                     "corpus/" + name + "/expected.json"});
  }
  std::sort(cases.begin(), cases.end(),
            [](const GoldenCase& a, const GoldenCase& b) { return a.name < b.name; });
  return cases;
}

std::string TestName(const testing::TestParamInfo<GoldenCase>& info) {
  std::string s = info.param.name;
  for (char& c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return s;
}

// ---- JSON comparison -------------------------------------------------------

struct DiffLine {
  std::string pointer, expected, actual;
};

std::string Brief(const Json& j) {
  std::string s = j.dump(-1, ' ', false, Json::error_handler_t::replace);
  return s.size() <= 120 ? s : s.substr(0, 117) + "...";
}

std::string PointerToken(const std::string& key) {
  std::string out;
  for (char c : key) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  return out;
}

// Collects every JSON pointer where the values differ (key order ignored).
void Diff(const Json& e, const Json& a, const std::string& ptr, std::vector<DiffLine>& out) {
  if (e.is_object() && a.is_object()) {
    for (const auto& [k, v] : e.items()) {
      const std::string p = ptr + "/" + PointerToken(k);
      if (auto it = a.find(k); it == a.end()) {
        out.push_back({p, Brief(v), "(absent)"});
      } else {
        Diff(v, *it, p, out);
      }
    }
    for (const auto& [k, v] : a.items()) {
      if (!e.contains(k)) out.push_back({ptr + "/" + PointerToken(k), "(absent)", Brief(v)});
    }
    return;
  }
  if (e.is_array() && a.is_array()) {
    const size_t n = std::max(e.size(), a.size());
    for (size_t i = 0; i < n; ++i) {
      const std::string p = ptr + "/" + std::to_string(i);
      if (i >= a.size()) {
        out.push_back({p, Brief(e[i]), "(absent)"});
      } else if (i >= e.size()) {
        out.push_back({p, "(absent)", Brief(a[i])});
      } else {
        Diff(e[i], a[i], p, out);
      }
    }
    return;
  }
  if (e != a) out.push_back({ptr.empty() ? "/" : ptr, Brief(e), Brief(a)});
}

// First object (as a JSON pointer) whose keys come in a different order.
bool FirstOrderDifference(const Json& e, const Json& a, const std::string& ptr, std::string& where) {
  if (e.is_object() && a.is_object()) {
    std::vector<std::string> ek, ak;
    for (const auto& [k, v] : e.items()) ek.push_back(k);
    for (const auto& [k, v] : a.items()) ak.push_back(k);
    if (ek != ak) {
      where = ptr.empty() ? "/" : ptr;
      return true;
    }
    for (const auto& [k, v] : e.items()) {
      if (FirstOrderDifference(v, a.at(k), ptr + "/" + PointerToken(k), where)) return true;
    }
  } else if (e.is_array() && a.is_array()) {
    for (size_t i = 0; i < e.size() && i < a.size(); ++i) {
      if (FirstOrderDifference(e[i], a[i], ptr + "/" + std::to_string(i), where)) return true;
    }
  }
  return false;
}

std::string FormatDiff(const std::vector<DiffLine>& diff) {
  std::ostringstream os;
  os << diff.size() << " difference(s) between expected.json and the CLI output";
  if (diff.size() > kMaxDiffLines) os << " (first " << kMaxDiffLines << " shown)";
  os << ":\n";
  for (size_t i = 0; i < diff.size() && i < kMaxDiffLines; ++i) {
    os << "  " << diff[i].pointer << "\n      expected: " << diff[i].expected
       << "\n      actual:   " << diff[i].actual << "\n";
  }
  os << "If the new output is right: tools/update-goldens (UPDATE_GOLDEN=1), then review git diff.";
  return os.str();
}

bool ReadFile(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

// ---- tests -----------------------------------------------------------------

class GoldenTest : public testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenTest, MatchesExpected) {
  const GoldenCase& c = GetParam();
  const CommandResult run = RunExtract(c.input);
  ASSERT_EQ(run.exit_code, 0) << "zfxxgk extract " << c.input << " exited " << run.exit_code
                              << " (" << ExitMeaning(run.exit_code) << "); stderr is above";
  Json actual;
  try {
    actual = Json::parse(run.out);
  } catch (const Json::exception& e) {
    FAIL() << "stdout of zfxxgk extract " << c.input << " is not JSON (" << e.what()
           << "); it starts: " << run.out.substr(0, 300);
  }
  const fs::path expected_path = fs::path(ZF_SOURCE_DIR) / c.expected;

  if (UpdateMode()) {
    std::ofstream out(expected_path, std::ios::binary | std::ios::trunc);
    ASSERT_TRUE(out) << "cannot write " << expected_path;
    out << actual.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    ASSERT_TRUE(out.good()) << "write failed: " << expected_path;
    std::cout << "UPDATE_GOLDEN=1: rewrote " << c.expected << " (not compared)\n";
    return;
  }

  std::string text;
  ASSERT_TRUE(ReadFile(expected_path, text)) << "cannot read " << expected_path;
  Json expected;
  try {
    expected = Json::parse(text);
  } catch (const Json::exception& e) {
    FAIL() << c.expected << " is not valid JSON: " << e.what();
  }
  std::vector<DiffLine> diff;
  Diff(expected, actual, "", diff);
  ASSERT_TRUE(diff.empty()) << c.input << ": " << FormatDiff(diff);
  std::string where;
  EXPECT_FALSE(FirstOrderDifference(expected, actual, "", where))
      << c.input << ": same values as expected.json, but the keys of " << where
      << " come in a different order (goldens keep the emitted order)";
}

TEST_P(GoldenTest, ValidatesAgainstSchema) {
  const GoldenCase& c = GetParam();
  if (std::system("python3 -c 'import jsonschema' >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "python3 with the jsonschema module is not available "
                    "(Debian: apt-get install python3-jsonschema)";
  }
  const CommandResult run = RunInRoot("python3 tools/validate-json schemas/report_v1.schema.json " +
                                      ShellQuote(c.expected) + " 2>&1");
  EXPECT_EQ(run.exit_code, 0) << run.out;
}

INSTANTIATE_TEST_SUITE_P(Corpus, GoldenTest, testing::ValuesIn(DiscoverGoldenCases()), TestName);
// The corpus may be empty (a fresh checkout before the first golden).
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoldenTest);

}  // namespace
