// Tests for parsers/image/image_parser.h and page_reader.h:
//  - decoding errors and limits (no OCR);
//  - pages drawn here with Leptonica, read with a fake engine (the real
//    interface, fixed answers), for the Document the reader builds: tables
//    with spans, empty cells, provenance, page order of a multi-page TIFF;
//  - tests/ocr-inputs/table2-page.png (page 1 of tools/synthetic/
//    jiangmei-city-2022.json drawn by tools/make-scan --page-only at 200 dpi)
//    with Tesseract; skipped when its models are not installed.
#include "parsers/image/image_parser.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "parsers/image/pix.h"
#include "pipeline/tesseract_engine.h"

namespace zfxxgk::image {
namespace {

namespace fs = std::filesystem;

// Reads every non-empty strip as "7" (digits, confirmed), counting calls.
class FakeEngine : public OcrEngine {
 public:
  StatusOr<std::vector<OcrWord>> Recognize(const GreyImage& image, const PixelRect&,
                                           OcrLayout) override {
    ++text_calls;
    OcrWord w;
    w.text = text;
    w.box = BBox{0, 0, double(image.width), double(image.height)};
    w.confidence = 0.9;
    return std::vector<OcrWord>{w};
  }
  StatusOr<LatinReading> ReadLatin(const GreyImage& image, const PixelRect&, OcrLayout,
                                   LatinCharset) override {
    ++latin_calls;
    if (fail) return Status(StatusCode::kInternal, "OCR: fake failure");
    LatinReading r;
    r.text = "7";
    r.confidence = 0.99;
    r.box = BBox{0, 0, double(image.width), double(image.height)};
    return r;
  }
  std::string Describe() const override { return "fake"; }

  std::string text = "7";
  bool fail = false;
  int text_calls = 0;
  int latin_calls = 0;
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// An A4 page at 150 dpi with a 3 x 2 ruled table; `ink` cells get a
// digit-sized blob, `labels` cells two ideograph-sized squares side by side.
PixPtr RuledPage(const std::vector<std::pair<int, int>>& ink,
                 const std::vector<std::pair<int, int>>& labels = {}) {
  PixPtr pix(pixCreate(1240, 1754, 8));
  pixSetAllGray(pix.get(), 255);
  pixSetResolution(pix.get(), 150, 150);
  auto fill = [&](int x, int y, int w, int h) {
    BOX* b = boxCreate(x, y, w, h);
    pixSetInRectArbitrary(pix.get(), b, 0);
    boxDestroy(&b);
  };
  const int xs[] = {150, 550, 1000}, ys[] = {300, 360, 420, 480};
  for (int y : ys) fill(150, y, 852, 2);
  for (int x : xs) fill(x, 300, 2, 182);
  for (auto [r, c] : ink) fill(xs[c] + 40, ys[r] + 18, 12, 24);
  for (auto [r, c] : labels) {
    fill(xs[c] + 40, ys[r] + 18, 24, 24);
    fill(xs[c] + 70, ys[r] + 18, 24, 24);
  }
  return pix;
}

// Tests run as parallel processes (ctest -j), so each write gets its own
// file: the process id and a per-process counter name it.
std::string WriteTiff(const std::vector<Pix*>& pages) {
  static int counter = 0;
  const fs::path file = fs::temp_directory_path() /
                        ("zfxxgk_image_parser_test_" + std::to_string(::getpid()) + "_" +
                         std::to_string(counter++) + ".tiff");
  for (size_t i = 0; i < pages.size(); ++i) {
    pixWriteTiff(file.c_str(), pages[i], IFF_TIFF_ZIP, i == 0 ? "w" : "a");
  }
  std::string bytes = ReadFile(file);
  fs::remove(file);
  return bytes;
}

TEST(ImageParserTest, BytesThatAreNoImageAreUnsupported) {
  FakeEngine engine;
  StatusOr<Document> doc = ParseImage("\x89PNG\r\n\x1a\n" + std::string(64, '\0'), "x.png", engine);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kUnsupportedFormat);
  EXPECT_NE(doc.status().message().find("x.png"), std::string::npos);
}

TEST(ImageParserTest, APageOverThePixelLimitIsRefusedBeforeDecoding) {
  PixPtr page = RuledPage({});
  FakeEngine engine;
  ImageParseOptions options;
  options.image.max_pixels = 1000 * 1000;
  StatusOr<Document> doc = ParseImage(WriteTiff({page.get()}), "big.tiff", engine, options);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kResourceLimit);
  EXPECT_NE(doc.status().message().find("--max-pixels"), std::string::npos)
      << doc.status().message();
  EXPECT_EQ(engine.text_calls + engine.latin_calls, 0);
}

TEST(ImageParserTest, APageOverThePixelLimitOnceAt300DpiIsRefused) {
  PixPtr page = RuledPage({});  // 150 dpi: 2.2 MP as stored, 8.7 MP at 300 dpi
  FakeEngine engine;
  ImageParseOptions options;
  options.image.max_pixels = 4'000'000;
  StatusOr<Document> doc = ParseImage(WriteTiff({page.get()}), "low.tiff", engine, options);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kResourceLimit);
  EXPECT_NE(doc.status().message().find("300 dpi"), std::string::npos) << doc.status().message();
  EXPECT_EQ(engine.text_calls + engine.latin_calls, 0);
}

