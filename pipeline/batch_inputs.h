// The input list of a batch: discovery (files, directories, manifests),
// sharding, and the stable name of each input's output file.
//
//   std::vector<std::string> errors;
//   std::vector<std::string> inputs = CollectBatchInputs({"archive/"}, {}, errors);
//   StatusOr<Shard> shard = ParseShard("2/8");
//   inputs = SelectShard(inputs, *shard);            // about 1/8 of the inputs
//   std::string name = BatchOutputName(inputs[0]);   // "archive%2Fa%2Finput.html.json"
//
// Pure functions except for the directory walk and manifest reading;
// thread-safe; no exceptions.
#ifndef ZFXXGK_PIPELINE_BATCH_INPUTS_H_
#define ZFXXGK_PIPELINE_BATCH_INPUTS_H_

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

namespace zfxxgk {

// What a directory walk takes besides report names.
struct BatchWalkOptions {
  // Also .png .jpg .jpeg: scans kept as images. Off by default: saved web
  // pages carry many such images (logos, banners), each an OCR attempt.
  bool images = false;
};

// Whether a directory walk takes `file_name`: input.* or a name ending in
// .html .htm .txt .md .pdf .tif .tiff, and with walk.images .png .jpg .jpeg
// (any case); README.* is excluded. Without walk.images, scans as .png/.jpg
// are taken when named input.* or listed in a manifest.
bool IsBatchInputName(std::string_view file_name, const BatchWalkOptions& walk = {});

// The paths one INPUT argument names: a directory is walked recursively
// (hidden entries skipped, symbolic links to directories not followed) for
// files IsBatchInputName(name, walk) accepts; anything else is taken as a
// file, whatever its name. A walk error is appended to `errors` as
// "dir: message".
std::vector<std::string> ExpandBatchInput(const std::string& input,
                                          std::vector<std::string>& errors,
                                          const BatchWalkOptions& walk = {});

// The lines of a manifest: one path per line; trailing "\r" and white space
// at both ends are removed; empty lines and lines starting with "#" are
// skipped. Paths are taken relative to the current directory, like xargs.
std::vector<std::string> ReadManifestLines(std::istream& in);

// Takes one path at a time (streaming forms of the functions here).
using BatchInputCallback = std::function<void(const std::string&)>;

// ReadManifestLines, one line at a time.
void ForEachManifestLine(std::istream& in, const BatchInputCallback& take);

// CollectBatchInputs before sorting: every path, in lexically normal form,
// in the order found, duplicates included; nothing is held in memory.
void ForEachBatchInput(const std::vector<std::string>& inputs,
                       const std::vector<std::string>& manifests,
                       const BatchInputCallback& take, std::vector<std::string>& errors,
                       const BatchWalkOptions& walk = {});

// Every input of a batch: each of `inputs`, then each line of each manifest
// ("-" = standard input), expanded by ExpandBatchInput, written in lexically
// normal form ("./a//b" -> "a/b"), without duplicates, sorted by bytes. An
// unreadable manifest is appended to `errors`.
std::vector<std::string> CollectBatchInputs(const std::vector<std::string>& inputs,
                                            const std::vector<std::string>& manifests,
                                            std::vector<std::string>& errors,
                                            const BatchWalkOptions& walk = {});

// Shard K of N (1 <= K <= N): the inputs whose ShardOf is K.
struct Shard {
  int index = 1;  // K, 1-based
  int count = 1;  // N
};

// Parses "K/N". kInvalidArgument unless 1 <= K <= N and N >= 1.
StatusOr<Shard> ParseShard(std::string_view text);

// The shard (1..count) of `path`: FNV-1a 64 of the path bytes, modulo
// `count`, plus 1. Depends on the path string only, so every task of a
// distributed run computes the same partition, and adding inputs moves no
// other input to another shard. REQUIRES: count >= 1.
int ShardOf(std::string_view path, int count);

// The inputs of `shard`, order kept.
std::vector<std::string> SelectShard(const std::vector<std::string>& inputs,
                                     const Shard& shard);

// The file name (no directory) of the JSON written for input `path`:
// the path percent-encoded, then ".json". Bytes A-Z a-z 0-9 - . _ and
// non-ASCII bytes (UTF-8 names stay readable) are kept; every other byte,
// including "/" and "%", and a leading "." or "_", becomes %XX. Distinct
// paths give distinct names (the encoding is reversible). A name that would
// exceed 255 bytes is cut at 160 bytes (at a character boundary) and ends
// with "%%" and the SHA-256 of the whole path; "%%" never occurs in a short
// name, so long and short names cannot meet. Names never start with "." or
// "_": those are left to the batch's own files.
std::string BatchOutputName(std::string_view path);

}  // namespace zfxxgk

#endif  // ZFXXGK_PIPELINE_BATCH_INPUTS_H_
