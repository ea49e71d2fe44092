#include "pipeline/icu_segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>

#include "pipeline/normalize.h"

namespace zfxxgk {
namespace {

enum class Unit { kSentence, kWord };

std::unique_ptr<icu::BreakIterator> Make(Unit unit) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale zh("zh");
  std::unique_ptr<icu::BreakIterator> it(
      unit == Unit::kSentence ? icu::BreakIterator::createSentenceInstance(zh, status)
                              : icu::BreakIterator::createWordInstance(zh, status));
  if (U_FAILURE(status)) return nullptr;
  return it;
}

// Creating a break iterator loads its rules; each thread keeps one of each
// kind (ICU iterators must not be shared between threads).
icu::BreakIterator* Cached(Unit unit) {
  thread_local std::unique_ptr<icu::BreakIterator> sentence = Make(Unit::kSentence);
  thread_local std::unique_ptr<icu::BreakIterator> word = Make(Unit::kWord);
  return unit == Unit::kSentence ? sentence.get() : word.get();
}

bool HasLetterOrDigit(const icu::UnicodeString& s) {
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    if (u_isalnum(c) || u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) return true;
    i += U16_LENGTH(c);
  }
  return false;
}

std::vector<std::string> Split(std::string_view utf8, Unit unit) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::BreakIterator* it = Cached(unit);
  if (it == nullptr) return {std::string(utf8)};
  it->setText(text);
  std::vector<std::string> out;
  for (int32_t start = it->first(), end = it->next(); end != icu::BreakIterator::DONE;
       start = end, end = it->next()) {
    icu::UnicodeString piece = text.tempSubStringBetween(start, end);
    if (!HasLetterOrDigit(piece)) continue;
    std::string s;
    piece.toUTF8String(s);
    s = CollapseSpaces(s);
    if (!s.empty()) out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

std::vector<std::string> SplitSentences(std::string_view utf8) {
  return Split(utf8, Unit::kSentence);
}

std::vector<std::string> SplitWords(std::string_view utf8) { return Split(utf8, Unit::kWord); }

}  // namespace zfxxgk
