#include "schemas/identity_checker.h"

#include <array>
#include <cmath>
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
  size_t Size() const {  // of the joined path
    size_t size = n > 0 ? n - 1 : 0;
    for (int i = 0; i < n; ++i) size += parts[i].size();
    return size;
  }
  void AppendTo(std::string& out) const {
    for (int i = 0; i < n; ++i) {
      if (i > 0) out.push_back('.');
      out.append(parts[i]);
    }
  }
};

// One cell of an identity's side: its path (to name it) and the report's
// cell there (null when the report has none).
struct Term {
  PathParts path;
  const CellOut* cell = nullptr;
};

// One side of an identity: the cells summed.
struct Side {
  std::vector<Term> terms;
};

// The cells of table 三 (row x column) and table 四 (group x field) by
// template position, placed in one pass over the report's cells: the
// identities read most of them several times, and the mapper lists them in
// template order, so each path is placed by comparing it with the position
// after the previous one.
class Cells {
 public:
  Cells(const TemplateSpec& spec, const ReportV1& report);
  const CellOut* App(size_t row, size_t col) const { return app_.at(row, col); }
  const CellOut* Review(size_t group, size_t field) const { return review_.at(group, field); }
  // Any other path (a key the template tables do not list).
  const CellOut* Find(const PathParts& path);

 private:
  // One table's cells: rows x columns, keyed "<prefix>.<row>.<column>".
  struct Grid {
    std::string_view prefix;  // "applications."
    std::vector<std::string_view> rows, cols;
    std::vector<const CellOut*> cells;
    size_t row = 0, col = 0;  // where the previous path was placed
    const CellOut* at(size_t r, size_t c) const { return cells[r * cols.size() + c]; }
    bool Place(std::string_view path, const CellOut& cell);
  };

  const ReportV1& report_;
  std::optional<CellIndex> index_;  // built only when a path is not in a grid
  std::string key_;
  Grid app_, review_;
};

// The position of `key` in `list` (by `key_of`), or npos.
template <typename T, typename KeyOf>
size_t IndexOf(const std::vector<T>& list, std::string_view key, KeyOf key_of) {
  for (size_t i = 0; i < list.size(); ++i) {
    if (key_of(list[i]) == key) return i;
  }
  return std::string::npos;
}

const std::string& ColumnKey(const ColumnSpec& c) { return c.key; }
const std::string& RowKey(const RowSpec& r) { return r.key; }
const std::string& Self(const std::string& s) { return s; }

// The position of `key` in `keys`, trying `hint` first; npos if absent.
size_t KeyAt(std::string_view key, const std::vector<std::string_view>& keys, size_t hint) {
  if (hint < keys.size() && keys[hint] == key) return hint;
  return IndexOf(keys, key, [](std::string_view k) { return k; });
}

// Places `cell` when `path` is one of this grid's; later paths overwrite
// (the last occurrence of a path counts, as for CellIndex). Column keys
// have no '.' and keys are unique within rows and within columns
// (template_test), so a path names at most one position.
bool Cells::Grid::Place(std::string_view path, const CellOut& cell) {
  if (!path.starts_with(prefix)) return false;
  path.remove_prefix(prefix.size());
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos) return false;
  const bool next_row = col + 1 >= cols.size();
  const size_t r = KeyAt(path.substr(0, dot), rows, next_row ? row + 1 : row);
  if (r == std::string::npos) return false;
  const size_t c = KeyAt(path.substr(dot + 1), cols, r == row ? col + 1 : 0);
  if (c == std::string::npos) return false;
  cells[r * cols.size() + c] = &cell;
  row = r;
  col = c;
  return true;
}

const CellOut* Cells::Find(const PathParts& path) {
  if (!index_) index_.emplace(report_.cells);
  key_.clear();
  path.AppendTo(key_);
  return index_->Find(key_);
}

Cells::Cells(const TemplateSpec& spec, const ReportV1& report) : report_(report) {
  app_.prefix = "applications.";
  for (const RowSpec& r : spec.application_rows) app_.rows.push_back(r.key);
  for (const ColumnSpec& c : spec.application_columns) app_.cols.push_back(c.key);
  review_.prefix = "review_litigation.";
  review_.rows.assign(spec.review_groups.begin(), spec.review_groups.end());
  review_.cols.assign(spec.review_fields.begin(), spec.review_fields.end());
  for (Grid* g : {&app_, &review_}) g->cells.assign(g->rows.size() * g->cols.size(), nullptr);
  for (const auto& [path, cell] : report.cells) {
    if (!app_.Place(path, cell)) review_.Place(path, cell);
  }
}

