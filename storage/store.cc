#include "storage/store.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <tuple>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "common/cancellation.h"
#include "common/status_macros.h"
#include "common/string_view.h"
#include "common/text.h"
#include "rocksdb/db.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/slice_transform.h"
#include "rocksdb/table.h"
#include "rocksdb/utilities/checkpoint.h"
#include "rocksdb/write_buffer_manager.h"
#include "storage/keys.h"
#include "storage/participant_record.h"
#include "storage/pending_write.h"

namespace parley::storage {
namespace {

constexpr std::string_view kSchemaVersionKey = "schema_version";
// 2: participant ids are person keys (identity/person_key.h), not slugs of
// one spelling of a name.
// 3: a participant's history entries are keys of their own
// (ParticipantHistoryKey), not part of its record. A store of version 2
// opens: its records are read as they are and moved to the new layout on
// their next write.
constexpr std::string_view kSchemaVersion = "3";
constexpr std::string_view kPreviousSchemaVersion = "2";
constexpr std::string_view kReindexKey = "reindex";
constexpr std::string_view kStoreIdKey = "store_id";

// 128 random bits, hex: unique enough to tell stores apart.
std::string NewStoreId() {
  std::random_device random;
  std::string id;
  for (int i = 0; i < 4; ++i) absl::StrAppend(&id, absl::Hex(random(), absl::kZeroPad8));
  return id;
}


class RocksStore : public Store {
 public:
  RocksStore(std::unique_ptr<rocksdb::DB> db,
             std::vector<rocksdb::ColumnFamilyHandle*> handles, const StoreOptions& options)
      : db_(std::move(db)),
        handles_(std::move(handles)),
        change_log_retention_(std::max<uint64_t>(options.change_log_retention, 1)) {
    write_options_.sync = options.sync_writes;
  }

  // Reads the store id (making one for a new store, or when `new_id`) and
  // the newest change.
  absl::Status LoadChangeLogState(bool read_only, bool new_id);

  ~RocksStore() override {
    for (rocksdb::ColumnFamilyHandle* handle : handles_) {
      db_->DestroyColumnFamilyHandle(handle).PermitUncheckedError();
    }
    db_->Close().PermitUncheckedError();
  }

  absl::Status WriteArticles(std::span<const EncodedArticle* const> articles) override;
  absl::Status DeleteArticle(std::string_view article_id,
                             const records::SourcePosition& position) override;
  absl::StatusOr<bool> RebuildArticle(std::string_view article_id,
                                      const ArticleRebuilder& rebuild) override;
  const std::string& StoreId() const override { return store_id_; }
  uint64_t LastChangeSequence() const override { return last_sequence_.load(); }
  absl::StatusOr<uint64_t> FirstRetainedChange() override;
  absl::Status ScanChanges(uint64_t after,
                           const std::function<bool(records::ChangeRecord&)>& visit) override;
  void SetChangeListener(std::function<void(uint64_t)> listener) override {
    std::lock_guard<std::mutex> lock(write_mutex_);
    listener_ = std::move(listener);
  }
  absl::StatusOr<std::optional<records::ReindexProgress>> GetReindexProgress() override;
  absl::Status PutReindexProgress(const records::ReindexProgress& progress) override;
  absl::Status RecordConsumed(const records::SourcePosition& position) override;
  absl::StatusOr<std::optional<int64_t>> NextOffset(std::string_view topic,
                                                    int32_t partition) override;
  absl::StatusOr<v1::Event> GetEvent(std::string_view event_id) override {
    v1::Event event;
    PARLEY_RETURN_IF_ERROR(GetProto(Family::kEvents, event_id, "event", event));
    return event;
  }
  absl::StatusOr<records::StoredArticle> GetArticle(std::string_view article_id) override {
    records::StoredArticle article;
    PARLEY_RETURN_IF_ERROR(GetProto(Family::kArticles, article_id, "article", article));
    return article;
  }
  absl::StatusOr<v1::Participant> GetParticipant(std::string_view participant_id) override {
    PARLEY_ASSIGN_OR_RETURN(records::ParticipantRecord record,
                            GetParticipantRecord(participant_id));
    return ParticipantFromRecord(participant_id, record);
  }
  absl::StatusOr<records::ParticipantRecord> GetParticipantRecord(
      std::string_view participant_id) override {
    records::ParticipantRecord record;
    PARLEY_RETURN_IF_ERROR(
        GetProto(Family::kParticipants, participant_id, "participant", record));
    // Records written before history entries had keys of their own carry
    // them inline until their next write.
    const bool inline_history = record.history_size() > 0;
    PARLEY_RETURN_IF_ERROR(ReadHistory(participant_id, record));
    if (inline_history) SortHistory(record);
    return record;
  }
  absl::Status Scan(Family family, std::string_view prefix, std::string_view start,
                    const ScanVisitor& visit) override;
  uint64_t EstimateCount(Family family) override {
    uint64_t count = 0;
    db_->GetIntProperty(handle(family), "rocksdb.estimate-num-keys", &count);
    return count;
  }
  std::optional<uint64_t> IntProperty(const std::string& name) override {
    uint64_t value = 0;
    if (!db_->GetAggregatedIntProperty(name, &value)) return std::nullopt;
    return value;
  }
  absl::Status Flush() override {
    rocksdb::FlushOptions options;
    return FromRocks(db_->Flush(options, handles_), "flush");
  }
  absl::Status Compact() override;
  std::optional<uint64_t> FamilyIntProperty(Family family, const std::string& name) override {
    uint64_t value = 0;
    if (!db_->GetIntProperty(handle(family), name, &value)) return std::nullopt;
    return value;
  }
  absl::StatusOr<uint64_t> CreateCheckpoint(const std::string& directory) override;

