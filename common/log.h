// Minimal structured logging to stderr (this Abseil has no absl/log). One
// line per call: "2026-11-27T20:01:23.123Z I parleyd: message", or one JSON
// object per line (common/log_format.h).
#ifndef PARLEY_COMMON_LOG_H_
#define PARLEY_COMMON_LOG_H_

#include <string_view>

namespace parley {

enum class LogLevel { kInfo, kWarning, kError };

enum class LogFormat { kText, kJson };

// Text by default; set once at start, before other threads log.
void SetLogFormat(LogFormat format);

void Log(LogLevel level, std::string_view message);
inline void LogInfo(std::string_view message) { Log(LogLevel::kInfo, message); }
inline void LogWarning(std::string_view message) { Log(LogLevel::kWarning, message); }
inline void LogError(std::string_view message) { Log(LogLevel::kError, message); }

}  // namespace parley

#endif  // PARLEY_COMMON_LOG_H_
