#include "parsers/html/html_parser.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/encoding.h"

namespace zfxxgk::html {
namespace {

Document ParseOrDie(const std::string& page) {
  StatusOr<Document> doc = ParseHtml(page, "test.html");
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? std::move(doc).value() : Document();
}

std::vector<std::string> TextBlocks(const Document& doc) {
  std::vector<std::string> texts;
  for (const Block& b : doc.blocks) {
    if (b.kind == BlockKind::kText) texts.push_back(b.text);
  }
  return texts;
}

bool HasText(const Document& doc, const std::string& text) {
  std::vector<std::string> texts = TextBlocks(doc);
  return std::find(texts.begin(), texts.end(), text) != texts.end();
}

const Cell* FindCell(const Document& doc, const std::string& text) {
  for (const Table& t : doc.tables) {
    for (const Cell& c : t.cells) {
      if (c.text == text) return &c;
    }
  }
  return nullptr;
}

// A long paragraph so that the article outweighs the chrome around it.
const std::string kProse =
    "<p>本报告根据《中华人民共和国政府信息公开条例》要求编制，所列数据的统计期限自"
    "2023年1月1日起至2023年12月31日止。如对本报告有任何疑问，请与本机关办公室联系。"
    "本年度共主动公开政府信息一千余条，依申请公开工作规范有序，各项工作稳步推进。</p>";

TEST(HtmlParserTest, ExpandsRowspanAndColspanIntoGrid) {
  Document doc = ParseOrDie(
      "<table><tr><td rowspan=2>A</td><td colspan=2>B</td></tr>"
      "<tr><td>C</td><td>D</td></tr>"
      "<tr><td colspan=3>E</td></tr></table>");
  ASSERT_EQ(doc.tables.size(), 1u);
  const Table& t = doc.tables[0];
  EXPECT_EQ(t.n_rows, 3);
  EXPECT_EQ(t.n_cols, 3);
  ASSERT_EQ(t.cells.size(), 5u);
  const std::vector<std::vector<int>> expected = {{0, 1, 1}, {0, 2, 3}, {4, 4, 4}};
  EXPECT_EQ(t.Grid(), expected);
  EXPECT_EQ(t.cells[0].row_span, 2);
  EXPECT_EQ(t.cells[1].col_span, 2);
  EXPECT_EQ(t.cells[2].col, 1);
  EXPECT_EQ(t.cells[4].text, "E");
}

TEST(HtmlParserTest, ClampsAbsurdSpansToTheTable) {
  Document doc = ParseOrDie(
      "<table><tr><td rowspan=999999>A</td><td colspan=99999>B</td></tr>"
      "<tr><td>C</td></tr></table>");
  ASSERT_EQ(doc.tables.size(), 1u);
  const Table& t = doc.tables[0];
  EXPECT_EQ(t.n_rows, 2);
  EXPECT_EQ(t.cells[0].row_span, 2);
  EXPECT_EQ(t.cells[1].col_span, 1000);
  EXPECT_EQ(t.n_cols, 1001);
  EXPECT_EQ(t.cells[2].col, 1);
}

TEST(HtmlParserTest, JoinsBrPiecesInCellWithoutSeparator) {
  Document doc = ParseOrDie(
      "<table><tr><td>本年新<br>制作数量</td><td>结果<br/>纠正</td></tr></table>");
  EXPECT_NE(FindCell(doc, "本年新制作数量"), nullptr);
  EXPECT_NE(FindCell(doc, "结果纠正"), nullptr);
}

TEST(HtmlParserTest, JoinsParagraphPiecesInCellWithoutSeparator) {
  Document doc = ParseOrDie(
      "<table><tr><td>商业<p>企业</p></td>"
      "<td>\n  <p><span>科研</span></p>\n  <p>机构</p>\n</td></tr></table>");
  EXPECT_NE(FindCell(doc, "商业企业"), nullptr);
  EXPECT_NE(FindCell(doc, "科研机构"), nullptr);
}

TEST(HtmlParserTest, JoinsInlinePiecesOfAParagraph) {
  Document doc = ParseOrDie(
      "<p><span>三、本</span><span>年度<strong>办理</strong></span>"
      "<font face=x><a href=#>结果</a></font></p>");
  EXPECT_EQ(TextBlocks(doc), std::vector<std::string>{"三、本年度办理结果"});
}

TEST(HtmlParserTest, CollapsesNbspAndWhitespace) {
  Document doc = ParseOrDie(
      "<div>&nbsp; 信息公开年报\n\t&nbsp;&nbsp;其他\xE3\x80\x80 </div>"
      "<table><tr><td>规章</td><td>&nbsp;26&nbsp;</td></tr></table>");
  EXPECT_EQ(TextBlocks(doc), std::vector<std::string>{"信息公开年报 其他"});
  EXPECT_NE(FindCell(doc, "26"), nullptr);
}

TEST(HtmlParserTest, BrAndBlocksSplitTextLines) {
  Document doc = ParseOrDie("<p>第一行<br>第二行</p><div>第三行<p>第四行</p></div>");
  EXPECT_EQ(TextBlocks(doc),
            (std::vector<std::string>{"第一行", "第二行", "第三行", "第四行"}));
}

TEST(HtmlParserTest, SkipsScriptStyleAndComments) {
  Document doc = ParseOrDie(
      "<html><head><style>p{color:red}</style></head><body>"
      "<script>var x = '总体情况';</script><noscript>请开启脚本</noscript>"
      "<!-- 头部開始 --><p>一、总体情况</p></body></html>");
  EXPECT_EQ(TextBlocks(doc), std::vector<std::string>{"一、总体情况"});
}

TEST(HtmlParserTest, KeepsTitleHeadingAndMetadataAroundChrome) {
  Document doc = ParseOrDie(
      "<html><head><title>某县2023年政府信息公开年度报告_某县人民政府</title></head>"
      "<body><div class=nav><ul><li>首页</li><li>走进某县</li><li>政务公开</li></ul>"
      "<span>字号 大 中 小</span></div>"
      "<h1>某县2023年政府信息公开年度报告</h1>"
      "<div class=info>发布日期：2021-01-28 来源：县政府办</div>"
      "<div class=content>" + kProse + kProse + kProse + kProse +
      "<table><tr><td>规章</td><td>0</td></tr></table></div>"
      "<div class=footer>版权所有</div></body></html>");
  std::vector<std::string> texts = TextBlocks(doc);
  ASSERT_GE(texts.size(), 3u);
  EXPECT_EQ(texts[0], "某县2023年政府信息公开年度报告_某县人民政府");
  EXPECT_EQ(texts[1], "某县2023年政府信息公开年度报告");
  EXPECT_EQ(texts[2], "发布日期：2021-01-28 来源：县政府办");
  EXPECT_FALSE(HasText(doc, "首页"));
  EXPECT_FALSE(HasText(doc, "字号 大 中 小"));
  EXPECT_FALSE(HasText(doc, "版权所有"));
  EXPECT_EQ(doc.tables.size(), 1u);
}

TEST(HtmlParserTest, KeepsWholeBodyWhenNoArticleStandsOut) {
  Document doc = ParseOrDie(
      "<body><div>一、总体情况 本年度工作稳步推进</div>"
      "<div>二、主动公开政府信息情况 详见下表</div></body>");
  EXPECT_EQ(TextBlocks(doc).size(), 2u);
}

TEST(HtmlParserTest, MetadataTableRowsBecomeTextLines) {
  Document doc = ParseOrDie(
      "<table><tr><td>索引号</td><td>014314799/2024-00002</td></tr>"
      "<tr><td>发布机构</td><td>某县发改局</td><td>公开日期</td>"
      "<td>2024-01-17</td></tr></table>" + kProse);
  EXPECT_TRUE(doc.tables.empty());
  EXPECT_TRUE(HasText(doc, "发布机构：某县发改局 公开日期：2024-01-17"));
}

TEST(HtmlParserTest, EmitsNestedTableSeparately) {
  Document doc = ParseOrDie(
      "<table><tr><td>外表</td><td>说明文字"
      "<table><tr><td>内表</td><td>7</td></tr></table></td></tr>"
      "<tr><td>合计</td><td>9</td></tr></table>");
  ASSERT_EQ(doc.tables.size(), 2u);
  EXPECT_EQ(doc.tables[0].cells[1].text, "说明文字");
  EXPECT_EQ(doc.tables[1].cells[0].text, "内表");
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[1].table_index, 1);
}

TEST(HtmlParserTest, DescendsIntoSingleCellLayoutTable) {
  Document doc = ParseOrDie(
      "<table><tr><td><p>二、主动公开政府信息情况</p>"
      "<table><tr><td>规章</td><td>0</td></tr></table></td></tr></table>");
  ASSERT_EQ(doc.tables.size(), 1u);
  EXPECT_EQ(doc.tables[0].cells[0].text, "规章");
  EXPECT_TRUE(HasText(doc, "二、主动公开政府信息情况"));
}

TEST(HtmlParserTest, RecordsTableBlockAndCellProvenance) {
  const std::string page = "<p>表</p><table><tr><td>规章</td><td>0</td></tr></table>";
  Document doc = ParseOrDie(page);
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kTable);
  EXPECT_EQ(doc.blocks[1].table_index, 0);
  ASSERT_EQ(doc.tables.size(), 1u);
  const Cell& cell = doc.tables[0].cells[1];
  EXPECT_EQ(cell.prov.table, 0);
  EXPECT_EQ(cell.prov.row, 0);
  EXPECT_EQ(cell.prov.col, 1);
  EXPECT_EQ(cell.prov.produced_by, "html");
  EXPECT_EQ(page.substr(cell.prov.source_begin, 7), "<td>0</");
  EXPECT_EQ(doc.source.format, InputFormat::kHtml);
  EXPECT_EQ(doc.source.path, "test.html");
}

