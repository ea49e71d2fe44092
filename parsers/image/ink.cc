#include "parsers/image/ink.h"

#include <algorithm>
#include <cmath>

namespace zfxxgk::image {
namespace {

// Inches: smaller both ways is a speck; a speck this close to text may be
// part of it (a decimal point); how close to an edge a rule remnant lies.
constexpr double kSpeck = 0.035, kSpeckReach = 0.06, kNearEdge = 0.04;
// Inches: how far text may be from a small mark on either side for the mark
// to count as part of it (the dots of a full-width colon sit about 0.06
// inch from the characters around).
constexpr double kFlankReach = 0.1;
// A component smaller than this share of the tallest one in both
// directions is a mark, not a glyph (dots of 、, 。, noise).
constexpr double kMarkShare = 0.45;
// Inches: marks this close to another mark are pieces of one glyph.
constexpr double kPieceGap = 0.03;

// A thin stroke against an edge of the area (x, y relative to it) that
// spans most of it: what is left of a rule, not text (a digit 1 is far
// shorter than its cell).
bool IsRuleRemnant(int x, int y, int w, int h, const PixelRect& area, int near) {
  const bool vertical = h > 3 * w && h >= 0.6 * area.height &&
                        (x <= near || area.width - (x + w) <= near);
  const bool horizontal = w > 3 * h && w >= 0.6 * area.width &&
                          (y <= near || area.height - (y + h) <= near);
  return vertical || horizontal;
}

BBox Union(const std::optional<BBox>& a, const BBox& b) {
  if (!a) return b;
  return {std::min(a->x0, b.x0), std::min(a->y0, b.y0), std::max(a->x1, b.x1),
          std::max(a->y1, b.y1)};
}

// First and last inked x of row y in [x0, x1); -1 when none.
std::pair<int, int> RowInk(const l_uint32* line, int x0, int x1) {
  int first = -1, last = -1;
  for (int x = x0; x < x1; ++x) {
    if (GET_DATA_BIT(line, x) == 0) continue;
    if (first < 0) first = x;
    last = x;
  }
  return {first, last};
}

// The height of a typical text line among projection runs: the (lower)
// median of the runs at least 35% as tall as the tallest (strokes of 三 and
// specks are lower). A title above a date line is taller than typical.
double TypicalHeight(const std::vector<BBox>& runs) {
  double tallest = 0;
  for (const BBox& b : runs) tallest = std::max(tallest, b.height());
  std::vector<double> heights;
  for (const BBox& b : runs) {
    if (b.height() >= 0.35 * tallest) heights.push_back(b.height());
  }
  if (heights.empty()) return tallest;
  const size_t mid = (heights.size() - 1) / 2;
  std::nth_element(heights.begin(), heights.begin() + mid, heights.end());
  return heights[mid];
}

// Joins projection runs that are pieces of one line (while the result is
// no taller than a typical line: a band's title must not let a date line
// swallow the specks below it), then drops "lines" far lower than the
// tallest (marks left above or below the text: a speck that text flanks, a
// stray dash), which would otherwise be read first.
std::vector<BBox> JoinPieces(const std::vector<BBox>& runs) {
  const double typical = TypicalHeight(runs);
  std::vector<BBox> lines;
  for (const BBox& b : runs) {
    if (!lines.empty() && b.y1 - lines.back().y0 <= 1.1 * typical) {
      lines.back() = Union(lines.back(), b);
    } else {
      lines.push_back(b);
    }
  }
  double highest = 0;
  for (const BBox& l : lines) highest = std::max(highest, l.height());
  std::erase_if(lines, [&](const BBox& l) { return l.height() < 0.35 * highest; });
  return lines;
}

}  // namespace

int Px(double inches, int dpi) { return std::max(1, static_cast<int>(std::lround(inches * dpi))); }

PixelRect ToRect(const BBox& b) {
  int x0 = static_cast<int>(std::floor(b.x0)), y0 = static_cast<int>(std::floor(b.y0));
  int x1 = static_cast<int>(std::ceil(b.x1)), y1 = static_cast<int>(std::ceil(b.y1));
  return {x0, y0, std::max(0, x1 - x0), std::max(0, y1 - y0)};
}

BBox Grow(const BBox& b, double by, const BBox& limit) {
  return {std::max(limit.x0, b.x0 - by), std::max(limit.y0, b.y0 - by),
          std::min(limit.x1, b.x1 + by), std::min(limit.y1, b.y1 + by)};
}

namespace {

// Whether a small mark sits within text: inside a character's box, or with
// significant ink both to its left and to its right on its line, within
// `reach` (a decimal point, a comma, the dots of a colon), or a minus sign
// (flat, just before text, at mid-height).
// A speck beside a number ("·0", a dot left of 1532.8 read as a minus
// sign) has text on one side only.
bool Flanked(const BBox& mark, const std::vector<BBox>& text, double reach) {
  bool left = false, right = false, minus = false;
  const bool flat = mark.width() > 2 * mark.height();
  const double cy = (mark.y0 + mark.y1) / 2;
  for (const BBox& t : text) {
    const bool inside = t.x0 <= mark.x1 && mark.x0 <= t.x1 && t.y0 <= mark.y1 && mark.y0 <= t.y1;
    if (inside) return true;  // a dot of a character (the 丶 in 斥)
    const bool same_line = t.y0 <= mark.y1 + reach / 2 && mark.y0 <= t.y1 + reach / 2;
    if (!same_line) continue;
    left = left || (t.x1 <= mark.x1 && mark.x0 - t.x1 <= reach);
    right = right || (t.x0 >= mark.x0 && t.x0 - mark.x1 <= reach);
    // A minus sign blurred below the speck size: flat, close before text,
    // at the middle of its height.
    minus = minus || (flat && t.x0 >= mark.x1 && t.x0 - mark.x1 <= reach / 2.5 &&
                      cy > t.y0 + 0.25 * t.height() && cy < t.y1 - 0.25 * t.height());
  }
  return (left && right) || minus;
}

void Erase(Pix* ink, Pix* grey, const BBox& b) {
  const PixelRect r = ToRect(b);
  BOX* box = boxCreate(r.x, r.y, r.width, r.height);
  pixClearInRect(ink, box);
  if (grey) pixSetInRectArbitrary(grey, box, 255);
  boxDestroy(&box);
}

}  // namespace

std::optional<BBox> InkBox(Pix* ink, Pix* grey, const BBox& area, int dpi, bool relative) {
  PixelRect r = ToRect(area);
  if (r.width <= 2 || r.height <= 2) return std::nullopt;
  BOX* box = boxCreate(r.x, r.y, r.width, r.height);
  PixPtr clip(pixClipRectangle(ink, box, nullptr));
  boxDestroy(&box);
  if (!clip) return std::nullopt;
  BoxaPtr comps(pixConnCompBB(clip.get(), 8));
  if (!comps) return std::nullopt;
  const int speck = Px(kSpeck, dpi), near = Px(kNearEdge, dpi);
  std::vector<BBox> parts;
  double tallest = 0;
  for (int i = 0; i < boxaGetCount(comps.get()); ++i) {
    l_int32 x, y, w, h;
    boxaGetBoxGeometry(comps.get(), i, &x, &y, &w, &h);
    if (IsRuleRemnant(x, y, w, h, r, near)) continue;
    parts.push_back({double(r.x + x), double(r.y + y), double(r.x + x + w), double(r.y + y + h)});
    tallest = std::max(tallest, double(h));
  }
  // A mark: smaller than a speck, or than half the tallest glyph both ways
  // (fax noise after a number, read as 、).
  const double small = std::max(double(speck), relative ? kMarkShare * tallest : 0.0);
  std::vector<BBox> text, marks;
  for (const BBox& b : parts) (b.width() < small && b.height() < small ? marks : text).push_back(b);
  if (text.empty()) return std::nullopt;
  std::optional<BBox> out;  // (specks alone never make a cell non-empty)
  for (const BBox& b : text) out = Union(out, b);
  const double touch = Px(kPieceGap, dpi);
  for (const BBox& m : marks) {
    // Pieces of a faint glyph broken by binarisation lie close together.
    const bool piece = std::any_of(marks.begin(), marks.end(), [&](const BBox& o) {
      return &o != &m && o.x0 <= m.x1 + touch && m.x0 <= o.x1 + touch && o.y0 <= m.y1 + touch &&
             m.y0 <= o.y1 + touch;
    });
    if (piece || Flanked(m, text, Px(kFlankReach, dpi))) out = Union(out, m);
    else Erase(ink, grey, m);
  }
  return out;
}

std::vector<BBox> InkLines(Pix* ink, const BBox& box) {
  PixelRect r = ToRect(box);
  r.width = std::min(r.width, static_cast<int>(pixGetWidth(ink)) - r.x);
  r.height = std::min(r.height, static_cast<int>(pixGetHeight(ink)) - r.y);
  const l_uint32* data = pixGetData(ink);
  const int wpl = pixGetWpl(ink);
  std::vector<BBox> runs;
  bool in_run = false;
  for (int y = r.y; y < r.y + r.height; ++y) {
    auto [first, last] = RowInk(data + static_cast<size_t>(y) * wpl, r.x, r.x + r.width);
    if (first >= 0) {
      BBox row{double(first), double(y), double(last + 1), double(y + 1)};
      if (in_run) runs.back() = Union(runs.back(), row);
      else runs.push_back(row);
    }
    in_run = first >= 0;
  }
  return JoinPieces(runs);
}

void RemoveSpecks(Pix* ink, GreyImage& grey) {
  const int speck = Px(kSpeck, grey.dpi), reach = Px(kSpeckReach, grey.dpi);
  PixPtr big(pixSelectBySize(ink, speck, speck, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GTE,
                             nullptr));
  if (!big) return;
  PixPtr small(pixSubtract(nullptr, ink, big.get()));
  PixPtr zone(pixDilateCompBrickExtendDwa(nullptr, big.get(), 2 * reach + 1, reach + 1));
  if (!small || !zone) return;
  PixPtr lone(pixSubtract(nullptr, small.get(), zone.get()));
  if (!lone) return;
  pixSubtract(ink, ink, lone.get());
  const l_uint32* data = pixGetData(lone.get());
  const int wpl = pixGetWpl(lone.get());
  for (int y = 0; y < grey.height; ++y) {
    const l_uint32* line = data + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < grey.width; ++x) {
      if (GET_DATA_BIT(line, x)) grey.pixels[static_cast<size_t>(y) * grey.width + x] = 255;
    }
  }
}

