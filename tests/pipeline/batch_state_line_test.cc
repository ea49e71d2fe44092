// Tests for pipeline/batch_state_line.h: journal lines read in full and for
// their path alone, held to the reader the journal had before (nlohmann's
// DOM, kept here as the reference).
#include "pipeline/batch_state_line.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/batch_set_record.h"

namespace zfxxgk {
namespace {

using Json = nlohmann::ordered_json;

// --- The reference: ParseStateEntry as it was (d9f065b), DOM and all. ---

std::string RefStringField(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<BatchStateEntry> RefParse(std::string_view line) {
  constexpr std::string_view kSetKey = ",\"set\":\"";
  if (line.size() >= 2 && line.substr(line.size() - 2) == "\"}") {
    const size_t at = line.rfind(kSetKey);
    if (at != std::string_view::npos) {
      const size_t begin = at + kSetKey.size();
      const std::string_view record = line.substr(begin, line.size() - 2 - begin);
      if (IsPlainJsonText(record)) {
        std::optional<BatchStateEntry> e = RefParse(std::string(line.substr(0, at)) + "}");
        if (e) e->set_record = std::string(record);
        return e;
      }
    }
  }
  Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("path") || !j["path"].is_string() || !j.contains("status")) {
    return std::nullopt;
  }
  BatchStateEntry e;
  e.path = RefStringField(j, "path");
  e.sha256 = RefStringField(j, "sha256");
  e.version = RefStringField(j, "version");
  e.status = RefStringField(j, "status");
  e.output = RefStringField(j, "output");
  e.format = RefStringField(j, "format");
  e.template_name = RefStringField(j, "template");
  e.organ = RefStringField(j, "organ");
  if (j.contains("year") && j["year"].is_number_integer()) e.year = j["year"].get<int>();
  e.published = RefStringField(j, "published");
  if (j.contains("failing_checks") && j["failing_checks"].is_array()) {
    for (const Json& id : j["failing_checks"]) {
      if (id.is_string()) e.failing_checks.push_back(id.get<std::string>());
    }
  }
  e.error_code = RefStringField(j, "error_code");
  e.error = RefStringField(j, "error");
  e.set_record = RefStringField(j, "set");
  return e;
}

// Every field, for comparisons (StateEntryLine would drop some).
std::string Fields(const BatchStateEntry& e) {
  std::string s = e.path + "|" + e.sha256 + "|" + e.version + "|" + e.status + "|" + e.output +
                  "|" + e.format + "|" + e.template_name + "|" + e.organ + "|" +
                  (e.year ? std::to_string(*e.year) : "-") + "|" + e.published + "|";
  for (const std::string& id : e.failing_checks) s += id + ",";
  return s + "|" + e.error_code + "|" + e.error + "|" + e.set_record;
}

// Both readers agree on `line`: the same acceptance, the same entry, and
// ScanStateEntryPath the same path. A test failure names the line.
void ExpectSameAsReference(std::string_view line) {
  const std::optional<BatchStateEntry> ref = RefParse(line);
  StatusOr<BatchStateEntry> got = ParseStateEntry(line);
  std::string storage;
  const std::optional<std::string_view> path = ScanStateEntryPath(line, storage);
  ASSERT_EQ(got.ok(), ref.has_value()) << "line: " << line;
  ASSERT_EQ(path.has_value(), ref.has_value()) << "line: " << line;
  if (!ref) return;
  EXPECT_EQ(Fields(*got), Fields(*ref)) << "line: " << line;
  EXPECT_EQ(*path, ref->path) << "line: " << line;
}

BatchStateEntry Entry() {
  BatchStateEntry e;
  e.path = "a/平潭.html";
  e.sha256 = "ab12";
  e.version = "9.9";
  e.status = "partial";
  e.output = "a_平潭.json";
  e.format = "html";
  e.template_name = "gov_2021";
  e.organ = "平潭综合实验区";
  e.year = 2021;
  e.published = "2022-01-20";
  e.failing_checks = {"T3.1", "T4.2"};
  e.set_record = "z1;3:abc;平潭";
  return e;
}

std::string Line(const BatchStateEntry& e) {
  std::string line = StateEntryLine(e);
  line.pop_back();
  return line;
}

// --- One behaviour per test. ---

TEST(BatchStateLineTest, ValidLineGivesItsEntryAndPath) {
  const BatchStateEntry e = Entry();
  StatusOr<BatchStateEntry> back = ParseStateEntry(Line(e));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(Fields(*back), Fields(e));
  std::string storage;
  EXPECT_EQ(ScanStateEntryPath(Line(e), storage), std::optional<std::string_view>(e.path));
}

TEST(BatchStateLineTest, PathWithoutEscapesIsAViewIntoTheLine) {
  const std::string line = Line(Entry());
  std::string storage;
  const std::optional<std::string_view> path = ScanStateEntryPath(line, storage);
  ASSERT_TRUE(path);
  EXPECT_GE(path->data(), line.data());
  EXPECT_LT(path->data(), line.data() + line.size());
}

TEST(BatchStateLineTest, EscapedPathIsDecodedIntoStorage) {
  std::string storage;
  const std::string line = R"({"path":"a\"b\\c\u5e73\ud83d\ude00","status":"ok"})";
  EXPECT_EQ(ScanStateEntryPath(line, storage),
            std::optional<std::string_view>("a\"b\\c平\xF0\x9F\x98\x80"));
  ExpectSameAsReference(line);
}

