#include "pipeline/tesseract_engine.h"

#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <dlfcn.h>
#include <leptonica/allheaders.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <mutex>

namespace zfxxgk {
namespace {

constexpr const char* kDebianTessdata = "/usr/share/tesseract-ocr/5/tessdata";
constexpr const char* kDigitWhitelist = "0123456789.-";

struct TextDeleter {
  void operator()(char* p) const { delete[] p; }
};
using TessText = std::unique_ptr<char, TextDeleter>;
using ApiPtr = std::unique_ptr<tesseract::TessBaseAPI>;
using IteratorPtr = std::unique_ptr<tesseract::ResultIterator>;

std::vector<std::string> SplitLanguages(const std::string& langs) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= langs.size()) {
    size_t plus = langs.find('+', start);
    std::string one = langs.substr(start, plus == std::string::npos ? plus : plus - start);
    if (!one.empty()) out.push_back(one);
    if (plus == std::string::npos) break;
    start = plus + 1;
  }
  return out;
}

// Tesseract prints the reason for a failed Init only to stderr: check the
// files first and say which one is missing.
Status CheckTraineddata(const std::string& dir, const std::string& langs) {
  std::vector<std::string> list = SplitLanguages(langs);
  if (list.empty()) return Status(StatusCode::kInvalidArgument, "OCR: no language configured");
  for (const std::string& lang : list) {
    std::filesystem::path file = std::filesystem::path(dir) / (lang + ".traineddata");
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
      std::string package = "tesseract-ocr-" + lang;
      std::replace(package.begin(), package.end(), '_', '-');
      return Status(StatusCode::kNotFound,
                    "OCR: " + file.string() + " not found (install " + package +
                        ", or set TESSDATA_PREFIX to the folder holding " + lang +
                        ".traineddata)");
    }
  }
  return OkStatus();
}

StatusOr<ApiPtr> InitApi(const std::string& dir, const std::string& langs,
                         tesseract::PageSegMode psm) {
  RETURN_IF_ERROR(CheckTraineddata(dir, langs));
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  // Only debug_file must be set before Init so that Init's own messages go
  // there too; the rest are ordinary variables.
  std::vector<std::string> names = {"debug_file"};
  std::vector<std::string> values = {"/dev/null"};
  // LSTM only: the legacy engine, and the ambiguity table only it uses, are
  // never needed (see UnicharAmbigs::LoadUniversal at the end of this file).
  if (api->Init(dir.c_str(), langs.c_str(), tesseract::OEM_LSTM_ONLY, nullptr, 0, &names, &values,
                false) != 0) {
    return Status(StatusCode::kInternal,
                  "OCR: Tesseract could not load '" + langs + "' from " + dir);
  }
  api->SetPageSegMode(psm);
  api->SetVariable("preserve_interword_spaces", "1");
  // Tesseract reads a line whose confidence is low a second time inverted
  // (light text on a dark ground). Our strips are always dark ink on white
  // (background-normalised page, MakeStrip), where the inverted read hardly
  // ever wins (../shared/scans: the same cells right with and without it);
  // it doubled the cost of exactly the cells read several ways (labels
  // seen by the digits recogniser, faint digits).
  api->SetVariable("tessedit_do_invert", "0");
  return api;
}

// The part of `r` inside the image.
PixelRect Clip(const GreyImage& image, const PixelRect& r) {
  int x0 = std::clamp(r.x, 0, image.width), y0 = std::clamp(r.y, 0, image.height);
  int x1 = std::clamp(r.x + r.width, 0, image.width);
  int y1 = std::clamp(r.y + r.height, 0, image.height);
  return {x0, y0, std::max(0, x1 - x0), std::max(0, y1 - y0)};
}

