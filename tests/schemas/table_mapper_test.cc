// Tests for schemas/table_mapper.h on hand-built documents: a gov_2021
// report as HTML tables, the same template as a glued crawler line (real
// text of the pingtan-2021 dump), a 2021 report with one （六） row, and a
// gov_2019 one-cell-per-line dump.
#include "schemas/table_mapper.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace zfxxgk {
namespace {

using Rows = std::vector<std::vector<std::string>>;

class DocBuilder {
 public:
  DocBuilder& Text(const std::string& text, int blank_lines_before = 0) {
    Block b;
    b.text = text;
    b.blank_lines_before = blank_lines_before;
    b.prov.line = ++line_;
    doc_.blocks.push_back(b);
    return *this;
  }
  // One cell per line: each cell on its own line after one blank line; an
  // empty string is an empty cell (one extra blank line).
  DocBuilder& Cells(const std::vector<std::string>& cells) {
    doc_.cell_per_line = true;
    int blanks = 1;
    for (const std::string& c : cells) {
      if (c.empty()) {
        ++blanks;
        continue;
      }
      Text(c, blanks);
      blanks = 1;
    }
    return *this;
  }
  DocBuilder& Grid(const Rows& rows) {
    Table t;
    const int index = static_cast<int>(doc_.tables.size());
    for (const std::vector<std::string>& row : rows) {
      for (size_t c = 0; c < row.size(); ++c) {
        Cell cell;
        cell.row = t.n_rows;
        cell.col = static_cast<int>(c);
        cell.text = row[c];
        cell.prov.table = index;
        cell.prov.row = cell.row;
        cell.prov.col = cell.col;
        t.cells.push_back(cell);
      }
      t.n_cols = std::max(t.n_cols, static_cast<int>(row.size()));
      ++t.n_rows;
    }
    t.prov.table = index;
    doc_.tables.push_back(t);
    Block b;
    b.kind = BlockKind::kTable;
    b.table_index = index;
    doc_.blocks.push_back(b);
    return *this;
  }
  const Document& doc() const { return doc_; }

