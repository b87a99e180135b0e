#include "storage/store.h"

#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <tuple>

#include "common/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "rocksdb/options.h"
#include "storage/keys.h"
#include "storage/testing/sample_events.h"

namespace parley::storage {
namespace {

using ::parley::testing::IsOk;
using ::parley::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;
using testing::MakeEvent;
using testing::MakeStoredArticle;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("parley-store-test-" + std::to_string(std::random_device()()));
    Reopen();
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(path_);
  }
  void Reopen(uint64_t change_log_retention = 100000) {
    store_.reset();
    StoreOptions options;
    options.path = path_.string();
    options.change_log_retention = change_log_retention;
    auto store = Store::Open(options);
    ASSERT_THAT(store, IsOk());
    store_ = *std::move(store);
  }
  std::vector<std::string> Keys(Family family, const std::string& prefix = "") {
    std::vector<std::string> keys;
    EXPECT_THAT(store_->Scan(family, prefix, "",
                             [&](std::string_view key, std::string_view) {
                               keys.emplace_back(key);
                               return true;
                             }),
                IsOk());
    return keys;
  }
  std::vector<std::string> EventsOf(Family family, const std::string& term) {
    std::vector<std::string> ids;
    for (const std::string& key : Keys(family, IndexPrefix(term))) {
      ids.push_back(ParseIndexKey(key, true)->event_id);
    }
    return ids;
  }

  std::filesystem::path path_;
  std::unique_ptr<Store> store_;
};

const testing::SamplePerson kDiella{"Francesco Diella", "Lieutenant General", "Director",
                                    "NATO Cooperative Security Division"};
const testing::SamplePerson kKim{"Su-Kwang Kim", "Major General", "Director", "ROK JCS"};

// A store written under the options before issue 11 (LZ4 in every level,
// a filter in every family) opens under the current ones, reads the same
// before and after a compaction rewrites its files, and digests the same.
TEST(StoreOptionsTest, StoreWrittenUnderEarlierOptionsOpensAndCompacts) {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("parley-store-test-" + std::to_string(std::random_device()()));
  StoreOptions options;
  options.path = path.string();
  options.tune_family = [](Family, rocksdb::ColumnFamilyOptions& family) {
    family.bottommost_compression = rocksdb::kDisableCompressionOption;
    family.bottommost_compression_opts = rocksdb::CompressionOptions();
  };
  v1::Event event = MakeEvent("e1", "2023-02-13", {kDiella}, {"NATO"}, "KR", "Seoul");
  std::vector<FamilyDigest> digest;
  {
    PARLEY_ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Store::Open(options));
    ASSERT_THAT(store->WriteArticle(MakeStoredArticle("e1"), event), IsOk());
    ASSERT_THAT(store->Flush(), IsOk());
    PARLEY_ASSERT_OK_AND_ASSIGN(digest, DigestStore(*store));
  }
  options.tune_family = nullptr;
  PARLEY_ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Store::Open(options));
  ASSERT_THAT(store->Compact(), IsOk());
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::Event stored, store->GetEvent("e1"));
  EXPECT_EQ(stored.SerializeAsString(), event.SerializeAsString());
  PARLEY_ASSERT_OK_AND_ASSIGN(std::vector<FamilyDigest> after, DigestStore(*store));
  EXPECT_EQ(after, digest);
  EXPECT_GT(store->FamilyIntProperty(Family::kEvents, "rocksdb.total-sst-files-size").value_or(0),
            0u);
  store.reset();
  std::filesystem::remove_all(path);
}

TEST_F(StoreTest, WritesAndReadsBackEventArticleAndParticipant) {
  v1::Event event = MakeEvent("e1", "2023-02-13", {kDiella}, {"NATO"}, "KR", "Seoul");
  ASSERT_THAT(store_->WriteArticle(MakeStoredArticle("e1"), event), IsOk());
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::Event stored, store_->GetEvent("e1"));
  EXPECT_EQ(stored.SerializeAsString(), event.SerializeAsString());
  PARLEY_ASSERT_OK_AND_ASSIGN(records::StoredArticle article, store_->GetArticle("e1"));
  EXPECT_EQ(article.article().id(), "e1");
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::Participant participant,
                              store_->GetParticipant("diella-francesco"));
  EXPECT_EQ(participant.display_name(), "Francesco Diella");
  EXPECT_EQ(participant.rank(), "Lieutenant General");
  EXPECT_EQ(participant.event_count(), 1);
  EXPECT_THAT(EventsOf(Family::kCountryIndex, "KR"), ElementsAre("e1"));
  EXPECT_THAT(Keys(Family::kNameIndex, IndexPrefix("diella")), ::testing::SizeIs(1));
}

