#include "schemas/prose_facts.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>

#include "pipeline/icu_segmenter.h"
#include "pipeline/sentence_break.h"
#include "schemas/report_v1_rules.h"

namespace zfxxgk {
namespace {

using Reading = std::vector<std::string>;  // cell paths summed

struct ProseTarget {
  const char* rule_id;
  const char* template_name;  // "" = every template
  std::vector<Reading> readings;
};

// Every prose rule's pattern ends with its number and this unit,
// "(?P<n>\d+)件" (a test holds the table to it): a sentence without a digit
// followed by the unit matches no rule, and the Set does not read it.
constexpr std::string_view kCountUnit = "件";

const std::vector<ProseTarget>& Targets() {
  static const auto* targets = new std::vector<ProseTarget>{
      {"prose_received", "",
       {{"applications.new_received.total"},
        {"applications.new_received.total", "applications.carried_over.total"}}},
      {"prose_carried_over", "", {{"applications.carried_over.total"}}},
      {"prose_carried_forward", "", {{"applications.carried_forward.total"}}},
      {"prose_review_total", "", {{"review_litigation.administrative_review.total"}}},
      {"prose_review_corrected", "", {{"review_litigation.administrative_review.corrected"}}},
      {"prose_litigation_total", "",
       {{"review_litigation.litigation_direct.total",
         "review_litigation.litigation_after_review.total"}}},
      {"prose_normative_issued", "gov_2021",
       {{"active_disclosure.art20_item1.normative_documents.issued_count"}}},
      {"prose_regulations_issued", "gov_2021",
       {{"active_disclosure.art20_item1.regulations.issued_count"}}},
      {"prose_normative_in_force", "gov_2021",
       {{"active_disclosure.art20_item1.normative_documents.in_force_count"}}},
  };
  return *targets;
}

// One RE2::Set of the targets' patterns, built once, that tells in one pass
// over a sentence which rules can match in it. A target's own rule is
// compiled (by Rule) only when some sentence may match it.
struct ProseRules {
  std::unique_ptr<re2::RE2::Set> set;  // null if it failed to build
};

const ProseRules& CompiledProse() {
  static const ProseRules* compiled = [] {
    auto* r = new ProseRules();
    re2::RE2::Options options;
    options.set_log_errors(false);
    auto set = std::make_unique<re2::RE2::Set>(options, re2::RE2::UNANCHORED);
    bool ok = true;
    for (const ProseTarget& t : Targets()) {
      ok = ok && set->Add(RulePattern(t.rule_id), nullptr) >= 0;
    }
    if (ok && set->Compile()) r->set = std::move(set);
    return r;
  }();
  return *compiled;
}

// Whether `text` has an ASCII digit followed by kCountUnit.
bool HasCount(std::string_view text) {
  for (size_t at = text.find(kCountUnit, 1); at != std::string_view::npos;
       at = text.find(kCountUnit, at + 1)) {
    const char c = text[at - 1];
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

// The sentences of `paragraph` that hold a count (HasCount), in order: no
// other sentence can match a prose rule. Each is found around its count
// (SentenceAt); where that needs ICU, the whole paragraph is split by it.
void AppendCountSentences(std::string_view paragraph, std::vector<std::string>& out) {
  const size_t first = out.size();
  size_t covered = 0;  // the end of the last sentence found
  for (size_t at = paragraph.find(kCountUnit, 1); at != std::string_view::npos;
       at = paragraph.find(kCountUnit, at + 1)) {
    const size_t digit = at - 1;
    if (paragraph[digit] < '0' || paragraph[digit] > '9' || digit < covered) continue;
    const std::optional<ByteSpan> s = SentenceAt(paragraph, digit);
    if (!s) {
      out.resize(first);
      for (std::string& sentence : SplitSentences(paragraph)) {
        if (HasCount(sentence)) out.push_back(std::move(sentence));
      }
      return;
    }
    out.emplace_back(paragraph.substr(s->begin, s->end - s->begin));
    covered = s->end;
  }
}

// Whether the text items [begin, end) joined have a count, without joining
// them (a count may straddle two items, or an empty item between them).
bool RunHasCount(const std::vector<Item>& items, size_t begin, size_t end) {
  bool digit_before = false;  // the joined text so far ends with a digit
  for (size_t i = begin; i < end; ++i) {
    const std::string& text = items[i].norm.text;
    if (text.empty()) continue;
    if (HasCount(text) || (digit_before && text.starts_with(kCountUnit))) return true;
    digit_before = text.back() >= '0' && text.back() <= '9';
  }
  return false;
}

// The sentences of the prose that hold a count. The prose is read as runs
// of consecutive text items outside tables, joined: a paragraph that a PDF
// conversion wrapped over several lines reads as one text again. Only runs
// with a count are joined and read.
std::vector<std::string> CountSentences(const std::vector<Item>& items) {
  std::vector<std::string> out;
  std::string paragraph;
  for (size_t begin = 0; begin < items.size();) {
    size_t end = begin;
    while (end < items.size() && items[end].prov.table < 0 && !items[end].is_value) ++end;
    if (end > begin && RunHasCount(items, begin, end)) {
      paragraph.clear();
      for (size_t i = begin; i < end; ++i) paragraph += items[i].norm.text;
      AppendCountSentences(paragraph, out);
    }
    begin = end + 1;
  }
  return out;
}

// Which targets may match each sentence (each holds a count): the Set's
// answer, or every target when the Set is unavailable or its DFA gave up.
// Entry s * Targets().size() + t: target t in sentence s (one table, not one
// vector per sentence).
std::vector<char> Candidates(const std::vector<std::string>& sentences) {
  const ProseRules& prose = CompiledProse();
  const size_t n = Targets().size();
  std::vector<char> out(sentences.size() * n, prose.set == nullptr);
  if (prose.set == nullptr) return out;
  std::vector<int> hits;
  for (size_t s = 0; s < sentences.size(); ++s) {
    re2::RE2::Set::ErrorInfo error;
    // Yes or no first: without a vector of hits the set allocates nothing.
    if (!prose.set->Match(sentences[s], nullptr, &error) &&
        error.kind == re2::RE2::Set::kNoError) {
      continue;
    }
    if (prose.set->Match(sentences[s], &hits, &error)) {
      for (int h : hits) out[s * n + static_cast<size_t>(h)] = true;
    } else if (error.kind != re2::RE2::Set::kNoError) {
      std::fill_n(out.begin() + static_cast<std::ptrdiff_t>(s * n), n, true);
    }
  }
  return out;
}

std::string Quote(const std::string& sentence) {
  constexpr size_t kMax = 240;  // bytes; cut on a UTF-8 boundary
  if (sentence.size() <= kMax) return sentence;
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(sentence[cut]) & 0xC0) == 0x80) --cut;
  return sentence.substr(0, cut) + "…";
}

// The cells the statements' readings name, found in one pass over the
// report's cells (a report states a handful; indexing every cell cost more
// than the lookups). When a path occurs more than once the last occurrence
// counts, as for CellIndex.
class StatedCells {
 public:
  StatedCells(const std::vector<ProseStatement>& found, const ReportV1& report) {
    for (const ProseStatement& st : found) {
      for (const Reading& r : Targets()[st.target].readings) {
        for (const std::string& p : r) {
          if (Slot(p) == nullptr) cells_.push_back({p, nullptr});
        }
      }
    }
    for (const auto& [path, cell] : report.cells) {
      if (const CellOut** slot = Slot(path)) *slot = &cell;
    }
  }
  // The cell at `path` (one of the readings' paths), or null.
  const CellOut* Find(std::string_view path) {
    const CellOut** slot = Slot(path);
    return slot != nullptr ? *slot : nullptr;
  }

