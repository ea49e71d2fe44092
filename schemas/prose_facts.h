// Numbers the report states in its prose about single table cells.
//
// "动态更新本年度制发的规范性文件77件" states issued_count = 77. The mapper
// uses such facts only to choose among the splits of a glued digit run that
// the identities leave open, and only when some split agrees with the
// prose; the choice is recorded as an issue. Rules are the prose_* entries
// of report_v1_rules; the table below maps each to its contract path.
#ifndef ZFXXGK_SCHEMAS_PROSE_FACTS_H_
#define ZFXXGK_SCHEMAS_PROSE_FACTS_H_

#include <string>
#include <vector>

#include "schemas/item_stream.h"

namespace zfxxgk {

struct ProseFact {
  std::string path;     // below "tables.", e.g. "active_disclosure.art20_item1…"
  std::string value;    // the number as printed
  std::string rule_id;  // "prose_normative_issued"
  std::string excerpt;  // the matched text
};

// Facts stated by text items outside tables. A rule that matches several
// different numbers states nothing (the prose is not decisive).
std::vector<ProseFact> ExtractProseFacts(const std::vector<Item>& items,
                                         const std::string& template_name);

}  // namespace zfxxgk

#endif  // ZFXXGK_SCHEMAS_PROSE_FACTS_H_
