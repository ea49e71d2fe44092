// One body of set findings as indented JSON, streamed.
#include "pipeline/batch_findings_json.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "schemas/json_writer.h"

namespace zfxxgk {
namespace {

// The layout of nlohmann's dump(2) from a starting indentation: "{}" and
// "[]" when empty, else one member or element per line. JsonWriter has the
// same layout but neither a starting indentation nor booleans, which a body
// needs; it still escapes the strings here.
class IndentedJson {
 public:
  IndentedJson(size_t indent, std::string& out) : base_(indent), out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // REQUIRES: `key` needs no escaping (our literal member names).
  void Key(std::string_view key) {
    Separate();
    out_.push_back('"');
    out_.append(key);
    out_.append("\": ");
    after_key_ = true;
  }
  void String(std::string_view s) {
    BeforeValue();
    JsonWriter escaper(/*pretty=*/false, std::move(scratch_));
    escaper.String(s);
    scratch_ = escaper.Take();
    out_.append(scratch_);
  }
  void Int(int64_t v) {
    BeforeValue();
    char buf[24];
    out_.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
  }
  // OptionalNumberJson: null, an integer when integral (|v| < 9e15), else
  // dump's form of the double.
  void Number(const std::optional<double>& v) {
    if (!v) return Literal("null");
    if (std::floor(*v) == *v && std::fabs(*v) < 9e15) return Int(std::llround(*v));
    Literal(nlohmann::json(*v).dump());
  }
  void Bool(bool v) { Literal(v ? "true" : "false"); }
  void Null() { Literal("null"); }

 private:
  void Literal(std::string_view text) {
    BeforeValue();
    out_.append(text);
  }
  void Newline() {
    out_.push_back('\n');
    out_.append(base_ + 2 * open_.size(), ' ');
  }
  // The comma before a member or element, and its line.
  void Separate() {
    if (open_.back()) out_.push_back(',');
    open_.back() = true;
    Newline();
  }
  void BeforeValue() {
    if (after_key_) {
      after_key_ = false;
    } else if (!open_.empty()) {
      Separate();
    }
  }
  void Open(char c) {
    BeforeValue();
    out_.push_back(c);
    open_.push_back(false);
  }
  void Close(char c) {
    const bool any = open_.back();
    open_.pop_back();
    if (any) Newline();
    out_.push_back(c);
  }

  const size_t base_;
  std::string& out_;
  std::vector<char> open_;  // per open container: whether it has members yet
  bool after_key_ = false;
  std::string scratch_;     // the escaper's storage, reused
};

void Cell(IndentedJson& w, const CellOut& c) {
  w.BeginObject();
  w.Key("value"), w.Number(c.value);
  w.Key("raw"), w.String(c.raw);
  w.Key("status"), w.String(CellStatusName(c.status));
  if (c.status == CellStatus::kAmbiguous) {
    w.Key("candidates"), w.BeginArray();
    if (c.candidate_absent) w.Null();
    for (const std::string& v : c.candidates) w.String(v);
    w.EndArray();
  }
  w.EndObject();
}

void Pairs(IndentedJson& w, const std::vector<CellPair>& pairs) {
  w.BeginArray();
  for (const CellPair& p : pairs) {
    w.BeginObject();
    w.Key("path"), w.String(p.path);
    w.Key("first"), Cell(w, p.first);
    w.Key("second"), Cell(w, p.second);
    w.EndObject();
  }
  w.EndArray();
}

void Resolved(IndentedJson& w, const std::vector<CellResolution>& resolved) {
  w.BeginArray();
  for (const CellResolution& r : resolved) {
    w.BeginObject();
    w.Key("path"), w.String(r.path);
    w.Key("ambiguous_in"), w.String(r.ambiguous_in);
    w.Key("resolved_by"), w.String(r.resolved_by);
    w.Key("ambiguous"), Cell(w, r.ambiguous);
    w.Key("determined"), Cell(w, r.determined);
    w.Key("among_candidates"), w.Bool(r.among_candidates);
    w.EndObject();
  }
  w.EndArray();
}

void SameReport(IndentedJson& w, const SameReportComparison& cmp, const BatchPathOf& path_of) {
  w.BeginObject();
  w.Key("first"), w.String(path_of(cmp.first));
  w.Key("second"), w.String(path_of(cmp.second));
  w.Key("agreeing"), w.Int(cmp.agreeing);
  w.Key("disagreeing"), Pairs(w, cmp.disagreeing);
  w.Key("resolved"), Resolved(w, cmp.resolved);
  w.Key("ambiguous_in_both"), Pairs(w, cmp.ambiguous_in_both);
  w.Key("one_sided"), Pairs(w, cmp.one_sided);
  w.Key("metadata_differences"), w.BeginArray();
  for (const std::string& d : cmp.metadata_differences) w.String(d);
  w.EndArray();
  w.EndObject();
}

void Paths(IndentedJson& w, const std::vector<size_t>& indices, const BatchPathOf& path_of) {
  w.BeginArray();
  for (size_t i : indices) w.String(path_of(i));
  w.EndArray();
}

void Checks(IndentedJson& w, const std::vector<CheckOut>& checks) {
  w.BeginArray();
  for (const CheckOut& c : checks) {
    w.BeginObject();
    w.Key("id"), w.String(c.id);
    w.Key("where"), w.String(c.where);
    w.Key("status"), w.String(c.status);
    w.Key("lhs"), w.Number(c.lhs);
    w.Key("rhs"), w.Number(c.rhs);
    if (c.lhs && c.rhs) w.Key("difference"), w.Number(*c.lhs - *c.rhs);
    if (!c.note.empty()) w.Key("note"), w.String(c.note);
    w.EndObject();
  }
  w.EndArray();
}

void Year(IndentedJson& w, const YearLink& link, const BatchPathOf& path_of) {
  w.BeginObject();
  w.Key("year"), w.Int(link.year);
  w.Key("inputs"), Paths(w, link.reports, path_of);
  w.Key("previous_year");
  if (link.previous_year) {
    w.Int(*link.previous_year);
  } else {
    w.Null();
  }
  w.Key("status"), w.String(YearLinkStatusName(link.status));
  if (!link.note.empty()) w.Key("note"), w.String(link.note);
  w.Key("x1"), Checks(w, link.x1);
  w.Key("in_force"), Checks(w, link.in_force);
  w.EndObject();
}

}  // namespace

void AppendBodyFindingsJson(const BodyFindings& body, const BatchPathOf& path_of, size_t indent,
                            std::string& out) {
  IndentedJson w(indent, out);
  w.BeginObject();
  w.Key("organ"), w.String(body.organ);
  w.Key("key"), w.String(body.key);
  w.Key("inputs"), Paths(w, body.reports, path_of);
  w.Key("same_report"), w.BeginArray();
  for (const SameReportComparison& cmp : body.same_report) SameReport(w, cmp, path_of);
  w.EndArray();
  w.Key("years"), w.BeginArray();
  for (const YearLink& link : body.years) Year(w, link, path_of);
  w.EndArray();
  w.EndObject();
}

}  // namespace zfxxgk
