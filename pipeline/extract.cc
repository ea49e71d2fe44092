#include "pipeline/extract.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <vector>

#include "parsers/html/html_parser.h"
#include "parsers/image/image_parser.h"
#include "parsers/pdf/pdf_parser.h"
#include "parsers/text/text_parser.h"
#include "pipeline/ascii.h"
#include "pipeline/encoding.h"
#include "pipeline/label_set.h"
#include "pipeline/pdf_ocr_module.h"
#include "pipeline/sha256.h"
#include "pipeline/sniff.h"
#include "pipeline/utf8.h"
#include "schemas/template.h"

namespace zfxxgk {
namespace {

Status InputTooLarge(const std::string& path, size_t limit) {
  return Status(StatusCode::kResourceLimit,
                path + ": input larger than the limit of " + std::to_string(limit) +
                    " bytes (--max-input-bytes)");
}

// Reads at most limit + 1 bytes of `in`: a larger input is rejected without
// being held in memory.
StatusOr<std::string> ReadBounded(std::istream& in, const std::string& path, size_t limit) {
  std::string data;
  char buf[1 << 16];
  while (in) {
    in.read(buf, sizeof buf);
    data.append(buf, static_cast<size_t>(in.gcount()));
    if (data.size() > limit) return InputTooLarge(path, limit);
  }
  if (in.bad()) return Status(StatusCode::kUnreadable, path + ": read error");
  return data;
}

StatusOr<std::string> ReadAll(const std::string& path, size_t limit) {
  if (path == "-") return ReadBounded(std::cin, path, limit);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::ifstream probe(path);
    return Status(probe ? StatusCode::kUnreadable : StatusCode::kNotFound,
                  path + ": cannot open");
  }
  return ReadBounded(in, path, limit);
}

// A tag name of at most 8 ASCII characters packed into one integer (first
// character in the low byte); 0 for a longer name.
constexpr uint64_t PackName(std::string_view name) {
  if (name.size() > 8) return 0;
  uint64_t packed = 0;
  for (size_t i = name.size(); i-- > 0;) packed = (packed << 8) | static_cast<unsigned char>(name[i]);
  return packed;
}

// Tags that never hold content or whose end tag may be omitted: they do not
// deepen the tree of a real page, so EstimateHtmlDepth does not count them.
bool IsUncountedTag(std::string_view name) {
  static constexpr std::string_view kTags[] = {
      "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr",
      "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
      "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody",
      "thead", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "rtc", "html",
      "head", "body", "!doctype"};
  static const std::vector<uint64_t> packed = [] {  // every name fits in 8 bytes
    std::vector<uint64_t> v;
    for (std::string_view t : kTags) v.push_back(PackName(t));
    std::sort(v.begin(), v.end());
    return v;
  }();
  const uint64_t key = PackName(name);
  return key != 0 && std::binary_search(packed.begin(), packed.end(), key);
}

// Elements whose content is raw text: tags inside them are not tags.
bool IsRawTextTag(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" ||
         name == "xmp" || name == "iframe" || name == "noembed" || name == "noframes";
}


// The lower-cased name (at most 16 characters kept) of the tag whose name
// starts at s[*i]; *i moves past the whole name.
std::string_view ReadTagName(std::string_view s, size_t* i, char (&buf)[16]) {
  size_t n = 0;
  for (; *i < s.size() && (IsAsciiAlnum(s[*i]) || s[*i] == '!'); ++*i) {
    if (n < sizeof buf) buf[n++] = AsciiLower(s[*i]);
  }
  return std::string_view(buf, n);
}

// The position after "</name" (any case) from `from`; npos when there is none.
size_t FindRawTextEnd(std::string_view s, size_t from, std::string_view name) {
  for (size_t k = from;;) {
    k = s.find("</", k);
    if (k == std::string_view::npos) return k;
    k += 2;
    size_t m = 0;
    while (m < name.size() && k + m < s.size() && AsciiLower(s[k + m]) == name[m]) ++m;
    if (m == name.size()) return k;
  }
}

Status CheckHtmlDepth(std::string_view utf8, const ExtractOptions& options,
                      const std::string& path) {
  // The estimate deepens by at most one per '<': a page with no more of them
  // than the limit passes without the tag scan (report pages have ~3,000
  // against the default 4,096).
  if (CountByte(utf8, '<') <= static_cast<size_t>(std::max(options.max_html_depth, 0))) {
    return OkStatus();
  }
  const int depth = EstimateHtmlDepth(utf8, options.max_html_depth);
  if (depth <= options.max_html_depth) return OkStatus();
  return Status(StatusCode::kResourceLimit,
                path + ": HTML elements nested deeper than the limit of " +
                    std::to_string(options.max_html_depth) + " (--max-html-depth)");
}

Status CheckTableCells(const Document& doc, const ExtractOptions& options,
                       const std::string& path) {
  size_t total = 0;
  for (const Table& t : doc.tables) {
    total += static_cast<size_t>(std::max(t.n_rows, 0)) * static_cast<size_t>(std::max(t.n_cols, 0));
    if (total > options.max_table_cells) {
      return Status(StatusCode::kResourceLimit,
                    path + ": tables with more grid cells (rows x columns) than the limit of " +
                        std::to_string(options.max_table_cells) + " (--max-table-cells)");
    }
  }
  return OkStatus();
}

// The template's labels, for reading long label cells by their ends.
const LabelSet* TemplateLabelSet() {
  static const LabelSet* labels = new LabelSet(TemplateLabels());
  return labels;
}

pdf::PdfOptions PdfOptionsOf(const ExtractOptions& options) {
  pdf::PdfOptions pdf;
  pdf.max_pages = options.max_pages;
  pdf.max_pixels = options.max_pixels;
  pdf.read.max_seconds = options.max_ocr_seconds;
  pdf.read.labels = TemplateLabelSet();
  return pdf;
}

image::ImageParseOptions ImageOptionsOf(const ExtractOptions& options) {
  image::ImageParseOptions image;
  image.image.max_pages = options.max_pages;
  image.image.max_pixels = options.max_pixels;
  image.read.max_seconds = options.max_ocr_seconds;
  image.read.labels = TemplateLabelSet();
  return image;
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

// The caller's hash of `bytes`, or the bytes hashed when it gave none.
std::string SourceHash(std::string_view bytes, std::string_view sha256_hex) {
  return sha256_hex.empty() ? Sha256Hex(bytes) : std::string(sha256_hex);
}

// A PDF or an image (InputFormat kPdf or kImage): bytes, not text, read by
// the PDF/OCR module (loaded on the first such input).
StatusOr<ReportV1> ExtractPdfOrImage(InputFormat format, std::string_view bytes,
                                     const std::string& display_path,
                                     const ExtractOptions& options, std::string_view sha256_hex) {
  const StatusOr<const PdfOcrModuleApi*> module = PdfOcrModule();
  if (!module.ok()) {
    return Status(module.status().code(), display_path + ": " + module.status().message());
  }
  const PdfOcrModuleApi& api = *module.value();
  Document doc;
  if (format == InputFormat::kPdf) {
    ASSIGN_OR_RETURN(doc, api.parse_pdf(bytes, display_path, PdfOptionsOf(options)));
  } else {  // OCR: one engine per thread, created once
    ASSIGN_OR_RETURN(doc, api.parse_image(bytes, display_path, ImageOptionsOf(options)));
  }
  RETURN_IF_ERROR(CheckTableCells(doc, options, display_path));
  doc.source.sha256 = SourceHash(bytes, sha256_hex);
  return BuildReport(doc, "");
}

}  // namespace

int EstimateHtmlDepth(std::string_view s, int stop_at) {
  int depth = 0, max_depth = 0;
  size_t i = 0;
  char buf[16];
  while (max_depth <= stop_at) {
    const size_t lt = s.find('<', i);
    if (lt == std::string_view::npos) break;
    i = lt + 1;
    if (s.substr(lt, 4) == "<!--") {
      const size_t end = s.find("-->", lt + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    const bool closing = i < s.size() && s[i] == '/';
    if (closing) ++i;
    const std::string_view name = ReadTagName(s, &i, buf);
    if (name.empty() || (!IsAsciiAlpha(name[0]) && name != "!doctype")) {
      continue;  // "< 5", "<?xml", "<![CDATA[": not an element tag
    }
    const size_t gt = s.find('>', i);
    if (gt == std::string_view::npos) break;
    const bool self_closing = s[gt - 1] == '/';
    i = gt + 1;
    if (IsUncountedTag(name)) continue;
    if (closing) {
      depth = std::max(depth - 1, 0);
      continue;
    }
    if (IsRawTextTag(name)) {  // skip to "</name" (any case)
      i = FindRawTextEnd(s, i, name);
      if (i == std::string_view::npos) return max_depth;
      continue;
    }
    if (self_closing) continue;
    max_depth = std::max(max_depth, ++depth);
  }
  return max_depth;
}

StatusOr<ReportV1> ExtractBytes(std::string_view bytes, const std::string& display_path,
                                const ExtractOptions& options) {
  return ExtractBytes(bytes, display_path, options, std::string_view());
}

StatusOr<ReportV1> ExtractBytes(std::string_view bytes, const std::string& display_path,
                                const ExtractOptions& options, std::string_view sha256_hex) {
  if (bytes.size() > options.max_input_bytes) {
    return InputTooLarge(display_path, options.max_input_bytes);
  }
  if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status(StatusCode::kEmptyInput, display_path + ": empty input");
  }
  InputFormat format = SniffMagic(bytes);
  if (format != InputFormat::kUnknown) {
    return ExtractPdfOrImage(format, bytes, display_path, options, sha256_hex);
  }
  StatusOr<DecodedText> decoded = DecodeToUtf8(bytes);  // once, for sniffing and parsing
  format = SniffFormat(bytes, decoded);
  if (format == InputFormat::kUnknown) {
    // Only white space in some encoding (U+3000, a BOM) is empty, not binary.
    if (!decoded.ok() && decoded.status().code() == StatusCode::kEmptyInput) {
      return Status(StatusCode::kEmptyInput, display_path + ": empty input");
    }
    return Parse(format, "", display_path).status();
  }
  ASSIGN_OR_RETURN(DecodedText text, std::move(decoded));
  if (format == InputFormat::kHtml) {
    RETURN_IF_ERROR(CheckHtmlDepth(text.utf8, options, display_path));
  }
  ASSIGN_OR_RETURN(Document doc, Parse(format, text.utf8, display_path));
  RETURN_IF_ERROR(CheckTableCells(doc, options, display_path));
  doc.source.path = display_path;
  doc.source.sha256 = SourceHash(bytes, sha256_hex);
  doc.source.encoding = text.encoding;
  doc.source.format = format;
  return BuildReport(doc, text.utf8);
}

StatusOr<ReportV1> ExtractFile(const std::string& path, const ExtractOptions& options) {
  ASSIGN_OR_RETURN(std::string bytes, ReadAll(path, options.max_input_bytes));
  return ExtractBytes(bytes, path, options);
}

}  // namespace zfxxgk