 private:
  Document doc_;
  int line_ = 0;
};

const CellOut* Find(const ReportV1& r, const std::string& path) {
  for (const auto& [p, c] : r.cells) {
    if (p == path) return &c;
  }
  return nullptr;
}

// Asserts status and (for numbers) value of the cell at `path`.
void ExpectCell(const ReportV1& r, const std::string& path, CellStatus status,
                std::optional<double> value = std::nullopt) {
  const CellOut* c = Find(r, path);
  ASSERT_NE(c, nullptr) << path << " not emitted";
  EXPECT_EQ(c->status, status) << path << " is " << CellStatusName(c->status) << " raw '"
                               << c->raw << "'";
  EXPECT_EQ(c->value, value) << path;
}

// Candidates in string order (the contract does not fix their order).
std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

bool HasIssue(const ReportV1& r, const std::string& code, const std::string& in_message) {
  for (const Issue& i : r.issues) {
    if (i.code == code && i.message.find(in_message) != std::string::npos) return true;
  }
  return false;
}

std::vector<std::string> Seven(const std::string& first, const std::string& total) {
  return {first, "0", "0", "0", "0", "0", total};
}

std::vector<std::string> Labelled(std::vector<std::string> labels,
                                  const std::vector<std::string>& values) {
  labels.insert(labels.end(), values.begin(), values.end());
  return labels;
}

// Table 三 of gov_2021 as HTML prints it, one row per template row. With
// `single_other` （六）其他处理 is one row instead of three.
Rows Table3(bool single_other) {
  const std::vector<std::string> zero = Seven("0", "0");
  Rows rows = {
      {"申请人情况", "自然人", "法人或其他组织", "总计"},
      {"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"},
      Labelled({"一、本年新收政府信息公开申请数量"}, {"5", "1", "0", "0", "0", "0", "6"}),
      Labelled({"二、上年结转政府信息公开申请数量"}, Seven("1", "1")),
      Labelled({"三、本年度办理结果", "（一）予以公开"}, {"2", "1", "0", "0", "0", "0", "3"}),
      Labelled({"（二）部分公开（区分处理的，只计这一情形，不计其他情形）"}, Seven("1", "1")),
      Labelled({"（三）不予公开", "1.属于国家秘密"}, {"", "0", "0", "0", "0", "0", "0"}),
      Labelled({"2.其他法律行政法规禁止公开"}, {"0", "/", "0", "0", "0", "0", "0"}),
      Labelled({"3.危及“三安全一稳定”"}, {"0", "0", "—", "0", "0", "0", "0"}),
      Labelled({"4.保护第三方合法权益"}, zero),
      Labelled({"5.属于三类内部事务信息"}, zero),
      Labelled({"6.属于四类过程性信息"}, zero),
      Labelled({"7.属于行政执法案卷"}, zero),
      Labelled({"8.属于行政查询事项"}, zero),
      Labelled({"（四）无法提供", "1.本机关不掌握相关政府信息"}, Seven("2", "2")),
      Labelled({"2.没有现成信息需要另行制作"}, zero),
      Labelled({"3.补正后申请内容仍不明确"}, zero),
      Labelled({"（五）不予处理", "1.信访举报投诉类申请"}, zero),
      Labelled({"2.重复申请"}, zero),
      Labelled({"3.要求提供公开出版物"}, zero),
      Labelled({"4.无正当理由大量反复申请"}, zero),
      Labelled({"5.要求行政机关确认或重新出具已获取信息"}, zero),
  };
  if (single_other) {
    rows.push_back(Labelled({"（六）其他处理"}, Seven("1", "1")));
  } else {
    rows.push_back(Labelled(
        {"（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
        zero));
    rows.push_back(
        Labelled({"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
                 zero));
    rows.push_back(Labelled({"3.其他"}, Seven("1", "1")));
  }
  rows.push_back(Labelled({"（七）总计"}, {"6", "1", "0", "0", "0", "0", "7"}));
  rows.push_back(Labelled({"四、结转下年度继续办理"}, zero));
  return rows;
}

Document Html2021(bool single_other) {
  DocBuilder b;
  b.Text("平潭综合实验区2021年度政府信息公开工作年度报告")
      .Text("发布时间: 2022-02-08 16:34")
      .Text("一、总体情况")
      .Text("2021年，我区以习近平新时代中国特色社会主义思想为指导。")
      .Text("二、主动公开政府信息情况")
      .Grid({{"第二十条第（一）项"},
             {"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
             {"规章", "0", "", "3"},
             {"行政规范性文件", "18", "2", "/"},
             {"第二十条第（五）项"},
             {"信息内容", "本年处理决定数量"},
             {"行政许可", "2293"},
             {"第二十条第（六）项"},
             {"信息内容", "本年处理决定数量"},
             {"行政处罚", "1282"},
             {"行政强制", "—"},
             {"第二十条第（八）项"},
             {"信息内容", "本年收费金额（单位：万元）"},
             {"行政事业性收费", "24252.311082"}})
      .Text("三、收到和处理政府信息公开申请情况")
      .Grid(Table3(single_other))
      .Text("四、政府信息公开行政复议、行政诉讼情况")
      .Grid({{"行政复议", "行政诉讼"},
             {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉",
              "复议后起诉"},
             {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正",
              "其他结果", "尚未审结", "总计"},
             {"0", "0", "0", "0", "0", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"}})
      .Text("五、存在的主要问题及改进情况");
  return b.doc();
}

ReportV1 Map(const Document& doc, const TemplateSpec& spec, int* read = nullptr) {
  ReportV1 report;
  int n = MapTables(BuildItemStream(doc), spec, report);
  if (read) *read = n;
  return report;
}

TEST(TableMapperTest, HtmlTablesReadEveryCell) {
  int read = 0;
  ReportV1 r = Map(Html2021(false), Gov2021Template(), &read);
  // Table 二 10 + table 三 25 rows x 7 + table 四 15.
  EXPECT_EQ(read, 10 + 25 * 7 + 15);
  for (const auto& [path, cell] : r.cells) {
    EXPECT_NE(cell.status, CellStatus::kMissing) << path;
    EXPECT_NE(cell.status, CellStatus::kAmbiguous) << path;
  }
}

TEST(TableMapperTest, BlankZeroSlashAndDashKeptApartInTableTwo) {
  ReportV1 r = Map(Html2021(false), Gov2021Template());
  const std::string item1 = "active_disclosure.art20_item1.";
  ExpectCell(r, item1 + "regulations.issued_count", CellStatus::kNumber, 0);
  ExpectCell(r, item1 + "regulations.repealed_count", CellStatus::kBlank);
  ExpectCell(r, item1 + "regulations.in_force_count", CellStatus::kNumber, 3);
  ExpectCell(r, item1 + "normative_documents.issued_count", CellStatus::kNumber, 18);
  ExpectCell(r, item1 + "normative_documents.in_force_count", CellStatus::kNotApplicable);
  ExpectCell(r, "active_disclosure.art20_item6.administrative_coercion.decisions_count",
             CellStatus::kDash);
  ExpectCell(r, "active_disclosure.art20_item5.administrative_licensing.decisions_count",
             CellStatus::kNumber, 2293);
}

TEST(TableMapperTest, DecimalFeeAmountIsNotIntegral) {
  ReportV1 r = Map(Html2021(false), Gov2021Template());
  const CellOut* fee =
      Find(r, "active_disclosure.art20_item8.administrative_fees.fee_amount_wan_yuan");
  ASSERT_NE(fee, nullptr);
  EXPECT_EQ(fee->status, CellStatus::kNumber);
  EXPECT_EQ(fee->value, 24252.311082);
  EXPECT_FALSE(fee->integral);
  EXPECT_EQ(fee->raw, "24252.311082");
}

TEST(TableMapperTest, BlankZeroSlashAndDashKeptApartInTableThree) {
  ReportV1 r = Map(Html2021(false), Gov2021Template());
  const std::string withheld = "applications.results.withheld.";
  ExpectCell(r, withheld + "state_secret.natural_person", CellStatus::kBlank);
  ExpectCell(r, withheld + "state_secret.commercial_enterprise", CellStatus::kNumber, 0);
  ExpectCell(r, withheld + "prohibited_by_law.commercial_enterprise",
             CellStatus::kNotApplicable);
  ExpectCell(r, withheld + "security_stability.research_institution", CellStatus::kDash);
  ExpectCell(r, "applications.new_received.natural_person", CellStatus::kNumber, 5);
  ExpectCell(r, "applications.new_received.total", CellStatus::kNumber, 6);
  ExpectCell(r, "applications.results.total.total", CellStatus::kNumber, 7);
  ExpectCell(r, "applications.carried_forward.total", CellStatus::kNumber, 0);
}

TEST(TableMapperTest, CellsKeepTableProvenance) {
  ReportV1 r = Map(Html2021(false), Gov2021Template());
  const CellOut* c = Find(r, "applications.results.granted.commercial_enterprise");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->prov.table, 1);
  EXPECT_EQ(c->prov.row, 4);
  EXPECT_EQ(c->prov.col, 3);  // two label cells, then natural_person
}

TEST(TableMapperTest, TwentyTwentyOneSubRowsOfOtherHandling) {
  ReportV1 r = Map(Html2021(false), Gov2021Template());
  ExpectCell(r, "applications.results.other_handling.other.natural_person", CellStatus::kNumber,
             1);
  ExpectCell(r, "applications.results.other_handling.no_correction.total", CellStatus::kNumber,
             0);
  EXPECT_EQ(Find(r, "applications.results.other_handling.total.natural_person"), nullptr);
}

TEST(TableMapperTest, SingleOtherHandlingRowIn2021StoresTotal) {
  ReportV1 r = Map(Html2021(true), Gov2021Template());
  ExpectCell(r, "applications.results.other_handling.total.natural_person", CellStatus::kNumber,
             1);
  ExpectCell(r, "applications.results.other_handling.total.total", CellStatus::kNumber, 1);
  for (const char* sub : {"no_correction", "fee_unpaid", "other"}) {
    for (const char* col : {"natural_person", "total"}) {
      ExpectCell(r, std::string("applications.results.other_handling.") + sub + "." + col,
                 CellStatus::kMissing);
    }
  }
  ExpectCell(r, "applications.results.total.total", CellStatus::kNumber, 7);
}

TEST(TableMapperTest, TableFourReadAcrossHeaderRows) {
  ReportV1 r = Map(Html2021(false), Gov2021Template());
  ExpectCell(r, "review_litigation.administrative_review.upheld", CellStatus::kNumber, 0);
  ExpectCell(r, "review_litigation.litigation_direct.upheld", CellStatus::kNumber, 1);
  ExpectCell(r, "review_litigation.litigation_direct.total", CellStatus::kNumber, 1);
  ExpectCell(r, "review_litigation.litigation_after_review.total", CellStatus::kNumber, 0);
}

// The table part of the pingtan-2021 crawler dump, as printed: one line.
constexpr char kPingtan2021Tables[] =
    "二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
    "规章 000行政规范性文件693665第二十条第（五）项信息内容本年处理决定数量行政许可2293 "
    "第二十条第（六）项信息内容 本年处理决定数量行政处罚1282行政强制42第二十条第（八）项信息内容"
    " 本年收费金额（单位：万元）行政事业性收费24252.311082三、收到和处理政府信息公开申请情况"
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人"
    "法人或其他组织总计 商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开"
    "申请数量640020470二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开"
    "270020130（二）部分公开（区分处理的，只计这一情形，不计其他情形）500000 5（三）不予公开"
    "1.属于国家秘密00000002.其他法律行政法规禁止公开00000003.危及“三安全一稳定”00000004."
    "保护第三方合法权益00000005.属于三类内部事务信息10000016.属于四类过程性信息00000007."
    "属于行政执法案卷60000068.属于行政查询事项1000001（四）无法提供1.本机关不掌握相关政府信息"
    "2200003252.没有现成信息需要另行制作00000003.补正后申请内容仍不明确0000000（五）不予处理"
    "1.信访举报投诉类申请00000002.重复申请00000003.要求提供公开出版物00000004.无正当理由大量"
    "反复申请00000005.要求行政机关确认或重新出具已获取信息0000000（六）其他处理1.申请人无正当"
    "理由逾期不补正、行政机关不再处理其政府信息公开申请00000002.申请人逾期未按收费通知要求缴纳"
    "费用、行政机关不再处理其政府信息公开申请00000003.其他1000001（七）总计630020469四、结转"
    "下年度继续办理1000001 四、政府信息公开行政复议、行政诉讼情况 行政复议行政诉讼结果维持结果"
    "纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果"
    "维持结果纠正其他结果尚未审结总计10203120001200000五、存在的主要问题及改进情况";

Document Glued2021() {
  DocBuilder b;
  b.Text("标题: 平潭综合实验区2021年度政府信息公开工作年度报告")
      .Text("发布时间: 2022-02-08 16:34")
      .Text(kPingtan2021Tables);
  return b.doc();
}

TEST(TableMapperTest, GluedTableTwoRunIsAmbiguousWithCandidates) {
  ReportV1 r = Map(Glued2021(), Gov2021Template());
  const std::string path = "active_disclosure.art20_item1.normative_documents.issued_count";
  const CellOut* c = Find(r, path);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->status, CellStatus::kAmbiguous);
  EXPECT_FALSE(c->value.has_value());
  EXPECT_EQ(Sorted(c->candidates), (std::vector<std::string>{"6", "69", "693", "6936"}));
  EXPECT_EQ(c->raw, "693665");
  EXPECT_TRUE(HasIssue(r, "ambiguous_cell", "tables." + path));
  const CellOut* in_force =
      Find(r, "active_disclosure.art20_item1.normative_documents.in_force_count");
  ASSERT_NE(in_force, nullptr);
  EXPECT_EQ(in_force->status, CellStatus::kAmbiguous);
  EXPECT_EQ(Sorted(in_force->candidates), (std::vector<std::string>{"3665", "5", "65", "665"}));
}

TEST(TableMapperTest, GluedRunWithOneSplitIsDetermined) {
  ReportV1 r = Map(Glued2021(), Gov2021Template());
  ExpectCell(r, "active_disclosure.art20_item1.regulations.issued_count", CellStatus::kNumber, 0);
  ExpectCell(r, "active_disclosure.art20_item1.regulations.in_force_count", CellStatus::kNumber,
             0);
  ExpectCell(r, "active_disclosure.art20_item5.administrative_licensing.decisions_count",
             CellStatus::kNumber, 2293);
  ExpectCell(r, "active_disclosure.art20_item8.administrative_fees.fee_amount_wan_yuan",
             CellStatus::kNumber, 24252.311082);
}

TEST(TableMapperTest, GluedTableFourRunResolvedByGroupTotals) {
  ReportV1 r = Map(Glued2021(), Gov2021Template());
  const std::vector<std::pair<std::string, double>> expected = {
      {"administrative_review.upheld", 1},     {"administrative_review.corrected", 0},
      {"administrative_review.other", 2},      {"administrative_review.pending", 0},
      {"administrative_review.total", 3},      {"litigation_direct.upheld", 12},
      {"litigation_direct.corrected", 0},      {"litigation_direct.other", 0},
      {"litigation_direct.pending", 0},        {"litigation_direct.total", 12},
      {"litigation_after_review.upheld", 0},   {"litigation_after_review.total", 0},
  };
  for (const auto& [path, value] : expected) {
    ExpectCell(r, "review_litigation." + path, CellStatus::kNumber, value);
  }
}

TEST(TableMapperTest, GluedTableThreeRunsResolvedByIdentities) {
  ReportV1 r = Map(Glued2021(), Gov2021Template());
  const std::vector<double> new_received = {64, 0, 0, 2, 0, 4, 70};
  const std::vector<double> not_held = {22, 0, 0, 0, 0, 3, 25};
  const std::vector<double> total = {63, 0, 0, 2, 0, 4, 69};
  const char* cols[] = {"natural_person",    "commercial_enterprise", "research_institution",
                        "social_welfare_org", "legal_service_org",     "other_org",
                        "total"};
  for (int k = 0; k < 7; ++k) {
    ExpectCell(r, std::string("applications.new_received.") + cols[k], CellStatus::kNumber,
               new_received[k]);
    ExpectCell(r, std::string("applications.results.unable_to_provide.not_held.") + cols[k],
               CellStatus::kNumber, not_held[k]);
    ExpectCell(r, std::string("applications.results.total.") + cols[k], CellStatus::kNumber,
               total[k]);
  }
  ExpectCell(r, "applications.results.partially_granted.total", CellStatus::kNumber, 5);
  ExpectCell(r, "applications.results.withheld.state_secret.total", CellStatus::kNumber, 0);
}

// A gov_2019 one-cell-per-line dump (舟山 2020 layout): empty cells are
// extra blank lines, 本年增/减 is signed, （六）其他处理 is one row.
Document CellPerLine2019() {
  DocBuilder b;
  b.Text("舟山市人民政府政府信息公开工作年度报告(2020年度)")
      .Cells({"发布日期:2021-01-28 浏览次数:", "一、总体情况", "正文。", "二、主动公开政府信息情况",
              "第二十条第(一)项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量",
              "规章", "0", "0", "3", "规范性文件", "184", "257", "764",
              "第二十条第(五)项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量",
              "行政许可", "1001", "-70", "605986", "其他对外管理服务事项", "1343", "-338",
              "398806", "第二十条第(六)项", "信息内容", "上一年项目数量", "本年增/减",
              "处理决定数量", "行政处罚", "3117", "272", "697775", "行政强制", "109", "24",
              "34494", "第二十条第(八)项", "信息内容", "上一年项目数量", "本年增/减",
              "行政事业性收费", "189", "8", "第二十条第(九)项", "信息内容", "采购项目数量",
              "采购总金额", "政府集中采购", "2386", "189538647.5",
              "三、收到和处理政府信息公开申请情况", "申请人情况", "自然人", "法人或其他组织",
              "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他",
              "一、本年新收政府信息公开申请数量", "240", "4", "", "1", "", "1", "246",
              "二、上年结转政府信息公开申请数量", "3", "", "", "", "", "", "3",
              "三、本年度办理结果", "(一)予以公开", "103", "2", "", "1", "", "1", "107",
              "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "36", "1", "", "", "", "",
              "37", "(三)不予公开", "1.属于国家秘密", "", "", "", "", "", "", "",
              "2.其他法律行政法规禁止公开", "3", "", "", "", "", "", "3",
              "3.危及“三安全一稳定”", "", "", "", "", "", "", "",
              "4.保护第三方合法权益", "2", "", "", "", "", "", "2",
              "5.属于三类内部事务信息", "1", "", "", "", "", "", "1",
              "6.属于四类过程性信息", "3", "", "", "", "", "", "3",
              "7.属于行政执法案卷", "9", "", "", "", "", "", "9",
              "8.属于行政查询事项", "1", "1", "", "", "", "", "2",
              "(四)无法提供", "1.本机关不掌握相关政府信息", "52", "", "", "", "", "", "52",
              "2.没有现成信息需要另行制作", "7", "", "", "", "", "", "7",
              "3.补正后申请内容仍不明确", "4", "", "", "", "", "", "4",
              "(五)不予处理", "1.信访举报投诉类申请", "4", "", "", "", "", "", "4",
              "2.重复申请", "5", "", "", "", "", "", "5",
              "3.要求提供公开出版物", "2", "", "", "", "", "", "2",
              "4.无正当理由大量反复申请", "", "", "", "", "", "", "",
              "5.要求行政机关确认或重新出具已获取信息", "", "", "", "", "", "", "",
              "(六)其他处理", "5", "", "", "", "", "", "5",
              "(七)总计", "237", "4", "", "1", "", "1", "243",
              "四、结转下年度继续办理", "6", "", "", "", "", "", "6",
              "四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", "结果维持",
              "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉",
              "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正",
              "其他结果", "尚未审结", "总计", "10", "2", "1", "0", "13", "3", "0", "0", "1", "4",
              "0", "0", "0", "0", "0", "五、存在的主要问题及改进情况", "正文。"});
  return b.doc();
}

TEST(TableMapperTest, CellPerLine2019SignedAndDecimalValues) {
  ReportV1 r = Map(CellPerLine2019(), Gov2019Template());
  ExpectCell(r, "active_disclosure.art20_item5.administrative_licensing.item_change",
             CellStatus::kNumber, -70);
  ExpectCell(r, "active_disclosure.art20_item5.other_external_services.item_change",
             CellStatus::kNumber, -338);
  ExpectCell(r, "active_disclosure.art20_item8.administrative_fees.item_change",
             CellStatus::kNumber, 8);
  const CellOut* amount = Find(
      r, "active_disclosure.art20_item9.centralized_procurement.procurement_total_amount");
  ASSERT_NE(amount, nullptr);
  EXPECT_EQ(amount->value, 189538647.5);
  EXPECT_FALSE(amount->integral);
}

TEST(TableMapperTest, CellPerLine2019ExtraBlankLinesAreBlankCells) {
  ReportV1 r = Map(CellPerLine2019(), Gov2019Template());
  ExpectCell(r, "applications.new_received.natural_person", CellStatus::kNumber, 240);
  ExpectCell(r, "applications.new_received.research_institution", CellStatus::kBlank);
  ExpectCell(r, "applications.new_received.social_welfare_org", CellStatus::kNumber, 1);
  ExpectCell(r, "applications.new_received.legal_service_org", CellStatus::kBlank);
  ExpectCell(r, "applications.new_received.total", CellStatus::kNumber, 246);
  ExpectCell(r, "applications.results.withheld.state_secret.total", CellStatus::kBlank);
  ExpectCell(r, "applications.results.withheld.administrative_query.commercial_enterprise",
             CellStatus::kNumber, 1);
}

TEST(TableMapperTest, CellPerLine2019OtherHandlingIsOneRow) {
  ReportV1 r = Map(CellPerLine2019(), Gov2019Template());
  ExpectCell(r, "applications.results.other_handling.total.natural_person", CellStatus::kNumber,
             5);
  ExpectCell(r, "applications.results.other_handling.total.commercial_enterprise",
             CellStatus::kBlank);
  EXPECT_EQ(Find(r, "applications.results.other_handling.other.natural_person"), nullptr);
  ExpectCell(r, "applications.carried_forward.total", CellStatus::kNumber, 6);
}

TEST(TableMapperTest, CellPerLine2019TableFour) {
  ReportV1 r = Map(CellPerLine2019(), Gov2019Template());
  ExpectCell(r, "review_litigation.administrative_review.upheld", CellStatus::kNumber, 10);
  ExpectCell(r, "review_litigation.administrative_review.total", CellStatus::kNumber, 13);
  ExpectCell(r, "review_litigation.litigation_direct.total", CellStatus::kNumber, 4);
  ExpectCell(r, "review_litigation.litigation_after_review.pending", CellStatus::kNumber, 0);
}

TEST(TableMapperTest, NoTablesReadsNothing) {
  DocBuilder b;
  b.Text("一、总体情况").Text("2021年，我区以习近平新时代中国特色社会主义思想为指导。");
  int read = -1;
  ReportV1 r = Map(b.doc(), Gov2021Template(), &read);
  EXPECT_EQ(read, 0);
  for (const auto& [path, cell] : r.cells) EXPECT_EQ(cell.status, CellStatus::kMissing) << path;
}

}  // namespace
}  // namespace zfxxgk