// Hands the region to `api` without copying the page: Tesseract reads the
// rows through the page's stride.
void SetRegion(tesseract::TessBaseAPI& api, const GreyImage& image, const PixelRect& r) {
  const unsigned char* origin =
      image.pixels.data() + static_cast<size_t>(r.y) * image.width + r.x;
  api.SetImage(origin, r.width, r.height, 1, image.width);
  api.SetSourceResolution(image.dpi > 0 ? image.dpi : 300);
}

tesseract::PageSegMode ModeOf(OcrLayout layout) {
  switch (layout) {
    case OcrLayout::kAuto: return tesseract::PSM_AUTO;
    case OcrLayout::kBlock: return tesseract::PSM_SINGLE_BLOCK;
    case OcrLayout::kLine: return tesseract::PSM_SINGLE_LINE;
    case OcrLayout::kRawLine: return tesseract::PSM_RAW_LINE;
  }
  return tesseract::PSM_SINGLE_BLOCK;
}

std::vector<OcrWord> CollectWords(tesseract::TessBaseAPI& api, const PixelRect& r) {
  std::vector<OcrWord> words;
  IteratorPtr it(api.GetIterator());
  if (!it) return words;
  int line = -1;
  do {
    if (it->Empty(tesseract::RIL_WORD)) continue;
    if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) ++line;
    TessText text(it->GetUTF8Text(tesseract::RIL_WORD));
    if (!text || text.get()[0] == '\0') continue;
    int left, top, right, bottom;
    if (!it->BoundingBox(tesseract::RIL_WORD, &left, &top, &right, &bottom)) continue;
    OcrWord w;
    w.text = text.get();
    w.box = BBox{double(left + r.x), double(top + r.y), double(right + r.x),
                 double(bottom + r.y)};
    w.confidence = std::clamp(it->Confidence(tesseract::RIL_WORD) / 100.0, 0.0, 1.0);
    w.line = std::max(line, 0);
    words.push_back(std::move(w));
  } while (it->Next(tesseract::RIL_WORD));
  return words;
}

// Tesseract runs parts of its LSTM on an OpenMP team. Next to other work
// (batch workers, small machines) the team's spinning threads cost more
// CPU than they save: behave as OMP_THREAD_LIMIT=1 without relying on the
// environment (read only when libgomp loads) by making every OpenMP
// parallel region inactive. max-active-levels is an ICV of the calling
// thread (libgomp keeps it per thread), so this runs on every thread that
// recognises, once. Looked up at run time: libgomp comes with Tesseract,
// and a build without OpenMP simply has nothing to set.
void SingleThreadedOpenMp() {
  using SetLevels = void (*)(int);
  static const SetLevels set =
      reinterpret_cast<SetLevels>(dlsym(RTLD_DEFAULT, "omp_set_max_active_levels"));
  thread_local bool done = false;
  if (done || set == nullptr) return;
  set(0);
  done = true;
}

// Runs api.Recognize with a monitor whose end time is `deadline` (none at
// time_point::max()): kResourceLimit when the deadline passed before or
// during the call (what was read is cleared), kInternal when Tesseract
// failed; `what` names the region for that message.
Status RecognizeBy(tesseract::TessBaseAPI& api, std::chrono::steady_clock::time_point deadline,
                   const std::string& what) {
  SingleThreadedOpenMp();
  const bool limited = deadline != std::chrono::steady_clock::time_point::max();
  const Status late(StatusCode::kResourceLimit, "OCR: stopped at the time limit, " + what);
  if (limited && std::chrono::steady_clock::now() > deadline) {
    api.Clear();
    return late;
  }
  tesseract::ETEXT_DESC monitor;
  if (limited) monitor.end_time = deadline;
  const int rc = api.Recognize(limited ? &monitor : nullptr);
  if (limited && monitor.deadline_exceeded()) {
    api.Clear();
    return late;
  }
  if (rc != 0) return Status(StatusCode::kInternal, "OCR: Tesseract failed " + what);
  return OkStatus();
}

}  // namespace

struct TesseractEngine::Apis {
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  ApiPtr text;
  ApiPtr digits;          // the Latin recogniser
  std::string whitelist;  // its current tessedit_char_whitelist
  std::string description;
};

