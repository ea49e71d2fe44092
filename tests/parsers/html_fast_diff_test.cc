// Differential check of the HTML fast path on every HTML input we have:
// corpus/, ../shared/corpus/ (skipped when absent), tests/bad-inputs/ and
// any directories listed in ZF_HTML_FAST_DIRS (colon-separated; e.g. the
// html40/html125 sets tools/bench generates). On each page the fast path
// declines or builds gumbo's tree exactly; the real report pages must be
// accepted (a fast path that declines them is useless).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "parsers/html/tree_diff.h"
#include "pipeline/encoding.h"

namespace zfxxgk::html {
namespace {

namespace fs = std::filesystem;

struct Tally {
  int accepted = 0;
  int declined = 0;
};

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Checks one page; returns whether the fast path accepted it.
bool CheckPage(const fs::path& path, Tally* tally) {
  StatusOr<DecodedText> text = DecodeToUtf8(ReadFile(path));
  if (!text.ok()) return false;
  StatusOr<std::string> diff = DiffFastTreeFromGumbo(text->utf8);
  if (!diff.ok()) {
    ++tally->declined;
    return false;
  }
  EXPECT_EQ(*diff, "") << path;
  ++tally->accepted;
  return true;
}

std::vector<fs::path> CaseInputs(const fs::path& corpus) {
  std::vector<fs::path> pages;
  if (!fs::is_directory(corpus)) return pages;
  for (const auto& dir : fs::directory_iterator(corpus)) {
    const fs::path page = dir.path() / "input.html";
    if (fs::exists(page)) pages.push_back(page);
  }
  return pages;
}

TEST(HtmlFastDiff, CorpusPagesAreAcceptedAndEqualToGumbo) {
  Tally tally;
  for (const fs::path& page : CaseInputs(fs::path(ZF_SOURCE_DIR) / "corpus")) {
    EXPECT_TRUE(CheckPage(page, &tally)) << page << " declined";
  }
  EXPECT_GT(tally.accepted, 0);
}

TEST(HtmlFastDiff, SharedCorpusPagesAreAcceptedAndEqualToGumbo) {
  const fs::path shared = fs::path(ZF_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!fs::is_directory(shared)) GTEST_SKIP() << shared << " not found";
  Tally tally;
  for (const fs::path& page : CaseInputs(shared)) {
    EXPECT_TRUE(CheckPage(page, &tally)) << page << " declined";
  }
  EXPECT_GT(tally.accepted, 0);
}

TEST(HtmlFastDiff, BadInputsAreDeclinedOrEqualToGumbo) {
  Tally tally;
  for (const auto& f : fs::directory_iterator(fs::path(ZF_SOURCE_DIR) / "tests" / "bad-inputs")) {
    if (f.path().extension() == ".html") CheckPage(f.path(), &tally);
  }
  std::cout << "bad inputs: " << tally.accepted << " accepted, " << tally.declined
            << " declined\n";
}

TEST(HtmlFastDiff, ExtraDirectoriesAreDeclinedOrEqualToGumbo) {
  const char* dirs = std::getenv("ZF_HTML_FAST_DIRS");
  if (dirs == nullptr) GTEST_SKIP() << "ZF_HTML_FAST_DIRS not set";
  std::stringstream list(dirs);
  for (std::string dir; std::getline(list, dir, ':');) {
    Tally tally;
    for (const auto& f : fs::directory_iterator(dir)) {
      if (f.path().extension() == ".html" || f.path().extension() == ".htm") {
        CheckPage(f.path(), &tally);
      }
    }
    std::cout << dir << ": " << tally.accepted << " accepted, " << tally.declined
              << " declined\n";
  }
}

}  // namespace
}  // namespace zfxxgk::html
