// Tests for schemas/cell_value.h: what a printed cell means.
#include "schemas/cell_value.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace zfxxgk {
namespace {

struct Case {
  const char* raw;
  CellStatus status;
  std::optional<double> value;
  bool integral;
  const char* unit;
};

void ExpectCell(const Case& c) {
  SCOPED_TRACE(c.raw);
  CellOut cell = ParseCellText(c.raw);
  EXPECT_EQ(cell.status, c.status) << CellStatusName(cell.status);
  EXPECT_EQ(cell.value, c.value);
  if (c.value) {
    EXPECT_EQ(cell.integral, c.integral);
  }
  EXPECT_EQ(cell.unit, c.unit);
  EXPECT_TRUE(cell.candidates.empty());
}

TEST(ParseCellTextTest, EmptyIsBlankNotZero) {
  ExpectCell({"", CellStatus::kBlank, std::nullopt, true, ""});
  ExpectCell({"   ", CellStatus::kBlank, std::nullopt, true, ""});
  ExpectCell({"\u3000", CellStatus::kBlank, std::nullopt, true, ""});
}

TEST(ParseCellTextTest, ZeroIsANumber) {
  ExpectCell({"0", CellStatus::kNumber, 0.0, true, ""});
}

TEST(ParseCellTextTest, SignedNumber) {
  ExpectCell({"-70", CellStatus::kNumber, -70.0, true, ""});
  ExpectCell({"-338", CellStatus::kNumber, -338.0, true, ""});
  ExpectCell({"+24", CellStatus::kNumber, 24.0, true, ""});
}

TEST(ParseCellTextTest, DecimalIsNotIntegral) {
  ExpectCell({"189538647.5", CellStatus::kNumber, 189538647.5, false, ""});
  ExpectCell({"24252.311082", CellStatus::kNumber, 24252.311082, false, ""});
}

TEST(ParseCellTextTest, FullWidthDigitsAreNumbers) {
  ExpectCell({"１２", CellStatus::kNumber, 12.0, true, ""});
  ExpectCell({" 605986 ", CellStatus::kNumber, 605986.0, true, ""});
}

TEST(ParseCellTextTest, DashVariants) {
  for (const char* raw : {"-", "—", "－", "——", "–"}) {
    ExpectCell({raw, CellStatus::kDash, std::nullopt, true, ""});
  }
}

TEST(ParseCellTextTest, SlashIsNotApplicable) {
  for (const char* raw : {"/", "／", "\\"}) {
    ExpectCell({raw, CellStatus::kNotApplicable, std::nullopt, true, ""});
  }
}

TEST(ParseCellTextTest, SignedTextGivesSignedValue) {
  ExpectCell({"减4", CellStatus::kText, -4.0, true, ""});
  ExpectCell({"减少12", CellStatus::kText, -12.0, true, ""});
  ExpectCell({"增3", CellStatus::kText, 3.0, true, ""});
  ExpectCell({"增加5个", CellStatus::kText, 5.0, true, ""});
}

TEST(ParseCellTextTest, UnitTextKeepsUnit) {
  ExpectCell({"251000元", CellStatus::kText, 251000.0, true, "元"});
  ExpectCell({"2.52万元", CellStatus::kText, 2.52, false, "万元"});
  ExpectCell({"3件", CellStatus::kText, 3.0, true, "件"});
}

TEST(ParseCellTextTest, DigitGroupCommasAreDropped) {
  ExpectCell({"1,234", CellStatus::kNumber, 1234.0, true, ""});
  ExpectCell({"1,234,567", CellStatus::kNumber, 1234567.0, true, ""});
  ExpectCell({"１，２３４", CellStatus::kNumber, 1234.0, true, ""});
}

TEST(ParseCellTextTest, OtherTextHasNoValue) {
  ExpectCell({"abc", CellStatus::kText, std::nullopt, true, ""});
  ExpectCell({"无", CellStatus::kText, std::nullopt, true, ""});
  ExpectCell({"1.2.3", CellStatus::kText, std::nullopt, true, ""});
}

TEST(ParseCellTextTest, RawIsKeptAsPrintedWithSpacesCollapsed) {
  EXPECT_EQ(ParseCellText("  －  ").raw, "－");
  EXPECT_EQ(ParseCellText("１，２３４").raw, "１，２３４");
  EXPECT_EQ(ParseCellText("251000 元").raw, "251000 元");
  EXPECT_EQ(ParseCellText("251000 元").value, 251000.0);
}

TEST(CellStatusNameTest, StableNames) {
  EXPECT_STREQ(CellStatusName(CellStatus::kNumber), "number");
  EXPECT_STREQ(CellStatusName(CellStatus::kBlank), "blank");
  EXPECT_STREQ(CellStatusName(CellStatus::kDash), "dash");
  EXPECT_STREQ(CellStatusName(CellStatus::kNotApplicable), "not_applicable");
  EXPECT_STREQ(CellStatusName(CellStatus::kText), "text");
  EXPECT_STREQ(CellStatusName(CellStatus::kMissing), "missing");
  EXPECT_STREQ(CellStatusName(CellStatus::kAmbiguous), "ambiguous");
}

TEST(LooksLikeValueTest, ValuesAreValues) {
  for (const char* raw : {"0", "-70", "189538647.5", "", "—", "／", "减4", "251000元", "1,234"}) {
    EXPECT_TRUE(LooksLikeValue(raw)) << raw;
  }
}

TEST(LooksLikeValueTest, LabelsAreNotValues) {
  for (const char* raw : {"规章", "（一）予以公开", "1.属于国家秘密", "自然人", "总计",
                          "本年新收政府信息公开申请数量", "abc", "第二十条第（一）项"}) {
    EXPECT_FALSE(LooksLikeValue(raw)) << raw;
  }
}

}  // namespace
}  // namespace zfxxgk
