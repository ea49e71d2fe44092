// Tests for pipeline/ocr_text.h: joining recognised words into cell text and
// telling numbers from labels.
#include "pipeline/ocr_text.h"

#include <gtest/gtest.h>

#include <vector>

namespace zfxxgk {
namespace {

OcrWord Word(const char* text, double x0, int line, double confidence = 0.9) {
  OcrWord w;
  w.text = text;
  w.box = BBox{x0, 10.0 * line, x0 + 10, 10.0 * line + 8};
  w.line = line;
  w.confidence = confidence;
  return w;
}

TEST(OcrTextTest, JoinCellWordsReadsLinesTopToBottomAndWordsLeftToRight) {
  std::vector<OcrWord> words = {Word("的，只计", 0, 1), Word("（二）部分公开", 0, 0),
                                Word("情形）", 0, 2), Word("（区分处理", 80, 0)};
  EXPECT_EQ(JoinCellWords(words), "（二）部分公开（区分处理的，只计情形）");
}

TEST(OcrTextTest, JoinCellWordsKeepsASpaceOnlyBetweenLatinWords) {
  EXPECT_EQ(JoinCellWords({Word("Open", 0, 0), Word("Data", 40, 0)}), "Open Data");
  EXPECT_EQ(JoinCellWords({Word("1", 0, 0), Word("001", 20, 0)}), "1001");
  EXPECT_EQ(JoinCellWords({Word("第二十条", 0, 0), Word("第(一)项", 50, 0)}), "第二十条第(一)项");
}

TEST(OcrTextTest, JoinCellWordsOfNothingIsEmpty) { EXPECT_EQ(JoinCellWords({}), ""); }

TEST(OcrTextTest, IsNumberTextAcceptsPrintedCounts) {
  for (const char* t : {"0", "-70", "189538647.5", "１２３", "+5"}) {
    EXPECT_TRUE(IsNumberText(t)) << t;
  }
}

TEST(OcrTextTest, IsNumberTextRejectsEverythingElse) {
  for (const char* t : {"", "-", "1.", ".5", "1.2.3", "减4", "12a", "1 2", "/"}) {
    EXPECT_FALSE(IsNumberText(t)) << t;
  }
}

TEST(OcrTextTest, CountIdeographsCountsHanOnly) {
  EXPECT_EQ(CountIdeographs("2.重复申请"), 4);
  EXPECT_EQ(CountIdeographs("减4"), 1);
  EXPECT_EQ(CountIdeographs("（一）"), 1);
  EXPECT_EQ(CountIdeographs("1532.8"), 0);
  EXPECT_FALSE(HasIdeograph("-|"));
}

TEST(OcrTextTest, LooksLikeNumberCellNeedsDigitsAndNoIdeograph) {
  EXPECT_TRUE(LooksLikeNumberCell("1532.8"));
  EXPECT_TRUE(LooksLikeNumberCell("1O1"));  // a misread number is still a value cell
  EXPECT_FALSE(LooksLikeNumberCell("减4"));
  EXPECT_FALSE(LooksLikeNumberCell("—"));
}

TEST(OcrTextTest, LowestConfidenceIsOneWithoutWords) {
  EXPECT_DOUBLE_EQ(LowestConfidence({}), 1.0);
  EXPECT_DOUBLE_EQ(LowestConfidence({Word("a", 0, 0, 0.7), Word("b", 20, 0, 0.4)}), 0.4);
}

}  // namespace
}  // namespace zfxxgk
