// Effectively-once ingest under crashes, with real processes: parleyd is
// killed with SIGKILL at random moments while it ingests the corpus from a
// multi-partition topic, restarted each time, and its final store must equal
// that of an uninterrupted run, family by family. Also: two replicas of the
// same topic end with identical stores, one of them stopped mid-ingest.
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "parley/records.pb.h"
#include "storage/store.h"
#include "tests/testing/kafka_helpers.h"
#include "tests/testing/local_services.h"
#include "tests/testing/shared_kafka_test.h"
#include "tests/testing/store_helpers.h"

namespace parley {
namespace {

using ::parley::testing::IsOk;
using ::parley::testing::KeyedMessage;
using ::parley::testing::Parleyd;

constexpr int kPartitions = 3;

int MessageCount() {
  const char* count = std::getenv("PARLEY_CRASH_MESSAGES");
  return count ? std::atoi(count) : 20000;
}

// Every pool article, then copies under new ids until `total` messages.
std::vector<KeyedMessage> CorpusMessages(int total) {
  const std::vector<KeyedMessage> pool = testing::PoolMessages();
  std::vector<KeyedMessage> messages;
  for (size_t i = 0; static_cast<int>(messages.size()) < total && !pool.empty(); ++i) {
    KeyedMessage message = pool[i % pool.size()];
    if (i >= pool.size()) {
      nlohmann::json article = nlohmann::json::parse(message.value);
      message.key = absl::StrCat(message.key, "-copy", i / pool.size());
      article["id"] = message.key;
      message.value = article.dump();
    }
    messages.push_back(std::move(message));
  }
  return messages;
}

// Messages that cannot be decoded, each keyed "bad-N".
std::vector<KeyedMessage> MalformedMessages() {
  std::vector<std::string> values = {
      "",
      "   \n\t",
      "\xff\xfe\x00\x01garbage",
      std::string("Title\n\nBody with invalid UTF-8 \xC3\x28 inside"),
      R"({"id": "x", "body": "trunc)",
      std::string(5000, '[') + std::string(5000, ']'),
      R"({"id": 7, "body": "wrong-typed id"})",
      R"({"id": "ok", "body": ["not", "a", "string"]})",
      R"({"title": "no id", "body": "text"})",
      R"({"id": "../../etc/passwd", "body": "unsafe id"})",
      R"({"id": "x", "body": "text", "published": "last Tuesday"})",
      std::string(5 << 20, 'a'),  // one 5 MB line: over the 4 MiB limit
      std::string(50 << 20, '{'),  // 50 MB
      R"({"id": "dup", "id": "other", "body": "duplicate keys, last one wins"})",
  };
  std::vector<KeyedMessage> messages;
  for (size_t i = 0; i < values.size(); ++i) {
    messages.push_back({absl::StrCat("bad-", i), values[i]});
  }
  return messages;
}

// Spreads the malformed messages through the good ones.
std::vector<KeyedMessage> Interleave(std::vector<KeyedMessage> good,
                                     const std::vector<KeyedMessage>& bad) {
  size_t step = good.size() / (bad.size() + 1);
  for (size_t i = 0; i < bad.size(); ++i) {
    good.insert(good.begin() + static_cast<long>((i + 1) * step + i), bad[i]);
  }
  return good;
}

// True once the store at `data_dir` has consumed every partition to `ends`.
bool CaughtUp(const std::string& data_dir, const std::string& topic,
              const std::map<int32_t, int64_t>& ends) {
  storage::StoreOptions options;
  options.path = data_dir;
  options.read_only = true;
  auto store = storage::Store::Open(options);
  if (!store.ok()) return false;
  for (const auto& [partition, end] : ends) {
    auto next = (*store)->NextOffset(topic, partition);
    if (!next.ok() || !next->has_value() || **next < end) return false;
  }
  return true;
}

absl::Status AwaitCaughtUp(const std::string& data_dir, const std::string& topic,
                           const std::map<int32_t, int64_t>& ends, Parleyd& parleyd) {
  absl::Time deadline = absl::Now() + absl::Minutes(15);
  while (absl::Now() < deadline) {
    if (CaughtUp(data_dir, topic, ends)) return absl::OkStatus();
    if (auto exited = parleyd.process().Wait(absl::ZeroDuration())) {
      return absl::InternalError(absl::StrCat("parleyd exited with ", *exited, ":\n",
                                              parleyd.log()));
    }
    absl::SleepFor(absl::Milliseconds(500));
  }
  return absl::DeadlineExceededError("ingest did not catch up within 15 minutes");
}

absl::StatusOr<std::vector<storage::FamilyDigest>> Digest(const std::string& data_dir) {
  return testing::DigestDir(data_dir);
}

void StopGracefully(Parleyd& parleyd) {
  parleyd.process().Signal(SIGTERM);
  std::optional<int> code = parleyd.process().Wait(absl::Seconds(60));
  ASSERT_TRUE(code.has_value()) << "parleyd did not stop within 60 s after SIGTERM";
  EXPECT_EQ(*code, 0) << parleyd.log();
}

uint64_t Records(const std::vector<storage::FamilyDigest>& digests, const std::string& name) {
  for (const auto& digest : digests) {
    if (digest.family == name) return digest.records;
  }
  return 0;
}

class CrashTest : public testing::SharedKafkaTest {
 protected:

