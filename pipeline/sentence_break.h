// The sentence around one position of a text, found without ICU.
//
// SplitSentences (icu_segmenter.h) runs ICU's sentence BreakIterator over a
// whole text: converting it to UTF-16, walking every boundary, converting
// every piece back. A reader that needs only the few sentences holding some
// position (prose_facts: the sentences stating a count) finds them here by
// the rules of Unicode UAX #29, which ICU's iterator implements, reading
// only the characters those rules look at.
//
// The rules are applied for text without white space, separators, Extend
// or Format characters (NormalizeForMatch text has none of the first two):
// there a boundary can only follow a run "STerm|ATerm Close*" (SB11), unless
// SB6, SB7, SB8, SB8a or SB9 keep it. When a character read on the way is
// one of those, or ill-formed UTF-8, the answer is "unknown" and the caller
// asks ICU. tests/pipeline/sentence_break_test.cc holds the result to
// SplitSentences, character class by character class.
//
// Thread-safe.
#ifndef ZFXXGK_PIPELINE_SENTENCE_BREAK_H_
#define ZFXXGK_PIPELINE_SENTENCE_BREAK_H_

#include <cstddef>
#include <optional>
#include <string_view>

namespace zfxxgk {

// Byte offsets [begin, end) into a text.
struct ByteSpan {
  size_t begin = 0;
  size_t end = 0;
};

// The sentence of `utf8` that holds the character starting at byte `at`,
// between the sentence boundaries ICU's BreakIterator (as SplitSentences
// uses it) finds before and after it. When that character is a letter or
// digit, SplitSentences(utf8) lists exactly this piece (it holds no white
// space to trim or collapse). nullopt when the rules' answer depends on a
// character this code leaves to ICU (see above).
// REQUIRES: at < utf8.size(), and byte `at` starts a character.
// Example: SentenceAt("甲。收到申请3件。乙", 18) -> {6, 25} ("收到申请3件。").
std::optional<ByteSpan> SentenceAt(std::string_view utf8, size_t at);

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_SENTENCE_BREAK_H_
