// Tests for schemas/prose_facts.h: what the prose states about the tables
// (P.1), on real sentences copied from /work/shared/corpus/*/input.*.
//
// The items come from hand-made Documents (one text block per line, as the
// parsers produce them) through BuildItemStream; the report holds only the
// cells a test needs. Excerpts and notes quote the sentence in its matching
// form (NormalizeForMatch: "，" becomes ",", white space is dropped).
#include "schemas/prose_facts.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/normalize.h"
#include "schemas/item_stream.h"
#include "schemas/report_v1.h"
#include "schemas/report_v1_rules.h"
#include "tests/test_cells.h"

namespace zfxxgk {
namespace {

// seed-zhoushan-2020/input.txt line 44 (the report prints ASCII punctuation).
constexpr char kZhoushanBefore[] =
    "注重从政府信息依申请公开申请中发现可能出现的群体性问题,建立依申请公开信息抄告机制,"
    "供相关部门参考决策。";
constexpr char kZhoushan[] =
    "全年全市共受理信息公开申请249件(含去年结转申请办理3件),引发行政复议8件,被纠正2件,"
    "引发行政诉讼5件,无一败诉。";

// pingtan-2023/input.txt.
constexpr char kPingtanNormative[] =
    "一是做好规范性文件公开。按照省政府办公厅相关工作要求设立规范性文件库，"
    "清理并集中发布现行有效行政规范性文件393件，动态更新本年度制发的规范性文件77件。";
constexpr char kPingtanNormativeSentence[] =  // matching form of the second sentence
    "按照省政府办公厅相关工作要求设立规范性文件库,清理并集中发布现行有效行政规范性文件393件,"
    "动态更新本年度制发的规范性文件77件。";
constexpr char kPingtanReview[] =
    "办结依申请公开81件，其中：予以公开及部分公开42件，占51.85%；不予公开5件，占6.17%；"
    "无法提供31件，占38.27%；不予处理1件，占1.23%；其他处理2件，占2.47%；"
    "因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。";

// shanghai-stcsm-2024/input.md lines 42-46, wrapped as printed.
const std::vector<std::string>& StcsmLines() {
  static const auto* lines = new std::vector<std::string>{
      "全年收到政府信息公开申请 34 件，上年结转政府信息公开",
      "申请 2 件，所有申请均已按要求办理完成。所有办结的信息公开",
      "申请中同意公开答复 9 件，部分公开答复 0 件，不予公开答复 2",
      "件，无法提供的 10 件，不予处理 0 件，其他处理 14 件，转下一",
      "年度办理答复的有 1 件。",
  };
  return *lines;
}

// shanghai-office-2025/input.md lines 38-40.
const std::vector<std::string>& ShanghaiOfficeLines() {
  static const auto* lines = new std::vector<std::string>{
      "市政府共受理政府信息公开申请 1295 件，办结 1191 件（含",
      "上年结转 189 件），均在法定期限内答复。其中，予以公开及部",
      "分公开 208 件（17.46%），不予公开 20 件（1.68%），因本机关",
  };
  return *lines;
}

// shuyang-county-2025/input.txt line 26 (second sentence).
constexpr char kShuyangCounty[] =
    "全县全年共受理政府信息公开申请 749 件，其中自然人申请 741 件，法人或其他组织申请 8 件；"
    "共办理 718 件，结转下一年 31 件。";

// shuyang-fgj-2023/input.html (the paragraph has no final 。).
constexpr char kShuyangFgj[] =
    "2023年度我局共收到依申请信息公开26件，及时回复申请人，"
    "并将申请人所申请的信息通过电子邮箱发送给申请人";

constexpr char kNewTotal[] = "applications.new_received.total";
constexpr char kCarriedOverTotal[] = "applications.carried_over.total";
constexpr char kCarriedForwardTotal[] = "applications.carried_forward.total";
constexpr char kReviewTotal[] = "review_litigation.administrative_review.total";
constexpr char kReviewCorrected[] = "review_litigation.administrative_review.corrected";
constexpr char kDirectTotal[] = "review_litigation.litigation_direct.total";
constexpr char kAfterReviewTotal[] = "review_litigation.litigation_after_review.total";
constexpr char kIssued[] = "active_disclosure.art20_item1.normative_documents.issued_count";
constexpr char kInForce[] = "active_disclosure.art20_item1.normative_documents.in_force_count";

// A document of text lines, one block each, then its item stream.
std::vector<Item> ItemsOf(const std::vector<std::string>& lines) {
  Document doc;
  for (const std::string& line : lines) {
    Block b;
    b.text = line;
    b.prov.line = static_cast<int>(doc.blocks.size()) + 1;
    doc.blocks.push_back(b);
  }
  return BuildItemStream(doc);
}

CellOut Blank() {
  CellOut c;
  c.status = CellStatus::kBlank;
  return c;
}

ReportV1 ReportWith(std::vector<std::pair<std::string, CellOut>> cells) {
  ReportV1 r;
  r.cells = std::move(cells);
  return r;
}

std::vector<CheckOut> P1Checks(const ReportV1& r) {
  std::vector<CheckOut> out;
  for (const CheckOut& c : r.checks) {
    if (c.id == "P.1") out.push_back(c);
  }
  return out;
}

// The one P.1 check a rule produced (the note names the rule).
CheckOut CheckOf(const ReportV1& r, const std::string& rule_id) {
  std::vector<CheckOut> found;
  for (const CheckOut& c : P1Checks(r)) {
    if (c.note.rfind("prose (" + rule_id + "): ", 0) == 0) found.push_back(c);
  }
  EXPECT_EQ(found.size(), 1u) << rule_id;
  return found.empty() ? CheckOut{} : found[0];
}

std::vector<std::string> FactPaths(const std::vector<ProseFact>& facts) {
  std::vector<std::string> out;
  for (const ProseFact& f : facts) out.push_back(f.path + "=" + f.value);
  return out;
}

// ---- CheckProse: 受理 read as new, or as new + carried over -------------

TEST(ProseFactsTest, ReceivedPassesAsNewPlusCarriedOver) {
  // 249 = 246 new + 3 carried over ("含去年结转申请办理3件").
  ReportV1 r = ReportWith({{kNewTotal, NumberCell(246)}, {kCarriedOverTotal, NumberCell(3)}});
  CheckProse(ItemsOf({kZhoushan}), "gov_2019", r);
  CheckOut c = CheckOf(r, "prose_received");
  EXPECT_EQ(c.status, "pass");
  EXPECT_EQ(c.where, "applications.new_received.total + applications.carried_over.total");
  EXPECT_EQ(c.lhs, 249.0);
  EXPECT_EQ(c.rhs, 249.0);
  EXPECT_TRUE(r.issues.empty());
}

TEST(ProseFactsTest, APathListedTwiceIsReadAtItsLastOccurrence) {
  ReportV1 r = ReportWith({{kNewTotal, NumberCell(1)},
                           {kCarriedOverTotal, NumberCell(3)},
                           {kNewTotal, NumberCell(246)}});
  CheckProse(ItemsOf({kZhoushan}), "gov_2019", r);
  CheckOut c = CheckOf(r, "prose_received");
  EXPECT_EQ(c.status, "pass");
  EXPECT_EQ(c.rhs, 249.0);
}

TEST(ProseFactsTest, ReceivedPassesAsNewOnly) {
  // stcsm: "全年收到政府信息公开申请 34 件" with 2 carried over besides.
  ReportV1 r = ReportWith({{kNewTotal, NumberCell(34)}, {kCarriedOverTotal, NumberCell(2)}});
  CheckProse(ItemsOf(StcsmLines()), "gov_2021", r);
  CheckOut c = CheckOf(r, "prose_received");
  EXPECT_EQ(c.status, "pass");
  EXPECT_EQ(c.where, "applications.new_received.total");
  EXPECT_EQ(c.lhs, 34.0);
  EXPECT_EQ(c.rhs, 34.0);
}

TEST(ProseFactsTest, ReceivedPassesForShuyangCountyAsNewPlusCarriedOver) {
  // 749 = 713 new + 36 carried over.
  ReportV1 r = ReportWith({{kNewTotal, NumberCell(713)}, {kCarriedOverTotal, NumberCell(36)}});
  CheckProse(ItemsOf({kShuyangCounty}), "gov_2021", r);
  CheckOut c = CheckOf(r, "prose_received");
  EXPECT_EQ(c.status, "pass");
  EXPECT_EQ(c.lhs, 749.0);
  EXPECT_EQ(c.rhs, 749.0);
}

TEST(ProseFactsTest, ReceivedPassesForShuyangFgjAsNew) {
  // "共收到依申请信息公开26件": 依申请信息公开 stands for the applications.
  ReportV1 r = ReportWith({{kNewTotal, NumberCell(26)}, {kCarriedOverTotal, NumberCell(0)}});
  CheckProse(ItemsOf({kShuyangFgj}), "gov_2021", r);
  CheckOut c = CheckOf(r, "prose_received");
  EXPECT_EQ(c.status, "pass");
  EXPECT_EQ(c.where, "applications.new_received.total");
  EXPECT_EQ(c.lhs, 26.0);
}

TEST(ProseFactsTest, ReceivedFailsWhenNeitherReadingAgrees) {
  ReportV1 r = ReportWith({{kNewTotal, NumberCell(240)}, {kCarriedOverTotal, NumberCell(3)}});
  CheckProse(ItemsOf({kZhoushan}), "gov_2019", r);
  CheckOut c = CheckOf(r, "prose_received");
  EXPECT_EQ(c.status, "fail");
  EXPECT_EQ(c.lhs, 249.0);
  EXPECT_EQ(c.rhs, 243.0);  // the last reading tried: new + carried over
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].severity, Severity::kWarning);
  EXPECT_EQ(r.issues[0].code, "prose_disagrees");
  EXPECT_EQ(r.issues[0].message,
            std::string("P.1: the prose states 249 but applications.new_received.total + "
                        "applications.carried_over.total is 243: ") + kZhoushan);
}

