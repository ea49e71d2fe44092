#include "parsers/image/image_parser.h"

namespace zfxxgk::image {

StatusOr<Document> ParseImage(std::string_view bytes, const std::string& path,
                              OcrEngine& engine, const ImageParseOptions& options) {
  ASSIGN_OR_RETURN(int pages, CountPages(bytes, path));
  Document doc;
  doc.source.path = path;
  doc.source.format = InputFormat::kImage;
  doc.source.pages = pages;
  Status last_error;
  int read = 0;
  doc.source.page_methods.assign(pages, "unread");
  for (int i = 0; i < pages; ++i) {
    if (i >= options.image.max_pages) {
      doc.issues.push_back({Severity::kWarning, "page_limit",
                            path + ": pages after " + std::to_string(options.image.max_pages) +
                                " were not read"});
      break;
    }
    StatusOr<GreyImage> raw = LoadPage(bytes, i, path, options.image);
    if (!raw.ok() && raw.status().code() != StatusCode::kUnreadable) return raw.status();
    Status s = raw.status();
    if (raw.ok()) {
      s = ReadPageImage(*raw, i, engine, doc, options.read);
      if (!s.ok()) s = Status(s.code(), path + ": page " + std::to_string(i + 1) + ": " + s.message());
    }
    if (!s.ok()) {
      doc.issues.push_back({Severity::kError, "page_unreadable", s.message()});
      last_error = s;
      continue;
    }
    doc.source.page_methods[i] = "ocr";
    ++read;
  }
  if (read == 0 && !last_error.ok()) return last_error;
  return doc;
}

}  // namespace zfxxgk::image
