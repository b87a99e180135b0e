// Parley's typed queries over the store, independent of gRPC: each takes a
// request proto and returns the response or an absl::Status whose code the
// gRPC layer passes through (INVALID_ARGUMENT naming the field, NOT_FOUND).
#ifndef PARLEY_SERVICES_QUERIES_H_
#define PARLEY_SERVICES_QUERIES_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "parley/v1/parley_service.pb.h"
#include "services/derived_cache.h"
#include "storage/store.h"

namespace parley::service {

struct TermFilter;
class PeopleResolver;

// The filters of a ListEvents or WatchEvents request, checked and resolved
// (a participant's linked ids, an organisation's aliases), for testing one
// event at a time.
class EventMatcher {
 public:
  EventMatcher(std::vector<TermFilter> filters, std::string start_date, std::string end_date);
  EventMatcher(EventMatcher&&) noexcept;
  EventMatcher& operator=(EventMatcher&&) noexcept;
  ~EventMatcher();
  bool Matches(const v1::Event& event) const;

 private:
  std::vector<TermFilter> filters_;
  std::string start_date_;
  std::string end_date_;
};

struct QueryOptions {
  // Page size when the request gives 0. Default 20.
  int default_page_size = 20;
  // Larger requested page sizes are lowered to this. Default 100.
  int max_page_size = 100;
  // At most this many index entries are examined per call; a page may come
  // back short (with a next_page_token) when filters are very selective.
  // Default 20000.
  int max_scanned = 20000;
  // Appearances returned with a participant. Default 50.
  int max_appearances = 50;
  // Memory for what queries derive, kept while the store is unchanged
  // (services/derived_cache.h). Default 64 MiB.
  size_t cache_bytes = 64 << 20;
  // ListConnections computations that run at once; more calls wait, then
  // find the answer in the cache when they asked the same. Each holds the
  // tallies of one person's events (megabytes for a person in tens of
  // thousands), so this bounds their memory. Default 2.
  int max_concurrent_connections = 2;
};

class Queries {
 public:
  // `store` must outlive this object.
  Queries(storage::Store& store, QueryOptions options = {})
      : store_(store), options_(options), cache_(options.cache_bytes) {}

  absl::StatusOr<v1::Event> GetEvent(const v1::GetEventRequest& request);
  absl::StatusOr<v1::ListEventsResponse> ListEvents(const v1::ListEventsRequest& request);
  absl::StatusOr<v1::Participant> GetParticipant(const v1::GetParticipantRequest& request);
  absl::StatusOr<v1::SearchParticipantsResponse> SearchParticipants(
      const v1::SearchParticipantsRequest& request);
  absl::StatusOr<v1::ListQuotesResponse> ListQuotes(const v1::ListQuotesRequest& request);
  absl::StatusOr<v1::Article> GetArticle(const v1::GetArticleRequest& request);
  absl::StatusOr<v1::ListConnectionsResponse> ListConnections(
      const v1::ListConnectionsRequest& request);
  // The filters of a watch, with ListEvents' checks (INVALID_ARGUMENT naming
  // the field). A participant's linked ids are those known now.
  absl::StatusOr<EventMatcher> WatchMatcher(const v1::WatchEventsRequest& request);
  // What queries keep between requests, for metrics.
  const DerivedCache& cache() const { return cache_; }

