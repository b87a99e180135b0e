// How log lines look: the terminal's text (the default) or one JSON object
// per line for log pipelines. Pure formatting, plus the per-thread context
// that puts an ingest line's article id, partition and offset on every line
// logged while that message is handled.
#ifndef PARLEY_COMMON_LOG_FORMAT_H_
#define PARLEY_COMMON_LOG_FORMAT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/log.h"

namespace parley {

// "text" or "json".
absl::StatusOr<LogFormat> ParseLogFormat(std::string_view name);

struct LogField {
  std::string key;
  std::variant<std::string, int64_t> value;
};

// Text: "2026-11-27T20:01:23.123Z I message key=value ...".
// JSON: {"time":"2026-11-27T20:01:23.123Z","level":"info","message":...,
// fields...}: time in RFC 3339 UTC with milliseconds; strings that are not
// valid UTF-8 (a message key is arbitrary bytes) get U+FFFD instead of
// breaking the line.
std::string FormatLogLine(LogFormat format, LogLevel level, absl::Time time,
                          std::string_view message, const std::vector<LogField>& fields);

// While alive, adds its fields to every line this thread logs (nested
// contexts add to each other).
class ScopedLogContext {
 public:
  explicit ScopedLogContext(std::vector<LogField> fields);
  ~ScopedLogContext();
  ScopedLogContext(const ScopedLogContext&) = delete;
  ScopedLogContext& operator=(const ScopedLogContext&) = delete;

  // The fields of this thread's live contexts, outermost first.
  static const std::vector<LogField>& Current();

 private:
  size_t added_;
};

}  // namespace parley

#endif  // PARLEY_COMMON_LOG_FORMAT_H_
