#include "parsers/html/fast_tags.h"

#include <array>
#include <cstring>
#include <initializer_list>

namespace zfxxgk::html {
namespace {

using Table = std::array<uint16_t, GUMBO_TAG_LAST + 1>;

constexpr void Mark(Table* t, uint16_t c, std::initializer_list<GumboTag> tags) {
  for (GumboTag tag : tags) (*t)[tag] |= c;
}

constexpr void MarkSpecial(Table* t) {
  Mark(t, kSpecial,
       {GUMBO_TAG_ADDRESS, GUMBO_TAG_APPLET, GUMBO_TAG_AREA, GUMBO_TAG_ARTICLE,
        GUMBO_TAG_ASIDE, GUMBO_TAG_BASE, GUMBO_TAG_BASEFONT, GUMBO_TAG_BGSOUND,
        GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_BODY, GUMBO_TAG_BR, GUMBO_TAG_BUTTON,
        GUMBO_TAG_CAPTION, GUMBO_TAG_CENTER, GUMBO_TAG_COL, GUMBO_TAG_COLGROUP,
        GUMBO_TAG_MENUITEM, GUMBO_TAG_DD, GUMBO_TAG_DETAILS, GUMBO_TAG_DIR, GUMBO_TAG_DIV,
        GUMBO_TAG_DL, GUMBO_TAG_DT, GUMBO_TAG_EMBED, GUMBO_TAG_FIELDSET,
        GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE, GUMBO_TAG_FOOTER, GUMBO_TAG_FORM,
        GUMBO_TAG_FRAME, GUMBO_TAG_FRAMESET, GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3,
        GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6, GUMBO_TAG_HEAD, GUMBO_TAG_HEADER,
        GUMBO_TAG_HGROUP, GUMBO_TAG_HR, GUMBO_TAG_HTML, GUMBO_TAG_IFRAME, GUMBO_TAG_IMG,
        GUMBO_TAG_INPUT, GUMBO_TAG_ISINDEX, GUMBO_TAG_LI, GUMBO_TAG_LINK,
        GUMBO_TAG_LISTING, GUMBO_TAG_MARQUEE, GUMBO_TAG_MENU, GUMBO_TAG_META,
        GUMBO_TAG_NAV, GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES, GUMBO_TAG_NOSCRIPT,
        GUMBO_TAG_OBJECT, GUMBO_TAG_OL, GUMBO_TAG_P, GUMBO_TAG_PARAM, GUMBO_TAG_PLAINTEXT,
        GUMBO_TAG_PRE, GUMBO_TAG_SCRIPT, GUMBO_TAG_SECTION, GUMBO_TAG_SELECT,
        GUMBO_TAG_STYLE, GUMBO_TAG_SUMMARY, GUMBO_TAG_TABLE, GUMBO_TAG_TBODY,
        GUMBO_TAG_TD, GUMBO_TAG_TEMPLATE, GUMBO_TAG_TEXTAREA, GUMBO_TAG_TFOOT,
        GUMBO_TAG_TH, GUMBO_TAG_THEAD, GUMBO_TAG_TITLE, GUMBO_TAG_TR, GUMBO_TAG_UL,
        GUMBO_TAG_WBR, GUMBO_TAG_XMP});
}

constexpr void MarkBlocks(Table* t) {
  const std::initializer_list<GumboTag> both = {
      GUMBO_TAG_ADDRESS, GUMBO_TAG_ARTICLE, GUMBO_TAG_ASIDE, GUMBO_TAG_BLOCKQUOTE,
      GUMBO_TAG_CENTER, GUMBO_TAG_DETAILS, GUMBO_TAG_DIR, GUMBO_TAG_DIV, GUMBO_TAG_DL,
      GUMBO_TAG_FIELDSET, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE, GUMBO_TAG_FOOTER,
      GUMBO_TAG_HEADER, GUMBO_TAG_HGROUP, GUMBO_TAG_MENU, GUMBO_TAG_MAIN, GUMBO_TAG_NAV,
      GUMBO_TAG_OL, GUMBO_TAG_SECTION, GUMBO_TAG_SUMMARY, GUMBO_TAG_UL};
  Mark(t, kBlockStart | kBlockEnd, both);
  Mark(t, kBlockStart, {GUMBO_TAG_P});
  Mark(t, kBlockEnd, {GUMBO_TAG_BUTTON, GUMBO_TAG_LISTING, GUMBO_TAG_PRE});
}

constexpr Table MakeTable() {
  Table t{};
  MarkSpecial(&t);
  MarkBlocks(&t);
  Mark(&t, kFormatting,
       {GUMBO_TAG_A, GUMBO_TAG_B, GUMBO_TAG_BIG, GUMBO_TAG_CODE, GUMBO_TAG_EM,
        GUMBO_TAG_FONT, GUMBO_TAG_I, GUMBO_TAG_NOBR, GUMBO_TAG_S, GUMBO_TAG_SMALL,
        GUMBO_TAG_STRIKE, GUMBO_TAG_STRONG, GUMBO_TAG_TT, GUMBO_TAG_U});
  Mark(&t, kVoidInBody,
       {GUMBO_TAG_AREA, GUMBO_TAG_BR, GUMBO_TAG_EMBED, GUMBO_TAG_IMG, GUMBO_TAG_KEYGEN,
        GUMBO_TAG_WBR, GUMBO_TAG_INPUT, GUMBO_TAG_PARAM, GUMBO_TAG_SOURCE, GUMBO_TAG_TRACK});
  Mark(&t, kDeclinedStart,
       {GUMBO_TAG_HTML, GUMBO_TAG_BODY, GUMBO_TAG_FRAMESET, GUMBO_TAG_HEAD,
        GUMBO_TAG_CAPTION, GUMBO_TAG_COL, GUMBO_TAG_COLGROUP, GUMBO_TAG_FRAME,
        GUMBO_TAG_NOFRAMES, GUMBO_TAG_TEMPLATE, GUMBO_TAG_NOSCRIPT, GUMBO_TAG_PLAINTEXT,
        GUMBO_TAG_TEXTAREA, GUMBO_TAG_XMP, GUMBO_TAG_NOEMBED, GUMBO_TAG_SELECT,
        GUMBO_TAG_OPTION, GUMBO_TAG_OPTGROUP, GUMBO_TAG_RB, GUMBO_TAG_RP, GUMBO_TAG_RT,
        GUMBO_TAG_RTC, GUMBO_TAG_MATH, GUMBO_TAG_SVG, GUMBO_TAG_IMAGE, GUMBO_TAG_ISINDEX,
        GUMBO_TAG_NOBR, GUMBO_TAG_APPLET, GUMBO_TAG_MARQUEE, GUMBO_TAG_OBJECT,
        GUMBO_TAG_BASEFONT, GUMBO_TAG_BGSOUND, GUMBO_TAG_MENUITEM});
  Mark(&t, kEndsScope,
       {GUMBO_TAG_APPLET, GUMBO_TAG_CAPTION, GUMBO_TAG_HTML, GUMBO_TAG_TABLE,
        GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_MARQUEE, GUMBO_TAG_OBJECT, GUMBO_TAG_TEMPLATE});
  Mark(&t, kImpliedEnd,
       {GUMBO_TAG_DD, GUMBO_TAG_DT, GUMBO_TAG_LI, GUMBO_TAG_OPTION, GUMBO_TAG_OPTGROUP,
        GUMBO_TAG_P, GUMBO_TAG_RP, GUMBO_TAG_RB, GUMBO_TAG_RT, GUMBO_TAG_RTC});
  Mark(&t, kTablePart,
       {GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT, GUMBO_TAG_TR, GUMBO_TAG_TD,
        GUMBO_TAG_TH});
  Mark(&t, kHeading,
       {GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6});
  t[GUMBO_TAG_UNKNOWN] = 0;
  t[GUMBO_TAG_LAST] = 0;
  return t;
}

}  // namespace

constexpr Table kTagClassTable = MakeTable();

GumboTag LookupTag(const char* name, unsigned length) {
  // The tags of Word-exported pages first, without a hash.
  switch (length) {
    case 1:
      if (name[0] == 'p') return GUMBO_TAG_P;
      if (name[0] == 'a') return GUMBO_TAG_A;
      break;
    case 2:
      if (std::memcmp(name, "td", 2) == 0) return GUMBO_TAG_TD;
      if (std::memcmp(name, "tr", 2) == 0) return GUMBO_TAG_TR;
      if (std::memcmp(name, "br", 2) == 0) return GUMBO_TAG_BR;
      break;
    case 3:
      if (std::memcmp(name, "o:p", 3) == 0) return GUMBO_TAG_UNKNOWN;
      if (std::memcmp(name, "div", 3) == 0) return GUMBO_TAG_DIV;
      break;
    case 4:
      if (std::memcmp(name, "span", 4) == 0) return GUMBO_TAG_SPAN;
      if (std::memcmp(name, "font", 4) == 0) return GUMBO_TAG_FONT;
      break;
    default:
      break;
  }
  return gumbo_tagn_enum(name, length);
}

}  // namespace zfxxgk::html
