#include "schemas/identity_checker.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "schemas/cell_index.h"

namespace zfxxgk {
namespace {

using Axis = IdentitySpec::Axis;

// A contract path as its dot-separated parts ("applications", row, column),
// joined only when looked up or named.
struct PathParts {
  std::string_view parts[3];
  int n = 0;
  void AppendTo(std::string& out) const {
    for (int i = 0; i < n; ++i) {
      if (i > 0) out.push_back('.');
      out.append(parts[i]);
    }
  }
};

// One side of an identity: the cells summed.
struct Side {
  std::vector<PathParts> paths;
};

// The report's cells, looked up by parts through one reused key buffer.
class Cells {
 public:
  explicit Cells(const ReportV1& report) : index_(report.cells) {}
  const CellOut* Find(const PathParts& path) {
    key_.clear();
    path.AppendTo(key_);
    return index_.Find(key_);
  }
  const CellOut* Find(std::string_view a, std::string_view b, std::string_view c) {
    return Find(PathParts{{a, b, c}, 3});
  }

 private:
  CellIndex index_;
  std::string key_;
};

// The leaf rows of table 三 present in this report (the single （六） row or
// its three sub-rows, whichever the report printed).
std::vector<std::string> ResultLeaves(const TemplateSpec& spec, Cells& cells) {
  auto present = [&](const std::string& key) {
    const CellOut* c = cells.Find("applications", key, "total");
    return c != nullptr && c->status != CellStatus::kMissing;
  };
  std::vector<std::string> replaced;  // groups printed as their single row
  for (const RowSpec& row : spec.application_rows) {
    if (!row.alternative_of.empty() && present(row.key)) replaced.push_back(row.alternative_of + ".");
  }
  std::vector<std::string> leaves;
  for (const RowSpec& row : spec.application_rows) {
    if (!row.result_leaf || cells.Find("applications", row.key, "total") == nullptr) continue;
    if (!row.alternative_of.empty() && !present(row.key)) continue;
    bool sub_row_of_single = false;
    for (const std::string& g : replaced) {
      sub_row_of_single |= row.key.rfind(g, 0) == 0 && row.alternative_of.empty();
    }
    if (!sub_row_of_single) leaves.push_back(row.key);
  }
  return leaves;
}

std::string Format(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  return std::to_string(v);
}

// Appends "<path> (<status>)", preceded by ", " unless it is the `first`,
// growing `out` at most once: a not-checkable note lists dozens of such
// cells, and a report has some forty notes.
void AppendUnusable(const PathParts& path, std::string_view status, bool first,
                    std::string& out) {
  std::string_view pieces[2 * std::size(PathParts().parts) + 3];
  size_t n = 0;
  if (!first) pieces[n++] = ", ";
  for (int i = 0; i < path.n; ++i) {
    if (i > 0) pieces[n++] = ".";
    pieces[n++] = path.parts[i];
  }
  pieces[n++] = " (";
  pieces[n++] = status;
  pieces[n++] = ")";
  size_t size = out.size();
  for (size_t i = 0; i < n; ++i) size += pieces[i].size();
  if (size > out.capacity()) out.reserve(std::max(size, 2 * out.capacity()));
  for (size_t i = 0; i < n; ++i) out.append(pieces[i]);
}

// Evaluates sum(lhs) == sum(rhs) and appends the check.
void Evaluate(const std::string& id, std::string where, const Side& lhs, const Side& rhs,
              Cells& cells, ReportV1& report) {
  CheckOut check{id, std::move(where), "pass", 0.0, 0.0, ""};
  constexpr std::string_view kUnusable = "cells without a number: ";
  std::string& note = check.note;  // kUnusable and the cells, once one is found
  auto add = [&](const Side& side, std::optional<double>& sum) {
    for (const PathParts& p : side.paths) {
      const CellOut* c = cells.Find(p);
      if (c && c->value) {
        *sum += *c->value;
        continue;
      }
      const bool first = note.empty();
      if (first) note.assign(kUnusable);
      AppendUnusable(p, c ? CellStatusName(c->status) : "missing", first, note);
    }
  };
  add(lhs, check.lhs);
  add(rhs, check.rhs);
  bool equal = std::fabs(*check.lhs - *check.rhs) < 1e-9;
  if (!note.empty()) {
    check.status = "not_checkable";
    note.append("; counting them as 0 the identity ")
        .append(equal ? "holds" : "fails")
        .append(" (")
        .append(Format(*check.lhs))
        .append(" vs ")
        .append(Format(*check.rhs))
        .append(")");
    check.lhs.reset();
    check.rhs.reset();
  } else if (!equal) {
    check.status = "fail";
    check.note = "difference " + Format(*check.lhs - *check.rhs);
    report.issues.push_back({Severity::kWarning, "identity_failed",
                             id + " fails at " + check.where + ": " + Format(*check.lhs) + " != " +
                                 Format(*check.rhs) + " (values kept as printed)"});
  }
  report.checks.push_back(std::move(check));
}

Side RowsOf(const std::vector<std::string>& keys, const std::vector<std::string>& leaves,
            const std::string& column) {
  Side side;
  side.paths.reserve(keys.size() + leaves.size());  // an upper bound
  for (const std::string& k : keys) {
    if (k == "@result_leaves") {
      for (const std::string& leaf : leaves) side.paths.push_back({{"applications", leaf, column}, 3});
    } else {
      side.paths.push_back({{"applications", k, column}, 3});
    }
  }
  return side;
}

Side ColumnsOf(std::string_view group, std::string_view row, const std::vector<std::string>& keys) {
  Side side;
  side.paths.reserve(keys.size());
  for (const std::string& k : keys) side.paths.push_back({{group, row, k}, 3});
  return side;
}

// Table 三 row keys present in the report, in template order.
// A row counts as printed when any of its cells is in the input.
std::vector<std::string> PresentRows(const TemplateSpec& spec, Cells& cells) {
  std::vector<std::string> rows;
  for (const RowSpec& row : spec.application_rows) {
    for (const ColumnSpec& col : spec.application_columns) {
      const CellOut* c = cells.Find("applications", row.key, col.key);
      if (c != nullptr && c->status != CellStatus::kMissing) {
        rows.push_back(row.key);
        break;
      }
    }
  }
  return rows;
}

// `leaves`: ResultLeaves(spec, cells), computed at its first use (the same
// for every identity over result leaves).
void CheckOne(const IdentitySpec& id, const TemplateSpec& spec, Cells& cells,
              std::optional<std::vector<std::string>>& leaves, ReportV1& report) {
  if (id.axis == Axis::kEachColumn) {
    if (!leaves) leaves = ResultLeaves(spec, cells);
    for (const ColumnSpec& col : spec.application_columns) {
      Evaluate(id.id, "applications.*." + col.key,
               RowsOf(id.lhs, *leaves, col.key), RowsOf(id.rhs, *leaves, col.key), cells, report);
    }
  } else if (id.axis == Axis::kEachRow) {
    for (const std::string& row : PresentRows(spec, cells)) {
      Evaluate(id.id, "applications." + row + ".*", ColumnsOf("applications", row, id.lhs),
               ColumnsOf("applications", row, id.rhs), cells, report);
    }
  } else {
    for (size_t g = 0; g < spec.review_groups.size(); ++g) {
      const std::string& group = spec.review_groups[g];
      Evaluate(id.id + "." + std::to_string(g + 1), "review_litigation." + group + ".*",
               ColumnsOf("review_litigation", group, id.lhs),
               ColumnsOf("review_litigation", group, id.rhs), cells, report);
    }
  }
}

// At most the checks CheckOne appends: report.checks grows once, not moving
// every check several times per report.
size_t MaxChecks(const TemplateSpec& spec) {
  size_t n = 0;
  for (const IdentitySpec& id : spec.identities) {
    n += id.axis == Axis::kEachColumn ? spec.application_columns.size()
         : id.axis == Axis::kEachRow  ? spec.application_rows.size()
                                      : spec.review_groups.size();
  }
  return n;
}

}  // namespace

void CheckIdentities(const TemplateSpec& spec, ReportV1& report) {
  report.checks.reserve(report.checks.size() + MaxChecks(spec));
  Cells cells(report);
  std::optional<std::vector<std::string>> leaves;
  for (const IdentitySpec& id : spec.identities) CheckOne(id, spec, cells, leaves, report);
}

}  // namespace zfxxgk
