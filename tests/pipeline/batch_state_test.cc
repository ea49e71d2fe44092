// Tests for pipeline/batch_state.h: the resumable journal.
#include "pipeline/batch_state.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "tests/temp_dir.h"

namespace zfxxgk {
namespace {

using testing_util::TempDir;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

BatchStateEntry Entry(const std::string& path, const std::string& sha) {
  BatchStateEntry e;
  e.path = path;
  e.sha256 = sha;
  e.version = "9.9";
  e.status = "partial";
  e.output = path + ".json";
  e.format = "html";
  e.template_name = "gov_2021";
  e.organ = "平潭综合实验区";
  e.year = 2021;
  e.published = "2022-01-20";
  e.failing_checks = {"T3.1", "T4.2"};
  return e;
}

TEST(BatchStateTest, LineRoundTrips) {
  BatchStateEntry e = Entry("a/平潭.html", "abc");
  e.status = "failed";
  e.error_code = "not_a_report";
  e.error = "a: no table \"三\"\n";
  std::string line = StateEntryLine(e);
  ASSERT_EQ(line.back(), '\n');
  EXPECT_EQ(line.find('\n'), line.size() - 1);
  line.pop_back();
  StatusOr<BatchStateEntry> back = ParseStateEntry(line);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(StateEntryLine(*back), StateEntryLine(e));
}

// The line as the journal has always written it: nlohmann's dump of the
// members in this order (ParseStateEntry and older builds read it so).
std::string DumpedLine(const BatchStateEntry& e) {
  nlohmann::ordered_json j;
  j["path"] = e.path;
  j["sha256"] = e.sha256;
  j["version"] = e.version;
  j["status"] = e.status;
  if (!e.output.empty()) j["output"] = e.output;
  j["format"] = e.format;
  j["template"] = e.template_name;
  j["organ"] = e.organ;
  j["year"] = e.year ? nlohmann::ordered_json(*e.year) : nlohmann::ordered_json(nullptr);
  j["published"] = e.published;
  j["failing_checks"] = e.failing_checks;
  if (!e.error_code.empty()) j["error_code"] = e.error_code;
  if (!e.error.empty()) j["error"] = e.error;
  if (!e.set_record.empty()) j["set"] = e.set_record;
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

TEST(BatchStateTest, LineIsTheDumpOfItsMembers) {
  BatchStateEntry full = Entry("a/平潭.html", "abc");
  full.set_record = "z1;3:abc";
  BatchStateEntry failed = Entry("b\xff\\\"q\".txt", "");
  failed.output.clear();
  failed.year.reset();
  failed.failing_checks.clear();
  failed.status = "failed";
  failed.error_code = "not_a_report";
  failed.error = "b: no table \"三\"\n\t\x01";
  BatchStateEntry escaped_record = Entry("c", "1");
  escaped_record.set_record = "z1;\"q\"\\\n\xe6";
  for (const BatchStateEntry* e : {&full, &failed, &escaped_record}) {
    EXPECT_EQ(StateEntryLine(*e), DumpedLine(*e)) << e->path;
  }
}

TEST(BatchStateTest, NotAnEntryIsRejected) {
  EXPECT_FALSE(ParseStateEntry("{\"path\": 3}").ok());
  EXPECT_FALSE(ParseStateEntry("garbage").ok());
  EXPECT_FALSE(ParseStateEntry("[1,2]").ok());
}

TEST(BatchStateTest, AppendedEntriesAreFoundAfterReopening) {
  TempDir temp;
  const std::string dir = temp.path() + "/new/out";  // created by Open
  {
    StatusOr<std::unique_ptr<BatchState>> state = BatchState::Open(dir);
    ASSERT_TRUE(state.ok()) << state.status().ToString();
    EXPECT_FALSE(*(*state)->Find("a"));
    ASSERT_TRUE((*state)->Append({Entry("a", "1"), Entry("b", "2")}).ok());
    ASSERT_TRUE((*state)->Append({Entry("a", "3")}).ok());
    EXPECT_FALSE(*(*state)->Find("a"));  // Find sees what Open read
  }
  StatusOr<std::unique_ptr<BatchState>> state = BatchState::Open(dir);
  ASSERT_TRUE(state.ok());
  EXPECT_EQ((*state)->entries_read(), 3u);
  StatusOr<std::optional<BatchStateEntry>> a = (*state)->Find("a");
  ASSERT_TRUE(a.ok() && a->has_value());
  EXPECT_EQ((*a)->sha256, "3");  // the latest line wins
  StatusOr<std::optional<BatchStateEntry>> b = (*state)->Find("b");
  ASSERT_TRUE(b.ok() && b->has_value());
  EXPECT_EQ((*b)->failing_checks, (std::vector<std::string>{"T3.1", "T4.2"}));
}

// size() is where the next line goes, after a reopening too, so bytes of
// appended lines are read back at the offsets it gave.
TEST(BatchStateTest, AppendedBytesAreReadBackAtTheirOffsets) {
  TempDir temp;
  const std::string first = StateEntryLine(Entry("a", "1"));
  const std::string second = StateEntryLine(Entry("b", "2"));
  {
    StatusOr<std::unique_ptr<BatchState>> state = BatchState::Open(temp.path());
    ASSERT_TRUE(state.ok());
    EXPECT_EQ((*state)->size(), 0u);
    ASSERT_TRUE((*state)->AppendLines(first).ok());
    EXPECT_EQ((*state)->size(), first.size());
  }
  StatusOr<std::unique_ptr<BatchState>> state = BatchState::Open(temp.path());
  ASSERT_TRUE(state.ok());
  ASSERT_EQ((*state)->size(), first.size());
  ASSERT_TRUE((*state)->AppendLines(second).ok());
  StatusOr<std::string> back = (*state)->ReadAt(first.size() + 1, second.size() - 1);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, second.substr(1));
  EXPECT_EQ((*state)->ReadAt(first.size(), second.size() + 1).status().code(),
            StatusCode::kUnreadable);  // past the end
}

TEST(BatchStateTest, SizeAfterATornLineIsCutIsTheCutLength) {
  TempDir temp;
  const std::string good = StateEntryLine(Entry("a", "1"));
  std::ofstream(temp.path() + "/" + kBatchStateFile, std::ios::binary)
      << good << good.substr(0, 20);
  StatusOr<std::unique_ptr<BatchState>> state = BatchState::Open(temp.path());
  ASSERT_TRUE(state.ok());
  EXPECT_TRUE((*state)->torn_line_cut());
  EXPECT_EQ((*state)->size(), good.size());
}

TEST(BatchStateTest, TornLastLineIsCutAndUnparsableLinesSkipped) {
  TempDir temp;
  const std::string& dir = temp.path();
  const std::string file = dir + "/" + kBatchStateFile;
  std::string good = StateEntryLine(Entry("a", "1"));
  std::ofstream(file, std::ios::binary) << good << "not json\n" << good.substr(0, 20);
  {
    StatusOr<std::unique_ptr<BatchState>> state = BatchState::Open(dir);
    ASSERT_TRUE(state.ok());
    EXPECT_TRUE((*state)->torn_line_cut());
    EXPECT_EQ((*state)->lines_skipped(), 1u);
    EXPECT_EQ((*state)->entries_read(), 1u);
    ASSERT_TRUE((*state)->Append({Entry("b", "2")}).ok());
  }
  // The next line starts on a line of its own.
  EXPECT_EQ(ReadAll(file), good + "not json\n" + StateEntryLine(Entry("b", "2")));
}

TEST(BatchStateTest, TornLineLeavesTheEarlierEntryOfItsPath) {
  TempDir temp;
  const std::string& dir = temp.path();
  const std::string file = dir + "/" + kBatchStateFile;
  const std::string torn = StateEntryLine(Entry("a", "2"));
  std::ofstream(file, std::ios::binary)
      << StateEntryLine(Entry("a", "1")) << "{\"path\":\"a\"}\n" << torn.substr(0, torn.size() - 5);
  StatusOr<std::unique_ptr<BatchState>> state = BatchState::Open(dir);
  ASSERT_TRUE(state.ok());
  EXPECT_TRUE((*state)->torn_line_cut());
  EXPECT_EQ((*state)->lines_skipped(), 1u);  // no status: not an entry
  StatusOr<std::optional<BatchStateEntry>> a = (*state)->Find("a");
  ASSERT_TRUE(a.ok() && a->has_value());
  EXPECT_EQ((*a)->sha256, "1");
}

TEST(BatchStateTest, PathsAskedOutOfOrderAreRefused) {
  TempDir temp;
  const std::string& dir = temp.path();
  {
    StatusOr<std::unique_ptr<BatchState>> state = BatchState::Open(dir);
    ASSERT_TRUE(state.ok());
    ASSERT_TRUE((*state)->Append({Entry("a", "1"), Entry("b", "2")}).ok());
  }
  StatusOr<std::unique_ptr<BatchState>> state = BatchState::Open(dir);
  ASSERT_TRUE(state.ok());
  ASSERT_TRUE((*state)->Find("b").ok());
  EXPECT_EQ((*state)->Find("a").status().code(), StatusCode::kInternal);
}

TEST(BatchStateTest, NextLineGivesEveryPathOnceInOrderWithItsLatestEntry) {
  TempDir temp;
  const std::string& dir = temp.path();
  {
    StatusOr<std::unique_ptr<BatchState>> state = BatchState::Open(dir);
    ASSERT_TRUE(state.ok());
    ASSERT_TRUE((*state)->Append({Entry("c", "1"), Entry("a", "2"), Entry("c", "3")}).ok());
  }
  StatusOr<std::unique_ptr<BatchState>> state = BatchState::Open(dir);
  ASSERT_TRUE(state.ok());
  std::vector<std::string> seen;
  std::string path;
  BatchJournalLine line;
  for (;;) {
    StatusOr<bool> more = (*state)->NextLine(path, line);
    ASSERT_TRUE(more.ok());
    if (!*more) break;
    StatusOr<BatchStateEntry> e = (*state)->ReadEntry(path, line);
    ASSERT_TRUE(e.ok());
    seen.push_back(e->path + "=" + e->sha256);
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"a=2", "c=3"}));
}

