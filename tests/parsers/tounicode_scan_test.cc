// Tests for parsers/pdf/tounicode_scan.h: the size of the ToUnicode tables
// poppler would build, read from a PDF's bytes.
#include "parsers/pdf/tounicode_scan.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

namespace zfxxgk::pdf {
namespace {

std::string CMap(const std::string& entries) {
  return "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
         "1 begincodespacerange <0000> <FFFF> endcodespacerange\n" +
         entries + "endcmap CMapName currentdict /CMap defineresource pop end end\n";
}

std::string Stream(int object, const std::string& dict, const std::string& data) {
  return std::to_string(object) + " 0 obj\n<< " + dict + " /Length " +
         std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream\nendobj\n";
}

std::string Font(int object, int to_unicode) {
  return std::to_string(object) + " 0 obj\n<< /Type /Font /Subtype /Type0 /ToUnicode " +
         std::to_string(to_unicode) + " 0 R >>\nendobj\n";
}

std::string Deflate(const std::string& text) {
  uLongf size = compressBound(text.size());
  std::string out(size, '\0');
  compress(reinterpret_cast<Bytef*>(out.data()), &size,
           reinterpret_cast<const Bytef*>(text.data()), text.size());
  out.resize(size);
  return out;
}

TEST(ToUnicodeScanTest, TwoByteCodesCostNothing) {
  const std::string pdf = "%PDF-1.4\n" + Font(2, 1) +
                          Stream(1, "", CMap("2 beginbfchar <0041> <0041> <FFFF> <4E00> endbfchar\n"
                                             "1 beginbfrange <0000> <FFFF> <0020> endbfrange\n"));
  const ToUnicodeCost cost = ScanToUnicode(pdf);
  EXPECT_EQ(cost.oversized_cmaps, 0);
  EXPECT_EQ(cost.bytes_per_page, 0);
}

TEST(ToUnicodeScanTest, TablesDoubledPast64KiByTwoByteCodesCostNothing) {
  // Poppler grows 256 entries to 0x8500 for <8400>, then doubles to 68 096
  // for <FF1B> (the synth-20xx-pdf corpus fonts do this).
  const std::string pdf = "%PDF-1.4\n" + Font(2, 1) +
                          Stream(1, "", CMap("2 beginbfchar <8400> <0041> <FF1B> <0042> "
                                             "endbfchar\n"));
  EXPECT_EQ(ScanToUnicode(pdf).oversized_cmaps, 0);
}

TEST(ToUnicodeScanTest, LongBfcharCodeCountsOncePerReferringFont) {
  const std::string pdf = "%PDF-1.4\n" + Font(2, 1) + Font(3, 1) +
                          Stream(1, "", CMap("2 beginbfchar <0041> <0041> <4E63EF> <4E00> "
                                             "endbfchar\n"));
  const ToUnicodeCost cost = ScanToUnicode(pdf);
  EXPECT_EQ(cost.oversized_cmaps, 1);
  EXPECT_EQ(cost.font_references, 2);
  EXPECT_EQ(cost.max_code, 0x4E63EFu);
  // Poppler grows 256 entries to (0x4E63EF + 256) & ~255.
  EXPECT_EQ(cost.bytes_per_page, int64_t{0x4E6400} * 4 * 2);
}

TEST(ToUnicodeScanTest, ReadsFlateStreamsAndFontsInObjectStreams) {
  const std::string fonts = "2 0 3 40 << /Type /Font /ToUnicode 1 0 R >> "
                            "<< /Type /Font /ToUnicode 1 0 R >>";
  const std::string pdf =
      "%PDF-1.5\n" + Stream(5, "/Type /ObjStm /N 2 /First 8 /Filter /FlateDecode", Deflate(fonts)) +
      Stream(1, "/Filter /FlateDecode", Deflate(CMap("1 beginbfchar <FFFFFF> <0041> endbfchar\n")));
  const ToUnicodeCost cost = ScanToUnicode(pdf);
  EXPECT_EQ(cost.oversized_cmaps, 1);
  EXPECT_EQ(cost.font_references, 2);
  EXPECT_EQ(cost.max_code, 0xFFFFFFu);
}

TEST(ToUnicodeScanTest, IgnoresClampedRangesCodesPopplerDropsAndUnreferencedStreams) {
  const std::string pdf =
      "%PDF-1.4\n" + Font(2, 1) +
      Stream(1, "", CMap("1 beginbfrange <000000> <FFFFFF> <0041> endbfrange\n"
                         "2 beginbfchar <4EE5F9EF> <0041> <4EtECF4> <0041> endbfchar\n")) +
      Stream(4, "", CMap("1 beginbfchar <4E63EF> <0041> endbfchar\n"));
  const ToUnicodeCost cost = ScanToUnicode(pdf);
  EXPECT_EQ(cost.oversized_cmaps, 0);
}

TEST(ToUnicodeScanTest, CommittedFuzzFindingIsOversized) {
  // tests/fuzz/findings/fuzz_pdf-tounicode-cmap-long-codes.pdf in miniature:
  // garbled entries after two-byte ones; the one whose value is not a
  // <string> is skipped, as poppler skips it.
  const std::string pdf =
      "%PDF-1.4\n" + Font(2, 1) +
      Stream(1, "", CMap("3 beginbfchar <4EE5> <4EE5>\n<45065>\n<5065><4E63EF>\n>\nendbfchar\n"));
  const ToUnicodeCost cost = ScanToUnicode(pdf);
  EXPECT_EQ(cost.oversized_cmaps, 1);
  EXPECT_EQ(cost.max_code, 0x45065u);
}

}  // namespace
}  // namespace zfxxgk::pdf