 private:
  const CellOut** Slot(std::string_view path) {
    for (auto& [p, cell] : cells_) {
      if (p == path) return &cell;
    }
    return nullptr;
  }
  std::vector<std::pair<std::string_view, const CellOut*>> cells_;
};

// Sum of a reading's cells, or nullopt (with the unusable paths) when a
// cell has no number.
std::optional<double> Sum(const Reading& r, StatedCells& cells,
                          std::string* unusable) {
  double sum = 0;
  bool ok = true;
  for (const std::string& p : r) {
    const CellOut* c = cells.Find(p);
    if (c != nullptr && c->value) {
      sum += *c->value;
      continue;
    }
    ok = false;
    *unusable += (unusable->empty() ? "" : ", ") + p;
  }
  return ok ? std::optional<double>(sum) : std::nullopt;
}

std::string Join(const Reading& r) {
  std::string s;
  for (const std::string& p : r) s += (s.empty() ? "" : " + ") + p;
  return s;
}

void CheckStatement(const ProseTarget& t, const ProseStatement& st, const std::string& sentence,
                    StatedCells& cells, ReportV1& report) {
  double stated = std::atof(st.value.c_str());
  CheckOut check{"P.1", Join(t.readings[0]), "not_checkable", stated, std::nullopt, ""};
  // pass: one reading agrees; fail: every reading is checkable and none
  // agrees; otherwise not_checkable.
  std::string unusable;
  bool any_unusable = false;
  for (const Reading& r : t.readings) {
    std::optional<double> sum = Sum(r, cells, &unusable);
    any_unusable = any_unusable || !sum;
    if (!sum || check.status == "pass") continue;
    check.rhs = sum;
    check.where = Join(r);
    check.status = std::fabs(*sum - stated) < 1e-9 ? "pass" : "fail";
  }
  if (check.status == "fail" && any_unusable) check.status = "not_checkable";
  if (check.status == "not_checkable") check.rhs.reset();  // no table side to compare
  check.note = "prose (" + std::string(t.rule_id) + "): " + Quote(sentence);
  if (check.status == "not_checkable") check.note += "; cells without a number: " + unusable;
  if (check.status == "fail") {
    report.issues.push_back({Severity::kWarning, "prose_disagrees",
                             "P.1: the prose states " + st.value + " but " + check.where +
                                 " is " + std::to_string(static_cast<long long>(*check.rhs)) +
                                 ": " + Quote(sentence)});
  }
  report.checks.push_back(std::move(check));
}

bool Applies(const ProseTarget& t, const std::string& template_name) {
  return std::string(t.template_name).empty() || template_name == t.template_name;
}

}  // namespace

ProseStatements FindProseStatements(const std::vector<Item>& items,
                                    const std::string& template_name) {
  ProseStatements out;
  out.sentences = CountSentences(items);
  const std::vector<char> candidates = Candidates(out.sentences);
  for (size_t t = 0; t < Targets().size(); ++t) {
    if (!Applies(Targets()[t], template_name)) continue;
    const re2::RE2* rule = nullptr;  // compiled at its first candidate sentence
    for (size_t s = 0; s < out.sentences.size(); ++s) {
      if (!candidates[s * Targets().size() + t]) continue;
      if (rule == nullptr) rule = &Rule(Targets()[t].rule_id);
      re2::StringPiece input(out.sentences[s]);
      std::string n;
      while (RE2::FindAndConsume(&input, *rule, &n)) out.found.push_back({t, n, s});
    }
  }
  return out;
}

std::vector<ProseFact> ExtractProseFacts(const ProseStatements& statements) {
  std::vector<ProseFact> facts;
  const std::vector<ProseStatement>& found = statements.found;
  for (size_t b = 0, e = 0; b < found.size(); b = e) {
    const ProseTarget& t = Targets()[found[b].target];
    bool agree = true;
    for (e = b; e < found.size() && found[e].target == found[b].target; ++e) {
      agree = agree && found[e].value == found[b].value;
    }
    if (!agree || t.readings.size() != 1 || t.readings[0].size() != 1) continue;
    facts.push_back({t.readings[0][0], found[b].value, t.rule_id,
                     Quote(statements.sentences[found[b].sentence])});
  }
  return facts;
}

std::vector<ProseFact> ExtractProseFacts(const std::vector<Item>& items,
                                         const std::string& template_name) {
  return ExtractProseFacts(FindProseStatements(items, template_name));
}

void CheckProse(const ProseStatements& statements, ReportV1& report) {
  if (statements.found.empty()) return;
  StatedCells cells(statements.found, report);
  for (const ProseStatement& st : statements.found) {
    CheckStatement(Targets()[st.target], st, statements.sentences[st.sentence], cells, report);
  }
}

void CheckProse(const std::vector<Item>& items, const std::string& template_name,
                ReportV1& report) {
  CheckProse(FindProseStatements(items, template_name), report);
}

}  // namespace zfxxgk
