#include "pipeline/layout_lines.h"

#include <re2/re2.h>

#include <algorithm>

#include "pipeline/normalize.h"

namespace zfxxgk {
namespace {

double Overlap(const BBox& a, const BBox& b) {
  double top = std::max(a.y0, b.y0), bottom = std::min(a.y1, b.y1);
  return std::max(0.0, bottom - top);
}

bool SameLine(const LayoutLine& line, const PositionedWord& w, const LineOptions& o) {
  if (line.page != w.page) return false;
  double smaller = std::min(line.box.height(), w.box.height());
  if (smaller <= 0) return false;
  return Overlap(line.box, w.box) >= o.min_vertical_overlap * smaller;
}

void Extend(BBox& a, const BBox& b) {
  a.x0 = std::min(a.x0, b.x0);
  a.y0 = std::min(a.y0, b.y0);
  a.x1 = std::max(a.x1, b.x1);
  a.y1 = std::max(a.y1, b.y1);
}

// Joins a line's words (sorted by x) into its text and token centres.
void JoinWords(std::vector<const PositionedWord*>& words, const LineOptions& o,
               LayoutLine& line) {
  std::sort(words.begin(), words.end(),
            [](const PositionedWord* a, const PositionedWord* b) { return a->box.x0 < b->box.x0; });
  const double height = line.box.height();
  double last_x1 = 0, token_x0 = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    bool gap = i > 0 && words[i]->box.x0 - last_x1 > o.token_gap * height;
    if (i == 0 || gap) {
      if (gap) {
        line.text += ' ';
        line.token_x.push_back((token_x0 + last_x1) / 2);
      }
      token_x0 = words[i]->box.x0;
    }
    line.text += words[i]->text;
    last_x1 = std::max(last_x1, words[i]->box.x1);
  }
  if (!words.empty()) line.token_x.push_back((token_x0 + last_x1) / 2);
}

}  // namespace

std::vector<LayoutLine> BuildLines(std::vector<PositionedWord> words, const LineOptions& o) {
  std::stable_sort(words.begin(), words.end(), [](const PositionedWord& a, const PositionedWord& b) {
    if (a.page != b.page) return a.page < b.page;
    return (a.box.y0 + a.box.y1) < (b.box.y0 + b.box.y1);
  });
  std::vector<LayoutLine> lines;
  std::vector<std::vector<const PositionedWord*>> members;
  for (const PositionedWord& w : words) {
    if (w.text.empty() || w.box.empty()) continue;
    if (lines.empty() || !SameLine(lines.back(), w, o)) {
      lines.push_back({"", w.box, w.page, w.confidence, {}});
      members.emplace_back();
    }
    Extend(lines.back().box, w.box);
    lines.back().confidence = std::min(lines.back().confidence, w.confidence);
    members.back().push_back(&w);
  }
  for (size_t i = 0; i < lines.size(); ++i) JoinWords(members[i], o, lines[i]);
  return lines;
}

bool IsPageNumberLine(const std::string& text) {
  static const RE2 kPageNumber(R"(^(?:-*\d{1,4}-*|第\d{1,4}页(?:/?共\d{1,4}页)?)$)");
  return RE2::FullMatch(NormalizeForMatch(text), kPageNumber);
}

}  // namespace zfxxgk
