#include "schemas/table_mapper.h"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "pipeline/normalize.h"
#include "schemas/application_constraints.h"
#include "schemas/extra_rows.h"
#include "schemas/loose_cells.h"
#include "schemas/prose_facts.h"
#include "schemas/row_alignment.h"
#include "schemas/row_reader.h"
#include "schemas/row_resolver.h"

namespace zfxxgk {
namespace {


// `parts` joined by '.', allocated once.
std::string JoinPath(std::initializer_list<std::string_view> parts) {
  size_t size = parts.size() - 1;
  for (std::string_view p : parts) size += p.size();
  std::string out;
  out.reserve(size);
  for (std::string_view p : parts) {
    if (!out.empty()) out.push_back('.');
    out.append(p);
  }
  return out;
}

StreamPos After(const LabelHit& hit, const RowRead& read) {
  return hit.end < read.end ? read.end : hit.end;
}

// Reads one row by its aliases from `from`; returns where reading stopped.
StreamPos ReadSlot(const std::vector<Item>& items, const std::vector<std::string>& aliases,
                   StreamPos from, StreamPos limit, RowSlot& slot,
                   const RowReadOptions& options = RowReadOptions()) {
  // A label may stand first as a heading without values ("### 一、本年新收…")
  // and again as the row itself: take the first occurrence that has values.
  constexpr int kMaxOccurrences = 4;
  LabelHit hit, first;
  RowRead first_read;
  constexpr int kWrappedLabelLines = 2;  // a label wraps over at most three lines
  for (int k = 0; k < kMaxOccurrences && FindLabel(items, aliases, from, limit, &hit); ++k) {
    RowReadOptions opts = options;
    if (hit.wrapped) opts.continuation_lines = kWrappedLabelLines;
    RowRead read = ReadRowValues(items, hit.end, static_cast<int>(slot.columns.size()), limit,
                                 opts);
    if (!read.cells.empty() || !read.run.empty()) {
      slot.read = std::move(read);
      slot.found = true;
      return After(hit, slot.read);
    }
    if (k == 0) {
      first = hit;
      first_read = std::move(read);
    }
    from = hit.end;
  }
  if (!slot.found && first.alias.empty()) return from;
  slot.read = std::move(first_read);
  slot.found = true;
  return first.end;
}


// Isolated values outside any table row in [begin, limit): cells that a
// lossy conversion displaced from their row.
std::vector<const Item*> StrayValues(const std::vector<Item>& items, StreamPos begin,
                                     StreamPos limit) {
  std::vector<const Item*> out;
  for (size_t i = begin.item + 1; i + 1 < items.size() && StreamPos{i, 0} < limit; ++i) {
    const Item& it = items[i];
    if (!it.is_value || it.prov.table >= 0 || it.raw.empty()) continue;
    auto loose = [](const Item& x) { return x.is_value && x.prov.table < 0; };
    if (!loose(items[i - 1]) && !loose(items[i + 1])) out.push_back(&it);
  }
  return out;
}

// The loose cells of [begin, limit) as printed, each with a parenthesised
// note printed right after it ("55" + "（含自然失效 29 件）"), spaces removed.
std::vector<std::string> StrayCells(const std::vector<Item>& items, StreamPos begin,
                                    StreamPos limit) {
  std::vector<std::string> out;
  for (const Item* it : StrayValues(items, begin, limit)) {
    std::string text = it->raw;
    size_t next = static_cast<size_t>(it - items.data()) + 1;
    const std::string& note = next < items.size() ? items[next].norm.text : "";
    if (!note.empty() && note.front() == '(' && note.back() == ')') text += items[next].raw;
    text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
    out.push_back(text);
  }
  return out;
}

// Whether `s` is two UTF-8 characters: FindLabel matches such a label in OCR
// text only as a whole cell, so it may match from a later offset of a cell
// where it did not from an earlier one.
bool IsTwoChars(const std::string& s) { return CountCodePoints(s) == 2; }

// Table 二's caption searches up to one limit. For each sub-table the
// finder keeps its last search over the whole range (from a position up to
// the limit) and answers later searches from it: FindLabel from a later
// position that is still at or before the hit finds that hit too (or
// nothing, when it lies at or past a nearer bound), and nothing after a
// search that found nothing. So Next, asked after every caption,
// and the sub-table's own search after it, scan the text once. Neither
// holds when a caption is two characters long (FindLabel matches those in
// OCR text only as a whole cell); the bound case needs the items to hold no
// OCR text (a misread caption could lie before the hit).
class CaptionFinder {
 public:
  CaptionFinder(const std::vector<Item>& items, const TemplateSpec& spec, StreamPos begin,
                StreamPos limit)
      : items_(items), spec_(spec), limit_(limit), searches_(spec.active_disclosure.size()) {
    for (size_t i = begin.item; i < items.size() && i <= limit.item && exact_only_; ++i) {
      exact_only_ = !IsOcrItem(items[i]);
    }
    for (size_t sub = 0; sub < searches_.size(); ++sub) {
      const std::vector<std::string>& captions = spec.active_disclosure[sub].captions;
      searches_[sub].reusable = std::none_of(captions.begin(), captions.end(), IsTwoChars);
    }
  }

