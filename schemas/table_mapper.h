// Maps the tables of an item stream onto the contract keys of one template.
//
// Label-anchored: for every row of the template, in order, the mapper finds
// one of the row's aliases after the previous row and reads the row's cells
// after it (row_reader.h). Glued digit runs are split with the template's
// identities (digit_split.h); cells the identities leave open come out
// kAmbiguous with their candidates and an issue names them.
#ifndef ZFXXGK_SCHEMAS_TABLE_MAPPER_H_
#define ZFXXGK_SCHEMAS_TABLE_MAPPER_H_

#include <vector>

#include "schemas/item_stream.h"
#include "schemas/prose_facts.h"
#include "schemas/report_v1.h"
#include "schemas/template.h"

namespace zfxxgk {

// Appends the cells of tables 二, 三 and 四 to `report.cells` (and issues to
// `report.issues`). Returns the number of cells read from the input (not
// missing); 0 means no table of the report was found.
// `facts` are the prose's single-cell statements (ExtractProseFacts); the
// three-argument form finds them itself.
int MapTables(const std::vector<Item>& items, const TemplateSpec& spec,
              const std::vector<ProseFact>& facts, ReportV1& report);
int MapTables(const std::vector<Item>& items, const TemplateSpec& spec, ReportV1& report);

}  // namespace zfxxgk

#endif  // ZFXXGK_SCHEMAS_TABLE_MAPPER_H_
