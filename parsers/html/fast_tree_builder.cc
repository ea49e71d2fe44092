#include "parsers/html/fast_tree_builder.h"

#include <algorithm>
#include <cstring>

namespace zfxxgk::html {
namespace {

bool IsOneOf(GumboTag tag, std::initializer_list<GumboTag> tags) {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

// Elements that end gumbo's "has an element in scope" searches.
bool EndsScope(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_APPLET: case GUMBO_TAG_CAPTION: case GUMBO_TAG_HTML:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_MARQUEE: case GUMBO_TAG_OBJECT: case GUMBO_TAG_TEMPLATE:
      return true;
    default:
      return false;
  }
}

void VectorPush(FastArena* arena, GumboVector* v, void* item) {
  if (v->length == v->capacity) {
    const unsigned capacity = v->capacity == 0 ? 4 : v->capacity * 2;
    auto** data = static_cast<void**>(arena->Allocate(capacity * sizeof(void*)));
    if (v->length > 0) std::memcpy(data, v->data, v->length * sizeof(void*));
    v->data = data;
    v->capacity = capacity;
  }
  v->data[v->length++] = item;
}

}  // namespace

bool IsSpecialTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_APPLET: case GUMBO_TAG_AREA:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BASE:
    case GUMBO_TAG_BASEFONT: case GUMBO_TAG_BGSOUND: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY: case GUMBO_TAG_BR: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_CENTER: case GUMBO_TAG_COL:
    case GUMBO_TAG_COLGROUP: case GUMBO_TAG_MENUITEM: case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_FRAME:
    case GUMBO_TAG_FRAMESET: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR: case GUMBO_TAG_HTML: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT: case GUMBO_TAG_ISINDEX:
    case GUMBO_TAG_LI: case GUMBO_TAG_LINK: case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MARQUEE: case GUMBO_TAG_MENU: case GUMBO_TAG_META:
    case GUMBO_TAG_NAV: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_OBJECT: case GUMBO_TAG_OL:
    case GUMBO_TAG_P: case GUMBO_TAG_PARAM: case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_PRE: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_STYLE: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TD:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH: case GUMBO_TAG_THEAD: case GUMBO_TAG_TITLE:
    case GUMBO_TAG_TR: case GUMBO_TAG_UL: case GUMBO_TAG_WBR: case GUMBO_TAG_XMP:
      return true;
    default:
      return false;
  }
}

bool IsFormattingTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A: case GUMBO_TAG_B: case GUMBO_TAG_BIG: case GUMBO_TAG_CODE:
    case GUMBO_TAG_EM: case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_NOBR:
    case GUMBO_TAG_S: case GUMBO_TAG_SMALL: case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_STRONG: case GUMBO_TAG_TT: case GUMBO_TAG_U:
      return true;
    default:
      return false;
  }
}

FastTreeBuilder::FastTreeBuilder(std::string_view utf8, FastArena* arena)
    : in_(utf8), arena_(arena), tokenizer_(utf8, arena) {
  eof_.kind = FastTokenKind::kEof;
  eof_.begin = eof_.end = utf8.size();
  document_ = arena_->New<GumboNode>();
  document_->type = GUMBO_NODE_DOCUMENT;
  document_->index_within_parent = static_cast<size_t>(-1);
  document_->v.document.name = "";
  document_->v.document.public_identifier = "";
  document_->v.document.system_identifier = "";
  open_.reserve(64);
  text_.reserve(4096);
}

void FastTreeBuilder::Fail(const char* reason) {
  if (reason_ == nullptr) reason_ = reason;
}

GumboTag FastTreeBuilder::CurrentTag() const {
  return open_.empty() ? GUMBO_TAG_LAST : open_.back()->v.element.tag;
}

GumboNode* FastTreeBuilder::NewElement(GumboTag tag) {
  auto* node = arena_->New<GumboNode>();
  node->type = GUMBO_NODE_ELEMENT;
  node->v.element.tag = tag;
  node->v.element.tag_namespace = GUMBO_NAMESPACE_HTML;
  return node;
}

GumboNode* FastTreeBuilder::InsertFromToken(const FastToken& t) {
  GumboNode* node = NewElement(t.tag);
  GumboElement& e = node->v.element;
  e.original_tag = {in_.data() + t.begin, t.end - t.begin};
  e.start_pos.offset = static_cast<unsigned>(t.begin);
  if (t.attributes != nullptr && !t.attributes->empty()) {
    const unsigned n = static_cast<unsigned>(t.attributes->size());
    e.attributes.data = static_cast<void**>(arena_->Allocate(n * sizeof(void*)));
    std::memcpy(e.attributes.data, t.attributes->data(), n * sizeof(void*));
    e.attributes.length = e.attributes.capacity = n;
  }
  Insert(node);
  return node;
}

