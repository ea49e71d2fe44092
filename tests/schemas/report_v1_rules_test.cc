// Tests for schemas/report_v1_rules.h: every named rule on real report text
// (taken from /work/shared/corpus/*/input.*), at least two positives and one
// negative each. Rules run on NormalizeForMatch text, so every example is
// normalised first, except the rules that read the raw page.
#include "schemas/report_v1_rules.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/normalize.h"

namespace zfxxgk {
namespace {

struct RuleCase {
  const char* rule;
  const char* text;
  bool match;
};

// Rules that run on the raw decoded page, not on normalised text.
bool RunsOnRawPage(const std::string& rule) { return rule == "published_html_meta"; }

const std::vector<RuleCase>& Cases() {
  static const std::vector<RuleCase>* cases = new std::vector<RuleCase>{
      // Section headings.
      {"section_general_situation", "一、总体情况", true},
      {"section_general_situation", "## 一、总体情况", true},
      {"section_general_situation",
       "一、总体情况2021年，我区以习近平新时代中国特色社会主义思想为指导", true},
      {"section_general_situation", "（一）政务公开深度广度进一步拓展。", false},
      {"section_general_situation",
       "本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况", false},

      {"section_active_disclosure", "二、主动公开政府信息情况", true},
      {"section_active_disclosure", "## 二、主动公开政府信息情况", true},
      {"section_active_disclosure",
       "二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数", true},
      {"section_active_disclosure", "（一）主动公开方面。", false},
      {"section_active_disclosure", "三、主动公开工作情况", false},

      {"section_applications", "三、收到和处理政府信息公开申请情况", true},
      {"section_applications", "## 三、收到和处理政府信息公开申请情况", true},
      {"section_applications",
       "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，"
       "等于第三项加第四项之和）",
       true},
      {"section_applications", "三、本年度办理结果", false},
      {"section_applications", "四、政府信息公开申请情况", false},

      {"section_review_litigation", "四、政府信息公开行政复议、行政诉讼情况", true},
      {"section_review_litigation", "## 四、政府信息公开行政复议、行政诉讼情况", true},
      {"section_review_litigation", "四、因政府信息公开工作被申请行政复议、行政诉讼情况", true},
      {"section_review_litigation", "四、因政府信息公开申请行政复议、行政诉讼情况", true},
      {"section_review_litigation",
       "四、政府信息公开行政复议、行政诉讼情况 行政复议行政诉讼结果维持结果纠正其他结果尚未审",
       true},
      // Table 三's last row label is numbered 四 too.
      {"section_review_litigation", "四、结转下年度继续办理", false},
      {"section_review_litigation",
       "四、结转下年度继续办理0000000四、政府信息公开行政复议、行政诉讼情况", false},
      {"section_review_litigation",
       "因政府信息公开工作被申请行政复议和提起行政诉讼情况", false},

      {"section_problems_improvements", "五、存在的主要问题及改进情况", true},
      {"section_problems_improvements", "五、存在的主要问题及整改措施", true},
      {"section_problems_improvements", "## 五、政府信息公开工作存在的主要问题及改进情况",
       true},
      {"section_problems_improvements",
       "五、存在的主要问题及改进情况（一）存在的主要问题:政策解读形式不够丰富", true},
      {"section_problems_improvements", "五、政府信息管理", false},
      {"section_problems_improvements", "（一）存在的主要问题:政策解读形式不够丰富", false},

      {"section_other_matters", "六、其他需要报告的事项", true},
      {"section_other_matters", "六、其它需要报告的事项", true},
      {"section_other_matters", "六、其他需要报告的事项2023年，无收取信息处理费情况。", true},
      {"section_other_matters", "六、政府信息公开平台建设", false},
      {"section_other_matters", "其他需要报告的事项。本年度报告中所列数据统计期限为", false},

      // Titles.
      {"title", "舟山市人民政府政府信息公开工作年度报告(2020年度)", true},
      {"title", "平潭综合实验区2021年度政府信息公开工作年度报告", true},
      {"title", "沭阳县发展和改革局2023年政府信息公开年度报告", true},
      {"title", "# 沐阳县人民政府 2025 年 政府信息公开工作年度报告", true},
      {"title", "一、总体情况", false},
      {"title", "本年度报告电子版可在上海市人民政府门户网站（www.shanghai.gov.cn）下载。",
       false},

      // Publication dates printed with the page.
      {"published_label", "发布日期:2021-01-28 浏览次数:", true},
      {"published_label", "发布时间: 2022-02-08 16:34", true},
      {"published_label", "公开日期2024-01-17", true},
      {"published_label", "来源：平潭县人民政府 时间：2022-02-08 16:34 微信 微博", true},
      {"published_label", "采集时间：2025-12-30T21:37:37+08:00", false},
      {"published_label", "数据统计期限自2020年1月1日起至2020年12月31日止", false},
      {"published_label", "发布机构:沭阳县发展和改革局", false},

      {"published_html_meta", R"(<meta name="PubDate" content="2024-03-08 15:34"/>)", true},
      {"published_html_meta", R"(<meta  name="pubdate"  content="2020-01-20 15:22">)", true},
      {"published_html_meta", R"(<meta name="publishdate" content="2022-02-08">)", true},
      {"published_html_meta",
       R"(<meta name="ArticleTitle" content="平潭综合实验区2023年度政府信息公开工作年度报告"/>)",
       false},
      {"published_html_meta", R"(<meta name="DocId" content="87885"/>)", false},

      {"date_line", "(2026年1月23日)", true},
      {"date_line", "2026年1月23日", true},
      {"date_line", "（2024年1月17日）", true},
      {"date_line", "数据统计期限自2020年1月1日起至2020年12月31日止。", false},
      {"date_line", "沐阳县人民政府(2026年1月23日)", false},

      // Prose statements about table cells.
      {"prose_received", "全年全市共受理信息公开申请249件(含去年结转申请办理3件)", true},
      {"prose_received", "全年收到政府信息公开申请 34 件，上年结转政府信息公开", true},
      {"prose_received", "全县全年共受理政府信息公开申请749件，其中自然人申请741件", true},
      {"prose_received", "我区高度重视依申请公开工作的办理", false},
      {"prose_received", "依法做好相关行政复议、行政诉讼案件的应诉工作", false},

      {"prose_carried_over", "上年结转 189 件），均在法定期限内答复。", true},
      {"prose_carried_over", "共受理信息公开申请249件(含去年结转申请办理3件),引发行政复议8件",
       true},
      {"prose_carried_over", "二、上年结转政府信息公开申请数量0000000三、本年度办理结果", false},

      {"prose_carried_forward", "共办理718件，结转下一年31件。", true},
      {"prose_carried_forward", "转下一年度办理答复的有1件", true},
      {"prose_carried_forward", "办结69件，1件结转下年度继续办理。", false},
      {"prose_carried_forward", "四、结转下年度继续办理0000000四、政府信息公开行政复议", false},

      {"prose_review_total", "引发行政复议8件,被纠正2件,引发行政诉讼5件,无一败诉", true},
      {"prose_review_total", "因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。", true},
      {"prose_review_total", "2024年市科委有1件涉及政府信息公开工作的行政复议", false},
      {"prose_review_total", "全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。", false},

      {"prose_review_corrected", "引发行政复议8件,被纠正2件,引发行政诉讼5件", true},
      {"prose_review_corrected", "被纠正 0 件", true},
      {"prose_review_corrected", "该行政复议件未被复议审查机关纠错。", false},

      {"prose_litigation_total", "引发行政复议8件,被纠正2件,引发行政诉讼5件,无一败诉", true},
      {"prose_litigation_total", "因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。", true},
      {"prose_litigation_total", "涉及的行政诉讼数为0件。", false},
      {"prose_litigation_total", "全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。", false},

      {"prose_normative_issued", "动态更新本年度制发的规范性文件77件。二是加强", true},
      {"prose_normative_issued", "全年制发行政规范性文件12件", true},
      {"prose_normative_issued", "清理并集中发布现行有效行政规范性文件393件", false},
      {"prose_normative_issued", "第二十条第（一）项信息内容本年制发件数本年废止件数", false},

      // shanghai-office-2025 (first), a wording of the same statement (second).
      {"prose_regulations_issued", "全年主动公开市政府规章 22 件、市政府及市政府办公厅行", true},
      {"prose_regulations_issued", "本年度制定政府规章3件", true},
      {"prose_regulations_issued",
       "现行有效的3件市政府规章、186件市政府规范性文件、335件市政府办公室规范性文件", false},
      {"prose_regulations_issued",
       "刊登市政府规章、市政府和市政府办公厅文件、市政府部门行政规范性文件等 243 件", false},

      {"prose_normative_in_force", "清理并集中发布现行有效行政规范性文件393件，动态更新",
       true},
      {"prose_normative_in_force", "现行有效的规范性文件186件", true},
      {"prose_normative_in_force",
       "现行有效的3件市政府规章、186件市政府规范性文件、335件市政府办公室规范性文件", false},
      {"prose_normative_in_force", "本年制发件数本年废止件数现行有效件数规章000", false},

      {"year_statistics_period",
       "本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。", true},
      {"year_statistics_period", "本年度报告中所列数据统计期限为 2025 年 1 月 1 日至 12 月 31 日",
       true},
      {"year_statistics_period", "本年度报告所列数据的统计时限为2023年1月1日至2023年12月31日",
       true},
      {"year_statistics_period", "部分, 并附相关指标统计表。本年度报告中所列数据的统计周期",
       false},
      {"year_statistics_period", "2020年,我市始终以习近平新时代中国特色社会主义思想为指导",
       false},
  };
  return *cases;
}

std::set<std::string> SpecIds() {
  std::set<std::string> ids;
  for (const RuleSpec& spec : ReportRuleSpecs()) ids.insert(spec.id);
  return ids;
}

std::string Input(const RuleCase& c) {
  return RunsOnRawPage(c.rule) ? std::string(c.text) : NormalizeForMatch(c.text);
}

TEST(ReportRulesTest, AllRulesCompile) {
  EXPECT_TRUE(BrokenRules().empty()) << ::testing::PrintToString(BrokenRules());
}

// RulePattern gives the table's pattern without compiling (RE2::Set
// building uses it); Rule compiles that same pattern.
TEST(ReportRulesTest, RulePatternIsTheTablePatternAndRuleCompilesIt) {
  for (const RuleSpec& spec : ReportRuleSpecs()) {
    EXPECT_STREQ(RulePattern(spec.id), spec.pattern) << spec.id;
    EXPECT_EQ(Rule(spec.id).pattern(), spec.pattern) << spec.id;
  }
}

// A rule is compiled once, on first use, even when threads ask at once.
TEST(ReportRulesTest, ConcurrentFirstUsesGetTheSameRule) {
  std::vector<const re2::RE2*> seen(4, nullptr);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&seen, i] { seen[i] = &Rule("prose_regulations_issued"); });
  }
  for (std::thread& t : threads) t.join();
  for (const re2::RE2* re : seen) EXPECT_EQ(re, seen[0]);
  EXPECT_TRUE(seen[0]->ok());
}

