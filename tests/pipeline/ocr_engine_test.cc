// Tests for the Tesseract adapter (pipeline/tesseract_engine.h) on small
// images in tests/ocr-inputs/ (rendered with ImageMagick; see the README
// there). Tests that need Tesseract's models skip when
// <tessdata>/chi_sim.traineddata is absent; tools/install-deps installs it.
#include "pipeline/tesseract_engine.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "parsers/image/pix.h"

namespace zfxxgk {
namespace {

namespace fs = std::filesystem;

bool HaveModels() {
  const std::string dir = TesseractEngine::TessdataDir(OcrOptions());
  return fs::exists(fs::path(dir) / "chi_sim.traineddata") &&
         fs::exists(fs::path(dir) / "eng.traineddata");
}

GreyImage LoadFixture(const std::string& name) {
  const std::string path = (fs::path(ZF_SOURCE_DIR) / "tests/ocr-inputs" / name).string();
  image::PixPtr pix(pixRead(path.c_str()));
  EXPECT_TRUE(pix) << path;
  if (!pix) return GreyImage();
  image::PixPtr grey(pixConvertTo8(pix.get(), 0));
  return image::GreyFromPix(grey.get(), 300);
}

PixelRect Whole(const GreyImage& g) { return {0, 0, g.width, g.height}; }

TEST(TesseractEngineTest, CreateNamesTheMissingTraineddata) {
  const fs::path empty = fs::temp_directory_path() / "zfxxgk_no_tessdata";
  fs::create_directories(empty);
  OcrOptions options;
  options.tessdata_dir = empty.string();
  StatusOr<std::unique_ptr<TesseractEngine>> engine = TesseractEngine::Create(options);
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), StatusCode::kNotFound);
  const std::string& m = engine.status().message();
  EXPECT_NE(m.find((empty / "chi_sim.traineddata").string()), std::string::npos) << m;
  EXPECT_NE(m.find("tesseract-ocr-chi-sim"), std::string::npos) << m;
  EXPECT_NE(m.find("TESSDATA_PREFIX"), std::string::npos) << m;
}

TEST(TesseractEngineTest, CreateRejectsAnEmptyLanguageList) {
  OcrOptions options;
  options.languages = "";
  StatusOr<std::unique_ptr<TesseractEngine>> engine = TesseractEngine::Create(options);
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), StatusCode::kInvalidArgument);
}

TEST(TesseractEngineTest, ExplicitTessdataDirWinsOverTheEnvironment) {
  OcrOptions options;
  options.tessdata_dir = "/some/where";
  EXPECT_EQ(TesseractEngine::TessdataDir(options), "/some/where");
}

// The line images Tesseract PNG-encodes are stored uncompressed (the
// adapter interposes pixWriteMemPng), pixel for pixel the same; a PNG
// whose caller chose a zlib level keeps it.
TEST(TesseractEngineTest, PngsWithoutAChosenLevelAreStoredUncompressed) {
  image::PixPtr white(pixCreate(200, 100, 8));
  ASSERT_TRUE(white);
  pixSetAll(white.get());
  pixSetPixel(white.get(), 7, 3, 0);
  l_uint8* data = nullptr;
  size_t size = 0;
  ASSERT_EQ(pixWriteMem(&data, &size, white.get(), IFF_PNG), 0);
  EXPECT_GE(size, 200u * 100u);
  EXPECT_EQ(white->special, 0);
  image::PixPtr back(pixReadMem(data, size));
  lept_free(data);
  ASSERT_TRUE(back);
  l_int32 same = 0;
  pixEqual(white.get(), back.get(), &same);
  EXPECT_TRUE(same);
  pixSetZlibCompression(white.get(), 6);
  ASSERT_EQ(pixWriteMem(&data, &size, white.get(), IFF_PNG), 0);
  lept_free(data);
  EXPECT_LT(size, 2000u);
}

