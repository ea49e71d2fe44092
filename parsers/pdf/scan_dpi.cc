#include "parsers/pdf/scan_dpi.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>

namespace zfxxgk::pdf {
namespace {

// How far back from "/Image" a dictionary's "<<" is looked for, and how far
// on its ">>": image dictionaries are short.
constexpr size_t kDictReach = 2048;

// The direct non-negative integer after `key` in `dict` ("/Width 1654"), or
// nothing (absent, or an indirect "12 0 R" reference).
std::optional<int> IntegerAfter(std::string_view dict, std::string_view key) {
  size_t at = 0;
  while ((at = dict.find(key, at)) != std::string_view::npos) {
    size_t i = at + key.size();
    at = i;
    if (i < dict.size() && std::isalnum(static_cast<unsigned char>(dict[i]))) continue;  // /WidthX
    while (i < dict.size() && std::isspace(static_cast<unsigned char>(dict[i]))) ++i;
    size_t j = i;
    long value = 0;
    while (j < dict.size() && std::isdigit(static_cast<unsigned char>(dict[j])) && j - i < 7) {
      value = value * 10 + (dict[j++] - '0');
    }
    if (j == i) return std::nullopt;
    size_t k = j;
    while (k < dict.size() && std::isspace(static_cast<unsigned char>(dict[k]))) ++k;
    if (k < dict.size() && std::isdigit(static_cast<unsigned char>(dict[k]))) {
      return std::nullopt;  // "12 0 R"
    }
    return static_cast<int>(value);
  }
  return std::nullopt;
}

// Whether `subtype_at` (the position of "/Subtype") is followed by the name
// /Image (and not /ImageMask or such).
bool IsImageSubtype(std::string_view bytes, size_t after_subtype) {
  size_t i = after_subtype;
  while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
  constexpr std::string_view kImage = "/Image";
  if (bytes.substr(i, kImage.size()) != kImage) return false;
  const size_t end = i + kImage.size();
  return end >= bytes.size() || !std::isalnum(static_cast<unsigned char>(bytes[end]));
}

// The dictionary text around position `at`: from the nearest "<<" before it
// to the nearest ">>" after it, each looked for within kDictReach.
std::string_view DictAround(std::string_view bytes, size_t at) {
  const size_t from = at > kDictReach ? at - kDictReach : 0;
  const size_t open = bytes.substr(from, at - from).rfind("<<");
  const size_t begin = open == std::string_view::npos ? at : from + open;
  const size_t close = bytes.substr(at, kDictReach).find(">>");
  const size_t end = close == std::string_view::npos ? at : at + close;
  return bytes.substr(begin, end - begin);
}

}  // namespace

std::vector<ImageSize> ImageXObjectSizes(std::string_view bytes, size_t max_images) {
  constexpr std::string_view kSubtype = "/Subtype";
  std::vector<ImageSize> out;
  size_t at = 0;
  while (out.size() < max_images && (at = bytes.find(kSubtype, at)) != std::string_view::npos) {
    const size_t after = at + kSubtype.size();
    if (IsImageSubtype(bytes, after)) {
      const std::string_view dict = DictAround(bytes, at);
      std::optional<int> w = IntegerAfter(dict, "/Width"), h = IntegerAfter(dict, "/Height");
      if (w && h && *w > 0 && *h > 0) out.push_back({*w, *h});
    }
    at = after;
  }
  return out;
}

double ScanDpi(const std::vector<ImageSize>& images, double width_pt, double height_pt,
               double min_dpi, double max_dpi) {
  if (width_pt <= 0 || height_pt <= 0) return 0;
  constexpr double kAspectTolerance = 0.015;
  const double page_aspect = width_pt / height_pt;
  double best = 0;
  for (const ImageSize& image : images) {
    for (bool turned : {false, true}) {  // a page with /Rotate 90 shows the image turned
      const double w = turned ? image.height : image.width;
      const double h = turned ? image.width : image.height;
      if (std::fabs(w / h / page_aspect - 1) > kAspectTolerance) continue;
      best = std::max(best, w * 72.0 / width_pt);
    }
  }
  // Scanners scan at whole dots per inch; a page size printed in rounded
  // points (595.28 for A4) must not make the render resample by 0.03%.
  return best == 0 ? 0 : std::clamp(std::round(best), min_dpi, max_dpi);
}

}  // namespace zfxxgk::pdf