// ---- CheckProse: every statement of a sentence --------------------------

TEST(ProseFactsTest, EveryStatementOfTheZhoushanSentencePasses) {
  // expected.json of seed-zhoushan-2020: review 8 (2 corrected), litigation 2 + 3.
  ReportV1 r = ReportWith({{kNewTotal, NumberCell(246)},
                           {kCarriedOverTotal, NumberCell(3)},
                           {kReviewTotal, NumberCell(8)},
                           {kReviewCorrected, NumberCell(2)},
                           {kDirectTotal, NumberCell(2)},
                           {kAfterReviewTotal, NumberCell(3)}});
  CheckProse(ItemsOf({kZhoushanBefore, kZhoushan}), "gov_2019", r);
  ASSERT_EQ(P1Checks(r).size(), 5u);
  for (const CheckOut& c : P1Checks(r)) EXPECT_EQ(c.status, "pass") << c.note;
  EXPECT_EQ(CheckOf(r, "prose_carried_over").where, kCarriedOverTotal);
  EXPECT_EQ(CheckOf(r, "prose_carried_over").lhs, 3.0);
  EXPECT_EQ(CheckOf(r, "prose_review_total").where, kReviewTotal);
  EXPECT_EQ(CheckOf(r, "prose_review_total").lhs, 8.0);
  EXPECT_EQ(CheckOf(r, "prose_review_corrected").lhs, 2.0);
  CheckOut litigation = CheckOf(r, "prose_litigation_total");
  EXPECT_EQ(litigation.where, std::string(kDirectTotal) + " + " + kAfterReviewTotal);
  EXPECT_EQ(litigation.lhs, 5.0);
  EXPECT_EQ(litigation.rhs, 5.0);
  EXPECT_TRUE(r.issues.empty());
}

