#include "storage/pending_write.h"

#include <algorithm>
#include <memory>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "common/string_view.h"

namespace parley::storage {

absl::Status FromRocks(const rocksdb::Status& status, std::string_view what) {
  if (status.ok()) return absl::OkStatus();
  std::string message = absl::StrCat(ToAbsl(what), ": ", status.ToString());
  switch (status.code()) {
    case rocksdb::Status::kNotFound: return absl::NotFoundError(message);
    case rocksdb::Status::kCorruption: return absl::DataLossError(message);
    case rocksdb::Status::kInvalidArgument: return absl::InvalidArgumentError(message);
    case rocksdb::Status::kBusy:
    case rocksdb::Status::kTimedOut:
    case rocksdb::Status::kTryAgain: return absl::UnavailableError(message);
    case rocksdb::Status::kIOError: return absl::UnavailableError(message);
    default: return absl::InternalError(message);
  }
}

std::string PrefixUpperBound(std::string_view prefix) {
  std::string bound(prefix);
  // Drop trailing 0xFF bytes and increment the last one.
  while (!bound.empty() && static_cast<unsigned char>(bound.back()) == 0xFF) bound.pop_back();
  if (!bound.empty()) {
    bound.back() = static_cast<char>(static_cast<unsigned char>(bound.back()) + 1);
  }
  return bound;
}

PendingWrite::PendingWrite(rocksdb::DB& db,
                           const std::vector<rocksdb::ColumnFamilyHandle*>& handles)
    // overwrite_key: a key written twice (a participant in two articles of
    // the write) is read back as its last value, and iterators over the
    // write need it.
    : db_(db), handles_(handles), batch_(rocksdb::BytewiseComparator(), 0, true) {}

void PendingWrite::Put(Family family, std::string_view key, std::string_view value) {
  // WriteBatch::Put fails only past its 4 GiB size limit, which a write of
  // articles cut at Kafka's message size cannot reach.
  batch_.Put(handle(family), ToSlice(key), ToSlice(value)).PermitUncheckedError();
}

void PendingWrite::Delete(Family family, std::string_view key) {
  batch_.Delete(handle(family), ToSlice(key)).PermitUncheckedError();
}

void PendingWrite::DeleteRangeOnCommit(Family family, std::string_view begin,
                                       std::string_view end) {
  range_deletions_.push_back({family, std::string(begin), std::string(end)});
}

absl::StatusOr<std::optional<std::string>> PendingWrite::Get(Family family,
                                                             std::string_view key) {
  std::string value;
  rocksdb::Status status =
      batch_.GetFromBatchAndDB(&db_, rocksdb::ReadOptions(), handle(family), ToSlice(key), &value);
  if (status.IsNotFound()) return std::optional<std::string>();
  if (!status.ok()) {
    return FromRocks(status, absl::StrCat("reading ", FamilyName(family), " ", ToAbsl(key)));
  }
  return std::optional<std::string>(std::move(value));
}

absl::Status PendingWrite::Scan(
    Family family, std::string_view prefix,
    const std::function<bool(std::string_view key, std::string_view value)>& visit) {
  rocksdb::ReadOptions options;
  const std::string upper_bound = PrefixUpperBound(prefix);
  rocksdb::Slice bound_slice(upper_bound);
  if (!upper_bound.empty()) options.iterate_upper_bound = &bound_slice;
  std::unique_ptr<rocksdb::Iterator> it(batch_.NewIteratorWithBase(
      handle(family), db_.NewIterator(options, handle(family)), &options));
  for (it->Seek(ToSlice(prefix)); it->Valid(); it->Next()) {
    std::string_view key = ToView(it->key());
    // The write's own keys are not bounded by the base iterator's bound.
    if (key.substr(0, prefix.size()) != prefix) break;
    if (!visit(key, ToView(it->value()))) break;
  }
  return FromRocks(it->status(), absl::StrCat("scanning ", FamilyName(family)));
}

uint64_t PendingWrite::NextChange(uint64_t last_committed) {
  last_change_ = std::max(last_change_, last_committed) + 1;
  return last_change_;
}

absl::Status PendingWrite::Commit(const rocksdb::WriteOptions& options, std::string_view what) {
  rocksdb::WriteBatch* batch = batch_.GetWriteBatch();
  // After the indexed entries: nothing reads this write any more.
  for (const RangeDeletion& range : range_deletions_) {
    PARLEY_RETURN_IF_ERROR(FromRocks(
        batch->DeleteRange(handle(range.family), ToSlice(range.begin), ToSlice(range.end)),
        what));
  }
  range_deletions_.clear();
  return FromRocks(db_.Write(options, batch), what);
}

}  // namespace parley::storage