TEST_F(StoreTest, UnknownIdsAreNotFound) {
  EXPECT_THAT(store_->GetEvent("nope"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(store_->GetArticle("nope"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(store_->GetParticipant("nope"), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(StoreTest, RewritingTheSameArticleIsIdempotent) {
  v1::Event event = MakeEvent("e1", "2023-02-13", {kDiella, kKim}, {"NATO"}, "KR");
  ASSERT_THAT(store_->WriteArticle(MakeStoredArticle("e1"), event), IsOk());
  std::vector<std::vector<std::string>> before;
  for (int f = 0; f < kFamilyCount; ++f) before.push_back(Keys(static_cast<Family>(f)));
  ASSERT_THAT(store_->WriteArticle(MakeStoredArticle("e1"), event), IsOk());
  for (int f = 0; f < kFamilyCount; ++f) {
    EXPECT_EQ(Keys(static_cast<Family>(f)), before[f]) << FamilyName(static_cast<Family>(f));
  }
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::Participant kim, store_->GetParticipant("kim-kwang-su"));
  EXPECT_EQ(kim.event_count(), 1);
}

TEST_F(StoreTest, NewerVersionReplacesOldIndexEntries) {
  ASSERT_THAT(store_->WriteArticle(MakeStoredArticle("e1"),
                                   MakeEvent("e1", "2023-02-13", {kDiella}, {"NATO"}, "KR",
                                             "Seoul")),
              IsOk());
  ASSERT_THAT(store_->WriteArticle(MakeStoredArticle("e1"),
                                   MakeEvent("e1", "2023-03-01", {kKim}, {"ROK JCS"}, "US",
                                             "Busan")),
              IsOk());
  EXPECT_THAT(EventsOf(Family::kCountryIndex, "KR"), ElementsAre());
  EXPECT_THAT(EventsOf(Family::kCountryIndex, "US"), ElementsAre("e1"));
  EXPECT_THAT(EventsOf(Family::kLocationIndex, "seoul"), ElementsAre());
  EXPECT_THAT(EventsOf(Family::kOrganizationIndex, "nato"), ElementsAre());
  EXPECT_THAT(Keys(Family::kTimeIndex), ::testing::SizeIs(1));
  EXPECT_THAT(store_->GetParticipant("diella-francesco"),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(Keys(Family::kNameIndex, IndexPrefix("diella")), ElementsAre());
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::Participant kim, store_->GetParticipant("kim-kwang-su"));
  EXPECT_EQ(kim.event_count(), 1);
}

TEST_F(StoreTest, ParticipantAggregatesAppearancesNewestFirst) {
  testing::SamplePerson short_form = kDiella;
  short_form.name = "Francesco Diella";
  short_form.rank = "Major General";
  short_form.role = "";
  ASSERT_THAT(store_->WriteArticle(MakeStoredArticle("old"),
                                   MakeEvent("old", "2020-01-01", {short_form})),
              IsOk());
  ASSERT_THAT(store_->WriteArticle(MakeStoredArticle("new"),
                                   MakeEvent("new", "2023-02-13", {kDiella})),
              IsOk());
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::Participant participant,
                              store_->GetParticipant("diella-francesco"));
  EXPECT_EQ(participant.event_count(), 2);
  EXPECT_EQ(participant.rank(), "Lieutenant General");  // newest wins
  EXPECT_THAT(EventsOf(Family::kParticipantIndex, "diella-francesco"),
              ElementsAre("new", "old"));
}

// Rewrites the store at `path` as a build of schema version 2 left it: each
// participant's history inline in its record, no history keys.
void RewriteAsSchemaVersion2(const std::filesystem::path& path) {
  std::vector<std::string> names;
  ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path.string(), &names).ok());
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const std::string& name : names) families.emplace_back(name, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  ASSERT_TRUE(rocksdb::DB::Open(rocksdb::DBOptions(), path.string(), families, &handles, &raw).ok());
  std::unique_ptr<rocksdb::DB> db(raw);
  auto handle = [&](Family family) {
    for (rocksdb::ColumnFamilyHandle* h : handles) {
      if (h->GetName() == FamilyName(family)) return h;
    }
    return static_cast<rocksdb::ColumnFamilyHandle*>(nullptr);
  };
  rocksdb::ColumnFamilyHandle* participants = handle(Family::kParticipants);
  std::map<std::string, records::ParticipantRecord> records;
  std::vector<std::string> history_keys;
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), participants));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::string key = it->key().ToString();
    size_t separator = key.find('\0');
    if (separator == std::string::npos) {
      records[key].MergeFromString(it->value().ToString());
      continue;
    }
    records[key.substr(0, separator)].add_history()->ParseFromString(it->value().ToString());
    history_keys.push_back(key);
  }
  for (const std::string& key : history_keys) ASSERT_TRUE(db->Delete({}, participants, key).ok());
  for (const auto& [id, record] : records) {
    ASSERT_TRUE(db->Put({}, participants, id, record.SerializeAsString()).ok());
  }
  ASSERT_TRUE(db->Put({}, handle(Family::kMeta), "schema_version", "2").ok());
  for (rocksdb::ColumnFamilyHandle* h : handles) db->DestroyColumnFamilyHandle(h);
}