 private:
  absl::StatusOr<int> PageSize(int requested) const;
  // One page of the quotes of a speaker's ids, merged newest first, that
  // `wanted` keeps. Returns the position to resume after, empty when done.
  absl::StatusOr<std::string> QuotePage(const std::vector<std::string>& speaker_ids,
                                        const std::string& resume, int page_size,
                                        const std::function<bool(const v1::Quote&)>& wanted,
                                        v1::ListQuotesResponse& response);
  // An event as queries show it: as stored, with its other reports
  // (services/real_events.h) and the ids of people replaced by the ids that
  // stand for them; from the cache when the store is unchanged. NOT_FOUND
  // for unknown ids.
  absl::StatusOr<std::shared_ptr<const v1::Event>> ShownEvent(PeopleResolver& people,
                                                              const std::string& event_id);
  // The shown event when it passes the request's dates, `filters` and
  // one_per_real_event (another report may stand for its event); null when
  // it does not or was deleted since its index entry was read.
  absl::StatusOr<std::shared_ptr<const v1::Event>> Candidate(
      PeopleResolver& people, const std::string& event_id, const v1::ListEventsRequest& request,
      const std::vector<TermFilter>& filters);
  // GetParticipant's full answer for the id that stands for a person; from
  // the cache when the store is unchanged.
  absl::StatusOr<std::shared_ptr<const v1::Participant>> FullParticipant(PeopleResolver& people,
                                                                         const std::string& root);
  absl::StatusOr<v1::Participant> ShownParticipant(PeopleResolver& people,
                                                   const std::string& root);
  // A participant id's names (display name and aliases) and the folded names
  // it is found under; from the cache when the store is unchanged since
  // `sequence`.
  absl::StatusOr<std::shared_ptr<const ParticipantSummary>> Summary(uint64_t sequence,
                                                                   const std::string& id);
  // The sketch of a stored event (services/real_events.h) with the ids that
  // stand for its people; from the cache when the store is unchanged. Null
  // for unknown ids.
  absl::StatusOr<std::shared_ptr<const EventSketch>> Sketch(PeopleResolver& people,
                                                            const std::string& event_id);
  // Replaces a stored event's participant ids by the ids that stand for
  // their people (as ShowRootIds does) and returns its sketch: from the
  // cache, or built from the event as shown.
  absl::StatusOr<std::shared_ptr<const EventSketch>> ShowWithSketch(PeopleResolver& people,
                                                                    v1::Event& event);
  // The other reports of an event, from the events of its participants
  // around its dates, sorted.
  absl::StatusOr<std::vector<std::string>> FindOtherReports(PeopleResolver& people,
                                                           const EventSketch& event);
  // Every other event under any id of the event's people that may overlap
  // its dates, by event id, sketched from the participant index: it shares
  // the people it was found under, and the appearance records its dates,
  // type and places, so that a person in 100,000 events costs a scan of the
  // index around the date, not a read of each event. Nullopt for an event
  // whose appearance does not record it (stored before appearances did).
  using IndexedReports = absl::flat_hash_map<std::string, std::optional<EventSketch>>;
  absl::StatusOr<IndexedReports> ReportsAround(PeopleResolver& people, const EventSketch& event);
  // One page of the events under any of `terms` in `family` (the ids of one
  // person, the names of one organisation), merged newest first, that pass
  // the other filters. Page positions are index-key suffixes (day and event
  // id), common to all terms. Returns the position to resume after, empty
  // when nothing is left. Events are added in `view`.
  absl::StatusOr<std::string> MergedTermsPage(
      PeopleResolver& people, storage::Family family, const std::vector<std::string>& terms,
      const v1::ListEventsRequest& request, const std::vector<TermFilter>& filters,
      const std::string& resume, int page_size, v1::EventView view,
      v1::ListEventsResponse& response);

  // Every connection of the person `root` stands for, under the request's
  // dates and type and in its order, without display names or paging: from
  // the cache, or computed by at most max_concurrent_connections calls at a
  // time.
  absl::StatusOr<std::shared_ptr<const v1::ListConnectionsResponse>> RankedConnections(
      PeopleResolver& people, const std::string& root, const v1::ListConnectionsRequest& request);
  absl::StatusOr<v1::ListConnectionsResponse> ComputeConnections(
      PeopleResolver& people, const std::string& root, const v1::ListConnectionsRequest& request);

  storage::Store& store_;
  QueryOptions options_;
  DerivedCache cache_;
  absl::Mutex connections_mutex_;
  int connections_in_flight_ ABSL_GUARDED_BY(connections_mutex_) = 0;
};

}  // namespace parley::service

#endif  // PARLEY_SERVICES_QUERIES_H_
