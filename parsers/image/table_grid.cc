#include "parsers/image/table_grid.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "parsers/image/pix.h"

namespace zfxxgk::image {
namespace {

// A rule segment: a component of a rule mask (inclusive pixel box).
struct Segment {
  int x0, y0, x1, y1;
  bool horizontal;
};

int Px(double inches, int dpi) { return std::max(1, static_cast<int>(std::lround(inches * dpi))); }

// Read access to a 1 bpp Pix (1 = ink).
class Bits {
 public:
  explicit Bits(Pix* pix)
      : data_(pixGetData(pix)), wpl_(pixGetWpl(pix)), w_(pixGetWidth(pix)),
        h_(pixGetHeight(pix)) {}
  bool At(int x, int y) const {
    if (x < 0 || y < 0 || x >= w_ || y >= h_) return false;
    return GET_DATA_BIT(data_ + static_cast<size_t>(y) * wpl_, x) != 0;
  }
  // Whether any pixel of row y in [x0, x1] is ink.
  bool AnyInRow(int y, int x0, int x1) const {
    for (int x = x0; x <= x1; ++x) if (At(x, y)) return true;
    return false;
  }
  bool AnyInColumn(int x, int y0, int y1) const {
    for (int y = y0; y <= y1; ++y) if (At(x, y)) return true;
    return false;
  }

