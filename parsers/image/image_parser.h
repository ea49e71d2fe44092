// Image input (PNG, JPEG, TIFF with any number of pages, ...) → Document, by
// OCR: each page is read by ReadPageImage (page_reader.h).
//
//   ASSIGN_OR_RETURN(OcrEngine* engine, ThreadOcrEngine());
//   ASSIGN_OR_RETURN(Document doc, image::ParseImage(bytes, "scan.tiff", *engine));
//
// A page that is damaged or that the engine fails on becomes an issue and
// the other pages are read. Errors: kUnsupportedFormat (not an image
// Leptonica reads), kResourceLimit (a page over ImageOptions::max_pixels, or
// every page read over OcrReadOptions::max_seconds),
// kUnreadable or kInternal (no page could be read: the last page's error).
// Thread-safe if each thread passes its own engine.
#ifndef ZFXXGK_PARSERS_IMAGE_IMAGE_PARSER_H_
#define ZFXXGK_PARSERS_IMAGE_IMAGE_PARSER_H_

#include <string>
#include <string_view>

#include "parsers/image/page_image.h"
#include "parsers/image/page_reader.h"
#include "pipeline/document.h"
#include "pipeline/ocr_engine.h"
#include "pipeline/status.h"

namespace zfxxgk::image {

struct ImageParseOptions {
  ImageOptions image;
  OcrReadOptions read;
};

StatusOr<Document> ParseImage(std::string_view bytes, const std::string& path,
                              OcrEngine& engine,
                              const ImageParseOptions& options = ImageParseOptions());

}  // namespace zfxxgk::image

#endif  // ZFXXGK_PARSERS_IMAGE_IMAGE_PARSER_H_