 private:
  rocksdb::ColumnFamilyHandle* handle(Family family) const {
    return handles_[static_cast<size_t>(family)];
  }

  absl::Status GetProto(Family family, std::string_view id, std::string_view kind,
                        google::protobuf::Message& message) {
    std::string value;
    rocksdb::Status status =
        db_->Get(rocksdb::ReadOptions(), handle(family), ToSlice(id), &value);
    if (status.IsNotFound()) return NotFound(kind, id);
    PARLEY_RETURN_IF_ERROR(FromRocks(status, absl::StrCat("reading ", ToAbsl(kind), " ", ToAbsl(id))));
    return Parse(value, kind, id, message);
  }
  // The same, as the write being assembled leaves the store.
  static absl::Status GetProto(PendingWrite& write, Family family, std::string_view id,
                               std::string_view kind, google::protobuf::Message& message) {
    PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> value, write.Get(family, id));
    if (!value) return NotFound(kind, id);
    return Parse(*value, kind, id, message);
  }
  static absl::Status NotFound(std::string_view kind, std::string_view id) {
    return absl::NotFoundError(absl::StrCat(ToAbsl(kind), " \"", ToAbsl(id), "\" not found"));
  }
  static absl::Status Parse(std::string_view value, std::string_view kind, std::string_view id,
                            google::protobuf::Message& message) {
    if (!message.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
      return absl::DataLossError(absl::StrCat(ToAbsl(kind), " \"", ToAbsl(id), "\" is corrupt"));
    }
    return absl::OkStatus();
  }

  // Appends the history entries stored under their own keys
  // (ParticipantHistoryKey), in key order, as the store holds them or, with
  // `write`, as that write leaves them.
  absl::Status ReadHistory(std::string_view participant_id, records::ParticipantRecord& record,
                           PendingWrite* write = nullptr);

  // Puts the offset after `position` unless a later one is already stored.
  absl::Status AddOffset(const records::SourcePosition& position, PendingWrite& write);
  // Folds the participants' appearances in this event in and out of their
  // records and name index entries. The cost per participant is one read
  // and one write, whatever its number of events, except when a removed
  // appearance held a date bound of its history entry (an update of an
  // article, never a first delivery): then the record is rebuilt from the
  // participant index.
  absl::Status UpdateParticipants(const std::vector<IndexEntry>& old_entries,
                                  const v1::Event& event,
                                  const std::vector<IndexEntry>& new_entries,
                                  PendingWrite& write);
  // One participant's part of UpdateParticipants: reads its record without
  // history and only the history entries the change touches.
  absl::Status UpdateParticipant(const std::string& id,
                                 const std::optional<v1::ParticipantAppearance>& removed,
                                 const std::optional<v1::ParticipantAppearance>& added,
                                 const v1::Event& event, PendingWrite& write);
  // Puts one key per history entry of `record`; returns the keys.
  static std::set<std::string> PutHistoryEntries(const std::string& id,
                                                 const records::ParticipantRecord& record,
                                                 PendingWrite& write);
  // Deletes the name-index entries of terms the participant lost and puts
  // those of terms it gained.
  static void PutNameTermChanges(const std::string& id, const std::vector<std::string>& old_terms,
                                 const std::vector<std::string>& new_terms, PendingWrite& write);
  absl::StatusOr<records::ParticipantRecord> RebuildParticipantRecord(
      const std::string& id, const v1::Event& event,
      const std::optional<v1::ParticipantAppearance>& new_appearance, PendingWrite& write);
  // Adds to `write` the replacement of `previous` (when set) by `next` (when
  // set): index entries, participant records, the event and one change
  // record. Requires write_mutex_.
  struct StoredEvent;
  absl::Status PutEventChange(const StoredEvent* previous, const EncodedEvent* next,
                              PendingWrite& write);
  // Commits the write and publishes the newest change it holds, if any.
  // Requires write_mutex_.
  absl::Status Commit(PendingWrite& write, std::string_view what);
  // An event as stored, and its encoding.
  struct StoredEvent {
    v1::Event event;
    std::string bytes;
  };
  // The stored event of an article as `write` leaves it; nullopt when
  // there is none.
  static absl::StatusOr<std::optional<StoredEvent>> LoadEvent(PendingWrite& write,
                                                              std::string_view event_id);
  PendingWrite NewWrite() { return PendingWrite(*db_, handles_); }

  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  rocksdb::WriteOptions write_options_;
  std::mutex write_mutex_;
  const uint64_t change_log_retention_;
  std::string store_id_;
  std::atomic<uint64_t> last_sequence_{0};
  std::function<void(uint64_t)> listener_;  // guarded by write_mutex_
};

absl::Status RocksStore::Scan(Family family, std::string_view prefix,
                              std::string_view start, const ScanVisitor& visit) {
  rocksdb::ReadOptions options;
  const std::string upper_bound = PrefixUpperBound(prefix);
  rocksdb::Slice bound_slice(upper_bound);
  if (!upper_bound.empty()) options.iterate_upper_bound = &bound_slice;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(options, handle(family)));
  std::string_view seek_key = std::max(prefix, start);
  int visited = 0;
  for (it->Seek(ToSlice(seek_key)); it->Valid(); it->Next()) {
    // A long scan stops when the request it serves is over.
    if (++visited % 256 == 0) PARLEY_RETURN_IF_ERROR(CheckCancellation());
    if (!visit(ToView(it->key()), ToView(it->value()))) break;
  }
  return FromRocks(it->status(), absl::StrCat("scanning ", FamilyName(family)));
}

