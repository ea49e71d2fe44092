// Named RE2 rules for report text: section headings, titles and dates.
//
// Each rule is a table entry {id, pattern, description}, compiled once with
// RE2::Quiet. Patterns run on NormalizeForMatch text (NFKC, no white space).
#ifndef ZFXXGK_SCHEMAS_REPORT_V1_RULES_H_
#define ZFXXGK_SCHEMAS_REPORT_V1_RULES_H_

#include <memory>
#include <string>
#include <vector>

namespace re2 {
class RE2;
}

namespace zfxxgk {

struct RuleSpec {
  const char* id;
  const char* pattern;
  const char* description;
};

// The rule table, in priority order within each family (section_*,
// title, published_*, year_*, date_line).
const std::vector<RuleSpec>& ReportRuleSpecs();

// The compiled rule with this id. REQUIRES: id names a rule of the table.
// Each rule is compiled on its first use (thread-safe); a rule that fails to
// compile aborts in tests (RulesCompile), never silently.
const re2::RE2& Rule(const std::string& id);

// The pattern of the rule with this id, without compiling it (for building
// an RE2::Set of rules). REQUIRES: id names a rule of the table.
const char* RulePattern(const std::string& id);

// Ids of rules whose pattern does not compile (empty when all are fine).
std::vector<std::string> BrokenRules();

}  // namespace zfxxgk

#endif  // ZFXXGK_SCHEMAS_REPORT_V1_RULES_H_
