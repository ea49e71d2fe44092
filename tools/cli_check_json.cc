// `zfxxgk check --json`: the same information as one JSON document.
#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "schemas/report_set_json.h"
#include "tools/cli_check.h"

namespace zfxxgk {
namespace {

using Json = nlohmann::ordered_json;

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
  const SetPathOf path_of = [&batch](size_t i) -> const std::string& {
    return batch.reports[i].source.path;
  };
  for (const BodyFindings& body : batch.findings.bodies) {
    bodies.push_back(BodyFindingsJson(body, path_of));
  }
  Json unplaced = Json::array();
  for (size_t i : batch.findings.unplaced) unplaced.push_back(batch.reports[i].source.path);
  Json j{{"inputs", inputs},
         {"set", {{"bodies", bodies}, {"unplaced", unplaced}}},
         {"summary", SummaryJson(batch)}};
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace zfxxgk
