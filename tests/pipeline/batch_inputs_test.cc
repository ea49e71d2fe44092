// Tests for pipeline/batch_inputs.h: discovery, manifests, shards, names.
#include "pipeline/batch_inputs.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "tests/temp_dir.h"

namespace zfxxgk {
namespace {

namespace fs = std::filesystem;

using testing_util::TempDir;

TEST(BatchInputsTest, DirectoryWalkTakesReportNamesOnly) {
  EXPECT_TRUE(IsBatchInputName("input.html"));
  EXPECT_TRUE(IsBatchInputName("input.anything"));
  EXPECT_TRUE(IsBatchInputName("2021年报.TXT"));
  EXPECT_TRUE(IsBatchInputName("scan.pdf"));
  EXPECT_TRUE(IsBatchInputName("dump.md"));
  EXPECT_TRUE(IsBatchInputName("2020年报扫描.TIF"));  // scanner and fax output
  EXPECT_TRUE(IsBatchInputName("page-1.tiff"));
  EXPECT_FALSE(IsBatchInputName("logo.png"));  // web page assets: by manifest only
  EXPECT_FALSE(IsBatchInputName("banner.jpg"));
  EXPECT_FALSE(IsBatchInputName("README.md"));
  EXPECT_FALSE(IsBatchInputName("expected.json"));
  EXPECT_FALSE(IsBatchInputName("notes.docx"));
}

TEST(BatchInputsTest, AWalkWithImagesTakesPngAndJpegScansToo) {
  const BatchWalkOptions images{.images = true};
  EXPECT_TRUE(IsBatchInputName("page-01.PNG", images));
  EXPECT_TRUE(IsBatchInputName("2021年报扫描.jpg", images));
  EXPECT_TRUE(IsBatchInputName("scan.jpeg", images));
  EXPECT_TRUE(IsBatchInputName("report.html", images));
  EXPECT_FALSE(IsBatchInputName("README.png", images));
  EXPECT_FALSE(IsBatchInputName("icon.gif", images));
  TempDir dir;
  dir.Write("a/page-1.png", "x");
  dir.Write("b/page-2.jpg", "x");
  dir.Write("c/report.txt", "x");
  std::vector<std::string> errors;
  EXPECT_EQ(CollectBatchInputs({dir.path()}, {}, errors).size(), 1u);
  EXPECT_EQ(CollectBatchInputs({dir.path()}, {}, errors, images),
            (std::vector<std::string>{dir.path() + "/a/page-1.png", dir.path() + "/b/page-2.jpg",
                                      dir.path() + "/c/report.txt"}));
  EXPECT_TRUE(errors.empty());
}

TEST(BatchInputsTest, CollectWalksRecursivelySortsAndSkipsHiddenEntries) {
  TempDir dir;
  dir.Write("b/input.html", "x");
  dir.Write("a/deep/x.txt", "x");
  dir.Write("a/expected.json", "x");
  dir.Write("a/README.md", "x");
  dir.Write(".hidden/input.html", "x");
  dir.Write("c/.input.html", "x");
  std::vector<std::string> errors;
  std::vector<std::string> inputs = CollectBatchInputs({dir.path()}, {}, errors);
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(inputs.size(), 2u);
  EXPECT_EQ(inputs[0], dir.path() + "/a/deep/x.txt");
  EXPECT_EQ(inputs[1], dir.path() + "/b/input.html");
}

TEST(BatchInputsTest, ManifestLinesAreTrimmedAndCommentsSkipped) {
  std::istringstream in("a.html\r\n\n  # comment\n  b/c.txt  \n#x\n");
  EXPECT_EQ(ReadManifestLines(in), (std::vector<std::string>{"a.html", "b/c.txt"}));
}

TEST(BatchInputsTest, ManifestAndArgumentsAreMergedNormalisedAndDeduplicated) {
  TempDir dir;
  dir.Write("d/input.txt", "x");
  const std::string manifest = dir.path() + "/list.txt";
  std::ofstream(manifest) << dir.path() << "/./d/input.txt\n" << dir.path() << "//z.pdf\n";
  std::vector<std::string> errors;
  std::vector<std::string> inputs =
      CollectBatchInputs({dir.path() + "/d"}, {manifest, dir.path() + "/missing"}, errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("missing"), std::string::npos);
  EXPECT_EQ(inputs, (std::vector<std::string>{dir.path() + "/d/input.txt",
                                              dir.path() + "/z.pdf"}));
}

TEST(BatchInputsTest, ListedPathsTakeTheirLexicallyNormalForm) {
  const std::vector<std::string> listed = {
      "plain/a.txt", "/abs/b.txt", "./c.txt", "d//e.txt", "f/./g.txt", "h/../i.txt",
      "../j.txt",    "k/l/",       "m/..",    "n/.",      ".hidden.txt"};
  std::string text;
  for (const std::string& path : listed) text += path + "\n";
  TempDir dir;
  std::vector<std::string> taken, errors;
  std::ofstream(dir.path() + "/list.txt") << text;
  ForEachBatchInput({}, {dir.path() + "/list.txt"},
                    [&](const std::string& path) { taken.push_back(path); }, errors);
  ASSERT_EQ(taken.size(), listed.size());
  for (size_t i = 0; i < listed.size(); ++i) {
    std::string normal = fs::path(listed[i]).lexically_normal().string();
    if (normal.size() > 1 && normal.back() == '/') normal.pop_back();
    EXPECT_EQ(taken[i], normal) << listed[i];
  }
}

TEST(BatchInputsTest, ParseShardAcceptsOneBasedKOfN) {
  StatusOr<Shard> s = ParseShard("3/8");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->index, 3);
  EXPECT_EQ(s->count, 8);
  for (const char* bad : {"0/4", "5/4", "1/0", "x/2", "2", "1/2/3", "-1/2", ""}) {
    EXPECT_EQ(ParseShard(bad).status().code(), StatusCode::kInvalidArgument) << bad;
  }
}

TEST(BatchInputsTest, ShardsPartitionEveryInputExactlyOnce) {
  std::vector<std::string> inputs;
  for (int i = 0; i < 500; ++i) inputs.push_back("archive/" + std::to_string(i) + "/input.html");
  for (int n = 1; n <= 9; ++n) {
    std::multiset<std::string> seen;
    for (int k = 1; k <= n; ++k) {
      for (const std::string& p : SelectShard(inputs, {k, n})) seen.insert(p);
    }
    ASSERT_EQ(seen.size(), inputs.size()) << "N=" << n;
    for (const std::string& p : inputs) EXPECT_EQ(seen.count(p), 1u) << p << " N=" << n;
  }
}

TEST(BatchInputsTest, ShardOfIsStableAndSpread) {
  EXPECT_EQ(ShardOf("a/input.html", 1), 1);
  EXPECT_EQ(ShardOf("a/input.html", 7), ShardOf("a/input.html", 7));
  std::vector<int> counts(4, 0);
  for (int i = 0; i < 4000; ++i) ++counts[ShardOf("d/" + std::to_string(i) + ".txt", 4) - 1];
  for (int c : counts) EXPECT_GT(c, 800);
}

TEST(BatchInputsTest, OutputNameEncodesThePath) {
  EXPECT_EQ(BatchOutputName("corpus/a-b/input.html"), "corpus%2Fa-b%2Finput.html.json");
  EXPECT_EQ(BatchOutputName("/abs/x y.txt"), "%2Fabs%2Fx%20y.txt.json");
  EXPECT_EQ(BatchOutputName("../up.txt"), "%2E.%2Fup.txt.json");
  EXPECT_EQ(BatchOutputName("_x.md"), "%5Fx.md.json");
  EXPECT_EQ(BatchOutputName("平潭/2021.txt"), "平潭%2F2021.txt.json");
  EXPECT_EQ(BatchOutputName("a%2Fb"), "a%252Fb.json");
}

TEST(BatchInputsTest, OutputNamesOfDistinctPathsDiffer) {
  const std::vector<std::string> paths = {"a/b", "a%2Fb", "a_b", "a/b.json", "a b", "a+b",
                                          "A/b", ".a/b", "%2Ea/b"};
  std::set<std::string> names;
  for (const std::string& p : paths) names.insert(BatchOutputName(p));
  EXPECT_EQ(names.size(), paths.size());
}

TEST(BatchInputsTest, LongPathsGetAHashedNameUnder255Bytes) {
  std::string a(300, 'a'), b = a;
  b.back() = 'b';
  std::string han;
  for (int i = 0; i < 100; ++i) han += "平";
  for (const std::string& p : {a, b, han}) {
    const std::string name = BatchOutputName(p);
    EXPECT_LE(name.size(), 255u) << name;
    EXPECT_NE(name.find("%%"), std::string::npos) << name;
  }
  EXPECT_NE(BatchOutputName(a), BatchOutputName(b));
  // The cut never splits a UTF-8 character: the name is still valid UTF-8.
  const std::string name = BatchOutputName(han);
  const std::string prefix = name.substr(0, name.find("%%"));
  EXPECT_EQ(prefix.size() % 3, 0u);
}

}  // namespace
}  // namespace zfxxgk
