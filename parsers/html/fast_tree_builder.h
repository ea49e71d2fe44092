// The fast path's tree builder (internal to parsers/html; see fast_tree.h):
// gumbo 0.10.1's tree construction restricted to the insertion modes and
// token cases real report pages use. Each case either does exactly what gumbo
// does (same nodes, same order, same start/end offsets, same text-node
// boundaries) or declines.
//
// Invariant that keeps formatting elements simple: every entry of the list of
// active formatting elements is on the stack of open elements, so gumbo's
// "reconstruct the active formatting elements" never does anything. Any step
// that would break it (a formatting element closed by anything but its own
// end tag while it is the current node, <a> inside <a>, a fourth identical
// formatting element) declines.
//
// The operations live in fast_tree_builder.cc, the insertion modes in
// fast_tree_modes.cc. Not thread-safe; one builder per parse.
#ifndef ZFXXGK_PARSERS_HTML_FAST_TREE_BUILDER_H_
#define ZFXXGK_PARSERS_HTML_FAST_TREE_BUILDER_H_

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

#include "parsers/html/fast_arena.h"
#include "parsers/html/fast_tokenizer.h"

namespace zfxxgk::html {

class FastTreeBuilder {
 public:
  // `utf8` and `arena` must outlive the builder and the tree.
  FastTreeBuilder(std::string_view utf8, FastArena* arena);

  // Builds the tree; false when declined (then reason() says why).
  bool Run();

  const char* reason() const { return reason_; }
  GumboNode* document() const { return document_; }
  GumboNode* root() const { return root_; }

 private:
  enum class Mode {
    kInitial, kBeforeHtml, kBeforeHead, kInHead, kAfterHead, kInBody, kText,
    kInTable, kInTableBody, kInRow, kInCell, kAfterBody, kAfterAfterBody,
  };
  enum class Step { kDone, kAgain };  // kAgain: reprocess the (rest of the) token
  enum class Scope { kDefault, kList, kButton, kTable };

  // ---- insertion modes (fast_tree_modes.cc)
  Step Dispatch(FastToken& t);
  Step Initial(FastToken& t);
  Step BeforeHtml(FastToken& t);
  Step BeforeHead(FastToken& t);
  Step InHead(FastToken& t);
  Step AfterHead(FastToken& t);
  Step InBody(FastToken& t);
  Step InBodyStartTag(FastToken& t);
  Step InBodyEndTag(FastToken& t);
  void FormattingEndTag(const FastToken& t);
  void AnyOtherEndTag(const FastToken& t);
  void FormEndTag();
  Step Text(FastToken& t);
  Step InTable(FastToken& t);
  Step InTableBody(FastToken& t);
  Step InRow(FastToken& t);
  Step InCell(FastToken& t);
  Step AfterBody(FastToken& t);
  Step AfterAfterBody(FastToken& t);
  void ResetInsertionMode();

  // ---- tree operations (fast_tree_builder.cc)
  void Fail(const char* reason);
  GumboNode* Current() const { return open_.back(); }
  GumboTag CurrentTag() const;
  GumboNode* NewElement(GumboTag tag);
  GumboNode* InsertFromToken(const FastToken& t);
  GumboNode* InsertImplied(GumboTag tag);
  void Insert(GumboNode* element);
  void AppendChild(GumboNode* parent, GumboNode* child);
  void AppendComment(GumboNode* parent, const FastToken& t);
  void AppendText(std::string_view text, size_t begin, bool non_ws);
  void FlushText();
  GumboNode* Pop(bool formatting_ok = false);
  void RecordEnd(GumboNode* element);
  void PopUntil(GumboTag tag);
  bool InScope(GumboTag tag, Scope scope) const;
  bool NodeInScope(const GumboNode* node) const;
  void GenerateImpliedEndTags(GumboTag except);
  void CloseTags(GumboTag tag);
  void ClosePInButtonScope();
  void CloseListItem(bool li);
  void ClearStackTo(std::initializer_list<GumboTag> stops);
  void PushFormatting(GumboNode* element);
  GumboNode* LastFormatting(GumboTag tag) const;
  void StartRawText(const FastToken& t);
  static void DropPrefix(FastToken& t, size_t n);
  void Finish();

  std::string_view in_;
  FastArena* arena_;
  FastTokenizer tokenizer_;
  const FastToken* current_token_ = nullptr;
  FastToken eof_;
  GumboNode* document_ = nullptr;
  GumboNode* root_ = nullptr;
  GumboNode* head_ = nullptr;
  GumboNode* form_ = nullptr;
  std::vector<GumboNode*> open_;        // stack of open elements
  std::vector<GumboNode*> formatting_;  // active formatting list; nullptr = marker
  Mode mode_ = Mode::kInitial;
  Mode original_mode_ = Mode::kInitial;
  bool closed_body_ = false;  // a </body> was processed (gumbo keeps its end)
  bool closed_html_ = false;
  bool ignore_lf_ = false;    // after <pre>/<listing>
  std::string text_;          // pending characters (gumbo's text node buffer)
  size_t text_begin_ = 0;
  bool text_non_ws_ = false;
  const char* reason_ = nullptr;
};

}  // namespace zfxxgk::html

#endif  // ZFXXGK_PARSERS_HTML_FAST_TREE_BUILDER_H_