absl::Status RocksStore::Compact() {
  PARLEY_RETURN_IF_ERROR(Flush());
  rocksdb::CompactRangeOptions options;
  // Rewrites last-level files too, so that a store written under older
  // options (another compression) ends up in the current ones.
  options.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForceOptimized;
  for (rocksdb::ColumnFamilyHandle* family : handles_) {
    PARLEY_RETURN_IF_ERROR(FromRocks(db_->CompactRange(options, family, nullptr, nullptr),
                                     absl::StrCat("compacting ", family->GetName())));
  }
  return absl::OkStatus();
}

namespace {

// A stored next offset (big-endian), as NextOffset returns it.
absl::StatusOr<int64_t> DecodeOffset(std::string_view value) {
  std::optional<uint64_t> offset = ReadBigEndian64(value);
  if (!offset) return absl::DataLossError("stored offset is corrupt");
  return static_cast<int64_t>(*offset);
}

}  // namespace

absl::Status RocksStore::AddOffset(const records::SourcePosition& position,
                                   PendingWrite& write) {
  if (position.topic().empty()) return absl::OkStatus();
  const std::string key = OffsetKey(position.topic(), position.partition());
  PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> value, write.Get(Family::kMeta, key));
  const int64_t next = position.offset() + 1;
  if (value) {
    PARLEY_ASSIGN_OR_RETURN(int64_t stored, DecodeOffset(*value));
    if (stored >= next) return absl::OkStatus();
  }
  std::string encoded;
  AppendBigEndian64(static_cast<uint64_t>(next), encoded);
  write.Put(Family::kMeta, key, encoded);
  return absl::OkStatus();
}

absl::StatusOr<std::optional<int64_t>> RocksStore::NextOffset(std::string_view topic,
                                                              int32_t partition) {
  std::string value;
  rocksdb::Status status = db_->Get(rocksdb::ReadOptions(), handle(Family::kMeta),
                                    ToSlice(OffsetKey(topic, partition)), &value);
  if (status.IsNotFound()) return std::optional<int64_t>();
  PARLEY_RETURN_IF_ERROR(FromRocks(status, "reading offset"));
  PARLEY_ASSIGN_OR_RETURN(int64_t next, DecodeOffset(value));
  return std::optional<int64_t>(next);
}

namespace {

// Participant id -> its appearance in an event, from the event's index entries.
std::map<std::string, std::string> AppearancesOf(const std::vector<IndexEntry>& entries) {
  std::map<std::string, std::string> out;
  for (const IndexEntry& entry : entries) {
    if (entry.family != Family::kParticipantIndex) continue;
    std::optional<IndexKeyParts> parts = ParseIndexKey(entry.key, /*with_term=*/true);
    if (parts) out[parts->term] = entry.value;
  }
  return out;
}

std::optional<v1::ParticipantAppearance> ParseAppearance(
    const std::map<std::string, std::string>& appearances, const std::string& id) {
  auto it = appearances.find(id);
  if (it == appearances.end()) return std::nullopt;
  v1::ParticipantAppearance appearance;
  appearance.ParseFromString(it->second);
  return appearance;
}

}  // namespace

absl::StatusOr<records::ParticipantRecord> RocksStore::RebuildParticipantRecord(
    const std::string& id, const v1::Event& event,
    const std::optional<v1::ParticipantAppearance>& new_appearance, PendingWrite& write) {
  std::vector<v1::ParticipantAppearance> appearances;
  PARLEY_RETURN_IF_ERROR(write.Scan(
      Family::kParticipantIndex, IndexPrefix(id),
      [&](std::string_view, std::string_view value) {
        v1::ParticipantAppearance appearance;
        if (appearance.ParseFromArray(value.data(), static_cast<int>(value.size())) &&
            appearance.event() != event.name()) {
          appearances.push_back(std::move(appearance));
        }
        return true;
      }));
  if (new_appearance) appearances.push_back(*new_appearance);
  return RecordFromAppearances(appearances);
}

absl::Status RocksStore::ReadHistory(std::string_view participant_id,
                                     records::ParticipantRecord& record, PendingWrite* write) {
  absl::Status failure;
  auto add_entry = [&](std::string_view key, std::string_view value) {
    if (!record.add_history()->ParseFromArray(value.data(), static_cast<int>(value.size()))) {
      failure = absl::DataLossError(absl::StrCat("history entry \"", ToAbsl(key),
                                                 "\" of participant \"",
                                                 ToAbsl(participant_id), "\" is corrupt"));
      return false;
    }
    return true;
  };
  const std::string prefix = ParticipantHistoryPrefix(participant_id);
  PARLEY_RETURN_IF_ERROR(write != nullptr ? write->Scan(Family::kParticipants, prefix, add_entry)
                                          : Scan(Family::kParticipants, prefix, "", add_entry));
  return failure;
}

namespace {

using HistoryEntry = v1::ParticipantHistoryEntry;

std::string HistoryKeyOf(std::string_view id, const HistoryEntry& entry) {
  return ParticipantHistoryKey(id, entry.rank(), entry.role(), entry.organization());
}

std::string HistoryKeyOf(std::string_view id, const v1::ParticipantAppearance& appearance) {
  return ParticipantHistoryKey(id, appearance.rank(), appearance.role(),
                               appearance.organization());
}

}  // namespace

