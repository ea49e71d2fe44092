// Status and StatusOr: how every module boundary in zfxxgk reports failure.
//
// Modelled on absl::Status with the few codes we need. No exception crosses
// pipeline/, parsers/ or schemas/: adapters catch library exceptions and
// return a Status instead.
//
//   StatusOr<Document> doc = ParseHtml(bytes);
//   if (!doc.ok()) return doc.status();
#ifndef ZFXXGK_PIPELINE_STATUS_H_
#define ZFXXGK_PIPELINE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace zfxxgk {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // bad options or arguments from the caller
  kNotFound,           // a file or resource does not exist
  kUnreadable,         // the input cannot be read (I/O error, permissions)
  kEmptyInput,         // the input has no bytes (or only white space)
  kUnsupportedFormat,  // binary or a format this build cannot read
  kNotAReport,         // readable, but no annual-report table was found
  kResourceLimit,      // the input exceeds a resource limit (size, nesting, cells)
  kInternal,           // a bug or a library failure
};

// Short stable name of a code ("not_a_report"), used in messages and JSON.
const char* StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "not_a_report: no table 三 found in input.html"
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status OkStatus() { return Status(); }

// Holds either a T or a non-OK Status. REQUIRES: value() only when ok().
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok());
  }
  StatusOr(T value) : value_(std::move(value)) {}  // NOLINT

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & { assert(ok()); return *value_; }
  const T& value() const& { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace zfxxgk

#define ZF_CONCAT_INNER(a, b) a##b
#define ZF_CONCAT(a, b) ZF_CONCAT_INNER(a, b)

#define RETURN_IF_ERROR(expr)                    \
  do {                                           \
    ::zfxxgk::Status zf_status_ = (expr);        \
    if (!zf_status_.ok()) return zf_status_;    \
  } while (0)

#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL(ZF_CONCAT(zf_statusor_, __LINE__), lhs, expr)
#define ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                          \
  if (!tmp.ok()) return tmp.status();         \
  lhs = std::move(tmp).value()

#endif  // ZFXXGK_PIPELINE_STATUS_H_
