// The checkpoints of one store that parleyd keeps in a directory of their
// own. Each is an openable copy of the store (Store::CreateCheckpoint) named
// by when it was made and the newest change it holds, so that names sort by
// age; the oldest beyond a number to keep are removed after each new one.
#ifndef PARLEY_STORAGE_CHECKPOINTS_H_
#define PARLEY_STORAGE_CHECKPOINTS_H_

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "storage/store.h"

namespace parley::storage {

struct CheckpointEntry {
  std::string name;  // e.g. "20261130T231500.123Z-seq42"
  std::string path;  // directory/name
  absl::Time create_time;
  uint64_t last_change = 0;
  uint64_t size_bytes = 0;  // of its files (table files may be shared with the store)
};

// The name of a checkpoint made at `time` holding changes up to `last_change`.
std::string CheckpointName(absl::Time time, uint64_t last_change);
// The time and change a checkpoint name says (name set, path and size not);
// nullopt for any other name, such as a checkpoint still being written.
std::optional<CheckpointEntry> ParseCheckpointName(std::string_view name);

class CheckpointDirectory {
 public:
  // `keep` is at least 1.
  CheckpointDirectory(std::string directory, int keep);

  // Writes a checkpoint of `store` (creating the directory when needed),
  // then removes the oldest beyond `keep` and leftovers of creations a
  // crash interrupted. One at a time.
  absl::StatusOr<CheckpointEntry> Create(Store& store, absl::Time now);
  // Newest first.
  absl::StatusOr<std::vector<CheckpointEntry>> List();

  const std::string& directory() const { return directory_; }

 private:
  absl::Status RemoveBeyondKeep();

  const std::string directory_;
  const int keep_;
  std::mutex mutex_;
};

}  // namespace parley::storage

#endif  // PARLEY_STORAGE_CHECKPOINTS_H_
