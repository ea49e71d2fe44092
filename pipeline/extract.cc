#include "pipeline/extract.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "parsers/html/html_parser.h"
#include "parsers/image/image_parser.h"
#include "parsers/pdf/pdf_parser.h"
#include "parsers/text/text_parser.h"
#include "pipeline/encoding.h"
#include "pipeline/ocr_engine.h"
#include "pipeline/sha256.h"
#include "pipeline/sniff.h"

namespace zfxxgk {
namespace {

StatusOr<std::string> ReadAll(const std::string& path, size_t limit) {
  std::string data;
  if (path == "-") {
    data.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::ifstream probe(path);
      return Status(probe ? StatusCode::kUnreadable : StatusCode::kNotFound,
                    path + ": cannot open");
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return Status(StatusCode::kUnreadable, path + ": read error");
    data = ss.str();
  }
  if (data.size() > limit) {
    return Status(StatusCode::kInvalidArgument,
                  path + ": input larger than the limit of " + std::to_string(limit) + " bytes");
  }
  return data;
}

StatusOr<Document> Parse(InputFormat format, const std::string& utf8, const std::string& path) {
  switch (format) {
    case InputFormat::kHtml: return html::ParseHtml(utf8, path);
    case InputFormat::kText: return text::ParseText(utf8, path);
    case InputFormat::kPdf: break;  // bytes, not text: see ExtractBytes
    case InputFormat::kImage:
      return Status(StatusCode::kUnsupportedFormat,
                    path + ": image input (OCR) is not supported yet");
    case InputFormat::kUnknown: break;
  }
  return Status(StatusCode::kUnsupportedFormat, path + ": binary or unknown format");
}

}  // namespace

StatusOr<ReportV1> ExtractBytes(std::string_view bytes, const std::string& display_path,
                                const ExtractOptions& options) {
  if (bytes.size() > options.max_input_bytes) {
    return Status(StatusCode::kInvalidArgument, display_path + ": input too large");
  }
  if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status(StatusCode::kEmptyInput, display_path + ": empty input");
  }
  InputFormat format = SniffFormat(bytes);
  if (format == InputFormat::kPdf) {
    StatusOr<Document> doc = pdf::ParsePdf(bytes, display_path);
    if (!doc.ok()) return doc.status();
    doc->source.sha256 = Sha256Hex(bytes);
    return BuildReport(*doc, "");
  }
  if (format == InputFormat::kImage) {  // OCR: one engine per thread, created once
    ASSIGN_OR_RETURN(OcrEngine * engine, ThreadOcrEngine());
    ASSIGN_OR_RETURN(Document doc, image::ParseImage(bytes, display_path, *engine));
    doc.source.sha256 = Sha256Hex(bytes);
    return BuildReport(doc, "");
  }
  if (format == InputFormat::kUnknown) {
    // Only white space in some encoding (U+3000, a BOM) is empty, not binary.
    StatusOr<DecodedText> text = DecodeToUtf8(bytes);
    if (!text.ok() && text.status().code() == StatusCode::kEmptyInput) {
      return Status(StatusCode::kEmptyInput, display_path + ": empty input");
    }
  }
  if (format == InputFormat::kImage || format == InputFormat::kUnknown) {
    return Parse(format, "", display_path).status();
  }
  ASSIGN_OR_RETURN(DecodedText text, DecodeToUtf8(bytes));
  ASSIGN_OR_RETURN(Document doc, Parse(format, text.utf8, display_path));
  doc.source.path = display_path;
  doc.source.sha256 = Sha256Hex(bytes);
  doc.source.encoding = text.encoding;
  doc.source.format = format;
  return BuildReport(doc, text.utf8);
}

StatusOr<ReportV1> ExtractFile(const std::string& path, const ExtractOptions& options) {
  ASSIGN_OR_RETURN(std::string bytes, ReadAll(path, options.max_input_bytes));
  return ExtractBytes(bytes, path, options);
}

}  // namespace zfxxgk
