#include "schemas/report_meta.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

bool MatchDate(std::string_view text, const std::string& rule, std::string* date) {
  std::string y, m, d;
  if (!RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), Rule(rule), &y, &m, &d)) {
    return false;
  }
  *date = FormatDate(y, m, d);
  return true;
}

// Every title rule match holds "公开" (政府信息公开 or 政务公开; a test
// holds the rule to it), and every year_statistics_period match starts with
// "统计": a text without them is not handed to the rule. Likewise every
// published_label match holds 日期 or 时间 (its labels), and every
// published_html_meta match starts with "<meta".
constexpr std::string_view kTitleWord = "公开";
constexpr std::string_view kPeriodWord = "统计";
constexpr std::string_view kDateWords[] = {"日期", "时间"};
constexpr std::string_view kMetaTag = "<meta";

bool Contains(std::string_view text, std::string_view word) {
  return text.find(word) != std::string_view::npos;
}

// Whether `a` + `b` holds `word`, without joining them.
bool JoinedContains(std::string_view a, std::string_view b, std::string_view word) {
  if (Contains(a, word) || Contains(b, word)) return true;
  for (size_t k = 1; k < word.size(); ++k) {
    if (a.ends_with(word.substr(0, k)) && b.starts_with(word.substr(k))) return true;
  }
  return false;
}

// The title rule's match in `text`, if any.
bool MatchTitle(const std::string& text, std::string* title) {
  re2::StringPiece match;
  if (!Contains(text, kTitleWord) ||
      !Rule("title").Match(text, 0, text.size(), RE2::UNANCHORED, &match, 1)) {
    return false;
  }
  *title = std::string(match.data(), match.size());
  return true;
}

