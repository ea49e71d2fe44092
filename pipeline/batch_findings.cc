// Set findings over a batch, body by body.
#include "pipeline/batch_findings.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "pipeline/batch_findings_json.h"
#include "pipeline/batch_set_groups.h"
#include "pipeline/ordered_parallel.h"
#include "schemas/json_writer.h"

namespace zfxxgk {
namespace {

// Indices of a body's reports in the subset passed to AnalyzeReportSet are
// mapped back to batch indices.
void Remap(BodyFindings& body, const std::vector<size_t>& global) {
  for (size_t& i : body.reports) i = global[i];
  for (SameReportComparison& cmp : body.same_report) {
    cmp.first = global[cmp.first];
    cmp.second = global[cmp.second];
  }
  for (YearLink& link : body.years) {
    for (size_t& i : link.reports) i = global[i];
  }
}

ReportV1 Stub(const BatchSetEntry& e) {
  ReportV1 r;
  r.source.path = e.path;
  r.report.organ = e.organ;
  r.report.year = e.year;
  return r;
}

std::string Num(const std::optional<double>& v) {
  if (!v) return "null";
  if (std::floor(*v) == *v && std::fabs(*v) < 1e15) return std::to_string(std::llround(*v));
  return std::to_string(*v);
}

void ListFailingX1(const BodyFindings& body, std::vector<std::string>& out) {
  for (const YearLink& link : body.years) {
    for (const CheckOut& c : link.x1) {
      if (c.status != "fail" || out.size() >= BatchSetFindings::kMaxListed) continue;
      out.push_back(body.organ + " " + std::to_string(link.year) + " (" + c.id +
                    "): carried over " + Num(c.lhs) + " vs carried forward of " +
                    std::to_string(link.year - 1) + " " + Num(c.rhs));
    }
  }
}

// The path of batch index i among a body's entries (sorted by index).
BatchPathOf PathsOf(const std::vector<BatchSetEntry>& entries) {
  return [&entries](size_t i) -> const std::string& {
    auto it = std::lower_bound(entries.begin(), entries.end(), i,
                               [](const BatchSetEntry& e, size_t v) { return e.index < v; });
    return it->path;  // i is one of the body's indices
  };
}

// `"name": [` then one JSON string per line, then `]` (`[]` when empty),
// indented as a member of the top-level object.
Status WritePathList(const char* name, const StringSpill& paths,
                     const BatchSetFindingsJsonWriter::Write& write) {
  RETURN_IF_ERROR(write(std::string("\n  \"") + name + "\": ["));
  bool first = true;
  RETURN_IF_ERROR(paths.ForEach([&](std::string_view path) {
    JsonWriter quoted(/*pretty=*/false);
    quoted.String(path);
    const char* before = first ? "\n    " : ",\n    ";
    first = false;
    return write(before + quoted.Take());
  }));
  return write(first ? "]" : "\n  ]");
}

// One body's findings: its reports loaded (metadata only when it has one)
// and analysed, indices remapped to batch indices. Thread-safe as `load` is.
StatusOr<SetFindings> AnalyzeGroup(const BatchSetGroup& group,
                                   const BatchSetAnalysis::Loader& load) {
  std::vector<ReportV1> subset;
  std::vector<size_t> indices;
  subset.reserve(group.entries.size());
  for (const BatchSetEntry& e : group.entries) {
    indices.push_back(e.index);
    if (group.entries.size() == 1) {  // no pair and no previous year: metadata is enough
      subset.push_back(Stub(e));
      continue;
    }
    StatusOr<ReportV1> report = load(e);
    if (!report.ok()) return report.status();
    report->source.path = e.path;
    subset.push_back(std::move(report).value());
  }
  SetFindings part = AnalyzeReportSet(subset);
  for (BodyFindings& body : part.bodies) Remap(body, indices);
  return part;
}

// Counts one body's findings, lists its paths and hands it on.
Status CommitGroup(const BatchSetGroup& group, const SetFindings& part,
                   const BatchSetAnalysis::BodyCallback& on_body, BatchSetFindings& out) {
  for (const std::string& path : group.not_compared) {
    RETURN_IF_ERROR(out.not_compared.Add(path));
  }
  const BatchPathOf path_of = PathsOf(group.entries);
  for (const BodyFindings& body : part.bodies) {
    CountBody(body, out.counts);
    ListFailingX1(body, out.failing_x1);
    RETURN_IF_ERROR(on_body(body, path_of));
  }
  for (size_t i : part.unplaced) RETURN_IF_ERROR(out.unplaced.Add(group.entries[i].path));
  return OkStatus();
}

}  // namespace

void CountBody(const BodyFindings& body, YearLinkCounts& n) {
  ++n.bodies;
  n.same_report_pairs += body.same_report.size();
  for (const YearLink& link : body.years) {
    for (const CheckOut& c : link.x1) n.x1_checks_failed += c.status == "fail";
    switch (link.status) {
      case YearLink::Status::kPass: ++n.pass; ++n.links; break;
      case YearLink::Status::kFail: ++n.fail; ++n.links; break;
      case YearLink::Status::kNotCheckable: ++n.not_checkable; ++n.links; break;
      case YearLink::Status::kNoPreviousYear: ++n.no_previous_year; break;
    }
  }
}

BatchSetAnalysis::BatchSetAnalysis(size_t max_inputs_per_year, const ExternalSortOptions& sort)
    : unplaced_(StringSpill::kDefaultMemoryBytes, sort.dir),
      not_compared_(StringSpill::kDefaultMemoryBytes, sort.dir),
      grouper_(std::make_unique<BatchSetGrouper>(max_inputs_per_year, sort)) {}

BatchSetAnalysis::~BatchSetAnalysis() = default;

Status BatchSetAnalysis::Add(BatchSetEntry entry) {
  entry.index = added_++;
  const std::string key = entry.year ? NormalizeOrgan(entry.organ) : std::string();
  if (key.empty()) {
    return unplaced_.Add(entry.path);
  }
  return grouper_->Add(entry, key);
}

StatusOr<BatchSetFindings> BatchSetAnalysis::Run(const Loader& load, const BodyCallback& on_body,
                                                  int threads) {
  BatchSetFindings out;
  out.unplaced = std::move(unplaced_);
  out.not_compared = std::move(not_compared_);
  RETURN_IF_ERROR(grouper_->Finish());
  RETURN_IF_ERROR((RunOrdered<BatchSetGroup, SetFindings>(
      threads, /*max_waiting=*/2 * static_cast<size_t>(std::max(threads, 1)),
      [this](BatchSetGroup& group) { return grouper_->Next(group); },
      [&load](BatchSetGroup& group) { return AnalyzeGroup(group, load); },
      [&on_body, &out](BatchSetGroup& group, SetFindings& part) {
        return CommitGroup(group, part, on_body, out);
      })));
  out.counts.unplaced = out.unplaced.size();
  out.counts.not_compared = out.not_compared.size();
  return out;
}

// Streamed: the nlohmann DOM of every body, its dump and re-indenting were
// most of the collector's work at the end of a batch.
std::string BatchSetFindingsJsonWriter::Body(const BodyFindings& body,
                                             const BatchPathOf& path_of) {
  std::string text = first_ ? "\n    " : ",\n    ";
  first_ = false;
  AppendBodyFindingsJson(body, path_of, /*indent=*/4, text);
  return text;
}

// Members after the bodies, in this order: "unplaced", "not_compared",
// "counts" (each list one path per line).
Status BatchSetFindingsJsonWriter::End(const BatchSetFindings& totals,
                                       const Write& write) const {
  RETURN_IF_ERROR(write(first_ ? "]," : "\n  ],"));
  RETURN_IF_ERROR(WritePathList("unplaced", totals.unplaced, write));
  RETURN_IF_ERROR(write(","));
  RETURN_IF_ERROR(WritePathList("not_compared", totals.not_compared, write));
  const YearLinkCounts& n = totals.counts;
  const std::pair<const char*, size_t> counts[] = {
      {"bodies", n.bodies}, {"links", n.links}, {"pass", n.pass}, {"fail", n.fail},
      {"not_checkable", n.not_checkable}, {"no_previous_year", n.no_previous_year},
      {"x1_checks_failed", n.x1_checks_failed}, {"same_report_pairs", n.same_report_pairs},
      {"unplaced", n.unplaced}, {"not_compared", n.not_compared}};
  JsonWriter w(/*pretty=*/true);
  w.SetBaseIndent(2);
  w.BeginObject();
  for (const auto& [name, value] : counts) w.PlainKey(name), w.Int(static_cast<int64_t>(value));
  w.EndObject();
  return write(",\n  \"counts\": " + w.Take() + "\n}\n");
}

}  // namespace zfxxgk
