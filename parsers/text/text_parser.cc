#include "parsers/text/text_parser.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/normalize.h"
#include "pipeline/utf8.h"
#include "schemas/cell_value.h"

namespace zfxxgk::text {
namespace {

struct Line {
  std::string text;  // trimmed
  int number = 0;    // 1-based
  size_t begin = 0;  // byte offset in the input
};

std::vector<Line> SplitLines(std::string_view s) {
  std::vector<Line> lines;
  lines.reserve(CountByte(s, '\n') + 1);
  size_t pos = 0;
  int number = 1;
  while (pos <= s.size()) {
    size_t end = s.find('\n', pos);
    if (end == std::string_view::npos) end = s.size();
    std::string_view raw = s.substr(pos, end - pos);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    Line& line = lines.emplace_back();
    if (!raw.empty()) line.text = CollapseSpaces(raw);  // blank lines are most of some dumps
    line.number = number++;
    line.begin = pos;
    if (end == s.size()) break;
    pos = end + 1;
  }
  return lines;
}

bool IsPipeRow(const std::string& line) { return line.size() > 1 && line[0] == '|'; }

// Cells are collapsed from views into `line` (no temporary copy per cell).
std::vector<std::string> PipeCells(std::string_view line) {
  std::vector<std::string> cells;
  size_t start = 1;  // skip the leading '|'
  while (start <= line.size()) {
    size_t bar = line.find('|', start);
    if (bar == std::string_view::npos) {
      std::string rest = CollapseSpaces(line.substr(start));
      if (!rest.empty()) cells.push_back(std::move(rest));
      break;
    }
    cells.push_back(CollapseSpaces(line.substr(start, bar - start)));
    start = bar + 1;
  }
  return cells;
}

// A markdown alignment cell, :?-{3,}:? ("---", ":---:", "---:"): read
// directly, as one row in three of a pipe table is tested.
bool IsSeparatorCell(std::string_view c) {
  if (!c.empty() && c.front() == ':') c.remove_prefix(1);
  if (!c.empty() && c.back() == ':') c.remove_suffix(1);
  return c.size() >= 3 && c.find_first_not_of('-') == std::string_view::npos;
}

bool IsSeparatorRow(const std::vector<std::string>& cells) {
  for (const std::string& c : cells) {
    if (!IsSeparatorCell(c)) return false;
  }
  return !cells.empty();
}

// Appends the pipe rows starting at lines[i] as one Table; returns the index
// of the first line after it.
size_t ReadPipeTable(const std::vector<Line>& lines, size_t i, Document& doc) {
  Table table;
  table.prov.line = lines[i].number;
  table.prov.produced_by = "text";
  table.prov.table = static_cast<int>(doc.tables.size());
  for (; i < lines.size() && IsPipeRow(lines[i].text); ++i) {
    std::vector<std::string> cells = PipeCells(lines[i].text);
    if (IsSeparatorRow(cells)) continue;
    for (size_t c = 0; c < cells.size(); ++c) {
      Cell& cell = table.cells.emplace_back();  // built in place, not moved
      cell.row = table.n_rows;
      cell.col = static_cast<int>(c);
      cell.text = std::move(cells[c]);  // cells are not read again
      cell.prov = table.prov;
      cell.prov.line = lines[i].number;
      cell.prov.row = cell.row;
      cell.prov.col = cell.col;
    }
    table.n_cols = std::max(table.n_cols, static_cast<int>(cells.size()));
    ++table.n_rows;
  }
  Block block;
  block.kind = BlockKind::kTable;
  block.table_index = static_cast<int>(doc.tables.size());
  block.prov = table.prov;
  doc.tables.push_back(std::move(table));
  doc.blocks.push_back(std::move(block));
  return i;
}

// A dump is "one cell per line" when many lines hold a lone value and they
// are separated by blank lines: at least 30 value lines, and at least 80 %
// of them after a blank line. With S value lines after a blank line and N
// others, that is S + N >= 30 and S >= 4 N; so the lines after a blank line
// are classified first, and the others only while N can still stay small.
bool LooksCellPerLine(const std::vector<Line>& lines) {
  auto value = [&](size_t i) { return !lines[i].text.empty() && LooksLikeValue(lines[i].text); };
  int separated = 0;
  for (size_t i = 1; i < lines.size(); ++i) {
    if (lines[i - 1].text.empty() && value(i)) ++separated;
  }
  constexpr int kMinValues = 30;
  if (separated * 5 < kMinValues * 4) return false;  // S + N <= 1.25 S < 30
  int others = 0;
  for (size_t i = 1; i < lines.size(); ++i) {
    if (!lines[i - 1].text.empty() && value(i) && 4 * ++others > separated) return false;
  }
  return separated + others >= kMinValues;
}

}  // namespace

StatusOr<Document> ParseText(std::string_view utf8, const std::string& path) {
  std::vector<Line> lines = SplitLines(utf8);
  Document doc;
  doc.source.path = path;
  doc.source.format = InputFormat::kText;
  doc.cell_per_line = LooksCellPerLine(lines);
  doc.text_collapsed = true;  // SplitLines and PipeCells collapse every line and cell
  doc.blocks.reserve(lines.size());  // at most a block per line
  int blanks = 0;
  for (size_t i = 0; i < lines.size();) {
    if (lines[i].text.empty()) {
      ++blanks;
      ++i;
      continue;
    }
    if (IsPipeRow(lines[i].text)) {
      i = ReadPipeTable(lines, i, doc);
      blanks = 0;
      continue;
    }
    Block& block = doc.blocks.emplace_back();  // built in place, not moved
    block.blank_lines_before = blanks;
    block.prov.line = lines[i].number;
    block.prov.source_begin = lines[i].begin;
    block.prov.source_end = lines[i].begin + lines[i].text.size();
    block.text = std::move(lines[i].text);  // the line is not read again
    block.prov.produced_by = "text";
    blanks = 0;
    ++i;
  }
  if (doc.blocks.empty()) return Status(StatusCode::kEmptyInput, path + ": no text");
  return doc;
}

}  // namespace zfxxgk::text
