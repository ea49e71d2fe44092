// Tests for pipeline/extract.h: what ExtractBytes/ExtractFile return for
// inputs that are not reports, or only half of one.
#include "pipeline/extract.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "pipeline/ocr_engine.h"
#include "pipeline/sha256.h"

namespace zfxxgk {
namespace {

StatusCode CodeOf(std::string_view bytes) {
  return ExtractBytes(bytes, "input").status().code();
}

TEST(ExtractTest, EmptyInput) {
  StatusOr<ReportV1> r = ExtractBytes("", "empty.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kEmptyInput);
  EXPECT_NE(r.status().message().find("empty.txt"), std::string::npos);
}

TEST(ExtractTest, WhiteSpaceOnlyIsEmptyInput) {
  EXPECT_EQ(CodeOf(" \n\t\r\n  "), StatusCode::kEmptyInput);
}

// Input that is only white space once decoded (ideographic spaces U+3000,
// or a UTF-8 BOM followed by spaces) is empty, not binary.
TEST(ExtractTest, UnicodeWhiteSpaceOnlyIsEmptyInput) {
  EXPECT_EQ(CodeOf("\xE3\x80\x80\n\xE3\x80\x80"), StatusCode::kEmptyInput);  // U+3000
  EXPECT_EQ(CodeOf("\xEF\xBB\xBF \r\n"), StatusCode::kEmptyInput);              // BOM
}

TEST(ExtractTest, RandomBinaryIsUnsupported) {
  std::mt19937 rng(20240117);
  std::string bytes(4096, '\0');
  for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
  EXPECT_EQ(CodeOf(bytes), StatusCode::kUnsupportedFormat);
}

// PDF input is read by parsers/pdf: a PDF without pages has no text layer.
TEST(ExtractTest, PdfWithoutPagesIsNotAReport) {
  const std::string pdf =
      "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
      "trailer\n<< /Root 1 0 R >>\n%%EOF\n";
  EXPECT_EQ(CodeOf(pdf), StatusCode::kNotAReport);
}

TEST(ExtractTest, PdfHeaderOnlyIsUnreadable) {
  EXPECT_EQ(CodeOf("%PDF-1.4\n"), StatusCode::kUnreadable);
}

TEST(ExtractTest, HtmlPageWithoutReportIsNotAReport) {
  const std::string html =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>平潭综合实验区党工委管委会</title>"
      "</head><body><div class=\"nav\">首页 政务公开 政府信息公开</div>"
      "<div class=\"article\"><h1>关于开展2024年安全生产月活动的通知</h1>"
      "<p>各单位：现将有关事项通知如下。</p>"
      "<table><tr><td>序号</td><td>单位</td><td>联系人</td></tr>"
      "<tr><td>1</td><td>办公室</td><td>张三</td></tr></table></div></body></html>";
  StatusOr<ReportV1> r = ExtractBytes(html, "notice.html");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotAReport);
}

TEST(ExtractTest, PlainProseIsNotAReport) {
  EXPECT_EQ(CodeOf("一、总体情况\n2021年，我区以习近平新时代中国特色社会主义思想为指导。\n"),
            StatusCode::kNotAReport);
}

TEST(ExtractTest, InputOverTheLimitIsRejected) {
  ExtractOptions options;
  options.max_input_bytes = 16;
  StatusOr<ReportV1> r = ExtractBytes(std::string(17, 'a'), "big.txt", options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceLimit);
  EXPECT_NE(r.status().message().find("--max-input-bytes"), std::string::npos);
}

TEST(ExtractTest, HtmlNestedDeeperThanTheLimitIsRejected) {
  ExtractOptions options;
  options.max_html_depth = 50;
  std::string page = "<html><body>";
  for (int i = 0; i < 60; ++i) page += "<div>";
  page += "一、总体情况";
  StatusOr<ReportV1> r = ExtractBytes(page, "deep.html", options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceLimit);
  EXPECT_NE(r.status().message().find("--max-html-depth"), std::string::npos);
}

// A page of <html><body> and `divs` nested <div>s (depth `divs`).
std::string NestedDivs(int divs) {
  std::string page = "<html><body>";
  for (int i = 0; i < divs; ++i) page += "<div>";
  return page + "一、总体情况";
}

TEST(ExtractTest, HtmlWithNoMoreTagsThanTheDepthLimitIsAccepted) {
  ExtractOptions options;
  options.max_html_depth = 50;
  StatusOr<ReportV1> r = ExtractBytes(NestedDivs(48), "deep.html", options);  // 50 '<'
  EXPECT_TRUE(r.ok() || r.status().code() != StatusCode::kResourceLimit) << r.status().message();
}

TEST(ExtractTest, HtmlNestedExactlyToTheLimitIsAccepted) {
  ExtractOptions options;
  options.max_html_depth = 50;
  StatusOr<ReportV1> r = ExtractBytes(NestedDivs(50), "deep.html", options);  // 52 '<'
  EXPECT_TRUE(r.ok() || r.status().code() != StatusCode::kResourceLimit) << r.status().message();
}

TEST(ExtractTest, HtmlNestedOneLevelPastTheLimitIsRejected) {
  ExtractOptions options;
  options.max_html_depth = 50;
  StatusOr<ReportV1> r = ExtractBytes(NestedDivs(51), "deep.html", options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceLimit);
}

TEST(ExtractTest, DepthEstimateSkipsVoidOptionalAndRawTextTags) {
  EXPECT_EQ(EstimateHtmlDepth("<div><span>x</span></div><div></div>", 100), 2);
  // <p>, <li>, <td>, <tr>, <br> may stay unclosed: not counted.
  EXPECT_EQ(EstimateHtmlDepth("<p>a<p>b<ul><li>x<li>y</ul><br><img src=x>", 100), 1);
  EXPECT_EQ(EstimateHtmlDepth("<script>if (a<b) { '<div><div>' }</script><b>x</b>", 100), 1);
  EXPECT_EQ(EstimateHtmlDepth("<!-- <div><div><div> --><i/>", 100), 0);
  EXPECT_EQ(EstimateHtmlDepth(std::string(100000, '<'), 100), 0);
  // Stops counting once past stop_at.
  std::string deep;
  for (int i = 0; i < 1000; ++i) deep += "<div>";
  EXPECT_EQ(EstimateHtmlDepth(deep, 10), 11);
}

TEST(ExtractTest, TablesOverTheCellLimitAreRejected) {
  ExtractOptions options;
  options.max_table_cells = 4;
  StatusOr<ReportV1> r = ExtractBytes(
      "<html><body><table><tr><td>1</td><td>2</td><td>3</td></tr><tr><td>4</td></tr>"
      "</table></body></html>",
      "wide.html", options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceLimit);
  EXPECT_NE(r.status().message().find("--max-table-cells"), std::string::npos);
}

std::string ReadSource(const std::string& relative) {
  std::ifstream in(std::string(ZF_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A PDF page without text holding an empty ruled 4 x 3 table: OCR finds the
// grid (12 cells, no text to read), and the PDF path applies the cell limit.
TEST(ExtractTest, PdfTablesOverTheCellLimitAreRejected) {
  if (!ThreadOcrEngine().ok()) GTEST_SKIP() << "OCR models not installed";
  const std::string pdf = ReadSource("tests/bad-inputs/pdf-ruled-grid.pdf");
  ASSERT_FALSE(pdf.empty());
  ExtractOptions options;
  options.max_table_cells = 4;
  StatusOr<ReportV1> r = ExtractBytes(pdf, "grid.pdf", options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceLimit);
  EXPECT_NE(r.status().message().find("--max-table-cells"), std::string::npos)
      << r.status().message();
}

TEST(ExtractTest, PdfPageOverThePixelLimitIsNotRendered) {
  if (!ThreadOcrEngine().ok()) GTEST_SKIP() << "OCR models not installed";
  ExtractOptions options;
  options.max_pixels = 1'000'000;  // an A4 page at 300 dpi is 8.7 MP
  StatusOr<ReportV1> r =
      ExtractBytes(ReadSource("tests/bad-inputs/pdf-ruled-grid.pdf"), "grid.pdf", options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceLimit);
  EXPECT_NE(r.status().message().find("page 1: "), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("--max-pixels"), std::string::npos);
}

std::string ReadCorpus(const std::string& relative) {
  std::ifstream in(std::string(ZF_SOURCE_DIR) + "/../shared/" + relative, std::ios::binary);
  if (!in) return "";
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The first half of the 舟山 2020 one-cell-per-line dump ends inside
// section 一 (prose), before table 二: no table, so not a report.
TEST(ExtractTest, FirstHalfOfReportIsNotAReport) {
  const std::string whole = ReadCorpus("corpus/seed-zhoushan-2020/input.txt");
  if (whole.empty()) GTEST_SKIP() << "shared corpus not available";
  const std::string half = whole.substr(0, whole.size() / 2);
  ASSERT_EQ(half.find("第二十条"), std::string::npos);
  StatusOr<ReportV1> r = ExtractBytes(half, "half.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotAReport);
}

// Cut inside table 三 (before （五）不予处理): tables 二 and the head of 三
// are read; the rest of 三 and all of 四 are kMissing.
TEST(ExtractTest, ReportCutInsideTableThreeKeepsWhatItHas) {
  const std::string whole = ReadCorpus("corpus/seed-zhoushan-2020/input.txt");
  if (whole.empty()) GTEST_SKIP() << "shared corpus not available";
  const size_t cut = whole.find("(五)不予处理");
  ASSERT_NE(cut, std::string::npos);
  StatusOr<ReportV1> r = ExtractBytes(whole.substr(0, cut), "cut.txt");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->report.template_name, "gov_2019");
  EXPECT_EQ(r->report.organ, "舟山市人民政府");
  int missing = 0, read = 0;
  for (const auto& [path, cell] : r->cells) {
    (cell.status == CellStatus::kMissing ? missing : read)++;
    if (path.rfind("review_litigation.", 0) == 0 ||
        path.rfind("applications.results.not_processed.", 0) == 0 ||
        path.rfind("applications.carried_forward.", 0) == 0) {
      EXPECT_EQ(cell.status, CellStatus::kMissing) << path;
    }
  }
  EXPECT_GT(read, 50);
  EXPECT_GE(missing, 15 + 5 * 7 + 3 * 7);
  EXPECT_EQ(r->source.sha256.size(), 64u);
  EXPECT_EQ(r->source.path, "cut.txt");
}

TEST(ExtractFileTest, NonexistentPathIsNotFound) {
  StatusOr<ReportV1> r = ExtractFile("/nonexistent/zfxxgk/input.html");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("/nonexistent/zfxxgk/input.html"), std::string::npos);
}

// A caller's hash is the report's source.sha256, taken as given (here a
// made-up one shows the bytes are not hashed again).
TEST(ExtractTest, HashGivenByTheCallerIsTheSourceHash) {
  const std::string text = ReadSource("corpus/synth-2019-glued/input.txt");
  ASSERT_FALSE(text.empty());
  const std::string given(64, 'a');
  StatusOr<ReportV1> r = ExtractBytes(text, "glued.txt", ExtractOptions(), given);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->source.sha256, given);
}

// With the true hash, or none, the report is the same.
TEST(ExtractTest, TrueHashGivenByTheCallerChangesNothing) {
  const std::string text = ReadSource("corpus/synth-2019-glued/input.txt");
  StatusOr<ReportV1> hashed_here = ExtractBytes(text, "glued.txt");
  StatusOr<ReportV1> handed = ExtractBytes(text, "glued.txt", ExtractOptions(), Sha256Hex(text));
  StatusOr<ReportV1> none = ExtractBytes(text, "glued.txt", ExtractOptions(), "");
  ASSERT_TRUE(hashed_here.ok() && handed.ok() && none.ok());
  EXPECT_EQ(ToJson(*handed, false), ToJson(*hashed_here, false));
  EXPECT_EQ(ToJson(*none, false), ToJson(*hashed_here, false));
}

}  // namespace
}  // namespace zfxxgk
