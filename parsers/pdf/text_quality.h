// Whether a PDF page's text layer is text or garbage.
//
// A PDF whose fonts lack a usable ToUnicode map (common in old WPS and
// scanner-software exports) has a text layer of the wrong characters: GBK
// bytes read as Latin-1 (¸ÄÕþ), private-use code points, control
// characters. Such a page is read like a scan, by OCR.
#ifndef ZFXXGK_PARSERS_PDF_TEXT_QUALITY_H_
#define ZFXXGK_PARSERS_PDF_TEXT_QUALITY_H_

#include <string_view>

namespace zfxxgk::pdf {

// The share of the code points of the UTF-8 `text` (whitespace not
// counted) that a report's text is made of: CJK ideographs, CJK and
// full-width punctuation and forms, ASCII letters, digits and punctuation,
// general punctuation (—, …, “”). Invalid UTF-8 counts as implausible.
// 1 for text without any code point to judge.
double PlausibleShare(std::string_view text);

// Whether a text layer with PlausibleShare `share` is garbage: under 70%.
bool IsGarbageText(double share);

}  // namespace zfxxgk::pdf

#endif  // ZFXXGK_PARSERS_PDF_TEXT_QUALITY_H_
