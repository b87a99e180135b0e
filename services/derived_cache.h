// What queries derive from the store at some cost — which ids name one
// person, events and participants as queries show them (services/queries.h)
// — kept between requests for as long as the store is unchanged.
//
// Every write that changes an event or a participant appends one change to
// the store's change log in the same batch and then advances
// Store::LastChangeSequence(), so that sequence versions everything derived
// here. A request reads the sequence before it reads the store and offers
// its results under it; the cache empties itself as soon as a request brings
// a newer sequence, and refuses results computed under an older one. A
// request may therefore see an answer that already reflects a write it
// raced with, never one older than the last change it saw.
//
// While ingest writes continuously the cache turns over with every article
// and queries cost what they cost without it; it pays off when reads
// outnumber writes, the common case of a store being queried.
//
// Thread-safe.
#ifndef PARLEY_SERVICES_DERIVED_CACHE_H_
#define PARLEY_SERVICES_DERIVED_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "parley/v1/event.pb.h"
#include "parley/v1/parley_service.pb.h"
#include "services/real_events.h"

namespace parley::service {

struct Member {
  std::string id;
  std::string reason;  // empty for the root itself
};

// A participant id's names as stored (storage::ParticipantNamesFromRecord:
// no history or appearances) and the folded names it is found under
// (storage::ParticipantNameTerms).
struct ParticipantSummary {
  v1::Participant participant;
  std::vector<std::string> name_terms;
};

class DerivedCache {
 public:
  // Holds about `max_bytes` (estimated from the values' sizes); a value that
  // would take it past that empties it first. A bound on memory, not an
  // eviction policy: a store being read asks about a working set of people
  // and events far smaller than that, and one heavy request (the
  // connections of a person in 100,000 events) must not make it grow.
  explicit DerivedCache(size_t max_bytes = 64 << 20) : max_bytes_(max_bytes) {}

  std::optional<std::string> RootOf(uint64_t sequence, const std::string& id);
  void PutRoot(uint64_t sequence, const std::string& id, const std::string& root);

  std::optional<std::vector<Member>> MembersOf(uint64_t sequence, const std::string& root);
  void PutMembers(uint64_t sequence, const std::string& root, const std::vector<Member>& members);

  // An event as queries show it, by event id.
  std::optional<std::shared_ptr<const v1::Event>> ShownEvent(uint64_t sequence,
                                                             const std::string& event_id);
  void PutShownEvent(uint64_t sequence, const std::string& event_id,
                     std::shared_ptr<const v1::Event> event);

  // What SameRealEvent compares of an event, by event id.
  std::optional<std::shared_ptr<const EventSketch>> Sketch(uint64_t sequence,
                                                           const std::string& event_id);
  void PutSketch(uint64_t sequence, const std::string& event_id,
                 std::shared_ptr<const EventSketch> sketch);

  // Every connection of a person under some filters (Queries::
  // RankedConnections), by a key of the person and the filters.
  std::optional<std::shared_ptr<const v1::ListConnectionsResponse>> Connections(
      uint64_t sequence, const std::string& key);
  void PutConnections(uint64_t sequence, const std::string& key,
                      std::shared_ptr<const v1::ListConnectionsResponse> connections);

  // A participant as GetParticipant answers, by the id that stands for it.
  std::optional<std::shared_ptr<const v1::Participant>> ShownParticipant(uint64_t sequence,
                                                                         const std::string& root);
  void PutShownParticipant(uint64_t sequence, const std::string& root,
                           std::shared_ptr<const v1::Participant> participant);

  std::optional<std::shared_ptr<const ParticipantSummary>> Summary(uint64_t sequence,
                                                                   const std::string& id);
  void PutSummary(uint64_t sequence, const std::string& id,
                  std::shared_ptr<const ParticipantSummary> summary);

  // Lookups answered and missed since start, and the estimated bytes held
  // now, for metrics and benchmarks.
  uint64_t hits() const;
  uint64_t misses() const;
  size_t bytes() const;

 private:
  template <typename Value>
  std::optional<Value> Find(uint64_t sequence, const absl::flat_hash_map<std::string, Value>& map,
                            const std::string& key);
  template <typename Value>
  void Put(uint64_t sequence, absl::flat_hash_map<std::string, Value>& map,
           const std::string& key, Value value, size_t bytes);
  // Empties the cache when `sequence` is newer than what it holds; false when
  // `sequence` is older (the caller's results must not be kept).
  bool Current(uint64_t sequence) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  void Clear() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);

  const size_t max_bytes_;
  mutable absl::Mutex mutex_;
  uint64_t sequence_ ABSL_GUARDED_BY(mutex_) = 0;
  size_t bytes_ ABSL_GUARDED_BY(mutex_) = 0;
  absl::flat_hash_map<std::string, std::string> roots_ ABSL_GUARDED_BY(mutex_);
  absl::flat_hash_map<std::string, std::vector<Member>> members_ ABSL_GUARDED_BY(mutex_);
  absl::flat_hash_map<std::string, std::shared_ptr<const v1::Event>> events_
      ABSL_GUARDED_BY(mutex_);
  absl::flat_hash_map<std::string, std::shared_ptr<const v1::Participant>> participants_
      ABSL_GUARDED_BY(mutex_);
  absl::flat_hash_map<std::string, std::shared_ptr<const EventSketch>> sketches_
      ABSL_GUARDED_BY(mutex_);
  absl::flat_hash_map<std::string, std::shared_ptr<const v1::ListConnectionsResponse>>
      connections_ ABSL_GUARDED_BY(mutex_);
  absl::flat_hash_map<std::string, std::shared_ptr<const ParticipantSummary>> summaries_
      ABSL_GUARDED_BY(mutex_);
  uint64_t hits_ ABSL_GUARDED_BY(mutex_) = 0;
  uint64_t misses_ ABSL_GUARDED_BY(mutex_) = 0;
};

}  // namespace parley::service

#endif  // PARLEY_SERVICES_DERIVED_CACHE_H_