// A write touches the history entries of its appearance only; a store
// written with histories inline opens, reads the same, and moves a record to
// the new layout on its next write, ending as a store written fresh.
TEST_F(StoreTest, HistoryEntriesAreKeysOfTheirOwnAndOldRecordsMoveOnTheirNextWrite) {
  testing::SamplePerson earlier = kDiella;
  earlier.rank = "Major General";
  earlier.role = "";
  const std::string id = "diella-francesco";
  auto write = [&](const std::string& article, const std::string& date,
                   const testing::SamplePerson& person) {
    ASSERT_THAT(store_->WriteArticle(MakeStoredArticle(article), MakeEvent(article, date, {person})),
                IsOk());
  };
  write("old", "2020-01-01", earlier);
  write("new", "2023-02-13", kDiella);
  EXPECT_EQ(Keys(Family::kParticipants, ParticipantHistoryPrefix(id)).size(), 2u);
  PARLEY_ASSERT_OK_AND_ASSIGN(records::ParticipantRecord record,
                              store_->GetParticipantRecord(id));
  ASSERT_EQ(record.history_size(), 2);
  EXPECT_EQ(record.history(0).rank(), "Lieutenant General");  // by rank, role, organisation
  EXPECT_EQ(record.event_count(), 2);
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::Participant shown, store_->GetParticipant(id));

  store_.reset();
  RewriteAsSchemaVersion2(path_);
  Reopen();
  EXPECT_TRUE(Keys(Family::kParticipants, ParticipantHistoryPrefix(id)).empty());
  PARLEY_ASSERT_OK_AND_ASSIGN(records::ParticipantRecord inline_record,
                              store_->GetParticipantRecord(id));
  EXPECT_EQ(inline_record.SerializeAsString(), record.SerializeAsString());
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::Participant shown_inline, store_->GetParticipant(id));
  EXPECT_EQ(shown_inline.SerializeAsString(), shown.SerializeAsString());

  write("newest", "2024-05-01", kDiella);
  EXPECT_EQ(Keys(Family::kParticipants, ParticipantHistoryPrefix(id)).size(), 2u);
  std::filesystem::path fresh_path = path_.string() + "-fresh";
  {
    StoreOptions options;
    options.path = fresh_path.string();
    PARLEY_ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> fresh, Store::Open(options));
    for (const auto& [article, date, person] :
         {std::tuple{"old", "2020-01-01", earlier}, std::tuple{"new", "2023-02-13", kDiella},
          std::tuple{"newest", "2024-05-01", kDiella}}) {
      ASSERT_THAT(fresh->WriteArticle(MakeStoredArticle(article),
                                      MakeEvent(article, date, {person})),
                  IsOk());
    }
    auto contents = [](Store& store) {
      std::vector<std::pair<std::string, std::string>> pairs;
      EXPECT_THAT(store.Scan(Family::kParticipants, "", "",
                             [&](std::string_view key, std::string_view value) {
                               pairs.emplace_back(key, value);
                               return true;
                             }),
                  IsOk());
      return pairs;
    };
    EXPECT_EQ(contents(*store_), contents(*fresh));
  }
  std::filesystem::remove_all(fresh_path);
}