TEST(BatchStateLineTest, SetRecordIsSkippedNotCopied) {
  BatchStateEntry e = Entry();
  e.set_record = std::string(100000, 'x');
  const std::string line = Line(e);
  std::string storage;
  const std::optional<std::string_view> path = ScanStateEntryPath(line, storage);
  ASSERT_TRUE(path);
  EXPECT_EQ(*path, e.path);
  EXPECT_EQ(storage.capacity(), std::string().capacity());  // nothing decoded, nothing copied
}

TEST(BatchStateLineTest, SetRecordWithoutEscapesIsFoundInItsLine) {
  const BatchStateEntry e = Entry();
  const std::string line = StateEntryLine(e);
  const std::optional<size_t> at = SetRecordInLine(line, e.set_record);
  ASSERT_TRUE(at);
  EXPECT_EQ(line.substr(*at, e.set_record.size()), e.set_record);
}

TEST(BatchStateLineTest, SetRecordWithEscapesOrNoneIsNotFoundInItsLine) {
  BatchStateEntry quoted = Entry();
  quoted.set_record = "z1;\"set\":\"x";  // stands escaped in the line
  EXPECT_FALSE(SetRecordInLine(StateEntryLine(quoted), quoted.set_record));
  BatchStateEntry none = Entry();
  none.set_record.clear();
  EXPECT_FALSE(SetRecordInLine(StateEntryLine(none), none.set_record));
  EXPECT_FALSE(SetRecordInLine(StateEntryLine(none), Entry().set_record));
}

TEST(BatchStateLineTest, WrongShapeIsNotAnEntry) {
  std::string storage;
  for (const char* line : {"[1,2]", "\"path\"", "3", "null", "{}", "garbage", ""}) {
    EXPECT_FALSE(ParseStateEntry(line).ok()) << line;
    EXPECT_FALSE(ScanStateEntryPath(line, storage)) << line;
  }
}

TEST(BatchStateLineTest, MissingOrNonStringPathIsNotAnEntry) {
  std::string storage;
  for (const char* line : {R"({"status":"ok"})", R"({"path":3,"status":"ok"})",
                           R"({"path":"a","path":null,"status":"ok"})", R"({"path":"a"})",
                           R"({"x":{"path":"a"},"status":"ok"})"}) {
    EXPECT_FALSE(ParseStateEntry(line).ok()) << line;
    EXPECT_FALSE(ScanStateEntryPath(line, storage)) << line;
    ExpectSameAsReference(line);
  }
}

