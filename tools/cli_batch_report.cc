// `zfxxgk batch`: the progress line and the final summary.
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <sstream>

#include "tools/cli_batch.h"

namespace zfxxgk {
namespace {

using Json = nlohmann::ordered_json;

constexpr size_t kListed = 20;  // failed inputs and failing links shown in the text

std::string Duration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "?";
  const long s = std::lround(seconds);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  }
  return buf;
}

std::string Counts(const std::map<std::string, size_t>& counts) {
  std::string out;
  for (const auto& [key, n] : counts) {
    out += (out.empty() ? "" : ", ") + key + " " + std::to_string(n);
  }
  return out.empty() ? "-" : out;
}

void X1Text(const BatchSummary& s, std::ostringstream& out) {
  const YearLinkCounts& n = s.set.counts;
  out << "  X.1 across years: " << n.bodies << " bodies, " << n.links << " year links: "
      << n.pass << " pass, " << n.fail << " fail, " << n.not_checkable << " not checkable; "
      << n.no_previous_year << " without a previous year; " << n.same_report_pairs
      << " same-report pairs; " << n.unplaced << " reports without organ or year\n";
  if (n.not_compared > 0) {
    out << "    " << n.not_compared << " inputs beyond the first of their body and year not "
        << "compared (see not_compared in the findings)\n";
  }
  for (const std::string& line : s.set.failing_x1) out << "    fail " << line << "\n";
  if (n.x1_checks_failed > s.set.failing_x1.size()) {
    out << "    ... " << (n.x1_checks_failed - s.set.failing_x1.size())
        << " more failing X.1 checks (see the findings)\n";
  }
}

}  // namespace

std::string RenderBatchProgress(const BatchProgress& p) {
  const double rate = p.seconds > 0 ? static_cast<double>(p.done) / p.seconds : 0;
  const double eta = rate > 0 ? static_cast<double>(p.total - p.done) / rate : NAN;
  char buf[160];
  std::snprintf(buf, sizeof buf, "%zu/%zu %.1f%% %.1f/s ETA %s failed %zu%s", p.done, p.total,
                p.total ? 100.0 * static_cast<double>(p.done) / static_cast<double>(p.total) : 100.0,
                rate, Duration(eta).c_str(), p.failed,
                p.skipped ? (" skipped " + std::to_string(p.skipped)).c_str() : "");
  return buf;
}

std::string RenderBatchSummaryText(const BatchSummary& s) {
  std::ostringstream out;
  const double rate = s.seconds > 0 ? static_cast<double>(s.extracted) / s.seconds : 0;
  char head[256];
  std::snprintf(head, sizeof head,
                "zfxxgk batch: %zu inputs: %zu converted, %zu already done, %zu failed "
                "(%.1f s, %.1f reports/s, %d workers)\n",
                s.inputs, s.extracted, s.skipped, s.failed, s.seconds, rate, s.jobs);
  out << head;
  out << "  by format:   " << Counts(s.by_format) << "\n";
  out << "  by template: " << Counts(s.by_template) << "\n";
  out << "  by status:   " << Counts(s.by_status) << "\n";
  if (!s.failures.empty()) {
    out << "  failed inputs (" << s.failures.size() << "; " << Counts(s.by_error) << "):\n";
    for (size_t i = 0; i < s.failures.size() && i < kListed; ++i) {
      out << "    " << s.failures[i].first << ": " << s.failures[i].second << "\n";
    }
    if (s.failures.size() > kListed) {
      out << "    ... " << (s.failures.size() - kListed) << " more (see the summary JSON)\n";
    }
  }
  out << "  failing identities: " << s.reports_with_failing_identity << " reports";
  if (!s.failing_identities.empty()) out << " (" << Counts(s.failing_identities) << ")";
  out << "\n";
  for (const auto& [id, paths] : s.failing_examples) {
    out << "    " << id << ": " << paths.front();
    if (s.failing_identities.at(id) > 1) out << " and " << (s.failing_identities.at(id) - 1) << " more";
    out << "\n";
  }
  X1Text(s, out);
  if (s.journal_lines_skipped > 0) {
    out << "  journal: " << s.journal_lines_skipped << " unreadable lines ignored\n";
  }
  return out.str();
}

std::string RenderBatchSummaryJson(const BatchSummary& s) {
  Json failures = Json::array();
  for (const auto& [path, error] : s.failures) failures.push_back({{"path", path}, {"error", error}});
  Json identities = Json::object();
  for (const auto& [id, n] : s.failing_identities) {
    identities[id] = {{"reports", n}, {"examples", s.failing_examples.at(id)}};
  }
  const YearLinkCounts& n = s.set.counts;
  Json j{{"inputs", s.inputs},
         {"converted", s.extracted},
         {"already_done", s.skipped},
         {"failed", s.failed},
         {"seconds", s.seconds},
         {"workers", s.jobs},
         {"by_format", s.by_format},
         {"by_template", s.by_template},
         {"by_status", s.by_status},
         {"by_error", s.by_error},
         {"failures", failures},
         {"reports_with_failing_identity", s.reports_with_failing_identity},
         {"failing_identities", identities},
         {"x1", {{"bodies", n.bodies}, {"links", n.links}, {"pass", n.pass}, {"fail", n.fail},
                 {"not_checkable", n.not_checkable}, {"no_previous_year", n.no_previous_year},
                 {"x1_checks_failed", n.x1_checks_failed},
                 {"same_report_pairs", n.same_report_pairs}, {"unplaced", n.unplaced},
                 {"not_compared", n.not_compared}}},
         {"failing_x1", s.set.failing_x1},
         {"journal_lines_skipped", s.journal_lines_skipped}};
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace zfxxgk
