#include "common/log_format.h"

#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace parley {
namespace {

using ::testing::HasSubstr;

absl::Time Noon() {
  return absl::FromCivil(absl::CivilSecond(2026, 11, 27, 12, 0, 1), absl::UTCTimeZone()) +
         absl::Milliseconds(25);
}

TEST(FormatLogLineTest, JsonHasTimeLevelMessageAndTheFields) {
  std::string line = FormatLogLine(LogFormat::kJson, LogLevel::kWarning, Noon(),
                                   "dead-lettered: \"quoted\"\nnext line",
                                   {{"article_id", std::string("a-1")},
                                    {"partition", int64_t{2}},
                                    {"offset", int64_t{40}}});
  EXPECT_EQ(line.find('\n'), std::string::npos) << "one object per line";
  nlohmann::json parsed = nlohmann::json::parse(line);
  EXPECT_EQ(parsed["time"], "2026-11-27T12:00:01.025Z");
  EXPECT_EQ(parsed["level"], "warning");
  EXPECT_EQ(parsed["message"], "dead-lettered: \"quoted\"\nnext line");
  EXPECT_EQ(parsed["article_id"], "a-1");
  EXPECT_EQ(parsed["partition"], 2);
  EXPECT_EQ(parsed["offset"], 40);
}

TEST(FormatLogLineTest, InvalidUtf8StaysOneValidJsonLine) {
  std::string line = FormatLogLine(LogFormat::kJson, LogLevel::kError, Noon(), "bad \xff byte",
                                   {{"article_id", std::string("\xc3")}});
  nlohmann::json parsed = nlohmann::json::parse(line);
  EXPECT_EQ(parsed["message"], "bad \xEF\xBF\xBD byte");
}

TEST(FormatLogLineTest, TextKeepsTheTerminalLayout) {
  EXPECT_EQ(FormatLogLine(LogFormat::kText, LogLevel::kInfo, Noon(), "started", {}),
            "2026-11-27T12:00:01.025Z I started");
  EXPECT_EQ(FormatLogLine(LogFormat::kText, LogLevel::kError, Noon(), "x",
                          {{"partition", int64_t{1}}}),
            "2026-11-27T12:00:01.025Z E x partition=1");
}

TEST(ScopedLogContextTest, FieldsLastAsLongAsTheScope) {
  EXPECT_TRUE(ScopedLogContext::Current().empty());
  {
    ScopedLogContext outer({{"article_id", std::string("a")}});
    {
      ScopedLogContext inner({{"offset", int64_t{3}}});
      EXPECT_EQ(ScopedLogContext::Current().size(), 2u);
    }
    EXPECT_EQ(ScopedLogContext::Current().size(), 1u);
  }
  EXPECT_TRUE(ScopedLogContext::Current().empty());
}

TEST(ParseLogFormatTest, TextOrJson) {
  EXPECT_EQ(*ParseLogFormat("json"), LogFormat::kJson);
  EXPECT_EQ(*ParseLogFormat("text"), LogFormat::kText);
  EXPECT_THAT(ParseLogFormat("xml").status().message(), HasSubstr("not text or json"));
}

}  // namespace
}  // namespace parley