TesseractEngine::TesseractEngine(std::unique_ptr<Apis> apis) : apis_(std::move(apis)) {}
TesseractEngine::~TesseractEngine() = default;

std::string TesseractEngine::TessdataDir(const OcrOptions& options) {
  if (!options.tessdata_dir.empty()) return options.tessdata_dir;
  const char* env = std::getenv("TESSDATA_PREFIX");
  if (env != nullptr && env[0] != '\0') return env;
  return kDebianTessdata;
}

StatusOr<std::unique_ptr<TesseractEngine>> TesseractEngine::Create(const OcrOptions& options) {
  // One engine at a time: Init writes Tesseract's global parameters
  // (debug_file is one), a data race between workers starting together
  // (ThreadSanitizer, two batch workers on scanned inputs).
  static std::mutex creating;
  std::lock_guard<std::mutex> lock(creating);
  const std::string dir = TessdataDir(options);
  auto apis = std::make_unique<Apis>();
  ASSIGN_OR_RETURN(apis->text, InitApi(dir, options.languages, tesseract::PSM_SINGLE_BLOCK));
  ASSIGN_OR_RETURN(apis->digits,
                   InitApi(dir, options.digit_language, tesseract::PSM_SINGLE_LINE));
  if (!apis->digits->SetVariable("tessedit_char_whitelist", kDigitWhitelist)) {
    return Status(StatusCode::kInternal, "OCR: Tesseract rejected the digit whitelist");
  }
  apis->whitelist = kDigitWhitelist;
  apis->description = std::string("tesseract ") + tesseract::TessBaseAPI::Version() + " " +
                      options.languages;
  return std::unique_ptr<TesseractEngine>(new TesseractEngine(std::move(apis)));
}

StatusOr<std::vector<OcrWord>> TesseractEngine::Recognize(const GreyImage& image,
                                                          const PixelRect& region,
                                                          OcrLayout layout) {
  PixelRect r = Clip(image, region);
  if (r.width < 4 || r.height < 4) return std::vector<OcrWord>();
  tesseract::TessBaseAPI& api = *apis_->text;
  api.SetPageSegMode(ModeOf(layout));
  SetRegion(api, image, r);
  RETURN_IF_ERROR(RecognizeBy(api, apis_->deadline,
                              "on a region at (" + std::to_string(r.x) + "," +
                                  std::to_string(r.y) + ")"));
  std::vector<OcrWord> words = CollectWords(api, r);
  api.Clear();
  return words;
}

StatusOr<LatinReading> TesseractEngine::ReadLatin(const GreyImage& image,
                                                  const PixelRect& region, OcrLayout layout,
                                                  LatinCharset charset) {
  LatinReading reading;
  PixelRect r = Clip(image, region);
  if (r.width < 4 || r.height < 4) return reading;
  tesseract::TessBaseAPI& api = *apis_->digits;
  api.SetPageSegMode(ModeOf(layout));
  const char* whitelist = charset == LatinCharset::kDigits ? kDigitWhitelist : "";
  if (apis_->whitelist != whitelist) {
    api.SetVariable("tessedit_char_whitelist", whitelist);
    apis_->whitelist = whitelist;
  }
  SetRegion(api, image, r);
  RETURN_IF_ERROR(RecognizeBy(api, apis_->deadline,
                              "(Latin) at (" + std::to_string(r.x) + "," + std::to_string(r.y) +
                                  ")"));
  IteratorPtr it(api.GetIterator());
  double lowest = 1.0;
  if (it) {
    do {
      if (it->Empty(tesseract::RIL_SYMBOL)) continue;
      TessText text(it->GetUTF8Text(tesseract::RIL_SYMBOL));
      if (!text) continue;
      reading.text += text.get();
      lowest = std::min(lowest, it->Confidence(tesseract::RIL_SYMBOL) / 100.0);
      int left, top, right, bottom;
      if (it->BoundingBox(tesseract::RIL_SYMBOL, &left, &top, &right, &bottom)) {
        BBox b{double(left + r.x), double(top + r.y), double(right + r.x), double(bottom + r.y)};
        reading.box = reading.box.empty()
                          ? b
                          : BBox{std::min(reading.box.x0, b.x0), std::min(reading.box.y0, b.y0),
                                 std::max(reading.box.x1, b.x1), std::max(reading.box.y1, b.y1)};
      }
    } while (it->Next(tesseract::RIL_SYMBOL));
  }
  reading.confidence = reading.text.empty() ? 0.0 : std::clamp(lowest, 0.0, 1.0);
  api.Clear();
  return reading;
}