TEST(BatchStateLineTest, LastMemberOfANameWins) {
  std::string storage;
  const std::string line = R"({"path":1,"path":"b","status":0,"year":2020,"year":"x"})";
  EXPECT_EQ(ScanStateEntryPath(line, storage), std::optional<std::string_view>("b"));
  StatusOr<BatchStateEntry> e = ParseStateEntry(line);
  ASSERT_TRUE(e.ok());
  EXPECT_FALSE(e->year.has_value());
  ExpectSameAsReference(line);
}

TEST(BatchStateLineTest, BadEscapesAreNotEntries) {
  for (const char* line :
       {R"({"path":"a\x","status":"ok"})", R"({"path":"a\u12","status":"ok"})",
        R"({"path":"\ud800","status":"ok"})", R"({"path":"\ud800\u0041","status":"ok"})",
        R"({"path":"\udc00","status":"ok"})", R"({"path":"a","status":"ok","set":"\q"})",
        R"({"path":"a","status":"ok","set":"a\"})"}) {
    EXPECT_FALSE(ParseStateEntry(line).ok()) << line;
    ExpectSameAsReference(line);
  }
}

TEST(BatchStateLineTest, TornLineIsNotAnEntry) {
  const std::string line = Line(Entry());
  for (size_t cut = 0; cut < line.size(); ++cut) {
    std::string storage;
    EXPECT_FALSE(ScanStateEntryPath(line.substr(0, cut), storage)) << cut;
    EXPECT_FALSE(ParseStateEntry(line.substr(0, cut)).ok()) << cut;
  }
}

TEST(BatchStateLineTest, EdgeCasesReadAsTheReferenceReadsThem) {
  const std::string kRest = R"("path":"p","status":"ok")";
  const std::vector<std::string> members = {R"("year":-0)",
                                            R"("year":01)",
                                            R"("year":1e400)",
                                            R"("year":-1e400)",
                                            R"("year":1.5e308)",
                                            R"("year":2021.0)",
                                            R"("year":4294969317)",
                                            R"("year":-4294965275)",
                                            R"("year":18446744073709551615)",
                                            R"("year":18446744073709551616)",
                                            R"("year":-9223372036854775809)",
                                            R"("year":1)" + std::string(400, '0'),
                                            R"("year":1.)",
                                            R"("year":.5)",
                                            R"("year":-)",
                                            R"("year":1e)",
                                            R"("year":1E+2)",
                                            R"("year":+1)",
                                            R"("year":true)",
                                            R"("year":tru)",
                                            R"("year":nul)",
                                            R"("year":nullx)",
                                            R"("failing_checks":["a",1,["b"],{"c":"d"},"e"])",
                                            R"("failing_checks":"T3.1")",
                                            R"("failing_checks":[)",
                                            R"("failing_checks":[,])",
                                            R"("failing_checks":["a",])",
                                            R"("x":{"a":[{"b":[[[]]]}],"c":{}})",
                                            R"("x":{"a" 1})",
                                            R"("x":{"a":1,})",
                                            R"("x":[1 2])",
                                            R"("organ":"\u0000\u001f\/\b\f\n\r\t")",
                                            "\"organ\":\"\x01\"",
                                            "\"organ\":\"\x7f\"",
                                            "\"organ\":\"\xC0\x80\"",
                                            "\"organ\":\"\xED\xA0\x80\"",
                                            "\"organ\":\"\xF4\x90\x80\x80\"",
                                            "\"organ\":\"\xE5\xB9\"",
                                            "\"organ\":\"\xEF\xBF\xBF\"",
                                            "\"organ\":\"\xF0\x9F\x98\x80\"",
                                            "\"organ\":\"\x80\"",
                                            R"("set":"a","set":"b")",
                                            R"("set":1)",
                                            R"("set":"plain","set":"x\"y")",
                                            R"("pa\u0074h":"q")",
                                            R"("status":null)",
                                            std::string("\"organ\":\"a\0b\"", 13)};
  for (const std::string& m : members) {
    ExpectSameAsReference("{" + kRest + "," + m + "}");
    ExpectSameAsReference("{" + m + "," + kRest + "}");
  }
  for (const std::string& line : std::vector<std::string>{
           "\xEF\xBB\xBF{" + kRest + "}", "\xEF\xBB{" + kRest + "}", " \t\r{" + kRest + "} \r",
           "{" + kRest + "}x", "{" + kRest + "}{}", "{" + kRest + ",}", "{," + kRest + "}",
           "{" + kRest + ",\"set\":\"a\"}", "{" + kRest + " ,\"set\":\"a\"}",
           "{\"set\":\"a\"," + kRest + "}", "{" + kRest + ",\"set\":\"a\"} ",
           "{" + kRest + ",\"x\":[\"y\",\"set\":\"a\"}", "{ ,\"set\":\"a\"}",
           "{" + kRest + std::string("\0}", 2)}) {
    ExpectSameAsReference(line);
  }
}