TEST(ProseFactsTest, NoteQuotesOnlyTheStatingSentence) {
  ReportV1 r = ReportWith({{kReviewTotal, NumberCell(8)}});
  CheckProse(ItemsOf({kZhoushanBefore, kZhoushan}), "gov_2019", r);
  EXPECT_EQ(CheckOf(r, "prose_review_total").note,
            std::string("prose (prose_review_total): ") + kZhoushan);
}

TEST(ProseFactsTest, LitigationCountsBothKindsOfSuit) {
  // pingtan-2023: "行政诉讼案件7件" = 5 direct + 2 after review.
  ReportV1 r = ReportWith({{kReviewTotal, NumberCell(2)},
                           {kDirectTotal, NumberCell(5)},
                           {kAfterReviewTotal, NumberCell(2)}});
  CheckProse(ItemsOf({kPingtanReview}), "gov_2021", r);
  EXPECT_EQ(CheckOf(r, "prose_review_total").status, "pass");
  CheckOut c = CheckOf(r, "prose_litigation_total");
  EXPECT_EQ(c.status, "pass");
  EXPECT_EQ(c.rhs, 7.0);
}

// ---- CheckProse: disagreement --------------------------------------------

// pingtan-2023-html's table 二 prints 470 现行有效 against the prose's 393.
TEST(ProseFactsTest, FailsWithAWarningQuotingTheSentenceWhenTheTableDisagrees) {
  ReportV1 r = ReportWith({{kIssued, NumberCell(77)}, {kInForce, NumberCell(470)}});
  CheckProse(ItemsOf({kPingtanNormative}), "gov_2021", r);
  EXPECT_EQ(CheckOf(r, "prose_normative_issued").status, "pass");
  CheckOut c = CheckOf(r, "prose_normative_in_force");
  EXPECT_EQ(c.status, "fail");
  EXPECT_EQ(c.where, kInForce);
  EXPECT_EQ(c.lhs, 393.0);
  EXPECT_EQ(c.rhs, 470.0);
  EXPECT_EQ(c.note, std::string("prose (prose_normative_in_force): ") + kPingtanNormativeSentence);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].severity, Severity::kWarning);
  EXPECT_EQ(r.issues[0].code, "prose_disagrees");
  EXPECT_EQ(r.issues[0].message,
            std::string("P.1: the prose states 393 but ") + kInForce + " is 470: " +
                kPingtanNormativeSentence);
}

