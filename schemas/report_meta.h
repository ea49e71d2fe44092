// Report metadata and sections from an item stream, by named RE2 rules
// (report_v1_rules.cc).
#ifndef ZFXXGK_SCHEMAS_REPORT_META_H_
#define ZFXXGK_SCHEMAS_REPORT_META_H_

#include <string_view>
#include <vector>

#include "schemas/item_stream.h"
#include "schemas/report_v1.h"
#include "schemas/template.h"

namespace zfxxgk {

// Title, organ (the body as named in the title), report year and
// publication date (printed with the page — 发布日期/发布时间/公开日期 —
// else the date under the title, else the signature date, else empty).
// `utf8` is the whole decoded input, read for page metadata such as
// <meta name="PubDate">.
ReportMeta ExtractMeta(const std::vector<Item>& items, std::string_view utf8);

// The template version voted by content markers, or null when no marker is
// present.
const TemplateSpec* DetectTemplate(const std::vector<Item>& items);

// The six sections (and the preamble) from text items outside tables.
std::vector<SectionOut> ExtractSections(const std::vector<Item>& items);

}  // namespace zfxxgk

#endif  // ZFXXGK_SCHEMAS_REPORT_META_H_
