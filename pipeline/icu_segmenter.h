// Sentence and word segmentation of Chinese report text with ICU
// BreakIterator (zh locale).
//
// Prose rules (P.1) run sentence by sentence so that a number is quoted with
// the sentence that states it; word segmentation serves label matching by
// grapheme-safe units. Thread-safe: each thread keeps its own iterators (ICU
// iterators are not shareable across threads). pipeline/sentence_break finds
// the sentence around one position without ICU, as these would.
#ifndef ZFXXGK_PIPELINE_ICU_SEGMENTER_H_
#define ZFXXGK_PIPELINE_ICU_SEGMENTER_H_

#include <string>
#include <string_view>
#include <vector>

namespace zfxxgk {

// Sentences of `utf8` in order, each with its trailing punctuation; white
// space at the edges trimmed; empty pieces dropped. Falls back to one
// sentence (the whole text) if ICU cannot create the iterator.
std::vector<std::string> SplitSentences(std::string_view utf8);

// Words of `utf8` (ICU word boundaries, zh dictionary), white space and
// punctuation-only pieces dropped.
std::vector<std::string> SplitWords(std::string_view utf8);

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_ICU_SEGMENTER_H_
