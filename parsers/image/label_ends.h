// A long label cell read from its two ends (pipeline/label_set.h).
//
// Label cells print template text, and the recogniser's cost grows with the
// width it reads: of a one-line strip at least kMinWidth text heights wide,
// only the first kHeadWidth and the last kTailWidth heights are read, each
// cut at a column without ink. The character at each inner cut may be a
// piece of one (信 splits at the gap between 亻 and 言) and is dropped. When
// exactly one known label starts and ends with what is left
// (LabelSet::Match), and its length fits the strip's width, the cell is
// that label, after the numbering as read; otherwise the caller reads the
// whole strip. Private to parsers/image/.
#ifndef ZFXXGK_PARSERS_IMAGE_LABEL_ENDS_H_
#define ZFXXGK_PARSERS_IMAGE_LABEL_ENDS_H_

#include <optional>
#include <string>

#include "pipeline/label_set.h"
#include "pipeline/ocr_engine.h"
#include "pipeline/status.h"

namespace zfxxgk::image {

struct LabelEndsReading {
  std::string text;         // numbering as read + the label
  double confidence = 0;    // the lower of the two ends' lowest word confidence
};

// Widths in text heights (one ideograph is about one text height wide).
constexpr double kMinWidth = 14, kHeadWidth = 6, kTailWidth = 4;

// Reads `strip` (one line of dark text on white, as MakeStrip makes it) by
// its ends. Pixels darker than `ink_below` are ink. Nothing when the strip
// is too narrow, has no clean cut, or its ends name no single label; errors
// are the engine's.
StatusOr<std::optional<LabelEndsReading>> ReadLabelEnds(OcrEngine& engine,
                                                        const GreyImage& strip,
                                                        const LabelSet& labels, int ink_below);

}  // namespace zfxxgk::image

#endif  // ZFXXGK_PARSERS_IMAGE_LABEL_ENDS_H_