TEST(TesseractEngineTest, ReadsDigitsWithTheLatinRecogniser) {
  if (!HaveModels()) GTEST_SKIP() << "tessdata (chi_sim, eng) not installed";
  auto engine = TesseractEngine::Create(OcrOptions());
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  const GreyImage strip = LoadFixture("digits-2575.png");
  StatusOr<LatinReading> digits =
      (*engine)->ReadLatin(strip, Whole(strip), OcrLayout::kLine, LatinCharset::kDigits);
  ASSERT_TRUE(digits.ok()) << digits.status().ToString();
  EXPECT_EQ(digits->text, "2575");
  EXPECT_GT(digits->confidence, 0.8);
  EXPECT_FALSE(digits->box.empty());
  StatusOr<LatinReading> any =
      (*engine)->ReadLatin(strip, Whole(strip), OcrLayout::kRawLine, LatinCharset::kAny);
  ASSERT_TRUE(any.ok());
  EXPECT_EQ(any->text, "2575");
}

TEST(TesseractEngineTest, DigitsOnlyReadingOfChineseDoesNotRepeatUnconstrained) {
  if (!HaveModels()) GTEST_SKIP() << "tessdata (chi_sim, eng) not installed";
  auto engine = TesseractEngine::Create(OcrOptions());
  ASSERT_TRUE(engine.ok());
  const GreyImage strip = LoadFixture("label-xzxk.png");
  auto digits = (*engine)->ReadLatin(strip, Whole(strip), OcrLayout::kLine, LatinCharset::kDigits);
  auto any = (*engine)->ReadLatin(strip, Whole(strip), OcrLayout::kRawLine, LatinCharset::kAny);
  ASSERT_TRUE(digits.ok() && any.ok());
  EXPECT_TRUE(digits->text.empty() || digits->text != any->text)
      << digits->text << " / " << any->text;
}

TEST(TesseractEngineTest, RecognisesAChineseLineWithBoxesInImagePixels) {
  if (!HaveModels()) GTEST_SKIP() << "tessdata (chi_sim, eng) not installed";
  auto engine = TesseractEngine::Create(OcrOptions());
  ASSERT_TRUE(engine.ok());
  const GreyImage strip = LoadFixture("label-xzxk.png");
  StatusOr<std::vector<OcrWord>> words =
      (*engine)->Recognize(strip, Whole(strip), OcrLayout::kRawLine);
  ASSERT_TRUE(words.ok()) << words.status().ToString();
  std::string text;
  for (const OcrWord& w : *words) {
    text += w.text;
    EXPECT_GE(w.box.x0, 0);
    EXPECT_LE(w.box.x1, strip.width);
    EXPECT_GT(w.confidence, 0.0);
  }
  EXPECT_EQ(text, "行政许可");
  EXPECT_NE((*engine)->Describe().find("chi_sim"), std::string::npos);
}

// Threads of this process now (Linux: one entry per thread in /proc/self/task).
size_t ThreadCount() {
  size_t n = 0;
  for ([[maybe_unused]] const auto& t : fs::directory_iterator("/proc/self/task")) ++n;
  return n;
}

// Tesseract's LSTM asks OpenMP for a team; each thread's OpenMP settings are
// its own, so a thread other than the first to recognise must not start one
// either (two batch workers on scans started OpenMP threads before).
TEST(TesseractEngineTest, RecognisingOnAnotherThreadStartsNoOpenMpThreads) {
  if (!HaveModels()) GTEST_SKIP() << "tessdata (chi_sim, eng) not installed";
  const GreyImage strip = LoadFixture("label-xzxk.png");
  auto recognise = [&strip](size_t* before, size_t* after) {
    auto engine = TesseractEngine::Create(OcrOptions());
    ASSERT_TRUE(engine.ok());
    *before = ThreadCount();
    ASSERT_TRUE((*engine)->Recognize(strip, Whole(strip), OcrLayout::kRawLine).ok());
    *after = ThreadCount();
  };
  for (int i = 0; i < 2; ++i) {  // the first thread, then another
    size_t before = 0, after = 0;
    std::thread worker(recognise, &before, &after);
    worker.join();
    EXPECT_GT(before, 0u);
    EXPECT_EQ(after, before) << "thread " << i;
  }
}

