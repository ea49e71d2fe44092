// Ruled tables on a page image: rules, grid and merged cells.
//
// Rules are found by morphology: an opening of the page's dark pixels with
// a long horizontal (vertical) structuring element keeps only long runs,
// which text strokes are not. Rules that touch each other form a table;
// within it, rule positions (clustered, double rules joined) give the
// elementary grid. A boundary between two neighbouring grid cells exists
// where the rule segment between them is actually printed (measured as ink
// coverage along it); where it is absent the cells are one merged cell, so
// rowspan/colspan come out as in the HTML of the same table. A table broken
// by a page break is simply two tables, in page order.
//
// Units are pixels of the analysed image; lengths in the options are in
// inches and scale with GreyImage::dpi.
// Thread-safe: pure functions.
#ifndef ZFXXGK_PARSERS_IMAGE_TABLE_GRID_H_
#define ZFXXGK_PARSERS_IMAGE_TABLE_GRID_H_

#include <vector>

#include "pipeline/document.h"
#include "pipeline/ocr_engine.h"

namespace zfxxgk::image {

// A rule's extent across its direction: y range of a horizontal rule, x
// range of a vertical one (both inclusive).
struct RuleLine {
  int start = 0;
  int end = 0;
};

struct GridCell {
  int row = 0;  // top-left elementary position
  int col = 0;
  int row_span = 1;
  int col_span = 1;
  BBox inner;   // inside the surrounding rules
};

struct TableGrid {
  BBox box;                    // outer edges of the table's rules
  std::vector<RuleLine> rows;  // horizontal rules, top to bottom: n_rows() + 1
  std::vector<RuleLine> cols;  // vertical rules, left to right: n_cols() + 1
  std::vector<GridCell> cells; // each physical cell once, by top-left, row-major
  int n_rows() const { return rows.empty() ? 0 : static_cast<int>(rows.size()) - 1; }
  int n_cols() const { return cols.empty() ? 0 : static_cast<int>(cols.size()) - 1; }
};

struct GridOptions {
  // Grey level (on the background-normalised page, paper at 255) below
  // which a pixel may belong to a rule: faint grey rules of about 180
  // count, JPEG ripples of about 240 do not.
  int rule_threshold = 225;
  // Shortest horizontal rule segment, inches (longer than any text stroke).
  double min_horizontal_rule = 0.4;
  // Shortest vertical rule segment, inches: longer than a 10.5 pt character
  // (0.15 inch), shorter than a one-line table row with its rules.
  double min_vertical_rule = 0.17;
  // Thickest rule, inches (a thicker run is a filled area, not a rule).
  double max_rule_thickness = 0.06;
  // Rules closer than this, inches, are one rule (a double outer border).
  double min_row_gap = 0.06;
  // Share of a boundary segment that must be inked for it to exist.
  double boundary_coverage = 0.85;
  // Narrowest table as a share of the page width.
  double min_table_width = 0.2;
};

struct PageLayout {
  std::vector<TableGrid> tables;  // top to bottom
  // The page with every detected rule painted white: what OCR reads, so a
  // rule can never be read as "1", "|" or "一".
  GreyImage text_image;
};

PageLayout AnalyzePage(const GreyImage& page, const GridOptions& options = GridOptions());

}  // namespace zfxxgk::image

#endif  // ZFXXGK_PARSERS_IMAGE_TABLE_GRID_H_
