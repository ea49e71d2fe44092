// Runs the built CLI's `check` subcommand (ZF_CLI_PATH) from the project
// root. The corpus tests use ../shared/corpus and are skipped when it is
// absent (a plain checkout).
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "tests/cli_runner.h"
#include <nlohmann/json.hpp>

namespace {

using zfxxgk::testing_util::CommandResult;
using zfxxgk::testing_util::RunInRoot;
using zfxxgk::testing_util::ShellQuote;

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr const char* kPingtanText = "../shared/corpus/pingtan-2023/input.txt";
constexpr const char* kPingtanPage = "../shared/corpus/pingtan-2023-html/input.html";

// Runs `zfxxgk <args>` in the project root; stderr is discarded.
CommandResult RunCli(const std::string& args) {
  return RunInRoot("timeout 300 " + ShellQuote(ZF_CLI_PATH) + " " + args + " 2>/dev/null");
}

bool SharedCorpusPresent() {
  std::error_code ec;
  return fs::is_directory(std::string(ZF_SOURCE_DIR) + "/../shared/corpus", ec);
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(CliCheckTest, NoPathIsAUsageError) {
  EXPECT_EQ(RunCli("check").exit_code, 2);
}

TEST(CliCheckTest, NothingReadableExitsWithThree) {
  CommandResult r = RunCli("check does/not/exist.html");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(Contains(r.out, "does/not/exist.html")) << r.out;
  EXPECT_TRUE(Contains(r.out, "not_found")) << r.out;
}

TEST(CliCheckTest, HelpDocumentsTheExitStatus) {
  CommandResult r = RunCli("check --help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(Contains(r.out, "Exit status: 0")) << r.out;
  EXPECT_TRUE(Contains(r.out, "no previous year")) << r.out;
}

TEST(CliCheckTest, SharedCorpusTextReportShowsThePingtanChainAndPair) {
  if (!SharedCorpusPresent()) GTEST_SKIP() << "../shared/corpus is absent";
  CommandResult r = RunCli("check ../shared/corpus");
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << "exit " << r.exit_code << "\n" << r.out;
  EXPECT_EQ(r.exit_code == 1, Contains(r.out, "exit status 1")) << r.out;
  EXPECT_TRUE(Contains(r.out, "平潭综合实验区")) << r.out;
  EXPECT_TRUE(Contains(r.out, "2019: no previous year")) << r.out;
  EXPECT_TRUE(Contains(r.out, "2021: no previous year (2020 not in the set)")) << r.out;
  EXPECT_TRUE(Contains(r.out, "2023: no previous year (2022 not in the set)")) << r.out;
  const bool pair_listed =
      Contains(r.out, std::string("same report 2023: ") + kPingtanPage + " vs " + kPingtanText) ||
      Contains(r.out, std::string("same report 2023: ") + kPingtanText + " vs " + kPingtanPage);
  EXPECT_TRUE(pair_listed) << r.out;
  // PDFs are listed with their error and the batch goes on.
  EXPECT_TRUE(Contains(r.out, "== ../shared/corpus/seed-zhoushan-2020/input.txt")) << r.out;
}

const Json* FindBody(const Json& doc, const std::string& organ) {
  for (const Json& body : doc["set"]["bodies"]) {
    if (body["organ"] == organ) return &body;
  }
  return nullptr;
}

TEST(CliCheckTest, SharedCorpusJsonComparesTheTwoPingtan2023InputsAsOneReport) {
  if (!SharedCorpusPresent()) GTEST_SKIP() << "../shared/corpus is absent";
  CommandResult r = RunCli("check --json ../shared/corpus");
  Json doc = Json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  ASSERT_FALSE(doc.is_discarded()) << r.out.substr(0, 2000);
  EXPECT_EQ(doc["summary"]["exit_status"].get<int>(), r.exit_code);
  EXPECT_EQ(r.exit_code == 1, doc["summary"]["report_identity_failures"].get<int>() +
                                      doc["summary"]["x1_failures"].get<int>() > 0);
  const Json* body = FindBody(doc, "平潭综合实验区");
  ASSERT_NE(body, nullptr);
  ASSERT_EQ((*body)["same_report"].size(), 1u);
  const Json& pair = (*body)["same_report"][0];
  EXPECT_TRUE((pair["first"] == kPingtanText && pair["second"] == kPingtanPage) ||
              (pair["first"] == kPingtanPage && pair["second"] == kPingtanText))
      << pair.dump();
  EXPECT_GT(pair["agreeing"].get<int>(), 100);
  for (const Json& year : (*body)["years"]) {
    EXPECT_EQ(year["status"], "no_previous_year") << year.dump();
  }
}

}  // namespace
