#include "parsers/image/label_ends.h"

#include <algorithm>
#include <vector>

#include "pipeline/normalize.h"
#include "pipeline/ocr_text.h"

namespace zfxxgk::image {
namespace {

// Bounds on a label's length in characters against the strip's width in
// text heights: ideographs are about one height wide with their spacing,
// numbering and punctuation narrower, and a wrapped label's lines are put a
// gap apart on the strip.
constexpr double kFewestPerHeight = 0.6, kMostPerHeight = 1.3;

struct InkProfile {
  std::vector<bool> column;  // whether the column holds ink
  int x0 = -1, x1 = -1;      // first and last ink column
  int height = 0;            // rows from the first to the last with ink
};

InkProfile ProfileOf(const GreyImage& s, int ink_below) {
  InkProfile p;
  p.column.assign(s.width, false);
  int y0 = s.height, y1 = -1;
  for (int y = 0; y < s.height; ++y) {
    const uint8_t* row = s.pixels.data() + static_cast<size_t>(y) * s.width;
    bool any = false;
    for (int x = 0; x < s.width; ++x) {
      if (row[x] >= ink_below) continue;
      p.column[x] = any = true;
    }
    if (any) y0 = std::min(y0, y), y1 = y;
  }
  const auto first = std::find(p.column.begin(), p.column.end(), true);
  if (first == p.column.end()) return p;
  p.x0 = static_cast<int>(first - p.column.begin());
  const auto last = std::find(p.column.rbegin(), p.column.rend(), true);
  p.x1 = static_cast<int>(p.column.rend() - last) - 1;
  p.height = y1 - y0 + 1;
  return p;
}

// The first column without ink from `from` on, in steps of `step`, at most
// `span` columns away; -1 when there is none.
int BlankColumn(const InkProfile& p, int from, int step, int span) {
  for (int k = 0; k <= span; ++k) {
    const int x = from + k * step;
    if (x <= p.x0 || x >= p.x1) return -1;
    if (!p.column[x]) return x;
  }
  return -1;
}

// UTF-8 `text` without its last (`last`) or first code point.
std::string DropEdge(const std::string& text, bool last) {
  if (text.empty()) return text;
  if (!last) {
    size_t i = 1;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    return text.substr(i);
  }
  size_t i = text.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return text.substr(0, i);
}

using None = std::optional<LabelEndsReading>;

}  // namespace

StatusOr<std::optional<LabelEndsReading>> ReadLabelEnds(OcrEngine& engine,
                                                        const GreyImage& strip,
                                                        const LabelSet& labels, int ink_below) {
  const InkProfile p = ProfileOf(strip, ink_below);
  const int h = p.height;
  if (h <= 0 || p.x1 - p.x0 + 1 < kMinWidth * h) return None();
  const int head_cut = BlankColumn(p, p.x0 + static_cast<int>(kHeadWidth * h), 1, h);
  const int tail_cut = BlankColumn(p, p.x1 - static_cast<int>(kTailWidth * h), -1, h);
  if (head_cut < 0 || tail_cut < 0 || tail_cut <= head_cut) return None();
  ASSIGN_OR_RETURN(std::vector<OcrWord> head,
                   engine.Recognize(strip, {0, 0, head_cut, strip.height}, OcrLayout::kRawLine));
  ASSIGN_OR_RETURN(std::vector<OcrWord> tail,
                   engine.Recognize(strip, {tail_cut, 0, strip.width - tail_cut, strip.height},
                                    OcrLayout::kRawLine));
  const double confidence = std::min(LowestConfidence(head), LowestConfidence(tail));
  std::optional<LabelMatch> match =
      labels.Match(DropEdge(JoinCellWords(head), true),
                   DropEdge(JoinCellWords(tail), false));
  if (!match) return None();
  const double heights = double(p.x1 - p.x0 + 1) / h;
  const int chars = CountCodePoints(match->label);
  if (chars < kFewestPerHeight * heights || chars > kMostPerHeight * heights) return None();
  return std::optional(LabelEndsReading{match->numbering + match->label, confidence});
}

}  // namespace zfxxgk::image
