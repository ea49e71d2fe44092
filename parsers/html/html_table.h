// Reading an HTML <table> into the document model's Table (internal to
// parsers/html), and telling data tables from page-layout and page-metadata
// tables. Pure functions over gumbo's tree; thread-safe; none throws.
#ifndef ZFXXGK_PARSERS_HTML_HTML_TABLE_H_
#define ZFXXGK_PARSERS_HTML_HTML_TABLE_H_

#include <gumbo.h>

#include <cstddef>
#include <string_view>
#include <vector>

#include "parsers/html/weight_map.h"
#include "pipeline/document.h"

namespace zfxxgk::html {

// The grid of `table` with cell texts (HTML table model: rowspan/colspan
// clamped to 1..1000 and to the table's rows, cells past column 2000 dropped,
// a span budget of 4 M slots per table). A cell's text joins its <p>/<div>/<br>
// pieces without a separator; tables nested in cells go to `nested` and their
// text stays out of the cell. Provenance: byte range of each cell's element.
Table BuildTable(const GumboNode* table, std::vector<const GumboNode*>* nested);

// A label of the metadata table many CMSs print above the article (索引号,
// 发布机构, 公开日期, ...; a trailing colon is ignored).
bool IsMetadataLabel(std::string_view text);

// A small table of page metadata (索引号 | … | 公开日期 | 2024-01-17), read as
// lines rather than as a Table so the publication date stays in the text.
bool IsMetadataTable(const GumboNode* table);

// The same test on the grid BuildTable made of the table (no second reading).
bool IsMetadataTable(const Table& grid);

// A table used for page layout: one cell, or mostly (by weight) other tables.
bool IsLayoutTable(const GumboNode* table, const WeightMap& w);

}  // namespace zfxxgk::html

#endif  // ZFXXGK_PARSERS_HTML_HTML_TABLE_H_
