#include "services/derived_cache.h"

#include <utility>

namespace parley::service {

namespace {

// What a value costs in memory, roughly: a parsed message takes a few times
// its encoded size; strings and map slots something over their bytes.
constexpr size_t kEntryOverhead = 64;
size_t MessageBytes(const google::protobuf::MessageLite& message) {
  return 3 * message.ByteSizeLong() + kEntryOverhead;
}

}  // namespace

void DerivedCache::Clear() {
  roots_.clear();
  members_.clear();
  events_.clear();
  participants_.clear();
  sketches_.clear();
  connections_.clear();
  summaries_.clear();
  bytes_ = 0;
}

bool DerivedCache::Current(uint64_t sequence) {
  if (sequence < sequence_) return false;
  if (sequence > sequence_) {
    Clear();
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
void DerivedCache::Put(uint64_t sequence, absl::flat_hash_map<std::string, Value>& map,
                       const std::string& key, Value value, size_t bytes) {
  bytes += key.size() + kEntryOverhead;
  if (bytes > max_bytes_) return;
  absl::MutexLock lock(&mutex_);
  if (!Current(sequence)) return;
  if (bytes_ + bytes > max_bytes_) Clear();
  if (map.insert_or_assign(key, std::move(value)).second) bytes_ += bytes;
}

std::optional<std::string> DerivedCache::RootOf(uint64_t sequence, const std::string& id) {
  return Find(sequence, roots_, id);
}

void DerivedCache::PutRoot(uint64_t sequence, const std::string& id, const std::string& root) {
  Put(sequence, roots_, id, root, root.size());
}

std::optional<std::vector<Member>> DerivedCache::MembersOf(uint64_t sequence,
                                                           const std::string& root) {
  return Find(sequence, members_, root);
}

void DerivedCache::PutMembers(uint64_t sequence, const std::string& root,
                              const std::vector<Member>& members) {
  size_t bytes = 0;
  for (const Member& member : members) {
    bytes += member.id.size() + member.reason.size() + kEntryOverhead;
  }
  Put(sequence, members_, root, members, bytes);
}

std::optional<std::shared_ptr<const v1::Event>> DerivedCache::ShownEvent(
    uint64_t sequence, const std::string& event_id) {
  return Find(sequence, events_, event_id);
}

void DerivedCache::PutShownEvent(uint64_t sequence, const std::string& event_id,
                                 std::shared_ptr<const v1::Event> event) {
  size_t bytes = MessageBytes(*event);
  Put(sequence, events_, event_id, std::move(event), bytes);
}

std::optional<std::shared_ptr<const EventSketch>> DerivedCache::Sketch(
    uint64_t sequence, const std::string& event_id) {
  return Find(sequence, sketches_, event_id);
}

void DerivedCache::PutSketch(uint64_t sequence, const std::string& event_id,
                             std::shared_ptr<const EventSketch> sketch) {
  size_t bytes = sizeof(EventSketch) + sketch->name.size() + sketch->start_date.size() +
                 sketch->end_date.size() + sketch->published_date.size();
  for (const auto* strings : {&sketch->participants, &sketch->locations}) {
    for (const std::string& value : *strings) bytes += sizeof(std::string) + value.size();
  }
  Put(sequence, sketches_, event_id, std::move(sketch), bytes);
}

std::optional<std::shared_ptr<const v1::ListConnectionsResponse>> DerivedCache::Connections(
    uint64_t sequence, const std::string& key) {
  return Find(sequence, connections_, key);
}

void DerivedCache::PutConnections(uint64_t sequence, const std::string& key,
                                  std::shared_ptr<const v1::ListConnectionsResponse> connections) {
  size_t bytes = MessageBytes(*connections);
  Put(sequence, connections_, key, std::move(connections), bytes);
}

std::optional<std::shared_ptr<const v1::Participant>> DerivedCache::ShownParticipant(
    uint64_t sequence, const std::string& root) {
  return Find(sequence, participants_, root);
}

void DerivedCache::PutShownParticipant(uint64_t sequence, const std::string& root,
                                       std::shared_ptr<const v1::Participant> participant) {
  size_t bytes = MessageBytes(*participant);
  Put(sequence, participants_, root, std::move(participant), bytes);
}

std::optional<std::shared_ptr<const ParticipantSummary>> DerivedCache::Summary(
    uint64_t sequence, const std::string& id) {
  return Find(sequence, summaries_, id);
}

void DerivedCache::PutSummary(uint64_t sequence, const std::string& id,
                              std::shared_ptr<const ParticipantSummary> summary) {
  size_t bytes = MessageBytes(summary->participant);
  for (const std::string& term : summary->name_terms) bytes += term.size() + kEntryOverhead;
  Put(sequence, summaries_, id, std::move(summary), bytes);
}

uint64_t DerivedCache::hits() const {
  absl::MutexLock lock(&mutex_);
  return hits_;
}

uint64_t DerivedCache::misses() const {
  absl::MutexLock lock(&mutex_);
  return misses_;
}

size_t DerivedCache::bytes() const {
  absl::MutexLock lock(&mutex_);
  return bytes_;
}

}  // namespace parley::service