int WidestComponent(Pix* ink, const BBox& box) {
  const PixelRect r = ToRect(box);
  BOX* b = boxCreate(r.x, r.y, std::max(1, r.width), std::max(1, r.height));
  PixPtr clip(b ? pixClipRectangle(ink, b, nullptr) : nullptr);
  boxDestroy(&b);
  BoxaPtr comps(clip ? pixConnCompBB(clip.get(), 8) : nullptr);
  int widest = 0;
  for (int i = 0; comps && i < boxaGetCount(comps.get()); ++i) {
    l_int32 x, y, w, h;
    boxaGetBoxGeometry(comps.get(), i, &x, &y, &w, &h);
    widest = std::max(widest, int(w));
  }
  return widest;
}

std::vector<BBox> InkComponents(const GreyImage& image, int threshold, int min_size) {
  std::vector<BBox> out;
  PixPtr grey = PixFromGrey(image);
  PixPtr ink(grey ? pixThresholdToBinary(grey.get(), threshold) : nullptr);
  BoxaPtr comps(ink ? pixConnCompBB(ink.get(), 8) : nullptr);
  if (!comps) return out;
  for (int i = 0; i < boxaGetCount(comps.get()); ++i) {
    l_int32 x, y, w, h;
    boxaGetBoxGeometry(comps.get(), i, &x, &y, &w, &h);
    if (w >= min_size || h >= min_size) out.push_back({double(x), double(y), double(x + w), double(y + h)});
  }
  return out;
}