// nlohmann's lexer ends its input at a NUL byte: what follows a complete
// object is not read.
TEST(BatchStateLineTest, NulAfterTheObjectEndsTheLine) {
  const std::string line = R"({"path":"p","status":"ok"})" + std::string("\0x", 2) + "garbage";
  std::string storage;
  EXPECT_EQ(ScanStateEntryPath(line, storage), std::optional<std::string_view>("p"));
  ExpectSameAsReference(line);
  ExpectSameAsReference(std::string(R"({"path":"p","status":"ok",)") + '\0' + "}");
}

// The one difference from the old reader (batch_state_line.h): a set record
// beyond a NUL byte is not read. The line is accepted by both.
TEST(BatchStateLineTest, SetRecordBeyondANulIsNotRead) {
  const std::string line =
      R"({"path":"p","status":"ok"})" + std::string(1, '\0') + R"(x,"set":"r"})";
  ASSERT_TRUE(RefParse(line).has_value());
  EXPECT_EQ(RefParse(line)->set_record, "r");
  StatusOr<BatchStateEntry> e = ParseStateEntry(line);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->set_record, "");
}

// Every line one byte away from real ones (deleted, replaced or inserted,
// with bytes that matter to JSON) reads as the reference reads it.
TEST(BatchStateLineTest, MutatedLinesReadAsTheReferenceReadsThem) {
  BatchStateEntry failed = Entry();
  failed.status = "failed";
  failed.output.clear();
  failed.year.reset();
  failed.failing_checks.clear();
  failed.error_code = "not_a_report";
  failed.error = "b: no table \"三\"\n\t\x01 \\ /";
  failed.set_record.clear();
  BatchStateEntry escaped = Entry();
  escaped.set_record = "z1;\"q\"\\\n平";
  static constexpr char kBytes[] =
      "\"\\{}[],: \t0-9e.+Eutfnlx/\x00\x1f\x7f\x80\xbf\xc2\xe5\xed\xef\xf4\xff";
  const std::string bytes(kBytes, sizeof kBytes - 1);
  const BatchStateEntry plain = Entry();
  for (const BatchStateEntry* e : std::vector<const BatchStateEntry*>{&plain, &failed, &escaped}) {
    const std::string line = Line(*e);
    ExpectSameAsReference(line);
    for (size_t i = 0; i <= line.size(); ++i) {
      if (i < line.size()) ExpectSameAsReference(line.substr(0, i) + line.substr(i + 1));
      for (char b : bytes) {
        std::string inserted = line;
        inserted.insert(i, 1, b);
        ExpectSameAsReference(inserted);
        if (i == line.size()) continue;
        std::string replaced = line;
        replaced[i] = b;
        ExpectSameAsReference(replaced);
      }
    }
  }
}

}  // namespace
}  // namespace zfxxgk
