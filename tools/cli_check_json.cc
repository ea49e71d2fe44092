// `zfxxgk check --json`: the same information as one JSON document.
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <map>
#include <string>

#include "tools/cli_check.h"

namespace zfxxgk {
namespace {

using Json = nlohmann::ordered_json;

Json Number(const std::optional<double>& v) {
  if (!v) return Json(nullptr);
  if (std::floor(*v) == *v && std::fabs(*v) < 9e15) {
    return Json(static_cast<int64_t>(std::llround(*v)));
  }
  return Json(*v);
}

Json CheckJson(const CheckOut& c) {
  Json j{{"id", c.id}, {"where", c.where}, {"status", c.status},
         {"lhs", Number(c.lhs)}, {"rhs", Number(c.rhs)}};
  if (c.lhs && c.rhs) j["difference"] = Number(*c.lhs - *c.rhs);
  if (!c.note.empty()) j["note"] = c.note;
  return j;
}

Json CellJson(const CellOut& c) {
  Json j{{"value", Number(c.value)}, {"raw", c.raw}, {"status", CellStatusName(c.status)}};
  if (c.status == CellStatus::kAmbiguous) {
    Json candidates = Json::array();
    if (c.candidate_absent) candidates.push_back(nullptr);
    for (const std::string& v : c.candidates) candidates.push_back(v);
    j["candidates"] = candidates;
  }
  return j;
}

Json ReportJson(const ReportV1& r) {
  std::map<std::string, int> counts;
  Json checks = Json::array();
  for (const CheckOut& c : r.checks) {
    ++counts[c.status];
    checks.push_back(CheckJson(c));
  }
  Json issues = Json::array();
  for (const Issue& i : r.issues) {
    issues.push_back({{"severity", SeverityName(i.severity)}, {"code", i.code},
                      {"message", i.message}});
  }
  return {{"title", r.report.title},
          {"organ", r.report.organ},
          {"year", r.report.year ? Json(*r.report.year) : Json(nullptr)},
          {"published", r.report.published.empty() ? Json(nullptr) : Json(r.report.published)},
          {"template", r.report.template_name},
          {"check_counts", {{"pass", counts["pass"]}, {"not_checkable", counts["not_checkable"]},
                            {"fail", counts["fail"]}}},
          {"checks", checks},
          {"issues", issues}};
}

Json InputJson(const CheckBatch& batch, const CheckInput& input) {
  Json j{{"path", input.path}, {"extracted", input.report.has_value()}};
  if (input.report) {
    j["report"] = ReportJson(batch.reports[*input.report]);
  } else {
    j["error"] = {{"code", StatusCodeName(input.error.code())},
                  {"message", input.error.message()}};
  }
  return j;
}

Json PairsJson(const std::vector<CellPair>& pairs) {
  Json j = Json::array();
  for (const CellPair& p : pairs) {
    j.push_back({{"path", p.path}, {"first", CellJson(p.first)}, {"second", CellJson(p.second)}});
  }
  return j;
}

Json SameReportJson(const CheckBatch& batch, const SameReportComparison& cmp) {
  Json resolved = Json::array();
  for (const CellResolution& r : cmp.resolved) {
    resolved.push_back({{"path", r.path}, {"ambiguous_in", r.ambiguous_in},
                        {"resolved_by", r.resolved_by}, {"ambiguous", CellJson(r.ambiguous)},
                        {"determined", CellJson(r.determined)},
                        {"among_candidates", r.among_candidates}});
  }
  return {{"first", batch.reports[cmp.first].source.path},
          {"second", batch.reports[cmp.second].source.path},
          {"agreeing", cmp.agreeing},
          {"disagreeing", PairsJson(cmp.disagreeing)},
          {"resolved", resolved},
          {"ambiguous_in_both", PairsJson(cmp.ambiguous_in_both)},
          {"one_sided", PairsJson(cmp.one_sided)},
          {"metadata_differences", cmp.metadata_differences}};
}

Json ChecksJson(const std::vector<CheckOut>& checks) {
  Json j = Json::array();
  for (const CheckOut& c : checks) j.push_back(CheckJson(c));
  return j;
}

Json YearJson(const CheckBatch& batch, const YearLink& link) {
  Json inputs = Json::array();
  for (size_t i : link.reports) inputs.push_back(batch.reports[i].source.path);
  Json j{{"year", link.year},
         {"inputs", inputs},
         {"previous_year", link.previous_year ? Json(*link.previous_year) : Json(nullptr)},
         {"status", YearLinkStatusName(link.status)}};
  if (!link.note.empty()) j["note"] = link.note;
  j["x1"] = ChecksJson(link.x1);
  j["in_force"] = ChecksJson(link.in_force);
  return j;
}

Json BodyJson(const CheckBatch& batch, const BodyFindings& body) {
  Json inputs = Json::array();
  for (size_t i : body.reports) inputs.push_back(batch.reports[i].source.path);
  Json same = Json::array();
  for (const SameReportComparison& cmp : body.same_report) {
    same.push_back(SameReportJson(batch, cmp));
  }
  Json years = Json::array();
  for (const YearLink& link : body.years) years.push_back(YearJson(batch, link));
  return {{"organ", body.organ}, {"key", body.key}, {"inputs", inputs},
          {"same_report", same}, {"years", years}};
}

Json SummaryJson(const CheckBatch& batch) {
  size_t hard = 0, soft = 0, x1 = 0;
  for (const ReportV1& r : batch.reports) {
    for (const CheckOut& c : r.checks) {
      if (c.status != "fail") continue;
      (IsHardIdentity(c.id) ? hard : soft) += 1;
    }
  }
  for (const BodyFindings& body : batch.findings.bodies) {
    for (const YearLink& link : body.years) {
      for (const CheckOut& c : link.x1) x1 += c.status == "fail";
    }
  }
  return {{"inputs", batch.inputs.size()},
          {"extracted", batch.reports.size()},
          {"not_extracted", batch.inputs.size() - batch.reports.size()},
          {"report_identity_failures", hard},
          {"prose_check_failures", soft},
          {"x1_failures", x1},
          {"exit_status", CheckExitStatus(batch)}};
}

}  // namespace

std::string RenderCheckJson(const CheckBatch& batch) {
  Json inputs = Json::array();
  for (const CheckInput& input : batch.inputs) inputs.push_back(InputJson(batch, input));
  Json bodies = Json::array();
  for (const BodyFindings& body : batch.findings.bodies) bodies.push_back(BodyJson(batch, body));
  Json unplaced = Json::array();
  for (size_t i : batch.findings.unplaced) unplaced.push_back(batch.reports[i].source.path);
  Json j{{"inputs", inputs},
         {"set", {{"bodies", bodies}, {"unplaced", unplaced}}},
         {"summary", SummaryJson(batch)}};
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace zfxxgk
