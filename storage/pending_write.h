// One atomic store write being assembled, readable as it grows: the store
// as the write will leave it is the database with the write's own puts and
// deletes on top. Several articles go into one RocksDB write this way (one
// write-ahead-log record, one write-group entry), and an article's
// participant reads still see the records the articles before it in the
// same write changed.
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

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "rocksdb/db.h"
#include "rocksdb/utilities/write_batch_with_index.h"
#include "storage/event_index.h"

namespace parley::storage {

class PendingWrite {
 public:
  // `handles` are the store's families, indexed by Family; both must
  // outlive this.
  PendingWrite(rocksdb::DB& db, const std::vector<rocksdb::ColumnFamilyHandle*>& handles);

  void Put(Family family, std::string_view key, std::string_view value);
  void Delete(Family family, std::string_view key);
  // Deletes the keys in [begin, end) when the write is committed. RocksDB
  // cannot index a range deletion, so reads of this write do not see it:
  // use it only for keys the write never reads (the trimmed change log).
  void DeleteRangeOnCommit(Family family, std::string_view begin, std::string_view end);

  // The value of `key` as this write leaves it; nullopt when absent.
  absl::StatusOr<std::optional<std::string>> Get(Family family, std::string_view key);
  // Visits, in key order, the keys that begin with `prefix` as this write
  // leaves them; return false to stop.
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
  struct RangeDeletion {
    Family family;
    std::string begin;
    std::string end;
  };
  rocksdb::ColumnFamilyHandle* handle(Family family) const {
    return handles_[static_cast<size_t>(family)];
  }

  rocksdb::DB& db_;
  const std::vector<rocksdb::ColumnFamilyHandle*>& handles_;
  rocksdb::WriteBatchWithIndex batch_;
  std::vector<RangeDeletion> range_deletions_;
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