// Index of the title item, or -1. A title wrapped over two lines is joined.
int FindTitle(const std::vector<Item>& items, std::string* title) {
  for (size_t i = 0; i < items.size() && i < kHeadItems; ++i) {
    if (items[i].is_value) continue;
    const std::string& text = items[i].norm.text;
    if (text.size() > 300) continue;  // a paragraph, not a title
    if (MatchTitle(text, title)) return static_cast<int>(i);
    if (i + 1 < items.size() && items[i + 1].norm.text.size() < 60 &&
        JoinedContains(text, items[i + 1].norm.text, kTitleWord) &&
        MatchTitle(text + items[i + 1].norm.text, title)) {  // "…政府信息公开" + "工作年度报告"
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

// The published_label date of the head items. The rule runs on each item
// that holds one of its labels: a match cannot span two items (none of its
// parts matches a line break but "(?:^|[^发布集取问新])", which matches at an
// item's start either way), so the first item with a match holds the match
// the rule would find in the head's lines joined.
bool FindPublishedLabel(const std::vector<Item>& items, std::string* date) {
  for (size_t i = 0; i < items.size() && i < kHeadItems; ++i) {
    const std::string& text = items[i].norm.text;
    if ((Contains(text, kDateWords[0]) || Contains(text, kDateWords[1])) &&
        MatchDate(text, "published_label", date)) {
      return true;
    }
  }
  return false;
}

std::string FindPublished(const std::vector<Item>& items, int title_index,
                          std::string_view utf8) {
  std::string date;
  if (FindPublishedLabel(items, &date)) return date;
  const std::string_view page = utf8.substr(0, std::min<size_t>(utf8.size(), 65536));
  if (Contains(page, kMetaTag) && MatchDate(page, "published_html_meta", &date)) return date;
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

// The year of the first year_statistics_period match. Every match starts
// with kPeriodWord, so the rule is tried anchored at each of its
// occurrences in turn: the first that matches starts the leftmost match,
// the one an unanchored search finds, without scanning the rest of the text.
std::optional<int> FindPeriodYear(const std::vector<Item>& items) {
  const re2::RE2* rule = nullptr;
  for (const Item& item : items) {
    const re2::StringPiece text(item.norm.text);
    for (size_t at = item.norm.text.find(kPeriodWord); at != std::string::npos;
         at = item.norm.text.find(kPeriodWord, at + 1)) {
      if (rule == nullptr) rule = &Rule("year_statistics_period");
      re2::StringPiece groups[2];
      if (rule->Match(text, at, text.size(), RE2::ANCHOR_START, groups, 2)) {
        return std::atoi(std::string(groups[1].data(), groups[1].size()).c_str());
      }
    }
  }
  return std::nullopt;
}

}  // namespace

ReportMeta ExtractMeta(const std::vector<Item>& items, std::string_view utf8) {
  ReportMeta meta;
  int title_index = FindTitle(items, &meta.title);
  ParseTitle(meta);
  if (!meta.year) {
    if (std::optional<int> year = FindPeriodYear(items)) meta.year = *year;
  }
  meta.published = FindPublished(items, title_index, utf8);
  return meta;
}

namespace {

// Which of a list of markers occur in a text, found in one pass for all of
// them (Wu-Manber): a window as long as the shortest marker moves by a
// shift looked up by its last two bytes, the least distance at which those
// bytes occur in any marker's first window; only at shift 0 are markers
// compared. In CJK text the window jumps nearly its whole length at most
// positions, where a search per marker walked the text once per marker.
class MarkerScan {
 public:
  explicit MarkerScan(std::vector<std::string> markers);
  size_t size() const { return markers_.size(); }
  // Sets found[k] (of size()) for each marker k that occurs in `text`;
  // whether it set any.
  bool Scan(std::string_view text, std::vector<char>& found) const;

 private:
  static constexpr size_t kBlocks = 1 << 16;  // two-byte blocks
  static constexpr size_t kMaxWindow = 256;   // shifts fit a byte
  static unsigned Block(const char* p) {
    return static_cast<unsigned>(static_cast<unsigned char>(p[0])) << 8 |
           static_cast<unsigned char>(p[1]);
  }
  std::vector<std::string> markers_;
  size_t window_ = 0;  // bytes: at most the shortest marker
  std::vector<unsigned char> shift_;  // by Block, for a window ending there
  std::vector<unsigned> last_block_;  // each marker's block ending its window
};

MarkerScan::MarkerScan(std::vector<std::string> markers) : markers_(std::move(markers)) {
  window_ = kMaxWindow;
  for (const std::string& m : markers_) window_ = std::min(window_, m.size());
  if (window_ < 2) return;  // Scan compares each marker instead
  shift_.assign(kBlocks, static_cast<unsigned char>(window_ - 1));
  for (const std::string& m : markers_) {
    for (size_t j = 0; j + 2 <= window_; ++j) {
      unsigned char& s = shift_[Block(m.data() + j)];
      s = std::min(s, static_cast<unsigned char>(window_ - 2 - j));
    }
    last_block_.push_back(Block(m.data() + window_ - 2));
  }
}

bool MarkerScan::Scan(std::string_view text, std::vector<char>& found) const {
  bool any = false;
  if (window_ < 2) {  // as std::search would: an empty marker is found in no text
    for (size_t k = 0; k < markers_.size(); ++k) {
      found[k] = std::search(text.begin(), text.end(), markers_[k].begin(), markers_[k].end()) !=
                 text.end();
      any = any || found[k];
    }
    return any;
  }
  for (size_t end = window_; end <= text.size();) {  // the window is text[end - window_, end)
    const unsigned block = Block(text.data() + end - 2);
    if (const size_t s = shift_[block]; s > 0) {
      end += s;
      continue;
    }
    const std::string_view rest = text.substr(end - window_);
    for (size_t k = 0; k < markers_.size(); ++k) {
      if (last_block_[k] == block && rest.starts_with(markers_[k])) found[k] = any = true;
    }
    ++end;
  }
  return any;
}

}  // namespace

const TemplateSpec* DetectTemplate(const std::vector<Item>& items) {
  // The markers of both templates, 2019's first: each votes for its own.
  static const size_t n2019 = Gov2019Template().markers.size();
  static const auto* scan = [] {
    std::vector<std::string> all = Gov2019Template().markers;
    for (const std::string& m : Gov2021Template().markers) all.push_back(m);
    return new MarkerScan(std::move(all));
  }();
  int votes2019 = 0, votes2021 = 0;
  std::vector<char> found(scan->size());  // all 0 between items
  for (const Item& item : items) {
    if (!scan->Scan(item.norm.text, found)) continue;
    for (size_t k = 0; k < found.size(); ++k) (k < n2019 ? votes2019 : votes2021) += found[k];
    std::fill(found.begin(), found.end(), 0);
  }
  if (votes2019 == 0 && votes2021 == 0) return nullptr;
  return votes2021 >= votes2019 ? &Gov2021Template() : &Gov2019Template();
}

namespace {

constexpr const char* kSectionKeys[] = {"general_situation",     "active_disclosure",
                                        "applications",          "review_litigation",
                                        "problems_improvements", "other_matters"};

// The id of the section_* rule of section k (kSectionKeys order).
const std::string& SectionRuleId(size_t k) {
  static const auto* ids = [] {
    auto* r = new std::vector<std::string>();
    for (const char* key : kSectionKeys) r->push_back(std::string("section_") + key);
    return r;
  }();
  return (*ids)[k];
}

// That rule, compiled on its first use (and then remembered here, without
// looking its id up again).
const re2::RE2& SectionRule(size_t k) {
  static std::array<std::atomic<const re2::RE2*>, std::size(kSectionKeys)> rules{};
  const re2::RE2* rule = rules[k].load(std::memory_order_acquire);
  if (rule == nullptr) {
    rule = &Rule(SectionRuleId(k));
    rules[k].store(rule, std::memory_order_release);
  }
  return *rule;
}

constexpr size_t kSectionCount = std::size(kSectionKeys);

// Whether `text`, after any leading '#', starts with a Chinese numeral
// 一…十: every section_* rule begins "^(?:#+)?[一二三四五六七八九十]+"
// (report_v1_rules_test holds them to it), so no other text is a heading.
bool StartsWithNumeral(std::string_view text) {
  static constexpr std::string_view kNumerals = "一二三四五六七八九十";
  const size_t start = text.find_first_not_of('#');
  if (start == std::string_view::npos || text.size() - start < 3) return false;
  const size_t at = kNumerals.find(text.substr(start, 3));
  return at != std::string_view::npos && at % 3 == 0;
}

// The first section at or after `next` whose heading rule matches `text` as
// RE2::PartialMatch would, or kSectionCount when none does. One RE2::Set per
// `next` (the rules next.., built once) answers in one pass over the text;
// where a set could not be built or its DFA gave up, the rules are tried one
// by one.
size_t MatchingSection(const std::string& text, size_t next) {
  using SetPtr = std::unique_ptr<re2::RE2::Set>;
  static const auto* sets = [] {
    auto* out = new std::array<SetPtr, kSectionCount>();
    for (size_t first = 0; first < kSectionCount; ++first) {
      auto set = std::make_unique<re2::RE2::Set>(re2::RE2::Quiet, re2::RE2::UNANCHORED);
      bool ok = true;
      for (size_t k = first; k < kSectionCount; ++k) {
        ok = ok && set->Add(RulePattern(SectionRuleId(k)), nullptr) >= 0;
      }
      if (ok && set->Compile()) (*out)[first] = std::move(set);
    }
    return out;
  }();
  if (next >= kSectionCount || !StartsWithNumeral(text)) return kSectionCount;
  if (const re2::RE2::Set* set = (*sets)[next].get()) {
    // Asked yes or no first: without a vector of hits the set allocates nothing.
    re2::RE2::Set::ErrorInfo error;
    if (!set->Match(text, nullptr, &error) && error.kind == re2::RE2::Set::kNoError) {
      return kSectionCount;
    }
    std::vector<int> hits;
    if (set->Match(text, &hits, &error)) {
      return next + static_cast<size_t>(*std::min_element(hits.begin(), hits.end()));
    }
    if (error.kind == re2::RE2::Set::kNoError) return kSectionCount;
  }
  for (size_t k = next; k < kSectionCount; ++k) {
    if (RE2::PartialMatch(text, SectionRule(k))) return k;
  }
  return kSectionCount;
}

struct InlineHeading {
  size_t pos = 0;
  size_t len = 0;
  size_t section = 0;
};

// The earliest heading of section `next` or later in text[from…]: a run of
// Chinese numerals before "、" where the section's rule matches; pos npos if
// none.
InlineHeading NextHeading(const std::string& text, size_t from, size_t next) {
  static constexpr std::string_view kNumerals = "一二三四五六七八九十";
  auto numeral_before = [&text](size_t at) {  // a numeral ends at byte `at`
    const size_t found = kNumerals.find(std::string_view(text).substr(at - 3, 3));
    return found != std::string_view::npos && found % 3 == 0;
  };
  for (size_t p = text.find("、", from); p != std::string::npos; p = text.find("、", p + 1)) {
    size_t start = p;
    while (start >= from + 3 && numeral_before(start)) start -= 3;
    if (start == p) continue;
    re2::StringPiece rest(text.data() + start, text.size() - start), m;
    for (size_t k = next; k < 6; ++k) {
      if (SectionRule(k).Match(rest, 0, rest.size(), RE2::ANCHOR_START, &m, 1)) {
        return {start, m.size(), k};
      }
    }
  }
  return {std::string::npos, 0, 0};
}

void AppendText(SectionOut& section, const std::string& text) {
  if (text.empty()) return;
  if (!section.text.empty()) section.text += "\n";
  section.text += text;
}

// A whitespace-collapsed dump holds the whole body in one line: its
// headings are found inside the text.
void SplitGluedItem(const std::string& text, size_t& next, std::vector<SectionOut>& sections) {
  size_t cursor = 0;
  for (InlineHeading h = NextHeading(text, 0, next); h.pos != std::string::npos;
       h = NextHeading(text, cursor, next)) {
    AppendText(sections.back(), text.substr(cursor, h.pos - cursor));
    sections.push_back({kSectionKeys[h.section], text.substr(h.pos, h.len), ""});
    cursor = h.pos + h.len;
    next = h.section + 1;
  }
  AppendText(sections.back(), text.substr(cursor));
}

}  // namespace

std::vector<SectionOut> ExtractSections(const std::vector<Item>& items) {
  constexpr size_t kGluedLine = 600;  // bytes: longer than any heading paragraph
  std::vector<SectionOut> sections{{"preamble", "", ""}};
  size_t next = 0;  // sections come in order; table-三 rows 一…四 never match
  for (const Item& item : items) {
    if (InTable(item) || item.is_value) continue;
    if (item.norm.text.size() >= kGluedLine) {
      SplitGluedItem(item.norm.text, next, sections);
      continue;
    }
    const size_t k =
        item.norm.text.size() < 120 ? MatchingSection(item.norm.text, next) : kSectionCount;
    if (k < kSectionCount) {
      size_t start = item.raw.find_first_not_of("# ");
      sections.push_back({kSectionKeys[k], item.raw.substr(start), ""});
      next = k + 1;
    } else {
      AppendText(sections.back(), item.raw);
    }
  }
  return sections;
}

}  // namespace zfxxgk