absl::Status RocksStore::UpdateParticipants(const std::vector<IndexEntry>& old_entries,
                                            const v1::Event& event,
                                            const std::vector<IndexEntry>& new_entries,
                                            PendingWrite& write) {
  std::map<std::string, std::string> before = AppearancesOf(old_entries);
  std::map<std::string, std::string> after = AppearancesOf(new_entries);
  std::set<std::string> affected;
  for (const auto& [id, value] : before) affected.insert(id);
  for (const auto& [id, value] : after) affected.insert(id);
  for (const std::string& id : affected) {
    if (id.empty()) continue;
    auto old_value = before.find(id);
    auto new_value = after.find(id);
    if (old_value != before.end() && new_value != after.end() &&
        old_value->second == new_value->second) {
      continue;  // re-delivery: nothing about this participant changed
    }
    PARLEY_RETURN_IF_ERROR(UpdateParticipant(id, ParseAppearance(before, id),
                                             ParseAppearance(after, id), event, write));
  }
  return absl::OkStatus();
}

namespace {

bool SameNames(const records::ParticipantRecord& a, const records::ParticipantRecord& b) {
  return std::equal(a.names().begin(), a.names().end(), b.names().begin(), b.names().end(),
                    [](const auto& x, const auto& y) { return x.name() == y.name(); });
}

// The name-index terms of a record's names; none for a deleted record.
std::vector<std::string> NameTermsOf(const std::string& id,
                                     const records::ParticipantRecord& record) {
  if (record.event_count() == 0) return {};
  return ParticipantNameTerms(ParticipantNamesFromRecord(id, record));
}

}  // namespace

absl::Status RocksStore::UpdateParticipant(const std::string& id,
                                           const std::optional<v1::ParticipantAppearance>& removed,
                                           const std::optional<v1::ParticipantAppearance>& added,
                                           const v1::Event& event, PendingWrite& write) {
  records::ParticipantRecord record;
  absl::Status read = GetProto(write, Family::kParticipants, id, "participant", record);
  if (!read.ok() && !absl::IsNotFound(read)) return read;
  // The name index holds the terms of the record's names, so it changes
  // only when they do (most appearances bring no new spelling).
  records::ParticipantRecord names_before;
  *names_before.mutable_names() = record.names();
  names_before.set_event_count(record.event_count());
  // A record written before history entries had keys of their own carries
  // them inline: it is rewritten whole, once. Otherwise only the entries
  // this change touches are read: a history grows with every role a person
  // is seen in, and a write should not copy it.
  bool whole = record.history_size() > 0;
  std::set<std::string> touched;
  if (whole) {
    PARLEY_RETURN_IF_ERROR(ReadHistory(id, record, &write));
  } else {
    for (const auto* appearance : {&removed, &added}) {
      if (*appearance) touched.insert(HistoryKeyOf(id, **appearance));
    }
    for (const std::string& key : touched) {
      HistoryEntry entry;
      absl::Status found = GetProto(write, Family::kParticipants, key, "history entry", entry);
      if (found.ok()) *record.add_history() = std::move(entry);
      if (!found.ok() && !absl::IsNotFound(found)) return found;
    }
  }
  SortHistory(record);
  bool in_place = !removed || RemoveAppearance(*removed, record);
  if (in_place && added) AddAppearance(*added, record);
  if (!in_place) {
    PARLEY_ASSIGN_OR_RETURN(record, RebuildParticipantRecord(id, event, added, write));
    whole = true;
  }
  // The entries `record` holds are written; of the others stored, those
  // read here and no longer held are deleted, or every one when the whole
  // history was read.
  std::set<std::string> kept = PutHistoryEntries(id, record, write);
  if (whole) {
    PARLEY_RETURN_IF_ERROR(write.Scan(Family::kParticipants, ParticipantHistoryPrefix(id),
                                      [&](std::string_view key, std::string_view) {
                                        touched.emplace(key);
                                        return true;
                                      }));
  }
  for (const std::string& key : touched) {
    if (!kept.contains(key)) write.Delete(Family::kParticipants, key);
  }
  record.clear_history();
  if (record.event_count() > 0) {
    write.Put(Family::kParticipants, id, record.SerializeAsString());
  } else {
    write.Delete(Family::kParticipants, id);
  }
  if (!SameNames(names_before, record) ||
      (names_before.event_count() > 0) != (record.event_count() > 0)) {
    PutNameTermChanges(id, NameTermsOf(id, names_before), NameTermsOf(id, record), write);
  }
  return absl::OkStatus();
}

std::set<std::string> RocksStore::PutHistoryEntries(const std::string& id,
                                                    const records::ParticipantRecord& record,
                                                    PendingWrite& write) {
  std::set<std::string> keys;
  for (const HistoryEntry& entry : record.history()) {
    std::string key = HistoryKeyOf(id, entry);
    write.Put(Family::kParticipants, key, entry.SerializeAsString());
    keys.insert(std::move(key));
  }
  return keys;
}

void RocksStore::PutNameTermChanges(const std::string& id,
                                    const std::vector<std::string>& old_terms,
                                    const std::vector<std::string>& new_terms,
                                    PendingWrite& write) {
  for (const std::string& term : old_terms) {
    if (std::find(new_terms.begin(), new_terms.end(), term) == new_terms.end()) {
      write.Delete(Family::kNameIndex, NameKey(term, id));
    }
  }
  for (const std::string& term : new_terms) {
    if (std::find(old_terms.begin(), old_terms.end(), term) == old_terms.end()) {
      write.Put(Family::kNameIndex, NameKey(term, id), "");
    }
  }
}

