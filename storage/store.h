// Parley's RocksDB store: articles, events, participants and the secondary
// indexes queries use, one column family per record kind (see
// storage/event_index.h for the families and README.md for the key schema).
//
// Thread safety: reads may run concurrently with each other and with one
// writer. Writes are serialised internally (participant records are
// read-modify-write); in practice the ingest loop is the only writer.
#ifndef PARLEY_STORAGE_STORE_H_
#define PARLEY_STORAGE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "parley/records.pb.h"
#include "parley/v1/event.pb.h"
#include "storage/event_index.h"

namespace rocksdb {
class Statistics;
struct ColumnFamilyOptions;
}  // namespace rocksdb

namespace parley::storage {

struct StoreOptions {
  // Directory of the database; created if missing. Required.
  std::string path;
  // fsync the write-ahead log on every article write. Default false: a
  // process crash loses nothing (the OS holds the WAL), a power loss may
  // lose the last writes, which Kafka re-delivers because the stored
  // offsets are written in the same batch.
  bool sync_writes = false;
  // Shared block cache for all families. Default 64 MiB.
  size_t block_cache_bytes = 64 << 20;
  // Memtables of all families together; past it the largest is flushed.
  // Without a shared budget each of the 13 families fills its own 64 MiB
  // memtables, which at a million articles held about 1 GiB (the pod's
  // limit) while ingesting. Default 128 MiB.
  size_t memtable_budget_bytes = 128 << 20;
  // Open without taking the write lock, e.g. to inspect the store of a
  // running parleyd. Writes then fail. Default false.
  bool read_only = false;
  // When set, RocksDB counts into it (parleyd's block-cache hit metrics).
  std::shared_ptr<rocksdb::Statistics> statistics;
  // Changes kept in the change log (for WatchEvents cursors); older ones
  // are dropped. Default 100,000.
  uint64_t change_log_retention = 100000;
  // Give the store a new store id as it opens (a restored copy: see
  // RestoreCheckpoint). Default false.
  bool assign_new_store_id = false;
  // When set, adjusts each family's RocksDB options after Parley's own
  // (storage/store.cc, FamilyOptions), before the store opens: benchmarks
  // compare settings on the same data with it. Unset in parleyd.
  std::function<void(Family, rocksdb::ColumnFamilyOptions&)> tune_family;
};

// An article and its event as a re-extraction makes them.
struct RebuiltArticle {
  records::StoredArticle article;
  parley::v1::Event event;
};
// Re-extraction of one stored article: given it and its current event,
// returns what to store in their place, or nullopt to leave them.
using ArticleRebuilder = std::function<absl::StatusOr<std::optional<RebuiltArticle>>(
    const records::StoredArticle& article, const parley::v1::Event& current)>;

// An event encoded for the store, with its index entries: what a write
// derives from the event alone, without reading stored state.
struct EncodedEvent {
  parley::v1::Event event;
  std::string bytes;
  std::vector<IndexEntry> index_entries;
};
EncodedEvent EncodeEvent(parley::v1::Event event);

// An article and its event encoded for the store. Encoding needs no store
// and no lock, so ingest does it on its building threads and the single
// writer is left with what needs the stored state.
struct EncodedArticle {
  std::string id;
  std::string bytes;  // the records::StoredArticle
  // Where the article was consumed; its offset is stored with it.
  records::SourcePosition source;
  EncodedEvent event;
};
// INVALID_ARGUMENT when the event's name is not "events/{article id}".
absl::StatusOr<EncodedArticle> EncodeArticle(const records::StoredArticle& article,
                                             parley::v1::Event event);

// Visits one record; return false to stop the scan.
using ScanVisitor = std::function<bool(std::string_view key, std::string_view value)>;

class Store {
 public:
  // Opens (creating if needed) the store at options.path. Errors: the
  // directory cannot be created or the database is locked by another
  // process or corrupt (codes mapped from RocksDB), FAILED_PRECONDITION when
  // it was written with a newer schema version.
  static absl::StatusOr<std::unique_ptr<Store>> Open(const StoreOptions& options);

  virtual ~Store() = default;

  // Writes, in one atomic batch: the article record, its event (replacing a
  // previous version of the same id together with all its index entries),
  // the new index entries, the records of every participant whose
  // appearances changed, and the consumed offset in article.source (when its
  // topic is set). Writing the same article twice leaves the store as one
  // write would. event.name must be "events/{article id}".
  absl::Status WriteArticle(const records::StoredArticle& article,
                            const parley::v1::Event& event);

  // Writes several articles as one atomic batch, in order: the store is
  // left as the same WriteArticle calls one after the other would leave it
  // (an article later in the list sees the participant records and the
  // event an earlier one wrote), or, on error, unchanged. Each stored,
  // replaced or deleted event gets its own change-log sequence.
  virtual absl::Status WriteArticles(std::span<const EncodedArticle* const> articles) = 0;

  // Deletes the article and everything derived from it (event, index
  // entries, its participants' appearances), recording position as consumed
  // in the same batch. Deleting an unknown article only records the offset.
  virtual absl::Status DeleteArticle(std::string_view article_id,
                                     const records::SourcePosition& position) = 0;

  // Re-extracts one stored article under the write lock, so that a newer
  // version written concurrently by ingest is never overwritten by an older
  // one. True when the event changed (article and event are written, and
  // watchers see a replacement); false when `rebuild` returned nullopt or
  // the same event (then only a changed article record is written).
  // NOT_FOUND for unknown articles.
  virtual absl::StatusOr<bool> RebuildArticle(std::string_view article_id,
                                              const ArticleRebuilder& rebuild) = 0;