// An element gumbo inserts without a tag in the input: no original text,
// starting where the token that implied it starts.
GumboNode* FastTreeBuilder::InsertImplied(GumboTag tag) {
  GumboNode* node = NewElement(tag);
  node->v.element.start_pos.offset = static_cast<unsigned>(current_token_->begin);
  Insert(node);
  return node;
}

void FastTreeBuilder::Insert(GumboNode* element) {
  FlushText();
  AppendChild(open_.empty() ? document_ : Current(), element);
  open_.push_back(element);
}

void FastTreeBuilder::AppendChild(GumboNode* parent, GumboNode* child) {
  GumboVector* kids = parent->type == GUMBO_NODE_DOCUMENT ? &parent->v.document.children
                                                          : &parent->v.element.children;
  child->parent = parent;
  child->index_within_parent = kids->length;
  VectorPush(arena_, kids, child);
}

void FastTreeBuilder::AppendComment(GumboNode* parent, const FastToken& t) {
  FlushText();
  auto* node = arena_->New<GumboNode>();
  node->type = GUMBO_NODE_COMMENT;
  node->v.text.text = arena_->CopyString(t.text);
  node->v.text.original_text = {in_.data() + t.begin, t.end - t.begin};
  node->v.text.start_pos.offset = static_cast<unsigned>(t.begin);
  AppendChild(parent, node);
}

void FastTreeBuilder::AppendText(std::string_view text, size_t begin, bool non_ws) {
  if (text.empty()) return;
  if (text_.empty()) text_begin_ = begin;
  text_.append(text);
  text_non_ws_ |= non_ws;
}

// Gumbo's maybe_flush_text_node_buffer: the pending characters become one
// node of the current node, its original text ending where the token being
// processed starts.
void FastTreeBuilder::FlushText() {
  if (text_.empty()) return;
  if (open_.empty()) return Fail("text outside <html>");
  auto* node = arena_->New<GumboNode>();
  node->type = text_non_ws_ ? GUMBO_NODE_TEXT : GUMBO_NODE_WHITESPACE;
  node->v.text.text = arena_->CopyString(text_);
  node->v.text.original_text = {in_.data() + text_begin_,
                                current_token_->begin - text_begin_};
  node->v.text.start_pos.offset = static_cast<unsigned>(text_begin_);
  AppendChild(Current(), node);
  text_.clear();
  text_non_ws_ = false;
}

GumboNode* FastTreeBuilder::Pop(bool formatting_ok) {
  FlushText();
  GumboNode* node = open_.back();
  open_.pop_back();
  const GumboTag tag = node->v.element.tag;
  if (!formatting_ok && IsFormattingTag(tag)) {
    Fail("formatting element closed implicitly");
  }
  const bool kept = (tag == GUMBO_TAG_BODY && closed_body_) ||
                    (tag == GUMBO_TAG_HTML && closed_html_);
  if (!kept) RecordEnd(node);
  return node;
}

void FastTreeBuilder::RecordEnd(GumboNode* element) {
  const FastToken& t = *current_token_;
  element->v.element.end_pos.offset = static_cast<unsigned>(t.begin);
  if (t.kind == FastTokenKind::kEndTag) {
    element->v.element.original_end_tag = {in_.data() + t.begin, t.end - t.begin};
  } else {
    element->v.element.original_end_tag = {nullptr, 0};
  }
}

void FastTreeBuilder::PopUntil(GumboTag tag) {
  while (!open_.empty() && reason_ == nullptr) {
    if (Pop()->v.element.tag == tag) return;
  }
}

bool FastTreeBuilder::InScope(GumboTag tag, Scope scope) const {
  for (size_t i = open_.size(); i-- > 0;) {
    const GumboTag t = open_[i]->v.element.tag;
    if (t == tag) return true;
    if (scope == Scope::kTable) {
      if (t == GUMBO_TAG_HTML || t == GUMBO_TAG_TABLE || t == GUMBO_TAG_TEMPLATE) return false;
      continue;
    }
    if (EndsScope(t)) return false;
    if (scope == Scope::kList && (t == GUMBO_TAG_OL || t == GUMBO_TAG_UL)) return false;
    if (scope == Scope::kButton && t == GUMBO_TAG_BUTTON) return false;
  }
  return false;
}