TEST(ProseFactsTest, LongSentenceIsQuotedCutOnACharacterBoundary) {
  ReportV1 r = ReportWith({{kReviewTotal, NumberCell(3)}});
  CheckProse(ItemsOf({kPingtanReview}), "gov_2021", r);
  ASSERT_EQ(r.issues.size(), 1u);
  const std::string& m = r.issues[0].message;
  const std::string head = "P.1: the prose states 2 but " + std::string(kReviewTotal) + " is 3: ";
  const std::string ellipsis = "…";
  ASSERT_EQ(m.rfind(head, 0), 0u) << m;
  ASSERT_GT(m.size(), head.size() + ellipsis.size());
  EXPECT_EQ(m.substr(m.size() - ellipsis.size()), ellipsis);
  // At most 240 bytes of the sentence (matching form), cut before a whole
  // character: the next byte of the sentence starts a character.
  const std::string quote = m.substr(head.size(), m.size() - head.size() - ellipsis.size());
  const std::string sentence = NormalizeForMatch(kPingtanReview);
  EXPECT_LE(quote.size(), 240u);
  EXPECT_GT(quote.size(), 236u);
  ASSERT_LT(quote.size(), sentence.size());
  EXPECT_EQ(sentence.rfind(quote, 0), 0u) << quote;
  EXPECT_NE(static_cast<unsigned char>(sentence[quote.size()]) & 0xC0, 0x80);
}

// ---- CheckProse: not checkable -------------------------------------------

