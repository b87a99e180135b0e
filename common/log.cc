#include "common/log.h"

#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>

#include "absl/time/clock.h"
#include "common/log_format.h"

namespace parley {
namespace {

std::atomic<LogFormat> log_format{LogFormat::kText};

}  // namespace

void SetLogFormat(LogFormat format) { log_format = format; }

void Log(LogLevel level, std::string_view message) {
  static std::mutex mutex;
  std::string line = FormatLogLine(log_format, level, absl::Now(), message,
                                   ScopedLogContext::Current());
  line.push_back('\n');
  std::lock_guard<std::mutex> lock(mutex);
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

}  // namespace parley