// The leaf rows of table 三 present in this report (the single （六） row or
// its three sub-rows, whichever the report printed), as row positions.
std::vector<size_t> ResultLeaves(const TemplateSpec& spec, Cells& cells) {
  const size_t total = IndexOf(spec.application_columns, "total", ColumnKey);
  auto cell = [&](size_t r) {
    return total != std::string::npos
               ? cells.App(r, total)
               : cells.Find(PathParts{{"applications", spec.application_rows[r].key, "total"}, 3});
  };
  auto present = [&](size_t r) {
    const CellOut* c = cell(r);
    return c != nullptr && c->status != CellStatus::kMissing;
  };
  const std::vector<RowSpec>& rows = spec.application_rows;
  std::vector<std::string> replaced;  // groups printed as their single row
  for (size_t r = 0; r < rows.size(); ++r) {
    if (!rows[r].alternative_of.empty() && present(r)) replaced.push_back(rows[r].alternative_of + ".");
  }
  std::vector<size_t> leaves;
  for (size_t r = 0; r < rows.size(); ++r) {
    const RowSpec& row = rows[r];
    if (!row.result_leaf || cell(r) == nullptr) continue;
    if (!row.alternative_of.empty() && !present(r)) continue;
    bool sub_row_of_single = false;
    for (const std::string& g : replaced) {
      sub_row_of_single |= row.key.rfind(g, 0) == 0 && row.alternative_of.empty();
    }
    if (!sub_row_of_single) leaves.push_back(r);
  }
  return leaves;
}

std::string Format(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  return std::to_string(v);
}

// The status a note names for a term's cell: "missing" for no cell. The
// names are taken from CellStatusName once (not measured for every term).
std::string_view StatusOf(const Term& t) {
  constexpr size_t kStatuses = static_cast<size_t>(CellStatus::kAmbiguous) + 1;
  static const std::array<std::string_view, kStatuses> kNames = [] {
    std::array<std::string_view, kStatuses> names;
    for (size_t i = 0; i < kStatuses; ++i) names[i] = CellStatusName(static_cast<CellStatus>(i));
    return names;
  }();
  return kNames[static_cast<size_t>(t.cell != nullptr ? t.cell->status : CellStatus::kMissing)];
}

bool Usable(const Term& t) { return t.cell != nullptr && t.cell->value.has_value(); }

// The sum of the side's usable cells, in term order.
double Sum(const Side& side) {
  double sum = 0.0;
  for (const Term& t : side.terms) {
    if (Usable(t)) sum += *t.cell->value;
  }
  return sum;
}

constexpr std::string_view kUnusable = "cells without a number: ";
constexpr std::string_view kSeparator = ", ";
constexpr std::string_view kCounting = "; counting them as 0 the identity ";
constexpr std::string_view kOpen = " (", kClose = ")", kVersus = " vs ";

// The bytes "<path> (<status>)" of the side's unusable cells take in the
// note, each with a kSeparator before it.
size_t ListedSize(const Side& side) {
  size_t n = 0;
  for (const Term& t : side.terms) {
    if (!Usable(t)) {
      n += kSeparator.size() + t.path.Size() + kOpen.size() + StatusOf(t).size() + kClose.size();
    }
  }
  return n;
}

// The note of a not_checkable identity: its unusable cells (`listed`, the
// sides' ListedSize, is > 0), then the sums `l` and `r` counting them as 0.
// Reserved at about its size: a note of a dozen cells grew several times.
std::string UnusableNote(const Side& lhs, const Side& rhs, size_t listed, double l, double r) {
  std::string note;
  note.reserve(kUnusable.size() + listed + kCounting.size() + 64);
  for (const Side* side : {&lhs, &rhs}) {
    for (const Term& t : side->terms) {
      if (Usable(t)) continue;
      note.append(note.empty() ? kUnusable : kSeparator);
      t.path.AppendTo(note);
      note.append(kOpen).append(StatusOf(t)).append(kClose);
    }
  }
  note.append(kCounting).append(std::fabs(l - r) < 1e-9 ? "holds" : "fails");
  note.append(kOpen).append(Format(l)).append(kVersus).append(Format(r)).append(kClose);
  return note;
}

// Evaluates sum(lhs) == sum(rhs) and appends the check.
void Evaluate(const std::string& id, std::string where, const Side& lhs, const Side& rhs,
              ReportV1& report) {
  CheckOut check{id, std::move(where), "pass", std::nullopt, std::nullopt, ""};
  const double l = Sum(lhs), r = Sum(rhs);
  if (const size_t listed = ListedSize(lhs) + ListedSize(rhs); listed > 0) {
    check.status = "not_checkable";
    check.note = UnusableNote(lhs, rhs, listed, l, r);
  } else {
    check.lhs = l;
    check.rhs = r;
    if (!(std::fabs(l - r) < 1e-9)) {
      check.status = "fail";
      check.note = "difference " + Format(l - r);
      report.issues.push_back({Severity::kWarning, "identity_failed",
                               id + " fails at " + check.where + ": " + Format(l) + " != " +
                                   Format(r) + " (values kept as printed)"});
    }
  }
  report.checks.push_back(std::move(check));
}