  // Records the result of FindLabel(items, captions of `sub`, from, until)
  // for some until >= limit (`hit` null when it found nothing).
  void Seed(size_t sub, StreamPos from, const LabelHit* hit) {
    if (!Reusable(sub) || (hit != nullptr && !(hit->begin < limit_))) return;
    Search& s = searches_[sub];
    s.done = true;
    s.from = from;
    s.found = hit != nullptr;
    if (hit != nullptr) s.hit = *hit;
  }

  // FindLabel(items, captions of sub-table `sub`, from, until), until <= limit.
  bool Find(size_t sub, StreamPos from, StreamPos until, LabelHit* hit) {
    const std::vector<std::string>& captions = spec_.active_disclosure[sub].captions;
    if (!Reusable(sub)) return FindLabel(items_, captions, from, until, hit);
    Search& s = searches_[sub];
    if (!s.done || from < s.from || (s.found && s.hit.begin < from)) {
      if (!exact_only_ && until < limit_) return FindLabel(items_, captions, from, until, hit);
      s.done = true;
      s.from = from;
      s.found = FindLabel(items_, captions, from, limit_, &s.hit);
    }
    if (!s.found) return false;
    if (!(s.hit.begin < until)) {
      return exact_only_ ? false : FindLabel(items_, captions, from, until, hit);
    }
    *hit = s.hit;
    return true;
  }

  // Where the next table-二 caption after `from` starts (or the limit).
  StreamPos Next(StreamPos from) {
    StreamPos next = limit_;
    for (size_t sub = 0; sub < searches_.size(); ++sub) {
      LabelHit hit;
      if (Find(sub, from, next, &hit) && hit.begin < next) next = hit.begin;
    }
    return next;
  }

 private:
  struct Search {
    bool reusable = false;  // no caption is two characters long
    bool done = false;
    StreamPos from;      // searched from here up to limit_
    bool found = false;
    LabelHit hit;
  };

  bool Reusable(size_t sub) const { return searches_[sub].reusable; }