Strip MakeStrip(Pix* grey, const std::vector<BBox>& lines, const BBox& limit, int pad,
                int line_height, int margin_x, int margin_y) {
  double tallest = 0;
  for (const BBox& b : lines) tallest = std::max(tallest, b.height());
  const double f = tallest > 1.33 * line_height ? line_height / tallest : 1.0;
  std::vector<PixPtr> parts;
  int width = 0, height = 0;
  for (const BBox& b : lines) {
    PixelRect r = ToRect(Grow(b, pad, limit));
    BOX* box = boxCreate(r.x, r.y, std::max(1, r.width), std::max(1, r.height));
    PixPtr part(pixClipRectangle(grey, box, nullptr));
    boxDestroy(&box);
    if (part && f != 1.0) part.reset(pixScale(part.get(), float(f), float(f)));
    if (!part) continue;
    width += pixGetWidth(part.get());
    height = std::max(height, int(pixGetHeight(part.get())));
    parts.push_back(std::move(part));
  }
  const int gap = static_cast<int>(0.3 * height);
  const int dpi = std::max(1, static_cast<int>(std::lround(pixGetXRes(grey) * f)));
  width += 2 * margin_x + gap * std::max(0, static_cast<int>(parts.size()) - 1);
  PixPtr strip(pixCreate(std::max(1, width), height + 2 * margin_y, 8));
  if (!strip) return Strip();
  pixSetAllGray(strip.get(), 255);
  int x = margin_x;
  for (const PixPtr& part : parts) {
    const int w = pixGetWidth(part.get()), h = pixGetHeight(part.get());
    pixRasterop(strip.get(), x, margin_y + (height - h) / 2, w, h, PIX_SRC, part.get(), 0, 0);
    x += w + gap;
  }
  return Strip{GreyFromPix(strip.get(), dpi), f};
}

}  // namespace zfxxgk::image
