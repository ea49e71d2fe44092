#include "schemas/report_set_json.h"

#include <cmath>
#include <cstdint>
#include <vector>

namespace zfxxgk {
namespace {

SetJson PairsJson(const std::vector<CellPair>& pairs) {
  SetJson j = SetJson::array();
  for (const CellPair& p : pairs) {
    j.push_back({{"path", p.path}, {"first", CellJson(p.first)}, {"second", CellJson(p.second)}});
  }
  return j;
}

SetJson SameReportJson(const SameReportComparison& cmp, const SetPathOf& path_of) {
  SetJson resolved = SetJson::array();
  for (const CellResolution& r : cmp.resolved) {
    resolved.push_back({{"path", r.path}, {"ambiguous_in", r.ambiguous_in},
                        {"resolved_by", r.resolved_by}, {"ambiguous", CellJson(r.ambiguous)},
                        {"determined", CellJson(r.determined)},
                        {"among_candidates", r.among_candidates}});
  }
  return {{"first", path_of(cmp.first)},
          {"second", path_of(cmp.second)},
          {"agreeing", cmp.agreeing},
          {"disagreeing", PairsJson(cmp.disagreeing)},
          {"resolved", resolved},
          {"ambiguous_in_both", PairsJson(cmp.ambiguous_in_both)},
          {"one_sided", PairsJson(cmp.one_sided)},
          {"metadata_differences", cmp.metadata_differences}};
}

SetJson PathsJson(const std::vector<size_t>& indices, const SetPathOf& path_of) {
  SetJson j = SetJson::array();
  for (size_t i : indices) j.push_back(path_of(i));
  return j;
}

SetJson ChecksJson(const std::vector<CheckOut>& checks) {
  SetJson j = SetJson::array();
  for (const CheckOut& c : checks) j.push_back(CheckJson(c));
  return j;
}

SetJson YearLinkJson(const YearLink& link, const SetPathOf& path_of) {
  SetJson j{{"year", link.year},
            {"inputs", PathsJson(link.reports, path_of)},
            {"previous_year", link.previous_year ? SetJson(*link.previous_year) : SetJson(nullptr)},
            {"status", YearLinkStatusName(link.status)}};
  if (!link.note.empty()) j["note"] = link.note;
  j["x1"] = ChecksJson(link.x1);
  j["in_force"] = ChecksJson(link.in_force);
  return j;
}

}  // namespace

SetJson OptionalNumberJson(const std::optional<double>& v) {
  if (!v) return SetJson(nullptr);
  if (std::floor(*v) == *v && std::fabs(*v) < 9e15) {
    return SetJson(static_cast<int64_t>(std::llround(*v)));
  }
  return SetJson(*v);
}

SetJson CheckJson(const CheckOut& c) {
  SetJson j{{"id", c.id}, {"where", c.where}, {"status", c.status},
            {"lhs", OptionalNumberJson(c.lhs)}, {"rhs", OptionalNumberJson(c.rhs)}};
  if (c.lhs && c.rhs) j["difference"] = OptionalNumberJson(*c.lhs - *c.rhs);
  if (!c.note.empty()) j["note"] = c.note;
  return j;
}

SetJson CellJson(const CellOut& c) {
  SetJson j{{"value", OptionalNumberJson(c.value)}, {"raw", c.raw},
            {"status", CellStatusName(c.status)}};
  if (c.status == CellStatus::kAmbiguous) {
    SetJson candidates = SetJson::array();
    if (c.candidate_absent) candidates.push_back(nullptr);
    for (const std::string& v : c.candidates) candidates.push_back(v);
    j["candidates"] = candidates;
  }
  return j;
}

SetJson BodyFindingsJson(const BodyFindings& body, const SetPathOf& path_of) {
  SetJson same = SetJson::array();
  for (const SameReportComparison& cmp : body.same_report) {
    same.push_back(SameReportJson(cmp, path_of));
  }
  SetJson years = SetJson::array();
  for (const YearLink& link : body.years) years.push_back(YearLinkJson(link, path_of));
  return {{"organ", body.organ}, {"key", body.key}, {"inputs", PathsJson(body.reports, path_of)},
          {"same_report", same}, {"years", years}};
}

}  // namespace zfxxgk
