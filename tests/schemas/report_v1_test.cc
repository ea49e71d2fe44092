// Tests for schemas/report_v1.h: BuildReport on hand-built documents and
// the JSON that ToJson writes.
#include "schemas/report_v1.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "schemas/template.h"

namespace zfxxgk {
namespace {

using Json = nlohmann::ordered_json;
using Rows = std::vector<std::vector<std::string>>;

class DocBuilder {
 public:
  DocBuilder() {
    doc_.source.path = "test.html";
    doc_.source.format = InputFormat::kHtml;
    doc_.source.encoding = "utf-8";
    doc_.source.sha256 = std::string(64, 'a');
  }
  DocBuilder& Text(const std::string& text) {
    Block b;
    b.text = text;
    b.prov.line = static_cast<int>(doc_.blocks.size()) + 1;
    doc_.blocks.push_back(b);
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
    doc_.tables.push_back(t);
    Block b;
    b.kind = BlockKind::kTable;
    b.table_index = index;
    doc_.blocks.push_back(b);
    return *this;
  }
  Document& doc() { return doc_; }

 private:
  Document doc_;
};

// Table 三 built from the template's own rows (first alias as the label):
// consistent values (3 new = 2 granted + 1 other handling).
Rows Table3(const TemplateSpec& spec, bool single_other) {
  const std::map<std::string, std::string> first = {
      {"new_received", "3"},
      {"results.granted", "2"},
      {single_other ? "results.other_handling.total" : "results.other_handling.other", "1"},
      {"results.total", "3"}};
  Rows rows = {{"申请人情况", "自然人", "法人或其他组织", "总计"},
               {"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"}};
  for (const RowSpec& row : spec.application_rows) {
    bool sub_row = row.key.rfind("results.other_handling.", 0) == 0 &&
                   row.key != "results.other_handling.total";
    if (!row.alternative_of.empty() && !single_other) continue;
    if (sub_row && single_other) continue;
    auto it = first.find(row.key);
    std::string v = it == first.end() ? "0" : it->second;
    rows.push_back({row.aliases.front(), v, "0", "0", "0", "0", "0", v});
  }
  return rows;
}

Document Report2021(bool single_other) {
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
             {"第二十条第（八）项"},
             {"信息内容", "本年收费金额（单位：万元）"},
             {"行政事业性收费", "24252.311082"}})
      .Text("三、收到和处理政府信息公开申请情况")
      .Grid(Table3(Gov2021Template(), single_other))
      .Text("四、政府信息公开行政复议、行政诉讼情况")
      .Grid({{"行政复议", "行政诉讼"},
             {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉",
              "复议后起诉"},
             {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正",
              "其他结果", "尚未审结", "总计"},
             {"0", "0", "0", "0", "0", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"}})
      .Text("五、存在的主要问题及改进情况")
      .Text("六、其他需要报告的事项")
      .Text("无。");
  return b.doc();
}

// A crawler dump of table 二 only: its 规范性文件 run has 10 splits.
Document GluedTableTwo() {
  DocBuilder b;
  b.doc().source.format = InputFormat::kText;
  b.Text("平潭综合实验区2021年度政府信息公开工作年度报告")
      .Text("二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数"
            "现行有效件数规章 000行政规范性文件693665第二十条第（五）项信息内容"
            "本年处理决定数量行政许可2293");
  return b.doc();
}

// The check named "T3.2 total" (identity and column), "T3.3 results.granted"
// (identity and row) or "T4.1 administrative_review" (identity and group).
const CheckOut* FindCheck(const ReportV1& r, const std::string& name) {
  const size_t space = name.find(' ');
  const std::string id = name.substr(0, space);
  const std::string key = space == std::string::npos ? "" : name.substr(space + 1);
  for (const CheckOut& c : r.checks) {
    if (c.id != id) continue;
    if (key.empty() || c.where == "applications.*." + key ||
        c.where == "applications." + key + ".*" || c.where == "review_litigation." + key + ".*") {
      return &c;
    }
  }
  return nullptr;
}

TEST(BuildReportTest, DocumentWithoutReportTablesIsNotAReport) {
  DocBuilder b;
  b.Text("平潭综合实验区管委会关于开展安全生产大检查的通知")
      .Text("各单位：现将有关事项通知如下。")
      .Grid({{"序号", "单位", "联系人"}, {"1", "办公室", "张三"}});
  StatusOr<ReportV1> r = BuildReport(b.doc(), "");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotAReport);
  EXPECT_NE(r.status().message().find("test.html"), std::string::npos);
}

TEST(BuildReportTest, TemplateMarkersWithoutValuesIsNotAReport) {
  DocBuilder b;
  b.Text("第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数");
  StatusOr<ReportV1> r = BuildReport(b.doc(), "");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotAReport);
}

TEST(BuildReportTest, EmptyDocumentIsNotAReport) {
  Document doc;
  StatusOr<ReportV1> r = BuildReport(doc, "");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotAReport);
}

