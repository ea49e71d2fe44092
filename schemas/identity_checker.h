// The template's identities (勾稽关系) evaluated on a mapped report.
//
// Driven by TemplateSpec::identities (data, not code): T3.1 and T3.2 for
// every column of table 三, T3.3 for every row, T4.1–T4.3 for the groups of
// table 四. Values are taken as printed — a failing identity is reported,
// never "fixed". A blank, dash, "/" or missing cell makes the identity
// not_checkable; the note then says which cells, and what the identity gives
// when those cells count as 0 (the lenient reading auditors also want).
#ifndef ZFXXGK_SCHEMAS_IDENTITY_CHECKER_H_
#define ZFXXGK_SCHEMAS_IDENTITY_CHECKER_H_

#include <vector>

#include "schemas/report_v1.h"
#include "schemas/template.h"

namespace zfxxgk {

// Appends one CheckOut per identity instance to report.checks, and a
// warning issue per failing identity.
void CheckIdentities(const TemplateSpec& spec, ReportV1& report);

}  // namespace zfxxgk

#endif  // ZFXXGK_SCHEMAS_IDENTITY_CHECKER_H_
