#include "schemas/identity_checker.h"

#include <cmath>
#include <string>

#include "schemas/cell_index.h"

namespace zfxxgk {
namespace {

using Axis = IdentitySpec::Axis;
using CellMap = CellIndex;

// One side of an identity: the cells summed, by contract path.
struct Side {
  std::vector<std::string> paths;
};

// The leaf rows of table 三 present in this report (the single （六） row or
// its three sub-rows, whichever the report printed).
std::vector<std::string> ResultLeaves(const TemplateSpec& spec, const CellMap& cells) {
  auto present = [&](const std::string& key) {
    const CellOut* c = cells.Find("applications." + key + ".total");
    return c != nullptr && c->status != CellStatus::kMissing;
  };
  std::vector<std::string> replaced;  // groups printed as their single row
  for (const RowSpec& row : spec.application_rows) {
    if (!row.alternative_of.empty() && present(row.key)) replaced.push_back(row.alternative_of + ".");
  }
  std::vector<std::string> leaves;
  for (const RowSpec& row : spec.application_rows) {
    if (!row.result_leaf || cells.Find("applications." + row.key + ".total") == nullptr) continue;
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

// Evaluates sum(lhs) == sum(rhs) and appends the check.
void Evaluate(const std::string& id, const std::string& where, const Side& lhs,
              const Side& rhs, const CellMap& cells, ReportV1& report) {
  CheckOut check{id, where, "pass", 0.0, 0.0, ""};
  std::string unusable;
  auto add = [&](const Side& side, std::optional<double>& sum) {
    for (const std::string& p : side.paths) {
      const CellOut* c = cells.Find(p);
      if (c && c->value) {
        *sum += *c->value;
        continue;
      }
      unusable += (unusable.empty() ? "" : ", ") + p + " (" +
                  (c ? CellStatusName(c->status) : "missing") + ")";
    }
  };
  add(lhs, check.lhs);
  add(rhs, check.rhs);
  bool equal = std::fabs(*check.lhs - *check.rhs) < 1e-9;
  if (!unusable.empty()) {
    check.status = "not_checkable";
    check.note = "cells without a number: " + unusable + "; counting them as 0 the identity " +
                 (equal ? "holds" : "fails") + " (" + Format(*check.lhs) + " vs " +
                 Format(*check.rhs) + ")";
    check.lhs.reset();
    check.rhs.reset();
  } else if (!equal) {
    check.status = "fail";
    check.note = "difference " + Format(*check.lhs - *check.rhs);
    report.issues.push_back({Severity::kWarning, "identity_failed",
                             id + " fails at " + where + ": " + Format(*check.lhs) + " != " +
                                 Format(*check.rhs) + " (values kept as printed)"});
  }
  report.checks.push_back(std::move(check));
}

Side RowsOf(const std::vector<std::string>& keys, const std::vector<std::string>& leaves,
            const std::string& column) {
  Side side;
  for (const std::string& k : keys) {
    if (k == "@result_leaves") {
      for (const std::string& leaf : leaves) side.paths.push_back("applications." + leaf + "." + column);
    } else {
      side.paths.push_back("applications." + k + "." + column);
    }
  }
  return side;
}

Side ColumnsOf(const std::string& prefix, const std::vector<std::string>& keys) {
  Side side;
  for (const std::string& k : keys) side.paths.push_back(prefix + "." + k);
  return side;
}

// Table 三 row keys present in the report, in template order.
// A row counts as printed when any of its cells is in the input.
std::vector<std::string> PresentRows(const TemplateSpec& spec, const CellMap& cells) {
  std::vector<std::string> rows;
  for (const RowSpec& row : spec.application_rows) {
    for (const ColumnSpec& col : spec.application_columns) {
      const CellOut* c = cells.Find("applications." + row.key + "." + col.key);
      if (c != nullptr && c->status != CellStatus::kMissing) {
        rows.push_back(row.key);
        break;
      }
    }
  }
  return rows;
}

void CheckOne(const IdentitySpec& id, const TemplateSpec& spec, const CellMap& cells,
              ReportV1& report) {
  if (id.axis == Axis::kEachColumn) {
    std::vector<std::string> leaves = ResultLeaves(spec, cells);
    for (const ColumnSpec& col : spec.application_columns) {
      Evaluate(id.id, "applications.*." + col.key,
               RowsOf(id.lhs, leaves, col.key), RowsOf(id.rhs, leaves, col.key), cells, report);
    }
  } else if (id.axis == Axis::kEachRow) {
    for (const std::string& row : PresentRows(spec, cells)) {
      std::string prefix = "applications." + row;
      Evaluate(id.id, prefix + ".*", ColumnsOf(prefix, id.lhs),
               ColumnsOf(prefix, id.rhs), cells, report);
    }
  } else {
    for (size_t g = 0; g < spec.review_groups.size(); ++g) {
      std::string prefix = "review_litigation." + spec.review_groups[g];
      Evaluate(id.id + "." + std::to_string(g + 1), prefix + ".*",
               ColumnsOf(prefix, id.lhs), ColumnsOf(prefix, id.rhs), cells, report);
    }
  }
}

}  // namespace

void CheckIdentities(const TemplateSpec& spec, ReportV1& report) {
  const CellMap cells(report.cells);
  for (const IdentitySpec& id : spec.identities) CheckOne(id, spec, cells, report);
}

}  // namespace zfxxgk
