// One body of set findings as indented JSON, streamed.
#include "pipeline/batch_findings_json.h"

#include <string_view>
#include <vector>

#include "schemas/json_writer.h"
#include "schemas/report_json.h"

namespace zfxxgk {
namespace {

void Cell(JsonWriter& w, const CellOut& c) {
  w.BeginObject();
  w.PlainKey("value"), WriteOptionalNumberJson(w, c.value);
  w.PlainKey("raw"), w.String(c.raw);
  w.PlainKey("status"), w.String(CellStatusName(c.status));
  if (c.status == CellStatus::kAmbiguous) {
    w.PlainKey("candidates"), w.BeginArray();
    if (c.candidate_absent) w.Null();
    for (const std::string& v : c.candidates) w.String(v);
    w.EndArray();
  }
  w.EndObject();
}

void Pairs(JsonWriter& w, const std::vector<CellPair>& pairs) {
  w.BeginArray();
  for (const CellPair& p : pairs) {
    w.BeginObject();
    w.PlainKey("path"), w.String(p.path);
    w.PlainKey("first"), Cell(w, p.first);
    w.PlainKey("second"), Cell(w, p.second);
    w.EndObject();
  }
  w.EndArray();
}

void Resolved(JsonWriter& w, const std::vector<CellResolution>& resolved) {
  w.BeginArray();
  for (const CellResolution& r : resolved) {
    w.BeginObject();
    w.PlainKey("path"), w.String(r.path);
    w.PlainKey("ambiguous_in"), w.String(r.ambiguous_in);
    w.PlainKey("resolved_by"), w.String(r.resolved_by);
    w.PlainKey("ambiguous"), Cell(w, r.ambiguous);
    w.PlainKey("determined"), Cell(w, r.determined);
    w.PlainKey("among_candidates"), w.Bool(r.among_candidates);
    w.EndObject();
  }
  w.EndArray();
}

void SameReport(JsonWriter& w, const SameReportComparison& cmp, const BatchPathOf& path_of) {
  w.BeginObject();
  w.PlainKey("first"), w.String(path_of(cmp.first));
  w.PlainKey("second"), w.String(path_of(cmp.second));
  w.PlainKey("agreeing"), w.Int(cmp.agreeing);
  w.PlainKey("disagreeing"), Pairs(w, cmp.disagreeing);
  w.PlainKey("resolved"), Resolved(w, cmp.resolved);
  w.PlainKey("ambiguous_in_both"), Pairs(w, cmp.ambiguous_in_both);
  w.PlainKey("one_sided"), Pairs(w, cmp.one_sided);
  w.PlainKey("metadata_differences"), w.BeginArray();
  for (const std::string& d : cmp.metadata_differences) w.String(d);
  w.EndArray();
  w.EndObject();
}

void Paths(JsonWriter& w, const std::vector<size_t>& indices, const BatchPathOf& path_of) {
  w.BeginArray();
  for (size_t i : indices) w.String(path_of(i));
  w.EndArray();
}

void Year(JsonWriter& w, const YearLink& link, const BatchPathOf& path_of) {
  w.BeginObject();
  w.PlainKey("year"), w.Int(link.year);
  w.PlainKey("inputs"), Paths(w, link.reports, path_of);
  w.PlainKey("previous_year");
  if (link.previous_year) {
    w.Int(*link.previous_year);
  } else {
    w.Null();
  }
  w.PlainKey("status"), w.String(YearLinkStatusName(link.status));
  if (!link.note.empty()) w.PlainKey("note"), w.String(link.note);
  w.PlainKey("x1"), WriteChecksJson(w, link.x1, CheckDifference::kWhenBothNumbers);
  w.PlainKey("in_force"), WriteChecksJson(w, link.in_force, CheckDifference::kWhenBothNumbers);
  w.EndObject();
}

}  // namespace

void AppendBodyFindingsJson(const BodyFindings& body, const BatchPathOf& path_of, size_t indent,
                            std::string& out) {
  // Member names are literals: PlainKey.
  JsonWriter w(/*pretty=*/true);
  w.SetBaseIndent(indent);
  w.BeginObject();
  w.PlainKey("organ"), w.String(body.organ);
  w.PlainKey("key"), w.String(body.key);
  w.PlainKey("inputs"), Paths(w, body.reports, path_of);
  w.PlainKey("same_report"), w.BeginArray();
  for (const SameReportComparison& cmp : body.same_report) SameReport(w, cmp, path_of);
  w.EndArray();
  w.PlainKey("years"), w.BeginArray();
  for (const YearLink& link : body.years) Year(w, link, path_of);
  w.EndArray();
  w.EndObject();
  out.append(w.Take());
}

}  // namespace zfxxgk
