// Tests for parsers/pdf/text_quality.h.
#include "parsers/pdf/text_quality.h"

#include <gtest/gtest.h>

namespace zfxxgk::pdf {
namespace {

TEST(PdfTextQualityTest, AReportPageIsText) {
  const double share = PlausibleShare(
      "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和）"
      " 自然人 商业企业 1 2 3 — “其他” 2021年 ①");
  EXPECT_DOUBLE_EQ(share, 1.0);
  EXPECT_FALSE(IsGarbageText(share));
}

TEST(PdfTextQualityTest, GbkBytesReadAsLatin1AreGarbage) {
  // 政府信息公开 in GBK, each byte taken as a Latin-1 character.
  const double share = PlausibleShare("\xd5\xfe\xb8\xae\xd0\xc5\xcf\xa2\xb9\xab\xbf\xaa"
                                      " 2021 \xc4\xea");
  EXPECT_TRUE(IsGarbageText(share)) << share;
  const double mojibake = PlausibleShare("Õþ¸®ÐÅÏ¢¹«¿ª 2021 Äê");
  EXPECT_TRUE(IsGarbageText(mojibake)) << mojibake;
}

TEST(PdfTextQualityTest, PrivateUseAndControlCharactersAreGarbage) {
  EXPECT_TRUE(IsGarbageText(PlausibleShare("\uE001\uE002\uE003\uE004 12 \uE005")));
  EXPECT_TRUE(IsGarbageText(PlausibleShare("\x01\x02\x03\x04\x05\x06 ab")));
}

TEST(PdfTextQualityTest, WhitespaceAloneIsNothingToJudge) {
  EXPECT_DOUBLE_EQ(PlausibleShare(" \n\t\u3000 "), 1.0);
  EXPECT_DOUBLE_EQ(PlausibleShare(""), 1.0);
}

}  // namespace
}  // namespace zfxxgk::pdf