TEST_F(StoreTest, OffsetsTravelWithArticlesAndNeverGoBack) {
  PARLEY_ASSERT_OK_AND_ASSIGN(auto none, store_->NextOffset("articles", 0));
  EXPECT_FALSE(none.has_value());
  ASSERT_THAT(store_->WriteArticle(MakeStoredArticle("e1", "articles", 41),
                                   MakeEvent("e1", "2023-02-13", {})),
              IsOk());
  records::SourcePosition dead_letter;
  dead_letter.set_topic("articles");
  dead_letter.set_offset(42);
  ASSERT_THAT(store_->RecordConsumed(dead_letter), IsOk());
  dead_letter.set_offset(7);  // a replay of an older message
  ASSERT_THAT(store_->RecordConsumed(dead_letter), IsOk());
  Reopen();
  PARLEY_ASSERT_OK_AND_ASSIGN(auto next, store_->NextOffset("articles", 0));
  EXPECT_EQ(next, 43);
  PARLEY_ASSERT_OK_AND_ASSIGN(auto other, store_->NextOffset("articles", 1));
  EXPECT_FALSE(other.has_value());
}

std::vector<std::pair<uint64_t, records::ChangeRecord::Kind>> Changes(Store& store,
                                                                     uint64_t after) {
  std::vector<std::pair<uint64_t, records::ChangeRecord::Kind>> changes;
  EXPECT_THAT(store.ScanChanges(after,
                                [&](records::ChangeRecord& change) {
                                  changes.emplace_back(change.sequence(), change.kind());
                                  return true;
                                }),
              IsOk());
  return changes;
}

TEST_F(StoreTest, ChangeLogNumbersEveryChangeOnceAndSurvivesReopening) {
  using Kind = records::ChangeRecord;
  v1::Event first = MakeEvent("e1", "2023-02-13", {kDiella});
  v1::Event second = MakeEvent("e1", "2023-02-14", {kDiella, kKim});
  ASSERT_THAT(store_->WriteArticle(MakeStoredArticle("e1"), first), IsOk());
  ASSERT_THAT(store_->WriteArticle(MakeStoredArticle("e1"), first), IsOk());  // re-delivery
  ASSERT_THAT(store_->WriteArticle(MakeStoredArticle("e1"), second), IsOk());
  ASSERT_THAT(store_->DeleteArticle("e1", records::SourcePosition()), IsOk());
  EXPECT_THAT(Changes(*store_, 0),
              ElementsAre(std::pair(1u, Kind::KIND_STORED), std::pair(2u, Kind::KIND_REPLACED),
                          std::pair(3u, Kind::KIND_DELETED)));
  EXPECT_THAT(Changes(*store_, 2), ElementsAre(std::pair(3u, Kind::KIND_DELETED)));
  std::string id = store_->StoreId();
  EXPECT_EQ(id.size(), 32u);
  Reopen();
  EXPECT_EQ(store_->StoreId(), id);
  EXPECT_EQ(store_->LastChangeSequence(), 3u);
  uint64_t published = 0;
  store_->SetChangeListener([&](uint64_t sequence) { published = sequence; });
  ASSERT_THAT(store_->WriteArticle(MakeStoredArticle("e1"), first), IsOk());
  EXPECT_EQ(published, 4u);
  PARLEY_ASSERT_OK_AND_ASSIGN(uint64_t oldest, store_->FirstRetainedChange());
  EXPECT_EQ(oldest, 1u);
}

