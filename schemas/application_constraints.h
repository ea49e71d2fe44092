// Table 三's identities (template data) as constraints over its row slots.
#ifndef ZFXXGK_SCHEMAS_APPLICATION_CONSTRAINTS_H_
#define ZFXXGK_SCHEMAS_APPLICATION_CONSTRAINTS_H_

#include <vector>

#include "schemas/row_resolver.h"
#include "schemas/template.h"

namespace zfxxgk {

// The constraints of spec.identities over `slots`, one slot per
// spec.application_rows entry in order (slot paths "applications.<row key>",
// all with the table's columns): an each-column identity gives one
// constraint per column, an each-row identity one per slot; "@result_leaves"
// stands for the result-leaf rows that were found. They depend only on the
// template and on which of its result-leaf rows were found.
// REQUIRES: !slots.empty(), slots.size() == spec.application_rows.size().
// The reference is valid until the next call on the same thread.
const std::vector<CellConstraint>& ApplicationConstraints(const TemplateSpec& spec,
                                                          const std::vector<RowSlot>& slots);

}  // namespace zfxxgk

#endif  // ZFXXGK_SCHEMAS_APPLICATION_CONSTRAINTS_H_
