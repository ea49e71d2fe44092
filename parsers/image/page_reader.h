// One page image → tables and text blocks of a Document, by OCR.
//
// The page is prepared (background, skew: page_image.h), its ruled tables
// found (table_grid.h) and its rules painted out. Each non-empty cell is
// recognised on its own, so a word can never fall into the wrong cell and
// no rule is read as a digit: its
// lines of ink are put side by side on one strip, scaled to body-text
// height, and read as one line. A one-line cell is first read by the
// digits-only recogniser; unless that gives a confident number explaining
// all the ink, the text recogniser reads it too, and when both read a
// number and disagree both are kept (Cell::alternatives) and the cell keeps
// the lower confidence. A one-line cell whose ink looks like ideographs is
// read by the text recogniser first, and not by the Latin one when that
// reads a label (two or more ideographs, no digit). A long label cell is
// read by its two ends when they name one known label (OcrReadOptions::
// labels, label_ends.h). Text outside tables (title, dates, prose) is read
// line by line and grouped into lines (pipeline/layout_lines.h). Blocks
// come in reading order, top to bottom; a table that runs over a page
// break is the next table in the Document.
//
// Every block and cell gets Provenance{page, bbox in points (1/72 inch) of
// the deskewed page, confidence, produced_by "ocr"}.
// Thread-safe if each thread passes its own engine.
#ifndef ZFXXGK_PARSERS_IMAGE_PAGE_READER_H_
#define ZFXXGK_PARSERS_IMAGE_PAGE_READER_H_

#include "parsers/image/table_grid.h"
#include "pipeline/document.h"
#include "pipeline/label_set.h"
#include "pipeline/ocr_engine.h"
#include "pipeline/status.h"

namespace zfxxgk::image {

struct OcrReadOptions {
  GridOptions grid;
  // A one-line cell whose digits reading explains all its ink with at least
  // this confidence, confirmed by an unconstrained Latin reading, is taken
  // as that number without the Chinese recogniser.
  double trust_digits = 0.90;
  // A cell whose final confidence is below this is reported in `issues`
  // (code "ocr_low_confidence"); its confidence also appears in the JSON.
  double flag_below = 0.80;
  // Time budget for one page, in seconds, from decoding to the last cell
  // (0 = none). Checked before each recogniser call: a page over it fails
  // with kResourceLimit naming the limit and its flag (--max-ocr-seconds).
  double max_seconds = 300;
  // Known label texts (not owned; null = none): a long label cell that
  // starts and ends like exactly one of them is read by its two ends only
  // (parsers/image/label_ends.h).
  const LabelSet* labels = nullptr;
};

// Reads `raw` as page `page_index` (0-based) and appends its blocks and
// tables to `doc`. The PDF parser calls it for pages without a text layer.
// Errors: those of the engine, out of memory (kInternal), or the page's
// time budget spent (kResourceLimit, see OcrReadOptions::max_seconds); `doc`
// is then unchanged and the caller decides whether to record an issue and go on.
Status ReadPageImage(const GreyImage& raw, int page_index, OcrEngine& engine, Document& doc,
                     const OcrReadOptions& options = OcrReadOptions());

}  // namespace zfxxgk::image

#endif  // ZFXXGK_PARSERS_IMAGE_PAGE_READER_H_
