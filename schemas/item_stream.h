// A Document flattened into one stream of items in reading order.
//
// The mapper reads every input flavour the same way: it looks for a row
// label among text items, then takes the values that follow it. A table row
// contributes its cells left to right (a merged cell once, at its top-left);
// a one-cell-per-line dump contributes one item per line plus one blank value
// item per extra blank line; a glued crawler line is one text item whose
// digit runs the mapper splits.
#ifndef ZFXXGK_SCHEMAS_ITEM_STREAM_H_
#define ZFXXGK_SCHEMAS_ITEM_STREAM_H_

#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/normalize.h"

namespace zfxxgk {

struct Item {
  bool is_value = false;  // a whole cell value: number, blank, dash, "/", 减4
  std::string raw;        // as printed (white space collapsed)
  MatchText norm;         // NormalizeForMatch form, for label search
  std::vector<double> token_x;  // layout lines: x centre per token (Block::token_x)
  // OCR: the cell's readings when the recognisers disagreed (Cell::alternatives).
  std::vector<std::string> alternatives;
  Provenance prov;
};

std::vector<Item> BuildItemStream(const Document& doc);

// A position in a stream: item index and byte offset into its norm text.
struct StreamPos {
  size_t item = 0;
  size_t offset = 0;
  bool operator<(const StreamPos& o) const {
    return item != o.item ? item < o.item : offset < o.offset;
  }
};

struct LabelHit {
  StreamPos begin;
  StreamPos end;
  std::string alias;
  // Only a prefix of the alias matched: the label wraps onto the next line(s)
  // of a layout dump, and the row's values may sit on one of those lines.
  bool wrapped = false;
};

// Earliest occurrence in a text item of any alias at or after `from` and
// before `limit`; on a tie the longest alias wins. A long alias (eight
// characters or more) also matches by a prefix of at least half of it that
// is followed by digits or ends the item (a wrapped label). Only when no
// item matches so, text that OCR produced is searched again allowing one
// misread character (two in labels of eight or more; a two-character label
// must be the whole item): 行政处宰 finds 行政处罚. Returns false when none.
bool FindLabel(const std::vector<Item>& items, const std::vector<std::string>& aliases,
               StreamPos from, StreamPos limit, LabelHit* hit);

// Whether the item's text came from OCR (Provenance::produced_by "ocr").
bool IsOcrItem(const Item& item);

// Whether `text` is `word` with at most one misread character (two for
// eight or more characters): 疙计 for 总计. Both NormalizeForMatch text.
bool FuzzyEquals(const std::string& text, const std::string& word);

}  // namespace zfxxgk

#endif  // ZFXXGK_SCHEMAS_ITEM_STREAM_H_