  // Creates `topic` (+ its dead-letter topic), publishes the messages and
  // returns the partitions' end offsets.
  std::map<int32_t, int64_t> PublishTopic(const std::string& topic,
                                          const std::vector<KeyedMessage>& messages) {
    EXPECT_THAT(kafka_->CreateTopic(topic, kPartitions), IsOk());
    EXPECT_THAT(kafka_->CreateTopic(topic + ".dlq", 1), IsOk());
    absl::Time start = absl::Now();
    EXPECT_THAT(testing::PublishAll(kafka_->bootstrap(), topic, messages), IsOk());
    std::cout << "published " << messages.size() << " messages to " << topic << " in "
              << absl::FormatDuration(absl::Now() - start) << "\n";
    auto ends = testing::EndOffsets(kafka_->bootstrap(), topic);
    EXPECT_THAT(ends, IsOk());
    return ends.ok() ? *ends : std::map<int32_t, int64_t>();
  }

  // Runs parleyd on `data_dir` over `topic`, SIGKILLs it after random delays
  // (at most `max_kills` times) and restarts it until it has consumed to
  // `ends`, then stops it gracefully. Returns the number of kills.
  int KillUntilCaughtUp(const std::string& topic, const std::map<int32_t, int64_t>& ends,
                        const std::string& data_dir, int max_kills, std::mt19937& random,
                        std::uniform_int_distribution<int>& delay_ms) {
    auto parleyd = Parleyd::Start(kafka_->bootstrap(), topic, data_dir);
    EXPECT_THAT(parleyd, IsOk());
    if (!parleyd.ok()) return 0;
    int kills = 0;
    for (; kills < max_kills && !CaughtUp(data_dir, topic, ends); ++kills) {
      absl::SleepFor(absl::Milliseconds(delay_ms(random)));
      (*parleyd)->process().Signal(SIGKILL);
      EXPECT_TRUE((*parleyd)->process().Wait(absl::Seconds(10)).has_value());
      parleyd = Parleyd::Start(kafka_->bootstrap(), topic, data_dir);
      EXPECT_THAT(parleyd, IsOk());
      if (!parleyd.ok()) return kills;
    }
    EXPECT_THAT(AwaitCaughtUp(data_dir, topic, ends, **parleyd), IsOk());
    StopGracefully(**parleyd);
    return kills;
  }

};

TEST_F(CrashTest, KilledRepeatedlyDuringIngestStoresEveryArticleExactlyOnce) {
  const std::string topic = "crash";
  std::vector<KeyedMessage> good = CorpusMessages(MessageCount());
  std::vector<KeyedMessage> bad = MalformedMessages();
  std::map<int32_t, int64_t> ends = PublishTopic(topic, Interleave(good, bad));
  ASSERT_EQ(ends.size(), static_cast<size_t>(kPartitions));

  uint32_t seed = std::random_device()();
  std::cout << "kill schedule seed " << seed << "\n";
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> delay_ms(500, 4000);
  std::string crashed_dir = testing::MakeTempDir("parley-crashed");
  int kills = KillUntilCaughtUp(topic, ends, crashed_dir, 5, random, delay_ms);
  std::cout << "killed parleyd " << kills << " times\n";

  // Every malformed message, and only those, reached the dead-letter topic.
  // A kill between the dead-letter write and the offset write re-sends one,
  // so copies are possible; each names its source position.
  auto dead_letters = testing::ReadTopic(kafka_->bootstrap(), topic + ".dlq");
  ASSERT_THAT(dead_letters, IsOk());
  std::set<std::string> expected_keys, dead_keys;
  for (const auto& message : bad) expected_keys.insert(message.key);
  for (const auto& message : *dead_letters) {
    dead_keys.insert(message.key);
    EXPECT_FALSE(message.headers.at("parley.error").empty());
    EXPECT_EQ(message.headers.at("parley.source.topic"), topic);
  }
  EXPECT_EQ(dead_keys, expected_keys);
  std::cout << dead_letters->size() << " dead letters for " << bad.size()
            << " malformed messages\n";

  auto clean = Parleyd::Start(kafka_->bootstrap(), topic);
  ASSERT_THAT(clean, IsOk());
  absl::Time start = absl::Now();
  ASSERT_THAT(AwaitCaughtUp((*clean)->data_dir(), topic, ends, **clean), IsOk());
  std::cout << "uninterrupted ingest of " << good.size() + bad.size() << " messages took "
            << absl::FormatDuration(absl::Now() - start) << "\n";
  StopGracefully(**clean);

  auto crashed_digest = Digest(crashed_dir);
  auto clean_digest = Digest((*clean)->data_dir());
  ASSERT_THAT(crashed_digest, IsOk());
  ASSERT_THAT(clean_digest, IsOk());
  EXPECT_EQ(*crashed_digest, *clean_digest);
  EXPECT_EQ(Records(*crashed_digest, "articles"), good.size());
  EXPECT_EQ(Records(*crashed_digest, "events"), good.size());
  EXPECT_EQ(Records(*crashed_digest, "idx_time"), good.size());
}

TEST_F(CrashTest, TwoReplicasEndWithIdenticalStoresWhenOneIsStoppedMidIngest) {
  const std::string topic = "replicas";
  std::vector<KeyedMessage> messages =
      Interleave(CorpusMessages(std::min(MessageCount(), 4000)), MalformedMessages());
  std::map<int32_t, int64_t> ends = PublishTopic(topic, messages);

  auto first = Parleyd::Start(kafka_->bootstrap(), topic);
  auto second = Parleyd::Start(kafka_->bootstrap(), topic);
  ASSERT_THAT(first, IsOk());
  ASSERT_THAT(second, IsOk());
  absl::SleepFor(absl::Seconds(2));
  StopGracefully(**second);
  std::string second_dir = (*second)->data_dir();
  second = Parleyd::Start(kafka_->bootstrap(), topic, second_dir);
  ASSERT_THAT(second, IsOk());

  ASSERT_THAT(AwaitCaughtUp((*first)->data_dir(), topic, ends, **first), IsOk());
  ASSERT_THAT(AwaitCaughtUp(second_dir, topic, ends, **second), IsOk());
  StopGracefully(**first);
  StopGracefully(**second);
  auto first_digest = Digest((*first)->data_dir());
  auto second_digest = Digest(second_dir);
  ASSERT_THAT(first_digest, IsOk());
  ASSERT_THAT(second_digest, IsOk());
  EXPECT_EQ(*first_digest, *second_digest);
  EXPECT_EQ(Records(*first_digest, "events"), messages.size() - MalformedMessages().size());
}

// Withdrawals and corrections: every third article is deleted by a
// tombstone, and every ninth is published again afterwards (re-created).
std::vector<KeyedMessage> WithDeletionsAndCorrections(std::vector<KeyedMessage> articles) {
  std::vector<KeyedMessage> messages = articles;
  for (size_t i = 0; i < articles.size(); i += 3) {
    messages.push_back({articles[i].key, "", /*tombstone=*/true});
  }
  for (size_t i = 0; i < articles.size(); i += 9) messages.push_back(articles[i]);
  return messages;
}

TEST_F(CrashTest, KilledDuringABurstOfDeletionsLosesAndDoublesNothing) {
  const std::string topic = "deletions";
  std::vector<KeyedMessage> articles = CorpusMessages(std::min(MessageCount(), 3000));
  std::vector<KeyedMessage> messages = WithDeletionsAndCorrections(articles);
  std::map<int32_t, int64_t> ends = PublishTopic(topic, messages);
  // Ingest the articles first, then kill while the tombstones are consumed.
  std::string crashed_dir = testing::MakeTempDir("parley-crashed");
  std::mt19937 random(std::random_device{}());
  std::uniform_int_distribution<int> delay_ms(300, 2500);
  int kills = KillUntilCaughtUp(topic, ends, crashed_dir, 6, random, delay_ms);
  std::cout << "killed parleyd " << kills << " times during deletions\n";

  auto clean = Parleyd::Start(kafka_->bootstrap(), topic);
  ASSERT_THAT(clean, IsOk());
  ASSERT_THAT(AwaitCaughtUp((*clean)->data_dir(), topic, ends, **clean), IsOk());
  StopGracefully(**clean);
  auto crashed_digest = Digest(crashed_dir);
  auto clean_digest = Digest((*clean)->data_dir());
  ASSERT_THAT(crashed_digest, IsOk());
  ASSERT_THAT(clean_digest, IsOk());
  EXPECT_EQ(*crashed_digest, *clean_digest);
  size_t deleted = (articles.size() + 2) / 3, recreated = (articles.size() + 8) / 9;
  EXPECT_EQ(Records(*crashed_digest, "events"), articles.size() - deleted + recreated);
  EXPECT_EQ(Records(*crashed_digest, "articles"), articles.size() - deleted + recreated);
}

TEST_F(CrashTest, KilledDuringReindexEndsLikeAFreshBuild) {
  const std::string topic = "reindex";
  std::map<int32_t, int64_t> ends =
      PublishTopic(topic, CorpusMessages(std::min(MessageCount(), 4000)));
  auto fresh = Parleyd::Start(kafka_->bootstrap(), topic);
  ASSERT_THAT(fresh, IsOk());
  ASSERT_THAT(AwaitCaughtUp((*fresh)->data_dir(), topic, ends, **fresh), IsOk());
  StopGracefully(**fresh);
  auto fresh_digest = Digest((*fresh)->data_dir());
  ASSERT_THAT(fresh_digest, IsOk());

  // The same store as an older extractor left it: copied, then aged.
  std::string dir = testing::MakeTempDir("parley-reindex-crash");
  std::filesystem::copy((*fresh)->data_dir(), dir, std::filesystem::copy_options::recursive |
                                                       std::filesystem::copy_options::overwrite_existing);
  PARLEY_ASSERT_OK_AND_ASSIGN(uint64_t aged_at, testing::AgeTheExtraction(dir));
  ASSERT_NE(*Digest(dir), *fresh_digest);

  const char* parleyd = std::getenv("PARLEYD");
  ASSERT_NE(parleyd, nullptr);
  std::mt19937 random(std::random_device{}());
  std::uniform_int_distribution<int> delay_ms(200, 1500);
  int kills = 0;
  for (int run = 0;; ++run) {
    auto reindex = testing::Subprocess::Start({parleyd, "reindex", "--data-dir", dir},
                                              dir + "-reindex.log");
    ASSERT_THAT(reindex, IsOk());
    if (run < 4) {
      absl::SleepFor(absl::Milliseconds(delay_ms(random)));
      reindex->Signal(SIGKILL);
    }
    std::optional<int> code = reindex->Wait(absl::Seconds(300));
    ASSERT_TRUE(code.has_value());
    if (*code == 0) break;
    ASSERT_EQ(*code, 128 + SIGKILL) << testing::ReadFileOrEmpty(dir + "-reindex.log");
    ++kills;
  }
  std::cout << "killed parleyd reindex " << kills << " times\n";
  auto digest = Digest(dir);
  ASSERT_THAT(digest, IsOk());
  EXPECT_EQ(*digest, *fresh_digest);
  // Watchers saw each article re-extracted exactly once, however often the
  // run was killed and resumed.
  storage::StoreOptions options;
  options.path = dir;
  auto store = storage::Store::Open(options);
  ASSERT_THAT(store, IsOk());
  std::multiset<std::string> replaced;
  ASSERT_THAT((*store)->ScanChanges(aged_at,
                                    [&](records::ChangeRecord& change) {
                                      EXPECT_EQ(change.kind(), records::ChangeRecord::KIND_REPLACED);
                                      replaced.insert(change.event().name());
                                      return true;
                                    }),
              IsOk());
  EXPECT_EQ(replaced.size(), Records(*fresh_digest, "events"));
  EXPECT_EQ(std::set<std::string>(replaced.begin(), replaced.end()).size(), replaced.size());
  store->reset();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace parley
