// Tests for the "tables" object that ToJson (schemas/report_json.cc) writes:
// cells in tree order are written as they come, others through the path
// tree; both give the tree's shape, extra rows last in their table.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "schemas/report_v1.h"
#include "tests/test_cells.h"

namespace zfxxgk {
namespace {

using Json = nlohmann::ordered_json;

// The compact text of the report's "tables" object.
std::string Tables(const ReportV1& r) { return Json::parse(ToJson(r, false))["tables"].dump(); }

ExtraRowOut Extra(const std::string& table, const std::string& label) {
  ExtraRowOut e;
  e.table = table;
  e.label = label;
  return e;
}

TEST(ToJsonTablesTest, CellsInTreeOrderNestByPath) {
  ReportV1 r;
  r.cells = {{"a.x.p", NumberCell(1)}, {"a.x.q", NumberCell(2)}, {"a.y", NumberCell(3)},
             {"b.z", NumberCell(4)}};
  EXPECT_EQ(Tables(r),
            R"({"a":{"x":{"p":{"value":1,"raw":"1","status":"number"},)"
            R"("q":{"value":2,"raw":"2","status":"number"}},)"
            R"("y":{"value":3,"raw":"3","status":"number"}},)"
            R"("b":{"z":{"value":4,"raw":"4","status":"number"}}})");
}

TEST(ToJsonTablesTest, CellsOutOfOrderAreGroupedByFirstAppearance) {
  ReportV1 r;
  r.cells = {{"b.y", NumberCell(1)}, {"a.x", NumberCell(2)}, {"b.x", NumberCell(3)},
             {"b.y", NumberCell(4)}};
  EXPECT_EQ(Tables(r),
            R"({"b":{"y":{"value":4,"raw":"4","status":"number"},)"
            R"("x":{"value":3,"raw":"3","status":"number"}},)"
            R"("a":{"x":{"value":2,"raw":"2","status":"number"}}})");
}

TEST(ToJsonTablesTest, ExtraRowsGoLastInTheirTableAndTablesOfExtraRowsOnlyLast) {
  ReportV1 r;
  r.cells = {{"t.a", NumberCell(1)}, {"u.b", NumberCell(2)}};
  r.extra = {Extra("v", "丙"), Extra("t", "甲"), Extra("t", "乙")};
  EXPECT_EQ(Tables(r),
            R"({"t":{"a":{"value":1,"raw":"1","status":"number"},)"
            R"("extra":[{"label":"甲"},{"label":"乙"}]},)"
            R"("u":{"b":{"value":2,"raw":"2","status":"number"}},)"
            R"("v":{"extra":[{"label":"丙"}]}})");
}

TEST(ToJsonTablesTest, ACellAtATablesExtraPathIsWrittenAsTheTreeHasIt) {
  ReportV1 r;
  r.cells = {{"t.extra", NumberCell(1)}};
  r.extra = {Extra("t", "甲")};
  EXPECT_EQ(Tables(r), R"({"t":{"extra":{"value":1,"raw":"1","status":"number"}}})");
}

TEST(ToJsonTablesTest, CellsThatBreakTheOrderLateAreWrittenAsTheTree) {
  ReportV1 r;
  r.cells = {{"a.x", NumberCell(1)}, {"a.y", NumberCell(2)}, {"b.z", NumberCell(3)},
             {"a.w", NumberCell(4)}};
  EXPECT_EQ(Tables(r),
            R"({"a":{"x":{"value":1,"raw":"1","status":"number"},)"
            R"("y":{"value":2,"raw":"2","status":"number"},)"
            R"("w":{"value":4,"raw":"4","status":"number"}},)"
            R"("b":{"z":{"value":3,"raw":"3","status":"number"}}})");
}

// Cells with every member a cell can have, and values of every kind.
std::vector<std::pair<std::string, CellOut>> VariedCells() {
  std::vector<std::pair<std::string, CellOut>> cells;
  auto add = [&cells](CellOut c) {
    cells.emplace_back("t.r" + std::to_string(cells.size()) + ".c", std::move(c));
  };
  add(NumberCell(7));
  add(MakeCell(CellStatus::kBlank, std::nullopt, ""));
  add(MakeCell(CellStatus::kNumber, 189538647.5, "189538647.5"));
  add(MakeCell(CellStatus::kNumber, 1e16, "1e16"));
  add(MakeCell(CellStatus::kNumber, -3, "减3"));
  add(MakeCell(CellStatus::kText, std::nan(""), "\"q\" \\ \t\x01\x7f a\xFF" "b\xE6\x88"));
  CellOut unit = MakeCell(CellStatus::kText, 251000, "251000元");
  unit.unit = "元";
  add(unit);
  CellOut amb = MakeCell(CellStatus::kAmbiguous, std::nullopt, "1 2");
  amb.candidates = {"12", "1\n2"};
  add(amb);
  amb.candidate_absent = true;
  add(amb);
  amb.candidates.clear();
  add(amb);
  CellOut src = NumberCell(5);
  src.prov.confidence = 0.85;
  src.prov.line = 12, src.prov.table = 0, src.prov.row = 3, src.prov.col = 4;
  add(src);
  src.prov.line = -1, src.prov.table = -1;
  src.prov.page = 1;
  src.prov.bbox = {10.04, 20.15, 30.0, 40.96};
  add(src);
  src.prov = Provenance();
  src.prov.col = 0;
  add(src);
  return cells;
}

// Compact cells are put together from fragments, pretty ones member by
// member: both are the same JSON.
TEST(ToJsonTest, CompactTextIsThePrettyTextDumpedCompact) {
  ReportV1 r;
  r.cells = VariedCells();
  r.cells.emplace_back("u.引\"号\x7f.c", NumberCell(1));  // keys written escaped
  r.cells.emplace_back("u.引\"号\x7f.d", NumberCell(2));
  r.cells.emplace_back("u.plain.c", NumberCell(3));
  ExtraRowOut e = Extra("t", "甲");
  e.cells = {{"c", VariedCells()[7].second}, {"d", VariedCells()[11].second}};
  r.extra = {e};
  r.checks = {{"T1", "t.*", "fail", 3.0, 1.5, "note \"x\""}};
  const std::string compact = ToJson(r, false);
  EXPECT_EQ(compact, Json::parse(ToJson(r, true)).dump());
  EXPECT_NE(compact.find(R"("source":{"row":3,"col":4,"page":2,"box":[10.0,20.2,30.0,41.0]})"),
            std::string::npos);
  EXPECT_NE(compact.find(R"("candidates":[null,"12","1\n2"])"), std::string::npos);
}

}  // namespace
}  // namespace zfxxgk