  // Records that position.offset was consumed without producing an article
  // (e.g. the message went to the dead-letter topic).
  virtual absl::Status RecordConsumed(const records::SourcePosition& position) = 0;

  // Next offset to consume for a partition, if any was recorded.
  virtual absl::StatusOr<std::optional<int64_t>> NextOffset(std::string_view topic,
                                                            int32_t partition) = 0;

  // NOT_FOUND for unknown ids.
  virtual absl::StatusOr<parley::v1::Event> GetEvent(std::string_view event_id) = 0;
  virtual absl::StatusOr<records::StoredArticle> GetArticle(std::string_view article_id) = 0;
  // The participant without appearances (see the participant index), built
  // from its stored record (storage/participant_record.h).
  virtual absl::StatusOr<parley::v1::Participant> GetParticipant(
      std::string_view participant_id) = 0;

  // The stored record of a participant id; NOT_FOUND for unknown ids.
  virtual absl::StatusOr<records::ParticipantRecord> GetParticipantRecord(
      std::string_view participant_id) = 0;

  // Visits records of `family` in key order, starting at the first key >=
  // max(prefix, start), while keys begin with `prefix`.
  virtual absl::Status Scan(Family family, std::string_view prefix,
                            std::string_view start, const ScanVisitor& visit) = 0;

  // Approximate number of keys in a family (RocksDB estimate).
  virtual uint64_t EstimateCount(Family family) = 0;

  // Flushes memtables to disk; used on shutdown.
  virtual absl::Status Flush() = 0;

  // Flushes, then compacts every family into its last level, so that the
  // files hold each record once, in its final compression. Blocks until
  // done; reads and writes go on meanwhile.
  virtual absl::Status Compact() = 0;

  // The change log. Every write that stores, replaces or deletes an event
  // appends one ChangeRecord in the same atomic batch, numbered from 1.

  // A random id made when the store was created: change sequences of two
  // stores (two replicas) are not comparable.
  virtual const std::string& StoreId() const = 0;
  // The sequence of the newest committed change; 0 when there is none.
  virtual uint64_t LastChangeSequence() const = 0;
  // The oldest change still in the log (older ones were trimmed by
  // change_log_retention); LastChangeSequence() + 1 when the log is empty.
  virtual absl::StatusOr<uint64_t> FirstRetainedChange() = 0;
  // Visits the changes after `after` in sequence order; return false to stop.
  virtual absl::Status ScanChanges(
      uint64_t after, const std::function<bool(records::ChangeRecord&)>& visit) = 0;
  // Called with the new LastChangeSequence() after every committed change,
  // on the writing thread and under the write lock: keep it short. Set it
  // before writes start.
  virtual void SetChangeListener(std::function<void(uint64_t sequence)> listener) = 0;

  // Progress of the last re-extraction run (storage/reindex), if any.
  virtual absl::StatusOr<std::optional<records::ReindexProgress>> GetReindexProgress() = 0;
  virtual absl::Status PutReindexProgress(const records::ReindexProgress& progress) = 0;

  // Writes an openable copy of the store into `directory`, which must not
  // exist (its parent must). Table files are hard-linked when `directory` is
  // on the store's filesystem, so a checkpoint costs little space until
  // compaction replaces them. Writes wait while it is made, so it holds
  // whole articles with their offsets. Returns the newest change it holds.
  virtual absl::StatusOr<uint64_t> CreateCheckpoint(const std::string& directory) = 0;

  // An integer RocksDB property summed over the column families
  // ("rocksdb.live-sst-files-size"), for metrics; nullopt when unknown.
  virtual std::optional<uint64_t> IntProperty(const std::string& name) { return std::nullopt; }
  // The same for one family ("rocksdb.total-sst-files-size": where the
  // bytes on disk go).
  virtual std::optional<uint64_t> FamilyIntProperty(Family family, const std::string& name) {
    return std::nullopt;
  }
};

// What a restore made.
struct RestoredStore {
  std::string source_store_id;  // of the store the checkpoint was made from
  std::string store_id;         // of the restored copy
  uint64_t last_change = 0;     // the newest change it holds
};

// Makes `data_dir` a copy of the checkpoint at `checkpoint_dir` (made by
// Store::CreateCheckpoint), ready for parleyd to open: it holds the stored
// offsets too, so ingest goes on from where the checkpoint was made. The
// copy gets a new store id: its change log goes on from the checkpoint and
// would reuse sequences that clients of the original store saw for other
// changes, so their watch cursors must be refused. FAILED_PRECONDITION when
// `data_dir` already holds a store, unless `replace`: then that store's
// files are deleted first (other files and directories there, such as
// checkpoints, are left). The store's CURRENT file is copied last, so an
// interrupted restore leaves no openable store and can be run again.
absl::StatusOr<RestoredStore> RestoreCheckpoint(const std::string& checkpoint_dir,
                                                const std::string& data_dir, bool replace);

// Per column family: the number of records and a hash of their keys and
// values (articles hashed without their stored-at time). Two stores that
// ingested the same messages have equal digests, however often either was
// interrupted. The record only: the change log (whose interleaving of
// partitions depends on timing), the store id and re-extraction progress are
// left out.
struct FamilyDigest {
  std::string family;
  uint64_t records = 0;
  uint64_t hash = 0;
  bool operator==(const FamilyDigest&) const = default;
};
absl::StatusOr<std::vector<FamilyDigest>> DigestStore(Store& store);

}  // namespace parley::storage

#endif  // PARLEY_STORAGE_STORE_H_