TEST(HtmlParserTest, PageWithoutTextIsNotAReport) {
  StatusOr<Document> doc =
      ParseHtml("<html><body><script>x()</script><img src=a.png></body></html>", "e.html");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kNotAReport);
}

// ---------------------------------------------------------------- corpus

std::string ReadCorpusFile(const std::string& relative) {
  std::ifstream in(std::string(ZF_SOURCE_DIR) + "/../shared/corpus/" + relative,
                   std::ios::binary);
  if (!in) return "";
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void CheckCorpusPage(const std::string& relative, const std::string& encoding) {
  const std::string bytes = ReadCorpusFile(relative);
  if (bytes.empty()) GTEST_SKIP() << relative << " is not available";
  StatusOr<DecodedText> text = DecodeToUtf8(bytes);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(text->encoding, encoding);
  StatusOr<Document> doc = ParseHtml(text->utf8, relative);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  const Cell* applications = nullptr;
  for (const Table& t : doc->tables) {
    for (const Cell& c : t.cells) {
      if (c.text.find("本年新收政府信息公开申请数量") != std::string::npos) applications = &c;
    }
  }
  EXPECT_TRUE(doc->tables.size() >= 3 || applications != nullptr);
  EXPECT_NE(applications, nullptr);
  EXPECT_NE(FindCell(*doc, "商业企业"), nullptr);
  EXPECT_NE(FindCell(*doc, "三、本年度办理结果"), nullptr);
}

TEST(HtmlParserCorpusTest, ShuyangGbkPage) {
  CheckCorpusPage("shuyang-fgj-2023-gbk/input.html", "gb18030");
}

TEST(HtmlParserCorpusTest, PingtanUtf8Page) {
  CheckCorpusPage("pingtan-2023-html/input.html", "utf-8");
}

TEST(HtmlParserCorpusTest, ShuyangKeepsTitleAndPublicationDate) {
  const std::string bytes = ReadCorpusFile("shuyang-fgj-2023-gbk/input.html");
  if (bytes.empty()) GTEST_SKIP() << "shuyang-fgj-2023-gbk is not available";
  StatusOr<DecodedText> text = DecodeToUtf8(bytes);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  Document doc = ParseOrDie(text->utf8);
  EXPECT_TRUE(HasText(doc, "沭阳县发展和改革局2023年政府信息公开年度报告"));
  EXPECT_TRUE(HasText(doc, "发布机构：沭阳县发展和改革局 公开日期：2024-01-17"));
  EXPECT_FALSE(HasText(doc, "繁體版"));
}

}  // namespace
}  // namespace zfxxgk::html