TEST(ProseFactsTest, NotCheckableWhenTheCellIsBlank) {
  ReportV1 r = ReportWith({{kReviewTotal, Blank()}});
  CheckProse(ItemsOf({kZhoushan}), "gov_2019", r);
  CheckOut c = CheckOf(r, "prose_review_total");
  EXPECT_EQ(c.status, "not_checkable");
  EXPECT_EQ(c.where, kReviewTotal);
  EXPECT_EQ(c.lhs, 8.0);
  EXPECT_FALSE(c.rhs.has_value());
  EXPECT_EQ(c.note, std::string("prose (prose_review_total): ") + kZhoushan +
                        "; cells without a number: " + kReviewTotal);
  EXPECT_TRUE(r.issues.empty());
}

TEST(ProseFactsTest, NotCheckableWhenOneSummedCellIsBlank) {
  ReportV1 r = ReportWith({{kDirectTotal, Blank()}, {kAfterReviewTotal, NumberCell(5)}});
  CheckProse(ItemsOf({kZhoushan}), "gov_2019", r);
  CheckOut c = CheckOf(r, "prose_litigation_total");
  EXPECT_EQ(c.status, "not_checkable");
  EXPECT_NE(c.note.find("; cells without a number: " + std::string(kDirectTotal)),
            std::string::npos);
  EXPECT_TRUE(r.issues.empty());
}

TEST(ProseFactsTest, NotCheckableWhenTheCellIsAbsent) {
  ReportV1 r = ReportWith({{kIssued, NumberCell(77)}});
  CheckProse(ItemsOf({kPingtanNormative}), "gov_2021", r);
  CheckOut c = CheckOf(r, "prose_normative_in_force");
  EXPECT_EQ(c.status, "not_checkable");
  EXPECT_NE(c.note.find("cells without a number: " + std::string(kInForce)), std::string::npos);
}

// New alone disagrees and the new + carried-over reading cannot be summed
// (seed-zhoushan-2020 prints 上年结转 blank): the prose may well be right, so
// this is not a failure.
TEST(ProseFactsTest, ReceivedNotCheckableWhenNewDisagreesAndCarriedOverIsBlank) {
  ReportV1 r = ReportWith({{kNewTotal, NumberCell(246)}, {kCarriedOverTotal, Blank()}});
  CheckProse(ItemsOf({kZhoushan}), "gov_2019", r);
  CheckOut c = CheckOf(r, "prose_received");
  EXPECT_EQ(c.status, "not_checkable");
  EXPECT_EQ(c.lhs, 249.0);
  EXPECT_NE(c.note.find("cells without a number: " + std::string(kCarriedOverTotal)),
            std::string::npos);
  EXPECT_TRUE(r.issues.empty());
}

TEST(ProseFactsTest, ReceivedPassesOnNewAloneWhenCarriedOverIsBlank) {
  ReportV1 r = ReportWith({{kNewTotal, NumberCell(34)}, {kCarriedOverTotal, Blank()}});
  CheckProse(ItemsOf(StcsmLines()), "gov_2021", r);
  CheckOut c = CheckOf(r, "prose_received");
  EXPECT_EQ(c.status, "pass");
  EXPECT_EQ(c.where, kNewTotal);
  EXPECT_EQ(c.note.find("cells without a number"), std::string::npos);
}

// ---- CheckProse: scope ---------------------------------------------------

TEST(ProseFactsTest, NormativeDocumentRulesApplyOnlyToGov2021) {
  ReportV1 r = ReportWith({{kInForce, NumberCell(470)}});
  CheckProse(ItemsOf({kPingtanNormative}), "gov_2019", r);
  EXPECT_TRUE(P1Checks(r).empty());
  EXPECT_TRUE(r.issues.empty());
}

