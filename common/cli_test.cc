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

}  // namespace
}  // namespace parley