TEST(BuildReportTest, ReadsMetadata) {
  StatusOr<ReportV1> r = BuildReport(Report2021(false), "");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->report.title, "平潭综合实验区2021年度政府信息公开工作年度报告");
  EXPECT_EQ(r->report.organ, "平潭综合实验区");
  EXPECT_EQ(r->report.year, 2021);
  EXPECT_EQ(r->report.published, "2022-02-08");
  EXPECT_EQ(r->report.template_name, "gov_2021");
}

TEST(BuildReportTest, PublicationDateFromHtmlMeta) {
  Document doc = Report2021(false);
  doc.blocks.erase(doc.blocks.begin() + 1);  // no 发布时间 line
  StatusOr<ReportV1> r =
      BuildReport(doc, R"(<html><head><meta name="PubDate" content="2024-03-08 15:34"/>)");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->report.published, "2024-03-08");
}

TEST(BuildReportTest, CopiesSourceAndParserIssues) {
  Document doc = Report2021(false);
  doc.issues.push_back({Severity::kWarning, "html_nesting", "table inside table at line 3"});
  StatusOr<ReportV1> r = BuildReport(doc, "");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->source.path, "test.html");
  EXPECT_EQ(r->source.format, InputFormat::kHtml);
  ASSERT_FALSE(r->issues.empty());
  EXPECT_EQ(r->issues.front().code, "html_nesting");
}

TEST(BuildReportTest, FindsSectionsInOrder) {
  StatusOr<ReportV1> r = BuildReport(Report2021(false), "");
  ASSERT_TRUE(r.ok());
  std::vector<std::string> keys;
  for (const SectionOut& s : r->sections) keys.push_back(s.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"preamble", "general_situation", "active_disclosure",
                                            "applications", "review_litigation",
                                            "problems_improvements", "other_matters"}));
  EXPECT_EQ(r->sections[1].heading, "一、总体情况");
  EXPECT_NE(r->sections[1].text.find("习近平"), std::string::npos);
  EXPECT_EQ(r->sections.back().text, "无。");
}

TEST(BuildReportTest, ConsistentReportPassesEveryIdentity) {
  StatusOr<ReportV1> r = BuildReport(Report2021(false), "");
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->checks.empty());
  for (const CheckOut& c : r->checks) EXPECT_EQ(c.status, "pass") << c.id << ": " << c.note;
  ASSERT_NE(FindCheck(*r, "T3.2 total"), nullptr);
  EXPECT_EQ(FindCheck(*r, "T3.2 total")->lhs, 3.0);
}

