#include "schemas/item_stream.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string_view>
#include <utility>

#include "pipeline/ocr_text.h"
#include "schemas/cell_value.h"

namespace zfxxgk {
namespace {

// Appends the item of `text` to `out` and returns it. The item is built in
// place: an Item is a few hundred bytes, and moving one into the stream and
// destroying the moved-from one cost more than filling it there.
// `collapsed`: `text` is white-space collapsed already (Document::text_collapsed).
Item& AppendItem(const std::string& text, const Provenance& prov, bool force_value,
                 bool collapsed, std::vector<Item>& out) {
  Item& item = out.emplace_back();
  if (collapsed) {
    item.raw = text;
  } else {
    item.raw = CollapseSpaces(text);
  }
  item.norm = NormalizeForMatchWithSpaces(text);
  item.is_value = force_value || LooksLikeValue(text, item.norm.text, item.raw);
  item.prov = prov;
  return item;
}

// Appends an empty cell of a one-cell-per-line dump: AppendItem("", prov,
// true, true, out) without normalising "" again for every one.
void AppendBlankItem(const Provenance& prov, std::vector<Item>& out) {
  static const MatchText* const kBlank = new MatchText(NormalizeForMatchWithSpaces(""));
  Item& item = out.emplace_back();
  item.norm = *kBlank;
  item.is_value = true;
  item.prov = prov;
}

// An OCR cell read as one lone ideograph with a confidence under 0.5 is a
// misread value (a 5 read as 攻, 11 as 了), never a label: labels have two
// ideographs or more. It stays a value, so the mapper puts it in its
// column, unvalued and flagged by its confidence, instead of taking it for
// the next row's label and shifting the rows.
bool IsMisreadGlyph(const Cell& cell) {
  constexpr double kMisread = 0.5;
  return cell.prov.produced_by == "ocr" && cell.prov.confidence < kMisread &&
         CountIdeographs(cell.text) == 1 && cell.text.size() <= 4;
}

void AppendTable(const Table& table, bool collapsed, std::vector<Item>& out) {
  std::vector<std::vector<int>> grid = table.Grid();
  std::vector<bool> emitted(table.cells.size(), false);
  for (int r = 0; r < table.n_rows; ++r) {
    for (int c = 0; c < table.n_cols; ++c) {
      int idx = grid[r][c];
      if (idx < 0 || emitted[idx]) continue;
      emitted[idx] = true;
      const Cell& cell = table.cells[idx];
      AppendItem(cell.text, cell.prov, cell.text.empty() || IsMisreadGlyph(cell), collapsed, out)
          .alternatives = cell.alternatives;
    }
  }
}

// The number of items BuildItemStream makes of `doc`, so that the stream is
// allocated once (an Item is a few hundred bytes, moved on every growth).
size_t ItemCount(const Document& doc) {
  size_t n = 0;
  for (const Block& block : doc.blocks) {
    if (block.kind == BlockKind::kTable) {
      const bool valid = block.table_index >= 0 &&
                         block.table_index < static_cast<int>(doc.tables.size());
      n += valid ? doc.tables[block.table_index].cells.size() : 0;  // an upper bound
    } else {
      n += 1 + (doc.cell_per_line ? std::max(block.blank_lines_before - 1, 0) : 0);
    }
  }
  return n;
}

}  // namespace

std::vector<Item> BuildItemStream(const Document& doc) {
  std::vector<Item> out;
  out.reserve(ItemCount(doc));
  for (const Block& block : doc.blocks) {
    if (block.kind == BlockKind::kTable) {
      if (block.table_index >= 0 &&
          block.table_index < static_cast<int>(doc.tables.size())) {
        AppendTable(doc.tables[block.table_index], doc.text_collapsed, out);
      }
      continue;
    }
    if (doc.cell_per_line) {
      // One blank line separates cells; each extra one is an empty cell.
      for (int b = 1; b < block.blank_lines_before; ++b) AppendBlankItem(block.prov, out);
    }
    AppendItem(block.text, block.prov, false, doc.text_collapsed, out).token_x = block.token_x;
  }
  return out;
}

namespace {

// Byte length of `alias` without its last k UTF-8 characters (0 if shorter).
size_t DropChars(const std::string& alias, int k) {
  size_t end = alias.size();
  for (int i = 0; i < k && end > 0; ++i) {
    do {
      --end;
    } while (end > 0 && (static_cast<unsigned char>(alias[end]) & 0xC0) == 0x80);
  }
  return end;
}

// text.find(word, start), faster in CJK text: std::string::find stops at
// every occurrence of the word's first byte, and in CJK text that is a lead
// byte (0xE4..0xE9) starting most characters. This stops only at the word's
// first continuation byte (0x80..0xBF, one of 64 values, an order of
// magnitude rarer) and compares the word around it; a word without one is
// searched as by find.
size_t FindWord(std::string_view text, std::string_view word, size_t start) {
  size_t k = 0;
  while (k < word.size() && (static_cast<unsigned char>(word[k]) & 0xC0) != 0x80) ++k;
  if (k == word.size()) return text.find(word, start);
  if (start > text.size() || text.size() - start < word.size()) return std::string::npos;
  const char* const base = text.data();
  const char* const last = base + text.size() - word.size() + k;  // last anchor place
  for (const char* p = base + start + k; p <= last; ++p) {
    p = static_cast<const char*>(std::memchr(p, word[k], static_cast<size_t>(last - p) + 1));
    if (p == nullptr) break;
    if (std::memcmp(p - k, word.data(), word.size()) == 0) return static_cast<size_t>(p - k - base);
  }
  return std::string::npos;
}

// Where `alias` occurs in `text` from `start`: whole, or — for a long label
// that a layout dump wrapped, its tail on the next line — as a prefix of at
// least eight characters and half the label followed directly by the row's
// digits or by the end of the line. npos if not.
std::pair<size_t, size_t> Occurrence(const std::string& text, const std::string& alias,
                                     size_t start) {
  size_t p = FindWord(text, alias, start);
  if (p != std::string::npos) return {p, alias.size()};
  constexpr size_t kMinPrefixBytes = 8 * 3;  // eight CJK characters
  // Every prefix tried below starts with the alias's first `least` bytes:
  // where those do not occur, none of them does (one search, not one per
  // prefix length).
  const size_t least = std::max(kMinPrefixBytes, (alias.size() + 1) / 2);
  if (alias.size() <= kMinPrefixBytes ||
      FindWord(text, std::string_view(alias).substr(0, least), start) == std::string::npos) {
    return {std::string::npos, 0};
  }
  for (int k = 1;; ++k) {
    const std::string_view prefix(alias.data(), DropChars(alias, k));
    if (prefix.size() < kMinPrefixBytes || prefix.size() * 2 < alias.size()) break;
    for (size_t q = FindWord(text, prefix, start); q != std::string::npos;
         q = FindWord(text, prefix, q + 1)) {
      size_t after = q + prefix.size();
      if (after == text.size() || std::isdigit(static_cast<unsigned char>(text[after]))) {
        return {q, prefix.size()};
      }
    }
  }
  return {std::string::npos, 0};
}

// Byte offsets of the UTF-8 characters of `s` from `start`, plus the end.
std::vector<size_t> CharStarts(const std::string& s, size_t start) {
  std::vector<size_t> out;
  for (size_t i = start; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  out.push_back(s.size());
  return out;
}

// Characters that tell labels apart by number: （一）/（五）, 1./2.
bool IsOrdinalChar(std::string_view c) {
  static constexpr std::string_view kOrdinals[] = {"一", "二", "三", "四", "五", "六", "七",
                                                   "八", "九", "十", "(", ")"};
  if (c.size() == 1) return std::isdigit(static_cast<unsigned char>(c[0])) || c == "(" || c == ")";
  return std::find(std::begin(kOrdinals), std::end(kOrdinals), c) != std::end(kOrdinals);
}

// OCR misreads a character here and there (申请 as 中请, 总计 as 疙计): in
// text that OCR produced, `alias` also occurs where a window of as many
// characters differs from it in at most one character (two for labels of
// eight or more), never in a numeral or bracket (（一）项 is not （五）项).
// A label of two characters only matches a whole cell.
std::pair<size_t, size_t> FuzzyOccurrence(const std::string& text, const std::string& alias,
                                          size_t start) {
  const std::vector<size_t> a = CharStarts(alias, 0), t = CharStarts(text, start);
  const size_t n = a.size() - 1, m = t.size() - 1;
  if (n < 2 || m < n || (n == 2 && m != 2)) return {std::string::npos, 0};
  const int allowed = n >= 8 ? 2 : 1;
  for (size_t w = 0; w + n <= m; ++w) {
    int diff = 0;
    for (size_t k = 0; k < n && diff <= allowed; ++k) {
      const std::string_view want(alias.data() + a[k], a[k + 1] - a[k]);
      if (text.compare(t[w + k], t[w + k + 1] - t[w + k], want) == 0) continue;
      diff += IsOrdinalChar(want) ? allowed + 1 : 1;
    }
    if (diff <= allowed) return {t[w], t[w + n] - t[w]};
  }
  return {std::string::npos, 0};
}

bool FindLabelPass(const std::vector<Item>& items, const std::vector<std::string>& aliases,
                   StreamPos from, StreamPos limit, bool fuzzy, LabelHit* hit) {
  for (size_t i = from.item; i < items.size() && i <= limit.item; ++i) {
    if (items[i].is_value || (fuzzy && !IsOcrItem(items[i]))) continue;
    const std::string& text = items[i].norm.text;
    size_t start = i == from.item ? from.offset : 0;
    size_t best = std::string::npos, best_len = 0;
    const std::string* best_alias = nullptr;
    for (const std::string& alias : aliases) {
      auto [p, len] = fuzzy ? FuzzyOccurrence(text, alias, start) : Occurrence(text, alias, start);
      if (p == std::string::npos) continue;
      if (p < best || (p == best && len > best_len)) {
        best = p;
        best_len = len;
        best_alias = &alias;
      }
    }
    if (best == std::string::npos) continue;
    StreamPos begin{i, best};
    if (!(begin < limit)) return false;
    hit->begin = begin;
    hit->end = StreamPos{i, best + best_len};
    hit->alias = *best_alias;
    hit->wrapped = !fuzzy && best_len < best_alias->size();
    return true;
  }
  return false;
}

}  // namespace

bool IsOcrItem(const Item& item) { return item.prov.produced_by == "ocr"; }

bool FuzzyEquals(const std::string& text, const std::string& word) {
  const std::vector<size_t> t = CharStarts(text, 0);
  return t.size() == CharStarts(word, 0).size() && FuzzyOccurrence(text, word, 0).first == 0;
}

bool FindLabel(const std::vector<Item>& items, const std::vector<std::string>& aliases,
               StreamPos from, StreamPos limit, LabelHit* hit) {
  return FindLabelPass(items, aliases, from, limit, false, hit) ||
         FindLabelPass(items, aliases, from, limit, true, hit);
}

}  // namespace zfxxgk
