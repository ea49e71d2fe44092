// Golden tests over corpus/<case>/ (each with an input.*):
//  - MatchesTruth: expected.json is the truth (from the shared set, or from
//    tools/make-synthetic's truth files — never from our output). Every truth
//    cell must come out with the same value and status, the four metadata
//    fields must match, and every cell that notes.ambiguous_cells lists must
//    come out "ambiguous" with the same candidates.
//  - MatchesSnapshot: golden.json is our whole output (sections, checks,
//    issues included), compared value for value and key order for key order,
//    so that any change of output is seen and reviewed.
//  - OutputValidatesAgainstSchema: the output satisfies
//    schemas/report_v1.schema.json.
//
// UPDATE_GOLDEN=1 rewrites golden.json (never expected.json) from the CLI
// output instead of comparing; tools/update-goldens does this and shows the
// diff to review. The CLI runs in the project root with the input path
// relative to it, so outputs do not depend on where the checkout lives.
#include <sys/wait.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
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

#include "tests/cli_runner.h"
#include <nlohmann/json.hpp>

namespace {

using zfxxgk::testing_util::CommandResult;
using zfxxgk::testing_util::ExitMeaning;
using zfxxgk::testing_util::RunInRoot;
using zfxxgk::testing_util::ShellQuote;

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

constexpr int kCliTimeoutSeconds = 300;
constexpr size_t kMaxDiffLines = 20;

struct GoldenCase {
  std::string name;      // folder name under corpus/
  std::string input;     // corpus/<case>/input.<ext>, relative to the root
  std::string expected;  // corpus/<case>/expected.json (truth), relative to the root
  std::string snapshot;  // corpus/<case>/golden.json (our output), relative to the root
};

void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.input; }

bool UpdateMode() {
  const char* v = std::getenv("UPDATE_GOLDEN");
  return v != nullptr && std::string(v) == "1";
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
    if (!fs::is_regular_file(dir.path() / "expected.json", ec)) continue;
    cases.push_back({name, "corpus/" + name + "/" + inputs.front(),
                     "corpus/" + name + "/expected.json", "corpus/" + name + "/golden.json"});
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
  os << diff.size() << " difference(s) between the snapshot (golden.json) and the CLI output";
  if (diff.size() > kMaxDiffLines) os << " (first " << kMaxDiffLines << " shown)";
  os << ":\n";
  for (size_t i = 0; i < diff.size() && i < kMaxDiffLines; ++i) {
    os << "  " << diff[i].pointer << "\n      expected: " << diff[i].expected
       << "\n      actual:   " << diff[i].actual << "\n";
  }
  os << "If the new output is right: tools/update-goldens (UPDATE_GOLDEN=1 rewrites golden.json), "
        "then review git diff.";
  return os.str();
}

