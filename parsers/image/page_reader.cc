#include "parsers/image/page_reader.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>

#include "parsers/image/ink.h"
#include "parsers/image/label_ends.h"
#include "parsers/image/page_image.h"
#include "parsers/image/pix.h"
#include "pipeline/layout_lines.h"
#include "pipeline/normalize.h"
#include "pipeline/ocr_text.h"

namespace zfxxgk::image {
namespace {

constexpr const char* kProducer = "ocr";
// Grey level below which a pixel of the rule-free page is ink.
constexpr int kTextInk = 170;
// Inches: white added above and below the ink handed to the recogniser,
// and left and right of it (the recogniser's cost grows with the width of
// what it reads; the page's own pad is already there).
constexpr double kMarginY = 0.04, kMarginX = 0.0;
// Inches: the height text lines are brought down to (body text at 10.5 pt
// is about 0.15 inch).
constexpr double kLineHeight = 0.15;
// Inches of the page taken around each line of ink (faint, blurred edges
// fall outside the binarised ink).
constexpr double kPad = 0.015;
// Inches: an ink component smaller both ways is a speck.
constexpr double kSpeckSize = 0.035;
// Confidence of a number whose three readings all differ, and of one that
// two of three readings agree on.
constexpr double kDisagreement = 0.5, kMajority = 0.7;
// Confidence at most of a number that only the Chinese model read.
constexpr double kUnverified = 0.75;
// Widest a one-line number's ink is, in multiples of its height: digits
// are half-width (at most about 0.72 of their height wide, with their
// spacing), so this allows a number of 13 characters. A wider line is text
// and is not read by the Latin recogniser, whose cost grows with the width.
constexpr double kMaxNumberAspect = 10;

struct PageContext {
  Pix* grey;  // rules and specks painted out
  Pix* ink;   // binarised `grey`
  int dpi;
  OcrEngine& engine;
  int page;
  const OcrReadOptions& options;
  std::chrono::steady_clock::time_point start;
};

// kResourceLimit once the page has used its time budget (max_seconds).
Status CheckTime(const PageContext& ctx) {
  if (ctx.options.max_seconds <= 0) return OkStatus();
  const std::chrono::duration<double> used = std::chrono::steady_clock::now() - ctx.start;
  if (used.count() <= ctx.options.max_seconds) return OkStatus();
  char limit[32];
  std::snprintf(limit, sizeof limit, "%g", ctx.options.max_seconds);
  return Status(StatusCode::kResourceLimit,
                std::string("OCR of the page took longer than the limit of ") + limit +
                    " s (--max-ocr-seconds)");
}

// Gives the engine the page's deadline (start + max_seconds) for as long as
// the page is read, so a recogniser call stops at it too, not only the next
// CheckTime; none when max_seconds is 0.
class EngineDeadline {
 public:
  EngineDeadline(OcrEngine& engine, std::chrono::steady_clock::time_point start,
                 double max_seconds)
      : engine_(engine) {
    if (max_seconds <= 0) return;
    const auto budget = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(std::min(max_seconds, 1e9)));
    engine_.SetDeadline(start + budget);
  }
  ~EngineDeadline() { engine_.SetDeadline(std::chrono::steady_clock::time_point::max()); }
  EngineDeadline(const EngineDeadline&) = delete;
  EngineDeadline& operator=(const EngineDeadline&) = delete;

