// Plain-text report dumps → Document.
//
// Three flavours seen in real archives are read into the same model:
//  (a) one cell per line, cells separated by one blank line, an empty cell
//      shown as one extra blank line: every line is a text block with
//      `blank_lines_before`, and Document::cell_per_line is set;
//  (b) whitespace-collapsed crawler dumps where cells run together: lines
//      are text blocks; the mapper splits their digit runs;
//  (c) space/tab-aligned columns and markdown pipe tables: pipe tables
//      become Tables (separator rows dropped), other lines text blocks.
// Thread-safe: pure function.
#ifndef ZFXXGK_PARSERS_TEXT_TEXT_PARSER_H_
#define ZFXXGK_PARSERS_TEXT_TEXT_PARSER_H_

#include <string>
#include <string_view>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace zfxxgk::text {

// REQUIRES: `utf8` is decoded UTF-8 text. Returns kEmptyInput when it holds
// no visible character. `path` is recorded in Document::source.
StatusOr<Document> ParseText(std::string_view utf8, const std::string& path);

}  // namespace zfxxgk::text

#endif  // ZFXXGK_PARSERS_TEXT_TEXT_PARSER_H_