TEST(ProseFactsTest, TextInsideATableIsNotProse) {
  Document doc;
  Table t;
  t.n_rows = 1;
  t.n_cols = 1;
  Cell cell;
  cell.text = kZhoushan;
  cell.prov.table = 0;
  cell.prov.row = 0;
  cell.prov.col = 0;
  t.cells.push_back(cell);
  doc.tables.push_back(t);
  Block b;
  b.kind = BlockKind::kTable;
  b.table_index = 0;
  doc.blocks.push_back(b);
  ReportV1 r = ReportWith({{kReviewTotal, NumberCell(1)}});
  CheckProse(BuildItemStream(doc), "gov_2019", r);
  EXPECT_TRUE(P1Checks(r).empty());
  EXPECT_TRUE(ExtractProseFacts(BuildItemStream(doc), "gov_2019").empty());
}

TEST(ProseFactsTest, AppendsToExistingChecksAndLeavesCellsAlone) {
  ReportV1 r = ReportWith({{kReviewTotal, NumberCell(9)}});
  r.checks.push_back({"T4.1", "review_litigation.administrative_review.*", "pass", 9.0, 9.0, ""});
  CheckProse(ItemsOf({kZhoushan}), "gov_2019", r);
  ASSERT_GE(r.checks.size(), 2u);
  EXPECT_EQ(r.checks[0].id, "T4.1");
  ASSERT_EQ(r.cells.size(), 1u);
  EXPECT_EQ(r.cells[0].second.value, 9.0);
  EXPECT_EQ(r.cells[0].second.status, CellStatus::kNumber);
  EXPECT_EQ(CheckOf(r, "prose_review_total").status, "fail");
}

// ---- Wrapped paragraphs --------------------------------------------------

TEST(ProseFactsTest, ParagraphWrappedOverTextItemsReadsAsOneSentence) {
  // "上年结转政府信息公开" | "申请 2 件" and "转下一" | "年度办理答复的有 1 件".
  std::vector<ProseFact> facts = ExtractProseFacts(ItemsOf(StcsmLines()), "gov_2021");
  EXPECT_EQ(FactPaths(facts),
            (std::vector<std::string>{std::string(kCarriedOverTotal) + "=2",
                                      std::string(kCarriedForwardTotal) + "=1"}));
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_EQ(facts[0].rule_id, "prose_carried_over");
  EXPECT_EQ(facts[0].excerpt,
            "全年收到政府信息公开申请34件,上年结转政府信息公开申请2件,"
            "所有申请均已按要求办理完成。");
  EXPECT_EQ(facts[1].rule_id, "prose_carried_forward");
  EXPECT_EQ(facts[1].excerpt,
            "所有办结的信息公开申请中同意公开答复9件,部分公开答复0件,不予公开答复2件,"
            "无法提供的10件,不予处理0件,其他处理14件,转下一年度办理答复的有1件。");
}

TEST(ProseFactsTest, WrappedParagraphIsCheckedAgainstTheTable) {
  ReportV1 r = ReportWith({{kNewTotal, NumberCell(1295)},
                           {kCarriedOverTotal, NumberCell(189)}});
  CheckProse(ItemsOf(ShanghaiOfficeLines()), "gov_2021", r);
  ASSERT_EQ(P1Checks(r).size(), 2u);
  EXPECT_EQ(CheckOf(r, "prose_received").status, "pass");
  EXPECT_EQ(CheckOf(r, "prose_received").where, kNewTotal);
  CheckOut carried = CheckOf(r, "prose_carried_over");  // "（含" | "上年结转 189 件）"
  EXPECT_EQ(carried.status, "pass");
  EXPECT_EQ(carried.lhs, 189.0);
}

TEST(ProseFactsTest, ATableBetweenTwoLinesEndsTheParagraph) {
  Document doc;
  Block first;
  first.text = StcsmLines()[0];  // "…上年结转政府信息公开"
  doc.blocks.push_back(first);
  Table t;
  t.n_rows = 1;
  t.n_cols = 1;
  Cell cell;
  cell.text = "规章";
  cell.prov.table = 0;
  t.cells.push_back(cell);
  doc.tables.push_back(t);
  Block table;
  table.kind = BlockKind::kTable;
  table.table_index = 0;
  doc.blocks.push_back(table);
  Block second;
  second.text = StcsmLines()[1];  // "申请 2 件，…"
  doc.blocks.push_back(second);
  EXPECT_TRUE(ExtractProseFacts(BuildItemStream(doc), "gov_2021").empty());
}

