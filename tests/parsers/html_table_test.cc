// parsers/html/html_table.h: telling a page's metadata table from the grid
// BuildTable made of it.
#include "parsers/html/html_table.h"

#include <gtest/gtest.h>

#include <string>

namespace zfxxgk::html {
namespace {

Table GridOfRows(int rows, const std::string& first_cell) {
  Table t;
  t.n_rows = rows;
  t.n_cols = 2;
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < 2; ++c) {
      Cell cell;
      cell.row = r;
      cell.col = c;
      cell.text = r == 0 && c == 0 ? first_cell : "2024-01-17";
      t.cells.push_back(cell);
    }
  }
  return t;
}

TEST(HtmlTable, GridWithAMetadataLabelIsAMetadataTable) {
  EXPECT_TRUE(IsMetadataTable(GridOfRows(3, "发布机构：")));
}

TEST(HtmlTable, GridWithoutAMetadataLabelIsNoMetadataTable) {
  EXPECT_FALSE(IsMetadataTable(GridOfRows(3, "行政许可")));
}

TEST(HtmlTable, GridOfMoreThanTwelveRowsIsNoMetadataTable) {
  EXPECT_TRUE(IsMetadataTable(GridOfRows(12, "索引号")));
  EXPECT_FALSE(IsMetadataTable(GridOfRows(13, "索引号")));
}

}  // namespace
}  // namespace zfxxgk::html
