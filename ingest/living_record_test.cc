// The store as a living record: corrections, withdrawals and re-extraction
// leave exactly the store that the final state alone would build. Uses real
// articles from the pool, a real RocksDB store on disk and the real handler.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "common/status_matchers.h"
#include "ingest/testing/pool_articles.h"
#include "extract/extractor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/handler.h"
#include "ingest/reindexer.h"

namespace parley::ingest {
namespace {

using ::parley::testing::IsOk;
using testing::PoolArticle;
using testing::PoolArticles;

class NoDeadLetters : public DeadLetterSink {
 public:
  absl::Status Send(const IncomingMessage&, std::string_view reason) override {
    ADD_FAILURE() << "unexpected dead letter: " << reason;
    return absl::OkStatus();
  }
};


// Article `id` with the content of `content`: a correction that changes
// everything extracted from it.
std::string Rewritten(const PoolArticle& content, const std::string& id) {
  std::string json = content.json;
  std::string from = "\"id\": \"" + content.id + "\"";
  size_t at = json.find(from);
  if (at == std::string::npos) {
    from = "\"id\":\"" + content.id + "\"";
    at = json.find(from);
  }
  EXPECT_NE(at, std::string::npos) << content.id;
  if (at != std::string::npos) json.replace(at, from.size(), "\"id\": \"" + id + "\"");
  return json;
}

class StoreDir {
 public:
  StoreDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("parley-living-test-" + std::to_string(std::random_device()()));
    storage::StoreOptions options;
    options.path = path_.string();
    auto store = storage::Store::Open(options);
    EXPECT_THAT(store, IsOk());
    if (store.ok()) store_ = *std::move(store);
  }
  ~StoreDir() {
    store_.reset();
    std::filesystem::remove_all(path_);
  }
  storage::Store& store() { return *store_; }

