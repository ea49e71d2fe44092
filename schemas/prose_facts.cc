#include "schemas/prose_facts.h"

#include <re2/re2.h>

#include "schemas/report_v1_rules.h"

namespace zfxxgk {
namespace {

struct ProseTarget {
  const char* rule_id;
  const char* template_name;
  const char* path;
};

constexpr ProseTarget kTargets[] = {
    {"prose_normative_issued", "gov_2021",
     "active_disclosure.art20_item1.normative_documents.issued_count"},
    {"prose_normative_in_force", "gov_2021",
     "active_disclosure.art20_item1.normative_documents.in_force_count"},
};

// All numbers one rule finds in the prose; empty excerpt when none.
std::vector<std::pair<std::string, std::string>> Matches(const std::vector<Item>& items,
                                                         const re2::RE2& re) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Item& item : items) {
    if (item.prov.table >= 0 || item.is_value) continue;
    re2::StringPiece input(item.norm.text);
    re2::StringPiece whole;
    std::string n;
    while (re.Match(input, 0, input.size(), re2::RE2::UNANCHORED, &whole, 1)) {
      if (RE2::PartialMatch(whole, re, &n)) out.emplace_back(n, std::string(whole));
      input.remove_prefix(whole.data() + whole.size() - input.data());
      if (whole.empty()) break;
    }
  }
  return out;
}

}  // namespace

std::vector<ProseFact> ExtractProseFacts(const std::vector<Item>& items,
                                         const std::string& template_name) {
  std::vector<ProseFact> facts;
  for (const ProseTarget& t : kTargets) {
    if (template_name != t.template_name) continue;
    auto found = Matches(items, Rule(t.rule_id));
    if (found.empty()) continue;
    bool agree = true;
    for (const auto& f : found) agree = agree && f.first == found[0].first;
    if (agree) facts.push_back({t.path, found[0].first, t.rule_id, found[0].second});
  }
  return facts;
}

}  // namespace zfxxgk