namespace {

// A change record whose event is `event_bytes`, appended as the encoded
// `event` field: an event is encoded once, for its family and for the log.
std::string EncodeChange(uint64_t sequence, records::ChangeRecord::Kind kind,
                         std::string_view event_bytes) {
  records::ChangeRecord change;
  change.set_sequence(sequence);
  change.set_kind(kind);
  change.set_changed_at_unix_ms(absl::ToUnixMillis(absl::Now()));
  std::string encoded = change.SerializeAsString();
  {
    google::protobuf::io::StringOutputStream stream(&encoded);  // appends
    google::protobuf::io::CodedOutputStream coded(&stream);
    constexpr uint32_t kLengthDelimited = 2;
    coded.WriteTag((records::ChangeRecord::kEventFieldNumber << 3) | kLengthDelimited);
    coded.WriteVarint32(static_cast<uint32_t>(event_bytes.size()));
    coded.WriteRaw(event_bytes.data(), static_cast<int>(event_bytes.size()));
  }
  return encoded;
}

}  // namespace

absl::StatusOr<std::optional<RocksStore::StoredEvent>> RocksStore::LoadEvent(
    PendingWrite& write, std::string_view event_id) {
  PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> bytes, write.Get(Family::kEvents, event_id));
  if (!bytes) return std::optional<StoredEvent>();
  std::optional<StoredEvent> stored(std::in_place);
  PARLEY_RETURN_IF_ERROR(Parse(*bytes, "event", event_id, stored->event));
  stored->bytes = *std::move(bytes);
  return stored;
}

absl::Status RocksStore::PutEventChange(const StoredEvent* previous, const EncodedEvent* next,
                                        PendingWrite& write) {
  const v1::Event& about = next ? next->event : previous->event;
  std::vector<IndexEntry> old_entries;
  if (previous) {
    old_entries = IndexEntriesForEvent(previous->event);
    for (const IndexEntry& entry : old_entries) write.Delete(entry.family, entry.key);
  }
  static const std::vector<IndexEntry> kNoEntries;
  const std::vector<IndexEntry>& new_entries = next ? next->index_entries : kNoEntries;
  PARLEY_RETURN_IF_ERROR(UpdateParticipants(old_entries, about, new_entries, write));
  for (const IndexEntry& entry : new_entries) write.Put(entry.family, entry.key, entry.value);
  const std::string_view event_id = EventId(about);
  if (next) {
    write.Put(Family::kEvents, event_id, next->bytes);
  } else {
    write.Delete(Family::kEvents, event_id);
  }
  const uint64_t sequence = write.NextChange(last_sequence_.load());
  write.Put(Family::kChangeLog, ChangeKey(sequence),
            EncodeChange(sequence,
                         !previous ? records::ChangeRecord::KIND_STORED
                         : next    ? records::ChangeRecord::KIND_REPLACED
                                   : records::ChangeRecord::KIND_DELETED,
                         next ? next->bytes : previous->bytes));
  // Trim the log in steps, not on every write: one range deletion per 1,024.
  if (sequence > change_log_retention_ && sequence % 1024 == 0) {
    PARLEY_RETURN_IF_ERROR(write.DeleteRange(Family::kChangeLog, ChangeKey(0),
                                             ChangeKey(sequence - change_log_retention_ + 1)));
  }
  return absl::OkStatus();
}

absl::Status RocksStore::Commit(PendingWrite& write, std::string_view what) {
  PARLEY_RETURN_IF_ERROR(write.Commit(write_options_, what));
  if (write.last_change() == 0) return absl::OkStatus();
  last_sequence_ = write.last_change();
  if (listener_) listener_(write.last_change());
  return absl::OkStatus();
}

absl::Status RocksStore::WriteArticles(std::span<const EncodedArticle* const> articles) {
  if (articles.empty()) return absl::OkStatus();
  std::lock_guard<std::mutex> lock(write_mutex_);
  PendingWrite write = NewWrite();
  for (const EncodedArticle* article : articles) {
    PARLEY_ASSIGN_OR_RETURN(std::optional<StoredEvent> previous,
                            LoadEvent(write, EventId(article->event.event)));
    // Re-delivery of the same message: only the offset moves, and watchers
    // see no change.
    if (!previous || previous->bytes != article->event.bytes) {
      PARLEY_RETURN_IF_ERROR(
          PutEventChange(previous ? &*previous : nullptr, &article->event, write));
    }
    write.Put(Family::kArticles, article->id, article->bytes);
    PARLEY_RETURN_IF_ERROR(AddOffset(article->source, write));
  }
  return Commit(write, articles.size() == 1
                           ? absl::StrCat("writing article ", articles.front()->id)
                           : absl::StrCat("writing ", articles.size(), " articles from ",
                                          articles.front()->id));
}

absl::Status RocksStore::DeleteArticle(std::string_view article_id,
                                       const records::SourcePosition& position) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  PendingWrite write = NewWrite();
  PARLEY_ASSIGN_OR_RETURN(std::optional<StoredEvent> previous, LoadEvent(write, article_id));
  if (previous) PARLEY_RETURN_IF_ERROR(PutEventChange(&*previous, nullptr, write));
  write.Delete(Family::kArticles, article_id);
  PARLEY_RETURN_IF_ERROR(AddOffset(position, write));
  return Commit(write, absl::StrCat("deleting article ", ToAbsl(article_id)));
}

