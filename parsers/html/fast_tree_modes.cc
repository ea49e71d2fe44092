// The insertion modes of the fast tree builder: gumbo 0.10.1's handlers
// (parser.c, handle_*) restricted to the cases listed in fast_tree.h; every
// other case calls Fail and the page goes to gumbo.
#include <algorithm>

#include "parsers/html/fast_tags.h"
#include "parsers/html/fast_tree_builder.h"

namespace zfxxgk::html {
namespace {

using Kind = FastTokenKind;

bool IsStart(const FastToken& t, GumboTag tag) { return t.kind == Kind::kStartTag && t.tag == tag; }
bool IsEnd(const FastToken& t, GumboTag tag) { return t.kind == Kind::kEndTag && t.tag == tag; }

bool IsHeading(GumboTag t) { return HasClass(t, kHeading); }

bool IsOneOf(GumboTag tag, std::initializer_list<GumboTag> tags) {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

bool IsTableSection(GumboTag t) {
  return t == GUMBO_TAG_TBODY || t == GUMBO_TAG_THEAD || t == GUMBO_TAG_TFOOT;
}

}  // namespace

FastTreeBuilder::Step FastTreeBuilder::Dispatch(FastToken& t) {
  switch (mode_) {
    case Mode::kInitial: return Initial(t);
    case Mode::kBeforeHtml: return BeforeHtml(t);
    case Mode::kBeforeHead: return BeforeHead(t);
    case Mode::kInHead: return InHead(t);
    case Mode::kAfterHead: return AfterHead(t);
    case Mode::kInBody: return InBody(t);
    case Mode::kText: return Text(t);
    case Mode::kInTable: return InTable(t);
    case Mode::kInTableBody: return InTableBody(t);
    case Mode::kInRow: return InRow(t);
    case Mode::kInCell: return InCell(t);
    case Mode::kAfterBody: return AfterBody(t);
    case Mode::kAfterAfterBody: return AfterAfterBody(t);
  }
  return Step::kDone;
}

FastTreeBuilder::Step FastTreeBuilder::Initial(FastToken& t) {
  if (t.kind == Kind::kText) {
    DropPrefix(t, t.ws_prefix);  // ignored
    if (t.text.empty()) return Step::kDone;
  } else if (t.kind == Kind::kComment) {
    AppendComment(document_, t);
    return Step::kDone;
  } else if (t.kind == Kind::kDoctype) {
    mode_ = Mode::kBeforeHtml;
    return Step::kDone;
  }
  mode_ = Mode::kBeforeHtml;  // no doctype: quirks mode (see IsStart TABLE)
  return Step::kAgain;
}

FastTreeBuilder::Step FastTreeBuilder::BeforeHtml(FastToken& t) {
  if (t.kind == Kind::kText) {
    DropPrefix(t, t.ws_prefix);
    if (t.text.empty()) return Step::kDone;
  } else if (t.kind == Kind::kComment) {
    AppendComment(document_, t);
    return Step::kDone;
  } else if (t.kind == Kind::kDoctype) {
    Fail("doctype after the start");
    return Step::kDone;
  } else if (IsStart(t, GUMBO_TAG_HTML)) {
    root_ = InsertFromToken(t);
    mode_ = Mode::kBeforeHead;
    return Step::kDone;
  } else if (t.kind == Kind::kEndTag &&
             !IsOneOf(t.tag, {GUMBO_TAG_HEAD, GUMBO_TAG_BODY, GUMBO_TAG_HTML})) {
    Fail("stray end tag before <html>");
    return Step::kDone;
  }
  root_ = InsertImplied(GUMBO_TAG_HTML);
  mode_ = Mode::kBeforeHead;
  return Step::kAgain;
}

FastTreeBuilder::Step FastTreeBuilder::BeforeHead(FastToken& t) {
  if (t.kind == Kind::kText) {
    DropPrefix(t, t.ws_prefix);
    if (t.text.empty()) return Step::kDone;
  } else if (t.kind == Kind::kComment) {
    AppendComment(Current(), t);
    return Step::kDone;
  } else if (t.kind == Kind::kDoctype || IsStart(t, GUMBO_TAG_HTML)) {
    Fail("doctype or <html> in <html>");
    return Step::kDone;
  } else if (IsStart(t, GUMBO_TAG_HEAD)) {
    head_ = InsertFromToken(t);
    mode_ = Mode::kInHead;
    return Step::kDone;
  } else if (t.kind == Kind::kEndTag &&
             !IsOneOf(t.tag, {GUMBO_TAG_HEAD, GUMBO_TAG_BODY, GUMBO_TAG_HTML})) {
    Fail("stray end tag before <head>");
    return Step::kDone;
  }
  head_ = InsertImplied(GUMBO_TAG_HEAD);
  mode_ = Mode::kInHead;
  return Step::kAgain;
}

FastTreeBuilder::Step FastTreeBuilder::InHead(FastToken& t) {
  if (t.kind == Kind::kText) {
    AppendText(t.text.substr(0, t.ws_prefix), t.begin, false);
    DropPrefix(t, t.ws_prefix);
    if (t.text.empty()) return Step::kDone;
  } else if (t.kind == Kind::kComment) {
    AppendComment(Current(), t);
    return Step::kDone;
  } else if (t.kind == Kind::kDoctype) {
    Fail("doctype in <head>");
    return Step::kDone;
  } else if (t.kind == Kind::kStartTag) {
    if (t.tag == GUMBO_TAG_BASE || t.tag == GUMBO_TAG_LINK || t.tag == GUMBO_TAG_META) {
      InsertFromToken(t);
      Pop();
      return Step::kDone;
    }
    if (t.tag == GUMBO_TAG_TITLE || t.tag == GUMBO_TAG_STYLE || t.tag == GUMBO_TAG_SCRIPT) {
      StartRawText(t);
      return Step::kDone;
    }
    if (t.tag != GUMBO_TAG_BODY && HasClass(t.tag, kDeclinedStart)) {
      Fail("start tag in <head> left to gumbo");
      return Step::kDone;
    }
  } else if (IsEnd(t, GUMBO_TAG_HEAD)) {
    Pop();
    mode_ = Mode::kAfterHead;
    return Step::kDone;
  } else if (t.kind == Kind::kEndTag && t.tag != GUMBO_TAG_BODY && t.tag != GUMBO_TAG_HTML) {
    Fail("stray end tag in <head>");
    return Step::kDone;
  }
  Pop();  // <head> ends where this token starts
  mode_ = Mode::kAfterHead;
  return Step::kAgain;
}

FastTreeBuilder::Step FastTreeBuilder::AfterHead(FastToken& t) {
  if (t.kind == Kind::kText) {
    AppendText(t.text.substr(0, t.ws_prefix), t.begin, false);
    DropPrefix(t, t.ws_prefix);
    if (t.text.empty()) return Step::kDone;
  } else if (t.kind == Kind::kComment) {
    AppendComment(Current(), t);
    return Step::kDone;
  } else if (t.kind == Kind::kDoctype) {
    Fail("doctype after <head>");
    return Step::kDone;
  } else if (IsStart(t, GUMBO_TAG_BODY)) {
    InsertFromToken(t);
    mode_ = Mode::kInBody;
    return Step::kDone;
  } else if (t.kind == Kind::kStartTag &&
             (HasClass(t.tag, kDeclinedStart) ||
              IsOneOf(t.tag, {GUMBO_TAG_BASE, GUMBO_TAG_LINK, GUMBO_TAG_META,
                              GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_TITLE}))) {
    Fail("head content after <head>");
    return Step::kDone;
  } else if (t.kind == Kind::kEndTag && t.tag != GUMBO_TAG_BODY && t.tag != GUMBO_TAG_HTML) {
    Fail("stray end tag after <head>");
    return Step::kDone;
  }
  InsertImplied(GUMBO_TAG_BODY);
  mode_ = Mode::kInBody;
  return Step::kAgain;
}

FastTreeBuilder::Step FastTreeBuilder::InBody(FastToken& t) {
  switch (t.kind) {
    case Kind::kText:
      AppendText(t.text, t.begin, t.has_non_ws);
      return Step::kDone;
    case Kind::kComment:
      AppendComment(Current(), t);
      return Step::kDone;
    case Kind::kStartTag:
      return InBodyStartTag(t);
    case Kind::kEndTag:
      return InBodyEndTag(t);
    case Kind::kEof:
      return Step::kDone;
    default:
      Fail("doctype in <body>");
      return Step::kDone;
  }
}

FastTreeBuilder::Step FastTreeBuilder::InBodyStartTag(FastToken& t) {
  const GumboTag tag = t.tag;
  if (HasClass(tag, kDeclinedStart | kTablePart)) {
    Fail("start tag in <body> left to gumbo");
  } else if (tag == GUMBO_TAG_BASE || tag == GUMBO_TAG_LINK || tag == GUMBO_TAG_META) {
    InsertFromToken(t);
    Pop();
  } else if (IsOneOf(tag, {GUMBO_TAG_TITLE, GUMBO_TAG_STYLE, GUMBO_TAG_SCRIPT,
                           GUMBO_TAG_IFRAME})) {
    StartRawText(t);
  } else if (HasClass(tag, kBlockStart) || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING) {
    ClosePInButtonScope();
    InsertFromToken(t);
    ignore_lf_ = tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING;
  } else if (IsHeading(tag)) {
    ClosePInButtonScope();
    if (IsHeading(CurrentTag())) Fail("heading inside a heading");
    InsertFromToken(t);
  } else if (tag == GUMBO_TAG_FORM) {
    if (form_ != nullptr) return Fail("nested <form>"), Step::kDone;
    ClosePInButtonScope();
    form_ = InsertFromToken(t);
  } else if (tag == GUMBO_TAG_LI || tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT) {
    CloseListItem(tag == GUMBO_TAG_LI);
    ClosePInButtonScope();
    InsertFromToken(t);
  } else if (tag == GUMBO_TAG_BUTTON) {
    if (InScope(GUMBO_TAG_BUTTON, Scope::kDefault)) Fail("<button> in <button>");
    InsertFromToken(t);
  } else if (HasClass(tag, kFormatting)) {
    if (tag == GUMBO_TAG_A && LastFormatting(GUMBO_TAG_A) != nullptr) Fail("<a> in <a>");
    PushFormatting(InsertFromToken(t));
  } else if (tag == GUMBO_TAG_TABLE) {
    // Whether <table> closes an open <p> depends on quirks mode.
    if (InScope(GUMBO_TAG_P, Scope::kButton)) Fail("<table> in an open <p>");
    InsertFromToken(t);
    mode_ = Mode::kInTable;
  } else if (HasClass(tag, kVoidInBody)) {
    InsertFromToken(t);
    Pop();
  } else if (tag == GUMBO_TAG_HR) {
    ClosePInButtonScope();
    InsertFromToken(t);
    Pop();
  } else {
    InsertFromToken(t);  // span, font-less inline, unknown (<o:p>), ...
  }
  return Step::kDone;
}

FastTreeBuilder::Step FastTreeBuilder::InBodyEndTag(FastToken& t) {
  const GumboTag tag = t.tag;
  if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML) {
    if (!InScope(GUMBO_TAG_BODY, Scope::kDefault) || open_.size() < 2 ||
        open_[1]->v.element.tag != GUMBO_TAG_BODY) {
      Fail("</body> without <body> in scope");
      return Step::kDone;
    }
    mode_ = Mode::kAfterBody;
    if (tag == GUMBO_TAG_HTML) return Step::kAgain;
    RecordEnd(open_[1]);
  } else if (HasClass(tag, kBlockEnd) || tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT) {
    if (!InScope(tag, Scope::kDefault)) return Fail("stray block end tag"), Step::kDone;
    CloseTags(tag);
  } else if (tag == GUMBO_TAG_FORM) {
    FormEndTag();
  } else if (tag == GUMBO_TAG_P) {
    if (!InScope(tag, Scope::kButton)) return Fail("</p> without <p>"), Step::kDone;
    CloseTags(tag);
  } else if (tag == GUMBO_TAG_LI) {
    if (!InScope(tag, Scope::kList)) return Fail("</li> without <li>"), Step::kDone;
    CloseTags(tag);
  } else if (IsHeading(tag)) {
    if (!InScope(GUMBO_TAG_H1, Scope::kDefault) && !InScope(GUMBO_TAG_H2, Scope::kDefault) &&
        !InScope(GUMBO_TAG_H3, Scope::kDefault) && !InScope(GUMBO_TAG_H4, Scope::kDefault) &&
        !InScope(GUMBO_TAG_H5, Scope::kDefault) && !InScope(GUMBO_TAG_H6, Scope::kDefault)) {
      return Fail("heading end tag without a heading"), Step::kDone;
    }
    GenerateImpliedEndTags(GUMBO_TAG_LAST);
    while (reason_ == nullptr && !IsHeading(Pop()->v.element.tag)) {
    }
  } else if (HasClass(tag, kFormatting)) {
    FormattingEndTag(t);
  } else if (IsOneOf(tag, {GUMBO_TAG_BR, GUMBO_TAG_APPLET, GUMBO_TAG_MARQUEE,
                           GUMBO_TAG_OBJECT, GUMBO_TAG_TEMPLATE})) {
    Fail("end tag left to gumbo");
  } else {
    AnyOtherEndTag(t);
  }
  return Step::kDone;
}

// The adoption agency algorithm in its one trivial case: the element is the
// current node and the last of its tag on the active formatting list.
void FastTreeBuilder::FormattingEndTag(const FastToken& t) {
  GumboNode* element = LastFormatting(t.tag);
  if (element == nullptr || element != Current()) {
    return Fail("misnested formatting end tag");
  }
  Pop(true);
  formatting_.erase(std::find(formatting_.begin(), formatting_.end(), element));
}

void FastTreeBuilder::AnyOtherEndTag(const FastToken& t) {
  for (size_t i = open_.size(); i-- > 0;) {
    GumboNode* node = open_[i];
    if (node->v.element.tag == t.tag) {  // GUMBO_TAG_UNKNOWN matches any unknown
      GenerateImpliedEndTags(t.tag);
      while (reason_ == nullptr && Pop() != node) {
      }
      return;
    }
    if (HasClass(node->v.element.tag, kSpecial)) return Fail("end tag ignored by gumbo");
  }
  Fail("end tag without element");
}

// Gumbo removes the form from the stack without popping it: no end position,
// and the pending text goes to the form's parent.
void FastTreeBuilder::FormEndTag() {
  GumboNode* node = form_;
  form_ = nullptr;
  if (node == nullptr || !NodeInScope(node)) return Fail("</form> without <form>");
  GenerateImpliedEndTags(GUMBO_TAG_LAST);
  if (reason_ != nullptr || Current() != node) return Fail("</form> with open children");
  open_.pop_back();
}

FastTreeBuilder::Step FastTreeBuilder::Text(FastToken& t) {
  if (t.kind == Kind::kText) {
    AppendText(t.text, t.begin, t.has_non_ws);
    return Step::kDone;
  }
  if (t.kind != Kind::kEndTag) return Fail("raw text element not closed"), Step::kDone;
  Pop();
  mode_ = original_mode_;
  return Step::kDone;
}

FastTreeBuilder::Step FastTreeBuilder::InTable(FastToken& t) {
  const GumboTag tag = t.tag;
  if (t.kind == Kind::kText) {
    if (t.has_non_ws) return Fail("text in a table (foster parenting)"), Step::kDone;
    AppendText(t.text, t.begin, false);
  } else if (t.kind == Kind::kComment) {
    AppendComment(Current(), t);
  } else if (t.kind == Kind::kEof) {
    return InBody(t);
  } else if (t.kind == Kind::kStartTag && IsTableSection(tag)) {
    ClearStackTo({GUMBO_TAG_HTML, GUMBO_TAG_TABLE, GUMBO_TAG_TEMPLATE});
    InsertFromToken(t);
    mode_ = Mode::kInTableBody;
  } else if (t.kind == Kind::kStartTag &&
             (tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH)) {
    ClearStackTo({GUMBO_TAG_HTML, GUMBO_TAG_TABLE, GUMBO_TAG_TEMPLATE});
    InsertImplied(GUMBO_TAG_TBODY);
    mode_ = Mode::kInTableBody;
    return Step::kAgain;
  } else if (IsEnd(t, GUMBO_TAG_TABLE)) {
    if (!InScope(GUMBO_TAG_TABLE, Scope::kTable)) return Fail("stray </table>"), Step::kDone;
    PopUntil(GUMBO_TAG_TABLE);
    ResetInsertionMode();
  } else {
    Fail("table content left to gumbo (foster parenting, caption, ...)");
  }
  return Step::kDone;
}

FastTreeBuilder::Step FastTreeBuilder::InTableBody(FastToken& t) {
  const GumboTag tag = t.tag;
  if (IsStart(t, GUMBO_TAG_TR)) {
    ClearStackTo({GUMBO_TAG_HTML, GUMBO_TAG_TBODY, GUMBO_TAG_TFOOT, GUMBO_TAG_THEAD,
                  GUMBO_TAG_TEMPLATE});
    InsertFromToken(t);
    mode_ = Mode::kInRow;
    return Step::kDone;
  }
  if (t.kind == Kind::kStartTag && (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH)) {
    return Fail("cell without <tr>"), Step::kDone;
  }
  if (t.kind == Kind::kEndTag && IsTableSection(tag)) {
    if (!InScope(tag, Scope::kTable)) return Fail("stray table section end"), Step::kDone;
  } else if (!(IsEnd(t, GUMBO_TAG_TABLE) || (t.kind == Kind::kStartTag && IsTableSection(tag)))) {
    return InTable(t);
  } else if (!InScope(GUMBO_TAG_TBODY, Scope::kTable) && !InScope(GUMBO_TAG_THEAD, Scope::kTable) &&
             !InScope(GUMBO_TAG_TFOOT, Scope::kTable)) {
    return Fail("no table section in scope"), Step::kDone;
  }
  ClearStackTo({GUMBO_TAG_HTML, GUMBO_TAG_TBODY, GUMBO_TAG_TFOOT, GUMBO_TAG_THEAD,
                GUMBO_TAG_TEMPLATE});
  Pop();
  mode_ = Mode::kInTable;
  return t.kind == Kind::kEndTag && IsTableSection(tag) ? Step::kDone : Step::kAgain;
}

FastTreeBuilder::Step FastTreeBuilder::InRow(FastToken& t) {
  const GumboTag tag = t.tag;
  if (t.kind == Kind::kStartTag && (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH)) {
    ClearStackTo({GUMBO_TAG_HTML, GUMBO_TAG_TR, GUMBO_TAG_TEMPLATE});
    InsertFromToken(t);
    mode_ = Mode::kInCell;
    formatting_.push_back(nullptr);  // marker
    return Step::kDone;
  }
  const bool end_tr = IsEnd(t, GUMBO_TAG_TR);
  const bool section_end = t.kind == Kind::kEndTag && IsTableSection(tag);
  const bool closes = IsEnd(t, GUMBO_TAG_TABLE) ||
                      (t.kind == Kind::kStartTag && (IsTableSection(tag) || tag == GUMBO_TAG_TR));
  if (!end_tr && !section_end && !closes) return InTable(t);
  if (section_end && !InScope(tag, Scope::kTable)) return Fail("stray section end"), Step::kDone;
  if (!InScope(GUMBO_TAG_TR, Scope::kTable)) return Fail("no <tr> in scope"), Step::kDone;
  ClearStackTo({GUMBO_TAG_HTML, GUMBO_TAG_TR, GUMBO_TAG_TEMPLATE});
  Pop();
  mode_ = Mode::kInTableBody;
  return end_tr ? Step::kDone : Step::kAgain;
}

FastTreeBuilder::Step FastTreeBuilder::InCell(FastToken& t) {
  const GumboTag tag = t.tag;
  const bool cell_end = t.kind == Kind::kEndTag && (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH);
  const bool new_part = t.kind == Kind::kStartTag &&
                        (IsTableSection(tag) || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH ||
                         tag == GUMBO_TAG_TR);
  const bool table_end = t.kind == Kind::kEndTag &&
                         (IsTableSection(tag) || tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_TR);
  if (t.kind == Kind::kEndTag && IsOneOf(tag, {GUMBO_TAG_BODY, GUMBO_TAG_CAPTION, GUMBO_TAG_COL,
                                                GUMBO_TAG_COLGROUP, GUMBO_TAG_HTML})) {
    return Fail("end tag ignored in a cell"), Step::kDone;
  }
  if (!cell_end && !new_part && !table_end) return InBody(t);
  if ((cell_end || table_end) && !InScope(tag, Scope::kTable)) {
    return Fail("stray cell or table end tag"), Step::kDone;
  }
  GumboTag cell = tag;
  if (!cell_end) {
    if (InScope(GUMBO_TAG_TD, Scope::kTable)) cell = GUMBO_TAG_TD;
    else if (InScope(GUMBO_TAG_TH, Scope::kTable)) cell = GUMBO_TAG_TH;
    else return Fail("no cell in scope"), Step::kDone;
  }
  GenerateImpliedEndTags(GUMBO_TAG_LAST);
  PopUntil(cell);
  if (formatting_.empty() || formatting_.back() != nullptr) {
    return Fail("formatting element open at the end of a cell"), Step::kDone;
  }
  formatting_.pop_back();
  mode_ = Mode::kInRow;
  return cell_end ? Step::kDone : Step::kAgain;
}

FastTreeBuilder::Step FastTreeBuilder::AfterBody(FastToken& t) {
  if (t.kind == Kind::kText) {
    AppendText(t.text.substr(0, t.ws_prefix), t.begin, false);
    DropPrefix(t, t.ws_prefix);
    if (t.text.empty()) return Step::kDone;
  } else if (t.kind == Kind::kComment) {
    AppendComment(root_, t);
    return Step::kDone;
  } else if (t.kind == Kind::kDoctype || IsStart(t, GUMBO_TAG_HTML)) {
    return Fail("doctype or <html> after </body>"), Step::kDone;
  } else if (IsEnd(t, GUMBO_TAG_HTML)) {
    mode_ = Mode::kAfterAfterBody;
    RecordEnd(root_);
    return Step::kDone;
  } else if (t.kind == Kind::kEof) {
    return Step::kDone;
  }
  mode_ = Mode::kInBody;  // content after </body>: a parse error gumbo recovers from
  return Step::kAgain;
}

FastTreeBuilder::Step FastTreeBuilder::AfterAfterBody(FastToken& t) {
  if (t.kind == Kind::kText) {
    AppendText(t.text.substr(0, t.ws_prefix), t.begin, false);
    DropPrefix(t, t.ws_prefix);
    if (t.text.empty()) return Step::kDone;
  } else if (t.kind == Kind::kComment) {
    AppendComment(document_, t);
    return Step::kDone;
  } else if (t.kind == Kind::kDoctype || IsStart(t, GUMBO_TAG_HTML)) {
    return Fail("doctype or <html> after </html>"), Step::kDone;
  } else if (t.kind == Kind::kEof) {
    return Step::kDone;
  }
  mode_ = Mode::kInBody;
  return Step::kAgain;
}

void FastTreeBuilder::ResetInsertionMode() {
  for (size_t i = open_.size(); i-- > 0;) {
    const GumboTag t = open_[i]->v.element.tag;
    if ((t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) && i > 0) return void(mode_ = Mode::kInCell);
    if (t == GUMBO_TAG_TR) return void(mode_ = Mode::kInRow);
    if (IsTableSection(t)) return void(mode_ = Mode::kInTableBody);
    if (t == GUMBO_TAG_TABLE) return void(mode_ = Mode::kInTable);
    if (t == GUMBO_TAG_BODY) return void(mode_ = Mode::kInBody);
    if (IsOneOf(t, {GUMBO_TAG_SELECT, GUMBO_TAG_CAPTION, GUMBO_TAG_COLGROUP,
                    GUMBO_TAG_TEMPLATE, GUMBO_TAG_HEAD, GUMBO_TAG_FRAMESET, GUMBO_TAG_HTML})) {
      return Fail("insertion mode reset left to gumbo");
    }
  }
  mode_ = Mode::kInBody;
}

}  // namespace zfxxgk::html
