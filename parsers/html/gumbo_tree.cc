#include "parsers/html/gumbo_tree.h"

#include <array>
#include <cctype>

namespace zfxxgk::html {
namespace {

// Byte length of the white-space code point at s[i] (0 if none). Zero-width
// characters set `*zero_width`: they vanish instead of becoming a space.
size_t SpaceAt(std::string_view s, size_t i, bool* zero_width) {
  *zero_width = false;
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
  auto at = [&](size_t k) {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
  };
  if (c == 0xC2 && at(1) == 0xA0) return 2;                     // U+00A0
  if (c == 0xE3 && at(1) == 0x80 && at(2) == 0x80) return 3;    // U+3000
  if (c == 0xE2 && at(1) == 0x80) {
    const unsigned char d = at(2);
    if (d >= 0x80 && d <= 0x8A) return 3;                       // U+2000..200A
    if (d == 0xAF) return 3;                                    // U+202F
    *zero_width = d >= 0x8B && d <= 0x8D;                       // U+200B..200D
    return *zero_width ? 3 : 0;
  }
  if (c == 0xEF && at(1) == 0xBB && at(2) == 0xBF) {            // U+FEFF
    *zero_width = true;
    return 3;
  }
  return 0;
}

// Bytes that can start a white-space or zero-width character (SpaceAt):
// ASCII white space and the lead bytes C2, E2, E3 and EF.
constexpr std::array<bool, 256> kMaySpace = [] {
  std::array<bool, 256> t{};
  for (int c : {' ', '\t', '\n', '\v', '\f', '\r'}) t[c] = true;
  for (int c : {0xC2, 0xE2, 0xE3, 0xEF}) t[c] = true;
  return t;
}();

bool MaySpace(char c) { return kMaySpace[static_cast<unsigned char>(c)]; }

}  // namespace

// Appends `text`, collapsing white-space runs to one space. `out` never
// starts with a space; a trailing one is removed by TrimEnd. Runs without a
// possible space are appended whole.
void AppendCollapsed(std::string_view text, std::string* out) {
  size_t i = 0;
  while (i < text.size()) {
    const size_t run = i;
    while (i < text.size() && !MaySpace(text[i])) ++i;
    if (i > run) out->append(text.data() + run, i - run);
    if (i == text.size()) break;
    bool zero_width = false;
    const size_t n = SpaceAt(text, i, &zero_width);
    if (n == 0) {
      out->push_back(text[i++]);
      continue;
    }
    i += n;
    if (!zero_width && !out->empty() && out->back() != ' ') out->push_back(' ');
  }
}

void TrimEnd(std::string* s) {
  while (!s->empty() && s->back() == ' ') s->pop_back();
}

// Visible code points (white space excluded), a cheap measure of text mass.
size_t CountVisible(std::string_view s) {
  size_t n = 0;
  for (char ch : s) {  // isspace of the "C" locale, without a call per byte
    const auto c = static_cast<unsigned char>(ch);
    n += (c & 0xC0) != 0x80 && c != ' ' && (c < '\t' || c > '\r');
  }
  return n;
}

size_t NodeBegin(const GumboNode* n) {
  return IsText(n) ? n->v.text.start_pos.offset : n->v.element.start_pos.offset;
}

size_t NodeEnd(const GumboNode* n) {
  if (IsText(n)) return n->v.text.start_pos.offset + n->v.text.original_text.length;
  const GumboElement& e = n->v.element;
  if (e.end_pos.offset > e.start_pos.offset) {
    return e.end_pos.offset + e.original_end_tag.length;
  }
  return e.start_pos.offset + e.original_tag.length;
}

bool IsSkipped(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_TITLE: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_BUTTON: case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_NOFRAMES:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_HR:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_LEGEND: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_HGROUP: case GUMBO_TAG_MENU:
    case GUMBO_TAG_DIR: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML: case GUMBO_TAG_BR: case GUMBO_TAG_OPTION:
      return true;
    default:
      return false;
  }
}

const char* AttrOf(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a == nullptr ? nullptr : a->value;
}

bool AttrContains(const GumboNode* n, const char* attr, std::string_view word) {
  const char* v = AttrOf(n, attr);
  if (v == nullptr) return false;
  std::string lower(v);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find(word) != std::string::npos;
}

const GumboNode* FindFirst(const GumboNode* n, GumboTag tag) {
  const GumboNode* found = nullptr;
  Traverse(n, [&](const GumboNode* x) {
    if (found == nullptr && TagOf(x) == tag) found = x;
    return found == nullptr;
  });
  return found;
}

// All text under `n` as one run; used below kMaxDepth instead of recursing.
void AppendFlatText(const GumboNode* n, std::string* out) {
  Traverse(n, [&](const GumboNode* x) {
    if (IsText(x)) AppendCollapsed(x->v.text.text, out);
    return x->type == GUMBO_NODE_ELEMENT && !IsSkipped(TagOf(x));
  });
}

bool Contains(const GumboNode* ancestor, const GumboNode* n) {
  for (; n != nullptr; n = n->parent) {
    if (n == ancestor) return true;
  }
  return false;
}

}  // namespace zfxxgk::html
