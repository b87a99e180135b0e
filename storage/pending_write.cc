#include "storage/pending_write.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/string_view.h"

namespace parley::storage {
namespace {

// The families a write reads back: an article's previous event, its
// participants' records and history entries, the participant index when a
// record is rebuilt, the partition's offset.
bool ReadBackInAWrite(Family family) {
  switch (family) {
    case Family::kMeta:
    case Family::kEvents:
    case Family::kParticipants:
    case Family::kParticipantIndex: return true;
    default: return false;
  }
}

absl::Status NotReadBack(Family family) {
  return absl::InternalError(
      absl::StrCat("a store write does not read back ", FamilyName(family)));
}

std::string TaggedKey(Family family, std::string_view key) {
  std::string tagged(1, static_cast<char>(family));
  tagged.append(key);
  return tagged;
}

}  // namespace

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

// WriteBatch's Put, Delete and DeleteRange fail only past its 4 GiB size
// limit, which a write of articles cut at Kafka's message size cannot reach.
void PendingWrite::Put(Family family, std::string_view key, std::string_view value) {
  batch_.Put(handle(family), ToSlice(key), ToSlice(value)).PermitUncheckedError();
  if (ReadBackInAWrite(family)) own_values_[TaggedKey(family, key)] = std::string(value);
}

void PendingWrite::Delete(Family family, std::string_view key) {
  batch_.Delete(handle(family), ToSlice(key)).PermitUncheckedError();
  if (ReadBackInAWrite(family)) own_values_[TaggedKey(family, key)] = std::nullopt;
}

absl::Status PendingWrite::DeleteRange(Family family, std::string_view begin,
                                       std::string_view end) {
  // A range is not kept among the write's own values: reads would miss it.
  if (ReadBackInAWrite(family)) return NotReadBack(family);
  batch_.DeleteRange(handle(family), ToSlice(begin), ToSlice(end)).PermitUncheckedError();
  return absl::OkStatus();
}

const std::optional<std::string>* PendingWrite::OwnValue(Family family,
                                                         std::string_view key) const {
  auto it = own_values_.find(TaggedKey(family, key));
  return it == own_values_.end() ? nullptr : &it->second;
}

absl::StatusOr<std::optional<std::string>> PendingWrite::Get(Family family,
                                                             std::string_view key) {
  if (!ReadBackInAWrite(family)) return NotReadBack(family);
  if (const std::optional<std::string>* own = OwnValue(family, key)) return *own;
  std::string value;
  rocksdb::Status status = db_.Get(rocksdb::ReadOptions(), handle(family), ToSlice(key), &value);
  if (status.IsNotFound()) return std::optional<std::string>();
  if (!status.ok()) {
    return FromRocks(status, absl::StrCat("reading ", FamilyName(family), " ", ToAbsl(key)));
  }
  return std::optional<std::string>(std::move(value));
}

absl::Status PendingWrite::Scan(
    Family family, std::string_view prefix,
    const std::function<bool(std::string_view key, std::string_view value)>& visit) {
  if (!ReadBackInAWrite(family)) return NotReadBack(family);
  // The write's own keys under the prefix, in key order (a scan in a write
  // is rare: a record rebuilt or moved to the current layout).
  std::vector<std::pair<std::string_view, const std::optional<std::string>*>> own;
  for (const auto& [tagged, value] : own_values_) {
    std::string_view key = std::string_view(tagged).substr(1);
    if (tagged[0] == static_cast<char>(family) && key.substr(0, prefix.size()) == prefix) {
      own.emplace_back(key, &value);
    }
  }
  std::sort(own.begin(), own.end());
  rocksdb::ReadOptions options;
  const std::string upper_bound = PrefixUpperBound(prefix);
  rocksdb::Slice bound_slice(upper_bound);
  if (!upper_bound.empty()) options.iterate_upper_bound = &bound_slice;
  std::unique_ptr<rocksdb::Iterator> it(db_.NewIterator(options, handle(family)));
  it->Seek(ToSlice(prefix));
  size_t next_own = 0;
  while (it->Valid() || next_own < own.size()) {
    std::string_view stored_key = it->Valid() ? ToView(it->key()) : std::string_view();
    if (next_own < own.size() && (!it->Valid() || own[next_own].first <= stored_key)) {
      auto [key, value] = own[next_own++];
      // The write's value replaces the stored one; a deletion hides it.
      if (it->Valid() && key == stored_key) it->Next();
      if (*value && !visit(key, **value)) break;
      continue;
    }
    if (!visit(stored_key, ToView(it->value()))) break;
    it->Next();
  }
  return FromRocks(it->status(), absl::StrCat("scanning ", FamilyName(family)));
}

uint64_t PendingWrite::NextChange(uint64_t last_committed) {
  last_change_ = std::max(last_change_, last_committed) + 1;
  return last_change_;
}

absl::Status PendingWrite::Commit(const rocksdb::WriteOptions& options, std::string_view what) {
  return FromRocks(db_.Write(options, &batch_), what);
}

}  // namespace parley::storage