// ExtractSections hands a line to the heading rules only when it starts
// (after any '#') with a Chinese numeral: every section_* rule must begin so.
TEST(ReportRulesTest, SectionRulesBeginWithANumeralRun) {
  for (const RuleSpec& rule : ReportRuleSpecs()) {
    if (std::string(rule.id).rfind("section_", 0) != 0) continue;
    EXPECT_EQ(std::string(rule.pattern).rfind("^(?:#+)?[一二三四五六七八九十]+", 0), 0u) << rule.id;
  }
}

// ExtractMeta hands a text to the title rule only when it holds 公开, and
// to year_statistics_period only when it holds 统计.
TEST(ReportRulesTest, TitleAndPeriodRulesRequireTheirWords) {
  const std::string title = RulePattern("title");
  EXPECT_NE(title.find(")?(?:政府信息公开|政务公开)(?:工作)?"), std::string::npos);
  EXPECT_EQ(std::string(RulePattern("year_statistics_period")).rfind("统计", 0), 0u);
}

// ExtractMeta hands an item to published_label only when it holds 日期 or
// 时间 (each of the rule's labels does; no part of the rule but the
// "(?:^|[^…])" before 时间 matches a line break, so it runs item by item),
// and the page to published_html_meta only when it holds "<meta".
TEST(ReportRulesTest, DateRulesRequireTheirWords) {
  EXPECT_EQ(std::string(RulePattern("published_label"))
                .rfind("(?:发布日期|发布时间|公开日期|成文日期|(?:^|[^发布集取问新])时间:)[:]?(?P<y>\\d{4})"
                       "[-/.年](?P<m>\\d{1,2})[-/.月](?P<d>\\d{1,2})",
                       0),
            0u);
  EXPECT_EQ(std::string(RulePattern("published_html_meta")).rfind("<meta", 0), 0u);
}

