// Known label texts, to tell a long label cell from the two ends of it.
//
// A table's label cells print template text (schemas/template.h). Reading
// the first and the last few characters of a long label is much cheaper
// than reading all of it (the recogniser's cost grows with the width it
// reads), and the two ends name the label when exactly one known label
// starts and ends with them. Anything else (a variant wording, a misread
// end, two labels sharing both ends) is no match and the caller reads the
// whole cell.
//
// Texts are compared by their ideographs only (punctuation is often read
// one way or another: 、，。〈(); the head may start with the row's
// numbering ("1.", "（一）", "三、"), which is kept as read and not compared.
// Example: labels {{"属于国家秘密"}, {"属于行政执法案卷"}}: Match("1.属于国", "秘密")
// -> {"1.", "属于国家秘密"}; Match("1.属于", "秘密") -> nothing (two ideographs).
// Thread-safe (const after construction).
#ifndef ZFXXGK_PIPELINE_LABEL_SET_H_
#define ZFXXGK_PIPELINE_LABEL_SET_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zfxxgk {

struct LabelMatch {
  std::string numbering;  // the head's numbering, NFKC ("1.", "(一)"), or empty
  std::string label;      // the known label, NormalizeForMatch form
};

class LabelSet {
 public:
  // Fewest ideographs the head must show after its numbering, and the tail:
  // shorter ends are shared by too many labels.
  static constexpr int kMinHeadIdeographs = 3, kMinTailIdeographs = 2;

  // `groups`: the texts of each label (its variants: a template row's
  // aliases), in any form; kept in NormalizeForMatch form.
  explicit LabelSet(const std::vector<std::vector<std::string>>& groups);

  // The one label whose ideographs start with those of `head` (after its
  // numbering) and end with those of `tail`, the two not overlapping; both
  // as read, any form. Of a label's variants that fit, the longest; labels
  // whose ideographs are the same count as one.
  std::optional<LabelMatch> Match(std::string_view head, std::string_view tail) const;

  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string key;   // the label's ideographs
    std::string text;  // the label, NormalizeForMatch form
    int group = 0;     // index of its label in the constructor's groups
  };
  std::vector<Entry> entries_;
};

// The length in bytes of the row numbering that starts `text` (NFKC):
// "(" optional, then ASCII digits or Chinese numerals 一…十, then closing
// marks: ")", ".", "、", or what 、 is misread as ("。", ",", ":"); "1.",
// "(一)", "三、", "二。," ; 0 when there is none.
size_t NumberingLength(std::string_view text);

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_LABEL_SET_H_
