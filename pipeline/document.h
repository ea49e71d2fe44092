// The document model: what every parser produces and every later stage reads.
//
// Passive structs with value semantics. A parser turns input bytes into a
// Document holding blocks in reading order; a block is either a line of text
// (a paragraph, a heading, a one-cell-per-line dump line, a whole glued
// crawler line) or a reference to a Table whose cells form a grid with
// merged cells kept as spans. Every piece of text keeps a Provenance, so a
// value in the JSON can be traced back to where it was read.
#ifndef ZFXXGK_PIPELINE_DOCUMENT_H_
#define ZFXXGK_PIPELINE_DOCUMENT_H_

#include <cstddef>
#include <string>
#include <vector>

namespace zfxxgk {

// A box on a page, in points (PDF) or pixels (images), top-left origin.
struct BBox {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  bool empty() const { return x1 <= x0 || y1 <= y0; }
};

// Where a piece of text came from.
struct Provenance {
  int page = 0;                 // 0-based page (1 page for HTML and text)
  int line = -1;                // 1-based input line for text dumps, else -1
  int table = -1;               // table index in Document::tables, else -1
  int row = -1;                 // grid row of a table cell, else -1
  int col = -1;                 // grid column of a table cell, else -1
  size_t source_begin = 0;      // byte offsets into the decoded UTF-8 input
  size_t source_end = 0;
  BBox bbox;                     // on the page (PDF, images); empty otherwise
  double confidence = 1.0;      // 1.0 for native text
  std::string produced_by;      // parser or stage name ("html", "text")
};

struct Cell {
  int row = 0;        // top-left grid position
  int col = 0;
  int row_span = 1;
  int col_span = 1;
  std::string text;   // UTF-8, pieces (<p>, <span>, <br>) joined without separators
  bool is_header = false;  // <th>
  // OCR: the readings of a cell whose recognisers disagree, most likely
  // first (text is alternatives[0]); empty when the reading is certain.
  std::vector<std::string> alternatives;
  Provenance prov;
};

// A table as a grid. `cells` holds each physical cell once (at its top-left
// position); Grid() expands spans so every (row, col) names its cell.
struct Table {
  int n_rows = 0;
  int n_cols = 0;
  std::vector<Cell> cells;
  Provenance prov;

  // Index into `cells` of the cell covering (row, col), or -1 for a hole
  // (a ragged row). REQUIRES: 0 <= row < n_rows, 0 <= col < n_cols.
  std::vector<std::vector<int>> Grid() const;
};

enum class BlockKind {
  kText,   // a line or paragraph of text
  kTable,  // a reference to Document::tables[table_index]
};

struct Block {
  BlockKind kind = BlockKind::kText;
  std::string text;        // UTF-8 as printed (kText)
  int table_index = -1;    // kTable
  // Text dumps with one cell per line: blank lines before this line. One
  // blank line separates cells; each extra one is an empty cell.
  int blank_lines_before = 0;
  // Layout lines (PDF, OCR): the x centre of each space-separated token of
  // `text`, so a row of numbers can be placed under its columns even when
  // some cells are blank. Empty for other inputs.
  std::vector<double> token_x;
  Provenance prov;
};

enum class Severity { kError, kWarning, kInfo };

// "error", "warning" or "info": the contract's issue severity names.
const char* SeverityName(Severity severity);

struct Issue {
  Severity severity = Severity::kWarning;
  std::string code;     // stable machine name: "ambiguous_split"
  std::string message;  // for people, naming the place
};

enum class InputFormat { kUnknown, kHtml, kText, kPdf, kImage };

struct Source {
  std::string path;
  std::string sha256;
  InputFormat format = InputFormat::kUnknown;
  std::string encoding;  // "utf-8", "gb18030", "utf-16le", ...
  int pages = 1;
  // PDF and images: how each page was read, in page order: "text" (the
  // PDF's text layer), "ocr" (rendered or decoded and recognised), "unread"
  // (over a limit, or unreadable: an issue says why). Empty for HTML/text.
  std::vector<std::string> page_methods;
};

struct Document {
  Source source;
  std::vector<Block> blocks;
  std::vector<Table> tables;
  std::vector<Issue> issues;
  // Whether text blocks come from a one-cell-per-line dump, where
  // blank_lines_before encodes empty cells.
  bool cell_per_line = false;
  // Whether every block's and cell's text is already white-space collapsed
  // (CollapseSpaces leaves it as it is), so readers need not collapse it again.
  bool text_collapsed = false;
};

const char* InputFormatName(InputFormat format);

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_DOCUMENT_H_
