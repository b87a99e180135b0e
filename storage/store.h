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
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "parley/records.pb.h"
#include "parley/v1/event.pb.h"
#include "storage/event_index.h"

namespace rocksdb {
class Statistics;
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
  // Open without taking the write lock, e.g. to inspect the store of a
  // running parleyd. Writes then fail. Default false.
  bool read_only = false;
  // When set, RocksDB counts into it (parleyd's block-cache hit metrics).
  std::shared_ptr<rocksdb::Statistics> statistics;
};

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
  virtual absl::Status WriteArticle(const records::StoredArticle& article,
                                    const parley::v1::Event& event) = 0;

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

  // An integer RocksDB property summed over the column families
  // ("rocksdb.live-sst-files-size"), for metrics; nullopt when unknown.
  virtual std::optional<uint64_t> IntProperty(const std::string& name) { return std::nullopt; }
};

// Per column family: the number of records and a hash of their keys and
// values (articles hashed without their stored-at time). Two stores that
// ingested the same messages have equal digests, however often either was
// interrupted.
struct FamilyDigest {
  std::string family;
  uint64_t records = 0;
  uint64_t hash = 0;
  bool operator==(const FamilyDigest&) const = default;
};
absl::StatusOr<std::vector<FamilyDigest>> DigestStore(Store& store);

}  // namespace parley::storage

#endif  // PARLEY_STORAGE_STORE_H_