// ---- ExtractProseFacts ---------------------------------------------------

TEST(ProseFactsTest, ExtractsNormativeDocumentCountsForGov2021) {
  std::vector<ProseFact> facts = ExtractProseFacts(ItemsOf({kPingtanNormative}), "gov_2021");
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_EQ(facts[0].path, kIssued);
  EXPECT_EQ(facts[0].value, "77");
  EXPECT_EQ(facts[0].rule_id, "prose_normative_issued");
  EXPECT_EQ(facts[0].excerpt, kPingtanNormativeSentence);
  EXPECT_EQ(facts[1].path, kInForce);
  EXPECT_EQ(facts[1].value, "393");
  EXPECT_EQ(facts[1].rule_id, "prose_normative_in_force");
}

TEST(ProseFactsTest, ExtractsNoNormativeDocumentCountsForGov2019) {
  EXPECT_TRUE(ExtractProseFacts(ItemsOf({kPingtanNormative}), "gov_2019").empty());
}

TEST(ProseFactsTest, ExtractsOnlySingleCellStatements) {
  // 受理 has two readings and 行政诉讼 sums two cells: neither is a fact.
  std::vector<ProseFact> facts = ExtractProseFacts(ItemsOf({kZhoushan}), "gov_2019");
  EXPECT_EQ(FactPaths(facts),
            (std::vector<std::string>{std::string(kCarriedOverTotal) + "=3",
                                      std::string(kReviewTotal) + "=8",
                                      std::string(kReviewCorrected) + "=2"}));
  for (const ProseFact& f : facts) EXPECT_EQ(f.excerpt, kZhoushan);
}

TEST(ProseFactsTest, ExtractsCarriedForwardFromShuyangCounty) {
  std::vector<ProseFact> facts = ExtractProseFacts(ItemsOf({kShuyangCounty}), "gov_2021");
  EXPECT_EQ(FactPaths(facts),
            (std::vector<std::string>{std::string(kCarriedForwardTotal) + "=31"}));
}

TEST(ProseFactsTest, RuleStatingTwoDifferentNumbersStatesNothing) {
  // 行政复议 8 (zhoushan) and 行政复议案件 2 (pingtan-2023) in one text: the
  // prose does not decide the review total. Other rules still state theirs.
  std::vector<ProseFact> facts =
      ExtractProseFacts(ItemsOf({kZhoushan, kPingtanReview}), "gov_2019");
  EXPECT_EQ(FactPaths(facts),
            (std::vector<std::string>{std::string(kCarriedOverTotal) + "=3",
                                      std::string(kReviewCorrected) + "=2"}));
}

TEST(ProseFactsTest, RuleStatingTheSameNumberTwiceStatesItOnce) {
  std::vector<ProseFact> facts =
      ExtractProseFacts(ItemsOf({kZhoushan, kZhoushanBefore, kZhoushan}), "gov_2019");
  EXPECT_EQ(FactPaths(facts),
            (std::vector<std::string>{std::string(kCarriedOverTotal) + "=3",
                                      std::string(kReviewTotal) + "=8",
                                      std::string(kReviewCorrected) + "=2"}));
}

TEST(ProseFactsTest, EveryStatementIsCheckedEvenWhenTheyDisagree) {
  ReportV1 r = ReportWith({{kReviewTotal, NumberCell(8)}});
  CheckProse(ItemsOf({kZhoushan, kPingtanReview}), "gov_2019", r);
  int pass = 0, fail = 0;
  for (const CheckOut& c : P1Checks(r)) {
    if (c.note.rfind("prose (prose_review_total)", 0) != 0) continue;
    pass += c.status == "pass";
    fail += c.status == "fail";
  }
  EXPECT_EQ(pass, 1);
  EXPECT_EQ(fail, 1);
}

// ---- Sentences that state nothing ----------------------------------------

