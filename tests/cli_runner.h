// Running the built zfxxgk CLI from tests (golden, shared-corpus and CLI
// tests): commands run with /bin/sh in the project root (ZF_SOURCE_DIR).
#ifndef ZFXXGK_TESTS_CLI_RUNNER_H_
#define ZFXXGK_TESTS_CLI_RUNNER_H_

#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace zfxxgk::testing_util {

// `s` quoted for /bin/sh.
inline std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += (c == '\'') ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct CommandResult {
  int exit_code = -1;  // 128 + n when killed by signal n; -1 when it could not run
  std::string out;     // stdout only (redirect stderr in `command` to keep it)
  std::string err;     // stderr, when the caller captured it
};

// Runs `command` with /bin/sh in the project root and collects its stdout.
inline CommandResult RunInRoot(const std::string& command) {
  const std::string full = "cd " + ShellQuote(ZF_SOURCE_DIR) + " && " + command;
  CommandResult result;
  FILE* pipe = popen(full.c_str(), "r");
  if (pipe == nullptr) return result;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) result.out.append(buf, n);
  const int status = pclose(pipe);
  if (status != -1 && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (status != -1 && WIFSIGNALED(status)) result.exit_code = 128 + WTERMSIG(status);
  return result;
}

// What an exit status of `zfxxgk extract` (or of `timeout`) means.
inline std::string ExitMeaning(int code) {
  switch (code) {
    case 0: return "ok";
    case 1: return "internal error";
    case 2: return "usage error";
    case 3: return "not found/unreadable";
    case 4: return "empty input";
    case 5: return "unsupported/binary format";
    case 6: return "not a report";
    case 7: return "over a resource limit";
    case 124: return "timed out";
    case 127: return "CLI not found";
    default:
      return code > 128 ? "killed by signal " + std::to_string(code - 128) : "abnormal exit";
  }
}

}  // namespace zfxxgk::testing_util

#endif  // ZFXXGK_TESTS_CLI_RUNNER_H_
