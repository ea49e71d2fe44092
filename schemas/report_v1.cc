#include "schemas/report_v1.h"

#include "schemas/identity_checker.h"
#include "schemas/item_stream.h"
#include "schemas/prose_facts.h"
#include "schemas/report_meta.h"
#include "schemas/table_mapper.h"

namespace zfxxgk {

StatusOr<ReportV1> BuildReport(const Document& doc, std::string_view utf8) {
  std::vector<Item> items = BuildItemStream(doc);
  ReportV1 report;
  report.source = doc.source;
  report.issues = doc.issues;
  report.report = ExtractMeta(items, utf8);
  report.sections = ExtractSections(items);
  const TemplateSpec* spec = DetectTemplate(items);
  if (spec == nullptr) {
    return Status(StatusCode::kNotAReport,
                  doc.source.path + ": no table of an annual report (政府信息公开工作年度报告) found");
  }
  report.report.template_name = spec->name;
  const ProseStatements prose = FindProseStatements(items, spec->name);
  int read = MapTables(items, *spec, ExtractProseFacts(prose), report);
  if (read == 0) {
    return Status(StatusCode::kNotAReport,
                  doc.source.path + ": template labels found but no table values");
  }
  CheckIdentities(*spec, report);
  CheckProse(prose, report);
  return report;
}

}  // namespace zfxxgk
