// Recognised words → cell text: joining, numbers, confidence.
//
// Pure functions over OcrWord (pipeline/ocr_engine.h), shared by the image
// parser and its tests. Thread-safe.
#ifndef ZFXXGK_PIPELINE_OCR_TEXT_H_
#define ZFXXGK_PIPELINE_OCR_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/ocr_engine.h"

namespace zfxxgk {

// The text of one cell: its lines top to bottom, each line's words left to
// right. Chinese is written without spaces, so words are joined directly;
// only two Latin words keep a space between them ("Open Data").
// Example: lines {"（二）部分公开", "（区分处理的，"} -> "（二）部分公开（区分处理的，".
std::string JoinCellWords(std::vector<OcrWord> words);

// Whether `text` is a plain number as printed in a count or amount cell:
// optional sign, digits, at most one decimal point ("0", "-70",
// "189538647.5"). Full-width digits count (NFKC).
bool IsNumberText(std::string_view text);

// Number of CJK ideographs in `text` (a label has several; "减4" one).
int CountIdeographs(std::string_view text);

// Whether `text` holds a CJK ideograph.
bool HasIdeograph(std::string_view text);

// Whether `text` reads like the content of a value cell rather than a label:
// it has digits and no CJK ideograph.
bool LooksLikeNumberCell(std::string_view text);

// The lowest confidence of `words` (1.0 when there are none).
double LowestConfidence(const std::vector<OcrWord>& words);

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_OCR_TEXT_H_
