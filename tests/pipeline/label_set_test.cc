// Tests for pipeline/label_set.h: a long label told from its two ends.
#include "pipeline/label_set.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace zfxxgk {
namespace {

const LabelSet& Labels() {
  static const LabelSet* labels = new LabelSet({
      {"属于国家秘密"},
      {"属于行政执法案卷", "行政执法案卷"},
      {"其他法律行政法规禁止公开", "其他法律行政止公开"},
      {"部分公开(区分处理的,只计这一情形,不计其他情形)"},
      {"本年新收政府信息公开申请数量", "本年新收"},
      {"上年结转政府信息公开申请数量"},
  });
  return *labels;
}

TEST(LabelSetTest, TheOneLabelWithBothEndsMatches) {
  std::optional<LabelMatch> m = Labels().Match("本年新收政", "数量");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->numbering, "");
  EXPECT_EQ(m->label, "本年新收政府信息公开申请数量");
}

TEST(LabelSetTest, TheNumberingIsKeptAsReadAndNotCompared) {
  std::optional<LabelMatch> m = Labels().Match("（二）部分公开", "其他情形）");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->numbering, "(二)");
  EXPECT_EQ(m->label, "部分公开(区分处理的,只计这一情形,不计其他情形)");
}

TEST(LabelSetTest, PunctuationReadOneWayOrAnotherDoesNotMatter) {
  EXPECT_TRUE(Labels().Match("二。，上年结转", "请数量").has_value());
  EXPECT_TRUE(Labels().Match("部分公开〈区", "情形〉").has_value());
}

TEST(LabelSetTest, AMisreadEndIsNoMatch) {
  EXPECT_FALSE(Labels().Match("本年新收政", "数号理").has_value());
  EXPECT_FALSE(Labels().Match("本年新权政", "数量").has_value());
}

TEST(LabelSetTest, EndsSharedByTwoLabelsAreNoMatch) {
  const LabelSet labels({{"属于国家秘密"}, {"属于国家工作秘密"}});
  EXPECT_FALSE(labels.Match("1.属于国家", "秘密").has_value());
}

TEST(LabelSetTest, OfOneLabelsVariantsTheLongestIsGiven) {
  std::optional<LabelMatch> m = Labels().Match("2.其他法律", "止公开");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->label, "其他法律行政法规禁止公开");
}

TEST(LabelSetTest, AHeadOfFewerThanThreeIdeographsIsNoMatch) {
  EXPECT_FALSE(Labels().Match("1.属于", "秘密").has_value());
  EXPECT_FALSE(Labels().Match("1.属于国", "密").has_value());
}

TEST(LabelSetTest, EndsLongerThanTheLabelTogetherAreNoMatch) {
  EXPECT_FALSE(Labels().Match("属于国家秘", "家秘密").has_value());
}

TEST(LabelSetTest, NumberingLengthCoversDigitsNumeralsAndClosingMarks) {
  EXPECT_EQ(NumberingLength("1.属于"), 2u);
  EXPECT_EQ(NumberingLength("(一)予以公开"), std::string("(一)").size());
  EXPECT_EQ(NumberingLength("三、本年度"), std::string("三、").size());
  EXPECT_EQ(NumberingLength("二。,上年"), std::string("二。,").size());
}

TEST(LabelSetTest, NumberingLengthIsZeroWithoutAClosingMark) {
  EXPECT_EQ(NumberingLength("三类内部事务信息"), 0u);
  EXPECT_EQ(NumberingLength("(本列数据"), 0u);
  EXPECT_EQ(NumberingLength("12"), 0u);
}

}  // namespace
}  // namespace zfxxgk
