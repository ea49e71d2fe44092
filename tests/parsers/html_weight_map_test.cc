// parsers/html/weight_map.h: node -> weight, as the parser's ComputeWeights
// fills it and the article and layout-table choices read it.
#include "parsers/html/weight_map.h"

#include <gtest/gtest.h>

#include <vector>

namespace zfxxgk::html {
namespace {

TEST(HtmlWeightMap, FindsNothingWhenEmpty) {
  const WeightMap w;
  GumboNode node{};
  EXPECT_EQ(w.Find(&node), nullptr);
  EXPECT_EQ(w.size(), 0u);
}

TEST(HtmlWeightMap, ReplacesTheWeightOfANodeSetTwice) {
  WeightMap w;
  GumboNode node{};
  w.Set(&node, 3);
  w.Set(&node, 7);
  EXPECT_EQ(w.At(&node), 7u);
  EXPECT_EQ(w.size(), 1u);
}

TEST(HtmlWeightMap, KeepsEveryWeightAcrossGrowth) {
  std::vector<GumboNode> nodes(5000);  // several growths past the first table
  WeightMap w;
  for (size_t i = 0; i < nodes.size(); i += 2) w.Set(&nodes[i], i * 3);
  EXPECT_EQ(w.size(), 2500u);
  for (size_t i = 0; i < nodes.size(); ++i) {
    const size_t* weight = w.Find(&nodes[i]);
    if (i % 2 == 0) {
      ASSERT_NE(weight, nullptr) << i;
      EXPECT_EQ(*weight, i * 3);
    } else {
      EXPECT_EQ(weight, nullptr) << i;
    }
  }
}

}  // namespace
}  // namespace zfxxgk::html