TEST(ImageParserTest, APageOverTheOcrTimeLimitFailsNamingThePage) {
  PixPtr page = RuledPage({{0, 1}});
  FakeEngine engine;
  ImageParseOptions options;
  options.read.max_seconds = 1e-9;
  StatusOr<Document> doc = ParseImage(WriteTiff({page.get()}), "slow.tiff", engine, options);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kResourceLimit);
  EXPECT_NE(doc.status().message().find("slow.tiff: page 1: "), std::string::npos)
      << doc.status().message();
  EXPECT_NE(doc.status().message().find("--max-ocr-seconds"), std::string::npos);
  EXPECT_EQ(engine.text_calls + engine.latin_calls, 0);
}

TEST(ImageParserTest, ReadsEveryPageOfATiffInOrder) {
  PixPtr p1 = RuledPage({{0, 1}}), p2 = RuledPage({{2, 0}, {2, 1}});
  FakeEngine engine;
  StatusOr<Document> doc = ParseImage(WriteTiff({p1.get(), p2.get()}), "two.tiff", engine);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->source.format, InputFormat::kImage);
  EXPECT_EQ(doc->source.pages, 2);
  EXPECT_EQ(doc->source.page_methods, (std::vector<std::string>{"ocr", "ocr"}));
  ASSERT_EQ(doc->tables.size(), 2u);
  EXPECT_EQ(doc->tables[0].prov.page, 0);
  EXPECT_EQ(doc->tables[1].prov.page, 1);
  ASSERT_EQ(doc->blocks.size(), 2u);
  EXPECT_EQ(doc->blocks[0].kind, BlockKind::kTable);
  EXPECT_EQ(doc->blocks[1].table_index, 1);
}

TEST(ImageParserTest, CellsGetTextAndProvenanceAndEmptyCellsNoOcr) {
  PixPtr page = RuledPage({{0, 1}, {1, 0}});
  FakeEngine engine;
  StatusOr<Document> doc = ParseImage(WriteTiff({page.get()}), "one.tiff", engine);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->tables.size(), 1u);
  const Table& t = doc->tables[0];
  EXPECT_EQ(t.n_rows, 3);
  EXPECT_EQ(t.n_cols, 2);
  int with_text = 0;
  for (const Cell& c : t.cells) {
    EXPECT_EQ(c.prov.produced_by, "ocr");
    EXPECT_EQ(c.prov.table, 0);
    EXPECT_EQ(c.prov.row, c.row);
    EXPECT_FALSE(c.prov.bbox.empty());
    const bool inked = (c.row == 0 && c.col == 1) || (c.row == 1 && c.col == 0);
    EXPECT_EQ(c.text, inked ? "7" : "") << c.row << "," << c.col;
    with_text += !c.text.empty();
  }
  EXPECT_EQ(with_text, 2);
  // Boxes are in points whatever the resolution: the table's left rule is
  // at 150 px of a 150 dpi page, 72 points (the deskew may move it a bit).
  EXPECT_NEAR(t.prov.bbox.x0, 72, 4);
  EXPECT_NEAR(t.prov.bbox.x1, 72 + 852 * 72 / 150.0, 4);
  // A confirmed digits reading needs no Chinese recogniser.
  EXPECT_EQ(engine.text_calls, 0);
  EXPECT_EQ(engine.latin_calls, 4);
}