absl::StatusOr<bool> RocksStore::RebuildArticle(std::string_view article_id,
                                                const ArticleRebuilder& rebuild) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  PARLEY_ASSIGN_OR_RETURN(records::StoredArticle article, GetArticle(article_id));
  PendingWrite write = NewWrite();
  PARLEY_ASSIGN_OR_RETURN(std::optional<StoredEvent> current, LoadEvent(write, article_id));
  if (!current) {
    return absl::DataLossError(absl::StrCat("article \"", ToAbsl(article_id), "\" has no event"));
  }
  PARLEY_ASSIGN_OR_RETURN(std::optional<RebuiltArticle> rebuilt,
                          rebuild(article, current->event));
  if (!rebuilt) return false;
  if (rebuilt->event.name() != current->event.name() ||
      rebuilt->article.article().id() != article.article().id()) {
    return absl::InvalidArgumentError(absl::StrCat("rebuilt event \"", rebuilt->event.name(),
                                                   "\" is not \"", current->event.name(), "\""));
  }
  EncodedEvent next = EncodeEvent(std::move(rebuilt->event));
  bool event_changed = next.bytes != current->bytes;
  std::string article_bytes = rebuilt->article.SerializeAsString();
  bool article_changed = article_bytes != article.SerializeAsString();
  if (!event_changed && !article_changed) return false;
  if (event_changed) PARLEY_RETURN_IF_ERROR(PutEventChange(&*current, &next, write));
  if (article_changed) write.Put(Family::kArticles, article_id, article_bytes);
  PARLEY_RETURN_IF_ERROR(Commit(write, absl::StrCat("re-extracting ", ToAbsl(article_id))));
  return event_changed;
}

absl::StatusOr<uint64_t> RocksStore::FirstRetainedChange() {
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(rocksdb::ReadOptions(), handle(Family::kChangeLog)));
  it->SeekToFirst();
  PARLEY_RETURN_IF_ERROR(FromRocks(it->status(), "reading the change log"));
  if (!it->Valid()) return last_sequence_.load() + 1;
  std::optional<uint64_t> first = SequenceFromChangeKey(ToView(it->key()));
  if (!first) return absl::DataLossError("change log key is corrupt");
  return *first;
}

absl::Status RocksStore::ScanChanges(
    uint64_t after, const std::function<bool(records::ChangeRecord&)>& visit) {
  return Scan(Family::kChangeLog, "", ChangeKey(after + 1),
              [&](std::string_view, std::string_view value) {
                records::ChangeRecord change;
                if (!change.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
                  return true;  // unreadable: DigestStore and the tests would show it
                }
                return visit(change);
              });
}

absl::StatusOr<std::optional<records::ReindexProgress>> RocksStore::GetReindexProgress() {
  records::ReindexProgress progress;
  absl::Status status = GetProto(Family::kMeta, kReindexKey, "reindex progress", progress);
  if (absl::IsNotFound(status)) return std::optional<records::ReindexProgress>();
  PARLEY_RETURN_IF_ERROR(status);
  return std::optional<records::ReindexProgress>(std::move(progress));
}

absl::Status RocksStore::PutReindexProgress(const records::ReindexProgress& progress) {
  return FromRocks(db_->Put(write_options_, handle(Family::kMeta), ToSlice(kReindexKey),
                            ToSlice(progress.SerializeAsString())),
                   "writing reindex progress");
}

absl::Status RocksStore::LoadChangeLogState(bool read_only, bool new_id) {
  rocksdb::ColumnFamilyHandle* meta = handle(Family::kMeta);
  rocksdb::Status status = db_->Get(rocksdb::ReadOptions(), meta, ToSlice(kStoreIdKey), &store_id_);
  if ((status.IsNotFound() || (status.ok() && new_id)) && !read_only) {
    store_id_ = NewStoreId();
    rocksdb::WriteOptions durable;
    durable.sync = true;
    status = db_->Put(durable, meta, ToSlice(kStoreIdKey), ToSlice(store_id_));
  } else if (status.IsNotFound()) {
    status = rocksdb::Status::OK();
  }
  PARLEY_RETURN_IF_ERROR(FromRocks(status, "reading the store id"));
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(rocksdb::ReadOptions(), handle(Family::kChangeLog)));
  it->SeekToLast();
  PARLEY_RETURN_IF_ERROR(FromRocks(it->status(), "reading the change log"));
  if (it->Valid()) {
    std::optional<uint64_t> last = SequenceFromChangeKey(ToView(it->key()));
    if (!last) return absl::DataLossError("change log key is corrupt");
    last_sequence_ = *last;
  }
  return absl::OkStatus();
}

absl::StatusOr<uint64_t> RocksStore::CreateCheckpoint(const std::string& directory) {
  rocksdb::Checkpoint* raw = nullptr;
  PARLEY_RETURN_IF_ERROR(
      FromRocks(rocksdb::Checkpoint::Create(db_.get(), &raw), "preparing a checkpoint"));
  std::unique_ptr<rocksdb::Checkpoint> checkpoint(raw);
  // Under the write lock, the returned sequence is exactly the newest
  // change in the checkpoint.
  std::lock_guard<std::mutex> lock(write_mutex_);
  PARLEY_RETURN_IF_ERROR(FromRocks(checkpoint->CreateCheckpoint(directory),
                                   absl::StrCat("writing checkpoint ", directory)));
  return last_sequence_.load();
}

absl::Status RocksStore::RecordConsumed(const records::SourcePosition& position) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  PendingWrite write = NewWrite();
  PARLEY_RETURN_IF_ERROR(AddOffset(position, write));
  return Commit(write, "writing offset");
}

// Families only ever scanned: a whole-key filter is never consulted there.
bool IsScannedOnly(Family family) {
  return IsIndexFamily(family) || family == Family::kChangeLog;
}

