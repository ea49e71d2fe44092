#include "pipeline/sniff.h"

#include <array>
#include <cctype>
#include <cstdint>
#include <set>
#include <string>

#include "pipeline/ascii.h"
#include "pipeline/encoding.h"

namespace zfxxgk {
namespace {

constexpr size_t kHtmlProbeBytes = 64 * 1024;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string_view TrimLeadingSpace(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) {
    s.remove_prefix(1);
  }
  return s;
}

// BMP: "BM" plus a DIB header size that one of the BMP versions uses, so a
// text file that starts with "BM" is not taken for an image.
bool IsBmp(std::string_view b) {
  if (b.size() < 26 || !StartsWith(b, "BM")) return false;
  const uint32_t dib = static_cast<uint8_t>(b[14]) |
                       (static_cast<uint8_t>(b[15]) << 8) |
                       (static_cast<uint8_t>(b[16]) << 16) |
                       (static_cast<uint32_t>(static_cast<uint8_t>(b[17])) << 24);
  return dib == 12 || dib == 40 || dib == 52 || dib == 56 || dib == 64 ||
         dib == 108 || dib == 124;
}

bool IsImage(std::string_view b) {
  using namespace std::string_view_literals;
  return StartsWith(b, "\x89PNG\r\n\x1a\n"sv) || StartsWith(b, "\xFF\xD8\xFF"sv) ||
         StartsWith(b, "II*\0"sv) || StartsWith(b, "MM\0*"sv) ||
         StartsWith(b, "GIF87a"sv) || StartsWith(b, "GIF89a"sv) ||
         (StartsWith(b, "RIFF"sv) && b.size() >= 12 && b.substr(8, 4) == "WEBP"sv) ||
         IsBmp(b);
}


// Distinct names of common HTML tags opened in `lower` ("<p>", "<div class").
std::set<std::string> OpenedHtmlTags(std::string_view lower) {
  static constexpr std::array<std::string_view, 28> kTags = {
      "html", "head", "body", "title", "meta", "link", "script", "style",
      "div", "span", "p", "br", "a", "table", "tr", "td", "th", "tbody",
      "ul", "ol", "li", "h1", "h2", "h3", "strong", "font", "img", "form"};
  std::set<std::string> found;
  for (size_t pos = lower.find('<'); pos != std::string_view::npos;
       pos = lower.find('<', pos + 1)) {
    size_t i = pos + 1;
    while (i < lower.size() && std::isalnum(static_cast<unsigned char>(lower[i]))) ++i;
    if (i == pos + 1 || i >= lower.size()) continue;
    const char next = lower[i];
    if (next != '>' && next != '/' && !std::isspace(static_cast<unsigned char>(next))) {
      continue;
    }
    std::string_view name = lower.substr(pos + 1, i - pos - 1);
    for (std::string_view tag : kTags) {
      if (name == tag) found.emplace(name);
    }
  }
  return found;
}

bool LooksLikeHtml(std::string_view utf8) {
  const std::string_view probe = TrimLeadingSpace(utf8.substr(0, kHtmlProbeBytes));
  // Every cue below starts with '<': a text dump without one is not lowered.
  if (probe.find('<') == std::string_view::npos) return false;
  // The start cues need only the first bytes lowered; most pages stop here.
  const std::string head = AsciiLower(probe.substr(0, 16));
  for (std::string_view start :
       {"<!doctype html", "<html", "<head", "<meta", "<!--"}) {
    if (StartsWith(head, start)) return true;
  }
  const std::string lower = AsciiLower(probe);
  if (StartsWith(head, "<?xml") && lower.find("<html") != std::string::npos) {
    return true;
  }
  const std::set<std::string> tags = OpenedHtmlTags(lower);
  return tags.count("html") > 0 || tags.count("body") > 0 ||
         tags.count("table") > 0 || tags.size() >= 3;
}

}  // namespace

InputFormat SniffMagic(std::string_view bytes) {
  if (StartsWith(TrimLeadingSpace(bytes), "%PDF-")) return InputFormat::kPdf;
  if (IsImage(bytes)) return InputFormat::kImage;
  return InputFormat::kUnknown;
}

InputFormat SniffFormat(std::string_view bytes, const StatusOr<DecodedText>& decoded) {
  const InputFormat magic = SniffMagic(bytes);
  if (magic != InputFormat::kUnknown) return magic;
  if (!decoded.ok()) return InputFormat::kUnknown;
  return LooksLikeHtml(decoded->utf8) ? InputFormat::kHtml : InputFormat::kText;
}

InputFormat SniffFormat(std::string_view bytes) {
  const InputFormat magic = SniffMagic(bytes);
  if (magic != InputFormat::kUnknown) return magic;
  return SniffFormat(bytes, DecodeToUtf8(bytes));
}

}  // namespace zfxxgk