TEST(BatchStateTest, ReadEntryOfALineForAnotherPathIsUnreadable) {
  TempDir temp;
  const std::string& dir = temp.path();
  {
    StatusOr<std::unique_ptr<BatchState>> state = BatchState::Open(dir);
    ASSERT_TRUE(state.ok());
    ASSERT_TRUE((*state)->Append({Entry("a", "1")}).ok());
  }
  StatusOr<std::unique_ptr<BatchState>> state = BatchState::Open(dir);
  ASSERT_TRUE(state.ok());
  StatusOr<std::optional<BatchJournalLine>> line = (*state)->Seek("a");
  ASSERT_TRUE(line.ok() && line->has_value());
  EXPECT_TRUE((*state)->ReadEntry("a", **line).ok());
  EXPECT_EQ((*state)->ReadEntry("b", **line).status().code(), StatusCode::kUnreadable);
}

// Open and ReadEntry accept the same lines, so an accepted line fails
// ReadEntry only when its bytes changed after Open: kUnreadable.
TEST(BatchStateTest, LineChangedAfterOpenIsUnreadable) {
  TempDir temp;
  const std::string& dir = temp.path();
  {
    StatusOr<std::unique_ptr<BatchState>> state = BatchState::Open(dir);
    ASSERT_TRUE(state.ok());
    ASSERT_TRUE((*state)->Append({Entry("a", "1")}).ok());
  }
  StatusOr<std::unique_ptr<BatchState>> state = BatchState::Open(dir);
  ASSERT_TRUE(state.ok());
  StatusOr<std::optional<BatchJournalLine>> line = (*state)->Seek("a");
  ASSERT_TRUE(line.ok() && line->has_value());
  {  // another writer, ignoring the lock, breaks the line in place
    std::fstream f(dir + "/" + kBatchStateFile, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>((*line)->offset + (*line)->length - 1));
    f.put('x');
  }
  EXPECT_EQ((*state)->ReadEntry("a", **line).status().code(), StatusCode::kUnreadable);
}

