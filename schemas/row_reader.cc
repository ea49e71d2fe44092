#include "schemas/row_reader.h"

#include "pipeline/layout_lines.h"

#include <algorithm>
#include <cmath>
#include <cctype>

namespace zfxxgk {
namespace {

bool IsRunChar(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' ||
         c == ',';
}

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// The digit run at the start of `text` from `begin`: [begin, end). The
// label's own continuation (non-digit text such as "(区分处理的,…)") is
// skipped first. Returns begin == end when no run follows.
std::pair<size_t, size_t> LocateRun(const std::string& text, size_t from) {
  // A label's continuation is short; a run further away belongs elsewhere.
  constexpr size_t kMaxContinuationBytes = 40 * 3;
  size_t begin = from;
  while (begin < text.size() && begin - from <= kMaxContinuationBytes && !IsDigit(text[begin]) &&
         !((text[begin] == '-' || text[begin] == '+') && begin + 1 < text.size() &&
           IsDigit(text[begin + 1]))) {
    ++begin;
  }
  if (begin - from > kMaxContinuationBytes) return {from, from};
  size_t end = begin;
  while (end < text.size() && IsRunChar(text[end])) ++end;
  // A run glued to the next row's numbering ("00000002.其他…", "1、…"):
  // drop the single-digit ordinal that belongs to the next label.
  bool next_is_label = end < text.size();
  if (next_is_label && end - begin >= 2 && text[end - 1] == '.' && IsDigit(text[end - 2])) {
    end -= 2;
  } else if (next_is_label && end - begin >= 2 && IsDigit(text[end - 1]) &&
             text.compare(end, 3, "、") == 0) {
    end -= 1;
  }
  while (end > begin && (text[end - 1] == '.' || text[end - 1] == ',')) --end;
  return {begin, end};
}

// Space-separated tokens of text[begin, end) (white space was recorded in
// MatchText::spaces).
std::vector<std::string> Tokens(const MatchText& m, size_t begin, size_t end) {
  std::vector<std::string> tokens;
  auto space = std::lower_bound(m.spaces.begin(), m.spaces.end(), begin);
  for (size_t start = begin; start < end;) {
    while (space != m.spaces.end() && *space <= start) ++space;
    const size_t stop = space != m.spaces.end() && *space < end ? *space : end;
    tokens.emplace_back(m.text, start, stop - start);
    start = stop;
  }
  return tokens;
}

// "万元" or "元" printed right after a run, else empty.
std::string UnitAfter(const std::string& text, size_t end) {
  for (const char* unit : {"万元", "元"}) {
    if (text.compare(end, std::string(unit).size(), unit) == 0) return unit;
  }
  return "";
}

// Index of the space-separated token that byte `pos` of the norm text is in.
size_t TokenIndex(const MatchText& m, size_t pos) {
  return static_cast<size_t>(
      std::upper_bound(m.spaces.begin(), m.spaces.end(), pos) -
      std::upper_bound(m.spaces.begin(), m.spaces.end(), size_t{0}));
}

// Places `tokens` (starting at token `first` of the item) under the nearest
// of options.column_x; false unless every token has its own column, in
// order.
bool PlaceByColumns(const Item& item, size_t first, const std::vector<std::string>& tokens,
                    const RowReadOptions& options, RowRead& out) {
  const std::vector<double>& cols = options.column_x;
  if (cols.empty() || first + tokens.size() > item.token_x.size()) return false;
  std::vector<CellOut> cells(cols.size(), ParseCellText(""));
  int last = -1;
  for (size_t t = 0; t < tokens.size(); ++t) {
    double x = item.token_x[first + t];
    int best = 0;
    for (size_t c = 1; c < cols.size(); ++c) {
      if (std::abs(cols[c] - x) < std::abs(cols[best] - x)) best = static_cast<int>(c);
    }
    if (best <= last) return false;
    cells[best] = ParseCellText(tokens[t]);
    last = best;
  }
  for (CellOut& c : cells) c.prov = item.prov;
  out.cells = std::move(cells);
  return true;
}

bool ReadRun(const Item& item, size_t from, int n, const RowReadOptions& options,
             RowRead& out) {
  auto [begin, end] = LocateRun(item.norm.text, from);
  if (begin == end) return false;
  std::vector<std::string> tokens = Tokens(item.norm, begin, end);
  out.unit_suffix = UnitAfter(item.norm.text, end);
  end += out.unit_suffix.size();
  tokens.back() += out.unit_suffix;
  out.prov = item.prov;
  if (static_cast<int>(tokens.size()) < n && static_cast<int>(options.column_x.size()) == n &&
      PlaceByColumns(item, TokenIndex(item.norm, begin), tokens, options, out)) {
    out.end = StreamPos{0, end};
    return true;
  }
  if (static_cast<int>(tokens.size()) == n) {
    out.cells.reserve(tokens.size());
    for (const std::string& t : tokens) {
      out.cells.push_back(ParseCellText(t));
      out.cells.back().prov = item.prov;
    }
  } else {
    for (const std::string& t : tokens) out.run += t;
    std::string digits = out.run.substr(0, out.run.size() - out.unit_suffix.size());
    SplitOptions split_options;
    split_options.allow_decimal = options.allow_decimal;
    SplitList list = EnumerateSplits(digits, n, split_options);
    out.splits = std::move(list.splits);
    out.splits_truncated = list.truncated;
    for (Split& split : out.splits) {
      if (!split.empty()) split.back() += out.unit_suffix;
    }
  }
  out.end = StreamPos{0, end};
  return true;
}

// A header word between values; in OCR text also one with a misread
// character (疙计 for 总计).
bool IsSkipWord(const Item& item, const RowReadOptions& options) {
  const std::string& text = item.norm.text;
  if (std::any_of(text.begin(), text.end(), IsDigit)) return false;
  const bool ocr = IsOcrItem(item);
  return std::any_of(options.skip_words.begin(), options.skip_words.end(),
                     [&](const std::string& w) {
                       return text.find(w) != std::string::npos || (ocr && FuzzyEquals(text, w));
                     });
}

// Before the first value, a header cell of the label's OCR table whose
// words OCR mangled beyond a skip word (未经复议直;委起诉): no digits, same
// table, and only where header words are skipped at all (table 四).
bool IsOcrHeaderCell(const Item& item, const Provenance& label, const RowReadOptions& options,
                     const RowRead& out) {
  const std::string& text = item.norm.text;
  return !options.skip_words.empty() && out.cells.empty() && IsOcrItem(item) &&
         label.table >= 0 && item.prov.table == label.table &&
         std::none_of(text.begin(), text.end(), IsDigit);
}

// Whether items (label, i) all lie in the label's table row and that row
// ends at item i.
bool RowEndsAt(const std::vector<Item>& items, size_t label, size_t i) {
  const Provenance& p = items[label].prov;
  if (p.table < 0) return false;
  for (size_t k = label + 1; k < i; ++k) {
    if (items[k].prov.table != p.table || items[k].prov.row != p.row) return false;
  }
  return i >= items.size() || items[i].prov.table != p.table || items[i].prov.row != p.row;
}

// Whether item i is a blank cell of a table row that holds header words
// (table 四's second header row leaves gaps under merged headers).
bool IsHeaderFiller(const std::vector<Item>& items, size_t i, const RowReadOptions& options) {
  const Provenance& p = items[i].prov;
  if (options.skip_words.empty() || p.table < 0 || !items[i].raw.empty()) return false;
  constexpr size_t kRowReach = 64;  // a table row has far fewer cells
  size_t lo = i > kRowReach ? i - kRowReach : 0;
  for (size_t k = lo; k < items.size() && k <= i + kRowReach; ++k) {
    const Item& other = items[k];
    if (other.prov.table == p.table && other.prov.row == p.row && !other.is_value &&
        IsSkipWord(other, options)) {
      return true;
    }
  }
  return false;
}

// Whether a text item is nothing but a digit run ("1 0 0 1 2 …", an aligned
// data line).
bool IsRunLine(const Item& item) {
  const std::string& t = item.norm.text;
  return std::any_of(t.begin(), t.end(), IsDigit) && std::all_of(t.begin(), t.end(), IsRunChar) &&
         !IsPageNumberLine(item.raw);
}

// A table row with more value cells than columns: the surplus blanks at the
// ends are gaps under merged label cells or after the last column.
void TrimSurplusBlanks(std::vector<CellOut>& cells, int n) {
  auto blank = [](const CellOut& c) { return c.status == CellStatus::kBlank; };
  while (static_cast<int>(cells.size()) > n && blank(cells.front())) cells.erase(cells.begin());
  while (static_cast<int>(cells.size()) > n && blank(cells.back())) cells.pop_back();
}

// What a cell without several readings counts as for the identities: its
// integer, or 0 for a blank, dash, "/" or text (as the identity checker
// counts them).
std::string IdentityText(const CellOut& c) {
  if (c.value && c.integral) return std::to_string(static_cast<long long>(*c.value));
  return "0";
}

// A row holding OCR cells with several readings becomes a row of candidate
// splits (every combination of the readings, each cell's most likely
// reading first), so that the identities choose among them as among the
// splits of a glued run. Too many combinations: the most likely readings
// stay, flagged by their confidence.
void UseReadings(RowRead& out) {
  constexpr size_t kMaxCombinations = 256;
  size_t combinations = 1;
  for (const CellOut& c : out.cells) combinations *= std::max<size_t>(1, c.candidates.size());
  if (combinations < 2 || combinations > kMaxCombinations) {
    for (CellOut& c : out.cells) c.candidates.clear();
    return;
  }
  std::vector<Split> splits(1);
  for (const CellOut& c : out.cells) {
    const std::vector<std::string> options =
        c.candidates.empty() ? std::vector<std::string>{IdentityText(c)} : c.candidates;
    std::vector<Split> next;
    for (const Split& s : splits) {
      for (const std::string& o : options) {
        next.push_back(s);
        next.back().push_back(o);
      }
    }
    splits = std::move(next);
  }
  out.readings = true;
  out.splits = std::move(splits);
  for (const CellOut& c : out.cells) {
    out.run += (out.run.empty() ? "" : " ") + (c.raw.empty() ? std::string("_") : c.raw);
  }
  out.prov = out.cells.front().prov;
  out.reading_cells = std::move(out.cells);
  out.cells.clear();
}

}  // namespace

RowRead ReadRowValues(const std::vector<Item>& items, StreamPos after, int n,
                      StreamPos limit, const RowReadOptions& options) {
  RowRead out;
  out.end = after;
  if (after.item >= items.size()) return out;
  if (ReadRun(items[after.item], after.offset, n, options, out)) {
    out.end.item = after.item;
    return out;
  }
  const Provenance& label = items[after.item].prov;
  int continuation = options.continuation_lines;
  size_t i = after.item + 1;
  for (; i < items.size() && StreamPos{i, 0} < limit; ++i) {
    const Item& item = items[i];
    bool same_row = label.table >= 0 && item.prov.table == label.table &&
                    item.prov.row == label.row;
    if (!same_row && static_cast<int>(out.cells.size()) >= n) break;
    if (!item.is_value) {
      bool tail = out.cells.empty() && continuation-- > 0;
      if (out.cells.empty() && (IsRunLine(item) || tail) && ReadRun(item, 0, n, options, out)) {
        out.end.item = i;
        return out;
      }
      if (tail) continue;
      if (!IsSkipWord(item, options) && !IsOcrHeaderCell(item, label, options, out)) break;
      continue;
    }
    // A wrapped label's values are a digit line of the layout, never a lone
    // cell further on (that belongs to another row).
    if (options.continuation_lines > 0) break;
    if (IsHeaderFiller(items, i, options)) continue;
    if (out.cells.empty()) out.cells.reserve(static_cast<size_t>(std::max(n, 1)));
    out.cells.push_back(ParseCellText(item.raw));
    out.cells.back().prov = item.prov;
    if (item.alternatives.size() > 1) out.cells.back().candidates = item.alternatives;
  }
  TrimSurplusBlanks(out.cells, n);
  if (static_cast<int>(out.cells.size()) > n) out.cells.resize(n);
  if (static_cast<int>(out.cells.size()) == n) UseReadings(out);
  // Nothing read: stay right after the label (a group label such as
  // （六）其他处理 carries no numbers, and the rest of a glued line matters).
  out.end = out.cells.empty() ? after : StreamPos{i, 0};
  out.one_cell_lost = static_cast<int>(out.cells.size()) == n - 1 &&
                      RowEndsAt(items, after.item, i);
  return out;
}

}  // namespace zfxxgk
