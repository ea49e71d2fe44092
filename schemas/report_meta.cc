#include "schemas/report_meta.h"

#include <re2/re2.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "schemas/report_v1_rules.h"

namespace zfxxgk {
namespace {

constexpr size_t kHeadItems = 400;  // metadata lives near the top

bool InTable(const Item& item) { return item.prov.table >= 0; }

std::string FormatDate(const std::string& y, const std::string& m, const std::string& d) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", std::atoi(y.c_str()) % 10000,
                std::atoi(m.c_str()) % 100, std::atoi(d.c_str()) % 100);
  return buf;
}

bool MatchDate(const std::string& text, const std::string& rule, std::string* date) {
  std::string y, m, d;
  if (!RE2::PartialMatch(text, Rule(rule), &y, &m, &d)) return false;
  *date = FormatDate(y, m, d);
  return true;
}

// Index of the title item, or -1. A title wrapped over two lines is joined.
int FindTitle(const std::vector<Item>& items, std::string* title) {
  for (size_t i = 0; i < items.size() && i < kHeadItems; ++i) {
    if (items[i].is_value) continue;
    std::string text = items[i].norm.text;
    if (text.size() > 300) continue;  // a paragraph, not a title
    if (i + 1 < items.size() && !RE2::PartialMatch(text, Rule("title")) &&
        items[i + 1].norm.text.size() < 60) {
      text += items[i + 1].norm.text;  // "…政府信息公开" + "工作年度报告"
    }
    re2::StringPiece match;
    if (Rule("title").Match(text, 0, text.size(), RE2::UNANCHORED, &match, 1)) {
      *title = std::string(match.data(), match.size());
      return static_cast<int>(i);
    }
  }
  return -1;
}

void ParseTitle(ReportMeta& meta) {
  std::string lead, organ, year, year2;
  if (!RE2::PartialMatch(meta.title, Rule("title"), &lead, &organ, &year, &year2)) return;
  for (const char* prefix : {"标题:", "标题", "正文"}) {
    if (organ.rfind(prefix, 0) == 0) organ = organ.substr(std::string(prefix).size());
  }
  while (!organ.empty() && (organ[0] == '#' || organ[0] == ':')) organ.erase(0, 1);
  meta.organ = organ;
  std::string y = !lead.empty() ? lead : !year.empty() ? year : year2;
  if (!y.empty()) meta.year = std::atoi(y.substr(0, 4).c_str());
  if (meta.title.rfind("标题:", 0) == 0) meta.title = meta.title.substr(7);
}

std::string FindPublished(const std::vector<Item>& items, int title_index,
                          std::string_view utf8) {
  std::string date, head;
  for (size_t i = 0; i < items.size() && i < kHeadItems; ++i) {
    head += items[i].norm.text;
    head += '\n';
  }
  if (MatchDate(head, "published_label", &date)) return date;
  std::string page(utf8.substr(0, std::min<size_t>(utf8.size(), 65536)));
  if (MatchDate(page, "published_html_meta", &date)) return date;
  for (int i = title_index + 1; title_index >= 0 && i <= title_index + 3; ++i) {
    if (i < static_cast<int>(items.size()) && MatchDate(items[i].norm.text, "date_line", &date)) {
      return date;
    }
  }
  for (size_t k = 0; k < 12 && k < items.size(); ++k) {
    const Item& item = items[items.size() - 1 - k];
    if (!InTable(item) && MatchDate(item.norm.text, "date_line", &date)) return date;
  }
  return "";
}

}  // namespace

ReportMeta ExtractMeta(const std::vector<Item>& items, std::string_view utf8) {
  ReportMeta meta;
  int title_index = FindTitle(items, &meta.title);
  ParseTitle(meta);
  if (!meta.year) {
    for (const Item& item : items) {
      std::string y;
      if (RE2::PartialMatch(item.norm.text, Rule("year_statistics_period"), &y)) {
        meta.year = std::atoi(y.c_str());
        break;
      }
    }
  }
  meta.published = FindPublished(items, title_index, utf8);
  return meta;
}

const TemplateSpec* DetectTemplate(const std::vector<Item>& items) {
  int votes2019 = 0, votes2021 = 0;
  for (const Item& item : items) {
    for (const std::string& m : Gov2019Template().markers) {
      votes2019 += item.norm.text.find(m) != std::string::npos;
    }
    for (const std::string& m : Gov2021Template().markers) {
      votes2021 += item.norm.text.find(m) != std::string::npos;
    }
  }
  if (votes2019 == 0 && votes2021 == 0) return nullptr;
  return votes2021 >= votes2019 ? &Gov2021Template() : &Gov2019Template();
}

std::vector<SectionOut> ExtractSections(const std::vector<Item>& items) {
  static const char* kKeys[] = {"general_situation", "active_disclosure", "applications",
                                "review_litigation", "problems_improvements", "other_matters"};
  std::vector<SectionOut> sections{{"preamble", "", ""}};
  size_t next = 0;  // sections come in order; table-三 rows 一…四 never match
  for (const Item& item : items) {
    if (InTable(item) || item.is_value) continue;
    bool heading = false;
    for (size_t k = next; k < 6 && !heading; ++k) {
      if (RE2::PartialMatch(item.norm.text, Rule(std::string("section_") + kKeys[k])) &&
          item.norm.text.size() < 120) {
        sections.push_back({kKeys[k], item.raw, ""});
        next = k + 1;
        heading = true;
      }
    }
    if (heading) continue;
    std::string& text = sections.back().text;
    if (!text.empty()) text += "\n";
    text += item.raw;
  }
  return sections;
}

}  // namespace zfxxgk