struct SilentCase {
  const char* source;
  const char* text;
};

TEST(ProseFactsTest, SentencesThatStateNothing) {
  const std::vector<SilentCase> cases = {
      // 条, not 件, and no 制发 / 现行有效.
      {"pingtan-2019",
       "（一）基本情况今年，我区政府信息公开单位共公布政府信息2599条，(其中机构职能类信息25条，"
       "政策、规范性文件类信息68条，规划计划类信息28条，行政许可类信息69条，"
       "重大建设项目信息90条，为民办实事类信息175条，民政扶贫救灾社会保障就业类信息67条，"
       "国土资源城乡建设环保能源类信息983条，科教文体卫生类信息48条，"
       "安全生产、应急管理类信息124条，其他应主动公开政府信息856条)"},
      {"pingtan-2019", "全年共发布信息68条。"},
      // 受理 without an application.
      {"shuyang-fgj-2023", "全年受理网络问政182件。"},
      // "数为 0 件": the count is not attached to 行政诉讼.
      {"shanghai-stcsm-2024", "2024 年市科委有 1 件涉及政府信息公开工作的行政复议，"
                              "该行政复议件未被复议审查机关纠错。涉及的行政诉讼数为 0 件。"},
      // 规范性文件 counted, but neither issued this year nor in force.
      {"shanghai-stcsm-2024", "括：行政规范性文件 13 件；规划计划文件 2 件；"},
  };
  for (const SilentCase& c : cases) {
    std::vector<Item> items = ItemsOf({c.text});
    EXPECT_TRUE(ExtractProseFacts(items, "gov_2021").empty()) << c.source << ": " << c.text;
    EXPECT_TRUE(ExtractProseFacts(items, "gov_2019").empty()) << c.source << ": " << c.text;
    ReportV1 r = ReportWith({{kNewTotal, NumberCell(1)},
                             {kReviewTotal, NumberCell(1)},
                             {kDirectTotal, NumberCell(1)},
                             {kAfterReviewTotal, NumberCell(1)},
                             {kIssued, NumberCell(1)},
                             {kInForce, NumberCell(1)}});
    CheckProse(items, "gov_2021", r);
    EXPECT_TRUE(P1Checks(r).empty()) << c.source << ": " << c.text;
  }
}

// ---- The count prefilter ---------------------------------------------------

// FindProseStatements reads only sentences with a digit followed by 件:
// every prose rule must end with its number and that unit.
TEST(ProseFactsTest, EveryProseRuleEndsWithANumberAndTheUnit) {
  for (const RuleSpec& rule : ReportRuleSpecs()) {
    const std::string pattern = rule.pattern;
    if (std::string(rule.id).rfind("prose_", 0) != 0) continue;
    const std::string end = R"re((?P<n>\d+)件)re";
    ASSERT_GE(pattern.size(), end.size()) << rule.id;
    EXPECT_EQ(pattern.substr(pattern.size() - end.size()), end) << rule.id;
  }
}

// A character the UAX #29 rules leave to ICU (U+200E, a Format character,
// kept by NormalizeForMatch) sends the paragraph to ICU's iterator: the
// statement and its sentence are the same.
TEST(ProseFactsTest, ParagraphWithAFormatCharacterIsSplitByIcu) {
  std::vector<Item> items = ItemsOf({"前言。全年收到政府信息公开申请34件\u200e,上年结转2件。结束"});
  std::vector<ProseFact> facts = ExtractProseFacts(items, "gov_2021");
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].path, kCarriedOverTotal);
  EXPECT_EQ(facts[0].excerpt, "全年收到政府信息公开申请34件\u200e,上年结转2件。");
}

TEST(ProseFactsTest, SentenceWithTheUnitButNoNumberStatesNothing) {
  std::vector<Item> items = ItemsOf({"全年受理信息公开申请若干件,被纠正多件。"});
  EXPECT_TRUE(FindProseStatements(items, "gov_2021").found.empty());
}

}  // namespace
}  // namespace zfxxgk
