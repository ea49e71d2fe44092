// The HTML fast path (parsers/html/fast_tree.h): on what it accepts, its tree
// equals gumbo's in every field the parser reads (tree_diff.h); the rest it
// declines. One construct per test.
#include "parsers/html/fast_tree.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "parsers/html/fast_tokenizer.h"
#include "parsers/html/gumbo_tree.h"
#include "parsers/html/html_parser.h"
#include "parsers/html/tree_diff.h"

namespace zfxxgk::html {
namespace {

// "declined: <reason>", "" when the fast tree equals gumbo's, else the diff.
std::string CompareWithGumbo(std::string_view page) {
  StatusOr<std::string> diff = DiffFastTreeFromGumbo(page);
  return diff.ok() ? *diff : "declined: " + diff.status().message();
}

void ExpectEqual(std::string_view page) { EXPECT_EQ(CompareWithGumbo(page), "") << page; }

void ExpectDeclined(std::string_view page) {
  EXPECT_TRUE(CompareWithGumbo(page).starts_with("declined: ")) << page;
}

TEST(HtmlFastTree, BuildsGumbosTreeForAPlainPage) {
  ExpectEqual(
      "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<title>年度报告</title>\n<link rel=stylesheet href=a.css>\n</head>\n"
      "<body>\n<div class=\"main\"><p>一、总体情况</p></div>\n</body>\n</html>\n");
}

TEST(HtmlFastTree, ImpliesHtmlHeadAndBody) { ExpectEqual("  <p>正文</p>"); }

TEST(HtmlFastTree, ImpliesTbodyAndEndsCellsAndRows) {
  ExpectEqual("<table>\n<tr><td>a<td rowspan=2>b\n<tr><th>c</table>");
}

TEST(HtmlFastTree, NestsTablesInCells) {
  ExpectEqual("<table><tr><td><table><tr><td>x</td></tr></table>y</td></tr></table>");
}

TEST(HtmlFastTree, EndsParagraphBeforeABlock) { ExpectEqual("<p>a<div>b</div><p>c<ul><li>d</ul>"); }

TEST(HtmlFastTree, EndsElementsLeftOpenAtAnEnclosingEndTag) {
  ExpectEqual("<div><span>a<em>b</em></div><p>c");
}

TEST(HtmlFastTree, KeepsUnknownTagsWithTheirOriginalText) {
  ExpectEqual("<p><span>一</span><o:p>&nbsp;</o:p></p><ucapcontent>x</ucapcontent>");
}

TEST(HtmlFastTree, DecodesCharacterReferencesInTextAndAttributes) {
  ExpectEqual("<p title=\"a&amp;b&#x4E00;\">&lt;&gt;&nbsp;&#20108;&ldquo;x&rdquo;</p>");
}

TEST(HtmlFastTree, LeavesAmpersandsOfUrlsAsText) {
  ExpectEqual("<a href=\"/s?list=1&site=2&redirect=x\">a & b &list</a>");
}

TEST(HtmlFastTree, ReadsScriptStyleAndTitleAsRawText) {
  ExpectEqual("<title>a &amp; <b></title><style>p>b{}</style><script>if(a<b&&c)x()</script>");
}

TEST(HtmlFastTree, RemovesFormWithoutAnEndPosition) {
  ExpectEqual("<div><form action=s>\n<input name=q>\n<button>搜索</button>\n</form>\n</div>");
}

TEST(HtmlFastTree, PutsWhiteSpaceAfterBodyIntoBody) {
  ExpectEqual("<html><body><p>x</p>\n</body>\n</html>\n<!-- end -->\n");
}

TEST(HtmlFastTree, ReadsContentAfterBodyEnd) { ExpectEqual("<body><p>x</p></body><script>y()</script>"); }

TEST(HtmlFastTree, DropsTheNewlineAfterPre) { ExpectEqual("<pre>\nline</pre>"); }

TEST(HtmlFastTree, ClosesFormattingElementsInOrder) {
  ExpectEqual("<p><b>a<i>b</i></b><font color=red>c</font><a href=x>d</a></p>");
}

TEST(HtmlFastTree, DeclinesMisnestedFormatting) { ExpectDeclined("<p><b>a<i>b</b>c</i>"); }

TEST(HtmlFastTree, DeclinesFormattingLeftOpenAtABlockEnd) { ExpectDeclined("<div><b>a</div>b"); }

TEST(HtmlFastTree, DeclinesTextDirectlyInATable) { ExpectDeclined("<table>x<tr><td>a</td></tr></table>"); }

TEST(HtmlFastTree, DeclinesTableInsideAParagraph) { ExpectDeclined("<p>a<table><tr><td>b</table>"); }

TEST(HtmlFastTree, DeclinesTemplateSvgAndNoscript) {
  ExpectDeclined("<template><p>x</template>");
  ExpectDeclined("<svg><circle/></svg>");
  ExpectDeclined("<noscript><p>x</p></noscript>");
}

TEST(HtmlFastTree, DeclinesCarriageReturns) { ExpectDeclined("<p>a\r\nb</p>"); }

TEST(HtmlFastTree, DeclinesUnknownOrUnterminatedReferences) {
  ExpectDeclined("<p>&hearts;</p>");
  ExpectDeclined("<p>&nbsp x</p>");
  ExpectDeclined("<p>&#128</p>");
}

TEST(HtmlFastTree, DeclinesStrayEndTags) { ExpectDeclined("<div>a</span></div>"); }

TEST(HtmlFastTree, DeclinesBogusComments) { ExpectDeclined("<![if !supportLists]>x<![endif]>"); }

TEST(HtmlFastTree, ParseHtmlGivesTheSameDocumentWithoutTheFastPath) {
  const std::string page =
      "<html><head><title>标题</title></head><body><h1>某县2023年政府信息公开工作年度报告</h1>"
      "<p>发布日期：2024-01-17</p><table><tr><td>本年新制作数量</td><td>12</td></tr>"
      "<tr><td>本年新公开数量</td><td>10</td></tr></table></body></html>";
  StatusOr<Document> fast = ParseHtml(page, "a.html");
  HtmlOptions gumbo_only;
  gumbo_only.fast_path = false;
  StatusOr<Document> slow = ParseHtml(page, "a.html", gumbo_only);
  ASSERT_TRUE(fast.ok() && slow.ok());
  ASSERT_EQ(fast->blocks.size(), slow->blocks.size());
  for (size_t i = 0; i < fast->blocks.size(); ++i) {
    EXPECT_EQ(fast->blocks[i].text, slow->blocks[i].text);
    EXPECT_EQ(fast->blocks[i].prov.source_begin, slow->blocks[i].prov.source_begin);
    EXPECT_EQ(fast->blocks[i].prov.source_end, slow->blocks[i].prov.source_end);
  }
  ASSERT_EQ(fast->tables.size(), 1u);
  EXPECT_EQ(fast->tables[0].cells.size(), slow->tables[0].cells.size());
}

// IsCleanUtf8 tests printable ASCII 8 bytes at a time: a refused byte at
// any offset of a long line is still found, and tab, newline and CJK pass.
TEST(HtmlFastTree, CleanUtf8FindsARefusedByteAtEveryOffset) {
  const std::string line = std::string(37, 'a') + "\t\n表格<td>";
  EXPECT_TRUE(IsCleanUtf8(line));
  for (char bad : {'\r', '\x01', '\x7f', '\x80', '\0'}) {
    for (size_t at = 0; at < line.size(); ++at) {
      if (static_cast<unsigned char>(line[at]) >= 0x80) continue;
      std::string s = line;
      s[at] = bad;
      EXPECT_FALSE(IsCleanUtf8(s)) << "byte " << int(bad) << " at " << at;
    }
  }
}

// A word holding allowed bytes other than printable ASCII (tab, newline,
// CJK) before a refused one: the scan skips only to the first of them.
TEST(HtmlFastTree, CleanUtf8FindsARefusedByteAfterAllowedOnesInTheSameWord) {
  EXPECT_TRUE(IsCleanUtf8("ab\t\n\tcdefgh\n"));
  EXPECT_FALSE(IsCleanUtf8("ab\t\n\t\x01" "defgh"));
  EXPECT_FALSE(IsCleanUtf8("a\t表\x7f" "efghij"));
  EXPECT_FALSE(IsCleanUtf8("a\n\xef\xbf\xbe" "defghij"));  // U+FFFE
}

}  // namespace
}  // namespace zfxxgk::html