TEST(BuildReportTest, SingleOtherHandlingRowStoredAsTotal) {
  StatusOr<ReportV1> r = BuildReport(Report2021(true), "");
  ASSERT_TRUE(r.ok());
  std::map<std::string, const CellOut*> cells;
  for (const auto& [p, c] : r->cells) cells[p] = &c;
  ASSERT_TRUE(cells.count("applications.results.other_handling.total.total"));
  EXPECT_EQ(cells["applications.results.other_handling.total.total"]->value, 1.0);
  ASSERT_TRUE(cells.count("applications.results.other_handling.other.total"));
  EXPECT_EQ(cells["applications.results.other_handling.other.total"]->status,
            CellStatus::kMissing);
}

// With one （六）其他处理 row in a gov_2021 report the three sub-rows are
// kMissing and must not count as result leaves (huaian-hongze-2023 expects
// T3.2 x7 pass).
TEST(BuildReportTest, SingleOtherHandlingRowPassesColumnTotals) {
  StatusOr<ReportV1> r = BuildReport(Report2021(true), "");
  ASSERT_TRUE(r.ok());
  for (const char* id : {"T3.2 natural_person", "T3.2 total", "T3.1 total"}) {
    const CheckOut* c = FindCheck(*r, id);
    ASSERT_NE(c, nullptr) << id;
    EXPECT_EQ(c->status, "pass") << id << ": " << c->note;
  }
}

TEST(ToJsonTest, TopLevelKeysInContractOrder) {
  StatusOr<ReportV1> r = BuildReport(Report2021(false), "");
  ASSERT_TRUE(r.ok());
  Json j = Json::parse(ToJson(*r, false));
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"schema_version", "source", "report", "sections",
                                            "tables", "checks", "issues"}));
  EXPECT_EQ(j["schema_version"], "1");
  EXPECT_EQ(j["source"]["path"], "test.html");
  EXPECT_EQ(j["source"]["format"], "html");
  EXPECT_EQ(j["report"]["template"], "gov_2021");
  EXPECT_EQ(j["report"]["year"], 2021);
  EXPECT_EQ(j["report"]["published"], "2022-02-08");
}

TEST(ToJsonTest, CellsNestedByPath) {
  StatusOr<ReportV1> r = BuildReport(Report2021(false), "");
  ASSERT_TRUE(r.ok());
  Json j = Json::parse(ToJson(*r, false));
  const Json& granted = j["tables"]["applications"]["results"]["granted"]["natural_person"];
  EXPECT_EQ(granted["value"], 2);
  EXPECT_TRUE(granted["value"].is_number_integer());
  EXPECT_EQ(granted["raw"], "2");
  EXPECT_EQ(granted["status"], "number");
  EXPECT_EQ(granted["source"]["table"], 1);
  const Json& regs = j["tables"]["active_disclosure"]["art20_item1"]["regulations"];
  EXPECT_TRUE(regs["repealed_count"]["value"].is_null());
  EXPECT_EQ(regs["repealed_count"]["status"], "blank");
  EXPECT_EQ(regs["issued_count"]["value"], 0);
  EXPECT_EQ(j["tables"]["active_disclosure"]["art20_item1"]["normative_documents"]
             ["in_force_count"]["status"],
            "not_applicable");
  const Json& fee = j["tables"]["active_disclosure"]["art20_item8"]["administrative_fees"]
                     ["fee_amount_wan_yuan"];
  EXPECT_TRUE(fee["value"].is_number_float());
  EXPECT_DOUBLE_EQ(fee["value"].get<double>(), 24252.311082);
  EXPECT_EQ(j["tables"]["review_litigation"]["litigation_direct"]["total"]["value"], 1);
  EXPECT_FALSE(granted.contains("candidates"));
}

TEST(ToJsonTest, AmbiguousCellListsCandidates) {
  StatusOr<ReportV1> r = BuildReport(GluedTableTwo(), "");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  Json j = Json::parse(ToJson(*r, true));
  const Json& cell = j["tables"]["active_disclosure"]["art20_item1"]["normative_documents"]
                      ["issued_count"];
  EXPECT_EQ(cell["status"], "ambiguous");
  EXPECT_TRUE(cell["value"].is_null());
  ASSERT_TRUE(cell.contains("candidates"));
  std::vector<std::string> candidates;
  for (const Json& c : cell["candidates"]) candidates.push_back(c.get<std::string>());
  std::sort(candidates.begin(), candidates.end());
  EXPECT_EQ(candidates, (std::vector<std::string>{"6", "69", "693", "6936"}));
  bool issue = false;
  for (const Json& i : j["issues"]) issue = issue || i["code"] == "ambiguous_cell";
  EXPECT_TRUE(issue);
}

