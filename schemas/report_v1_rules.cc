#include "schemas/report_v1_rules.h"

#include <re2/re2.h>

#include <cassert>
#include <map>
#include <mutex>

namespace zfxxgk {

const std::vector<RuleSpec>& ReportRuleSpecs() {
  static const std::vector<RuleSpec>* specs = new std::vector<RuleSpec>{
      // Section headings: any numeral (numbering restarts in some reports);
      // the words tell the section, so table-三 row labels 一…四 never match.
      {"section_general_situation", R"re(^(?:#+)?[一二三四五六七八九十]+[、.]总体情况)re",
       "一、总体情况"},
      {"section_active_disclosure",
       R"re(^(?:#+)?[一二三四五六七八九十]+[、.]主动公开政府信息(?:情况)?)re",
       "二、主动公开政府信息情况"},
      {"section_applications",
       R"re(^(?:#+)?[一二三四五六七八九十]+[、.]收到和处理政府信息公开申请(?:情况)?)re",
       "三、收到和处理政府信息公开申请情况"},
      {"section_review_litigation",
       R"re(^(?:#+)?[一二三四五六七八九十]+[、.](?:政府信息公开行政[法]?复议|因政府信息公开(?:工作|申请)?(?:被申请)?(?:行政)?复议)(?:[、和及]?(?:提起)?行政诉讼(?:的)?情况)?)re",
       "四、政府信息公开行政复议、行政诉讼情况 and its variants"},
      {"section_problems_improvements",
       R"re(^(?:#+)?[一二三四五六七八九十]+[、.](?:政府信息公开工作)?存在的主要问题及(?:改进|整改)(?:情况|措施)?)re",
       "五、存在的主要问题及改进情况 / 整改措施"},
      {"section_other_matters", R"re(^(?:#+)?[一二三四五六七八九十]+[、.]其[他它]需要报告的事项)re",
       "六、其他需要报告的事项"},
      {"title",
       R"re((?P<lead>\d{4}年度?)?(?P<organ>[^0-9()]{2,40}?)(?P<year>\d{4}年度?)?(?:政府信息公开|政务公开)(?:工作)?(?:年度报告|年报)(?:\((?P<year2>\d{4})年度?\))?)re",
       "report title: organ, year before or after it"},
      {"published_label",
       R"re((?:发布日期|发布时间|公开日期|成文日期|(?:^|[^发布集取问新])时间:)[:]?(?P<y>\d{4})[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2}))re",
       "date printed with the page: 发布日期/发布时间/公开日期"},
      {"published_html_meta",
       R"re(<meta\s+name="(?:PubDate|pubdate|publishdate)"\s+content="(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2}))re",
       "CMS page metadata <meta name=\"PubDate\">"},
      {"date_line", R"re(^[(]?(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日[)]?$)re",
       "a line holding only a date (under the title or in the signature)"},
      {"prose_received",
       R"re((?:受理|收到|接收)[^。;，,]{0,24}?(?:信息公开申请|依申请信息公开|依申请公开|申请)[^0-9。;]{0,6}?(?P<n>\d+)件)re",
       "受理信息公开申请249件 / 收到政府信息公开申请34件"},
      {"prose_carried_over",
       R"re((?:上年|去年|上年度)结转[^0-9。;，,]{0,16}?(?P<n>\d+)件)re",
       "上年结转政府信息公开申请2件 / 含去年结转申请办理3件"},
      {"prose_carried_forward",
       R"re((?:结转下一?年度?|转下一?年度)[^0-9。;，,]{0,12}?(?P<n>\d+)件)re",
       "转下一年度办理答复的有1件"},
      {"prose_review_total", R"re(行政复议(?:案件)?(?P<n>\d+)件)re",
       "引发行政复议8件 / 行政复议案件2件"},
      {"prose_review_corrected", R"re(被纠正(?P<n>\d+)件)re", "被纠正2件"},
      {"prose_litigation_total", R"re(行政诉讼(?:案件)?(?P<n>\d+)件)re",
       "引发行政诉讼5件 / 行政诉讼案件7件"},
      {"prose_normative_issued",
       R"re((?:本年度?|全年|年内|今年)[^。;，,]{0,12}?制发的?(?:行政)?规范性文件(?P<n>\d+)件)re",
       "本年度制发的规范性文件77件"},
      {"prose_regulations_issued",
       R"re((?:本年度?|全年|年内|今年)[^。;，,0-9]{0,12}?(?:主动公开|制发|制定|出台|发布)的?[^。;，,0-9]{0,10}?规章(?P<n>\d+)件)re",
       "全年主动公开市政府规章22件"},
      {"prose_normative_in_force",
       R"re(现行有效的?(?:行政)?规范性文件(?P<n>\d+)件)re",
       "现行有效行政规范性文件393件"},
      {"year_statistics_period", R"re(统计(?:期限|周期|时限)[^0-9]{0,6}(?P<y>\d{4})年)re",
       "数据统计期限自2020年1月1日"},
  };
  return *specs;
}

namespace {

// One rule, compiled the first time it is asked for: an input compiles only
// the rules its text reaches (one rule costs 4 us to 0.85 ms to compile),
// and a run that reads no report text compiles none.
struct LazyRule {
  const RuleSpec* spec = nullptr;
  std::once_flag once;
  std::unique_ptr<re2::RE2> re;
};

// Id -> rule; the map is built once and never changes, each rule's RE2 is
// made once under its own once_flag (thread-safe, like a static local).
std::map<std::string, LazyRule>& Rules() {
  static auto* rules = [] {
    auto* m = new std::map<std::string, LazyRule>();
    for (const RuleSpec& spec : ReportRuleSpecs()) (*m)[spec.id].spec = &spec;
    return m;
  }();
  return *rules;
}

LazyRule& Find(const std::string& id) {
  auto it = Rules().find(id);
  assert(it != Rules().end());
  return it->second;
}

const re2::RE2& Compile(LazyRule& rule) {
  std::call_once(rule.once, [&rule] {
    rule.re = std::make_unique<re2::RE2>(rule.spec->pattern, re2::RE2::Quiet);
  });
  return *rule.re;
}

}  // namespace

const re2::RE2& Rule(const std::string& id) { return Compile(Find(id)); }

const char* RulePattern(const std::string& id) { return Find(id).spec->pattern; }

std::vector<std::string> BrokenRules() {
  std::vector<std::string> broken;
  for (auto& [id, rule] : Rules()) {
    const re2::RE2& re = Compile(rule);
    if (!re.ok()) broken.push_back(id + ": " + re.error());
  }
  return broken;
}

}  // namespace zfxxgk
