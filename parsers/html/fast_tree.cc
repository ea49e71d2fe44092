#include "parsers/html/fast_tree.h"

#include <string>

#include "parsers/html/fast_tree_builder.h"

namespace zfxxgk::html {

StatusOr<std::unique_ptr<FastTree>> FastTree::Parse(std::string_view utf8) {
  std::unique_ptr<FastTree> tree(new FastTree());
  FastTreeBuilder builder(utf8, &tree->arena_);
  if (!builder.Run()) {
    return Status(StatusCode::kUnsupportedFormat,
                  std::string("HTML fast path declined: ") +
                      (builder.reason() != nullptr ? builder.reason() : "no <html>"));
  }
  tree->document_ = builder.document();
  tree->root_ = builder.root();
  return tree;
}

}  // namespace zfxxgk::html
