// What poppler's ToUnicode tables would cost, read from a PDF's bytes before
// poppler reads the pages.
//
// Poppler (22.12, CharCodeToUnicode::parseCMap1 and addMapping) stores a
// font's /ToUnicode CMap as a table indexed by character code, as long as
// the largest code it maps. A `bfchar` (or `cidchar`) entry whose code is
// longer than the font's codes is warned about ("Invalid entry in bfchar
// block") but stored all the same, up to code 0xFFFFFF, and the table grows
// by doubling: one garbled entry <4E63EF> gives 20.5 M entries, 82 MB, zeroed
// one page at a time. The table is built again for every font that uses the
// CMap on every page poppler reads (text layer) or renders (OCR), so a 14 KB
// PDF with one such CMap shared by 6 fonts over 5 pages had poppler zero
// 4.8 GB: 3 s in Release, over 10 s under ASan. (`bfrange` entries are
// clamped to the font's code size and cannot do this.)
//
// ScanToUnicode finds the streams referenced as /ToUnicode ("/ToUnicode 12 0
// R" in the file's plain bytes or in its FlateDecode object streams), decodes
// them (no filter or FlateDecode; other filters are not inspected), follows
// poppler's table growth over their bfchar/bfrange/cidchar/cidrange entries
// and adds up, for the CMaps that map a code above 0xFFFF (longer than two
// bytes), their table's size times the number of font dictionaries referring
// to them: what one page that uses all those fonts would make poppler
// allocate. CMaps with two-byte codes (tables of at most 128 Ki entries,
// 512 KB) count for nothing.
//
// Linear in the size of `bytes`; decodes at most kMaxDecodedBytes in all.
// Thread-safe (no state).
#ifndef ZFXXGK_PARSERS_PDF_TOUNICODE_SCAN_H_
#define ZFXXGK_PARSERS_PDF_TOUNICODE_SCAN_H_

#include <cstdint>
#include <string_view>

namespace zfxxgk::pdf {

struct ToUnicodeCost {
  int oversized_cmaps = 0;      // CMaps mapping a code above 0xFFFF
  int font_references = 0;      // /ToUnicode references to those CMaps
  uint32_t max_code = 0;        // the largest code they map (at most 0xFFFFFF)
  int64_t bytes_per_page = 0;   // sum over them of table bytes x references
};

// Decoded bytes (object streams and CMaps together) ScanToUnicode reads at
// most; a CMap past that budget is not inspected.
inline constexpr int64_t kMaxDecodedBytes = int64_t{256} << 20;

ToUnicodeCost ScanToUnicode(std::string_view bytes);

}  // namespace zfxxgk::pdf

#endif  // ZFXXGK_PARSERS_PDF_TOUNICODE_SCAN_H_
