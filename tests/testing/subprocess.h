// Real child processes for integration tests: start, signal, wait. Output
// goes to a log file so a failing test can show it.
#ifndef PARLEY_TESTS_TESTING_SUBPROCESS_H_
#define PARLEY_TESTS_TESTING_SUBPROCESS_H_

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace parley::testing {

class Subprocess {
 public:
  // Starts argv[0] (a path) with stdout and stderr appended to log_path.
  static absl::StatusOr<Subprocess> Start(const std::vector<std::string>& argv,
                                          const std::string& log_path);
  Subprocess(Subprocess&& other) noexcept;
  Subprocess& operator=(Subprocess&& other) noexcept;
  ~Subprocess();  // SIGKILLs a child that is still running

  void Signal(int signal);
  // Exit status (or 128 + signal) once the child ends; nullopt on timeout.
  std::optional<int> Wait(absl::Duration timeout);
  bool running() const { return pid_ > 0; }
  const std::string& log_path() const { return log_path_; }

 private:
  Subprocess(pid_t pid, std::string log_path) : pid_(pid), log_path_(std::move(log_path)) {}
  pid_t pid_ = -1;
  std::string log_path_;
};

// Runs a command to completion and returns its stdout (DEADLINE_EXCEEDED /
// INTERNAL on timeout or non-zero exit, with stderr in the message).
absl::StatusOr<std::string> RunCommand(const std::vector<std::string>& argv,
                                       absl::Duration timeout);

// A TCP port on 127.0.0.1 that was free a moment ago.
int FreePort();

// A new empty directory under the system temp directory.
std::string MakeTempDir(const std::string& prefix);

std::string ReadFileOrEmpty(const std::string& path);

// Root of the source tree (PARLEY_SOURCE_DIR, set by CTest).
std::string SourceDir();

}  // namespace parley::testing

#endif  // PARLEY_TESTS_TESTING_SUBPROCESS_H_
