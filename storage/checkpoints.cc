#include "storage/checkpoints.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "common/string_view.h"

namespace parley::storage {
namespace {

namespace fs = std::filesystem;

constexpr char kTimeFormat[] = "%Y%m%dT%H%M%E3SZ";
constexpr std::string_view kSequenceMark = "-seq";
// A checkpoint is written under this prefix and renamed when complete, so a
// listed name is always a whole checkpoint.
constexpr std::string_view kPendingPrefix = "pending-";

absl::Status FilesystemError(std::string_view what, const fs::path& path,
                             const std::error_code& error) {
  return absl::UnavailableError(
      absl::StrCat(ToAbsl(what), " ", path.string(), ": ", error.message()));
}

uint64_t DirectorySize(const fs::path& directory) {
  uint64_t bytes = 0;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(directory, error)) {
    std::error_code size_error;
    uint64_t size = entry.is_regular_file(size_error) ? entry.file_size(size_error) : 0;
    if (!size_error) bytes += size;
  }
  return bytes;
}

}  // namespace

std::string CheckpointName(absl::Time time, uint64_t last_change) {
  return absl::StrCat(absl::FormatTime(kTimeFormat, time, absl::UTCTimeZone()),
                      ToAbsl(kSequenceMark), last_change);
}

std::optional<CheckpointEntry> ParseCheckpointName(std::string_view name) {
  size_t mark = name.rfind(kSequenceMark);
  if (mark == std::string_view::npos) return std::nullopt;
  // "YYYYMMDDTHHMMSS.mmmZ", read through RFC 3339 (absl's %Y would take
  // every digit before the T as the year).
  std::string_view time = name.substr(0, mark);
  if (time.size() != 20) return std::nullopt;
  std::string rfc3339 = absl::StrCat(
      ToAbsl(time.substr(0, 4)), "-", ToAbsl(time.substr(4, 2)), "-", ToAbsl(time.substr(6, 2)),
      ToAbsl(time.substr(8, 3)), ":", ToAbsl(time.substr(11, 2)), ":", ToAbsl(time.substr(13)));
  CheckpointEntry entry;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, rfc3339, &entry.create_time, &error) ||
      !absl::SimpleAtoi(ToAbsl(name.substr(mark + kSequenceMark.size())), &entry.last_change)) {
    return std::nullopt;
  }
  // Only the canonical spelling, so that one checkpoint has one name.
  if (CheckpointName(entry.create_time, entry.last_change) != name) return std::nullopt;
  entry.name = std::string(name);
  return entry;
}

CheckpointDirectory::CheckpointDirectory(std::string directory, int keep)
    : directory_(std::move(directory)), keep_(std::max(keep, 1)) {}

absl::StatusOr<CheckpointEntry> CheckpointDirectory::Create(Store& store, absl::Time now) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::error_code error;
  fs::create_directories(directory_, error);
  if (error) return FilesystemError("creating", directory_, error);
  fs::path pending = fs::path(directory_) / absl::StrCat(ToAbsl(kPendingPrefix),
                                                          CheckpointName(now, 0));
  PARLEY_ASSIGN_OR_RETURN(uint64_t last_change, store.CreateCheckpoint(pending.string()));
  CheckpointEntry entry;
  entry.name = CheckpointName(now, last_change);
  entry.path = (fs::path(directory_) / entry.name).string();
  entry.create_time = now;
  entry.last_change = last_change;
  fs::rename(pending, entry.path, error);
  if (error) return FilesystemError("naming checkpoint", pending, error);
  entry.size_bytes = DirectorySize(entry.path);
  PARLEY_RETURN_IF_ERROR(RemoveBeyondKeep());
  return entry;
}

absl::StatusOr<std::vector<CheckpointEntry>> CheckpointDirectory::List() {
  std::vector<CheckpointEntry> entries;
  std::error_code error;
  if (!fs::exists(directory_, error)) return entries;
  for (const auto& child : fs::directory_iterator(directory_, error)) {
    std::optional<CheckpointEntry> entry = ParseCheckpointName(child.path().filename().string());
    if (!entry || !child.is_directory()) continue;
    entry->path = child.path().string();
    entry->size_bytes = DirectorySize(child.path());
    entries.push_back(*std::move(entry));
  }
  if (error) return FilesystemError("listing", directory_, error);
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return a.create_time != b.create_time ? a.create_time > b.create_time
                                          : a.last_change > b.last_change;
  });
  return entries;
}

absl::Status CheckpointDirectory::RemoveBeyondKeep() {
  std::error_code error;
  // Creation holds the lock, so any pending directory left now is from a
  // process that died while writing it.
  std::vector<fs::path> doomed;
  for (const auto& child : fs::directory_iterator(directory_, error)) {
    if (child.path().filename().string().rfind(kPendingPrefix, 0) == 0) {
      doomed.push_back(child.path());
    }
  }
  if (error) return FilesystemError("listing", directory_, error);
  PARLEY_ASSIGN_OR_RETURN(std::vector<CheckpointEntry> entries, List());
  for (size_t i = static_cast<size_t>(keep_); i < entries.size(); ++i) {
    doomed.push_back(entries[i].path);
  }
  for (const fs::path& path : doomed) {
    fs::remove_all(path, error);
    if (error) return FilesystemError("removing", path, error);
  }
  return absl::OkStatus();
}

}  // namespace parley::storage