TEST(ToJsonTest, ScannedCellsGiveOneBasedPageAndBoxInTenthsOfPoints) {
  ReportV1 r;
  r.source.format = InputFormat::kImage;
  r.source.pages = 3;
  r.source.page_methods = {"ocr", "ocr", "unread"};
  CellOut c;
  c.status = CellStatus::kNumber;
  c.value = 5;
  c.raw = "5";
  c.prov.page = 1;
  c.prov.table = 2;
  c.prov.bbox = {261.12, 482.4, 294.0, 498.96};
  r.cells = {{"applications.new_received.total", c}};
  Json j = Json::parse(ToJson(r, false));
  EXPECT_EQ(j["source"]["page_methods"], Json::parse(R"(["ocr","ocr","unread"])"));
  const Json& src = j["tables"]["applications"]["new_received"]["total"]["source"];
  EXPECT_EQ(src["page"], 2);
  EXPECT_EQ(src["table"], 2);
  EXPECT_EQ(src["box"], Json::parse("[261.1, 482.4, 294.0, 499.0]"));
}

TEST(ToJsonTest, HtmlCellsHaveNoPageOrBox) {
  StatusOr<ReportV1> r = BuildReport(Report2021(false), "");
  ASSERT_TRUE(r.ok());
  Json j = Json::parse(ToJson(*r, false));
  EXPECT_FALSE(j["source"].contains("page_methods"));
  const Json& src = j["tables"]["applications"]["results"]["granted"]["natural_person"]["source"];
  EXPECT_FALSE(src.contains("page"));
  EXPECT_FALSE(src.contains("box"));
}

TEST(ToJsonTest, PrettyIndentsByTwo) {
  StatusOr<ReportV1> r = BuildReport(Report2021(false), "");
  ASSERT_TRUE(r.ok());
  std::string pretty = ToJson(*r, true);
  std::string compact = ToJson(*r, false);
  EXPECT_EQ(pretty.rfind("{\n  \"schema_version\": \"1\"", 0), 0u);
  EXPECT_EQ(compact.rfind("{\"schema_version\":\"1\"", 0), 0u);
  EXPECT_EQ(compact.find('\n'), std::string::npos);
  EXPECT_EQ(Json::parse(pretty), Json::parse(compact));
}

TEST(ToJsonTest, WritingIntoStorageGivesTheSameText) {
  StatusOr<ReportV1> r = BuildReport(Report2021(false), "");
  ASSERT_TRUE(r.ok());
  const std::string compact = ToJson(*r, false);
  std::string storage = ToJson(*r, true);  // a previous text, larger
  EXPECT_EQ(ToJson(*r, false, std::move(storage)), compact);
  EXPECT_EQ(ToJson(*r, false, std::string("x")), compact);
}

TEST(ToJsonTest, InvalidUtf8IsReplacedNotThrown) {
  ReportV1 r;
  r.source.path = "bad\xff.txt";
  CellOut c;
  c.status = CellStatus::kText;
  c.raw = "\xfe\xff";
  r.cells.emplace_back("applications.new_received.total", c);
  std::string json;
  ASSERT_NO_THROW(json = ToJson(r, false));
  Json j = Json::parse(json);
  EXPECT_EQ(j["tables"]["applications"]["new_received"]["total"]["status"], "text");
  EXPECT_TRUE(j["report"]["year"].is_null());
  EXPECT_TRUE(j["report"]["published"].is_null());
}

}  // namespace
}  // namespace zfxxgk