rocksdb::ColumnFamilyOptions FamilyOptions(Family family,
                                           const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::ColumnFamilyOptions options;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache;
  // Point lookups (events, articles, participant records, offsets) mostly
  // miss during writes, which look for a previous version: the filter
  // spares those a data block. Index families and the change log are only
  // scanned, so a filter there is bytes on disk and in memory for nothing.
  if (!IsScannedOnly(family)) {
    table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
    // The same for the memtables: a write's lookups of an article's
    // previous event and of new participants miss there too.
    options.memtable_whole_key_filtering = true;
    options.memtable_prefix_bloom_size_ratio = 0.02;
  }
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  // LZ4 where data is rewritten soon (flushes, upper levels) keeps writes
  // cheap; the last level, where nearly all bytes end up, gets ZSTD.
  options.compression = rocksdb::kLZ4Compression;
  options.bottommost_compression = rocksdb::kZSTD;
  if (family != Family::kMeta) {
    // A dictionary trained per file on its records: articles, events and
    // index values repeat field names and boilerplate that one 4 KiB block
    // alone cannot share.
    rocksdb::CompressionOptions& zstd = options.bottommost_compression_opts;
    zstd.enabled = true;
    zstd.max_dict_bytes = 16 << 10;
    zstd.zstd_max_train_bytes = 100 * zstd.max_dict_bytes;
    // Sampled blocks finalised into the dictionary rather than zstd's
    // trainer: compactions into the last level took 40% less time for 6%
    // more bytes (BENCHMARKS.md), and compaction bounds writes into a large
    // store.
    zstd.use_zstd_dict_trainer = false;
  }
  return options;
}

// RocksDB's info log for read-only opens: the default would create a LOG
// file in the directory, rotating away the log of the parleyd writing there
// (or writing into a checkpoint that should stay as it was made).
class SilentLogger : public rocksdb::Logger {
 public:
  using rocksdb::Logger::Logv;
  void Logv(const char*, va_list) override {}
};

absl::Status CheckSchemaVersion(rocksdb::DB& db, rocksdb::ColumnFamilyHandle* meta) {
  std::string version;
  rocksdb::Status status =
      db.Get(rocksdb::ReadOptions(), meta, ToSlice(kSchemaVersionKey), &version);
  if (status.IsNotFound()) {
    return FromRocks(db.Put(rocksdb::WriteOptions(), meta, ToSlice(kSchemaVersionKey),
                            ToSlice(kSchemaVersion)),
                     "writing schema version");
  }
  PARLEY_RETURN_IF_ERROR(FromRocks(status, "reading schema version"));
  if (version == kPreviousSchemaVersion) {
    // Its records are read as they are and rewritten in the current layout
    // on their next write; a build that reads only the previous layout must
    // not open the store from now on.
    return FromRocks(db.Put(rocksdb::WriteOptions(), meta, ToSlice(kSchemaVersionKey),
                            ToSlice(kSchemaVersion)),
                     "upgrading schema version");
  }
  if (version != kSchemaVersion) {
    return absl::FailedPreconditionError(
        absl::StrCat("store has schema version ", version, ", this build reads ",
                     ToAbsl(kSchemaVersion)));
  }
  return absl::OkStatus();
}

}  // namespace

EncodedEvent EncodeEvent(v1::Event event) {
  EncodedEvent encoded;
  encoded.bytes = event.SerializeAsString();
  encoded.index_entries = IndexEntriesForEvent(event);
  encoded.event = std::move(event);
  return encoded;
}

absl::StatusOr<EncodedArticle> EncodeArticle(const records::StoredArticle& article,
                                             v1::Event event) {
  if (EventId(event) != article.article().id() || event.name().empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "event name \"", event.name(), "\" does not match article \"",
        article.article().id(), "\""));
  }
  EncodedArticle encoded;
  encoded.id = article.article().id();
  encoded.bytes = article.SerializeAsString();
  encoded.source = article.source();
  encoded.event = EncodeEvent(std::move(event));
  return encoded;
}

absl::Status Store::WriteArticle(const records::StoredArticle& article, const v1::Event& event) {
  PARLEY_ASSIGN_OR_RETURN(EncodedArticle encoded, EncodeArticle(article, event));
  const EncodedArticle* one[] = {&encoded};
  return WriteArticles(one);
}

absl::StatusOr<std::unique_ptr<Store>> Store::Open(const StoreOptions& options) {
  if (options.path.empty()) return absl::InvalidArgumentError("store path is empty");
  rocksdb::DBOptions db_options;
  db_options.create_if_missing = true;
  db_options.create_missing_column_families = true;
  db_options.max_background_jobs = 2;
  db_options.write_buffer_manager =
      std::make_shared<rocksdb::WriteBufferManager>(options.memtable_budget_bytes);
  db_options.statistics = options.statistics;
  if (options.read_only) db_options.info_log = std::make_shared<SilentLogger>();
  std::shared_ptr<rocksdb::Cache> cache = rocksdb::NewLRUCache(options.block_cache_bytes);

  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  // The default family is unused: it gets the options of the smallest one.
  families.emplace_back(rocksdb::kDefaultColumnFamilyName, FamilyOptions(Family::kMeta, cache));
  for (int i = 0; i < kFamilyCount; ++i) {
    const auto family = static_cast<Family>(i);
    rocksdb::ColumnFamilyOptions family_options = FamilyOptions(family, cache);
    if (options.tune_family) options.tune_family(family, family_options);
    families.emplace_back(FamilyName(family), std::move(family_options));
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw_db = nullptr;
  rocksdb::Status status =
      options.read_only
          ? rocksdb::DB::OpenForReadOnly(db_options, options.path, families, &handles, &raw_db)
          : rocksdb::DB::Open(db_options, options.path, families, &handles, &raw_db);
  PARLEY_RETURN_IF_ERROR(FromRocks(status, absl::StrCat("opening store ", options.path)));
  std::unique_ptr<rocksdb::DB> db(raw_db);
  // handles[0] is the default family, which Parley does not use.
  db->DestroyColumnFamilyHandle(handles[0]).PermitUncheckedError();
  handles.erase(handles.begin());
  absl::Status schema =
      options.read_only ? absl::OkStatus()
                        : CheckSchemaVersion(*db, handles[static_cast<size_t>(Family::kMeta)]);
  auto store = std::make_unique<RocksStore>(std::move(db), std::move(handles), options);
  PARLEY_RETURN_IF_ERROR(schema);
  PARLEY_RETURN_IF_ERROR(
      store->LoadChangeLogState(options.read_only, options.assign_new_store_id));
  return store;
}

namespace {

// The files of a checkpoint to copy, CURRENT last: until it is there,
// RocksDB does not take the directory for a store.
absl::StatusOr<std::vector<std::filesystem::path>> CheckpointFiles(
    const std::filesystem::path& checkpoint) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(checkpoint, error)) {
    std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || name == "LOCK" || name.rfind("LOG", 0) == 0) continue;
    files.push_back(entry.path());
  }
  if (error) {
    return absl::UnavailableError(
        absl::StrCat("reading checkpoint ", checkpoint.string(), ": ", error.message()));
  }
  std::stable_partition(files.begin(), files.end(), [](const std::filesystem::path& file) {
    return file.filename() != "CURRENT";
  });
  return files;
}