std::string TesseractEngine::Describe() const { return apis_->description; }

void TesseractEngine::SetDeadline(std::chrono::steady_clock::time_point deadline) {
  apis_->deadline = deadline;
}

StatusOr<OcrEngine*> ThreadOcrEngine() {
  thread_local StatusOr<std::unique_ptr<TesseractEngine>> engine =
      TesseractEngine::Create(OcrOptions());
  if (!engine.ok()) return engine.status();
  return static_cast<OcrEngine*>(engine->get());
}

}  // namespace zfxxgk

// Tesseract hands every line it recognises to its LSTM as an ImageData,
// which stores the line image PNG-encoded (zlib level 6) and decodes it
// again before the network reads it: about 7% of our OCR time spent on a
// lossless round trip. This definition takes precedence over Leptonica's
// (Leptonica calls it through its PLT) and writes PNGs whose caller chose
// no zlib level (Pix::special unset) stored, without compression: the
// same pixels come back, at a fraction of the cost. We write no PNG of our
// own, so nothing else in the process is affected; were the call not
// interposed (a static Leptonica), only the speed would differ.
extern "C" l_ok pixWriteMemPng(l_uint8** data, size_t* size, PIX* pix, l_float32 gamma) {
  using Real = l_ok (*)(l_uint8**, size_t*, PIX*, l_float32);
  static const Real real = reinterpret_cast<Real>(dlsym(RTLD_NEXT, "pixWriteMemPng"));
  if (real == nullptr) return 1;
  if (pix == nullptr || pix->special != 0) return real(data, size, pix, gamma);
  pixSetZlibCompression(pix, 0);
  const l_ok rc = real(data, size, pix, gamma);
  pix->special = 0;
  return rc;
}

// Tesseract's Init loads the legacy engine's universal ambiguity table
// (tesseract::kUniversalAmbigsFile, ccutil/ambigs.cpp) into every
// recogniser whatever the engine mode, inserting each of its entries into
// sorted linked lists: 0.24 of the 0.31 CPU seconds our two recognisers
// take to start, paid once per process (about 8% of the CPU time of a
// three-page scan). Only the legacy engine (its classifier, and its word
// checks against dangerous ambiguities) reads the table; the engines here
// run LSTM only (OEM_LSTM_ONLY above), and outputs are byte-identical
// without it (../shared/scans, corpus). This definition takes precedence
// over Tesseract's exported one, as pixWriteMemPng's below does over
// Leptonica's, and leaves the table empty (InitUnicharAmbigs has sized it).
// Were the call bound inside the library (a static or -Bsymbolic build),
// the table would be loaded as before: only the start-up time differs.
// Both definitions also win when this file is part of the dlopen'ed PDF/OCR
// module (pipeline/pdf_ocr_module.h): the module comes first in the lookup
// scope of the libraries it loads (tests/tools/cli_pdf_ocr_module_test.cc).
namespace tesseract {
class UNICHARSET;
class UnicharAmbigs {
 public:
  void LoadUniversal(const UNICHARSET& encoder_set, UNICHARSET* unicharset);
};
void UnicharAmbigs::LoadUniversal(const UNICHARSET&, UNICHARSET*) {}
}  // namespace tesseract
