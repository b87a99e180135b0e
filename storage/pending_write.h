// One atomic store write being assembled, readable as it grows: the store
// as the write will leave it is the database with the write's own puts and
// deletes on top. Several articles go into one RocksDB write this way (one
// write-ahead-log record and one write-group turn for all of them), and an
// article's reads still see what the articles before it in the same write
// changed: its previous event, its participants' records and history
// entries, the partition's offset.
//
// Only the families a write reads back are readable (meta, events,
// participants, the participant index); the write keeps its own values of
// their keys in a hash map beside the batch. RocksDB's WriteBatchWithIndex
// does the same job with a skip list over every key of the batch, whose
// comparisons decode the batch's records: measured on 64-article writes it
// cost more instructions than the writes it batched saved.
//
// Internal to storage/store.cc; not thread-safe (the store's write lock
// holds while one is assembled).
#ifndef PARLEY_STORAGE_PENDING_WRITE_H_
#define PARLEY_STORAGE_PENDING_WRITE_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "rocksdb/db.h"
#include "rocksdb/write_batch.h"
#include "storage/event_index.h"

namespace parley::storage {

class PendingWrite {
 public:
  // `handles` are the store's families, indexed by Family; both must
  // outlive this.
  PendingWrite(rocksdb::DB& db, const std::vector<rocksdb::ColumnFamilyHandle*>& handles)
      : db_(db), handles_(handles) {}

  void Put(Family family, std::string_view key, std::string_view value);
  void Delete(Family family, std::string_view key);
  // Deletes the keys in [begin, end) of a family the write does not read
  // back (the trimmed change log); INTERNAL for one it does.
  absl::Status DeleteRange(Family family, std::string_view begin, std::string_view end);

  // The value of `key` as this write leaves it; nullopt when absent.
  // INTERNAL for a family the write does not read back.
  absl::StatusOr<std::optional<std::string>> Get(Family family, std::string_view key);
  // Visits, in key order, the keys that begin with `prefix` as this write
  // leaves them; return false to stop. INTERNAL for a family the write does
  // not read back.
  absl::Status Scan(Family family, std::string_view prefix,
                    const std::function<bool(std::string_view key, std::string_view value)>& visit);

  // The next change-log sequence this write hands out, starting after
  // `last_committed`; the write's newest is last_change().
  uint64_t NextChange(uint64_t last_committed);
  // The newest sequence handed out; 0 when the write holds no change.
  uint64_t last_change() const { return last_change_; }

  // Writes everything atomically. The object must not be used afterwards.
  absl::Status Commit(const rocksdb::WriteOptions& options, std::string_view what);

 private:
  rocksdb::ColumnFamilyHandle* handle(Family family) const {
    return handles_[static_cast<size_t>(family)];
  }
  // The write's own value of a key it reads back (nullopt: deleted), or
  // nothing when it has not written the key.
  const std::optional<std::string>* OwnValue(Family family, std::string_view key) const;

  rocksdb::DB& db_;
  const std::vector<rocksdb::ColumnFamilyHandle*>& handles_;
  rocksdb::WriteBatch batch_;
  // By family (one byte) and key.
  absl::flat_hash_map<std::string, std::optional<std::string>> own_values_;
  uint64_t last_change_ = 0;
};

// RocksDB and absl status codes share their meaning but not their type.
absl::Status FromRocks(const rocksdb::Status& status, std::string_view what);

inline rocksdb::Slice ToSlice(std::string_view s) { return rocksdb::Slice(s.data(), s.size()); }
inline std::string_view ToView(const rocksdb::Slice& s) {
  return std::string_view(s.data(), s.size());
}

// The smallest key greater than every key that begins with `prefix`; empty
// when there is none (the prefix is empty or all 0xFF bytes).
std::string PrefixUpperBound(std::string_view prefix);

}  // namespace parley::storage

#endif  // PARLEY_STORAGE_PENDING_WRITE_H_
