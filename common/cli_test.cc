#include "common/cli.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley {
namespace {

TEST(DashedFlagsToUnderscoresTest, RewritesFlagNamesOnly) {
  const char* argv[] = {"parleyd",          "--data-dir=/tmp/a-b", "--dlq-topic",
                        "articles.dlq-x",   "-max-message-bytes=5", "file-name.txt",
                        "--",               "--not-a-flag"};
  std::vector<std::string> args =
      DashedFlagsToUnderscores(8, const_cast<char**>(argv));
  EXPECT_THAT(args, ::testing::ElementsAre("parleyd", "--data_dir=/tmp/a-b", "--dlq_topic",
                                           "articles.dlq-x", "-max_message_bytes=5",
                                           "file-name.txt", "--", "--not-a-flag"));
}

TEST(TakeRepeatedFlagTest, CollectsEveryOccurrenceInBothForms) {
  std::vector<std::string> args = {"parleyd", "--kafka_property=a=1,2", "--topic=t",
                                   "--kafka_property", "sasl.jaas.config=x y", "--",
                                   "--kafka_property=z"};
  EXPECT_THAT(TakeRepeatedFlag(args, "kafka_property"),
              ::testing::ElementsAre("a=1,2", "sasl.jaas.config=x y"));
  EXPECT_THAT(args, ::testing::ElementsAre("parleyd", "--topic=t", "--", "--kafka_property=z"));
}

}  // namespace
}  // namespace parley
