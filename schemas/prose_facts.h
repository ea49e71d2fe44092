// What the report's prose states about its tables (P.1).
//
// "全年共受理信息公开申请249件(含去年结转申请办理3件)" states numbers that
// table cells must agree with. Each prose_* rule of report_v1_rules maps to
// one or more readings: sums of contract cells ("受理" counts either the new
// applications or new + carried over, depending on the writer). Two uses:
//  - ExtractProseFacts: statements about exactly one cell, which the mapper
//    may use to choose among splits of a glued digit run (only when some
//    split agrees; the choice is recorded);
//  - CheckProse: every statement compared with the table (checks "P.1"); a
//    mismatch is a warning quoting the sentence.
// Both read the same statements: FindProseStatements finds the prose
// sentences that can state a number and runs the rules once per report.
#ifndef ZFXXGK_SCHEMAS_PROSE_FACTS_H_
#define ZFXXGK_SCHEMAS_PROSE_FACTS_H_

#include <string>
#include <vector>

#include "schemas/item_stream.h"
#include "schemas/report_v1.h"

namespace zfxxgk {

struct ProseFact {
  std::string path;     // below "tables.", e.g. "active_disclosure.art20_item1…"
  std::string value;    // the number as printed
  std::string rule_id;  // "prose_normative_issued"
  std::string excerpt;  // the sentence that states it
};

// Every number a prose rule states in the text items outside tables, with
// its sentence, for the rules that apply to the template. Every rule ends
// with a number and the unit 件 (a test holds the table to it), so only the
// sentences with a digit followed by 件 are read: found around that count
// (pipeline/sentence_break), they are the sentences SplitSentences gives.
// One RE2::Set pass per sentence tells which rules can match it; only those
// are run.
struct ProseStatement {
  size_t target = 0;    // index into the prose rule table (prose_facts.cc)
  std::string value;    // the number as printed
  size_t sentence = 0;  // index into ProseStatements::sentences
};
struct ProseStatements {
  std::vector<std::string> sentences;  // those with a count, in text order
  std::vector<ProseStatement> found;  // by rule (table order), then sentence
};
ProseStatements FindProseStatements(const std::vector<Item>& items,
                                    const std::string& template_name);

// Single-cell statements by text items outside tables. A rule that states
// several different numbers states nothing (the prose is not decisive).
std::vector<ProseFact> ExtractProseFacts(const ProseStatements& statements);
std::vector<ProseFact> ExtractProseFacts(const std::vector<Item>& items,
                                         const std::string& template_name);

// Appends one "P.1" check per prose statement (pass when the table agrees
// with one of the statement's readings; not_checkable when a cell involved
// has no number) and a "prose_disagrees" warning per failure.
void CheckProse(const ProseStatements& statements, ReportV1& report);
void CheckProse(const std::vector<Item>& items, const std::string& template_name,
                ReportV1& report);

}  // namespace zfxxgk

#endif  // ZFXXGK_SCHEMAS_PROSE_FACTS_H_
