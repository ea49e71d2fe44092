// `zfxxgk check`: the report for people.
#include <cstddef>
#include <map>
#include <sstream>
#include <string>

#include "tools/cli_check.h"

namespace zfxxgk {
namespace {

std::string Candidates(const CellOut& c) {
  std::string out;
  if (c.candidate_absent) out = "none";
  for (const std::string& v : c.candidates) {
    out += (out.empty() ? "" : ", ") + (v.empty() ? std::string("blank") : v);
  }
  return out;
}

// "13", "blank", "-4 (text \"减4\")", "ambiguous \"77132470\" (1, 13, 132)".
std::string CellText(const CellOut& c) {
  if (c.status == CellStatus::kAmbiguous) {
    return "ambiguous \"" + c.raw + "\" (candidates " + Candidates(c) + ")";
  }
  if (c.status == CellStatus::kMissing) return "missing";
  if (c.value) {
    std::string s = FormatCheckNumber(*c.value);
    if (c.status != CellStatus::kNumber || c.raw != s) {
      s += std::string(" (") + CellStatusName(c.status) + " \"" + c.raw + "\")";
    }
    return s;
  }
  return std::string(CellStatusName(c.status)) + (c.raw.empty() ? "" : " \"" + c.raw + "\"");
}

std::string Year(const ReportMeta& meta) {
  return meta.year ? std::to_string(*meta.year) : std::string("(no year)");
}

void WriteChecks(const ReportV1& r, std::ostringstream& out) {
  std::map<std::string, int> counts;
  for (const CheckOut& c : r.checks) ++counts[c.status];
  out << "   identities: " << counts["pass"] << " pass, " << counts["not_checkable"]
      << " not_checkable, " << counts["fail"] << " fail\n";
  for (const CheckOut& c : r.checks) {
    if (c.status != "fail") continue;
    out << "   FAIL " << c.id << " at " << c.where;
    if (c.lhs && c.rhs) {
      out << ": lhs " << FormatCheckNumber(*c.lhs) << ", rhs " << FormatCheckNumber(*c.rhs)
          << ", difference " << FormatCheckNumber(*c.lhs - *c.rhs);
    }
    if (!IsHardIdentity(c.id)) out << " (prose check: does not set the exit status)";
    out << "\n";
  }
}

void WriteIssues(const ReportV1& r, std::ostringstream& out) {
  size_t others = 0;
  for (const Issue& i : r.issues) {
    if (!IsChoiceIssue(i.code)) {
      others += i.code != "identity_failed";
      continue;
    }
    out << "   " << i.code << " (" << SeverityName(i.severity) << "): " << i.message << "\n";
  }
  if (others > 0) out << "   (" << others << " other issue(s); see --json or extract)\n";
}

void WriteInput(const CheckBatch& batch, const CheckInput& input, std::ostringstream& out) {
  out << "== " << input.path << "\n";
  if (!input.report) {
    out << "   not extracted: " << input.error.ToString() << "\n";
    return;
  }
  const ReportV1& r = batch.reports[*input.report];
  out << "   template " << r.report.template_name << ", organ "
      << (r.report.organ.empty() ? std::string("(none)") : r.report.organ) << ", year "
      << Year(r.report) << "\n";
  WriteChecks(r, out);
  WriteIssues(r, out);
}

void WriteResolution(const CellResolution& res, std::ostringstream& out) {
  out << "      " << res.path << ": ambiguous in " << res.ambiguous_in << " ("
      << CellText(res.ambiguous) << "), resolved by " << res.resolved_by << ": "
      << CellText(res.determined)
      << (res.among_candidates ? " (one of the candidates)"
                               : " -- NOT one of the candidates: the inputs disagree")
      << "\n";
}

void WritePairs(const char* label, const std::vector<CellPair>& pairs,
                std::ostringstream& out) {
  for (const CellPair& p : pairs) {
    out << "      " << label << " " << p.path << ": " << CellText(p.first) << " vs "
        << CellText(p.second) << "\n";
  }
}

void WriteSameReport(const CheckBatch& batch, const SameReportComparison& cmp,
                     std::ostringstream& out) {
  const ReportV1& a = batch.reports[cmp.first];
  const ReportV1& b = batch.reports[cmp.second];
  out << "  same report " << Year(a.report) << ": " << a.source.path << " vs "
      << b.source.path << "\n";
  out << "    " << cmp.agreeing << " cells agree, " << cmp.disagreeing.size()
      << " disagree, " << cmp.resolved.size()
      << " ambiguous in one input and determined by the other, "
      << cmp.ambiguous_in_both.size() << " ambiguous in both, " << cmp.one_sided.size()
      << " in one input only\n";
  for (const std::string& d : cmp.metadata_differences) out << "      metadata " << d << "\n";
  WritePairs("disagree", cmp.disagreeing, out);
  for (const CellResolution& res : cmp.resolved) WriteResolution(res, out);
  WritePairs("ambiguous in both", cmp.ambiguous_in_both, out);
  WritePairs("in one input only", cmp.one_sided, out);
}

// "上年结转 0 (2022) vs 结转下年度 1 (2021); difference -1".
std::string X1Values(const CheckOut& c, int year) {
  if (!c.lhs || !c.rhs) return c.note;
  std::string s = "上年结转 " + FormatCheckNumber(*c.lhs) + " (" + std::to_string(year) +
                  ") vs 结转下年度 " + FormatCheckNumber(*c.rhs) + " (" +
                  std::to_string(year - 1) + ")";
  return c.note.empty() ? s : s + "; " + c.note;
}

std::string InForceValues(const CheckOut& c) {
  if (!c.lhs || !c.rhs) return c.note;
  std::string s = "现行有效 " + FormatCheckNumber(*c.lhs) + " vs last year's + 制发 - 废止 " +
                  FormatCheckNumber(*c.rhs);
  return c.note.empty() ? s : s + "; " + c.note;
}

void WriteYear(const YearLink& link, std::ostringstream& out) {
  out << "    " << link.year << ": ";
  if (link.status == YearLink::Status::kNoPreviousYear) {
    out << "no previous year (" << link.note << ")\n";
    return;
  }
  size_t passed = 0;
  for (const CheckOut& c : link.x1) passed += c.status == "pass";
  out << YearLinkStatusName(link.status) << " against " << *link.previous_year << " ("
      << passed << " of " << link.x1.size() << " columns pass)\n";
  for (const CheckOut& c : link.x1) {
    if (c.status == "pass") continue;
    out << "      " << (c.status == "fail" ? "FAIL " : "not_checkable ") << c.id << ": "
        << X1Values(c, link.year) << "\n";
  }
  for (const CheckOut& c : link.in_force) {
    out << "      table 二 (informational) " << c.id << ": " << c.status << " ("
        << InForceValues(c) << ")\n";
  }
}

void WriteBody(const CheckBatch& batch, const BodyFindings& body, std::ostringstream& out) {
  out << body.organ << ": " << body.reports.size() << " input(s); years";
  for (const YearLink& link : body.years) {
    out << " " << link.year;
    if (link.reports.size() > 1) out << " (" << link.reports.size() << " inputs)";
  }
  out << "\n";
  for (const SameReportComparison& cmp : body.same_report) WriteSameReport(batch, cmp, out);
  out << "  X.1 chain (上年结转 of year N = 结转下年度 of year N-1, per column):\n";
  for (const YearLink& link : body.years) WriteYear(link, out);
}

void WriteSummary(const CheckBatch& batch, std::ostringstream& out) {
  std::map<std::string, size_t> checks, links;
  size_t soft_fails = 0;
  for (const ReportV1& r : batch.reports) {
    for (const CheckOut& c : r.checks) {
      ++checks[c.status];
      soft_fails += c.status == "fail" && !IsHardIdentity(c.id);
    }
  }
  for (const BodyFindings& body : batch.findings.bodies) {
    for (const YearLink& link : body.years) ++links[YearLinkStatusName(link.status)];
  }
  out << "\nSummary: " << batch.inputs.size() << " input(s), " << batch.reports.size()
      << " extracted, " << batch.inputs.size() - batch.reports.size() << " not extracted; "
      << "report identities " << checks["pass"] << " pass, " << checks["not_checkable"]
      << " not_checkable, " << checks["fail"] << " fail (" << soft_fails
      << " of them prose checks P.1, not counted for the exit status); X.1 years " << links["pass"]
      << " pass, " << links["fail"] << " fail, " << links["not_checkable"]
      << " not_checkable, " << links["no_previous_year"] << " without a previous year; "
      << "exit status " << CheckExitStatus(batch) << "\n";
}

}  // namespace

std::string RenderCheckText(const CheckBatch& batch) {
  std::ostringstream out;
  for (const CheckInput& input : batch.inputs) WriteInput(batch, input, out);
  out << "\n== Set findings: " << batch.reports.size() << " report(s), "
      << batch.findings.bodies.size() << " body(ies)\n";
  for (const BodyFindings& body : batch.findings.bodies) WriteBody(batch, body, out);
  for (size_t i : batch.findings.unplaced) {
    out << "not placed in a body (no organ or no year): " << batch.reports[i].source.path
        << "\n";
  }
  WriteSummary(batch, out);
  return out.str();
}

}  // namespace zfxxgk
