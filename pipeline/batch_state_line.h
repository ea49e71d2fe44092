// One line of the batch journal (pipeline/batch_state.h): the entry it
// records, how it is written, and how it is read back, in full or only for
// its path.
//
//   std::string line = StateEntryLine(entry);            // ends in "\n"
//   line.pop_back();
//   std::string storage;
//   std::optional<std::string_view> path = ScanStateEntryPath(line, storage);
//   StatusOr<BatchStateEntry> back = ParseStateEntry(line);  // == entry
//
// A journal entry is a line that is one JSON text as nlohmann::json::parse
// reads it (RFC 8259 with strict UTF-8 in strings, numbers that are finite
// as doubles, an optional UTF-8 BOM first), whose value is an object with a
// "status" member and whose last "path" member is a string. Members repeat
// as in nlohmann's DOM: the last one of a name counts; a NUL byte after the
// object ends the line, as nlohmann's lexer has it. ParseStateEntry and
// ScanStateEntryPath run one scanner and accept exactly these lines (the
// reader the journal had before, nlohmann's DOM, accepted the same ones;
// tests/pipeline/batch_state_line_test.cc holds them to it), without
// building a DOM. One difference in what they read, not in what they
// accept: the old reader cut a line ending in `,"set":"<plain record>"}` at
// that member and read the rest alone, so on a line with a NUL byte after a
// complete object and such an ending it took that record from beyond the
// NUL; now nothing after the NUL is read. No writer makes such a line
// (StateEntryLine escapes NUL). Thread-safe; no exceptions (std::bad_alloc
// aside).
#ifndef ZFXXGK_PIPELINE_BATCH_STATE_LINE_H_
#define ZFXXGK_PIPELINE_BATCH_STATE_LINE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

namespace zfxxgk {

// What the batch knows about one completed input; enough for the summary
// without reading the report again.
struct BatchStateEntry {
  std::string path;        // the input path, as in the input list
  std::string sha256;      // of the input bytes; empty when they could not be read
  std::string version;     // tool version that produced the outcome
  std::string status;      // ok | partial | failed (see BatchItemStatusName)
  std::string output;      // file name in OUTDIR; empty when failed
  std::string format;      // html | text | pdf | image | unknown
  std::string template_name;
  std::string organ;
  std::optional<int> year;
  std::string published;
  std::vector<std::string> failing_checks;  // ids of hard identity checks that fail
  std::string error_code;  // StatusCodeName when failed
  std::string error;       // the error message when failed
  // The report's set-analysis record (pipeline/batch_set_record.h), field
  // "set" of the line; empty when failed, when the report could not be
  // encoded, or in journals written before it existed (the analysis then
  // reads the report file).
  std::string set_record;
};

// One journal line (compact JSON, ending in "\n"): nlohmann's dump of the
// members in a fixed order, the set record last.
std::string StateEntryLine(const BatchStateEntry& entry);

// Where in `line` (a StateEntryLine of an entry whose set record is
// `set_record`) the record's bytes stand as they are, or nullopt when they do
// not (the record needed escapes, or there is none). A reader of the journal
// can then take the record from the file without parsing the line.
std::optional<size_t> SetRecordInLine(std::string_view line, std::string_view set_record);

// Reads one journal line (without the newline). A member of the wrong type
// reads as absent (empty string, no year, no failing checks); a failing
// check that is not a string is left out; unknown members are ignored.
// kInvalidArgument when the line is not a journal entry (above).
StatusOr<BatchStateEntry> ParseStateEntry(std::string_view line);

// The path of the journal entry on `line`, or nullopt when the line is not a
// journal entry: the same answer as ParseStateEntry(line), at the cost of a
// check of each byte. The other members, the set record included, are
// checked in place, not copied. The view points into `line`, or into
// `storage` when the path holds escapes.
std::optional<std::string_view> ScanStateEntryPath(std::string_view line, std::string& storage);

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_BATCH_STATE_LINE_H_
