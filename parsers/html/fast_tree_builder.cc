#include "parsers/html/fast_tree_builder.h"

#include <algorithm>
#include <cstring>

#include "parsers/html/fast_tags.h"

namespace zfxxgk::html {
namespace {

bool IsOneOf(GumboTag tag, std::initializer_list<GumboTag> tags) {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
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
  if (!formatting_ok && HasClass(tag, kFormatting)) {
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
    if (HasClass(t, kEndsScope)) return false;
    if (scope == Scope::kList && (t == GUMBO_TAG_OL || t == GUMBO_TAG_UL)) return false;
    if (scope == Scope::kButton && t == GUMBO_TAG_BUTTON) return false;
  }
  return false;
}

bool FastTreeBuilder::NodeInScope(const GumboNode* node) const {
  for (size_t i = open_.size(); i-- > 0;) {
    if (open_[i] == node) return true;
    if (HasClass(open_[i]->v.element.tag, kEndsScope)) return false;
  }
  return false;
}

void FastTreeBuilder::GenerateImpliedEndTags(GumboTag except) {
  while (reason_ == nullptr) {
    const GumboTag t = CurrentTag();
    if (t == except || !HasClass(t, kImpliedEnd)) return;
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
    if (HasClass(t, kSpecial) && t != GUMBO_TAG_ADDRESS && t != GUMBO_TAG_DIV && t != GUMBO_TAG_P) {
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