// Table 三 rows `keys` ("@result_leaves": the rows `leaves`) in column `col`.
Side RowsOf(const TemplateSpec& spec, const std::vector<std::string>& keys,
            const std::vector<size_t>& leaves, size_t col, Cells& cells) {
  const std::vector<RowSpec>& rows = spec.application_rows;
  const std::string& column = spec.application_columns[col].key;
  Side side;
  side.terms.reserve(keys.size() + leaves.size());  // an upper bound
  for (const std::string& k : keys) {
    if (k == "@result_leaves") {
      for (size_t r : leaves) {
        side.terms.push_back({{{"applications", rows[r].key, column}, 3}, cells.App(r, col)});
      }
      continue;
    }
    const PathParts path{{"applications", k, column}, 3};
    const size_t r = IndexOf(rows, k, RowKey);
    side.terms.push_back({path, r != std::string::npos ? cells.App(r, col) : cells.Find(path)});
  }
  return side;
}

// The cells `keys` of one row of table 三 or one group of table 四:
// `at(i)` is the cell of column/field i of `key_list`.
template <typename T, typename KeyOf, typename At>
Side ColumnsOf(std::string_view group, std::string_view row, const std::vector<std::string>& keys,
               const std::vector<T>& key_list, KeyOf key_of, At at, Cells& cells) {
  Side side;
  side.terms.reserve(keys.size());
  for (const std::string& k : keys) {
    const PathParts path{{group, row, k}, 3};
    const size_t i = IndexOf(key_list, k, key_of);
    side.terms.push_back({path, i != std::string::npos ? at(i) : cells.Find(path)});
  }
  return side;
}

// Table 三 row positions present in the report, in template order.
// A row counts as printed when any of its cells is in the input.
std::vector<size_t> PresentRows(const TemplateSpec& spec, const Cells& cells) {
  std::vector<size_t> rows;
  for (size_t r = 0; r < spec.application_rows.size(); ++r) {
    for (size_t col = 0; col < spec.application_columns.size(); ++col) {
      const CellOut* c = cells.App(r, col);
      if (c != nullptr && c->status != CellStatus::kMissing) {
        rows.push_back(r);
        break;
      }
    }
  }
  return rows;
}

// `leaves`: ResultLeaves(spec, cells), computed at its first use (the same
// for every identity over result leaves).
void CheckOne(const IdentitySpec& id, const TemplateSpec& spec, Cells& cells,
              std::optional<std::vector<size_t>>& leaves, ReportV1& report) {
  if (id.axis == Axis::kEachColumn) {
    if (!leaves) leaves = ResultLeaves(spec, cells);
    for (size_t col = 0; col < spec.application_columns.size(); ++col) {
      Evaluate(id.id, "applications.*." + spec.application_columns[col].key,
               RowsOf(spec, id.lhs, *leaves, col, cells), RowsOf(spec, id.rhs, *leaves, col, cells),
               report);
    }
  } else if (id.axis == Axis::kEachRow) {
    for (size_t r : PresentRows(spec, cells)) {
      const std::string& row = spec.application_rows[r].key;
      auto at = [&](size_t col) { return cells.App(r, col); };
      Evaluate(id.id, "applications." + row + ".*",
               ColumnsOf("applications", row, id.lhs, spec.application_columns, ColumnKey, at, cells),
               ColumnsOf("applications", row, id.rhs, spec.application_columns, ColumnKey, at, cells),
               report);
    }
  } else {
    for (size_t g = 0; g < spec.review_groups.size(); ++g) {
      const std::string& group = spec.review_groups[g];
      auto at = [&](size_t f) { return cells.Review(g, f); };
      Evaluate(id.id + "." + std::to_string(g + 1), "review_litigation." + group + ".*",
               ColumnsOf("review_litigation", group, id.lhs, spec.review_fields, Self, at, cells),
               ColumnsOf("review_litigation", group, id.rhs, spec.review_fields, Self, at, cells),
               report);
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
  Cells cells(spec, report);
  std::optional<std::vector<size_t>> leaves;
  for (const IdentitySpec& id : spec.identities) CheckOne(id, spec, cells, leaves, report);
}

}  // namespace zfxxgk
