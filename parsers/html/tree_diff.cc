#include "parsers/html/tree_diff.h"

#include <cstring>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "parsers/html/fast_tree.h"

namespace zfxxgk::html {
namespace {

std::string_view Piece(const GumboStringPiece& p) {
  return p.data == nullptr ? std::string_view() : std::string_view(p.data, p.length);
}

std::string Quote(std::string_view s) {
  std::string out = "\"";
  out.append(s.substr(0, 60));
  if (s.size() > 60) out += "...";
  return out + "\"";
}

std::string Name(const GumboNode* n) {
  switch (n->type) {
    case GUMBO_NODE_DOCUMENT: return "#document";
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE: {
      if (n->v.element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(n->v.element.tag);
      GumboStringPiece p = n->v.element.original_tag;
      gumbo_tag_from_original_text(&p);
      return std::string(Piece(p));
    }
    case GUMBO_NODE_COMMENT: return "#comment";
    case GUMBO_NODE_WHITESPACE: return "#whitespace";
    default: return "#text";
  }
}

const GumboVector* Children(const GumboNode* n) {
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) {
    return &n->v.element.children;
  }
  return nullptr;
}

template <typename T>
std::string Differs(const char* field, const T& a, const T& b) {
  if (a == b) return "";
  if constexpr (std::is_convertible_v<T, std::string_view>) {
    return std::string(field) + " " + Quote(a) + " != " + Quote(b);
  } else {
    return std::string(field) + " " + std::to_string(a) + " != " + std::to_string(b);
  }
}

std::string DiffAttributes(const GumboVector& a, const GumboVector& b) {
  if (a.length != b.length) return Differs("attribute count", a.length, b.length);
  for (unsigned i = 0; i < a.length; ++i) {
    const auto* x = static_cast<const GumboAttribute*>(a.data[i]);
    const auto* y = static_cast<const GumboAttribute*>(b.data[i]);
    std::string d = Differs("attribute name", std::string_view(x->name), std::string_view(y->name));
    if (d.empty()) d = Differs("attribute value", std::string_view(x->value), std::string_view(y->value));
    if (!d.empty()) return d;
  }
  return "";
}

std::string DiffElement(const GumboElement& a, const GumboElement& b) {
  std::string d = Differs("tag", static_cast<int>(a.tag), static_cast<int>(b.tag));
  if (d.empty()) d = Differs("namespace", static_cast<int>(a.tag_namespace), static_cast<int>(b.tag_namespace));
  if (d.empty()) d = Differs("original tag", Piece(a.original_tag), Piece(b.original_tag));
  if (d.empty()) d = Differs("original end tag", Piece(a.original_end_tag), Piece(b.original_end_tag));
  if (d.empty()) d = Differs("start offset", a.start_pos.offset, b.start_pos.offset);
  if (d.empty()) d = Differs("end offset", a.end_pos.offset, b.end_pos.offset);
  if (d.empty()) d = DiffAttributes(a.attributes, b.attributes);
  if (d.empty()) d = Differs("child count", a.children.length, b.children.length);
  return d;
}

std::string DiffNode(const GumboNode* a, const GumboNode* b) {
  std::string d = Differs("type", static_cast<int>(a->type), static_cast<int>(b->type));
  if (!d.empty()) return d;
  if (a->type == GUMBO_NODE_DOCUMENT) {
    return Differs("child count", a->v.document.children.length, b->v.document.children.length);
  }
  if (a->type == GUMBO_NODE_ELEMENT || a->type == GUMBO_NODE_TEMPLATE) {
    return DiffElement(a->v.element, b->v.element);
  }
  d = Differs("text", std::string_view(a->v.text.text), std::string_view(b->v.text.text));
  if (d.empty()) d = Differs("start offset", a->v.text.start_pos.offset, b->v.text.start_pos.offset);
  if (d.empty()) d = Differs("original length", a->v.text.original_text.length, b->v.text.original_text.length);
  return d;
}

}  // namespace

std::string DiffTrees(const GumboNode* expected, const GumboNode* actual) {
  struct Item {
    const GumboNode* a;
    const GumboNode* b;
    std::string path;
  };
  std::vector<Item> stack = {{expected, actual, ""}};
  while (!stack.empty()) {
    Item it = std::move(stack.back());
    stack.pop_back();
    const std::string path = it.path.empty() ? Name(it.a) : it.path;
    std::string d = DiffNode(it.a, it.b);
    if (!d.empty()) return path + ": " + d;
    const GumboVector* ka = Children(it.a);
    const GumboVector* kb = Children(it.b);
    for (unsigned i = ka == nullptr ? 0 : ka->length; i-- > 0;) {
      const auto* ca = static_cast<const GumboNode*>(ka->data[i]);
      const auto* cb = static_cast<const GumboNode*>(kb->data[i]);
      if (cb->parent != it.b || cb->index_within_parent != i) {
        return path + ": child " + std::to_string(i) + " has a wrong parent or index";
      }
      std::string child = path + "/" + Name(ca) + "[" + std::to_string(i) + "]";
      stack.push_back({ca, cb, std::move(child)});
    }
  }
  return "";
}

StatusOr<std::string> DiffFastTreeFromGumbo(std::string_view utf8) {
  StatusOr<std::unique_ptr<FastTree>> fast = FastTree::Parse(utf8);
  if (!fast.ok()) return fast.status();
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, utf8.data(), utf8.size());
  std::string diff = DiffTrees(out->document, (*fast)->document());
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return diff;
}

}  // namespace zfxxgk::html
