// Input decoding: raw bytes of an HTML page or a text dump -> UTF-8.
//
// Government sites serve pages in UTF-8, GBK/GB2312 (often mislabelled) and
// occasionally UTF-16; text dumps come without any label. DecodeToUtf8
// decides the encoding in this order:
//   1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE), or UTF-16 without BOM
//      recognised by its NUL pattern;
//   2. a charset declared in an HTML <meta> tag within the first 4 KB
//      (`<meta charset=gbk>`, `http-equiv` content `...; charset=gb2312`),
//      honoured only when the bytes decode cleanly with it and are not
//      UTF-8 text mislabelled as a legacy charset;
//   3. detection: valid UTF-8, else GB18030 when it decodes cleanly to
//      mostly CJK/ASCII text, else ICU's charset detector.
// The GB family (gbk, gb2312, gb18030, x-gbk, cp936, ...) always decodes as
// GB18030, its superset, and is reported as "gb18030".
//
// Thread-safe; no global state.
#ifndef ZFXXGK_PIPELINE_ENCODING_H_
#define ZFXXGK_PIPELINE_ENCODING_H_

#include <string>
#include <string_view>

#include "pipeline/status.h"

namespace zfxxgk {

struct DecodedText {
  std::string utf8;      // valid UTF-8, without a byte-order mark
  std::string encoding;  // "utf-8", "gb18030", "utf-16le", "utf-16be", ...
};

// Decodes `bytes` to UTF-8 as described above.
// Errors:
//   kEmptyInput        no bytes, or only white space once decoded;
//   kUnsupportedFormat "binary input": NUL bytes in the first 8 KB (outside
//                      UTF-16) or a high ratio of control characters;
//   kInternal          ICU failed to open a converter it ships with.
// Example:
//   StatusOr<DecodedText> text = DecodeToUtf8(file_bytes);
//   if (!text.ok()) return text.status();
//   // text->encoding == "gb18030" for a `<meta charset="gbk">` page
StatusOr<DecodedText> DecodeToUtf8(std::string_view bytes);

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_ENCODING_H_
