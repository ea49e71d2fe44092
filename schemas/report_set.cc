// Set findings: same-report comparison and the cross-year identity X.1.
#include "schemas/report_set.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cmath>
#include <cstdint>
#include <map>
#include <utility>

#include "pipeline/normalize.h"
#include "schemas/cell_index.h"
#include "schemas/template.h"

namespace zfxxgk {
namespace {

constexpr double kEpsilon = 1e-9;
constexpr const char* kArt20Rows[] = {"regulations", "normative_documents"};

std::string FormatNumber(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  std::string s = std::to_string(v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

const CellOut* FindCell(const ReportV1& report, const std::string& path) {
  for (const auto& [p, cell] : report.cells) {
    if (p == path) return &cell;
  }
  return nullptr;
}

bool IsMissing(const CellOut* c) { return c == nullptr || c->status == CellStatus::kMissing; }
bool IsAmbiguous(const CellOut* c) { return c != nullptr && c->status == CellStatus::kAmbiguous; }

// Two determined cells say the same thing: equal values, or no value and
// the same status (blank is not 0, "/" is not "-").
bool SameReading(const CellOut& a, const CellOut& b) {
  if (a.value && b.value) return std::fabs(*a.value - *b.value) < kEpsilon;
  if (a.value || b.value) return false;
  if (a.status != b.status) return false;
  return a.status != CellStatus::kText || NormalizeForMatch(a.raw) == NormalizeForMatch(b.raw);
}

bool AmongCandidates(const CellOut& ambiguous, const CellOut& determined) {
  for (const std::string& candidate : ambiguous.candidates) {
    if (SameReading(ParseCellText(candidate), determined)) return true;
  }
  return false;
}

CellResolution Resolution(const std::string& path, const ReportV1& amb_report,
                          const CellOut& amb, const ReportV1& det_report,
                          const CellOut& det) {
  CellResolution r;
  r.path = path;
  r.ambiguous_in = amb_report.source.path;
  r.resolved_by = det_report.source.path;
  r.ambiguous = amb;
  r.determined = det;
  r.among_candidates = AmongCandidates(amb, det);
  return r;
}

CellOut OrMissing(const CellOut* c) { return c ? *c : CellOut{}; }

// Sorts one path of the pair into the comparison's buckets.
void ComparePath(const std::string& path, const CellOut* a, const CellOut* b,
                 const ReportV1& ra, const ReportV1& rb, SameReportComparison& out) {
  if (IsMissing(a) && IsMissing(b)) return;
  if (IsMissing(a) || IsMissing(b)) {
    out.one_sided.push_back({path, OrMissing(a), OrMissing(b)});
  } else if (IsAmbiguous(a) && IsAmbiguous(b)) {
    out.ambiguous_in_both.push_back({path, *a, *b});
  } else if (IsAmbiguous(a)) {
    out.resolved.push_back(Resolution(path, ra, *a, rb, *b));
  } else if (IsAmbiguous(b)) {
    out.resolved.push_back(Resolution(path, rb, *b, ra, *a));
  } else if (SameReading(*a, *b)) {
    ++out.agreeing;
  } else {
    out.disagreeing.push_back({path, *a, *b});
  }
}

std::string YearText(const std::optional<int>& year) {
  return year ? std::to_string(*year) : "none";
}

std::vector<std::string> MetadataDifferences(const ReportMeta& a, const ReportMeta& b) {
  std::vector<std::string> out;
  auto differ = [&out](const char* key, const std::string& x, const std::string& y) {
    if (x != y) out.push_back(std::string(key) + ": " + x + " vs " + y);
  };
  differ("template", a.template_name, b.template_name);
  differ("organ", a.organ, b.organ);
  differ("year", YearText(a.year), YearText(b.year));
  differ("published", a.published, b.published);
  return out;
}

// A cell of one year, read over the year's inputs.
struct YearValue {
  std::optional<double> value;
  std::string problem;  // why there is no number, when value is empty
  std::string from;     // source.path of the input that gave the value
};

YearValue ReadYearCell(const std::vector<ReportV1>& reports, const std::vector<size_t>& inputs,
                       const std::string& path) {
  YearValue out;
  std::string statuses;
  for (size_t i : inputs) {
    const CellOut* c = FindCell(reports[i], path);
    const std::string& src = reports[i].source.path;
    if (c == nullptr || !c->value) {
      statuses += (statuses.empty() ? "" : ", ") +
                  std::string(c ? CellStatusName(c->status) : "missing") + " in " + src;
      continue;
    }
    if (!out.value) {
      out.value = c->value;
      out.from = src;
    } else if (std::fabs(*out.value - *c->value) >= kEpsilon) {
      out.problem = "inputs disagree (" + FormatNumber(*out.value) + " in " + out.from + ", " +
                    FormatNumber(*c->value) + " in " + src + ")";
    }
  }
  if (!out.value) out.problem = statuses;
  if (!out.problem.empty()) out.value.reset();
  return out;
}

// Says where a value came from when the year's first input did not give it.
std::string ValueSource(const YearValue& v, const std::vector<ReportV1>& reports,
                       const std::vector<size_t>& inputs, int year) {
  if (inputs.size() < 2 || v.from == reports[inputs.front()].source.path) return "";
  return std::to_string(year) + " value read from " + v.from;
}

void Append(std::string& note, const std::string& part) {
  if (part.empty()) return;
  note += (note.empty() ? "" : "; ") + part;
}

}  // namespace

std::string NormalizeOrgan(std::string_view organ) {
  std::string folded = NormalizeForMatch(organ);
  std::string out;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(folded.size());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(folded.data(), i, n, c);
    if (c >= 0 && u_ispunct(c)) continue;
    out.append(folded, static_cast<size_t>(start), static_cast<size_t>(i - start));
  }
  return out;
}

const char* YearLinkStatusName(YearLink::Status status) {
  switch (status) {
    case YearLink::Status::kPass: return "pass";
    case YearLink::Status::kFail: return "fail";
    case YearLink::Status::kNotCheckable: return "not_checkable";
    case YearLink::Status::kNoPreviousYear: return "no_previous_year";
  }
  return "no_previous_year";
}

SameReportComparison CompareSameReport(const std::vector<ReportV1>& reports, size_t first,
                                       size_t second) {
  SameReportComparison out;
  out.first = first;
  out.second = second;
  const ReportV1& ra = reports[first];
  const ReportV1& rb = reports[second];
  const CellIndex a(ra.cells);
  const CellIndex b(rb.cells);
  for (const auto& [path, cell] : ra.cells) ComparePath(path, &cell, b.Find(path), ra, rb, out);
  for (const auto& [path, cell] : rb.cells) {
    if (a.Find(path) == nullptr) ComparePath(path, nullptr, &cell, ra, rb, out);
  }
  out.metadata_differences = MetadataDifferences(ra.report, rb.report);
  return out;
}

namespace {

using YearInputs = std::map<int, std::vector<size_t>>;

CheckOut CheckX1(const std::vector<ReportV1>& reports, const YearInputs& years, int year,
                 const std::string& column) {
  const std::vector<size_t>& now = years.at(year);
  const std::vector<size_t>& prev = years.at(year - 1);
  const std::string lhs_path = "applications.carried_over." + column;
  const std::string rhs_path = "applications.carried_forward." + column;
  CheckOut check{"X.1 " + column,
                 lhs_path + " (" + std::to_string(year) + ") = " + rhs_path + " (" +
                     std::to_string(year - 1) + ")",
                 "pass", std::nullopt, std::nullopt, ""};
  YearValue lhs = ReadYearCell(reports, now, lhs_path);
  YearValue rhs = ReadYearCell(reports, prev, rhs_path);
  if (!lhs.value || !rhs.value) {
    check.status = "not_checkable";
    if (!lhs.value) {
      Append(check.note, lhs_path + " of " + std::to_string(year) + ": " + lhs.problem);
    }
    if (!rhs.value) {
      Append(check.note, rhs_path + " of " + std::to_string(year - 1) + ": " + rhs.problem);
    }
    return check;
  }
  check.lhs = lhs.value;
  check.rhs = rhs.value;
  if (std::fabs(*lhs.value - *rhs.value) >= kEpsilon) {
    check.status = "fail";
    check.note = "difference " + FormatNumber(*lhs.value - *rhs.value);
  }
  Append(check.note, ValueSource(lhs, reports, now, year));
  Append(check.note, ValueSource(rhs, reports, prev, year - 1));
  return check;
}

bool YearHasPath(const std::vector<ReportV1>& reports, const std::vector<size_t>& inputs,
                 const std::string& path) {
  for (size_t i : inputs) {
    if (FindCell(reports[i], path) != nullptr) return true;
  }
  return false;
}

CheckOut CheckInForce(const std::vector<ReportV1>& reports, const YearInputs& years, int year,
                      const std::string& row) {
  const std::vector<size_t>& now = years.at(year);
  const std::vector<size_t>& prev = years.at(year - 1);
  const std::string base = "active_disclosure.art20_item1." + row + ".";
  CheckOut check{"in_force " + row,
                 base + "in_force_count (" + std::to_string(year) + ") vs in_force_count (" +
                     std::to_string(year - 1) + ") + issued_count - repealed_count (" +
                     std::to_string(year) + ")",
                 "agrees", std::nullopt, std::nullopt, ""};
  if (!YearHasPath(reports, prev, base + "in_force_count")) {
    check.status = "not_checkable";
    check.note = std::to_string(year - 1) + " has no in_force_count (not gov_2021 keys)";
    return check;
  }
  struct Term { int year; const std::vector<size_t>* inputs; const char* column; };
  const Term terms[] = {{year, &now, "in_force_count"}, {year - 1, &prev, "in_force_count"},
                        {year, &now, "issued_count"}, {year, &now, "repealed_count"}};
  double v[4] = {0, 0, 0, 0};
  for (int t = 0; t < 4; ++t) {
    YearValue y = ReadYearCell(reports, *terms[t].inputs, base + terms[t].column);
    if (y.value) {
      v[t] = *y.value;
    } else {
      Append(check.note, base + terms[t].column + " of " + std::to_string(terms[t].year) +
                             ": " + y.problem);
    }
  }
  if (!check.note.empty()) {
    check.status = "not_checkable";
    return check;
  }
  check.lhs = v[0];
  check.rhs = v[1] + v[2] - v[3];
  if (std::fabs(*check.lhs - *check.rhs) >= kEpsilon) {
    check.status = "differs";
    check.note = "difference " + FormatNumber(*check.lhs - *check.rhs) +
                 " (revisions, expiries or re-counts; informational)";
  }
  return check;
}

YearLink::Status Aggregate(const std::vector<CheckOut>& x1) {
  bool not_checkable = false;
  for (const CheckOut& c : x1) {
    if (c.status == "fail") return YearLink::Status::kFail;
    if (c.status == "not_checkable") not_checkable = true;
  }
  return not_checkable ? YearLink::Status::kNotCheckable : YearLink::Status::kPass;
}

YearLink LinkYear(const std::vector<ReportV1>& reports, const YearInputs& years, int year) {
  YearLink link;
  link.year = year;
  link.reports = years.at(year);
  if (years.count(year - 1) == 0) {
    link.status = YearLink::Status::kNoPreviousYear;
    link.note = years.begin()->first == year
                    ? std::string("first year in the set")
                    : std::to_string(year - 1) + " not in the set";
    return link;
  }
  link.previous_year = year - 1;
  for (const ColumnSpec& col : Gov2021Template().application_columns) {
    link.x1.push_back(CheckX1(reports, years, year, col.key));
  }
  link.status = Aggregate(link.x1);
  const std::string issued = "active_disclosure.art20_item1.regulations.issued_count";
  if (YearHasPath(reports, link.reports, issued)) {
    for (const char* row : kArt20Rows) {
      link.in_force.push_back(CheckInForce(reports, years, year, row));
    }
  }
  return link;
}

void FillBody(const std::vector<ReportV1>& reports, BodyFindings& body) {
  YearInputs years;
  for (size_t i : body.reports) years[*reports[i].report.year].push_back(i);
  for (const auto& [year, inputs] : years) {
    for (size_t a = 0; a < inputs.size(); ++a) {
      for (size_t b = a + 1; b < inputs.size(); ++b) {
        body.same_report.push_back(CompareSameReport(reports, inputs[a], inputs[b]));
      }
    }
    body.years.push_back(LinkYear(reports, years, year));
  }
}

}  // namespace

SetFindings AnalyzeReportSet(const std::vector<ReportV1>& reports) {
  SetFindings out;
  std::map<std::string, size_t> body_of_key;
  for (size_t i = 0; i < reports.size(); ++i) {
    const ReportMeta& meta = reports[i].report;
    std::string key = NormalizeOrgan(meta.organ);
    if (key.empty() || !meta.year) {
      out.unplaced.push_back(i);
      continue;
    }
    auto [it, inserted] = body_of_key.emplace(key, out.bodies.size());
    if (inserted) {
      BodyFindings body;
      body.organ = meta.organ;
      body.key = key;
      out.bodies.push_back(std::move(body));
    }
    out.bodies[it->second].reports.push_back(i);
  }
  for (BodyFindings& body : out.bodies) FillBody(reports, body);
  return out;
}

}  // namespace zfxxgk