TEST(TesseractEngineTest, RegionOffsetsBoxesAndEmptyRegionsGiveNothing) {
  if (!HaveModels()) GTEST_SKIP() << "tessdata (chi_sim, eng) not installed";
  auto engine = TesseractEngine::Create(OcrOptions());
  ASSERT_TRUE(engine.ok());
  GreyImage page = LoadFixture("digits-2575.png");
  StatusOr<std::vector<OcrWord>> none =
      (*engine)->Recognize(page, PixelRect{0, 0, 2, 2}, OcrLayout::kLine);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  StatusOr<LatinReading> right = (*engine)->ReadLatin(
      page, PixelRect{page.width / 2, 0, page.width / 2, page.height}, OcrLayout::kLine,
      LatinCharset::kDigits);
  ASSERT_TRUE(right.ok());
  EXPECT_GE(right->box.x0, page.width / 2) << right->text;
}

TEST(TesseractEngineTest, PassedDeadlineStopsCallsUntilItIsLifted) {
  if (!HaveModels()) GTEST_SKIP() << "tessdata (chi_sim, eng) not installed";
  auto engine = TesseractEngine::Create(OcrOptions());
  ASSERT_TRUE(engine.ok());
  const GreyImage strip = LoadFixture("label-xzxk.png");
  (*engine)->SetDeadline(std::chrono::steady_clock::now() - std::chrono::seconds(1));
  StatusOr<std::vector<OcrWord>> late =
      (*engine)->Recognize(strip, Whole(strip), OcrLayout::kRawLine);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.status().code(), StatusCode::kResourceLimit);
  EXPECT_EQ((*engine)->ReadLatin(strip, Whole(strip), OcrLayout::kLine, LatinCharset::kDigits)
                .status()
                .code(),
            StatusCode::kResourceLimit);
  (*engine)->SetDeadline(std::chrono::steady_clock::time_point::max());
  EXPECT_TRUE((*engine)->Recognize(strip, Whole(strip), OcrLayout::kRawLine).ok());
}

TEST(TesseractEngineTest, DeadlineStopsARecognitionInsideTheCall) {
  if (!HaveModels()) GTEST_SKIP() << "tessdata (chi_sim, eng) not installed";
  auto engine = TesseractEngine::Create(OcrOptions());
  ASSERT_TRUE(engine.ok());
  // The machine's pace (sanitizers, load): one four-character line.
  const GreyImage strip = LoadFixture("label-xzxk.png");
  ASSERT_TRUE((*engine)->Recognize(strip, Whole(strip), OcrLayout::kRawLine).ok());
  auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE((*engine)->Recognize(strip, Whole(strip), OcrLayout::kRawLine).ok());
  const std::chrono::duration<double> line = std::chrono::steady_clock::now() - t0;
  // A whole A4 page at 300 dpi with a table, 417 words: about 100 such
  // lines of recognition (one line 0.05 to 0.08 s, the page 5 s in Release
  // on a loaded 2-core VM; Tesseract is not instrumented under ASan).
  const GreyImage page = LoadFixture("table2-page.png");
  t0 = std::chrono::steady_clock::now();
  (*engine)->SetDeadline(t0 + std::chrono::milliseconds(100));
  StatusOr<std::vector<OcrWord>> words = (*engine)->Recognize(page, Whole(page), OcrLayout::kAuto);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - t0;
  ASSERT_FALSE(words.ok());
  EXPECT_EQ(words.status().code(), StatusCode::kResourceLimit);
  // The page's layout analysis (not interruptible; measured 0.7 to 1.1 s,
  // 10 to 20 lines' worth) plus one word past the deadline, far from the
  // whole page's 100.
  EXPECT_LT(took.count(), 0.1 + 40 * line.count()) << "one line took " << line.count() << " s";
}

}  // namespace
}  // namespace zfxxgk
