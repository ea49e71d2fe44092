// Tests for parsers/pdf/pdf_parser.h on PDFs we generate ourselves:
//  - corpus/synth-2021-pdf and corpus/synth-2019-pdf (tools/make-synthetic,
//    flavour pdf): a Word/WPS-like export with table 三 split over a page
//    break, page numbers in the footer, wrapped labels;
//  - tests/pdf-inputs/ (tools/make-bad-pdfs): truncated, garbage xref,
//    encrypted, image-only, and a valid PDF that is not a report.
// Expected strings come from each case's expected.json (the generator's
// truth), never from our output.
#include "parsers/pdf/pdf_parser.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <latch>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/extract.h"
#include "pipeline/layout_lines.h"

namespace zfxxgk::pdf {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

std::string ReadFile(const std::string& rel) {
  std::ifstream in(fs::path(ZF_SOURCE_DIR) / rel, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool EndsWithCells(const std::string& text, const std::string& cells) {
  if (text.size() < cells.size()) return false;
  if (text.compare(text.size() - cells.size(), cells.size(), cells) != 0) return false;
  return text.size() == cells.size() || text[text.size() - cells.size() - 1] == ' ';
}

// "a b c" from the raw values of a truth row; empty when a cell is blank (its
// line cannot be predicted without the geometry).
std::string JoinedRow(const Json& row, const std::vector<std::string>& cols) {
  std::string out;
  for (const std::string& c : cols) {
    const std::string raw = row.at(c).at("raw").get<std::string>();
    if (raw.empty()) return "";
    out += (out.empty() ? "" : " ") + raw;
  }
  return out;
}

void CollectRows(const Json& node, const std::vector<std::string>& cols, const std::string& path,
                 std::vector<std::pair<std::string, std::string>>* rows) {
  if (!node.is_object()) return;
  if (node.contains(cols.front()) && node.at(cols.front()).contains("value")) {
    rows->push_back({path, JoinedRow(node, cols)});
    return;
  }
  for (const auto& [k, v] : node.items()) CollectRows(v, cols, path + "." + k, rows);
}

int FindBlock(const Document& doc, const std::string& needle, size_t from = 0) {
  for (size_t i = from; i < doc.blocks.size(); ++i) {
    if (doc.blocks[i].text.find(needle) != std::string::npos) return static_cast<int>(i);
  }
  return -1;
}

class SyntheticPdfTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const std::string dir = "corpus/" + GetParam();
    bytes_ = ReadFile(dir + "/input.pdf");
    ASSERT_FALSE(bytes_.empty()) << dir << "/input.pdf";
    truth_ = Json::parse(ReadFile(dir + "/expected.json"));
    StatusOr<Document> doc = ParsePdf(bytes_, "input.pdf");
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    doc_ = std::move(doc).value();
  }

  std::string bytes_;
  Json truth_;
  Document doc_;
};

TEST_P(SyntheticPdfTest, BlocksHavePagesAndBoxes) {
  EXPECT_EQ(doc_.source.format, InputFormat::kPdf);
  EXPECT_EQ(doc_.source.path, "input.pdf");
  EXPECT_GE(doc_.source.pages, 4);
  EXPECT_TRUE(doc_.issues.empty());
  ASSERT_GT(doc_.blocks.size(), 80u);
  for (const Block& b : doc_.blocks) {
    SCOPED_TRACE(b.text);
    EXPECT_EQ(b.kind, BlockKind::kText);
    EXPECT_FALSE(b.text.empty());
    EXPECT_EQ(b.text.find("  "), std::string::npos);  // one space between cells
    EXPECT_GE(b.prov.page, 0);
    EXPECT_LT(b.prov.page, doc_.source.pages);
    EXPECT_FALSE(b.prov.bbox.empty());
    EXPECT_GE(b.prov.bbox.x0, 0.0);
    EXPECT_GE(b.prov.bbox.y0, 0.0);
    EXPECT_LE(b.prov.bbox.x1, 595.0);
    EXPECT_LE(b.prov.bbox.y1, 842.0);
    EXPECT_EQ(b.prov.produced_by, "pdf");
    EXPECT_DOUBLE_EQ(b.prov.confidence, 1.0);
  }
  // every page has text
  std::vector<int> per_page(doc_.source.pages, 0);
  for (const Block& b : doc_.blocks) ++per_page[b.prov.page];
  for (int p = 0; p < doc_.source.pages; ++p) EXPECT_GT(per_page[p], 0) << "page " << p;
}

TEST_P(SyntheticPdfTest, BlocksAreInReadingOrder) {
  for (size_t i = 1; i < doc_.blocks.size(); ++i) {
    const Provenance& a = doc_.blocks[i - 1].prov;
    const Provenance& b = doc_.blocks[i].prov;
    ASSERT_LE(a.page, b.page) << doc_.blocks[i].text;
    if (a.page == b.page) {
      // top to bottom: a line never starts above the one before it
      EXPECT_GT(b.bbox.y0 + b.bbox.y1, a.bbox.y0 + a.bbox.y1)
          << doc_.blocks[i - 1].text << " / " << doc_.blocks[i].text;
    }
  }
  // the title first, then the six sections in order
  ASSERT_FALSE(doc_.blocks.empty());
  const std::string organ = truth_["report"]["organ"].get<std::string>();
  EXPECT_EQ(doc_.blocks[0].text.rfind(organ, 0), 0u) << doc_.blocks[0].text;
  int last = 0;
  for (const char* heading : {"一、总体情况", "二、主动公开政府信息情况", "第二十条第（一）项",
                              "三、收到和处理政府信息公开申请情况", "四、结转下年度继续办理",
                              "四、政府信息公开行政复议、行政诉讼情况",
                              "五、存在的主要问题及改进情况", "六、其他需要报告的事项"}) {
    int at = FindBlock(doc_, heading, last);
    EXPECT_GT(at, last) << heading;
    if (at > last) last = at;
  }
}

TEST_P(SyntheticPdfTest, PageNumberFootersAreDropped) {
  // Every page of the input prints its number ("-3-" or "— 3 —") in the
  // footer; none survives as a block.
  for (const Block& b : doc_.blocks) {
    EXPECT_FALSE(IsPageNumberLine(b.text)) << b.text << " on page " << b.prov.page;
    EXPECT_LT(b.prov.bbox.y0, 0.88 * 842) << b.text;  // nothing left in the footer
  }
}

// Each row of table 二, 三 and 四 whose cells are all printed comes out as the
// end of one line: its numbers in column order, one space between cells.
TEST_P(SyntheticPdfTest, RowsOfNumbersStayOneLineWithSpacesBetweenCells) {
  const Json& tables = truth_["tables"];
  std::vector<std::pair<std::string, std::string>> rows;
  CollectRows(tables["applications"],
              {"natural_person", "commercial_enterprise", "research_institution",
               "social_welfare_org", "legal_service_org", "other_org", "total"},
              "applications", &rows);
  for (const auto& [item, item_rows] : tables["active_disclosure"].items()) {
    for (const auto& [row, cells] : item_rows.items()) {
      std::vector<std::string> cols;
      for (const auto& [c, _] : cells.items()) cols.push_back(c);
      rows.push_back({"active_disclosure." + item + "." + row, JoinedRow(cells, cols)});
    }
  }
  // table 四 is printed as ONE row of 15 numbers
  std::string t4;
  for (const char* g : {"administrative_review", "litigation_direct", "litigation_after_review"}) {
    std::string part = JoinedRow(tables["review_litigation"][g],
                                 {"upheld", "corrected", "other", "pending", "total"});
    t4 += (t4.empty() ? "" : " ") + part;
  }
  rows.push_back({"review_litigation", t4});
  int checked = 0;
  for (const auto& [path, cells] : rows) {
    if (cells.empty()) continue;  // a blank cell: not predictable here
    ++checked;
    bool found = false;
    for (const Block& b : doc_.blocks) found = found || EndsWithCells(b.text, cells);
    EXPECT_TRUE(found) << path << ": no line ends with \"" << cells << "\"";
  }
  EXPECT_GE(checked, 25);
  // table 四: the whole line is the 15 numbers
  EXPECT_GE(FindBlock(doc_, t4), 0);
  for (const Block& b : doc_.blocks) {
    if (EndsWithCells(b.text, t4)) {
      EXPECT_EQ(b.text, t4);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, SyntheticPdfTest,
                         ::testing::Values("synth-2021-pdf", "synth-2019-pdf"),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (char& c : n) c = (c == '-') ? '_' : c;
                           return n;
                         });

// synth-2021-pdf: table 三 breaks before 3.补正后申请内容仍不明确; the group
// label （四）无法提供 is cut by the break and the footer -3- sits between.
TEST(PdfParserTest, Table3RunsOverThePageBreak) {
  StatusOr<Document> doc = ParsePdf(ReadFile("corpus/synth-2021-pdf/input.pdf"), "in.pdf");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  int before = FindBlock(*doc, "2.没有现成信息需要另行制作");
  int after = FindBlock(*doc, "3.补正后申请内容仍不明确");
  ASSERT_GE(before, 0);
  ASSERT_GE(after, 0);
  EXPECT_EQ(doc->blocks[after].prov.page, doc->blocks[before].prov.page + 1);
  EXPECT_EQ(after, before + 1) << "the footer -3- between the two rows is dropped";
  EXPECT_NE(doc->blocks[after].text.find("法提供"), std::string::npos) << doc->blocks[after].text;
  // the row's numbers between the two lines of （二）'s wrapped label
  int partial = FindBlock(*doc, "（二）部分公开");
  ASSERT_GE(partial, 0);
  ASSERT_LT(partial + 2, static_cast<int>(doc->blocks.size()));
  EXPECT_EQ(doc->blocks[partial + 1].text, "402 9 0 0 2 0 413");
  EXPECT_NE(doc->blocks[partial + 2].text.find("情形，不计其他情形）"), std::string::npos);
}

// synth-2019-pdf: numbers top-aligned, so on the FIRST line of a wrapped label;
// an empty row is the label alone; a row with blank legal-person cells keeps
// only its two numbers.
TEST(PdfParserTest, TopAlignedNumbersAndBlankCells) {
  StatusOr<Document> doc = ParsePdf(ReadFile("corpus/synth-2019-pdf/input.pdf"), "in.pdf");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  int partial = FindBlock(*doc, "（二）部分公开（区分处理的，只计这一");
  ASSERT_GE(partial, 0);
  EXPECT_TRUE(EndsWithCells(doc->blocks[partial].text, "14 2 0 1 0 0 17"))
      << doc->blocks[partial].text;
  const std::string secret_label = "1.属于国家秘密";
  int secret = FindBlock(*doc, secret_label);
  ASSERT_GE(secret, 0);
  const std::string& line = doc->blocks[secret].text;
  EXPECT_EQ(line.find_first_of("0123456789", line.find(secret_label) + secret_label.size()),
            std::string::npos)
      << line;
  int carried = FindBlock(*doc, "二、上年结转政府信息公开申请数量");
  ASSERT_GE(carried, 0);
  EXPECT_EQ(doc->blocks[carried].text, "二、上年结转政府信息公开申请数量 6 6");
}

// Poppler sets up process-wide colour profiles lazily, unguarded, in the first
// page it draws; batch workers start their first PDFs at the same moment.
// Under ThreadSanitizer (make test-tsan) a race there fails this test.
TEST(PdfParserConcurrentTest, FirstParsesOnFourThreadsAtOnceReadTheSame) {
  const std::string bytes = ReadFile("corpus/synth-2021-pdf/input.pdf");
  constexpr int kThreads = 4;
  std::latch start(kThreads);
  std::vector<std::string> texts(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      StatusOr<Document> doc = ParsePdf(bytes, "in.pdf");
      if (!doc.ok()) return;
      for (const Block& b : doc->blocks) texts[t] += b.text + "\n";
    });
  }
  for (std::thread& t : threads) t.join();
  ASSERT_FALSE(texts[0].empty());
  for (int t = 1; t < kThreads; ++t) EXPECT_EQ(texts[t], texts[0]) << "thread " << t;
}

