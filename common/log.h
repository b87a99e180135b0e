// Minimal structured logging to stderr (this Abseil has no absl/log). One
// line per call: "2026-11-27T20:01:23.123Z I parleyd: message".
#ifndef PARLEY_COMMON_LOG_H_
#define PARLEY_COMMON_LOG_H_

#include <string_view>

namespace parley {

enum class LogLevel { kInfo, kWarning, kError };

void Log(LogLevel level, std::string_view message);
inline void LogInfo(std::string_view message) { Log(LogLevel::kInfo, message); }
inline void LogWarning(std::string_view message) { Log(LogLevel::kWarning, message); }
inline void LogError(std::string_view message) { Log(LogLevel::kError, message); }

}  // namespace parley

#endif  // PARLEY_COMMON_LOG_H_
