// Input format sniffing: decides what parser reads the bytes, by content.
//
// File extensions lie (crawler dumps saved as .html, pages saved as .txt),
// so the format is read from the bytes:
//   - "%PDF-" at the start (after white space)              -> kPdf
//   - PNG, JPEG, TIFF, GIF, BMP or WebP magic numbers       -> kImage
//   - text (decoded with DecodeToUtf8, so UTF-16 and GBK work) that starts
//     with <!DOCTYPE html, <html, <head, <meta or <!--, or whose first 64 KB
//     holds an <html>, <body> or <table> tag or at least 3 distinct common
//     HTML tags                                              -> kHtml
//     (a markdown or text file with a stray <p> stays kText)
//   - other decodable text                                  -> kText
//   - binary, empty or undecodable input                    -> kUnknown
//
// Thread-safe; no global state.
#ifndef ZFXXGK_PIPELINE_SNIFF_H_
#define ZFXXGK_PIPELINE_SNIFF_H_

#include <string_view>

#include "pipeline/document.h"
#include "pipeline/encoding.h"
#include "pipeline/status.h"

namespace zfxxgk {

// Returns the format of `bytes` as described above. Never fails.
// Example: SniffFormat("\xFF\xFE<\0h\0t\0m\0l\0>\0") == InputFormat::kHtml.
InputFormat SniffFormat(std::string_view bytes);

// The same decision in two steps, for a caller that decodes the text anyway
// (the text is decoded once): SniffMagic gives kPdf or kImage by the magic
// numbers, else kUnknown; then SniffFormat(bytes, DecodeToUtf8(bytes)) gives
// SniffFormat(bytes).
InputFormat SniffMagic(std::string_view bytes);
InputFormat SniffFormat(std::string_view bytes, const StatusOr<DecodedText>& decoded);

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_SNIFF_H_
