#include "services/derived_cache.h"

#include <utility>

namespace parley::service {

bool DerivedCache::Current(uint64_t sequence) {
  if (sequence < sequence_) return false;
  if (sequence > sequence_) {
    roots_.clear();
    members_.clear();
    events_.clear();
    participants_.clear();
    summaries_.clear();
    sequence_ = sequence;
  }
  return true;
}

template <typename Value>
std::optional<Value> DerivedCache::Find(uint64_t sequence,
                                        const absl::flat_hash_map<std::string, Value>& map,
                                        const std::string& key) {
  absl::MutexLock lock(&mutex_);
  if (Current(sequence)) {
    auto it = map.find(key);
    if (it != map.end()) {
      ++hits_;
      return it->second;
    }
  }
  ++misses_;
  return std::nullopt;
}

template <typename Value>
void DerivedCache::Put(uint64_t sequence, size_t max_entries,
                       absl::flat_hash_map<std::string, Value>& map, const std::string& key,
                       Value value) {
  absl::MutexLock lock(&mutex_);
  if (!Current(sequence)) return;
  if (map.size() >= max_entries) map.clear();
  map.insert_or_assign(key, std::move(value));
}

std::optional<std::string> DerivedCache::RootOf(uint64_t sequence, const std::string& id) {
  return Find(sequence, roots_, id);
}

void DerivedCache::PutRoot(uint64_t sequence, const std::string& id, const std::string& root) {
  Put(sequence, max_people_, roots_, id, root);
}

std::optional<std::vector<Member>> DerivedCache::MembersOf(uint64_t sequence,
                                                           const std::string& root) {
  return Find(sequence, members_, root);
}

void DerivedCache::PutMembers(uint64_t sequence, const std::string& root,
                              const std::vector<Member>& members) {
  Put(sequence, max_people_, members_, root, members);
}

std::optional<std::shared_ptr<const v1::Event>> DerivedCache::ShownEvent(
    uint64_t sequence, const std::string& event_id) {
  return Find(sequence, events_, event_id);
}

void DerivedCache::PutShownEvent(uint64_t sequence, const std::string& event_id,
                                 std::shared_ptr<const v1::Event> event) {
  Put(sequence, max_events_, events_, event_id, std::move(event));
}

std::optional<std::shared_ptr<const v1::Participant>> DerivedCache::ShownParticipant(
    uint64_t sequence, const std::string& root) {
  return Find(sequence, participants_, root);
}

void DerivedCache::PutShownParticipant(uint64_t sequence, const std::string& root,
                                       std::shared_ptr<const v1::Participant> participant) {
  Put(sequence, max_people_, participants_, root, std::move(participant));
}

std::optional<std::shared_ptr<const ParticipantSummary>> DerivedCache::Summary(
    uint64_t sequence, const std::string& id) {
  return Find(sequence, summaries_, id);
}

void DerivedCache::PutSummary(uint64_t sequence, const std::string& id,
                              std::shared_ptr<const ParticipantSummary> summary) {
  Put(sequence, max_people_, summaries_, id, std::move(summary));
}

uint64_t DerivedCache::hits() const {
  absl::MutexLock lock(&mutex_);
  return hits_;
}

uint64_t DerivedCache::misses() const {
  absl::MutexLock lock(&mutex_);
  return misses_;
}

}  // namespace parley::service
