#include "pipeline/status.h"

namespace zfxxgk {

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kUnreadable: return "unreadable";
    case StatusCode::kEmptyInput: return "empty_input";
    case StatusCode::kUnsupportedFormat: return "unsupported_format";
    case StatusCode::kNotAReport: return "not_a_report";
    case StatusCode::kResourceLimit: return "resource_limit";
    case StatusCode::kInternal: return "internal";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  return std::string(StatusCodeName(code_)) + ": " + message_;
}

}  // namespace zfxxgk