TEST_F(StoreTest, ChangeLogKeepsTheRetainedNewestChanges) {
  Reopen(/*change_log_retention=*/100);
  for (int i = 0; i < 1100; ++i) {
    std::string id = "e" + std::to_string(i);
    ASSERT_THAT(store_->WriteArticle(MakeStoredArticle(id), MakeEvent(id, "2023-02-13", {})),
                IsOk());
  }
  // Trimmed in steps of 1,024 changes: at 1,024, everything before 925 went.
  PARLEY_ASSERT_OK_AND_ASSIGN(uint64_t first, store_->FirstRetainedChange());
  EXPECT_EQ(first, 925u);
  EXPECT_EQ(Changes(*store_, 0).size(), 1100u - 924u);
  EXPECT_EQ(store_->LastChangeSequence(), 1100u);
}

TEST_F(StoreTest, RejectsEventWhoseNameDoesNotMatchTheArticle) {
  EXPECT_THAT(store_->WriteArticle(MakeStoredArticle("a"), MakeEvent("b", "2023-01-01", {})),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_F(StoreTest, SecondOpenOfTheSameDirectoryFails) {
  StoreOptions options;
  options.path = path_.string();
  EXPECT_FALSE(Store::Open(options).ok());
}

TEST_F(StoreTest, DigestDependsOnContentNotOnOrderOfArrival) {
  testing::SamplePerson alias = kKim;
  alias.name = "SU-KWANG KIM";
  alias.role = "Chief";
  std::vector<v1::Event> events = {
      MakeEvent("a", "2023-02-13", {kDiella, kKim}, {"NATO"}, "KR"),
      MakeEvent("b", "2023-02-13", {alias}, {"ROK JCS"}, "KR"),
      MakeEvent("c", "2021-01-01", {kDiella}, {"NATO"}, "BE")};
  for (const v1::Event& event : events) {
    ASSERT_THAT(store_->WriteArticle(MakeStoredArticle(event.name().substr(7)), event), IsOk());
  }
  PARLEY_ASSERT_OK_AND_ASSIGN(std::vector<FamilyDigest> forward, DigestStore(*store_));

  // The same events in reverse order, one of them written twice, elsewhere.
  auto other_path = path_.string() + "-reverse";
  StoreOptions options;
  options.path = other_path;
  PARLEY_ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> other, Store::Open(options));
  for (auto it = events.rbegin(); it != events.rend(); ++it) {
    ASSERT_THAT(other->WriteArticle(MakeStoredArticle(it->name().substr(7)), *it), IsOk());
  }
  ASSERT_THAT(other->WriteArticle(MakeStoredArticle("b"), events[1]), IsOk());
  PARLEY_ASSERT_OK_AND_ASSIGN(std::vector<FamilyDigest> reverse, DigestStore(*other));
  other.reset();
  std::filesystem::remove_all(other_path);
  EXPECT_EQ(forward, reverse);
  EXPECT_EQ(forward[static_cast<int>(Family::kEvents)].records, 3u);
}

// Ingest writes the articles of a Kafka batch in one store write: each
// article must see what the ones before it wrote (a participant's record,
// an event replaced within the batch), as separate writes would.
TEST_F(StoreTest, SeveralArticlesInOneWriteLeaveTheStoreAsOneWriteEach) {
  testing::SamplePerson alias = kKim;
  alias.name = "SU-KWANG KIM";
  alias.role = "Chief";
  struct Write {
    records::StoredArticle article;
    v1::Event event;
  };
  auto write = [](const std::string& id, int64_t offset, v1::Event event) {
    return Write{MakeStoredArticle(id, "articles", offset), std::move(event)};
  };
  const std::vector<Write> writes = {
      write("a", 10, MakeEvent("a", "2023-02-13", {kDiella, kKim}, {"NATO"}, "KR")),
      write("b", 11, MakeEvent("b", "2023-02-14", {alias}, {"ROK JCS"}, "KR")),
      write("c", 12, MakeEvent("c", "2021-01-01", {kDiella, kKim}, {}, "BE", "Brussels")),
      // a replaced within the same write, without Kim: a held the last date
      // of Kim's history entry, so Kim's record is rebuilt from the
      // participant index, which must include b's and c's entries.
      write("a", 13, MakeEvent("a", "2023-03-01", {kDiella}, {"NATO"}, "BE")),
      write("b", 14, MakeEvent("b", "2023-02-14", {alias}, {"ROK JCS"}, "KR"))};  // re-delivery

  std::vector<uint64_t> published;
  store_->SetChangeListener([&](uint64_t sequence) { published.push_back(sequence); });
  std::vector<EncodedArticle> encoded;
  for (const Write& w : writes) {
    PARLEY_ASSERT_OK_AND_ASSIGN(EncodedArticle one, EncodeArticle(w.article, w.event));
    encoded.push_back(std::move(one));
  }
  std::vector<const EncodedArticle*> batch;
  for (const EncodedArticle& one : encoded) batch.push_back(&one);
  ASSERT_THAT(store_->WriteArticles(batch), IsOk());
  EXPECT_THAT(published, ElementsAre(4u));  // once, with the newest of its changes
  PARLEY_ASSERT_OK_AND_ASSIGN(std::vector<FamilyDigest> together, DigestStore(*store_));
  std::vector<records::ChangeRecord> logged;
  ASSERT_THAT(store_->ScanChanges(0,
                                  [&](records::ChangeRecord& change) {
                                    logged.push_back(change);
                                    return true;
                                  }),
              IsOk());

  auto other_path = path_.string() + "-one-by-one";
  StoreOptions options;
  options.path = other_path;
  PARLEY_ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> other, Store::Open(options));
  for (const Write& w : writes) ASSERT_THAT(other->WriteArticle(w.article, w.event), IsOk());
  PARLEY_ASSERT_OK_AND_ASSIGN(std::vector<FamilyDigest> one_by_one, DigestStore(*other));
  EXPECT_EQ(together, one_by_one);
  EXPECT_EQ(Changes(*store_, 0), Changes(*other, 0));
  PARLEY_ASSERT_OK_AND_ASSIGN(std::optional<int64_t> next, store_->NextOffset("articles", 0));
  EXPECT_EQ(next, 15);
  PARLEY_ASSERT_OK_AND_ASSIGN(records::ParticipantRecord kim,
                              store_->GetParticipantRecord(identity::PersonIdOf(kKim.name)));
  EXPECT_EQ(kim.event_count(), 2);  // b and c; a no longer names Kim
  EXPECT_THAT(kim.history(), ::testing::Contains(::testing::Property(
                                 &v1::ParticipantHistoryEntry::last_date, "2021-01-01")));
  other.reset();
  std::filesystem::remove_all(other_path);

  // The log holds each stored event as it was written (a, b, c, a again;
  // not b's re-delivery).
  ASSERT_EQ(logged.size(), 4u);
  for (size_t i = 0; i < logged.size(); ++i) {
    EXPECT_EQ(logged[i].sequence(), i + 1);
    EXPECT_EQ(logged[i].event().SerializeAsString(), writes[i].event.SerializeAsString());
    EXPECT_GT(logged[i].changed_at_unix_ms(), 0);
  }
}

