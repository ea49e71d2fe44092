// The JSON of one body of set findings streamed into a string, without a
// DOM: the same text as BodyFindingsJson(body, path_of).dump(2, ' ', false,
// replace) (schemas/report_set_json.h) with every line after the first
// indented by `indent` more spaces, which is how the body reads inside the
// batch's findings file (BatchSetFindingsJsonWriter).
//
//   std::string out;
//   AppendBodyFindingsJson(body, path_of, /*indent=*/4, out);
//
// Building the nlohmann DOM, dumping it and indenting the dump cost the
// collector about 47,000 instructions per text report at the end of a batch
// (serial work); this writes the text directly. Strings are escaped by
// JsonWriter (schemas/json_writer.h), which escapes as dump does.
// Thread-compatible; no exceptions (std::bad_alloc aside).
#ifndef ZFXXGK_PIPELINE_BATCH_FINDINGS_JSON_H_
#define ZFXXGK_PIPELINE_BATCH_FINDINGS_JSON_H_

#include <cstddef>
#include <string>

#include "pipeline/batch_findings.h"
#include "schemas/report_set.h"

namespace zfxxgk {

// Appends the body's JSON to `out` (no newline before or after).
void AppendBodyFindingsJson(const BodyFindings& body, const BatchPathOf& path_of, size_t indent,
                            std::string& out);

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_BATCH_FINDINGS_JSON_H_
