// The Tesseract adapter behind OcrEngine (pipeline/ocr_engine.h).
//
// Create() checks that every needed <tessdata>/<lang>.traineddata exists
// before calling Tesseract's Init (which would only print the cause to
// stderr), then initialises two recognisers once: one for text (the
// configured languages, LSTM, preserve_interword_spaces=1, no inverted
// retry of low-confidence lines: tessedit_do_invert=0) and one for
// digits-only re-reads (digit_language, single line, whitelist
// "0123456789.-"). Tesseract's own messages go to /dev/null; failures come
// back as Status. All Tesseract variables are set here and nowhere else.
//
// Speed: Tesseract parallelises its LSTM with OpenMP; every thread that
// recognises makes its OpenMP regions single-threaded (what
// OMP_THREAD_LIMIT=1 does for a process), so one engine uses one core,
// engines on several threads do not oversubscribe the machine, and no
// OpenMP thread is ever started.
//
// Tesseract stores each line image PNG-encoded before its LSTM reads it;
// this adapter interposes Leptonica's pixWriteMemPng so that such PNGs are
// written without compression (same pixels, less CPU; see the .cc). Both
// recognisers run LSTM only, and the legacy engine's universal ambiguity
// table, which Init loads whatever the mode (most of the start-up time), is
// left empty by interposing its loader (see the .cc).
//
// Deadline (SetDeadline): passed to Tesseract as its ETEXT_DESC monitor's
// end time, checked between words; layout analysis inside a call is not
// interrupted (it takes milliseconds on the strips the page reader sends).
//
// Errors from Create: kNotFound (a traineddata file is missing; the message
// names the file and the Debian package), kInternal (Init failed).
// Thread-safety: not thread-safe; one engine per thread.
#ifndef ZFXXGK_PIPELINE_TESSERACT_ENGINE_H_
#define ZFXXGK_PIPELINE_TESSERACT_ENGINE_H_

#include <memory>
#include <string>
#include <vector>

#include "pipeline/ocr_engine.h"
#include "pipeline/status.h"

namespace zfxxgk {

class TesseractEngine final : public OcrEngine {
 public:
  static StatusOr<std::unique_ptr<TesseractEngine>> Create(const OcrOptions& options);
  ~TesseractEngine() override;

  TesseractEngine(const TesseractEngine&) = delete;
  TesseractEngine& operator=(const TesseractEngine&) = delete;

  StatusOr<std::vector<OcrWord>> Recognize(const GreyImage& image, const PixelRect& region,
                                           OcrLayout layout) override;
  StatusOr<LatinReading> ReadLatin(const GreyImage& image, const PixelRect& region,
                                   OcrLayout layout, LatinCharset charset) override;
  std::string Describe() const override;
  void SetDeadline(std::chrono::steady_clock::time_point deadline) override;

  // The tessdata folder that `options` resolves to (see OcrOptions).
  static std::string TessdataDir(const OcrOptions& options);

 private:
  struct Apis;  // the two TessBaseAPI instances
  explicit TesseractEngine(std::unique_ptr<Apis> apis);
  std::unique_ptr<Apis> apis_;
};

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_TESSERACT_ENGINE_H_