bool FastTreeBuilder::NodeInScope(const GumboNode* node) const {
  for (size_t i = open_.size(); i-- > 0;) {
    if (open_[i] == node) return true;
    if (EndsScope(open_[i]->v.element.tag)) return false;
  }
  return false;
}

void FastTreeBuilder::GenerateImpliedEndTags(GumboTag except) {
  while (reason_ == nullptr) {
    const GumboTag t = CurrentTag();
    if (t == except ||
        !IsOneOf(t, {GUMBO_TAG_DD, GUMBO_TAG_DT, GUMBO_TAG_LI, GUMBO_TAG_OPTION,
                     GUMBO_TAG_OPTGROUP, GUMBO_TAG_P, GUMBO_TAG_RP, GUMBO_TAG_RB,
                     GUMBO_TAG_RT, GUMBO_TAG_RTC})) {
      return;
    }
    Pop();
  }
}

// Gumbo's implicitly_close_tags: implied end tags, then pop through `tag`.
void FastTreeBuilder::CloseTags(GumboTag tag) {
  GenerateImpliedEndTags(tag);
  PopUntil(tag);
}

void FastTreeBuilder::ClosePInButtonScope() {
  if (InScope(GUMBO_TAG_P, Scope::kButton)) CloseTags(GUMBO_TAG_P);
}

// Gumbo's maybe_implicitly_close_list_tag for <li> (li) or <dd>/<dt>.
void FastTreeBuilder::CloseListItem(bool li) {
  for (size_t i = open_.size(); i-- > 0;) {
    const GumboTag t = open_[i]->v.element.tag;
    if (li ? t == GUMBO_TAG_LI : (t == GUMBO_TAG_DD || t == GUMBO_TAG_DT)) {
      return CloseTags(t);
    }
    if (IsSpecialTag(t) && t != GUMBO_TAG_ADDRESS && t != GUMBO_TAG_DIV && t != GUMBO_TAG_P) {
      return;
    }
  }
}

void FastTreeBuilder::ClearStackTo(std::initializer_list<GumboTag> stops) {
  while (reason_ == nullptr && !IsOneOf(CurrentTag(), stops)) Pop();
}

void FastTreeBuilder::PushFormatting(GumboNode* element) {
  int same = 0;
  for (size_t i = formatting_.size(); i-- > 0 && formatting_[i] != nullptr;) {
    same += formatting_[i]->v.element.tag == element->v.element.tag;
  }
  if (same >= 3) return Fail("fourth nested formatting element (Noah's Ark)");
  formatting_.push_back(element);
}

// The last entry with `tag` after the last marker, or nullptr.
GumboNode* FastTreeBuilder::LastFormatting(GumboTag tag) const {
  for (size_t i = formatting_.size(); i-- > 0 && formatting_[i] != nullptr;) {
    if (formatting_[i]->v.element.tag == tag) return formatting_[i];
  }
  return nullptr;
}

void FastTreeBuilder::StartRawText(const FastToken& t) {
  InsertFromToken(t);
  original_mode_ = mode_;
  mode_ = Mode::kText;
}

void FastTreeBuilder::DropPrefix(FastToken& t, size_t n) {
  t.text.remove_prefix(n);
  t.begin += n;
  t.ws_prefix -= std::min(n, t.ws_prefix);
}

// Gumbo's finish_parsing: the pending text, then every open element ends at
// the end of the input (but <body> and <html> keep the end their end tags gave).
void FastTreeBuilder::Finish() {
  current_token_ = &eof_;
  FlushText();
  while (!open_.empty()) Pop(true);
}

bool FastTreeBuilder::Run() {
  for (;;) {
    FastToken t = tokenizer_.Next();
    if (t.kind == FastTokenKind::kDecline) {
      Fail(t.reason);
      return false;
    }
    if (ignore_lf_) {
      ignore_lf_ = false;
      if (t.kind == FastTokenKind::kText && t.text.starts_with('\n')) {
        DropPrefix(t, 1);
        if (t.text.empty()) continue;
      }
    }
    if (t.kind == FastTokenKind::kEndTag && t.tag == GUMBO_TAG_BODY) closed_body_ = true;
    if (t.kind == FastTokenKind::kEndTag && t.tag == GUMBO_TAG_HTML) closed_html_ = true;
    current_token_ = &t;
    while (Dispatch(t) == Step::kAgain && reason_ == nullptr) {
    }
    if (reason_ != nullptr) return false;
    if (t.kind == FastTokenKind::kEof) break;
  }
  Finish();
  current_token_ = nullptr;
  return reason_ == nullptr && root_ != nullptr;
}

}  // namespace zfxxgk::html