  const std::vector<Item>& items_;
  const TemplateSpec& spec_;
  const StreamPos limit_;
  bool exact_only_ = true;  // no OCR item in the range
  std::vector<Search> searches_;  // per sub-table
};

// Table 二: each 第二十条第（N）项 block, rows searched after its caption.
// `first_caption`: FindLabel of the first sub-table's captions from `begin`
// to the end of the stream (null when it found none).
int MapActiveDisclosure(const std::vector<Item>& items, const TemplateSpec& spec,
                        const std::vector<ProseFact>& facts, StreamPos begin, StreamPos limit,
                        const LabelHit* first_caption, ReportV1& report) {
  int n = 0;
  StreamPos caption_cursor = begin;
  CaptionFinder captions(items, spec, begin, limit);
  captions.Seed(0, begin, first_caption);
  for (size_t s = 0; s < spec.active_disclosure.size(); ++s) {
    const SubTableSpec& sub = spec.active_disclosure[s];
    StreamPos from = caption_cursor;
    LabelHit caption;
    std::vector<std::string> strays;
    if (captions.Find(s, caption_cursor, limit, &caption)) {
      from = caption_cursor = caption.end;
      strays = StrayCells(items, caption.end, captions.Next(caption.end));
    }
    std::vector<RowSlot> rows;
    rows.reserve(sub.rows.size());
    const std::vector<std::string> columns = ColumnKeys(sub.columns);
    std::vector<RowSlot> one(1);  // the row being resolved, moved to `rows` after
    for (const RowSpec& row : sub.rows) {
      RowSlot& slot = one[0];
      slot = RowSlot();
      slot.path = JoinPath({"active_disclosure", sub.key, row.key});
      slot.columns = columns;
      for (const ColumnSpec& c : sub.columns) slot.decimal.push_back(c.decimal);
      slot.strays = strays;
      from = ReadSlot(items, row.aliases, from, limit, slot);
      ResolveRows(one, {}, facts, slot.path, report);
      rows.push_back(std::move(slot));
    }
    PlaceLooseByProse(strays, facts, rows, report);  // loose_cells.h
    n += CountRead(rows);
    for (RowSlot& slot : rows) Emit(std::move(slot), report);
  }
  return n;
}

bool Expected(const RowSpec& row, bool single_other) {
  if (!row.alternative_of.empty()) return single_other;
  for (const RowSpec& r : Gov2021Template().application_rows) {
    if (!r.alternative_of.empty() && row.key.rfind(r.alternative_of + ".", 0) == 0 &&
        row.key != r.key) {
      return !single_other;
    }
  }
  return true;
}

// Rows whose label was lost or displaced (lossy conversions) get the value
// row that their position between labelled rows gives them
// (row_alignment.h).
void RecoverByPosition(const std::vector<Item>& items, const TemplateSpec& spec,
                       StreamPos begin, StreamPos limit, bool single_other,
                       std::vector<RowSlot>& slots) {
  std::vector<const RowSpec*> rows;
  std::vector<size_t> slot_index;
  bool lacking = false;
  for (size_t i = 0; i < slots.size(); ++i) {
    if (!Expected(spec.application_rows[i], single_other)) continue;
    rows.push_back(&spec.application_rows[i]);
    slot_index.push_back(i);
    lacking = lacking || !HasValues(slots[i]);
  }
  if (!lacking) return;
  int n_cols = static_cast<int>(spec.application_columns.size());
  std::vector<AlignedRow> aligned = AlignValueRows(items, begin, limit, rows, n_cols);
  for (size_t k = 0; k < aligned.size(); ++k) {
    RowSlot& slot = slots[slot_index[k]];
    if (!aligned[k].assigned || HasValues(slot)) continue;
    slot.read = RowRead();
    slot.read.cells = aligned[k].cells;
    slot.found = true;
  }
}

// A table-三 row read from a table with exactly one blank cell whose row
// identity (T3.3) gives a value printed, displaced, as a stray cell nearby:
// the stray cell is put back, and an issue says so. Anything less certain
// (no stray, several equal strays, a zero) leaves the blank as printed.
void PlaceDisplacedValues(const std::vector<Item>& items, StreamPos begin, StreamPos limit,
                          std::vector<RowSlot>& slots, ReportV1& report) {
  std::vector<const Item*> strays = StrayValues(items, begin, limit);
  for (RowSlot& s : slots) {
    if (!s.found || HasRun(s) || s.read.cells.size() != s.columns.size()) continue;
    std::vector<CellOut>& c = s.read.cells;
    int blank = -1;
    double others = 0;
    bool usable = c.front().prov.table >= 0;
    for (size_t k = 0; k < c.size() && usable; ++k) {
      if (c[k].status == CellStatus::kBlank && blank < 0) blank = static_cast<int>(k);
      else if (IsIntegerCell(c[k])) others += (k + 1 == c.size() ? -1 : 1) * *c[k].value;
      else usable = false;
    }
    if (!usable || blank < 0) continue;
    double need = blank + 1 == static_cast<int>(c.size()) ? others : -others;
    std::vector<const Item*> match;
    for (const Item* st : strays) {
      CellOut v = ParseCellText(st->raw);
      if (IsIntegerCell(v) && *v.value == need && need > 0) match.push_back(st);
    }
    if (match.size() != 1) continue;
    c[blank] = ParseCellText(match[0]->raw);
    c[blank].prov = match[0]->prov;
    report.issues.push_back({Severity::kWarning, "displaced_value_placed",
                             "tables." + s.path + "." + s.columns[blank] + ": blank in its row; "
                             "the value " + match[0]->raw + " printed outside the table (line " +
                             std::to_string(match[0]->prov.line) + ") is the one T3.3 requires"});
  }
}

// The x centre of each column of a layout table, from the rows of
// [begin, limit) that end in exactly `n` numbers placed by the PDF/OCR
// geometry; empty when fewer than three such rows exist (then rows with
// blank cells cannot be placed and are split as runs, with candidates).
std::vector<double> ColumnModel(const std::vector<Item>& items, StreamPos begin, StreamPos limit,
                                size_t n) {
  constexpr size_t kMinRows = 3;
  std::vector<std::vector<double>> xs(n);
  for (size_t i = begin.item; i < items.size() && StreamPos{i, 0} < limit; ++i) {
    const Item& it = items[i];
    if (it.token_x.size() < n) continue;
    std::vector<std::string> tokens(1);
    for (size_t b = 0; b < it.norm.text.size(); ++b) {
      if (b > 0 && it.norm.SpaceBefore(b)) tokens.emplace_back();
      tokens.back().push_back(it.norm.text[b]);
    }
    if (tokens.size() != it.token_x.size()) continue;
    bool numbers = true;
    for (size_t t = tokens.size() - n; t < tokens.size() && numbers; ++t) {
      numbers = tokens[t].find_first_not_of("0123456789.-") == std::string::npos;
    }
    if (!numbers || (tokens.size() > n && tokens[tokens.size() - n - 1].find_first_not_of(
                                               "0123456789.-") == std::string::npos)) {
      continue;  // more than n numbers: not a row of this table
    }
    for (size_t c = 0; c < n; ++c) xs[c].push_back(it.token_x[tokens.size() - n + c]);
  }
  std::vector<double> model;
  for (std::vector<double>& col : xs) {
    if (col.size() < kMinRows) return {};
    std::nth_element(col.begin(), col.begin() + col.size() / 2, col.end());
    model.push_back(col[col.size() / 2]);
  }
  return model;
}

// The labels CollectExtraRows must not take for extra rows: every table-三
// row's aliases and table 四's header words. Template data: for the built-in
// templates built once; the reference is valid until the next call.
const std::vector<std::vector<std::string>>& KnownLabels(const TemplateSpec& spec) {
  auto build = [](const TemplateSpec& t) {
    std::vector<std::vector<std::string>> known;
    for (const RowSpec& row : t.application_rows) known.push_back(row.aliases);
    known.push_back(t.review_header_words);
    return known;
  };
  static const auto* known2019 = new std::vector<std::vector<std::string>>(build(Gov2019Template()));
  static const auto* known2021 = new std::vector<std::vector<std::string>>(build(Gov2021Template()));
  if (&spec == &Gov2019Template()) return *known2019;
  if (&spec == &Gov2021Template()) return *known2021;
  thread_local std::vector<std::vector<std::string>> other;
  return other = build(spec);
}

// Table 三: rows in template order. A 2021 report that prints （六）其他处理
// as one row with values keeps it in other_handling.total; its sub-rows are
// then missing.
StreamPos MapApplications(const std::vector<Item>& items, const TemplateSpec& spec,
                          const std::vector<ProseFact>& facts, StreamPos begin,
                          StreamPos limit, ReportV1& report, int* n) {
  std::vector<RowSlot> slots;
  std::string single_group;  // set when （六） came as one row
  StreamPos cursor = begin;
  RowReadOptions counts;  // table 三 holds counts: no decimal cells
  counts.allow_decimal = false;
  counts.column_x = ColumnModel(items, begin, limit, spec.application_columns.size());
  const std::vector<std::string> columns = ColumnKeys(spec.application_columns);
  for (const RowSpec& row : spec.application_rows) {
    RowSlot slot;
    slot.path = JoinPath({"applications", row.key});
    slot.columns = columns;
    bool skipped = !single_group.empty() && row.key.rfind(single_group + ".", 0) == 0;
    if (!skipped) cursor = ReadSlot(items, row.aliases, cursor, limit, slot, counts);
    if (!row.alternative_of.empty() && slot.found) {
      bool has_values = !slot.read.cells.empty() || !slot.read.run.empty();
      if (has_values) single_group = row.alternative_of;
      else slot.found = false;
    } else if (slot.found && !HasValues(slot) && !counts.column_x.empty()) {
      // A printed layout table (PDF, scan) shows every row: a row label
      // with no number beside it is a row of blank cells.
      slot.read.cells.assign(slot.columns.size(), ParseCellText(""));
      report.issues.push_back({Severity::kInfo, "row_without_values",
                               "tables." + slot.path + ": the row is printed without numbers; "
                               "its cells are blank"});
    }
    slots.push_back(std::move(slot));
  }
  RecoverByPosition(items, spec, begin, limit, !single_group.empty(), slots);
  PlaceDisplacedValues(items, begin, limit, slots, report);
  ResolveRows(slots, ApplicationConstraints(spec, slots), facts, "applications", report);
  *n += CountRead(slots);
  for (size_t i = 0; i < slots.size(); ++i) {
    bool alternative = !spec.application_rows[i].alternative_of.empty();
    if (alternative && single_group.empty()) continue;  // 2021 with sub-rows
    Emit(std::move(slots[i]), report);
  }
  CollectExtraRows(items, begin, limit, "applications", columns, KnownLabels(spec), report);
  return cursor;
}

// Moves past table 四 header words glued in front of its digits.
StreamPos SkipHeaderText(const std::vector<Item>& items, StreamPos pos,
                         const std::vector<std::string>& words) {
  const std::string& text = items[pos.item].norm.text;
  for (bool moved = true; moved;) {
    moved = false;
    for (const std::string& w : words) {
      if (text.compare(pos.offset, w.size(), w) == 0) {
        pos.offset += w.size();
        moved = true;
      }
    }
  }
  return pos;
}

// Table 四: one row of 15 cells after its header.
void MapReview(const std::vector<Item>& items, const TemplateSpec& spec,
               const std::vector<ProseFact>& facts, StreamPos begin, StreamPos limit,
               ReportV1& report, int* n) {
  std::vector<RowSlot> one(1);
  RowSlot& slot = one[0];
  slot.path = "review_litigation";
  std::vector<std::string> columns;
  for (const std::string& g : spec.review_groups) {
    for (const std::string& f : spec.review_fields) columns.push_back(g + "." + f);
  }
  slot.columns = columns;
  LabelHit hit;
  if (FindLabel(items, spec.review_anchors, begin, limit, &hit)) {
    RowReadOptions options;
    options.skip_words = spec.review_header_words;
    options.allow_decimal = false;
    StreamPos pos = SkipHeaderText(items, hit.begin, spec.review_header_words);
    slot.read = ReadRowValues(items, pos, static_cast<int>(slot.columns.size()), limit, options);
    slot.found = true;
  }
  std::vector<CellConstraint> constraints;
  const int fields = static_cast<int>(spec.review_fields.size());
  for (size_t g = 0; g < spec.review_groups.size(); ++g) {
    CellConstraint k{"T4." + std::to_string(g + 1), {{0, int(g) * fields + fields - 1}}, {}};
    for (int f = 0; f + 1 < fields; ++f) k.rhs.push_back({0, int(g) * fields + f});
    constraints.push_back(k);
  }
  ResolveRows(one, constraints, facts, "review_litigation", report);
  *n += CountRead(one);
  Emit(std::move(slot), report);
}

// The cells the template's rows can emit: reserved at once, report.cells
// does not grow (moving every cell) several times per report.
size_t TemplateCellCount(const TemplateSpec& spec) {
  size_t n = spec.application_rows.size() * spec.application_columns.size() +
             spec.review_groups.size() * spec.review_fields.size();
  for (const SubTableSpec& sub : spec.active_disclosure) n += sub.rows.size() * sub.columns.size();
  return n;
}

}  // namespace

int MapTables(const std::vector<Item>& items, const TemplateSpec& spec,
              const std::vector<ProseFact>& facts, ReportV1& report) {
  report.cells.reserve(report.cells.size() + TemplateCellCount(spec));
  StreamPos begin{0, 0};
  StreamPos end{items.size(), 0};
  StreamPos table3 = end;
  LabelHit hit, caption;
  const bool has_caption =
      FindLabel(items, spec.active_disclosure.front().captions, begin, end, &caption);
  const StreamPos first_caption = has_caption ? caption.end : begin;
  if (FindLabel(items, spec.application_anchors, first_caption, end, &hit)) table3 = hit.begin;
  StreamPos table4 = end;
  if (FindLabel(items, spec.review_anchors, table3, end, &hit)) table4 = hit.begin;
  int n = MapActiveDisclosure(items, spec, facts, begin, table3,
                              has_caption ? &caption : nullptr, report);
  StreamPos after3 = MapApplications(items, spec, facts, table3, table4, report, &n);
  MapReview(items, spec, facts, after3, end, report, &n);
  return n;
}

int MapTables(const std::vector<Item>& items, const TemplateSpec& spec, ReportV1& report) {
  return MapTables(items, spec, ExtractProseFacts(items, spec.name), report);
}

}  // namespace zfxxgk