// Leaves `data_dir` existing and without a store, or says why not.
absl::Status ClearDataDir(const std::filesystem::path& data_dir, bool replace) {
  std::error_code error;
  if (std::filesystem::exists(data_dir / "CURRENT", error)) {
    if (!replace) {
      return absl::FailedPreconditionError(absl::StrCat(
          data_dir.string(), " already holds a store; move it away or pass --replace"));
    }
    // DestroyDB takes the store's lock first, so a running parleyd's store
    // is refused rather than deleted under it.
    PARLEY_RETURN_IF_ERROR(FromRocks(rocksdb::DestroyDB(data_dir.string(), rocksdb::Options()),
                                     absl::StrCat("deleting the store in ", data_dir.string())));
  }
  std::filesystem::create_directories(data_dir, error);
  if (error) {
    return absl::UnavailableError(
        absl::StrCat("creating ", data_dir.string(), ": ", error.message()));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<RestoredStore> RestoreCheckpoint(const std::string& checkpoint_dir,
                                                const std::string& data_dir, bool replace) {
  std::filesystem::path checkpoint(checkpoint_dir);
  std::error_code error;
  if (!std::filesystem::exists(checkpoint / "CURRENT", error)) {
    return absl::NotFoundError(absl::StrCat("no checkpoint at ", checkpoint_dir));
  }
  std::string into = std::filesystem::weakly_canonical(data_dir, error).string();
  std::string from = std::filesystem::weakly_canonical(checkpoint, error).string();
  if (!error && (into == from || absl::StartsWith(into, from + "/"))) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot restore ", checkpoint_dir, " into itself (", data_dir, ")"));
  }
  RestoredStore restored;
  {
    // Opening it first proves the checkpoint readable before anything in
    // data_dir is touched.
    StoreOptions source;
    source.path = checkpoint_dir;
    source.read_only = true;
    PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, Store::Open(source));
    restored.source_store_id = store->StoreId();
  }
  PARLEY_RETURN_IF_ERROR(ClearDataDir(data_dir, replace));
  PARLEY_ASSIGN_OR_RETURN(std::vector<std::filesystem::path> files, CheckpointFiles(checkpoint));
  for (const std::filesystem::path& file : files) {
    std::filesystem::copy_file(file, std::filesystem::path(data_dir) / file.filename(),
                               std::filesystem::copy_options::overwrite_existing, error);
    if (error) {
      return absl::UnavailableError(
          absl::StrCat("copying ", file.string(), " to ", data_dir, ": ", error.message()));
    }
  }
  StoreOptions target;
  target.path = data_dir;
  target.assign_new_store_id = true;
  PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, Store::Open(target));
  PARLEY_RETURN_IF_ERROR(store->Flush());
  restored.store_id = store->StoreId();
  restored.last_change = store->LastChangeSequence();
  return restored;
}

}  // namespace parley::storage

namespace parley::storage {
namespace {

// Meta keys that say how a store was made rather than what it holds.
bool IsBookkeepingKey(std::string_view key) {
  return key == "store_id" || key == "reindex";
}

// FNV-1a, 64-bit, continued over several inputs.
void HashBytes(std::string_view bytes, uint64_t& hash) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ull;
  }
}

}  // namespace

absl::StatusOr<std::vector<FamilyDigest>> DigestStore(Store& store) {
  std::vector<FamilyDigest> digests;
  for (int i = 0; i < kFamilyCount; ++i) {
    Family family = static_cast<Family>(i);
    if (family == Family::kChangeLog) continue;
    FamilyDigest digest{FamilyName(family), 0, 0xcbf29ce484222325ull};
    PARLEY_RETURN_IF_ERROR(store.Scan(
        family, "", "", [&](std::string_view key, std::string_view value) {
          if (family == Family::kMeta && IsBookkeepingKey(key)) return true;
          ++digest.records;
          HashBytes(key, digest.hash);
          HashBytes(std::string_view("\0", 1), digest.hash);
          if (family == Family::kArticles) {
            records::StoredArticle article;
            article.ParseFromArray(value.data(), static_cast<int>(value.size()));
            article.clear_stored_at_unix_ms();
            HashBytes(article.SerializeAsString(), digest.hash);
          } else {
            HashBytes(value, digest.hash);
          }
          return true;
        }));
    digests.push_back(std::move(digest));
  }
  return digests;
}

}  // namespace parley::storage
