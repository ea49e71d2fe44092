// The SQLite output of a batch: one database with every report, cell,
// check and issue, and the set findings. Schema and example queries:
// docs/batch.md (kBatchSqliteSchema is the authoritative DDL).
//
//   StatusOr<std::unique_ptr<BatchSink>> db = NewSqliteSink("archive.sqlite", {});
//
// The database is built in "<FILE>.partial" (journal off: a failed run
// discards it) with one transaction per `reports_per_transaction` reports
// (or bodies of the set findings, written by AddBody); Finish creates the
// indexes and renames it onto FILE. Not thread-safe (RunBatch calls it from one thread). Errors:
// kUnreadable (cannot create or rename the file), kInternal (an SQLite
// error; the message carries sqlite3_errmsg).
#ifndef ZFXXGK_PIPELINE_BATCH_SQLITE_H_
#define ZFXXGK_PIPELINE_BATCH_SQLITE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "pipeline/batch.h"
#include "pipeline/status.h"

namespace zfxxgk {

struct SqliteSinkOptions {
  // Reports (with their cells, checks and issues) per transaction.
  int reports_per_transaction = 500;
  // Stored in the batch_meta table.
  std::string tool_version = ZFXXGK_VERSION;
};

// The tables (CREATE statements); the indexes are created at Finish.
extern const char* const kBatchSqliteSchema;

StatusOr<std::unique_ptr<BatchSink>> NewSqliteSink(const std::string& path,
                                                   const SqliteSinkOptions& options);

// reports.id of input `path`: the first 8 bytes of SHA-256(path), big
// endian, as a positive 63-bit integer. The same in every run and every
// shard, so shard databases merge by plain INSERT ... SELECT.
int64_t BatchReportId(std::string_view path);

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_BATCH_SQLITE_H_
