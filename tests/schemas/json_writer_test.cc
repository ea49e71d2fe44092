// Tests for schemas/json_writer.h: the text equals nlohmann::ordered_json's
// dump of the same members, compact and pretty.
#include "schemas/json_writer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <random>
#include <string>
#include <utility>
#include <vector>

namespace zfxxgk {
namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& j, bool pretty) {
  return j.dump(pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

// One document with every kind of value, written both ways.
std::string Write(bool pretty) {
  JsonWriter w(pretty);
  w.BeginObject();
  w.Key("s"), w.String("规章 \"q\" \\ \t\n\x01 \x7f");
  w.Key("bad"), w.String("a\xFF" "b\xC0\xAF" "c\xE6\x88");
  w.Key("i"), w.Int(-42);
  w.Key("d"), w.Double(0.85);
  w.Key("whole"), w.Double(3.0);
  w.Key("n"), w.Null();
  w.Key("t"), w.Bool(true);
  w.Key("f"), w.Bool(false);
  w.Key("empty_obj"), w.BeginObject(), w.EndObject();
  w.Key("empty_arr"), w.BeginArray(), w.EndArray();
  w.Key("arr"), w.BeginArray();
  w.Int(1), w.String("x"), w.BeginObject(), w.Key("k"), w.Null(), w.EndObject();
  w.EndArray();
  w.Key("ke\"y"), w.BeginObject(), w.Key("a"), w.Int(0), w.Key("b"), w.Int(1), w.EndObject();
  w.EndObject();
  return w.Take();
}

Json Expected() {
  Json j;
  j["s"] = "规章 \"q\" \\ \t\n\x01 \x7f";
  j["bad"] = "a\xFF" "b\xC0\xAF" "c\xE6\x88";
  j["i"] = -42;
  j["d"] = 0.85;
  j["whole"] = 3.0;
  j["n"] = nullptr;
  j["t"] = true;
  j["f"] = false;
  j["empty_obj"] = Json::object();
  j["empty_arr"] = Json::array();
  j["arr"] = Json::array({1, "x", {{"k", nullptr}}});
  j["ke\"y"] = {{"a", 0}, {"b", 1}};
  return j;
}

TEST(JsonWriterTest, CompactTextIsNlohmannDump) { EXPECT_EQ(Write(false), Dump(Expected(), false)); }

TEST(JsonWriterTest, PrettyTextIsNlohmannDump) { EXPECT_EQ(Write(true), Dump(Expected(), true)); }

// PlainKey and PlainString write what Key and String write for plain text.
std::string WritePlain(bool pretty, bool plain) {
  JsonWriter w(pretty);
  w.BeginObject();
  w.Key("a"), w.Int(1);
  plain ? w.PlainKey("status") : w.Key("status");
  plain ? w.PlainString("not_applicable") : w.String("not_applicable");
  plain ? w.PlainKey("source") : w.Key("source");
  w.BeginObject();
  plain ? w.PlainKey("row") : w.Key("row");
  w.Int(2);
  w.EndObject();
  w.Key("arr"), w.BeginArray();
  plain ? w.PlainString("x") : w.String("x");
  plain ? w.PlainString("") : w.String("");
  w.EndArray();
  w.EndObject();
  return w.Take();
}

TEST(JsonWriterTest, PlainKeyAndStringWriteWhatKeyAndStringWrite) {
  EXPECT_EQ(WritePlain(false, true), WritePlain(false, false));
  EXPECT_EQ(WritePlain(true, true), WritePlain(true, false));
  EXPECT_EQ(WritePlain(false, true),
            R"({"a":1,"status":"not_applicable","source":{"row":2},"arr":["x",""]})");
}

// A base indent shifts every line after the first: the text of a value
// placed inside another document's indentation.
TEST(JsonWriterTest, BaseIndentShiftsEveryLineAfterTheFirst) {
  JsonWriter w(/*pretty=*/true);
  w.SetBaseIndent(4);
  w.BeginObject(), w.Key("a"), w.BeginArray(), w.Int(1), w.EndArray(), w.EndObject();
  EXPECT_EQ(w.Take(), "{\n      \"a\": [\n        1\n      ]\n    }");
}

TEST(JsonWriterTest, TopLevelScalarsAndTake) {
  JsonWriter w(false);
  w.String("x");
  EXPECT_EQ(w.Take(), "\"x\"");
  w.BeginArray(), w.EndArray();
  EXPECT_EQ(w.Take(), "[]");
}

// Strings that take every branch of the escaping scan: runs longer than a
// word, every ASCII byte, each UTF-8 sequence length and the edges of the
// valid ranges (overlong, surrogate, above U+10FFFF, cut off at the end).
std::vector<std::string> EscapingCases() {
  std::vector<std::string> cases = {
      "",
      "plain ascii longer than one word",
      "平潭综合实验区人民政府 2021 年政府信息公开工作年度报告",
      "tab\there\nnewline \"quoted\" back\\slash\r\f\b\x1f\x7f end",
      "\xC2\x80 \xDF\xBF \xE0\xA0\x80 \xED\x9F\xBF \xEF\xBF\xBF \xF0\x90\x80\x80 "
      "\xF4\x8F\xBF\xBF",
      "\xC0\xAF", "\xC1\xBF", "\xE0\x9F\xBF", "\xED\xA0\x80", "\xF0\x8F\xBF\xBF",
      "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF", "\x80 lone continuation",
      "cut at the end \xE6\x88", "cut \xE6 in the middle", "12345678\"2345678\n",
  };
  std::string all_ascii;
  for (int c = 1; c < 128; ++c) all_ascii.push_back(static_cast<char>(c));
  cases.push_back(all_ascii);
  cases.push_back(std::string(1, '\0') + "nul");
  return cases;
}

TEST(JsonWriterTest, StringsAreEscapedAsDumpEscapesThem) {
  for (const std::string& s : EscapingCases()) {
    JsonWriter w(false);
    w.BeginArray(), w.String(s), w.EndArray();
    EXPECT_EQ(w.Take(), Dump(Json::array({s}), false)) << s;
  }
}

// Random strings of pieces that take every branch of the scan at every
// alignment: runs of ASCII across sixteen- and eight-byte blocks, runs of
// CJK characters cut at odd places, escapes and invalid sequences.
TEST(JsonWriterTest, RandomStringsAreEscapedAsDumpEscapesThem) {
  const std::vector<std::string> pieces = {
      "a", "plain ascii text", "\"", "\\", "\n", "\x01", "\x1f", "\x7f", std::string(1, '\0'),
      "平", "潭综合实验区", "。，", "\xC2\x80", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xED\xA0\x80",
      "\xEF\xBF\xBF", "\xF0\x90\x80\x80", "\xFF", "\x80", "\xE6\x88", "\xE6", "\xE5\x80\x7f"};
  std::mt19937 rng(20261127);
  for (int i = 0; i < 4000; ++i) {
    std::string s;
    for (int n = static_cast<int>(rng() % 48); n > 0; --n) s += pieces[rng() % pieces.size()];
    JsonWriter w(false);
    w.BeginArray(), w.String(s), w.EndArray();
    ASSERT_EQ(w.Take(), Dump(Json::array({s}), false)) << i;
    JsonWriter k(false);
    k.BeginObject(), k.Key(s), k.Int(1), k.EndObject();
    Json j;
    j[s] = 1;
    ASSERT_EQ(k.Take(), Dump(j, false)) << i;
  }
}

TEST(JsonWriterTest, KeysAreEscapedAsDumpEscapesThem) {
  for (const std::string& s : EscapingCases()) {
    JsonWriter w(true);
    w.BeginObject(), w.Key(s), w.Int(1), w.EndObject();
    Json j;
    j[s] = 1;
    EXPECT_EQ(w.Take(), Dump(j, true)) << s;
  }
}

TEST(JsonWriterTest, WritesIntoTheMemoryOfGivenStorage) {
  std::string storage = "old text, discarded";
  storage.reserve(4096);
  const char* memory = storage.data();
  JsonWriter w(false, std::move(storage));
  w.BeginObject(), w.Key("k"), w.String(std::string(1000, 'x')), w.EndObject();
  const std::string text = w.Take();
  EXPECT_EQ(text, "{\"k\":\"" + std::string(1000, 'x') + "\"}");
  EXPECT_EQ(text.data(), memory);
}

// A value put together from raw pieces is what the value calls write.
TEST(JsonWriterTest, RawPiecesWriteWhatTheValueCallsWrite) {
  JsonWriter calls(false);
  calls.BeginArray(), calls.Int(1);
  calls.BeginObject(), calls.Key("k"), calls.String("a\"\xFF"), calls.Key("d");
  calls.Double(0.1), calls.Key("i"), calls.Int(-7), calls.EndObject();
  calls.String("z"), calls.EndArray();
  JsonWriter raw(false);
  raw.BeginArray(), raw.Int(1);
  raw.BeginValue(), raw.Raw("{\"k\":"), raw.Quoted("a\"\xFF"), raw.Raw(",\"d\":");
  raw.RawDouble(0.1), raw.Raw(",\"i\":"), raw.RawInt(-7), raw.Raw("}");
  raw.String("z"), raw.EndArray();
  EXPECT_EQ(raw.Take(), calls.Take());
}

TEST(JsonWriterTest, RewindDropsWhatWasWrittenSinceTheMark) {
  for (bool pretty : {false, true}) {
    JsonWriter w(pretty);
    w.BeginObject(), w.Key("a"), w.Int(1), w.Key("t");
    const JsonWriter::Position mark = w.Mark();
    w.BeginObject(), w.Key("x"), w.BeginArray(), w.Int(2);
    w.Rewind(mark);
    w.BeginArray(), w.EndArray(), w.Key("b"), w.Null(), w.EndObject();
    JsonWriter expected(pretty);
    expected.BeginObject(), expected.Key("a"), expected.Int(1), expected.Key("t");
    expected.BeginArray(), expected.EndArray(), expected.Key("b"), expected.Null();
    expected.EndObject();
    EXPECT_EQ(w.Take(), expected.Take()) << pretty;
  }
}

TEST(JsonWriterTest, ReserveKeepsTheText) {
  JsonWriter w(false);
  w.BeginArray(), w.Int(1);
  w.Reserve(1 << 16);
  w.Int(2), w.EndArray();
  EXPECT_EQ(w.Take(), "[1,2]");
}

}  // namespace
}  // namespace zfxxgk