bool ReadFile(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

// ---- tests -----------------------------------------------------------------

// ---- truth comparison (the scorer's rules) -------------------------------

// Cells (objects with a "value" key) under `node`, by dotted path.
void FlattenCells(const Json& node, const std::string& prefix, std::map<std::string, Json>& out) {
  if (node.is_object()) {
    if (node.contains("value")) {
      out[prefix] = node;
      return;
    }
    for (const auto& [k, v] : node.items()) FlattenCells(v, prefix.empty() ? k : prefix + "." + k, out);
  } else if (node.is_array()) {
    for (size_t i = 0; i < node.size(); ++i) {
      FlattenCells(node[i], prefix.empty() ? std::to_string(i) : prefix + "." + std::to_string(i), out);
    }
  }
}

bool SameValue(const Json& a, const Json& b) {
  if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
  if (a.is_number() && b.is_number()) return std::fabs(a.get<double>() - b.get<double>()) < 1e-9;
  return a == b;
}

// Differences between the truth and the output, one line each.
std::vector<std::string> TruthDifferences(const Json& truth, const Json& actual) {
  std::vector<std::string> out;
  std::map<std::string, Json> want, got;
  FlattenCells(truth.value("tables", Json::object()), "", want);
  FlattenCells(actual.value("tables", Json::object()), "", got);
  for (const auto& [path, cell] : want) {
    auto it = got.find(path);
    if (it == got.end()) {
      if (cell.value("status", "") != "missing") out.push_back(path + ": absent from the output");
      continue;
    }
    if (!SameValue(cell["value"], it->second["value"]) ||
        cell.value("status", "") != it->second.value("status", "")) {
      out.push_back(path + ": expected " + Brief(cell) + ", got " + Brief(it->second));
    }
  }
  for (const char* key : {"template", "year", "organ", "published"}) {
    Json e = truth["report"].value(key, Json()), a = actual["report"].value(key, Json());
    if (e != a) out.push_back(std::string("report.") + key + ": expected " + Brief(e) + ", got " + Brief(a));
  }
  return out;
}

// Ambiguous cells the truth lists, checked for status and candidates.
std::vector<std::string> AmbiguityDifferences(const Json& truth, const Json& actual) {
  std::vector<std::string> out;
  std::map<std::string, Json> got;
  FlattenCells(actual.value("tables", Json::object()), "tables", got);
  Json listed = truth.value("notes", Json::object()).value("ambiguous_cells", Json::array());
  for (const Json& a : listed) {
    const std::string path = a.value("path", "");
    auto it = got.find(path);
    if (it == got.end() || it->second.value("status", "") != "ambiguous") {
      out.push_back(path + ": should be ambiguous, got " +
                    (it == got.end() ? std::string("(absent)") : Brief(it->second)));
      continue;
    }
    std::multiset<std::string> want, have;
    for (const Json& c : a["candidates"]) want.insert(c.dump());
    for (const Json& c : it->second.value("candidates", Json::array())) have.insert(c.dump());
    if (want != have) {
      out.push_back(path + ": candidates " + Brief(a["candidates"]) + " expected, got " +
                    Brief(it->second.value("candidates", Json::array())));
    }
  }
  return out;
}

std::string Lines(const std::vector<std::string>& lines) {
  std::string s;
  for (size_t i = 0; i < lines.size() && i < kMaxDiffLines; ++i) s += "  " + lines[i] + "\n";
  if (lines.size() > kMaxDiffLines) s += "  … " + std::to_string(lines.size() - kMaxDiffLines) + " more\n";
  return s;
}

// ---- tests -----------------------------------------------------------------

class GoldenTest : public testing::TestWithParam<GoldenCase> {
 protected:
  // Runs the CLI on the case's input; fails the test when it does not give JSON.
  void Extract(Json& out) {
    const GoldenCase& c = GetParam();
    const CommandResult run = RunExtract(c.input);
    ASSERT_EQ(run.exit_code, 0) << "zfxxgk extract " << c.input << " exited " << run.exit_code
                                << " (" << ExitMeaning(run.exit_code) << "); stderr is above";
    try {
      out = Json::parse(run.out);
    } catch (const Json::exception& e) {
      FAIL() << "stdout of zfxxgk extract " << c.input << " is not JSON (" << e.what() << ")";
    }
  }

  void Load(const std::string& rel, Json& out) {
    std::string text;
    ASSERT_TRUE(ReadFile(fs::path(ZF_SOURCE_DIR) / rel, text)) << "cannot read " << rel;
    try {
      out = Json::parse(text);
    } catch (const Json::exception& e) {
      FAIL() << rel << " is not valid JSON: " << e.what();
    }
  }
};

TEST_P(GoldenTest, MatchesTruth) {
  if (UpdateMode()) GTEST_SKIP() << "UPDATE_GOLDEN=1 never touches the truth (expected.json)";
  Json actual, truth;
  ASSERT_NO_FATAL_FAILURE(Extract(actual));
  ASSERT_NO_FATAL_FAILURE(Load(GetParam().expected, truth));
  std::vector<std::string> diff = TruthDifferences(truth, actual);
  EXPECT_TRUE(diff.empty()) << GetParam().input << " differs from the truth in " << diff.size()
                            << " place(s):\n" << Lines(diff);
  std::vector<std::string> amb = AmbiguityDifferences(truth, actual);
  EXPECT_TRUE(amb.empty()) << GetParam().input << ": ambiguous cells:\n" << Lines(amb);
}

TEST_P(GoldenTest, MatchesSnapshot) {
  const GoldenCase& c = GetParam();
  Json actual;
  ASSERT_NO_FATAL_FAILURE(Extract(actual));
  const fs::path snapshot = fs::path(ZF_SOURCE_DIR) / c.snapshot;
  if (UpdateMode()) {
    std::ofstream out(snapshot, std::ios::binary | std::ios::trunc);
    ASSERT_TRUE(out) << "cannot write " << snapshot;
    out << actual.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    ASSERT_TRUE(out.good()) << "write failed: " << snapshot;
    std::cout << "UPDATE_GOLDEN=1: rewrote " << c.snapshot << " (not compared)\n";
    return;
  }
  std::error_code ec;
  if (!fs::exists(snapshot, ec)) {
    FAIL() << c.snapshot << " does not exist: run tools/update-goldens " << c.name
           << " and review the new file";
  }
  Json expected;
  ASSERT_NO_FATAL_FAILURE(Load(c.snapshot, expected));
  std::vector<DiffLine> diff;
  Diff(expected, actual, "", diff);
  ASSERT_TRUE(diff.empty()) << c.input << ": " << FormatDiff(diff);
  std::string where;
  EXPECT_FALSE(FirstOrderDifference(expected, actual, "", where))
      << c.input << ": same values as " << c.snapshot << ", but the keys of " << where
      << " come in a different order";
}

TEST_P(GoldenTest, OutputValidatesAgainstSchema) {
  const GoldenCase& c = GetParam();
  if (std::system("python3 -c 'import jsonschema' >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "python3 with the jsonschema module is not available "
                    "(Debian: apt-get install python3-jsonschema)";
  }
  const CommandResult run = RunInRoot("timeout " + std::to_string(kCliTimeoutSeconds) + " " +
                                      ShellQuote(ZF_CLI_PATH) + " extract " + ShellQuote(c.input) +
                                      " | python3 tools/validate-json schemas/report_v1.schema.json - 2>&1");
  EXPECT_EQ(run.exit_code, 0) << run.out;
}

INSTANTIATE_TEST_SUITE_P(Corpus, GoldenTest, testing::ValuesIn(DiscoverGoldenCases()), TestName);
// The corpus may be empty (a fresh checkout before the first golden).
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoldenTest);

}  // namespace
