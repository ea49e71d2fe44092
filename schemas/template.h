// The national report template as data, one table per version.
//
// Labels, aliases, column orders and identities of gov_2019 and gov_2021
// live here and nowhere else: the mapper finds rows by these aliases, the
// checker evaluates these identities, and the tests iterate over them. A new
// label variant seen in the wild is a new alias string, not new code.
//
// Aliases are written in NormalizeForMatch form (NFKC, no white space, no
// quote marks, 其它 folded to 其他) and without the row's numbering
// ("1.", "（一）"), except where the numbering is what tells the row apart
// (("七)总计" vs the 总计 column header).
#ifndef ZFXXGK_SCHEMAS_TEMPLATE_H_
#define ZFXXGK_SCHEMAS_TEMPLATE_H_

#include <string>
#include <utility>
#include <vector>

namespace zfxxgk {

struct ColumnSpec {
  std::string key;                   // "natural_person"
  std::string label;                 // "自然人" as in the template
  bool decimal = false;              // an amount that may have decimals
};

struct RowSpec {
  RowSpec(std::string k, std::vector<std::string> a, bool leaf = false, std::string alt = "")
      : key(std::move(k)), aliases(std::move(a)), result_leaf(leaf),
        alternative_of(std::move(alt)) {}

  std::string key;                   // path below the table: "results.withheld.state_secret"
  std::vector<std::string> aliases;  // normalised label variants
  bool result_leaf = false;          // table 三: summed into （七）总计 (T3.2)
  // Table 三 （六）: a report may print one row where the version has three;
  // `alternative_of` names the group whose leaves this row replaces.
  std::string alternative_of;
};

// One sub-table of table 二 (a 第二十条第（N）项 block).
struct SubTableSpec {
  std::string key;                   // "art20_item1"
  std::vector<std::string> captions; // normalised caption variants
  std::vector<ColumnSpec> columns;
  std::vector<RowSpec> rows;
};

// An identity (勾稽关系) as data: lhs sum == rhs sum, evaluated for every
// column (table 三 rows given), every row (columns given), or every group of
// table 四 (fields given).
struct IdentitySpec {
  enum class Axis { kEachColumn, kEachRow, kEachGroup };
  std::string id;                    // "T3.1"
  Axis axis = Axis::kEachColumn;
  std::vector<std::string> lhs;      // row keys, column keys or field keys
  std::vector<std::string> rhs;      // "@result_leaves" = every result leaf row
  std::string description;
};

struct TemplateSpec {
  std::string name;                  // "gov_2019"
  // Content markers: normalised strings whose presence votes for this version.
  std::vector<std::string> markers;
  std::vector<SubTableSpec> active_disclosure;     // table 二
  std::vector<ColumnSpec> application_columns;     // table 三 columns
  std::vector<RowSpec> application_rows;           // table 三 rows, in order
  std::vector<std::string> application_anchors;    // text that starts table 三
  std::vector<std::string> review_groups;          // table 四 groups
  std::vector<std::string> review_fields;          // per group, in order
  std::vector<std::string> review_header_words;    // table 四 header texts
  std::vector<std::string> review_anchors;         // text that starts table 四
  std::vector<IdentitySpec> identities;
  // Label cells as the official template prints them where that is more
  // than any alias (qualifiers, a note row); NormalizeForMatch form, no
  // numbering. Only the OCR reads them (TemplateLabels); the mapper does not.
  std::vector<std::string> printed_labels;
};

// The two versions of the national template. Never null; static lifetime.
const TemplateSpec& Gov2019Template();
const TemplateSpec& Gov2021Template();

// Every label of both versions with its variants: one group per row (its
// aliases), and one per caption, column label, anchor, table 四 header word
// and printed label. The OCR reads long label cells against them
// (pipeline/label_set.h).
std::vector<std::vector<std::string>> TemplateLabels();

}  // namespace zfxxgk

#endif  // ZFXXGK_SCHEMAS_TEMPLATE_H_
