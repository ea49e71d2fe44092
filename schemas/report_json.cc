// ToJson: the contract's key order, cells nested by their dotted paths.
#include <nlohmann/json.hpp>

#include <cmath>

#include "schemas/report_v1.h"

namespace zfxxgk {
namespace {

using Json = nlohmann::ordered_json;

Json NumberJson(double v, bool integral) {
  if (integral && std::fabs(v) < 9e15) return Json(static_cast<int64_t>(std::llround(v)));
  return Json(v);
}

Json CellJson(const CellOut& c) {
  Json j;
  j["value"] = c.value ? NumberJson(*c.value, c.integral) : Json(nullptr);
  j["raw"] = c.raw;
  j["status"] = CellStatusName(c.status);
  if (!c.unit.empty()) j["unit"] = c.unit;
  if (c.status == CellStatus::kAmbiguous) {
    Json candidates = Json::array();
    if (c.candidate_absent) candidates.push_back(nullptr);
    for (const std::string& v : c.candidates) candidates.push_back(v);
    j["candidates"] = candidates;
  }
  if (c.prov.confidence < 1.0) j["confidence"] = c.prov.confidence;
  Json src;
  if (c.prov.line >= 0) src["line"] = c.prov.line;
  if (c.prov.table >= 0) src["table"] = c.prov.table;
  if (c.prov.row >= 0) src["row"] = c.prov.row;
  if (c.prov.col >= 0) src["col"] = c.prov.col;
  if (!src.empty()) j["source"] = src;
  return j;
}

// Places `value` at the dotted `path` below `root`, creating objects.
void Put(Json& root, const std::string& path, Json value) {
  Json* node = &root;
  size_t start = 0;
  while (true) {
    size_t dot = path.find('.', start);
    std::string key = path.substr(start, dot == std::string::npos ? dot : dot - start);
    if (dot == std::string::npos) {
      (*node)[key] = std::move(value);
      return;
    }
    node = &(*node)[key];
    start = dot + 1;
  }
}

Json SectionsJson(const std::vector<SectionOut>& sections) {
  Json j = Json::object();
  for (const SectionOut& s : sections) {
    Json one;
    if (s.key != "preamble") one["heading"] = s.heading;
    one["text"] = s.text;
    j[s.key] = one;
  }
  return j;
}

Json TablesJson(const ReportV1& r) {
  Json tables = Json::object();
  for (const auto& [path, cell] : r.cells) Put(tables, path, CellJson(cell));
  for (const ExtraRowOut& e : r.extra) {
    Json row;
    row["label"] = e.label;
    for (const auto& [key, cell] : e.cells) row["cells"][key] = CellJson(cell);
    tables[e.table]["extra"].push_back(row);
  }
  return tables;
}

Json ChecksJson(const std::vector<CheckOut>& checks) {
  Json j = Json::array();
  for (const CheckOut& c : checks) {
    Json one;
    one["id"] = c.id;
    one["where"] = c.where;
    one["status"] = c.status;
    one["lhs"] = c.lhs ? NumberJson(*c.lhs, std::floor(*c.lhs) == *c.lhs) : Json(nullptr);
    one["rhs"] = c.rhs ? NumberJson(*c.rhs, std::floor(*c.rhs) == *c.rhs) : Json(nullptr);
    if (c.status == "fail" && c.lhs && c.rhs) {
      double d = *c.lhs - *c.rhs;
      one["difference"] = NumberJson(d, std::floor(d) == d);
    }
    if (!c.note.empty()) one["note"] = c.note;
    j.push_back(one);
  }
  return j;
}

}  // namespace

std::string ToJson(const ReportV1& r, bool pretty) {
  Json j;
  j["schema_version"] = "1";
  j["source"] = {{"path", r.source.path},
                 {"sha256", r.source.sha256},
                 {"format", InputFormatName(r.source.format)}};
  if (!r.source.encoding.empty()) j["source"]["encoding"] = r.source.encoding;  // text inputs
  j["source"]["pages"] = r.source.pages;
  j["report"] = {{"title", r.report.title},
                 {"organ", r.report.organ},
                 {"year", r.report.year ? Json(*r.report.year) : Json(nullptr)},
                 {"published", r.report.published.empty() ? Json(nullptr)
                                                           : Json(r.report.published)},
                 {"template", r.report.template_name}};
  j["sections"] = SectionsJson(r.sections);
  j["tables"] = TablesJson(r);
  j["checks"] = ChecksJson(r.checks);
  Json issues = Json::array();
  for (const Issue& i : r.issues) {
    issues.push_back({{"severity", SeverityName(i.severity)}, {"code", i.code},
                      {"message", i.message}});
  }
  j["issues"] = issues;
  // Invalid UTF-8 from a broken input must not abort: replace it.
  return j.dump(pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace zfxxgk
