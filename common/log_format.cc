#include "common/log_format.h"

#include "absl/strings/str_cat.h"
#include "common/string_view.h"
#include "nlohmann/json.hpp"

namespace parley {
namespace {

thread_local std::vector<LogField> context_fields;

std::string_view LevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kInfo: return "info";
    case LogLevel::kWarning: return "warning";
    case LogLevel::kError: return "error";
  }
  return "info";
}

char LevelTag(LogLevel level) {
  return level == LogLevel::kInfo ? 'I' : level == LogLevel::kWarning ? 'W' : 'E';
}

std::string FormatJson(LogLevel level, const std::string& time, std::string_view message,
                       const std::vector<LogField>& fields) {
  // Insertion order keeps time, level and message first for human readers
  // of the raw stream.
  nlohmann::ordered_json line;
  line["time"] = time;
  line["level"] = LevelName(level);
  line["message"] = message;
  for (const LogField& field : fields) {
    if (const auto* number = std::get_if<int64_t>(&field.value)) {
      line[field.key] = *number;
    } else {
      line[field.key] = std::get<std::string>(field.value);
    }
  }
  return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string FormatText(LogLevel level, const std::string& time, std::string_view message,
                       const std::vector<LogField>& fields) {
  std::string line =
      absl::StrCat(time, " ", std::string(1, LevelTag(level)), " ", ToAbsl(message));
  for (const LogField& field : fields) {
    if (const auto* number = std::get_if<int64_t>(&field.value)) {
      absl::StrAppend(&line, " ", field.key, "=", *number);
    } else {
      absl::StrAppend(&line, " ", field.key, "=", std::get<std::string>(field.value));
    }
  }
  return line;
}

}  // namespace

absl::StatusOr<LogFormat> ParseLogFormat(std::string_view name) {
  if (name == "text") return LogFormat::kText;
  if (name == "json") return LogFormat::kJson;
  return absl::InvalidArgumentError(absl::StrCat("\"", ToAbsl(name), "\" is not text or json"));
}

std::string FormatLogLine(LogFormat format, LogLevel level, absl::Time time,
                          std::string_view message, const std::vector<LogField>& fields) {
  std::string timestamp = absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", time, absl::UTCTimeZone());
  return format == LogFormat::kJson ? FormatJson(level, timestamp, message, fields)
                                    : FormatText(level, timestamp, message, fields);
}

ScopedLogContext::ScopedLogContext(std::vector<LogField> fields) : added_(fields.size()) {
  for (LogField& field : fields) context_fields.push_back(std::move(field));
}

ScopedLogContext::~ScopedLogContext() {
  context_fields.resize(context_fields.size() - added_);
}

const std::vector<LogField>& ScopedLogContext::Current() { return context_fields; }

}  // namespace parley
