// Template tables for gov_2019 (国办公开办函〔2019〕60号) and gov_2021
// (国办公开办函〔2021〕30号). See template.h for the alias conventions.
#include "schemas/template.h"

#include <algorithm>

namespace zfxxgk {
namespace {

using Axis = IdentitySpec::Axis;

std::vector<std::string> Captions(const std::string& numeral) {
  return {"第二十条第(" + numeral + ")项", "第二十条第" + numeral + "项"};
}

std::vector<ColumnSpec> ApplicationColumns() {
  return {{"natural_person", "自然人"},        {"commercial_enterprise", "商业企业"},
          {"research_institution", "科研机构"}, {"social_welfare_org", "社会公益组织"},
          {"legal_service_org", "法律服务机构"}, {"other_org", "其他"},
          {"total", "总计"}};
}

RowSpec Leaf(std::string key, std::vector<std::string> aliases) {
  return RowSpec{std::move(key), std::move(aliases), true, ""};
}

// Table 三 rows up to and including （五）不予处理; both versions share them.
std::vector<RowSpec> ApplicationRowsHead() {
  return {
      {"new_received", {"本年新收政府信息公开申请数量", "本年新收"}, false, ""},
      {"carried_over", {"上年结转政府信息公开申请数量", "上年结转"}, false, ""},
      Leaf("results.granted", {"予以公开"}),
      Leaf("results.partially_granted", {"部分公开"}),
      Leaf("results.withheld.state_secret", {"属于国家秘密"}),
      Leaf("results.withheld.prohibited_by_law",
           {"其他法律行政法规禁止公开", "其他法律行政止公开", "法律行政法规禁止公开"}),
      Leaf("results.withheld.security_stability", {"危及三安全一稳定", "三安全一稳定"}),
      Leaf("results.withheld.third_party_rights", {"保护第三方合法权益"}),
      Leaf("results.withheld.internal_affairs", {"属于三类内部事务信息", "三类内部事务信息"}),
      Leaf("results.withheld.process_information", {"属于四类过程性信息", "四类过程性信息"}),
      Leaf("results.withheld.enforcement_case_file", {"属于行政执法案卷", "行政执法案卷"}),
      Leaf("results.withheld.administrative_query", {"属于行政查询事项", "行政查询事项"}),
      Leaf("results.unable_to_provide.not_held", {"本机关不掌握相关政府信息"}),
      Leaf("results.unable_to_provide.needs_creation", {"没有现成信息需要另行制作"}),
      Leaf("results.unable_to_provide.unclear_after_correction",
           {"补正后申请内容仍不明确"}),
      Leaf("results.not_processed.petition_complaint", {"信访举报投诉类申请"}),
      Leaf("results.not_processed.duplicate", {"重复申请"}),
      Leaf("results.not_processed.publication", {"要求提供公开出版物"}),
      Leaf("results.not_processed.excessive_repeat", {"无正当理由大量反复申请"}),
      Leaf("results.not_processed.confirm_or_reissue",
           {"要求行政机关确认或重新出具已获取信息"}),
  };
}

std::vector<RowSpec> ApplicationRowsTail() {
  return {{"results.total", {"(七)总计"}, false, ""},
          {"carried_forward", {"结转下年度继续办理"}, false, ""}};
}

std::vector<IdentitySpec> Identities() {
  return {
      {"T3.1", Axis::kEachColumn, {"new_received", "carried_over"},
       {"results.total", "carried_forward"},
       "新收 + 上年结转 = （七）总计 + 结转下年度"},
      {"T3.2", Axis::kEachColumn, {"results.total"}, {"@result_leaves"},
       "（七）总计 = sum of the result rows"},
      {"T3.3", Axis::kEachRow, {"total"},
       {"natural_person", "commercial_enterprise", "research_institution",
        "social_welfare_org", "legal_service_org", "other_org"},
       "总计 = sum of the six applicant columns"},
      {"T4", Axis::kEachGroup, {"total"}, {"upheld", "corrected", "other", "pending"},
       "总计 = 维持 + 纠正 + 其他 + 尚未审结"},
  };
}

void FillShared(TemplateSpec& t) {
  t.application_columns = ApplicationColumns();
  t.application_anchors = {"本年新收政府信息公开申请数量", "本年新收", "申请人情况"};
  t.review_groups = {"administrative_review", "litigation_direct", "litigation_after_review"};
  t.review_fields = {"upheld", "corrected", "other", "pending", "total"};
  // Header words, and the fragments a lossy conversion splits them into.
  t.review_header_words = {"行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉",
                           "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
                           "维持", "纠正", "结果", "审结", "尚未", "其他"};
  t.review_anchors = {"结果维持", "复议后起诉"};
  t.identities = Identities();
  t.printed_labels = {"部分公开(区分处理的,只计这一情形,不计其他情形)"};
}

TemplateSpec Make2019() {
  TemplateSpec t;
  t.name = "gov_2019";
  t.markers = {"本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量",
               "本年增/减", "第二十条第(九)项", "采购总金额"};
  std::vector<ColumnSpec> items = {{"prev_year_item_count", "上一年项目数量"},
                                   {"item_change", "本年增/减"},
                                   {"decisions_count", "处理决定数量"}};
  t.active_disclosure = {
      {"art20_item1", Captions("一"),
       {{"newly_made_count", "本年新制作数量"}, {"newly_published_count", "本年新公开数量"},
        {"published_total_count", "对外公开总数量"}},
       {{"regulations", {"规章"}}, {"normative_documents", {"规范性文件"}}}},
      {"art20_item5", Captions("五"), items,
       {{"administrative_licensing", {"行政许可"}},
        {"other_external_services", {"其他对外管理服务事项", "对外管理服务事项"}}}},
      {"art20_item6", Captions("六"), items,
       {{"administrative_penalty", {"行政处罚"}}, {"administrative_coercion", {"行政强制"}}}},
      {"art20_item8", Captions("八"),
       {{"prev_year_item_count", "上一年项目数量"}, {"item_change", "本年增/减"}},
       {{"administrative_fees", {"行政事业性收费"}}}},
      {"art20_item9", Captions("九"),
       {{"procurement_project_count", "采购项目数量"}, {"procurement_total_amount", "采购总金额", true}},
       {{"centralized_procurement", {"政府集中采购"}}}},
  };
  t.application_rows = ApplicationRowsHead();
  t.application_rows.push_back(Leaf("results.other_handling.total", {"(六)其他处理"}));
  for (RowSpec& r : ApplicationRowsTail()) t.application_rows.push_back(r);
  FillShared(t);
  return t;
}

TemplateSpec Make2021() {
  TemplateSpec t;
  t.name = "gov_2021";
  t.markers = {"本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额",
               "本年处理决定数量"};
  std::vector<ColumnSpec> decisions = {{"decisions_count", "本年处理决定数量"}};
  t.active_disclosure = {
      {"art20_item1", Captions("一"),
       {{"issued_count", "本年制发件数"}, {"repealed_count", "本年废止件数"},
        {"in_force_count", "现行有效件数"}},
       {{"regulations", {"规章"}}, {"normative_documents", {"规范性文件"}}}},
      {"art20_item5", Captions("五"), decisions, {{"administrative_licensing", {"行政许可"}}}},
      {"art20_item6", Captions("六"), decisions,
       {{"administrative_penalty", {"行政处罚"}}, {"administrative_coercion", {"行政强制"}}}},
      {"art20_item8", Captions("八"), {{"fee_amount_wan_yuan", "本年收费金额(单位:万元)", true}},
       {{"administrative_fees", {"行政事业性收费"}}}},
  };
  t.application_rows = ApplicationRowsHead();
  RowSpec single = Leaf("results.other_handling.total", {"(六)其他处理"});
  single.alternative_of = "results.other_handling";
  t.application_rows.push_back(single);
  t.application_rows.push_back(Leaf("results.other_handling.no_correction",
                                    {"申请人无正当理由逾期不补正"}));
  t.application_rows.push_back(Leaf("results.other_handling.fee_unpaid",
                                    {"申请人逾期未按收费通知要求缴纳费用"}));
  t.application_rows.push_back(Leaf("results.other_handling.other",
                                    {"3.其他", "3、其他", "(三)其他"}));
  for (RowSpec& r : ApplicationRowsTail()) t.application_rows.push_back(r);
  FillShared(t);
  for (const char* label : {"申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                            "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                            "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)"}) {
    t.printed_labels.push_back(label);
  }
  return t;
}

void AddLabels(const TemplateSpec& t, std::vector<std::vector<std::string>>& out) {
  auto each = [&out](const std::vector<std::string>& texts) {
    for (const std::string& text : texts) out.push_back({text});
  };
  for (const SubTableSpec& sub : t.active_disclosure) {
    each(sub.captions);
    for (const ColumnSpec& c : sub.columns) out.push_back({c.label});
    for (const RowSpec& r : sub.rows) out.push_back(r.aliases);
  }
  for (const ColumnSpec& c : t.application_columns) out.push_back({c.label});
  for (const RowSpec& r : t.application_rows) out.push_back(r.aliases);
  each(t.application_anchors);
  each(t.review_header_words);
  each(t.review_anchors);
  each(t.printed_labels);
}

}  // namespace

const TemplateSpec& Gov2019Template() {
  static const TemplateSpec* t = new TemplateSpec(Make2019());
  return *t;
}

const TemplateSpec& Gov2021Template() {
  static const TemplateSpec* t = new TemplateSpec(Make2021());
  return *t;
}

std::vector<std::vector<std::string>> TemplateLabels() {
  std::vector<std::vector<std::string>> labels;
  AddLabels(Gov2019Template(), labels);
  AddLabels(Gov2021Template(), labels);
  std::sort(labels.begin(), labels.end());
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
  return labels;
}

}  // namespace zfxxgk
