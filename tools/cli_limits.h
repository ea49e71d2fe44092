// The resource-limit flags of `zfxxgk extract` and `zfxxgk batch`
// (pipeline/extract.h ExtractOptions): one definition, so both commands
// offer the same flags with the same defaults and help.
//
//   zfxxgk::ExtractOptions limits;
//   zfxxgk::AddLimitOptions(*extract, limits);
//
// Only used by the CLI.
#ifndef ZFXXGK_TOOLS_CLI_LIMITS_H_
#define ZFXXGK_TOOLS_CLI_LIMITS_H_

#include "pipeline/extract.h"

namespace CLI {
class App;
}  // namespace CLI

namespace zfxxgk {

// Adds --max-input-bytes, --max-html-depth, --max-table-cells, --max-pixels,
// --max-pages and --max-ocr-seconds to `command`, bound to `limits`.
void AddLimitOptions(CLI::App& command, ExtractOptions& limits);

}  // namespace zfxxgk

#endif  // ZFXXGK_TOOLS_CLI_LIMITS_H_
