#include "ingest/kafka_client.h"

#include "common/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley::ingest {
namespace {

using ::parley::testing::IsOk;
using ::parley::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Pair;

TEST(ParseKafkaPropertiesTest, SplitsAtTheFirstEquals) {
  PARLEY_ASSERT_OK_AND_ASSIGN(
      auto properties,
      ParseKafkaProperties({"security.protocol=SASL_SSL",
                            "sasl.jaas.config=a=b c=d"}));
  EXPECT_THAT(properties, ElementsAre(Pair("security.protocol", "SASL_SSL"),
                                      Pair("sasl.jaas.config", "a=b c=d")));
  EXPECT_THAT(ParseKafkaProperties({"novalue"}), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(ParseKafkaPropertiesFileTest, IgnoresCommentsAndBlankLines) {
  PARLEY_ASSERT_OK_AND_ASSIGN(
      auto properties,
      ParseKafkaPropertiesFile("# SASL\n\nsasl.mechanism = PLAIN\nsasl.username=parley\n"));
  EXPECT_THAT(properties, ElementsAre(Pair("sasl.mechanism", "PLAIN"),
                                      Pair("sasl.username", "parley")));
}

TEST(IsSecretKafkaPropertyTest, FlagsPasswordsAndKeys) {
  EXPECT_TRUE(IsSecretKafkaProperty("sasl.password"));
  EXPECT_TRUE(IsSecretKafkaProperty("ssl.key.password"));
  EXPECT_TRUE(IsSecretKafkaProperty("sasl.oauthbearer.client.secret"));
  EXPECT_FALSE(IsSecretKafkaProperty("sasl.username"));
}

TEST(MakeKafkaConfTest, RejectsUnknownPropertyWithoutEchoingItsValue) {
  KafkaSettings settings;
  settings.brokers = "127.0.0.1:9092";
  settings.properties = {{"no.such.property", "hunter2"}};
  auto conf = MakeKafkaConf(settings, {});
  EXPECT_THAT(conf, StatusIs(absl::StatusCode::kInvalidArgument,
                             AllOf(HasSubstr("no.such.property"), Not(HasSubstr("hunter2")))));
}

TEST(MakeKafkaConfTest, UserPropertiesOverrideDefaults) {
  KafkaSettings settings;
  settings.brokers = "127.0.0.1:9092";
  settings.properties = {{"client.id", "mine"}};
  PARLEY_ASSERT_OK_AND_ASSIGN(auto conf, MakeKafkaConf(settings, {{"client.id", "parley"}}));
  std::string value;
  ASSERT_EQ(conf->get("client.id", value), RdKafka::Conf::CONF_OK);
  EXPECT_EQ(value, "mine");
  EXPECT_THAT(MakeKafkaConf(KafkaSettings(), {}), StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace parley::ingest
