#include "pipeline/label_set.h"

#include <algorithm>

#include "pipeline/normalize.h"
#include "pipeline/ocr_text.h"

namespace zfxxgk {
namespace {

constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五",
                                          "六", "七", "八", "九", "十"};

// Bytes of the numeral (ASCII digit or 一…十) at `text[i]`, or 0.
size_t NumeralAt(std::string_view text, size_t i) {
  if (i < text.size() && text[i] >= '0' && text[i] <= '9') return 1;
  for (std::string_view n : kNumerals) {
    if (text.substr(i).starts_with(n)) return n.size();
  }
  return 0;
}

// The ideographs of UTF-8 `text`, in order: what labels are compared by,
// so that punctuation read one way or another (、，。〈( ) does not matter.
std::string Ideographs(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    size_t n = 1;
    while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
    const std::string_view c = text.substr(i, n);
    if (CountIdeographs(c) == 1) out.append(c);
    i += n;
  }
  return out;
}

}  // namespace

size_t NumberingLength(std::string_view text) {
  size_t i = text.starts_with("(") ? 1 : 0;
  const size_t digits_at = i;
  while (size_t n = NumeralAt(text, i)) i += n;
  if (i == digits_at) return 0;
  const size_t closed_at = i;
  // A closing mark, and what the recogniser reads for 、 after it ("二。，").
  for (bool more = true; more;) {
    more = false;
    for (std::string_view close : {")", ".", "、", "。", ",", ":"}) {
      if (text.substr(i).starts_with(close)) i += close.size(), more = true;
    }
  }
  return i == closed_at ? 0 : i;
}

LabelSet::LabelSet(const std::vector<std::vector<std::string>>& groups) {
  for (size_t g = 0; g < groups.size(); ++g) {
    for (const std::string& label : groups[g]) {
      std::string text = NormalizeForMatch(label);
      std::string key = Ideographs(text);
      entries_.push_back({std::move(key), std::move(text), static_cast<int>(g)});
    }
  }
}

std::optional<LabelMatch> LabelSet::Match(std::string_view head, std::string_view tail) const {
  const std::string h = NormalizeForMatch(head);
  const size_t numbering = NumberingLength(h);
  const std::string start = Ideographs(std::string_view(h).substr(numbering));
  const std::string end = Ideographs(tail);
  if (CountIdeographs(start) < kMinHeadIdeographs || CountIdeographs(end) < kMinTailIdeographs) {
    return std::nullopt;
  }
  const Entry* found = nullptr;
  for (const Entry& e : entries_) {
    if (e.key.size() < start.size() + end.size() || !e.key.starts_with(start) ||
        !e.key.ends_with(end)) {
      continue;
    }
    if (found == nullptr || (found->group == e.group && e.key.size() > found->key.size())) {
      found = &e;  // the longest text of the label
    } else if (found->group != e.group && found->key != e.key) {
      return std::nullopt;  // two labels share both ends
    }
  }
  if (found == nullptr) return std::nullopt;
  return LabelMatch{h.substr(0, numbering), found->text};
}

}  // namespace zfxxgk