TEST(ReportRulesTest, RuleIdsAreUnique) {
  EXPECT_EQ(SpecIds().size(), ReportRuleSpecs().size());
}

TEST(ReportRulesTest, EveryRuleHasTwoPositivesAndOneNegative) {
  std::map<std::string, int> positives, negatives;
  for (const RuleCase& c : Cases()) (c.match ? positives : negatives)[c.rule]++;
  for (const RuleSpec& spec : ReportRuleSpecs()) {
    EXPECT_GE(positives[spec.id], 2) << "rule " << spec.id << " needs 2 positive examples";
    EXPECT_GE(negatives[spec.id], 1) << "rule " << spec.id << " needs a negative example";
  }
}

TEST(ReportRulesTest, EveryCaseNamesARule) {
  const std::set<std::string> ids = SpecIds();
  for (const RuleCase& c : Cases()) EXPECT_TRUE(ids.count(c.rule)) << "unknown rule " << c.rule;
}

TEST(ReportRulesTest, ExamplesMatchAsExpected) {
  const std::set<std::string> ids = SpecIds();
  for (const RuleCase& c : Cases()) {
    if (!ids.count(c.rule)) continue;  // reported by EveryCaseNamesARule
    const std::string input = Input(c);
    EXPECT_EQ(RE2::PartialMatch(input, Rule(c.rule)), c.match)
        << c.rule << (c.match ? " should match " : " should not match ") << input;
  }
}

