// Tests for pipeline/batch_input_list.h: the list collected on disk is the
// list CollectBatchInputs and SelectShard give, and RunBatch over it does
// what it does over that vector.
#include "pipeline/batch_input_list.h"

#include <gtest/gtest.h>

#include <fstream>

#include "pipeline/batch.h"
#include "tests/pipeline/batch_test_util.h"

namespace zfxxgk {
namespace {

// stem + decimal i (appending sidesteps a GCC 12 -Wrestrict false positive
// on "literal" + std::to_string).
std::string Cat(const char* stem, long long i) {
  std::string s = stem;
  s += std::to_string(i);
  return s;
}

using batch_test::TempDir;

std::vector<std::string> ReadAll(BatchInputList& list) {
  std::vector<std::string> out;
  std::string path;
  for (;;) {
    StatusOr<bool> more = list.Next(path);
    EXPECT_TRUE(more.ok());
    if (!more.ok() || !*more) break;
    out.push_back(path);
  }
  return out;
}

// A directory of many inputs named in a manifest too (duplicates, unsorted).
struct Archive {
  explicit Archive(const TempDir& dir) {
    for (int i = 0; i < 300; ++i) dir.Write(Cat("d/", (i * 37) % 300) + ".txt", "x");
    dir.Write("d/README.txt", "x");  // not an input
    manifest = dir.path() + "/list.txt";
    std::ofstream m(manifest);
    m << "# comment\n" << dir.path() << "/./d/5.txt\n" << dir.path() << "//z.pdf\n";
  }
  std::string manifest;
};

ExternalSortOptions Tiny() {
  ExternalSortOptions sort;
  sort.memory_bytes = 1024;  // several runs
  sort.fan_in = 2;           // and merge passes
  return sort;
}

TEST(BatchInputListTest, CollectedOnDiskEqualsCollectBatchInputs) {
  TempDir dir;
  Archive archive(dir);
  std::vector<std::string> errors, list_errors;
  const std::vector<std::string> expected =
      CollectBatchInputs({dir.path() + "/d"}, {archive.manifest}, errors);
  StatusOr<std::unique_ptr<BatchInputList>> list = BatchInputList::Collect(
      {dir.path() + "/d"}, {archive.manifest}, nullptr, list_errors, Tiny());
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ((*list)->size(), expected.size());
  EXPECT_EQ(ReadAll(**list), expected);
  EXPECT_EQ(list_errors, errors);
}

TEST(BatchInputListTest, ShardEqualsSelectShard) {
  TempDir dir;
  Archive archive(dir);
  std::vector<std::string> errors;
  const std::vector<std::string> all = CollectBatchInputs({dir.path()}, {}, errors);
  for (int k = 1; k <= 3; ++k) {
    const Shard shard{k, 3};
    StatusOr<std::unique_ptr<BatchInputList>> list =
        BatchInputList::Collect({dir.path()}, {}, &shard, errors, Tiny());
    ASSERT_TRUE(list.ok());
    EXPECT_EQ((*list)->size(), SelectShard(all, shard).size());
    EXPECT_EQ(ReadAll(**list), SelectShard(all, shard)) << k;
  }
}

TEST(BatchInputListTest, ViewReadsTheVectorOnce) {
  const std::vector<std::string> paths = {"b", "a", "b"};
  std::unique_ptr<BatchInputList> list = BatchInputList::View(paths);
  EXPECT_EQ(list->size(), 3u);
  EXPECT_EQ(ReadAll(*list), paths);
  std::string path;
  EXPECT_FALSE(*list->Next(path));
}

TEST(BatchInputListTest, RunBatchOverTheListEqualsOverTheVector) {
  TempDir dir;
  std::vector<std::string> inputs;
  for (int i = 0; i < 40; ++i) {
    inputs.push_back(dir.Write(Cat("in/", 100 + i) + ".txt",
                               Cat("organ=机关", i % 7) +
                                   Cat("\nyear=", 2019 + i % 3) + "\nx1=4\n"));
  }
  auto run = [&](bool on_disk, const std::string& out) {
    BatchOptions o;
    o.out_dir = out;
    o.jobs = 2;
    o.extractor = batch_test::FakeFactory();
    batch_test::RecordingSink sink;
    std::vector<std::string> errors;
    StatusOr<BatchSummary> s =
        on_disk ? RunBatch(**BatchInputList::Collect({dir.path() + "/in"}, {}, nullptr, errors,
                                                     Tiny()),
                           o, {&sink})
                : RunBatch(inputs, o, {&sink});
    EXPECT_TRUE(s.ok());
    std::vector<std::string> seen;
    for (const BatchRecord& r : sink.records) seen.push_back(r.entry.path);
    for (const auto& paths : sink.body_paths) seen.insert(seen.end(), paths.begin(), paths.end());
    seen.push_back(std::to_string(s->set.counts.pass) + Cat(" ", s->inputs));
    return seen;
  };
  EXPECT_EQ(run(true, dir.path() + "/out1"), run(false, dir.path() + "/out2"));
}

}  // namespace
}  // namespace zfxxgk
