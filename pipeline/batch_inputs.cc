// Batch inputs: discovery, sharding and output names.
#include "pipeline/batch_inputs.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iostream>
#include <system_error>

#include "pipeline/ascii.h"
#include "pipeline/sha256.h"

namespace zfxxgk {
namespace {

namespace fs = std::filesystem;


bool EndsWithAny(std::string_view s, std::initializer_list<std::string_view> suffixes) {
  for (std::string_view suffix : suffixes) {
    if (s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix) return true;
  }
  return false;
}

bool IsHiddenName(const std::string& name) {
  return !name.empty() && name[0] == '.' && name != "." && name != "..";
}

void WalkDirectory(const std::string& dir, const BatchInputCallback& take,
                   std::vector<std::string>& errors, const BatchWalkOptions& walk) {
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code type_ec;
    if (IsHiddenName(it->path().filename().string())) {
      if (it->is_directory(type_ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(type_ec) && IsBatchInputName(it->path().filename().string(), walk)) {
      take(it->path().string());
    }
  }
  if (ec) errors.push_back(dir + ": " + ec.message());
}

void ExpandInto(const std::string& input, const BatchInputCallback& take,
                std::vector<std::string>& errors, const BatchWalkOptions& walk) {
  std::error_code ec;
  if (fs::is_directory(input, ec)) {
    WalkDirectory(input, take, errors, walk);
  } else {
    take(input);
  }
}

std::string Trim(std::string_view s) {
  const char* kSpace = " \t\r\n\f\v";
  const size_t begin = s.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return "";
  const size_t end = s.find_last_not_of(kSpace);
  return std::string(s.substr(begin, end - begin + 1));
}

// Whether lexically_normal would leave `path` as it is and it has no
// trailing "/": no empty, "." or ".." component. Most listed paths are; the
// check spares them building a std::filesystem::path (a few microseconds per
// manifest line, a manifest of a million lines being read before any work).
bool IsNormalPath(std::string_view path) {
  if (path.empty() || path.back() == '/') return false;
  size_t start = path[0] == '/' ? 1 : 0;
  for (;;) {
    const size_t slash = std::min(path.find('/', start), path.size());
    const std::string_view part = path.substr(start, slash - start);
    if (part.empty() || part == "." || part == "..") return false;
    if (slash == path.size()) return true;
    start = slash + 1;
  }
}

std::string NormalPath(const std::string& path) {
  if (IsNormalPath(path)) return path;
  std::string normal = fs::path(path).lexically_normal().string();
  // "dir/" stays "dir/" in lexically_normal; a file path never ends in "/".
  while (normal.size() > 1 && normal.back() == '/') normal.pop_back();
  return normal.empty() ? path : normal;
}

bool KeptInName(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c >= 0x80;
}

// Index of the first byte of the UTF-8 character holding byte `i`.
size_t CharStart(std::string_view s, size_t i) {
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

}  // namespace

bool IsBatchInputName(std::string_view file_name, const BatchWalkOptions& walk) {
  const std::string name = AsciiLower(file_name);
  if (name.rfind("readme", 0) == 0) return false;
  if (name.rfind("input.", 0) == 0) return true;
  return EndsWithAny(name, {".html", ".htm", ".txt", ".md", ".pdf", ".tif", ".tiff"}) ||
         (walk.images && EndsWithAny(name, {".png", ".jpg", ".jpeg"}));
}

std::vector<std::string> ExpandBatchInput(const std::string& input,
                                          std::vector<std::string>& errors,
                                          const BatchWalkOptions& walk) {
  std::vector<std::string> files;
  ExpandInto(input, [&files](const std::string& f) { files.push_back(f); }, errors, walk);
  return files;
}

std::vector<std::string> ReadManifestLines(std::istream& in) {
  std::vector<std::string> lines;
  ForEachManifestLine(in, [&lines](const std::string& path) { lines.push_back(path); });
  return lines;
}

void ForEachManifestLine(std::istream& in, const BatchInputCallback& take) {
  std::string line;
  while (std::getline(in, line)) {
    std::string path = Trim(line);
    if (path.empty() || path[0] == '#') continue;
    take(path);
  }
}

void ForEachBatchInput(const std::vector<std::string>& inputs,
                       const std::vector<std::string>& manifests,
                       const BatchInputCallback& take, std::vector<std::string>& errors,
                       const BatchWalkOptions& walk) {
  auto normal = [&take](const std::string& file) { take(NormalPath(file)); };
  auto expand = [&](const std::string& input) { ExpandInto(input, normal, errors, walk); };
  for (const std::string& input : inputs) expand(input);
  for (const std::string& manifest : manifests) {
    if (manifest == "-") {
      ForEachManifestLine(std::cin, expand);
      continue;
    }
    std::ifstream in(manifest);
    if (!in) {
      errors.push_back(manifest + ": cannot read the manifest");
      continue;
    }
    ForEachManifestLine(in, expand);
  }
}

std::vector<std::string> CollectBatchInputs(const std::vector<std::string>& inputs,
                                            const std::vector<std::string>& manifests,
                                            std::vector<std::string>& errors,
                                            const BatchWalkOptions& walk) {
  std::vector<std::string> all;
  ForEachBatchInput(
      inputs, manifests, [&all](const std::string& path) { all.push_back(path); }, errors,
      walk);
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

StatusOr<Shard> ParseShard(std::string_view text) {
  const size_t slash = text.find('/');
  Shard shard;
  auto parse = [](std::string_view s, int& out) {
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size() && !s.empty();
  };
  if (slash == std::string_view::npos || !parse(text.substr(0, slash), shard.index) ||
      !parse(text.substr(slash + 1), shard.count) || shard.count < 1 || shard.index < 1 ||
      shard.index > shard.count) {
    return Status(StatusCode::kInvalidArgument,
                  "--shard " + std::string(text) +
                      ": expected K/N with 1 <= K <= N (K is 1-based; for a 0-based task "
                      "index I use $((I+1))/N)");
  }
  return shard;
}

int ShardOf(std::string_view path, int count) {
  uint64_t hash = 14695981039346656037ull;  // FNV-1a 64
  for (unsigned char c : path) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return static_cast<int>(hash % static_cast<uint64_t>(count)) + 1;
}

std::vector<std::string> SelectShard(const std::vector<std::string>& inputs,
                                     const Shard& shard) {
  std::vector<std::string> out;
  for (const std::string& path : inputs) {
    if (ShardOf(path, shard.count) == shard.index) out.push_back(path);
  }
  return out;
}

std::string BatchOutputName(std::string_view path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string name;
  std::vector<size_t> boundaries;  // where a character of `path` starts in `name`
  for (size_t i = 0; i < path.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(path[i]);
    if (CharStart(path, i) == i) boundaries.push_back(name.size());
    const bool leading_reserved = i == 0 && (c == '.' || c == '_');
    if (KeptInName(c) && !leading_reserved) {
      name.push_back(static_cast<char>(c));
    } else {
      name += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  constexpr size_t kMaxName = 255, kCut = 160;
  if (name.size() + 5 <= kMaxName) return name + ".json";
  size_t cut = 0;
  for (size_t b : boundaries) {
    if (b > kCut) break;
    cut = b;
  }
  return name.substr(0, cut) + "%%" + Sha256Hex(path) + ".json";
}

}  // namespace zfxxgk
