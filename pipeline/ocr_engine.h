// The OCR engine interface: what the image parser asks of a text recogniser.
//
// A page image is a plain 8-bit grey raster (no Leptonica or Tesseract type
// crosses this header). An engine recognises a rectangular region of it in
// one of a few layouts and returns words with pixel boxes and confidences;
// it can also read a small crop with the Latin model, as digits only. The Tesseract adapter
// (pipeline/tesseract_engine.h) implements it; tests inject fakes.
//
//   ASSIGN_OR_RETURN(std::unique_ptr<TesseractEngine> engine,
//                    TesseractEngine::Create(OcrOptions()));
//   ASSIGN_OR_RETURN(std::vector<OcrWord> words,
//                    engine->Recognize(page, PixelRect{0, 0, page.width, page.height},
//                                      OcrLayout::kBlock));
//
// Thread-safety: an engine holds recogniser state and is NOT thread-safe;
// use one engine per thread (ThreadOcrEngine gives each thread its own).
#ifndef ZFXXGK_PIPELINE_OCR_ENGINE_H_
#define ZFXXGK_PIPELINE_OCR_ENGINE_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace zfxxgk {

// An 8-bit grey raster, row-major without padding: 0 = black, 255 = white.
struct GreyImage {
  int width = 0;
  int height = 0;
  int dpi = 300;                 // resolution the page was scanned or rendered at
  std::vector<uint8_t> pixels;   // width * height bytes

  bool empty() const { return width <= 0 || height <= 0; }
  uint8_t at(int x, int y) const { return pixels[static_cast<size_t>(y) * width + x]; }
};

// A pixel rectangle, top-left origin; clipped to the image by engines.
struct PixelRect {
  int x = 0;
  int y = 0;
  int width = 0;
  int height = 0;
};

// How the recogniser segments the region.
enum class OcrLayout {
  kAuto,   // find blocks, columns and lines (Tesseract psm 3)
  kBlock,  // one uniform block of text lines (psm 6)
  kLine,   // a single text line (psm 7)
  // A single text line, without Tesseract's own line finding and word
  // segmentation (psm 13): fewer misreads on short cell texts.
  kRawLine,
};

struct OcrWord {
  std::string text;         // UTF-8 as recognised
  BBox box;                 // pixels in the page image
  double confidence = 0;    // 0-1
  int line = 0;             // index of the text line within one Recognize call
};

// Which characters the Latin recogniser may answer with.
enum class LatinCharset {
  kDigits,  // 0-9 '.' '-': numbers as printed in count and amount cells
  kAny,     // every character of the Latin model (a check: text forced into
            // digits reads as letters and punctuation here)
};

// A line read by the Latin recogniser.
struct LatinReading {
  std::string text;         // empty when nothing was read
  double confidence = 0;    // 0-1, the lowest character confidence
  BBox box;                 // pixels in the image covered by the characters read
};

struct OcrOptions {
  // Folder holding <lang>.traineddata. Empty: $TESSDATA_PREFIX if set, else
  // Debian's /usr/share/tesseract-ocr/5/tessdata.
  std::string tessdata_dir;
  // Languages for text, "+"-separated ("chi_sim", "chi_sim+eng").
  std::string languages = "chi_sim";
  // Language of the Latin recogniser (ReadLatin).
  std::string digit_language = "eng";
};

class OcrEngine {
 public:
  virtual ~OcrEngine() = default;

  // Words in `region` of `image`, in the recogniser's reading order, boxes
  // in page pixels. An empty region or one without text gives no words.
  // Errors: kInternal when the recogniser fails on the region.
  virtual StatusOr<std::vector<OcrWord>> Recognize(const GreyImage& image,
                                                   const PixelRect& region,
                                                   OcrLayout layout) = 0;

  // Reads `region` (one cell's content) as a single line with the Latin
  // recogniser, limited to `charset`, segmented as `layout` (kLine or
  // kRawLine). Errors: kInternal.
  virtual StatusOr<LatinReading> ReadLatin(const GreyImage& image, const PixelRect& region,
                                           OcrLayout layout, LatinCharset charset) = 0;

  // "tesseract 5.3.0 chi_sim", for provenance and messages.
  virtual std::string Describe() const = 0;

  // From now on Recognize and ReadLatin stop at `deadline` (steady_clock;
  // time_point::max(), the initial value, is none): a call still running
  // then, or started after it, returns kResourceLimit and what it had read
  // is dropped. The Tesseract engine checks it between words, so one call
  // overruns it by at most one word's recognition; an engine that cannot
  // stop mid-call (a test fake) may ignore it.
  virtual void SetDeadline(std::chrono::steady_clock::time_point deadline) { (void)deadline; }
};

// This thread's engine, created with default OcrOptions on first use and
// kept for the thread's lifetime (Tesseract's Init costs ~0.3 s). Errors:
// those of TesseractEngine::Create, returned again on later calls.
StatusOr<OcrEngine*> ThreadOcrEngine();

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_OCR_ENGINE_H_
