// Positioned words → reading-order lines: the geometry step shared by PDF
// text layers and OCR output.
//
// Words whose vertical extents overlap form one line, read left to right.
// Words far apart on a line stay separate tokens (one space between): table
// cells of a row keep their boundaries, so the mapper reads a row of numbers
// as cells, exactly as in a space-aligned text dump. Page furniture (a line
// holding only a page number, e.g. "-4-" or "— 4 —") is dropped.
// Thread-safe: pure functions.
#ifndef ZFXXGK_PIPELINE_LAYOUT_LINES_H_
#define ZFXXGK_PIPELINE_LAYOUT_LINES_H_

#include <string>
#include <vector>

#include "pipeline/document.h"

namespace zfxxgk {

struct PositionedWord {
  std::string text;         // UTF-8
  BBox box;
  int page = 0;
  double confidence = 1.0;  // 1.0 for a native text layer
};

struct LayoutLine {
  std::string text;         // words in x order; " " where a gap separates them
  BBox box;
  int page = 0;
  double confidence = 1.0;  // the lowest word confidence
  std::vector<double> token_x;  // x centre of each space-separated token
};

struct LineOptions {
  // Two words share a line when their vertical overlap is at least this
  // fraction of the smaller height.
  double min_vertical_overlap = 0.5;
  // A horizontal gap wider than this fraction of the line height separates
  // tokens; narrower gaps join words into one token.
  double token_gap = 0.6;
};

// Lines of all pages, in page order, top to bottom.
std::vector<LayoutLine> BuildLines(std::vector<PositionedWord> words,
                                   const LineOptions& options = LineOptions());

// Whether `text` is only a page number ("-4-", "— 4 —", "第4页", "4").
bool IsPageNumberLine(const std::string& text);

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_LAYOUT_LINES_H_