 private:
  std::filesystem::path path_;
  std::unique_ptr<storage::Store> store_;
};

// Messages carry no topic, so no offsets are recorded and two stores fed
// different message sequences can be compared family by family.
IncomingMessage Article(const std::string& id, const std::string& json) {
  IncomingMessage message;
  message.key = id;
  message.value = json;
  return message;
}
IncomingMessage Tombstone(const std::string& id) {
  IncomingMessage message;
  message.key = id;
  message.tombstone = true;
  return message;
}

std::vector<storage::FamilyDigest> Digest(storage::Store& store) {
  auto digests = storage::DigestStore(store);
  EXPECT_THAT(digests, IsOk());
  return digests.ok() ? *digests : std::vector<storage::FamilyDigest>();
}

TEST(LivingRecordTest, RandomInsertsUpdatesAndDeletionsEqualTheFinalStateAlone) {
  std::vector<PoolArticle> pool = PoolArticles(40);
  ASSERT_GE(pool.size(), 20u);
  const size_t ids = pool.size() / 2;
  for (unsigned seed : {1u, 2u, 3u}) {
    SCOPED_TRACE(seed);
    std::mt19937 random(seed);
    StoreDir replayed;
    NoDeadLetters dead_letters;
    IngestHandler handler(replayed.store(), dead_letters, BuildOptions());
    // id -> the JSON of its latest version, nullopt once deleted.
    std::map<std::string, std::optional<std::string>> final_state;
    for (int step = 0; step < 120; ++step) {
      const std::string& id = pool[random() % ids].id;
      int action = static_cast<int>(random() % 4);
      IncomingMessage message =
          action == 0 ? Tombstone(id)
          : action == 1 && final_state.count(id) && final_state[id]
              ? Article(id, *final_state[id])  // re-delivery
              : Article(id, Rewritten(pool[random() % pool.size()], id));
      ASSERT_THAT(handler.Handle(message, 1), IsOk());
      final_state[id] = message.tombstone ? std::nullopt : std::optional(message.value);
    }
    StoreDir fresh;
    IngestHandler fresh_handler(fresh.store(), dead_letters, BuildOptions());
    for (const auto& [id, json] : final_state) {
      if (json) {
        ASSERT_THAT(fresh_handler.Handle(Article(id, *json), 1), IsOk());
      }
    }
    EXPECT_EQ(Digest(replayed.store()), Digest(fresh.store()));
    EXPECT_GT(handler.counters().articles_deleted, 0u);

    // A watcher that applies the change log in order ends with the same events.
    std::map<std::string, std::string> watched;
    ASSERT_THAT(replayed.store().ScanChanges(0,
                                             [&](records::ChangeRecord& change) {
                                               std::string id = change.event().name();
                                               if (change.kind() ==
                                                   records::ChangeRecord::KIND_DELETED) {
                                                 watched.erase(id);
                                               } else {
                                                 watched[id] = change.event().SerializeAsString();
                                               }
                                               return true;
                                             }),
                IsOk());
    std::map<std::string, std::string> stored;
    for (const auto& [id, json] : final_state) {
      if (!json) continue;
      PARLEY_ASSERT_OK_AND_ASSIGN(v1::Event event, fresh.store().GetEvent(id));
      stored["events/" + id] = event.SerializeAsString();
    }
    EXPECT_EQ(watched, stored);
  }
}

TEST(LivingRecordTest, DeletingAnArticleLeavesNothingAndIsNotFound) {
  std::vector<PoolArticle> pool = PoolArticles(6);
  ASSERT_EQ(pool.size(), 6u);
  StoreDir with, without;
  NoDeadLetters dead_letters;
  IngestHandler a(with.store(), dead_letters, BuildOptions());
  IngestHandler b(without.store(), dead_letters, BuildOptions());
  for (const PoolArticle& article : pool) {
    ASSERT_THAT(a.Handle(Article(article.id, article.json), 1), IsOk());
    if (article.id != pool[2].id) {
      ASSERT_THAT(b.Handle(Article(article.id, article.json), 1), IsOk());
    }
  }
  ASSERT_THAT(a.Handle(Tombstone(pool[2].id), 1), IsOk());
  EXPECT_EQ(with.store().GetEvent(pool[2].id).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(with.store().GetArticle(pool[2].id).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Digest(with.store()), Digest(without.store()));
  // Deleting it again, or an id never stored, changes nothing.
  uint64_t changes = with.store().LastChangeSequence();
  ASSERT_THAT(a.Handle(Tombstone(pool[2].id), 1), IsOk());
  ASSERT_THAT(a.Handle(Tombstone("never-stored"), 1), IsOk());
  EXPECT_EQ(with.store().LastChangeSequence(), changes);
  EXPECT_EQ(Digest(with.store()), Digest(without.store()));
}

// What an older extractor made: fewer facts and an older version.
absl::StatusOr<BuiltArticle> BuildWithOlderExtractor(const IncomingMessage& message) {
  absl::StatusOr<BuiltArticle> built = BuildArticle(message, BuildOptions());
  if (!built.ok()) return built;
  built->event.set_extractor_version(kExtractorVersion - 1);
  built->event.clear_topics();
  if (built->event.participants_size() > 0) built->event.mutable_participants()->RemoveLast();
  built->article.mutable_article()->clear_facts();
  return built;
}

void Ingest(storage::Store& store, const std::vector<PoolArticle>& pool,
            const ArticleBuildFn& build) {
  for (const PoolArticle& article : pool) {
    PARLEY_ASSERT_OK_AND_ASSIGN(BuiltArticle built, build(Article(article.id, article.json)));
    built.article.set_stored_at_unix_ms(1);
    ASSERT_THAT(store.WriteArticle(built.article, built.event), IsOk());
  }
}

TEST(LivingRecordTest, InterruptedReindexEqualsAFreshBuildWithTheNewExtractor) {
  std::vector<PoolArticle> pool = PoolArticles(40);
  StoreDir old_store, fresh;
  Ingest(old_store.store(), pool, BuildWithOlderExtractor);
  Ingest(fresh.store(), pool, [](const IncomingMessage& m) {
    return BuildArticle(m, BuildOptions());
  });
  ASSERT_NE(Digest(old_store.store()), Digest(fresh.store()));
  uint64_t changes_before = old_store.store().LastChangeSequence();

  // Stopped after its first checkpoint, then resumed by another reindexer.
  std::atomic<bool> stop{false};
  ReindexOptions options;
  options.checkpoint_every = 8;
  PARLEY_ASSERT_OK_AND_ASSIGN(
      ReindexReport first,
      Reindexer(old_store.store(), options).Run(stop, [&](const ReindexReport&) { stop = true; }));
  EXPECT_FALSE(first.progress.finished());
  EXPECT_EQ(first.progress.articles_done(), 8);
  stop = false;
  PARLEY_ASSERT_OK_AND_ASSIGN(ReindexReport second,
                              Reindexer(old_store.store(), options).Run(stop, nullptr));
  EXPECT_TRUE(second.progress.finished());
  EXPECT_EQ(second.progress.articles_done(), static_cast<int64_t>(pool.size()));
  EXPECT_EQ(Digest(old_store.store()), Digest(fresh.store()));

  // Watchers saw each changed event once, as a replacement.
  int replaced = 0;
  ASSERT_THAT(old_store.store().ScanChanges(changes_before,
                                            [&](records::ChangeRecord& change) {
                                              EXPECT_EQ(change.kind(),
                                                        records::ChangeRecord::KIND_REPLACED);
                                              ++replaced;
                                              return true;
                                            }),
              IsOk());
  EXPECT_EQ(replaced, second.progress.articles_reextracted());
  EXPECT_GT(replaced, 0);

  // A second run finds everything current and changes nothing.
  PARLEY_ASSERT_OK_AND_ASSIGN(ReindexReport again,
                              Reindexer(old_store.store(), options).Run(stop, nullptr));
  EXPECT_EQ(again.progress.articles_reextracted(), 0);
  EXPECT_EQ(Digest(old_store.store()), Digest(fresh.store()));
}

}  // namespace
}  // namespace parley::ingest