TEST(ReportRulesTest, TitleCapturesOrganAndYear) {
  struct Case {
    const char* text;
    const char* organ;
    const char* year;  // from whichever group holds it
  };
  const Case cases[] = {
      {"舟山市人民政府政府信息公开工作年度报告(2020年度)", "舟山市人民政府", "2020"},
      {"平潭综合实验区2021年度政府信息公开工作年度报告", "平潭综合实验区", "2021"},
      {"沭阳县发展和改革局2023年政府信息公开年度报告", "沭阳县发展和改革局", "2023"},
      {"2025年上海市人民政府办公厅政府信息公开工作年度报告", "上海市人民政府办公厅", "2025"},
  };
  for (const Case& c : cases) {
    std::string lead, organ, year, year2;
    ASSERT_TRUE(RE2::PartialMatch(NormalizeForMatch(c.text), Rule("title"), &lead, &organ,
                                  &year, &year2))
        << c.text;
    EXPECT_EQ(organ, c.organ) << c.text;
    std::string y = !lead.empty() ? lead : !year.empty() ? year : year2;
    EXPECT_EQ(y.substr(0, 4), c.year) << c.text;
  }
}

TEST(ReportRulesTest, DateRulesCaptureYearMonthDay) {
  struct Case {
    const char* rule;
    const char* text;
    const char* y;
    const char* m;
    const char* d;
  };
  const Case cases[] = {
      {"published_label", "发布日期:2021-01-28 浏览次数:", "2021", "01", "28"},
      {"published_label", "发布时间: 2022-02-08 16:34", "2022", "02", "08"},
      {"published_label", "公开日期2024-01-17", "2024", "01", "17"},
      {"published_html_meta", R"(<meta name="PubDate" content="2024-03-08 15:34"/>)", "2024",
       "03", "08"},
      {"date_line", "(2026年1月23日)", "2026", "1", "23"},
  };
  for (const Case& c : cases) {
    std::string input = RunsOnRawPage(c.rule) ? std::string(c.text) : NormalizeForMatch(c.text);
    std::string y, m, d;
    ASSERT_TRUE(RE2::PartialMatch(input, Rule(c.rule), &y, &m, &d)) << c.text;
    EXPECT_EQ(y, c.y) << c.text;
    EXPECT_EQ(m, c.m) << c.text;
    EXPECT_EQ(d, c.d) << c.text;
  }
}

TEST(ReportRulesTest, ProseAndYearRulesCaptureTheNumber) {
  struct Case {
    const char* rule;
    const char* text;
    const char* n;
  };
  const Case cases[] = {
      {"prose_normative_issued", "动态更新本年度制发的规范性文件77件。", "77"},
      {"prose_regulations_issued", "全年主动公开市政府规章 22 件、市政府及市政府办公厅行", "22"},
      {"prose_normative_in_force", "清理并集中发布现行有效行政规范性文件393件", "393"},
      {"year_statistics_period", "数据统计期限自2020年1月1日起至2020年12月31日止", "2020"},
  };
  const std::set<std::string> ids = SpecIds();
  for (const Case& c : cases) {
    ASSERT_TRUE(ids.count(c.rule)) << c.rule;
    std::string n;
    ASSERT_TRUE(RE2::PartialMatch(NormalizeForMatch(c.text), Rule(c.rule), &n)) << c.text;
    EXPECT_EQ(n, c.n) << c.text;
  }
}

}  // namespace
}  // namespace zfxxgk