TEST(PdfParserTest, EveryPageWithATextLayerIsReadFromIt) {
  StatusOr<Document> doc = ParsePdf(ReadFile("corpus/synth-2021-pdf/input.pdf"), "in.pdf");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->source.page_methods,
            std::vector<std::string>(static_cast<size_t>(doc->source.pages), "text"));
}

// A PDF of `pages` pages, each one line of `text` in Helvetica (WinAnsi
// bytes: "\325\376" shows as Õþ, GBK read as Latin-1), with a correct xref.
std::string TextPdf(const std::vector<std::string>& pages) {
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", ""};
  std::string kids;
  for (size_t i = 0; i < pages.size(); ++i) {
    const int page = 4 + 2 * static_cast<int>(i);
    kids += std::to_string(page) + " 0 R ";
    std::string content = "BT /F1 14 Tf 72 700 Td (" + pages[i] + ") Tj ET";
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << "
                      "/Font << /F1 3 0 R >> >> /Contents " + std::to_string(page + 1) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" +
                      content + "\nendstream");
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";
  objects.insert(objects.begin() + 2,
                 "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t o : offsets) {
    char line[24];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// Page 2's text layer is GBK bytes shown through a Latin-1 font (a font
// without a usable Unicode map): it is garbage, so the page needs OCR; with
// OCR off it stays unread. Page 1 is read from its text layer.
TEST(PdfParserTest, AGarbageTextLayerGoesToOcrPageByPage) {
  const std::string gbk_as_latin1 =
      "\325\376\270\256\320\305\317\242\271\253\277\252\271\244\327\367"
      "\304\352\266\310\261\250\270\346 2021 \304\352";
  PdfOptions options;
  options.ocr = false;
  StatusOr<Document> doc = ParsePdf(
      TextPdf({"Annual report of the county government, page one", gbk_as_latin1}), "mixed.pdf",
      options);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->source.page_methods, (std::vector<std::string>{"text", "unread"}));
  bool garbage = false;
  for (const Issue& i : doc->issues) {
    garbage = garbage || (i.code == "pdf_garbage_text" && i.message.find("page 2") == 0);
  }
  EXPECT_TRUE(garbage);
}

// ---------------------------------------------------------------------------
// Broken and non-report PDFs (tests/pdf-inputs/, tools/make-bad-pdfs)
// ---------------------------------------------------------------------------

Status ParseFixture(const std::string& name) {
  const std::string bytes = ReadFile("tests/pdf-inputs/" + name);
  EXPECT_FALSE(bytes.empty()) << name;
  return ParsePdf(bytes, name).status();
}

TEST(PdfParserTest, TruncatedIsUnreadable) {
  Status s = ParseFixture("truncated.pdf");
  EXPECT_EQ(s.code(), StatusCode::kUnreadable) << s.ToString();
  EXPECT_NE(s.message().find("truncated.pdf"), std::string::npos);
}

TEST(PdfParserTest, GarbageXrefAndTrailerIsUnreadable) {
  Status s = ParseFixture("bad-xref.pdf");
  EXPECT_EQ(s.code(), StatusCode::kUnreadable) << s.ToString();
  EXPECT_NE(s.message().find("bad-xref.pdf"), std::string::npos);
}

// Only the xref table is garbage: poppler rebuilds it from the objects.
TEST(PdfParserTest, GarbageXrefWithTrailerIsRepaired) {
  StatusOr<Document> doc =
      ParsePdf(ReadFile("tests/pdf-inputs/bad-xref-repairable.pdf"), "bad-xref-repairable.pdf");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_GE(FindBlock(*doc, "防汛应急演练"), 0);
}

TEST(PdfParserTest, EncryptedIsUnsupported) {
  Status s = ParseFixture("encrypted.pdf");
  EXPECT_EQ(s.code(), StatusCode::kUnsupportedFormat) << s.ToString();
  EXPECT_NE(s.message().find("encrypted"), std::string::npos) << s.message();
}

// An image-only page goes to OCR. The fixture's page is a plain grey image:
// OCR finds no text (then the parser says so: no text layer, OCR found
// nothing) or only specks; either way the input is not a report.
TEST(PdfParserTest, ImageOnlyIsNotAReportAndNeedsOcr) {
  Status s = ParseFixture("image-only.pdf");
  if (!s.ok()) {
    EXPECT_EQ(s.code(), StatusCode::kNotAReport) << s.ToString();
    EXPECT_NE(s.message().find("text layer"), std::string::npos) << s.message();
    EXPECT_NE(s.message().find("OCR"), std::string::npos) << s.message();
  }
  EXPECT_EQ(ExtractBytes(ReadFile("tests/pdf-inputs/image-only.pdf"), "i.pdf").status().code(),
            StatusCode::kNotAReport);
}

TEST(PdfParserTest, UnrelatedTextParsesButIsNotAReport) {
  const std::string bytes = ReadFile("tests/pdf-inputs/not-a-report.pdf");
  StatusOr<Document> doc = ParsePdf(bytes, "not-a-report.pdf");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->source.pages, 1);
  ASSERT_FALSE(doc->blocks.empty());
  EXPECT_EQ(doc->blocks[0].text, "关于开展2024年度全市防汛应急演练的通知");
  StatusOr<ReportV1> report = ExtractBytes(bytes, "not-a-report.pdf");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kNotAReport) << report.status().ToString();
}

TEST(PdfParserTest, ExtractBytesPassesParseErrorsThrough) {
  EXPECT_EQ(ExtractBytes(ReadFile("tests/pdf-inputs/truncated.pdf"), "t.pdf").status().code(),
            StatusCode::kUnreadable);
  EXPECT_EQ(ExtractBytes(ReadFile("tests/pdf-inputs/encrypted.pdf"), "e.pdf").status().code(),
            StatusCode::kUnsupportedFormat);
  EXPECT_EQ(ExtractBytes(ReadFile("tests/pdf-inputs/image-only.pdf"), "i.pdf").status().code(),
            StatusCode::kNotAReport);
}

}  // namespace
}  // namespace zfxxgk::pdf
