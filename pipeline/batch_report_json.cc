// ReportFromJson: the inverse of ToJson (schemas/report_json.cc).
#include "pipeline/batch_report_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>

namespace zfxxgk {
namespace {

using Json = nlohmann::ordered_json;

std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

InputFormat FormatFromName(const std::string& name) {
  if (name == "html") return InputFormat::kHtml;
  if (name == "text") return InputFormat::kText;
  if (name == "pdf") return InputFormat::kPdf;
  if (name == "image") return InputFormat::kImage;
  return InputFormat::kUnknown;
}

CellStatus CellStatusFromName(const std::string& name) {
  for (CellStatus s : {CellStatus::kNumber, CellStatus::kBlank, CellStatus::kDash,
                       CellStatus::kNotApplicable, CellStatus::kText, CellStatus::kMissing,
                       CellStatus::kAmbiguous}) {
    if (name == CellStatusName(s)) return s;
  }
  return CellStatus::kMissing;
}

Severity SeverityFromName(const std::string& name) {
  if (name == "error") return Severity::kError;
  if (name == "info") return Severity::kInfo;
  return Severity::kWarning;
}

std::optional<double> Number(const Json& j) {
  if (!j.is_number()) return std::nullopt;
  return j.get<double>();
}

bool IsCell(const Json& j) {
  return j.is_object() && j.contains("status") && j["status"].is_string() &&
         j.contains("raw");
}

// A cell's "source" (line, table, row, col; page and box of PDF and scanned
// pages) over `prov`.
Provenance SourceFromJson(const Json& s, Provenance prov) {
  auto get = [&s](const char* key, int& out) {
    if (s.contains(key) && s[key].is_number_integer()) out = s[key].get<int>();
  };
  get("line", prov.line);
  get("table", prov.table);
  get("row", prov.row);
  get("col", prov.col);
  int page = 0;
  get("page", page);
  if (page > 0) prov.page = page - 1;
  const Json* b = s.contains("box") ? &s["box"] : nullptr;
  if (b && b->is_array() && b->size() == 4 &&
      std::all_of(b->begin(), b->end(), [](const Json& v) { return v.is_number(); })) {
    prov.bbox = {(*b)[0].get<double>(), (*b)[1].get<double>(), (*b)[2].get<double>(),
                 (*b)[3].get<double>()};
  }
  return prov;
}

CellOut CellFromJson(const Json& j) {
  CellOut c;
  c.status = CellStatusFromName(Str(j, "status"));
  c.raw = Str(j, "raw");
  c.unit = Str(j, "unit");
  if (j.contains("value")) {
    c.value = Number(j["value"]);
    c.integral = !j["value"].is_number_float();
  }
  if (j.contains("candidates") && j["candidates"].is_array()) {
    for (const Json& k : j["candidates"]) {
      if (k.is_null()) c.candidate_absent = true;
      if (k.is_string()) c.candidates.push_back(k.get<std::string>());
    }
  }
  if (j.contains("confidence") && j["confidence"].is_number()) {
    c.prov.confidence = j["confidence"].get<double>();
  }
  if (j.contains("source") && j["source"].is_object()) c.prov = SourceFromJson(j["source"], c.prov);
  return c;
}

void ExtraFromJson(const std::string& table, const Json& rows, ReportV1& report) {
  for (const Json& row : rows) {
    if (!row.is_object()) continue;
    ExtraRowOut extra;
    extra.table = table;
    extra.label = Str(row, "label");
    if (row.contains("cells") && row["cells"].is_object()) {
      for (const auto& [key, cell] : row["cells"].items()) {
        extra.cells.emplace_back(key, CellFromJson(cell));
      }
    }
    report.extra.push_back(std::move(extra));
  }
}

// Walks `node` depth-first in key order, collecting the cells below `prefix`.
void CellsFromJson(const Json& node, const std::string& prefix, ReportV1& report) {
  for (const auto& [key, child] : node.items()) {
    const std::string path = prefix.empty() ? key : prefix + "." + key;
    if (prefix.find('.') == std::string::npos && !prefix.empty() && key == "extra" &&
        child.is_array()) {
      ExtraFromJson(prefix, child, report);
    } else if (IsCell(child)) {
      report.cells.emplace_back(path, CellFromJson(child));
    } else if (child.is_object()) {
      CellsFromJson(child, path, report);
    }
  }
}

CheckOut CheckFromJson(const Json& j) {
  CheckOut c;
  c.id = Str(j, "id");
  c.where = Str(j, "where");
  c.status = Str(j, "status");
  if (j.contains("lhs")) c.lhs = Number(j["lhs"]);
  if (j.contains("rhs")) c.rhs = Number(j["rhs"]);
  c.note = Str(j, "note");
  return c;
}

void MetaFromJson(const Json& j, ReportV1& r) {
  if (j.contains("source") && j["source"].is_object()) {
    const Json& s = j["source"];
    r.source.path = Str(s, "path");
    r.source.sha256 = Str(s, "sha256");
    r.source.format = FormatFromName(Str(s, "format"));
    r.source.encoding = Str(s, "encoding");
    if (s.contains("pages") && s["pages"].is_number_integer()) r.source.pages = s["pages"];
    if (s.contains("page_methods") && s["page_methods"].is_array()) {
      for (const Json& m : s["page_methods"]) {
        if (m.is_string()) r.source.page_methods.push_back(m.get<std::string>());
      }
    }
  }
  if (j.contains("report") && j["report"].is_object()) {
    const Json& m = j["report"];
    r.report.title = Str(m, "title");
    r.report.organ = Str(m, "organ");
    if (m.contains("year") && m["year"].is_number_integer()) r.report.year = m["year"].get<int>();
    r.report.published = Str(m, "published");
    r.report.template_name = Str(m, "template");
  }
}

}  // namespace

StatusOr<ReportV1> ReportFromJson(std::string_view text) {
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || Str(j, "schema_version") != "1") {
    return Status(StatusCode::kInvalidArgument, "not a schema_version \"1\" report");
  }
  ReportV1 r;
  MetaFromJson(j, r);
  if (j.contains("sections") && j["sections"].is_object()) {
    for (const auto& [key, s] : j["sections"].items()) {
      r.sections.push_back({key, Str(s, "heading"), Str(s, "text")});
    }
  }
  if (j.contains("tables") && j["tables"].is_object()) CellsFromJson(j["tables"], "", r);
  if (j.contains("checks") && j["checks"].is_array()) {
    for (const Json& c : j["checks"]) r.checks.push_back(CheckFromJson(c));
  }
  if (j.contains("issues") && j["issues"].is_array()) {
    for (const Json& i : j["issues"]) {
      r.issues.push_back({SeverityFromName(Str(i, "severity")), Str(i, "code"),
                          Str(i, "message")});
    }
  }
  return r;
}

}  // namespace zfxxgk
