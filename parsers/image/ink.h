// Ink on a rule-free page: where the text of a cell or band is, its lines,
// specks to drop, and the single-line strips handed to the recogniser.
// Private to parsers/image/ (Leptonica types).
#ifndef ZFXXGK_PARSERS_IMAGE_INK_H_
#define ZFXXGK_PARSERS_IMAGE_INK_H_

#include <optional>
#include <vector>

#include "parsers/image/pix.h"
#include "pipeline/document.h"
#include "pipeline/ocr_engine.h"

namespace zfxxgk::image {

// Pixels for a length in inches at `dpi` (at least 1).
int Px(double inches, int dpi);

PixelRect ToRect(const BBox& b);

// `b` grown by `by` on every side, kept inside `limit`.
BBox Grow(const BBox& b, double by, const BBox& limit);

// The box of the ink inside `area`, or nothing when it holds only specks
// (smaller than 0.035 inch both ways). A mark (a speck, or with `relative`
// (a table cell) a component less than half the tallest glyph's height
// both ways; not in a band of lines whose title dwarfs the digits of a
// date) counts only inside a character, next to another mark (pieces of a
// faint glyph), when text flanks it on both sides (a decimal point, a
// comma), or as a minus sign just before text; other marks are erased from
// `ink` and painted white in `grey` (may be null), so that no strip shows
// them (a speck left of 1532.8 reads as a minus sign, one after 0 as 、).
// Remnants of the cell's rules do not count: a thin stroke against an edge
// of `area` spanning most of it (a rule the eraser missed, e.g. on a
// skewed phone photo). REQUIRES: lone specks were removed (RemoveSpecks).
std::optional<BBox> InkBox(Pix* ink, Pix* grey, const BBox& area, int dpi, bool relative);

// Text lines inside `box` by the ink projection: rows with ink, split at
// blank rows; pieces of one line (the strokes of 三 are separate rows of
// ink) are joined while the result is no taller than a typical line of the box.
// Each line's box is tight around its ink.
std::vector<BBox> InkLines(Pix* ink, const BBox& box);

// Removes specks (scanner dust, fax noise) from `ink` and paints them white
// in `grey`: components smaller than 0.035 inch both ways lying away from
// any text. A decimal point sits next to digits and stays.
void RemoveSpecks(Pix* ink, GreyImage& grey);

// The lines of `grey` (boxes from InkLines, each taken with `pad` pixels of
// the page around it, within `limit`, so that faint edges of blurred glyphs
// are kept) side by side on one white strip, vertically centred, a
// character gap apart, with margin_x / margin_y pixels of white left and
// right / above and below, scaled so that no line is much taller than `line_height`
// pixels (Tesseract misreads large bold titles: 舟 as 丹). A wrapped label
// becomes the single text line the recogniser reads best, so a lone
// last-line character (the 益 of 保护第三方合法权益) is read in context.
struct Strip {
  GreyImage image;
  double scale = 1;  // strip pixels per page pixel
};
Strip MakeStrip(Pix* grey, const std::vector<BBox>& lines, const BBox& limit, int pad,
                int line_height, int margin_x, int margin_y);

// Width in pixels of the widest ink component of `ink` inside `box` (0
// when there is none or out of memory). In a line of ideographs some part
// (a horizontal stroke, 口, 言) is nearly as wide as the line is high; a
// digit is about half as wide.
int WidestComponent(Pix* ink, const BBox& box);

// Boxes of the ink components of `image` (grey below `threshold`) at least
// `min_size` pixels in one direction.
std::vector<BBox> InkComponents(const GreyImage& image, int threshold, int min_size);

}  // namespace zfxxgk::image

#endif  // ZFXXGK_PARSERS_IMAGE_INK_H_