TEST(ImageParserTest, ACellThatLooksLikeALabelIsReadAsTextFirst) {
  PixPtr page = RuledPage({{0, 1}}, {{0, 0}});
  FakeEngine engine;
  engine.text = "规章制度";
  StatusOr<Document> doc = ParseImage(WriteTiff({page.get()}), "label.tiff", engine);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->tables.size(), 1u);
  for (const Cell& c : doc->tables[0].cells) {
    if (c.row == 0) {
      EXPECT_EQ(c.text, c.col == 0 ? "规章制度" : "7") << c.col;
    }
  }
  // The label is read once, by the text recogniser; the digit as before.
  EXPECT_EQ(engine.text_calls, 1);
  EXPECT_EQ(engine.latin_calls, 2);
}

TEST(ImageParserTest, ALabelShapedCellReadAsNoLabelIsReadAsDigitsToo) {
  PixPtr page = RuledPage({}, {{0, 0}});
  FakeEngine engine;  // the text recogniser reads "7": no label
  StatusOr<Document> doc = ParseImage(WriteTiff({page.get()}), "label7.tiff", engine);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->tables.size(), 1u);
  for (const Cell& c : doc->tables[0].cells) {
    if (c.row == 0 && c.col == 0) {
      EXPECT_EQ(c.text, "7");
    }
  }
  EXPECT_EQ(engine.text_calls, 1);
  EXPECT_EQ(engine.latin_calls, 2);  // digits, and the confirming reading
}

TEST(ImageParserTest, AnEngineFailureBecomesAnIssueAndLeavesNothingHalfRead) {
  PixPtr p1 = RuledPage({{0, 0}});
  FakeEngine engine;
  engine.fail = true;
  StatusOr<Document> doc = ParseImage(WriteTiff({p1.get()}), "f.tiff", engine);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kInternal);
  EXPECT_NE(doc.status().message().find("f.tiff: page 1"), std::string::npos)
      << doc.status().message();
}

TEST(ImageParserTest, ReadsARenderedTableWithTesseract) {
  OcrOptions options;
  const fs::path tessdata = TesseractEngine::TessdataDir(options);
  if (!fs::exists(tessdata / "chi_sim.traineddata") || !fs::exists(tessdata / "eng.traineddata")) {
    GTEST_SKIP() << "tessdata (chi_sim, eng) not installed";
  }
  auto engine = TesseractEngine::Create(options);
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  const std::string bytes = ReadFile(fs::path(ZF_SOURCE_DIR) / "tests/ocr-inputs/table2-page.png");
  StatusOr<Document> doc = ParseImage(bytes, "table2-page.png", **engine);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->tables.size(), 2u);  // table 二, and the head of table 三
  const Table& t = doc->tables[0];
  EXPECT_EQ(t.n_cols, 4);
  // Label and values of rows the truth file prints (tools/synthetic/jiangmei-city-2022.json).
  auto row_text = [&](const std::string& label) {
    std::string out;
    int row = -1;
    for (const Cell& c : t.cells) {
      if (c.text == label) row = c.row;
      if (c.row == row && c.col > 0) out += (out.empty() ? "" : " ") + c.text;
    }
    return out;
  };
  EXPECT_EQ(row_text("规章"), "1 0 12");
  EXPECT_EQ(row_text("行政许可"), "402716");
  EXPECT_EQ(row_text("行政事业性收费"), "1532.8");
  const Cell* caption = nullptr;
  for (const Cell& c : t.cells) {
    if (c.row == 0) caption = &c;
  }
  ASSERT_NE(caption, nullptr);
  EXPECT_EQ(caption->col_span, 4);
  ASSERT_FALSE(doc->blocks.empty());
  EXPECT_EQ(doc->blocks[0].kind, BlockKind::kText);
  EXPECT_EQ(doc->blocks[0].text, "江湄市人民政府2022年政府信息公开工作年度报告");
  EXPECT_EQ(doc->blocks[0].prov.produced_by, "ocr");
}

}  // namespace
}  // namespace zfxxgk::image