 private:
  const l_uint32* data_;
  int wpl_, w_, h_;
};

// The mask of long thin dark runs in one direction: pixels darker than
// rule_threshold (faint grey rules of a sans style print at about 180
// after blur and JPEG), dilated across by a pixel and along by a few
// (tilt, JPEG and fax dropouts), then opened along the direction with a
// structuring element longer than any text stroke. (This is the grey
// closing of the page thresholded, done on bits: far faster.)
PixPtr RuleMask(Pix* dark, bool horizontal, const GridOptions& o, int dpi) {
  const int len = Px(horizontal ? o.min_horizontal_rule : o.min_vertical_rule, dpi);
  const int bridge = std::max(3, dpi / 100);
  PixPtr m(horizontal ? pixDilateBrick(nullptr, dark, bridge, 3)
                      : pixDilateBrick(nullptr, dark, 3, bridge));
  if (!m) return m;
  return PixPtr(horizontal ? pixOpenCompBrickExtendDwa(nullptr, m.get(), len, 1)
                           : pixOpenCompBrickExtendDwa(nullptr, m.get(), 1, len));
}

void AddSegments(Pix* mask, bool horizontal, const GridOptions& o, int dpi,
                 std::vector<Segment>& out) {
  if (mask == nullptr) return;
  BoxaPtr boxes(pixConnCompBB(mask, 8));
  if (!boxes) return;
  const int len = Px(horizontal ? o.min_horizontal_rule : o.min_vertical_rule, dpi);
  const int thick = Px(o.max_rule_thickness, dpi) + 2;
  for (int i = 0; i < boxaGetCount(boxes.get()); ++i) {
    l_int32 x, y, w, h;
    boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h);
    const int along = horizontal ? w : h, across = horizontal ? h : w;
    // A tilted long rule drifts across; allow one pixel per 200 along.
    if (along < len || across > thick + along / 200) continue;
    out.push_back({x, y, x + w - 1, y + h - 1, horizontal});
  }
}

bool Touch(const Segment& a, const Segment& b, int tol) {
  return a.x0 <= b.x1 + tol && b.x0 <= a.x1 + tol && a.y0 <= b.y1 + tol && b.y0 <= a.y1 + tol;
}

int Find(std::vector<int>& parent, int i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

// Groups of segments that touch each other: one group per table.
std::vector<std::vector<Segment>> GroupSegments(const std::vector<Segment>& segs, int tol) {
  std::vector<int> parent(segs.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (size_t i = 0; i < segs.size(); ++i) {
    for (size_t j = i + 1; j < segs.size(); ++j) {
      if (Touch(segs[i], segs[j], tol)) parent[Find(parent, int(i))] = Find(parent, int(j));
    }
  }
  std::vector<std::vector<Segment>> groups(segs.size());
  for (size_t i = 0; i < segs.size(); ++i) groups[Find(parent, int(i))].push_back(segs[i]);
  std::erase_if(groups, [](const std::vector<Segment>& g) { return g.empty(); });
  return groups;
}

// Rule positions across one direction: overlapping extents joined, then
// rules closer than `min_gap` (double borders) joined.
std::vector<RuleLine> Cluster(std::vector<RuleLine> spans, int tol, int min_gap) {
  std::sort(spans.begin(), spans.end(),
            [](const RuleLine& a, const RuleLine& b) { return a.start < b.start; });
  std::vector<RuleLine> out;
  for (const RuleLine& s : spans) {
    if (!out.empty() && s.start <= out.back().end + std::max(tol, min_gap)) {
      out.back().end = std::max(out.back().end, s.end);
    } else {
      out.push_back(s);
    }
  }
  return out;
}

struct Boundaries {
  // vertical[r][k]: the rule at cols[k] is printed in row band r.
  std::vector<std::vector<bool>> vertical;
  // horizontal[k][c]: the rule at rows[k] is printed in column band c.
  std::vector<std::vector<bool>> horizontal;
};

bool VerticalPresent(const Bits& ink, const RuleLine& col, int y0, int y1, double need) {
  if (y1 < y0) return true;
  int hit = 0;
  for (int y = y0; y <= y1; ++y) hit += ink.AnyInRow(y, col.start, col.end);
  return hit >= need * (y1 - y0 + 1);
}

bool HorizontalPresent(const Bits& ink, const RuleLine& row, int x0, int x1, double need) {
  if (x1 < x0) return true;
  int hit = 0;
  for (int x = x0; x <= x1; ++x) hit += ink.AnyInColumn(x, row.start, row.end);
  return hit >= need * (x1 - x0 + 1);
}

Boundaries Measure(const Bits& hrules, const Bits& vrules, const TableGrid& t, double need) {
  Boundaries b;
  const int nr = t.n_rows(), nc = t.n_cols();
  b.vertical.assign(nr, std::vector<bool>(nc + 1, true));
  b.horizontal.assign(nr + 1, std::vector<bool>(nc, true));
  for (int r = 0; r < nr; ++r) {
    for (int k = 1; k < nc; ++k) {
      b.vertical[r][k] =
          VerticalPresent(vrules, t.cols[k], t.rows[r].end + 1, t.rows[r + 1].start - 1, need);
    }
  }
  for (int k = 1; k < nr; ++k) {
    for (int c = 0; c < nc; ++c) {
      b.horizontal[k][c] =
          HorizontalPresent(hrules, t.rows[k], t.cols[c].end + 1, t.cols[c + 1].start - 1, need);
    }
  }
  return b;
}

// Drops inner rule positions printed nowhere (a text stroke that touched a
// rule, a short stub): they are not grid lines.
void DropUnprintedRules(const Bits& hrules, const Bits& vrules, TableGrid& t, double need) {
  Boundaries b = Measure(hrules, vrules, t, need);
  for (int k = t.n_cols() - 1; k >= 1; --k) {
    bool any = false;
    for (int r = 0; r < t.n_rows(); ++r) any = any || b.vertical[r][k];
    if (!any) t.cols.erase(t.cols.begin() + k);
  }
  b = Measure(hrules, vrules, t, need);
  for (int k = t.n_rows() - 1; k >= 1; --k) {
    bool any = false;
    for (int c = 0; c < t.n_cols(); ++c) any = any || b.horizontal[k][c];
    if (!any) t.rows.erase(t.rows.begin() + k);
  }
}

// Where the rule `rule` (a cluster's extent across it) actually is along
// [a0, a1]: its last (far = true) or first inked position across, from the
// rule mask. On a photographed page rules are not quite straight, and a
// cell must end at its own stretch of the rule, not at the cluster's
// extent over the whole table. Falls back to the extent when nothing is
// inked there.
int LocalEdge(const Bits& mask, const RuleLine& rule, int a0, int a1, bool vertical, bool far) {
  for (int k = 0; k <= rule.end - rule.start; ++k) {
    const int p = far ? rule.end - k : rule.start + k;
    for (int a = a0; a <= a1; ++a) {
      if (vertical ? mask.At(p, a) : mask.At(a, p)) return p;
    }
  }
  return far ? rule.end : rule.start;
}

BBox InnerBox(const Bits& hrules, const Bits& vrules, const TableGrid& t, int r, int c, int rs,
              int cs) {
  const int y0 = t.rows[r].end, y1 = t.rows[r + rs].start;
  const int x0 = t.cols[c].end, x1 = t.cols[c + cs].start;
  const int left = LocalEdge(vrules, t.cols[c], y0, y1, true, true);
  const int right = LocalEdge(vrules, t.cols[c + cs], y0, y1, true, false);
  const int top = LocalEdge(hrules, t.rows[r], x0, x1, false, true);
  const int bottom = LocalEdge(hrules, t.rows[r + rs], x0, x1, false, false);
  return BBox{double(left + 1), double(top + 1), double(right), double(bottom)};
}

// Physical cells from the elementary grid: from each free top-left
// position, extend right while the rule between is absent, then down while
// the rule below is absent along the whole width.
void BuildCells(const Boundaries& b, const Bits& hrules, const Bits& vrules, TableGrid& t) {
  const int nr = t.n_rows(), nc = t.n_cols();
  std::vector<std::vector<bool>> used(nr, std::vector<bool>(nc, false));
  for (int r = 0; r < nr; ++r) {
    for (int c = 0; c < nc; ++c) {
      if (used[r][c]) continue;
      int cs = 1;
      while (c + cs < nc && !b.vertical[r][c + cs] && !used[r][c + cs]) ++cs;
      int rs = 1;
      for (bool open = true; open && r + rs < nr; rs += open) {
        for (int k = c; k < c + cs && open; ++k) open = !b.horizontal[r + rs][k] && !used[r + rs][k];
      }
      for (int i = r; i < r + rs; ++i) std::fill(used[i].begin() + c, used[i].begin() + c + cs, true);
      t.cells.push_back(GridCell{r, c, rs, cs, InnerBox(hrules, vrules, t, r, c, rs, cs)});
    }
  }
}

// The pixels of `mask` inside the group's segments of one direction: the
// table's own rules, without the text strokes elsewhere on the page.
PixPtr GroupMask(Pix* mask, const std::vector<Segment>& group, bool horizontal) {
  PixPtr out(pixCreate(pixGetWidth(mask), pixGetHeight(mask), 1));
  if (!out) return out;
  for (const Segment& s : group) {
    if (s.horizontal != horizontal) continue;
    pixRasterop(out.get(), s.x0, s.y0, s.x1 - s.x0 + 1, s.y1 - s.y0 + 1, PIX_SRC | PIX_DST, mask,
                s.x0, s.y0);
  }
  return out;
}

// A table from one group of touching segments, or an empty grid when the
// group is not a table (a lone rule, text strokes).
TableGrid GridFromGroup(const std::vector<Segment>& group, Pix* hmask, Pix* vmask,
                        const GridOptions& o, int dpi, int page_width) {
  TableGrid t;
  std::vector<RuleLine> ys, xs;
  BBox box{1e9, 1e9, -1, -1};
  for (const Segment& s : group) {
    (s.horizontal ? ys : xs).push_back(s.horizontal ? RuleLine{s.y0, s.y1} : RuleLine{s.x0, s.x1});
    box = BBox{std::min(box.x0, double(s.x0)), std::min(box.y0, double(s.y0)),
               std::max(box.x1, double(s.x1 + 1)), std::max(box.y1, double(s.y1 + 1))};
  }
  if (ys.size() < 2 || xs.size() < 2 || box.width() < o.min_table_width * page_width) return t;
  const int tol = std::max(2, dpi / 100), gap = Px(o.min_row_gap, dpi);
  t.rows = Cluster(ys, tol, gap);
  t.cols = Cluster(xs, tol, gap);
  PixPtr own_h = GroupMask(hmask, group, true), own_v = GroupMask(vmask, group, false);
  if (t.rows.size() < 2 || t.cols.size() < 2 || !own_h || !own_v) return TableGrid();
  const Bits hrules(own_h.get()), vrules(own_v.get());
  t.box = box;
  DropUnprintedRules(hrules, vrules, t, o.boundary_coverage);
  BuildCells(Measure(hrules, vrules, t, o.boundary_coverage), hrules, vrules, t);
  return t;
}

// Paints the pixels of the accepted rule segments (slightly widened for
// JPEG halos) white in `grey`.
void EraseRules(Pix* grey, Pix* hmask, Pix* vmask, const std::vector<Segment>& segs, int dpi) {
  PixPtr erase(pixCreate(pixGetWidth(grey), pixGetHeight(grey), 1));
  if (!erase) return;
  for (const Segment& s : segs) {
    Pix* src = s.horizontal ? hmask : vmask;
    pixRasterop(erase.get(), s.x0, s.y0, s.x1 - s.x0 + 1, s.y1 - s.y0 + 1, PIX_SRC | PIX_DST,
                src, s.x0, s.y0);
  }
  const int halo = 1 + 2 * std::max(1, dpi / 150);
  PixPtr wide(pixDilateBrick(nullptr, erase.get(), halo, halo));
  pixSetMasked(grey, wide ? wide.get() : erase.get(), 255);
}

}  // namespace

PageLayout AnalyzePage(const GreyImage& page, const GridOptions& options) {
  PageLayout layout;
  layout.text_image = page;
  PixPtr grey = PixFromGrey(page);
  if (!grey) return layout;
  const int dpi = page.dpi > 0 ? page.dpi : 300;
  PixPtr dark(pixThresholdToBinary(grey.get(), options.rule_threshold));
  if (!dark) return layout;
  PixPtr hmask = RuleMask(dark.get(), true, options, dpi);
  PixPtr vmask = RuleMask(dark.get(), false, options, dpi);
  if (!hmask || !vmask) return layout;
  std::vector<Segment> segs;
  AddSegments(hmask.get(), true, options, dpi, segs);
  AddSegments(vmask.get(), false, options, dpi, segs);
  std::vector<Segment> accepted;
  for (const std::vector<Segment>& group : GroupSegments(segs, std::max(3, dpi / 60))) {
    TableGrid t = GridFromGroup(group, hmask.get(), vmask.get(), options, dpi, page.width);
    if (t.cells.empty()) continue;
    layout.tables.push_back(std::move(t));
    accepted.insert(accepted.end(), group.begin(), group.end());
  }
  std::sort(layout.tables.begin(), layout.tables.end(),
            [](const TableGrid& a, const TableGrid& b) { return a.box.y0 < b.box.y0; });
  if (!accepted.empty()) {
    EraseRules(grey.get(), hmask.get(), vmask.get(), accepted, dpi);
    layout.text_image = GreyFromPix(grey.get(), dpi);
  }
  return layout;
}

}  // namespace zfxxgk::image