TEST(BatchStateTest, SecondBatchOnTheSameDirectoryIsRefused) {
  TempDir temp;
  const std::string& dir = temp.path();
  StatusOr<std::unique_ptr<BatchState>> first = BatchState::Open(dir);
  ASSERT_TRUE(first.ok());
  StatusOr<std::unique_ptr<BatchState>> second = BatchState::Open(dir);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(second.status().message().find("another zfxxgk batch"), std::string::npos);
  first->reset();
  EXPECT_TRUE(BatchState::Open(dir).ok());  // the lock went with the first
}

TEST(BatchStateTest, SetRecordsAreReadBackFromTheirLines) {
  TempDir temp;
  const std::string& dir = temp.path();
  BatchStateEntry plain = Entry("a", "1");
  plain.set_record = "z1;3:abc";  // spliced into the line
  BatchStateEntry escaped = Entry("b", "2");
  escaped.set_record = "z1;\"q\"\\\n";  // serialized by nlohmann
  BatchStateEntry large = Entry("c", "3");
  large.set_record = std::string(200000, 'x');  // spans several read blocks
  for (const BatchStateEntry* e : {&plain, &escaped}) {
    StatusOr<BatchStateEntry> back = ParseStateEntry(StateEntryLine(*e));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->set_record, e->set_record);
  }
  {
    StatusOr<std::unique_ptr<BatchState>> state = BatchState::Open(dir);
    ASSERT_TRUE(state.ok());
    ASSERT_TRUE((*state)->Append({Entry("z", "0"), plain, large}).ok());
    ASSERT_TRUE((*state)->AppendLines(StateEntryLine(escaped)).ok());
  }
  StatusOr<std::unique_ptr<BatchState>> state = BatchState::Open(dir);
  ASSERT_TRUE(state.ok());
  EXPECT_EQ((*state)->entries_read(), 4u);
  for (const BatchStateEntry* e : {&plain, &escaped, &large}) {  // in path order
    StatusOr<std::optional<BatchStateEntry>> found = (*state)->Find(e->path);
    ASSERT_TRUE(found.ok() && found->has_value()) << e->path;
    EXPECT_EQ((*found)->set_record, e->set_record);
  }
  StatusOr<std::optional<BatchStateEntry>> z = (*state)->Find("z");
  ASSERT_TRUE(z.ok() && z->has_value());
  EXPECT_TRUE((*z)->set_record.empty());
}

}  // namespace
}  // namespace zfxxgk
