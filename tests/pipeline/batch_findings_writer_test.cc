// Tests for BatchSetFindingsJsonWriter::End (pipeline/batch_findings.h): the
// lists of paths are streamed from their spill files.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "pipeline/batch_findings.h"

namespace zfxxgk {
namespace {

using Json = nlohmann::ordered_json;

std::string WriteAll(const BatchSetFindings& totals) {
  BatchSetFindingsJsonWriter writer;
  std::string text = writer.Begin();
  Status s = writer.End(totals, [&](std::string_view piece) {
    text.append(piece);
    return OkStatus();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return text;
}

TEST(BatchFindingsWriterTest, SpilledListsComeOutInOrderAsTheIndentedDump) {
  BatchSetFindings totals;
  totals.not_compared = StringSpill(/*memory_bytes=*/50);
  std::vector<std::string> copies;
  for (int i = 0; i < 300; ++i) copies.push_back("归档/\"副本\"/" + std::to_string(i) + ".html");
  for (const std::string& p : copies) ASSERT_TRUE(totals.not_compared.Add(p).ok());
  ASSERT_TRUE(totals.unplaced.Add("无机关名称.pdf").ok());
  ASSERT_TRUE(totals.not_compared.spilled());
  totals.counts.not_compared = copies.size();
  totals.counts.unplaced = 1;
  totals.counts.bodies = 2;

  const std::string text = WriteAll(totals);
  const Json doc = Json::parse(text);
  EXPECT_EQ(text, doc.dump(2) + "\n");
  EXPECT_EQ(doc["bodies"], Json::array());
  EXPECT_EQ(doc["unplaced"], Json::array({"无机关名称.pdf"}));
  EXPECT_EQ(doc["not_compared"].get<std::vector<std::string>>(), copies);
  EXPECT_EQ(doc["counts"]["not_compared"], 300);
  EXPECT_EQ(doc["counts"]["bodies"], 2);
}

TEST(BatchFindingsWriterTest, EmptyListsAreEmptyArrays) {
  const Json doc = Json::parse(WriteAll(BatchSetFindings{}));
  EXPECT_EQ(doc["unplaced"], Json::array());
  EXPECT_EQ(doc["not_compared"], Json::array());
  EXPECT_EQ(doc["counts"]["unplaced"], 0);
}

TEST(BatchFindingsWriterTest, AFailedWriteStopsTheEnd) {
  BatchSetFindings totals;
  ASSERT_TRUE(totals.not_compared.Add("a.html").ok());
  BatchSetFindingsJsonWriter writer;
  int writes = 0;
  Status s = writer.End(totals, [&](std::string_view) {
    return ++writes == 2 ? Status(StatusCode::kUnreadable, "disk full") : OkStatus();
  });
  EXPECT_EQ(s.code(), StatusCode::kUnreadable);
  EXPECT_EQ(writes, 2);
}

}  // namespace
}  // namespace zfxxgk