 private:
  OcrEngine& engine_;
};

struct CellReading {
  std::string text;
  double confidence = 1.0;
  std::vector<std::string> alternatives;  // other readings, when they disagree
};

// Lines of ink within `limit` (a cell, a band) on one strip; the margin
// drawn around is white, the pad taken around each line is the page's own.
Strip StripOf(const PageContext& ctx, const std::vector<BBox>& lines, const BBox& limit) {
  return MakeStrip(ctx.grey, lines, limit, Px(kPad, ctx.dpi), Px(kLineHeight, ctx.dpi),
                   static_cast<int>(kMarginX * ctx.dpi), Px(kMarginY, ctx.dpi));
}

PixelRect Whole(const GreyImage& image) { return {0, 0, image.width, image.height}; }

// A box in page pixels at `dpi` as points (1/72 inch), the unit PDF boxes
// are in: provenance does not depend on the resolution a page was read at.
BBox ToPoints(const BBox& b, int dpi) {
  const double f = 72.0 / std::max(1, dpi);
  return {b.x0 * f, b.y0 * f, b.x1 * f, b.y1 * f};
}

// Confidences are kept to two decimals: what a reader needs, and the same
// on machines whose SIMD paths make Tesseract's last digits differ.
double Rounded(double confidence) { return std::round(confidence * 100) / 100; }

// Whether a digits-only reading accounts for all the ink of a one-line
// strip: every ink component lies within the characters read. A forced
// reading of text ("减4", "规章") or a reading that dropped a minus sign
// leaves ink outside.
bool Explains(const LatinReading& d, const Strip& strip, int dpi) {
  if (d.box.empty()) return false;
  const double tol = std::max(2.0, 0.01 * dpi * strip.scale);
  const int min_size = std::max(2, static_cast<int>(kSpeckSize * dpi * strip.scale));
  for (const BBox& c : InkComponents(strip.image, kTextInk, min_size)) {
    if (c.x0 < d.box.x0 - tol || c.x1 > d.box.x1 + tol) return false;
  }
  return true;
}

// Settles a one-line cell whose digits-only reading `digits` is a number
// explaining all its ink, with the text recogniser's reading `text` and the
// digits-only raw-line reading `raw`: two agreeing numbers decide (with a
// confidence of at most kMajority when the third differs). Without a
// majority the cell keeps every reading (Cell::alternatives, the more
// confident first) and a confidence of at most kDisagreement: the mapper
// lets the identities choose, or reports the cell ambiguous. A text
// reading that is no number (a lone 1 read as "|") does not vote.
CellReading Settle(const CellReading& text, const LatinReading& digits, const LatinReading& raw) {
  const std::string t = IsNumberText(text.text) ? NormalizeNfkc(text.text) : "";
  if (t.empty() || t == digits.text) {
    const double verified = t.empty() ? digits.confidence : std::max(text.confidence, digits.confidence);
    if (raw.text == digits.text || !IsNumberText(raw.text)) {
      return CellReading{digits.text, verified, {}};
    }
    if (!t.empty()) return CellReading{digits.text, std::min(verified, kMajority), {}};
    return CellReading{digits.text, std::min(verified, kDisagreement), {digits.text, raw.text}};
  }
  if (raw.text == t || raw.text == digits.text) {
    return CellReading{raw.text, std::min(kMajority, raw.confidence), {}};
  }
  CellReading r;
  const bool digits_first = digits.confidence >= text.confidence;
  r.text = digits_first ? digits.text : t;
  r.alternatives = {r.text, digits_first ? t : digits.text};
  if (IsNumberText(raw.text)) r.alternatives.push_back(raw.text);
  r.confidence = std::min({text.confidence, digits.confidence, kDisagreement});
  return r;
}

// Letters Latin text has for digits, and the digits.
constexpr std::string_view kLookalikes = "OoDQlI|!ZzSsBGgq", kLookalikeDigits = "0000111122558699";

char DigitOf(char c) {
  const size_t k = kLookalikes.find(c);
  return k == std::string_view::npos ? c : kLookalikeDigits[k];
}

// A whole cell that is one letter standing for a digit ("I", "l", "O").
bool IsDigitLookalike(const std::string& text) {
  return text.size() == 1 && std::string_view("OolI|").find(text[0]) != std::string_view::npos;
}

// Whether the unconstrained Latin reading `check` repeats the digits
// reading, allowing the letters Latin text has for digits (Z for 2, O for 0,
// l for 1): text forced into digits reads differently.
bool Repeats(const LatinReading& check, const LatinReading& digits) {
  if (check.text.size() != digits.text.size()) return false;
  for (size_t i = 0; i < check.text.size(); ++i) {
    if (DigitOf(check.text[i]) != digits.text[i]) return false;
  }
  return true;
}

// A one-line cell at least this many times as wide as high, with an ink
// component at least kWideGlyph times the line's height wide, looks like
// two or more ideographs (a digit is about half as wide as high).
constexpr double kTextMinAspect = 1.5, kWideGlyph = 0.8;

// Whether a one-line cell looks like a label. It only orders the readings:
// such a cell is read by the text recogniser first and, read as a label,
// not by the Latin recogniser at all (on table pages labels were more than
// half of the width the digits pass read).
bool LooksLikeText(const PageContext& ctx, const BBox& line) {
  return line.width() >= kTextMinAspect * line.height() &&
         WidestComponent(ctx.ink, line) >= kWideGlyph * line.height();
}

// The text recogniser's reading of a cell's strip.
StatusOr<CellReading> ReadCellText(PageContext& ctx, const Strip& strip) {
  ASSIGN_OR_RETURN(std::vector<OcrWord> words,
                   ctx.engine.Recognize(strip.image, Whole(strip.image), OcrLayout::kRawLine));
  CellReading text;
  text.text = JoinCellWords(words);
  text.confidence = words.empty() ? 0.0 : LowestConfidence(words);
  return text;
}

// A text reading that is a label whatever the Latin recogniser reads: two
// or more ideographs and no digit ("减4" and misread numbers are settled
// with the Latin readings).
bool IsLabel(const CellReading& text) {
  if (CountIdeographs(text.text) < 2) return false;
  const std::string plain = NormalizeNfkc(text.text);
  return std::none_of(plain.begin(), plain.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Decides a cell that the trusted digits path did not: `text` is the text
// recogniser's reading; `digits` and `check` the Latin ones when `fit` (a
// number explaining all the ink). Without ideographs the three readings
// are settled (Settle); a single ideograph yields to a number that is
// repeated or more confident (no label is one character).
StatusOr<CellReading> Decide(PageContext& ctx, const Strip& strip, CellReading text,
                             const LatinReading& digits, const LatinReading& check, bool fit,
                             bool one_line) {
  if (!fit) {
    // A number only the Chinese model saw (the Latin reading found none, or
    // one that does not explain the ink) is unverified; so is a lone stroke
    // or ring read as a letter (I, l, O) in a one-line cell: a 1 or a 0.
    if (one_line && IsDigitLookalike(text.text)) text.text = DigitOf(text.text[0]);
    if (LooksLikeNumberCell(text.text)) text.confidence = std::min(text.confidence, kUnverified);
    return text;
  }
  const int ideographs = CountIdeographs(text.text);
  if (ideographs > 1) return text;
  if (ideographs == 1) {  // a lone digit taken for 副 or 上 ("减4" does not fit)
    if (Repeats(check, digits)) return CellReading{digits.text, digits.confidence, {}};
    if (digits.confidence < text.confidence) return text;
    return CellReading{digits.text, std::min(digits.confidence, kMajority), {}};
  }
  ASSIGN_OR_RETURN(LatinReading raw, ctx.engine.ReadLatin(strip.image, Whole(strip.image),
                                                          OcrLayout::kRawLine,
                                                          LatinCharset::kDigits));
  return Settle(text, digits, raw);
}

// A cell's lines are joined into one strip (MakeStrip). A one-line cell is
// read by the Latin recogniser as digits (cheap, and reliable on digits
// where the Chinese model drops or doubles digits and reads a lone 1 as
// "|", a lone 2 as 副): a confident number explaining all the ink that an
// unconstrained Latin reading repeats is the value (text forced into
// digits, "2.重复申请" as "2.2575", reads as letters there). Otherwise the
// text recogniser reads the cell too (Decide). A cell that looks like a
// label (LooksLikeText) is read by the text recogniser first, and the
// Latin readings are skipped when it reads a label (IsLabel).
StatusOr<CellReading> ReadCell(PageContext& ctx, const BBox& inner) {
  RETURN_IF_ERROR(CheckTime(ctx));
  std::optional<BBox> ink = InkBox(ctx.ink, ctx.grey, inner, ctx.dpi, /*relative=*/true);
  if (!ink) return CellReading();
  const std::vector<BBox> lines = InkLines(ctx.ink, *ink);
  const Strip strip = StripOf(ctx, lines, inner);
  const PixelRect all = Whole(strip.image);
  const bool one_line = lines.size() == 1;
  const bool number_sized =
      one_line && lines[0].width() <= kMaxNumberAspect * lines[0].height();
  if (!number_sized && ctx.options.labels != nullptr) {
    ASSIGN_OR_RETURN(std::optional<LabelEndsReading> label,
                     ReadLabelEnds(ctx.engine, strip.image, *ctx.options.labels, kTextInk));
    if (label) return CellReading{std::move(label->text), label->confidence, {}};
  }
  std::optional<CellReading> text;
  if (number_sized && LooksLikeText(ctx, lines[0])) {
    ASSIGN_OR_RETURN(text, ReadCellText(ctx, strip));
    if (IsLabel(*text)) return *std::move(text);
  }
  LatinReading digits, check;
  bool fit = false;
  if (number_sized) {
    ASSIGN_OR_RETURN(digits, ctx.engine.ReadLatin(strip.image, all, OcrLayout::kLine,
                                                  LatinCharset::kDigits));
    fit = IsNumberText(digits.text) && Explains(digits, strip, ctx.dpi);
  }
  if (fit) {
    ASSIGN_OR_RETURN(check, ctx.engine.ReadLatin(strip.image, all, OcrLayout::kRawLine,
                                                 LatinCharset::kAny));
    if (Repeats(check, digits) && digits.confidence >= ctx.options.trust_digits) {
      return CellReading{digits.text, std::max(digits.confidence, check.confidence), {}};
    }
  }
  if (!text) {
    ASSIGN_OR_RETURN(text, ReadCellText(ctx, strip));
  }
  return Decide(ctx, strip, *std::move(text), digits, check, fit, one_line);
}

// Labels are matched by the mapper, which reports what it cannot find; only
// cells that are no label (numbers, dashes, unreadable marks, a lone
// ideograph: a digit read as 攻) are flagged.
void FlagCell(const PageContext& ctx, const Cell& cell, int table, Document& doc) {
  if (cell.prov.confidence >= ctx.options.flag_below || cell.text.empty() ||
      CountIdeographs(cell.text) > 1) {
    return;
  }
  char conf[16];
  std::snprintf(conf, sizeof conf, "%.2f", cell.prov.confidence);
  std::string msg = "page " + std::to_string(ctx.page + 1) + ", table " +
                    std::to_string(table + 1) + " row " + std::to_string(cell.row + 1) +
                    " col " + std::to_string(cell.col + 1) + ": '" + cell.text +
                    "' read with confidence " + conf;
  for (size_t i = 1; i < cell.alternatives.size(); ++i) {
    msg += "; also read as '" + cell.alternatives[i] + "'";
  }
  doc.issues.push_back({Severity::kWarning, "ocr_low_confidence", msg});
}

StatusOr<Table> ReadTable(PageContext& ctx, const TableGrid& grid, int index, Document& doc) {
  Table table;
  table.n_rows = grid.n_rows();
  table.n_cols = grid.n_cols();
  table.prov.page = ctx.page;
  table.prov.table = index;
  table.prov.bbox = ToPoints(grid.box, ctx.dpi);
  table.prov.produced_by = kProducer;
  for (const GridCell& g : grid.cells) {
    ASSIGN_OR_RETURN(CellReading r, ReadCell(ctx, g.inner));
    Cell cell;
    cell.row = g.row;
    cell.col = g.col;
    cell.row_span = g.row_span;
    cell.col_span = g.col_span;
    cell.text = std::move(r.text);
    cell.alternatives = std::move(r.alternatives);
    cell.prov = table.prov;
    cell.prov.row = g.row;
    cell.prov.col = g.col;
    cell.prov.bbox = ToPoints(g.inner, ctx.dpi);
    cell.prov.confidence = Rounded(r.confidence);
    FlagCell(ctx, cell, index, doc);
    table.prov.confidence = std::min(table.prov.confidence, cell.prov.confidence);
    table.cells.push_back(std::move(cell));
  }
  return table;
}

// Words of one line of ink, with boxes back in page pixels.
StatusOr<std::vector<PositionedWord>> ReadLine(PageContext& ctx, const BBox& line,
                                               const BBox& band) {
  RETURN_IF_ERROR(CheckTime(ctx));
  const Strip strip = StripOf(ctx, {line}, band);
  ASSIGN_OR_RETURN(std::vector<OcrWord> words,
                   ctx.engine.Recognize(strip.image, Whole(strip.image), OcrLayout::kLine));
  const double margin = static_cast<int>(kMarginX * ctx.dpi);
  const double origin = ToRect(Grow(line, Px(kPad, ctx.dpi), band)).x;  // page x at the strip's margin
  std::vector<PositionedWord> out;
  for (OcrWord& w : words) {
    BBox box{origin + (w.box.x0 - margin) / strip.scale, line.y0,
             origin + (w.box.x1 - margin) / strip.scale, line.y1};
    out.push_back({std::move(w.text), box, ctx.page, w.confidence});
  }
  return out;
}

// Text lines of a band of the page outside tables, each line of ink read
// on its own (read as one block, a large bold title among body lines comes
// out garbled).
StatusOr<std::vector<LayoutLine>> ReadBand(PageContext& ctx, const BBox& band) {
  std::optional<BBox> ink = InkBox(ctx.ink, ctx.grey, band, ctx.dpi, /*relative=*/false);
  if (!ink) return std::vector<LayoutLine>();
  std::vector<PositionedWord> positioned;
  for (const BBox& line : InkLines(ctx.ink, *ink)) {
    ASSIGN_OR_RETURN(std::vector<PositionedWord> words, ReadLine(ctx, line, band));
    for (PositionedWord& w : words) positioned.push_back(std::move(w));
  }
  return BuildLines(std::move(positioned));
}

// Vertical bands of the page that no table covers.
std::vector<BBox> FreeBands(const std::vector<TableGrid>& tables, int width, int height) {
  std::vector<BBox> bands;
  double top = 0;
  for (const TableGrid& t : tables) {
    if (t.box.y0 > top) bands.push_back({0, top, double(width), t.box.y0});
    top = std::max(top, t.box.y1);
  }
  if (top < height) bands.push_back({0, top, double(width), double(height)});
  return bands;
}

// Page numbers are furniture only in the top and bottom margins.
bool IsFurniture(const LayoutLine& line, int height) {
  return IsPageNumberLine(line.text) &&
         (line.box.y1 < 0.08 * height || line.box.y0 > 0.88 * height);
}

struct Placed {
  double y;
  Block block;
};

Status ReadTables(PageContext& ctx, const PageLayout& layout, Document& doc,
                  std::vector<Placed>& placed) {
  for (const TableGrid& grid : layout.tables) {
    const int index = static_cast<int>(doc.tables.size());
    ASSIGN_OR_RETURN(Table table, ReadTable(ctx, grid, index, doc));
    Block block;
    block.kind = BlockKind::kTable;
    block.table_index = index;
    block.prov = table.prov;
    doc.tables.push_back(std::move(table));
    placed.push_back({grid.box.y0, std::move(block)});
  }
  return OkStatus();
}

Status ReadText(PageContext& ctx, const PageLayout& layout, std::vector<Placed>& placed) {
  const int width = layout.text_image.width, height = layout.text_image.height;
  for (const BBox& band : FreeBands(layout.tables, width, height)) {
    ASSIGN_OR_RETURN(std::vector<LayoutLine> lines, ReadBand(ctx, band));
    for (LayoutLine& line : lines) {
      if (IsFurniture(line, height)) continue;
      Block block;
      block.text = std::move(line.text);
      block.prov.page = ctx.page;
      block.prov.bbox = ToPoints(line.box, ctx.dpi);
      block.prov.confidence = Rounded(line.confidence);
      block.prov.produced_by = kProducer;
      placed.push_back({line.box.y0, std::move(block)});
    }
  }
  return OkStatus();
}

Status ReadPageInto(const GreyImage& raw, int page_index, OcrEngine& engine, Document& doc,
                    const OcrReadOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  PreparedPage prepared = PreparePage(raw);
  PageLayout layout = AnalyzePage(prepared.grey, options.grid);
  prepared = PreparedPage();  // a page-sized copy fewer (100 MB at 100 MP)
  PixPtr grey = PixFromGrey(layout.text_image);
  PixPtr ink(grey ? pixThresholdToBinary(grey.get(), kTextInk) : nullptr);
  if (!ink) {
    return Status(StatusCode::kInternal, "out of memory preparing the page");
  }
  RemoveSpecks(ink.get(), layout.text_image);
  grey.reset();
  grey = PixFromGrey(layout.text_image);
  if (!grey) {
    return Status(StatusCode::kInternal, "out of memory preparing the page");
  }
  PageContext ctx{grey.get(), ink.get(), layout.text_image.dpi, engine, page_index, options,
                  start};
  std::vector<Placed> placed;
  Status read;
  {
    EngineDeadline deadline(engine, start, options.max_seconds);
    read = ReadTables(ctx, layout, doc, placed);
    if (read.ok()) read = ReadText(ctx, layout, placed);
  }
  // An engine call stopped at the deadline: the page's own message.
  if (read.code() == StatusCode::kResourceLimit) RETURN_IF_ERROR(CheckTime(ctx));
  RETURN_IF_ERROR(read);
  std::stable_sort(placed.begin(), placed.end(),
                   [](const Placed& a, const Placed& b) { return a.y < b.y; });
  for (Placed& p : placed) doc.blocks.push_back(std::move(p.block));
  return OkStatus();
}

}  // namespace

Status ReadPageImage(const GreyImage& raw, int page_index, OcrEngine& engine, Document& doc,
                     const OcrReadOptions& options) {
  // A page that fails leaves nothing half-read behind.
  const size_t tables = doc.tables.size(), issues = doc.issues.size();
  Status s = ReadPageInto(raw, page_index, engine, doc, options);
  if (!s.ok()) {
    doc.tables.resize(tables);
    doc.issues.resize(issues);
  }
  return s;
}

}  // namespace zfxxgk::image
