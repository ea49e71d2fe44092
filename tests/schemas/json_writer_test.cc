// Tests for schemas/json_writer.h: the text equals nlohmann::ordered_json's
// dump of the same members, compact and pretty.
#include "schemas/json_writer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

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
  j["empty_obj"] = Json::object();
  j["empty_arr"] = Json::array();
  j["arr"] = Json::array({1, "x", {{"k", nullptr}}});
  j["ke\"y"] = {{"a", 0}, {"b", 1}};
  return j;
}

TEST(JsonWriterTest, CompactTextIsNlohmannDump) { EXPECT_EQ(Write(false), Dump(Expected(), false)); }

TEST(JsonWriterTest, PrettyTextIsNlohmannDump) { EXPECT_EQ(Write(true), Dump(Expected(), true)); }

TEST(JsonWriterTest, TopLevelScalarsAndTake) {
  JsonWriter w(false);
  w.String("x");
  EXPECT_EQ(w.Take(), "\"x\"");
  w.BeginArray(), w.EndArray();
  EXPECT_EQ(w.Take(), "[]");
}

}  // namespace
}  // namespace zfxxgk
