// Tests for the "tables" object that ToJson (schemas/report_json.cc) writes:
// cells in tree order are written as they come, others through the path
// tree; both give the tree's shape, extra rows last in their table.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
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

}  // namespace
}  // namespace zfxxgk
