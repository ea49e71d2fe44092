// Unlinked temporary files: created in a directory and removed from it at
// once, so they vanish when closed or when the process ends, however it ends
// (used by the batch's spill file, external sorts and input list).
//
//   StatusOr<int> fd = CreateUnlinkedTempFile("", "zfxxgk-sort");  // $TMPDIR or /tmp
//
// Thread-safe; no exceptions.
#ifndef ZFXXGK_PIPELINE_TEMP_FILE_H_
#define ZFXXGK_PIPELINE_TEMP_FILE_H_

#include <string>

#include "pipeline/status.h"

namespace zfxxgk {

// A file descriptor (read/write, close-on-exec) of a new file in `dir`
// ($TMPDIR or /tmp when empty) named `stem`-XXXXXX, already unlinked. The
// caller owns it. kUnreadable when it cannot be created.
StatusOr<int> CreateUnlinkedTempFile(const std::string& dir, const std::string& stem);

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_TEMP_FILE_H_
