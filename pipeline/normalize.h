// Text normalisation for matching (ICU NFKC plus report-specific folding).
//
// Matching runs on normalised text; the original text stays in `raw` fields.
// Thread-safe.
#ifndef ZFXXGK_PIPELINE_NORMALIZE_H_
#define ZFXXGK_PIPELINE_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace zfxxgk {

// Unicode NFKC (full-width digits, letters and brackets become ASCII:
// "（一）１２" -> "(一)12"). Invalid UTF-8 sequences become U+FFFD.
std::string NormalizeNfkc(std::string_view utf8);

// NFKC, then drops all white space (including U+3000 and NBSP) and quote
// marks (“”‘’"'「」『』), folds 其它 to 其他 and dash variants (—－–) to '-'.
// Used for label and heading matching: "1、 属于“三安全一稳定”" ->
// "1、属于三安全一稳定".
std::string NormalizeForMatch(std::string_view utf8);

// NormalizeForMatch, remembering where white space was dropped:
// SpaceBefore(i) is true when white space preceded byte i of `text`
// (0 <= i <= text.size(); i == text.size(): the input ended in white space).
// Aligned-column dumps ("规章 0 0 3") need those boundaries back.
struct MatchText {
  std::string text;
  // The bytes of `text` that white space preceded, ascending and distinct.
  // Most cells and labels have none, and then nothing is allocated.
  std::vector<size_t> spaces;

  bool SpaceBefore(size_t i) const;
};
MatchText NormalizeForMatchWithSpaces(std::string_view utf8);

// The first code point of NormalizeForMatch(utf8) when it shows without
// normalising: the first character that is not white space or a quote mark is
// ASCII, full-width ASCII (U+FF01..FF5E, read as ASCII) or a CJK unified
// ideograph (U+4E00..9FFF), and the next one cannot combine with it. NFKC
// keeps those (the full-width forms become ASCII). -1 otherwise (also for
// ill-formed UTF-8 and for text without such a character).
// "  （一）" -> '('; "规章" -> U+89C4; "１２" -> '1'; "e\u0301" -> -1.
int32_t FirstMatchChar(std::string_view utf8);

// Collapses runs of white space to one ASCII space and trims both ends.
std::string CollapseSpaces(std::string_view utf8);

// The number of characters of UTF-8 `utf8`: its bytes that are not
// continuation bytes (10xxxxxx). "申请1" -> 3.
int CountCodePoints(std::string_view utf8);

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_NORMALIZE_H_