TEST_F(StoreTest, ReadOnlyOpenSeesTheDataOfARunningWriter) {
  ASSERT_THAT(store_->WriteArticle(MakeStoredArticle("e1", "articles", 4),
                                   MakeEvent("e1", "2023-02-13", {kKim})),
              IsOk());
  ASSERT_THAT(store_->Flush(), IsOk());
  StoreOptions options;
  options.path = path_.string();
  options.read_only = true;
  PARLEY_ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> reader, Store::Open(options));
  EXPECT_THAT(reader->GetEvent("e1"), IsOk());
  PARLEY_ASSERT_OK_AND_ASSIGN(auto next, reader->NextOffset("articles", 0));
  EXPECT_EQ(next, 5);
}

std::set<std::string> FileNames(const std::filesystem::path& directory) {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    names.insert(entry.path().filename().string());
  }
  return names;
}

TEST_F(StoreTest, RestoredCheckpointHoldsTheRecordAndOffsetsOfItsMomentUnderANewId) {
  ASSERT_THAT(store_->WriteArticle(MakeStoredArticle("e1", "articles", 4),
                                   MakeEvent("e1", "2023-02-13", {kDiella, kKim})),
              IsOk());
  ASSERT_THAT(store_->WriteArticle(MakeStoredArticle("e2", "articles", 5),
                                   MakeEvent("e2", "2023-02-14", {kKim})),
              IsOk());
  PARLEY_ASSERT_OK_AND_ASSIGN(std::vector<FamilyDigest> at_checkpoint, DigestStore(*store_));
  std::string checkpoint = path_.string() + "-checkpoint";
  PARLEY_ASSERT_OK_AND_ASSIGN(uint64_t last_change, store_->CreateCheckpoint(checkpoint));
  EXPECT_EQ(last_change, 2u);
  // Later writes are the store's, not the checkpoint's.
  ASSERT_THAT(store_->WriteArticle(MakeStoredArticle("e3", "articles", 6),
                                   MakeEvent("e3", "2023-02-15", {kDiella})),
              IsOk());
  std::set<std::string> checkpoint_files = FileNames(checkpoint);

  std::string restored_path = path_.string() + "-restored";
  PARLEY_ASSERT_OK_AND_ASSIGN(RestoredStore restored,
                              RestoreCheckpoint(checkpoint, restored_path, false));
  EXPECT_EQ(restored.source_store_id, store_->StoreId());
  EXPECT_NE(restored.store_id, store_->StoreId());
  EXPECT_EQ(restored.last_change, 2u);
  EXPECT_EQ(FileNames(checkpoint), checkpoint_files);  // restoring leaves it as it was
  {
    StoreOptions options;
    options.path = restored_path;
    PARLEY_ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> copy, Store::Open(options));
    EXPECT_EQ(copy->StoreId(), restored.store_id);
    EXPECT_EQ(copy->LastChangeSequence(), 2u);
    PARLEY_ASSERT_OK_AND_ASSIGN(std::vector<FamilyDigest> digest, DigestStore(*copy));
    EXPECT_EQ(digest, at_checkpoint);
    PARLEY_ASSERT_OK_AND_ASSIGN(std::optional<int64_t> next, copy->NextOffset("articles", 0));
    EXPECT_EQ(next, 6);  // ingest goes on with e3
    EXPECT_THAT(copy->GetEvent("e3"), StatusIs(absl::StatusCode::kNotFound));
  }
  EXPECT_THAT(RestoreCheckpoint(checkpoint, restored_path, false),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  PARLEY_ASSERT_OK_AND_ASSIGN(RestoredStore again,
                              RestoreCheckpoint(checkpoint, restored_path, true));
  EXPECT_NE(again.store_id, restored.store_id);
  std::filesystem::remove_all(checkpoint);
  std::filesystem::remove_all(restored_path);
}

TEST_F(StoreTest, RestoreNeverReplacesAStoreInUseNorReadsAMissingCheckpoint) {
  ASSERT_THAT(store_->WriteArticle(MakeStoredArticle("e1"), MakeEvent("e1", "2023-02-13", {})),
              IsOk());
  std::string checkpoint = path_.string() + "-checkpoint";
  ASSERT_THAT(store_->CreateCheckpoint(checkpoint), IsOk());
  EXPECT_FALSE(RestoreCheckpoint(checkpoint, path_.string(), true).ok());
  EXPECT_THAT(store_->GetEvent("e1"), IsOk());
  EXPECT_THAT(RestoreCheckpoint(path_.string() + "-nothing", path_.string() + "-x", false),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_FALSE(std::filesystem::exists(path_.string() + "-x"));
  EXPECT_THAT(RestoreCheckpoint(checkpoint, checkpoint, true),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(RestoreCheckpoint(checkpoint, checkpoint + "/inner", true),
              StatusIs(absl::StatusCode::kInvalidArgument));
  std::filesystem::remove_all(checkpoint);
}

}  // namespace
}  // namespace parley::storage
