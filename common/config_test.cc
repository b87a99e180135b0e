#include "common/config.h"

#include <map>

#include "absl/flags/flag.h"
#include "common/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

ABSL_FLAG(std::string, config_test_listen, "127.0.0.1:1", "test flag");
ABSL_FLAG(int64_t, config_test_limit, 7, "test flag");
ABSL_FLAG(bool, config_test_sync, false, "test flag");

namespace parley {
namespace {

using ::parley::testing::IsOk;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::SetFlag(&FLAGS_config_test_listen, "127.0.0.1:1");
    absl::SetFlag(&FLAGS_config_test_limit, 7);
    absl::SetFlag(&FLAGS_config_test_sync, false);
    options_.flags = {"config_test_listen", "config_test_limit", "config_test_sync"};
    options_.repeated_flags = {"config_test_property"};
    options_.getenv = [this](const char* name) -> const char* {
      auto found = env_.find(name);
      return found == env_.end() ? nullptr : found->second.c_str();
    };
  }

  absl::Status Apply(const std::vector<FileSetting>& file,
                     const std::vector<std::string>& command_line = {}) {
    return ApplyFileAndEnvironment(options_, file, "parleyd.conf", command_line, configuration_);
  }

  ConfigOptions options_;
  std::map<std::string, std::string> env_;
  Configuration configuration_;
};

TEST(ParseConfigFileTest, ReadsNameValueLinesWithCommentsAndEitherSpelling) {
  auto settings = ParseConfigFile(
      "# parleyd\n\n  data-dir = /var/lib/parley \n--listen=0.0.0.0:50051\n"
      "kafka_property = sasl.jaas.config=a=b # not a comment\n");
  ASSERT_THAT(settings, IsOk());
  ASSERT_EQ(settings->size(), 3u);
  EXPECT_EQ((*settings)[0].name, "data_dir");
  EXPECT_EQ((*settings)[0].value, "/var/lib/parley");
  EXPECT_EQ((*settings)[0].line, 3);
  EXPECT_EQ((*settings)[1].name, "listen");
  EXPECT_EQ((*settings)[1].value, "0.0.0.0:50051");
  EXPECT_EQ((*settings)[2].value, "sasl.jaas.config=a=b # not a comment");
}

TEST(ParseConfigFileTest, ALineWithoutEqualsIsRejectedByNumber) {
  auto settings = ParseConfigFile("listen = :1\n\nlisten\n");
  EXPECT_THAT(settings.status().message(), HasSubstr("line 3"));
}

TEST(EnvironmentVariableForTest, PrefixesAndCapitalises) {
  EXPECT_EQ(EnvironmentVariableFor("data_dir"), "PARLEY_DATA_DIR");
  EXPECT_EQ(EnvironmentVariableFor("max-message-bytes"), "PARLEY_MAX_MESSAGE_BYTES");
}

TEST(CommandLineFlagNamesTest, FindsNamesValuesAndNegatedBooleans) {
  auto is_flag = [](std::string_view name) { return name == "listen" || name == "sync"; };
  EXPECT_THAT(CommandLineFlagNames({"parleyd", "--listen", "x:1", "--nosync", "--", "--other"},
                                   is_flag),
              ElementsAre("listen", "sync"));
  EXPECT_THAT(CommandLineFlagNames({"parleyd", "-data_dir=/x"}, is_flag), ElementsAre("data_dir"));
}

TEST_F(ConfigTest, EnvironmentBeatsFileAndCommandLineBeatsBoth) {
  env_["PARLEY_CONFIG_TEST_LISTEN"] = "10.0.0.1:2";
  env_["PARLEY_CONFIG_TEST_LIMIT"] = "11";
  ASSERT_THAT(Apply({{"config_test_listen", "10.0.0.9:3", 1},
                     {"config_test_limit", "12", 2},
                     {"config_test_sync", "true", 3}},
                    {"config_test_limit"}),
              IsOk());
  EXPECT_EQ(absl::GetFlag(FLAGS_config_test_listen), "10.0.0.1:2");  // env over file
  EXPECT_EQ(absl::GetFlag(FLAGS_config_test_limit), 7);  // the command line's (untouched)
  EXPECT_TRUE(absl::GetFlag(FLAGS_config_test_sync));     // file over default
  EXPECT_EQ(configuration_.sources.Describe("config_test_listen"),
            "PARLEY_CONFIG_TEST_LISTEN (environment)");
  EXPECT_EQ(configuration_.sources.Describe("config_test_sync"),
            "config-test-sync (config file parleyd.conf line 3)");
  EXPECT_EQ(configuration_.sources.Describe("other_flag"), "--other-flag (default)");
}

TEST_F(ConfigTest, ABadValueNamesTheVariableAndItsSource) {
  env_["PARLEY_CONFIG_TEST_LIMIT"] = "lots";
  absl::Status status = Apply({});
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("PARLEY_CONFIG_TEST_LIMIT (environment): bad value \"lots\""));

  env_.clear();
  status = Apply({{"config_test_sync", "maybe", 4}});
  EXPECT_THAT(status.message(),
              HasSubstr("config-test-sync (config file parleyd.conf line 4): bad value"));
}

TEST_F(ConfigTest, UnknownFileSettingIsAnError) {
  EXPECT_THAT(Apply({{"lisen", "x", 2}}).message(),
              HasSubstr("lisen (config file parleyd.conf line 2): unknown setting"));
}

TEST_F(ConfigTest, RepeatedFlagsAccumulateFileThenEnvironmentThenCommandLine) {
  configuration_.repeated["config_test_property"] = {"c=command"};
  env_["PARLEY_CONFIG_TEST_PROPERTY"] = "b=env1\nb=env2\n";
  ASSERT_THAT(Apply({{"config_test_property", "a=file", 1}}), IsOk());
  EXPECT_THAT(configuration_.repeated["config_test_property"],
              ElementsAre("a=file", "b=env1", "b=env2", "c=command"));
}

TEST_F(ConfigTest, AnnotatePutsTheSourceInFront) {
  configuration_.sources.by_flag["listen"] = "PARLEY_LISTEN (environment)";
  absl::Status status =
      configuration_.sources.Annotate("listen", absl::InvalidArgumentError("no port"));
  EXPECT_EQ(status.message(), "PARLEY_LISTEN (environment): no port");
  EXPECT_THAT(configuration_.sources.Annotate("listen", absl::OkStatus()), IsOk());
}

TEST(CheckListenAddressTest, AcceptsHostPortAndRejectsTheRest) {
  EXPECT_THAT(CheckListenAddress("0.0.0.0:50051"), IsOk());
  EXPECT_THAT(CheckListenAddress("[::]:9464"), IsOk());
  EXPECT_THAT(CheckListenAddress(":0"), IsOk());
  EXPECT_THAT(CheckListenAddress("localhost:http").message(), HasSubstr("not a number"));
  EXPECT_THAT(CheckListenAddress("50051").message(), HasSubstr("not host:port"));
  EXPECT_THAT(CheckListenAddress("::1:80").message(), HasSubstr("brackets"));
  EXPECT_THAT(CheckListenAddress("h:70000").message(), HasSubstr("0-65535"));
}

}  // namespace
}  // namespace parley
