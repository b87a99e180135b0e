#include "ingest/parallel_builder.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/testing/pool_articles.h"

namespace parley::ingest {
namespace {

// Pool articles with a tombstone and an undecodable message among them.
std::vector<IncomingMessage> Messages() {
  std::vector<IncomingMessage> messages;
  int64_t offset = 0;
  for (const testing::PoolArticle& article : testing::PoolArticles(150)) {
    messages.push_back({"articles", 0, offset++, article.id, article.json});
    if (offset == 40) messages.push_back({"articles", 0, offset++, "gone", "", true});
    if (offset == 90) messages.push_back({"articles", 0, offset++, "bad", R"({"id":"bad")"});
  }
  return messages;
}

// What one thread makes of a message, comparable across runs.
std::string Outcome(const std::optional<absl::StatusOr<storage::EncodedArticle>>& built) {
  if (!built) return "tombstone";
  if (!built->ok()) return "error: " + built->status().ToString();
  return (*built)->bytes + (*built)->event.bytes;
}

constexpr int64_t kStoredAt = 1700000000000;

TEST(ParallelBuilderTest, GivesWhatOneThreadBuildsInTheBatchOrderBatchAfterBatch) {
  std::vector<IncomingMessage> messages = Messages();
  ASSERT_EQ(messages.size(), 152u);
  std::vector<std::string> expected;
  for (const IncomingMessage& message : messages) {
    expected.push_back(message.tombstone
                           ? Outcome(std::nullopt)
                           : Outcome(BuildEncodedArticle(message, BuildOptions(), kStoredAt)));
  }
  EXPECT_EQ(expected[40], "tombstone");
  EXPECT_THAT(expected[90], ::testing::StartsWith("error: INVALID_ARGUMENT"));

  ParallelBuilder builder(BuildOptions(), 3);
  // Batches of several sizes, the last ones smaller than the thread count.
  for (size_t size : {152u, 64u, 7u, 2u, 1u}) {
    for (size_t begin = 0; begin < messages.size(); begin += size) {
      size_t end = std::min(messages.size(), begin + size);
      std::vector<IncomingMessage> batch(messages.begin() + begin, messages.begin() + end);
      auto built = builder.Build(batch, kStoredAt);
      ASSERT_EQ(built.size(), batch.size());
      for (size_t i = 0; i < built.size(); ++i) {
        ASSERT_EQ(Outcome(built[i]), expected[begin + i]) << "batch size " << size << ", " << i;
      }
    }
  }
  EXPECT_TRUE(builder.Build({}, kStoredAt).empty());
}

}  // namespace
}  // namespace parley::ingest
