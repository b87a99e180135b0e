#include "services/queries.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "absl/cleanup/cleanup.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/cancellation.h"
#include "common/status_macros.h"
#include "common/string_view.h"
#include "common/text.h"
#include "extract/article.h"
#include "extract/gazetteer.h"
#include "identity/organizations.h"
#include "identity/person_key.h"
#include "services/page_token.h"
#include "services/people_resolver.h"
#include "services/real_events.h"
#include "storage/keys.h"
#include "storage/participant_record.h"

namespace parley::service {

// An index term an event must have; any of `alternatives` when set (the
// names of one organisation, the ids of one person).
struct TermFilter {
  storage::Family family;
  std::string term;
  std::vector<std::string> alternatives;
};
namespace {

using storage::Family;

absl::Status InvalidField(std::string_view field, std::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat(ToAbsl(field), ": ", ToAbsl(problem)));
}

bool IsParticipantId(std::string_view id) {
  if (id.empty() || id.size() > 200) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// The id in "{collection}/{id}"; INVALID_ARGUMENT naming `field` otherwise.
absl::StatusOr<std::string> IdFromName(std::string_view name, std::string_view collection,
                                       std::string_view field) {
  std::string prefix = absl::StrCat(ToAbsl(collection), "/");
  if (name.empty()) return InvalidField(field, "is required");
  if (!absl::StartsWith(ToAbsl(name), prefix)) {
    return InvalidField(field, absl::StrCat("must look like \"", prefix, "{id}\""));
  }
  std::string id(name.substr(prefix.size()));
  bool valid = collection == "participants" ? IsParticipantId(id) : IsValidArticleId(id);
  if (!valid) return InvalidField(field, absl::StrCat("\"", id, "\" is not a valid id"));
  if (collection != "participants") return id;
  // Any id ever served, including the slug of one spelling of a name that
  // ids were before person keys, answers with the person it names.
  std::string person = identity::PersonIdOf(id);
  return person.empty() ? id : person;
}

// A participant given as a resource name or as a full name.
absl::StatusOr<std::string> ParticipantKey(std::string_view value, std::string_view field) {
  if (absl::StartsWith(ToAbsl(value), "participants/")) {
    return IdFromName(value, "participants", field);
  }
  std::string id = identity::PersonIdOf(value);
  if (id.empty()) return InvalidField(field, "must contain a name");
  return id;
}

absl::Status CheckDate(std::string_view value, std::string_view field) {
  if (!value.empty() && storage::DayNumber(value) == 0) {
    return InvalidField(field, "must be a date YYYY-MM-DD");
  }
  if (value.size() > 10) return InvalidField(field, "must be a date YYYY-MM-DD");
  return absl::OkStatus();
}


absl::StatusOr<std::vector<TermFilter>> EventTermFilters(const v1::ListEventsRequest& request) {
  std::vector<TermFilter> filters;
  if (!request.participant().empty()) {
    PARLEY_ASSIGN_OR_RETURN(std::string id, ParticipantKey(request.participant(), "participant"));
    filters.push_back({Family::kParticipantIndex, id, {}});
  }
  if (!request.organization().empty()) {
    std::string folded = FoldForMatch(request.organization());
    if (folded.empty()) return InvalidField("organization", "is blank");
    filters.push_back({Family::kOrganizationIndex, folded,
                       identity::BuiltinOrganizationAliases().NamesOf(request.organization())});
  }
  if (!request.location().empty()) {
    std::string folded = FoldForMatch(request.location());
    if (folded.empty()) return InvalidField("location", "is blank");
    filters.push_back({Family::kLocationIndex, folded, {}});
  }
  if (!request.country().empty()) {
    std::string code = absl::AsciiStrToUpper(ToAbsl(request.country()));
    if (code.size() != 2 || !absl::ascii_isalpha(code[0]) || !absl::ascii_isalpha(code[1])) {
      // A country's name or acronym: "South Korea", "Republic of Korea", "ROK".
      extract_internal::PlaceEntry place = extract_internal::LookupPlace(request.country());
      if (place.kind != extract_internal::PlaceKind::kCountry || place.code.empty()) {
        return InvalidField("country",
                            "must be an ISO 3166-1 alpha-2 code such as \"KR\" or a country's name");
      }
      code = place.code;
    }
    filters.push_back({Family::kCountryIndex, code, {}});
  }
  if (request.type() != v1::EVENT_TYPE_UNSPECIFIED) {
    if (!v1::EventType_IsValid(request.type())) {
      return InvalidField("type", absl::StrCat("unknown event type ", request.type()));
    }
    filters.push_back({Family::kTypeIndex, v1::EventType_Name(request.type()), {}});
  }
  return filters;
}

// The term filters of a request, its dates checked.
absl::StatusOr<std::vector<TermFilter>> CheckedEventFilters(const v1::ListEventsRequest& request) {
  PARLEY_ASSIGN_OR_RETURN(std::vector<TermFilter> filters, EventTermFilters(request));
  PARLEY_RETURN_IF_ERROR(CheckDate(request.start_date(), "start_date"));
  PARLEY_RETURN_IF_ERROR(CheckDate(request.end_date(), "end_date"));
  if (!request.start_date().empty() && !request.end_date().empty() &&
      request.start_date() > request.end_date()) {
    return InvalidField("end_date", "is before start_date");
  }
  return filters;
}

// An event dated `sort_date` (its start, else its publication) to
// `end_date` (empty: one day) overlaps [from, to].
bool OverlapsDateRange(std::string_view sort_date, std::string_view end_date,
                       std::string_view from, std::string_view to) {
  if (from.empty() && to.empty()) return true;
  if (sort_date.empty()) return false;
  std::string_view end = end_date.empty() ? sort_date : end_date;
  return (to.empty() || sort_date <= to) && (from.empty() || end >= from);
}

bool OverlapsDateRange(const v1::Event& event, std::string_view from, std::string_view to) {
  return OverlapsDateRange(storage::SortDate(event), event.end_date(), from, to);
}

std::string_view SortDate(const EventSketch& event) {
  return event.start_date.empty() ? std::string_view(event.published_date)
                                  : std::string_view(event.start_date);
}

bool MatchesTerms(const v1::Event& event, const std::vector<TermFilter>& filters) {
  if (filters.empty()) return true;
  std::set<std::pair<Family, std::string>> present;
  for (const storage::IndexEntry& entry : storage::IndexEntriesForEvent(event)) {
    if (entry.family == Family::kTimeIndex) continue;
    std::optional<storage::IndexKeyParts> parts = storage::ParseIndexKey(entry.key, true);
    if (parts) present.emplace(entry.family, parts->term);
  }
  return std::all_of(filters.begin(), filters.end(), [&](const TermFilter& filter) {
    if (filter.alternatives.empty()) return present.count({filter.family, filter.term}) > 0;
    return std::any_of(filter.alternatives.begin(), filter.alternatives.end(),
                       [&](const std::string& term) {
                         return present.count({filter.family, term}) > 0;
                       });
  });
}

// Scans one family from `seek` while keys start with `prefix`, offering each
// record to `offer`, which returns true when it took the record as a result.
// Stops after page_size + 1 results (the extra one is dropped and proves a
// next page exists) or after max_scanned records. Returns the resume key for
// the next page, empty when the scan is exhausted.
template <typename Offer>
absl::StatusOr<std::string> ScanPage(storage::Store& store, Family family,
                                     std::string_view prefix, std::string_view seek,
                                     int page_size, int max_scanned, int& taken,
                                     Offer offer) {
  std::vector<std::string> taken_keys;
  std::string last_scanned;
  int scanned = 0;
  bool budget_exhausted = false;
  PARLEY_RETURN_IF_ERROR(store.Scan(
      family, prefix, seek, [&](std::string_view key, std::string_view value) {
        if (++scanned > max_scanned) {
          budget_exhausted = true;
          return false;
        }
        last_scanned = std::string(key);
        if (offer(key, value)) taken_keys.emplace_back(key);
        return static_cast<int>(taken_keys.size()) <= page_size;
      }));
  taken = std::min<int>(static_cast<int>(taken_keys.size()), page_size);
  if (static_cast<int>(taken_keys.size()) > page_size) return taken_keys[page_size - 1];
  if (budget_exhausted) return last_scanned;
  return std::string();
}

// The query a page token is bound to, and where the page starts.
struct Paging {
  uint64_t fingerprint = 0;
  std::string resume_key;
};

// Fingerprints the request without its paging fields and decodes its token.
template <typename Request>
absl::StatusOr<Paging> StartPaging(const Request& request) {
  Request query = request;
  query.clear_page_size();
  query.clear_page_token();
  Paging paging;
  paging.fingerprint = QueryFingerprint(query);
  PARLEY_ASSIGN_OR_RETURN(paging.resume_key,
                          DecodePageToken(request.page_token(), paging.fingerprint));
  return paging;
}

// The smallest key strictly greater than `key`.
std::string After(std::string_view key) { return std::string(key) + '\0'; }

// Index entries under several terms (the ids of one person, the names of one
// organisation), merged by the part of the key after the term, which orders
// them newest first in every index. Up to `chunk` entries of each term from
// `start`; past `boundary` (the smallest last position of a term that has
// more) the merge is not known yet, and a page resumes there.
struct MergedPositions {
  std::vector<std::pair<std::string, std::string>> positions;  // (suffix, value), sorted
  std::string boundary;                                          // empty: all read
};

absl::StatusOr<MergedPositions> MergePositions(storage::Store& store, Family family,
                                               const std::vector<std::string>& terms,
                                               const std::string& start, int chunk) {
  MergedPositions merged;
  for (const std::string& term : terms) {
    std::string prefix = storage::IndexPrefix(term);
    int taken = 0;
    std::string last;
    PARLEY_RETURN_IF_ERROR(store.Scan(
        family, prefix, prefix + start, [&](std::string_view key, std::string_view value) {
          last = std::string(key.substr(prefix.size()));
          merged.positions.emplace_back(last, std::string(value));
          return ++taken < chunk;
        }));
    if (taken == chunk && (merged.boundary.empty() || last < merged.boundary)) {
      merged.boundary = last;
    }
  }
  std::sort(merged.positions.begin(), merged.positions.end());
  merged.positions.erase(
      std::unique(merged.positions.begin(), merged.positions.end(),
                  [](const auto& a, const auto& b) { return a.first == b.first; }),
      merged.positions.end());
  return merged;
}

// Participant ids in `event` as the ids that stand for their people.
absl::Status ShowRootIds(PeopleResolver& people, v1::Event& event) {
  for (v1::EventParticipant& p : *event.mutable_participants()) {
    std::string_view id = storage::ParticipantId(p.participant());
    if (id.empty()) continue;
    PARLEY_ASSIGN_OR_RETURN(std::string root, people.RootOf(std::string(id)));
    p.set_participant(absl::StrCat("participants/", root));
  }
  for (v1::Quote& quote : *event.mutable_quotes()) {
    std::string_view id = storage::ParticipantId(quote.speaker_participant());
    if (id.empty()) continue;
    PARLEY_ASSIGN_OR_RETURN(std::string root, people.RootOf(std::string(id)));
    quote.set_speaker_participant(absl::StrCat("participants/", root));
  }
  return absl::OkStatus();
}

using ParticipantView = v1::ParticipantView;

// A request's view (v1::ParticipantView or v1::EventView), checked, with the
// method's `fallback` for UNSPECIFIED (0 in both).
template <typename View>
absl::StatusOr<View> CheckedView(View requested, View fallback, bool (*is_valid)(int),
                                 const char* resource) {
  if (!is_valid(requested)) {
    return InvalidField("view", absl::StrCat("unknown ", resource, " view ", requested));
  }
  return requested == View{} ? fallback : requested;
}

absl::StatusOr<ParticipantView> CheckedView(ParticipantView requested, ParticipantView fallback) {
  return CheckedView(requested, fallback, &v1::ParticipantView_IsValid, "participant");
}

// Field by field, so that a BASIC answer never copies the history it leaves
// out; queries_test checks it equals the full answer without them.
v1::Participant BasicView(const v1::Participant& full) {
  v1::Participant basic;
  basic.set_name(full.name());
  basic.set_display_name(full.display_name());
  *basic.mutable_aliases() = full.aliases();
  basic.set_rank(full.rank());
  basic.set_role(full.role());
  basic.set_organization(full.organization());
  basic.set_event_count(full.event_count());
  basic.set_first_event_date(full.first_event_date());
  basic.set_last_event_date(full.last_event_date());
  return basic;
}

// Field by field, so that a BASIC page never copies the quotes and spans it
// leaves out; queries_test checks it equals the full event without them.
void CopyBasicEvent(const v1::Event& full, v1::Event& basic) {
  basic.set_name(full.name());
  basic.set_article(full.article());
  basic.set_title(full.title());
  basic.set_type(full.type());
  basic.set_start_date(full.start_date());
  basic.set_end_date(full.end_date());
  basic.set_published_date(full.published_date());
  for (const v1::Location& location : full.locations()) {
    v1::Location& copy = *basic.add_locations();
    copy.set_name(location.name());
    copy.set_country_code(location.country_code());
  }
  for (const v1::EventParticipant& participant : full.participants()) {
    v1::EventParticipant& copy = *basic.add_participants();
    copy.set_participant(participant.participant());
    copy.set_name(participant.name());
    copy.set_rank(participant.rank());
    copy.set_role(participant.role());
    copy.set_organization(participant.organization());
  }
  for (const v1::Organization& organization : full.organizations()) {
    v1::Organization& copy = *basic.add_organizations();
    copy.set_name(organization.name());
    copy.set_acronym(organization.acronym());
  }
  for (const v1::Country& country : full.countries()) {
    v1::Country& copy = *basic.add_countries();
    copy.set_code(country.code());
    copy.set_name(country.name());
  }
  for (const v1::Topic& topic : full.topics()) basic.add_topics()->set_name(topic.name());
  basic.set_extractor_version(full.extractor_version());
  *basic.mutable_other_reports() = full.other_reports();
}

void AddInView(const v1::Event& shown, v1::EventView view, v1::ListEventsResponse& response) {
  if (view == v1::EVENT_VIEW_FULL) {
    *response.add_events() = shown;
  } else {
    CopyBasicEvent(shown, *response.add_events());
  }
}

}  // namespace

absl::StatusOr<std::string> Queries::MergedTermsPage(
    PeopleResolver& people, storage::Family family, const std::vector<std::string>& terms,
    const v1::ListEventsRequest& request,
    const std::vector<TermFilter>& filters, const std::string& resume, int page_size,
    v1::EventView view, v1::ListEventsResponse& response) {
  std::string start;
  if (!request.end_date().empty()) start = storage::EventOrderKey(request.end_date(), "");
  if (!resume.empty()) start = std::max(start, After(resume));
  PARLEY_ASSIGN_OR_RETURN(MergedPositions merged,
                          MergePositions(store_, family, terms, start, page_size * 2 + 2));
  const std::string& boundary = merged.boundary;
  std::string last_taken;
  for (const auto& [position, value] : merged.positions) {
    if (!boundary.empty() && position > boundary) return boundary;
    std::optional<storage::IndexKeyParts> parts = storage::ParseIndexKey(position, false);
    if (!parts) continue;
    PARLEY_ASSIGN_OR_RETURN(std::shared_ptr<const v1::Event> event,
                            Candidate(people, parts->event_id, request, filters));
    if (event == nullptr) continue;
    if (response.events_size() == page_size) return last_taken;  // one more exists
    AddInView(*event, view, response);
    last_taken = position;
  }
  return boundary;
}

absl::StatusOr<std::shared_ptr<const v1::Event>> Queries::ShownEvent(
    PeopleResolver& people, const std::string& event_id) {
  if (std::optional<std::shared_ptr<const v1::Event>> cached =
          cache_.ShownEvent(people.sequence(), event_id)) {
    return *std::move(cached);
  }
  PARLEY_ASSIGN_OR_RETURN(v1::Event event, store_.GetEvent(event_id));
  PARLEY_ASSIGN_OR_RETURN(std::shared_ptr<const EventSketch> sketch, ShowWithSketch(people, event));
  PARLEY_ASSIGN_OR_RETURN(std::vector<std::string> others, FindOtherReports(people, *sketch));
  event.clear_other_reports();
  for (const std::string& name : others) event.add_other_reports(name);
  auto shown = std::make_shared<const v1::Event>(std::move(event));
  cache_.PutShownEvent(people.sequence(), event_id, shown);
  return shown;
}

absl::StatusOr<std::shared_ptr<const v1::Event>> Queries::Candidate(
    PeopleResolver& people, const std::string& event_id, const v1::ListEventsRequest& request,
    const std::vector<TermFilter>& filters) {
  absl::StatusOr<std::shared_ptr<const v1::Event>> event = ShownEvent(people, event_id);
  if (absl::IsNotFound(event.status())) return nullptr;  // deleted since the index was read
  PARLEY_RETURN_IF_ERROR(event.status());
  const v1::Event& shown = **event;
  if (!OverlapsDateRange(shown, request.start_date(), request.end_date()) ||
      !MatchesTerms(shown, filters) ||
      (request.one_per_real_event() && StandingReport(shown) != shown.name())) {
    return nullptr;
  }
  return event;
}

absl::StatusOr<std::shared_ptr<const EventSketch>> Queries::Sketch(PeopleResolver& people,
                                                                   const std::string& event_id) {
  if (std::optional<std::shared_ptr<const EventSketch>> cached =
          cache_.Sketch(people.sequence(), event_id)) {
    return *std::move(cached);
  }
  absl::StatusOr<v1::Event> stored = store_.GetEvent(event_id);
  if (absl::IsNotFound(stored.status())) return nullptr;
  PARLEY_RETURN_IF_ERROR(stored.status());
  return ShowWithSketch(people, *stored);
}

absl::StatusOr<std::shared_ptr<const EventSketch>> Queries::ShowWithSketch(PeopleResolver& people,
                                                                           v1::Event& event) {
  PARLEY_RETURN_IF_ERROR(ShowRootIds(people, event));
  const std::string event_id(storage::EventId(event));
  if (std::optional<std::shared_ptr<const EventSketch>> cached =
          cache_.Sketch(people.sequence(), event_id)) {
    return *std::move(cached);
  }
  auto sketch = std::make_shared<const EventSketch>(SketchOf(event));
  cache_.PutSketch(people.sequence(), event_id, sketch);
  return sketch;
}

absl::StatusOr<Queries::IndexedReports> Queries::ReportsAround(PeopleResolver& people,
                                                              const EventSketch& event) {
  std::string_view end =
      event.end_date.empty() ? std::string_view(event.start_date) : std::string_view(event.end_date);
  // Reports that start up to two weeks earlier may still overlap.
  const uint32_t first_day = storage::DayNumber(event.start_date) - 14;
  const std::string_view own_id =
      std::string_view(event.name).substr(std::string_view("events/").size());
  IndexedReports found;
  for (const std::string& person : event.participants) {  // sorted: so is each `participants`
    PARLEY_ASSIGN_OR_RETURN(std::vector<Member> members,
                            people.MembersOf(std::string(storage::ParticipantId(person))));
    for (const Member& member : members) {
      std::string prefix = storage::IndexPrefix(member.id);
      PARLEY_RETURN_IF_ERROR(store_.Scan(
          Family::kParticipantIndex, prefix, prefix + storage::EventOrderKey(end, ""),
          [&](std::string_view key, std::string_view value) {
            std::optional<storage::IndexKeyParts> parts = storage::ParseIndexKey(key, true);
            if (!parts || parts->day < first_day) return false;
            if (parts->event_id == own_id) return true;
            auto [it, fresh] = found.try_emplace(std::move(parts->event_id));
            std::optional<EventSketch>& report = it->second;
            if (fresh) {
              v1::ParticipantAppearance appearance;
              if (appearance.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
                report = SketchOfAppearance(appearance);
              }
            }
            if (report && (report->participants.empty() || report->participants.back() != person)) {
              report->participants.push_back(person);
            }
            return true;
          }));
    }
  }
  return found;
}

absl::StatusOr<std::vector<std::string>> Queries::FindOtherReports(PeopleResolver& people,
                                                                   const EventSketch& event) {
  if (event.start_date.empty()) return std::vector<std::string>();
  PARLEY_ASSIGN_OR_RETURN(IndexedReports found, ReportsAround(people, event));
  std::set<std::string> others;
  for (auto& [event_id, report] : found) {
    if (!report) {  // the appearance does not record what the event was: read it
      PARLEY_ASSIGN_OR_RETURN(std::shared_ptr<const EventSketch> stored,
                              Sketch(people, event_id));
      if (stored != nullptr && SameRealEvent(event, *stored)) others.insert(stored->name);
      continue;
    }
    if (report->participants.size() == 1 && report->type == event.type) FoldLocations(*report);
    if (SameRealEvent(event, *report)) others.insert(report->name);
  }
  return std::vector<std::string>(others.begin(), others.end());
}

absl::StatusOr<int> Queries::PageSize(int requested) const {
  if (requested < 0) return InvalidField("page_size", "must not be negative");
  if (requested == 0) return options_.default_page_size;
  return std::min(requested, options_.max_page_size);
}

absl::StatusOr<v1::Event> Queries::GetEvent(const v1::GetEventRequest& request) {
  PARLEY_ASSIGN_OR_RETURN(std::string id, IdFromName(request.name(), "events", "name"));
  PeopleResolver people(store_, &cache_);
  PARLEY_ASSIGN_OR_RETURN(std::shared_ptr<const v1::Event> event, ShownEvent(people, id));
  return *event;
}

absl::StatusOr<v1::Article> Queries::GetArticle(const v1::GetArticleRequest& request) {
  PARLEY_ASSIGN_OR_RETURN(std::string id, IdFromName(request.name(), "articles", "name"));
  PARLEY_ASSIGN_OR_RETURN(records::StoredArticle stored, store_.GetArticle(id));
  return std::move(*stored.mutable_article());
}

absl::StatusOr<v1::ListEventsResponse> Queries::ListEvents(
    const v1::ListEventsRequest& request) {
  PARLEY_ASSIGN_OR_RETURN(int page_size, PageSize(request.page_size()));
  PARLEY_ASSIGN_OR_RETURN(v1::EventView view, CheckedView(request.view(), v1::EVENT_VIEW_BASIC,
                                                          &v1::EventView_IsValid, "event"));
  PARLEY_ASSIGN_OR_RETURN(std::vector<TermFilter> filters, CheckedEventFilters(request));
  PARLEY_ASSIGN_OR_RETURN(Paging paging, StartPaging(request));
  const uint64_t fingerprint = paging.fingerprint;
  const std::string& resume = paging.resume_key;

  v1::ListEventsResponse response;
  // Taken before the page is read: a change made while it is read is then
  // watched too, never lost between the list and the watch.
  response.set_watch_cursor(EncodeWatchCursor(store_.StoreId(), store_.LastChangeSequence()));
  PeopleResolver people(store_, &cache_);
  if (!filters.empty() && filters.front().family == Family::kParticipantIndex) {
    // Every id that names the person.
    PARLEY_ASSIGN_OR_RETURN(std::string root, people.RootOf(filters.front().term));
    PARLEY_ASSIGN_OR_RETURN(std::vector<Member> members, people.MembersOf(root));
    for (const Member& m : members) filters.front().alternatives.push_back(m.id);
  }
  if (!filters.empty() && filters.front().alternatives.size() > 1) {
    // Every alternative drives the scan, merged newest first.
    TermFilter driver = filters.front();
    filters.erase(filters.begin());
    PARLEY_ASSIGN_OR_RETURN(std::string next,
                            MergedTermsPage(people, driver.family, driver.alternatives, request,
                                            filters, resume, page_size, view, response));
    if (!next.empty()) response.set_next_page_token(EncodePageToken(fingerprint, next));
    return response;
  }
  // The first term filter drives the scan (the time index when there is
  // none); the others are checked on each candidate event.
  Family family = Family::kTimeIndex;
  std::string prefix;
  if (!filters.empty()) {
    const TermFilter& driver = filters.front();
    family = driver.family;
    prefix = storage::IndexPrefix(driver.alternatives.empty() ? driver.term
                                                              : driver.alternatives.front());
    filters.erase(filters.begin());
  }
  std::string seek = prefix;
  if (!request.end_date().empty()) {
    // Nothing that starts after the range can overlap it: skip those keys.
    seek = prefix + storage::EventOrderKey(request.end_date(), "");
  }
  if (!resume.empty()) seek = std::max(seek, After(resume));

  int taken = 0;
  absl::Status failure;
  PARLEY_ASSIGN_OR_RETURN(
      std::string next,
      ScanPage(store_, family, prefix, seek, page_size, options_.max_scanned, taken,
               [&](std::string_view key, std::string_view) {
                 auto parts = storage::ParseIndexKey(key, family != Family::kTimeIndex);
                 if (!parts) return false;
                 absl::StatusOr<std::shared_ptr<const v1::Event>> event =
                     Candidate(people, parts->event_id, request, filters);
                 if (!event.ok()) failure = event.status();
                 if (!event.ok() || *event == nullptr) return false;
                 AddInView(**event, view, response);
                 return true;
               }));
  PARLEY_RETURN_IF_ERROR(failure);
  while (response.events_size() > taken) response.mutable_events()->RemoveLast();
  if (!next.empty()) response.set_next_page_token(EncodePageToken(fingerprint, next));
  return response;
}

absl::StatusOr<v1::Participant> Queries::GetParticipant(
    const v1::GetParticipantRequest& request) {
  PARLEY_ASSIGN_OR_RETURN(std::string id, IdFromName(request.name(), "participants", "name"));
  PARLEY_ASSIGN_OR_RETURN(ParticipantView view,
                          CheckedView(request.view(), v1::PARTICIPANT_VIEW_FULL));
  PeopleResolver people(store_, &cache_);
  PARLEY_ASSIGN_OR_RETURN(std::string root, people.RootOf(id));
  PARLEY_ASSIGN_OR_RETURN(std::shared_ptr<const v1::Participant> full,
                          FullParticipant(people, root));
  return view == v1::PARTICIPANT_VIEW_BASIC ? BasicView(*full) : *full;
}

absl::StatusOr<std::shared_ptr<const v1::Participant>> Queries::FullParticipant(
    PeopleResolver& people, const std::string& root) {
  if (std::optional<std::shared_ptr<const v1::Participant>> cached =
          cache_.ShownParticipant(people.sequence(), root)) {
    return *std::move(cached);
  }
  PARLEY_ASSIGN_OR_RETURN(v1::Participant participant, ShownParticipant(people, root));
  auto shared = std::make_shared<const v1::Participant>(std::move(participant));
  cache_.PutShownParticipant(people.sequence(), root, shared);
  return shared;
}

absl::StatusOr<v1::Participant> Queries::ShownParticipant(PeopleResolver& people,
                                                          const std::string& root) {
  PARLEY_ASSIGN_OR_RETURN(std::vector<Member> members, people.MembersOf(root));
  PARLEY_ASSIGN_OR_RETURN(records::ParticipantRecord record, store_.GetParticipantRecord(root));
  for (size_t i = 1; i < members.size(); ++i) {
    PARLEY_ASSIGN_OR_RETURN(records::ParticipantRecord other,
                            store_.GetParticipantRecord(members[i].id));
    storage::MergeRecordInto(other, record);
  }
  v1::Participant participant = storage::ParticipantFromRecord(root, record);
  std::vector<std::string> ids;
  for (const Member& member : members) {
    ids.push_back(member.id);
    if (member.reason.empty()) continue;
    v1::ParticipantMerge* merge = participant.add_merges();
    merge->set_participant(absl::StrCat("participants/", member.id));
    merge->set_reason(member.reason);
  }
  // Newest appearances over all ids: each id's newest are enough.
  PARLEY_ASSIGN_OR_RETURN(
      MergedPositions merged,
      MergePositions(store_, Family::kParticipantIndex, ids, "", options_.max_appearances));
  for (const auto& [position, value] : merged.positions) {
    if (participant.appearances_size() >= options_.max_appearances) break;
    participant.add_appearances()->ParseFromString(value);
  }
  return participant;
}

absl::StatusOr<v1::SearchParticipantsResponse> Queries::SearchParticipants(
    const v1::SearchParticipantsRequest& request) {
  PARLEY_ASSIGN_OR_RETURN(int page_size, PageSize(request.page_size()));
  std::string prefix = FoldForMatch(request.query());
  if (prefix.empty()) return InvalidField("query", "is required");
  if (prefix.size() < 2) return InvalidField("query", "needs at least 2 characters");
  if (prefix.size() > 200) return InvalidField("query", "is longer than 200 bytes");
  PARLEY_ASSIGN_OR_RETURN(ParticipantView view,
                          CheckedView(request.view(), v1::PARTICIPANT_VIEW_BASIC));
  PARLEY_ASSIGN_OR_RETURN(Paging paging, StartPaging(request));
  const uint64_t fingerprint = paging.fingerprint;
  const std::string& resume = paging.resume_key;

  v1::SearchParticipantsResponse response;
  PeopleResolver people(store_, &cache_);
  std::set<std::string> shown;  // root ids on this page
  absl::Status failure;
  int taken = 0;
  PARLEY_ASSIGN_OR_RETURN(
      std::string next,
      ScanPage(store_, Family::kNameIndex, prefix, resume.empty() ? prefix : After(resume),
               page_size, options_.max_scanned, taken,
               [&](std::string_view key, std::string_view) {
                 std::optional<std::string> id = storage::ParticipantIdFromNameKey(key);
                 if (!id) return false;
                 absl::StatusOr<std::shared_ptr<const ParticipantSummary>> summary =
                     Summary(people.sequence(), *id);
                 if (!summary.ok()) return false;
                 // A participant matches under several of its names; report
                 // it once, under the first matching name in key order.
                 std::string_view term = key.substr(0, key.find('\0'));
                 for (const std::string& name : (*summary)->name_terms) {
                   if (absl::StartsWith(name, prefix)) {
                     if (name != term) return false;
                     break;
                   }
                 }
                 // Reported as the person it names ("Biden" as Joseph R.
                 // Biden, Jr.), once per page.
                 absl::StatusOr<std::string> root = people.RootOf(*id);
                 if (!root.ok()) {
                   failure = root.status();
                   return false;
                 }
                 if (!shown.insert(*root).second) return false;
                 absl::StatusOr<std::shared_ptr<const v1::Participant>> full =
                     FullParticipant(people, *root);
                 if (!full.ok()) {
                   failure = full.status();
                   return false;
                 }
                 *response.add_participants() =
                     view == v1::PARTICIPANT_VIEW_FULL ? **full : BasicView(**full);
                 return true;
               }));
  PARLEY_RETURN_IF_ERROR(failure);
  while (response.participants_size() > taken) response.mutable_participants()->RemoveLast();
  if (!next.empty()) response.set_next_page_token(EncodePageToken(fingerprint, next));
  return response;
}

absl::StatusOr<std::shared_ptr<const ParticipantSummary>> Queries::Summary(
    uint64_t sequence, const std::string& id) {
  if (std::optional<std::shared_ptr<const ParticipantSummary>> cached =
          cache_.Summary(sequence, id)) {
    return *std::move(cached);
  }
  auto summary = std::make_shared<ParticipantSummary>();
  PARLEY_ASSIGN_OR_RETURN(records::ParticipantRecord record, store_.GetParticipantRecord(id));
  summary->participant = storage::ParticipantNamesFromRecord(id, record);
  summary->name_terms = storage::ParticipantNameTerms(summary->participant);
  cache_.PutSummary(sequence, id, summary);
  return summary;
}

absl::StatusOr<std::string> Queries::QuotePage(
    const std::vector<std::string>& speaker_ids, const std::string& resume, int page_size,
    const std::function<bool(const v1::Quote&)>& wanted, v1::ListQuotesResponse& response) {
  PARLEY_ASSIGN_OR_RETURN(
      MergedPositions merged,
      MergePositions(store_, Family::kQuoteIndex, speaker_ids,
                     resume.empty() ? std::string() : After(resume), page_size * 2 + 2));
  std::string last_taken;
  int scanned = 0;
  for (const auto& [position, value] : merged.positions) {
    if (!merged.boundary.empty() && position > merged.boundary) return merged.boundary;
    if (++scanned > options_.max_scanned) return last_taken.empty() ? position : last_taken;
    v1::QuoteResult result;
    if (!result.ParseFromString(value) || !wanted(result.quote())) continue;
    if (response.quotes_size() == page_size) return last_taken;  // one more exists
    *response.add_quotes() = std::move(result);
    last_taken = position;
  }
  return merged.boundary;
}

absl::StatusOr<v1::ListQuotesResponse> Queries::ListQuotes(
    const v1::ListQuotesRequest& request) {
  PARLEY_ASSIGN_OR_RETURN(int page_size, PageSize(request.page_size()));
  if (request.speaker().empty() && request.event().empty()) {
    return InvalidField("speaker", "speaker or event is required");
  }
  std::string speaker;
  std::vector<std::string> speaker_ids;  // every id of the speaker
  if (!request.speaker().empty()) {
    PARLEY_ASSIGN_OR_RETURN(speaker, ParticipantKey(request.speaker(), "speaker"));
    PeopleResolver people(store_, &cache_);
    PARLEY_ASSIGN_OR_RETURN(std::string root, people.RootOf(speaker));
    PARLEY_ASSIGN_OR_RETURN(std::vector<Member> members, people.MembersOf(root));
    for (const Member& m : members) speaker_ids.push_back(m.id);
  }
  std::string contains = FoldForMatch(request.contains());
  PARLEY_ASSIGN_OR_RETURN(Paging paging, StartPaging(request));
  const uint64_t fingerprint = paging.fingerprint;
  const std::string& resume = paging.resume_key;

  v1::ListQuotesResponse response;
  auto wanted = [&](const v1::Quote& quote) {
    return (speaker.empty() || std::find(speaker_ids.begin(), speaker_ids.end(),
                                         storage::QuoteSpeakerKey(quote)) != speaker_ids.end()) &&
           (contains.empty() || FoldForMatch(quote.text()).find(contains) != std::string::npos);
  };
  std::string next;
  if (!request.event().empty()) {
    PARLEY_ASSIGN_OR_RETURN(std::string event_id, IdFromName(request.event(), "events", "event"));
    PARLEY_ASSIGN_OR_RETURN(v1::Event event, store_.GetEvent(event_id));
    uint32_t first = 0;
    if (!resume.empty()) {
      std::optional<uint32_t> last = storage::ReadBigEndian32(resume);
      if (!last) return InvalidField("page_token", "is not a token issued by this service");
      first = *last + 1;
    }
    for (uint32_t i = first; i < static_cast<uint32_t>(event.quotes_size()); ++i) {
      if (!wanted(event.quotes(i))) continue;
      if (response.quotes_size() == page_size) {
        std::string key;
        storage::AppendBigEndian32(i - 1, key);
        next = key;
        break;
      }
      v1::QuoteResult* result = response.add_quotes();
      result->set_event(event.name());
      result->set_date(std::string(storage::SortDate(event)));
      *result->mutable_quote() = event.quotes(i);
    }
  } else {
    PARLEY_ASSIGN_OR_RETURN(next, QuotePage(speaker_ids, resume, page_size, wanted, response));
  }
  if (!next.empty()) response.set_next_page_token(EncodePageToken(fingerprint, next));
  return response;
}

namespace {

struct Tally {
  absl::flat_hash_map<std::string, std::string> events;  // standing report -> date
  std::string first_date;
  std::string last_date;
};

void Count(Tally& tally, const std::string& report, const std::string& date) {
  tally.events.emplace(report, date);
  if (date.empty()) return;
  if (tally.first_date.empty() || date < tally.first_date) tally.first_date = date;
  if (date > tally.last_date) tally.last_date = date;
}

// By shared events (or by last shared date), then by last shared date, then id.
using Tallies = absl::flat_hash_map<std::string, Tally>;  // co-participant -> shared events

std::vector<std::pair<std::string, const Tally*>> RankConnections(const Tallies& tallies,
                                                                  bool by_recency) {
  std::vector<std::pair<std::string, const Tally*>> ranked;
  for (const auto& [participant, tally] : tallies) ranked.emplace_back(participant, &tally);
  std::stable_sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
    auto count = [](const Tally* t) { return t->events.size(); };
    if (by_recency && a.second->last_date != b.second->last_date) {
      return a.second->last_date > b.second->last_date;
    }
    if (count(a.second) != count(b.second)) return count(a.second) > count(b.second);
    if (a.second->last_date != b.second->last_date) {
      return a.second->last_date > b.second->last_date;
    }
    return a.first < b.first;
  });
  return ranked;
}

v1::Connection* AddConnection(const std::string& participant, const Tally& tally,
                              v1::ListConnectionsResponse& response) {
  v1::Connection* c = response.add_connections();
  c->set_participant(participant);
  c->set_shared_events(static_cast<int32_t>(tally.events.size()));
  c->set_first_date(tally.first_date);
  c->set_last_date(tally.last_date);
  std::vector<std::pair<std::string, std::string>> by_date;  // (date, report)
  for (const auto& [report, date] : tally.events) by_date.emplace_back(date, report);
  std::sort(by_date.rbegin(), by_date.rend());
  for (const auto& [date, report] : by_date) c->add_events(report);
  return c;
}

}  // namespace

absl::StatusOr<v1::ListConnectionsResponse> Queries::ListConnections(
    const v1::ListConnectionsRequest& request) {
  PARLEY_ASSIGN_OR_RETURN(int page_size, PageSize(request.page_size()));
  if (request.participant().empty()) return InvalidField("participant", "is required");
  PARLEY_ASSIGN_OR_RETURN(std::string id, ParticipantKey(request.participant(), "participant"));
  PARLEY_RETURN_IF_ERROR(CheckDate(request.start_date(), "start_date"));
  PARLEY_RETURN_IF_ERROR(CheckDate(request.end_date(), "end_date"));
  if (!v1::ListConnectionsRequest::Order_IsValid(request.order_by())) {
    return InvalidField("order_by", "unknown order");
  }
  if (!v1::EventType_IsValid(request.type())) {
    return InvalidField("type", absl::StrCat("unknown event type ", request.type()));
  }
  PARLEY_ASSIGN_OR_RETURN(Paging paging, StartPaging(request));
  size_t offset = 0;
  if (!paging.resume_key.empty()) {
    std::optional<uint32_t> at = storage::ReadBigEndian32(paging.resume_key);
    if (!at) return InvalidField("page_token", "is not a token issued by this service");
    offset = *at;
  }
  PeopleResolver people(store_, &cache_);
  PARLEY_ASSIGN_OR_RETURN(std::string root, people.RootOf(id));
  PARLEY_ASSIGN_OR_RETURN(std::shared_ptr<const v1::ListConnectionsResponse> ranked,
                          RankedConnections(people, root, request));
  v1::ListConnectionsResponse response;
  response.set_participant(ranked->participant());
  response.set_events(ranked->events());
  const size_t total = static_cast<size_t>(ranked->connections_size());
  for (size_t i = offset; i < total && i < offset + page_size; ++i) {
    v1::Connection* connection = response.add_connections();
    *connection = ranked->connections(static_cast<int>(i));
    absl::StatusOr<std::shared_ptr<const ParticipantSummary>> other = Summary(
        people.sequence(), std::string(storage::ParticipantId(connection->participant())));
    if (other.ok()) connection->set_display_name((*other)->participant.display_name());
  }
  if (offset + page_size < total) {
    std::string next;
    storage::AppendBigEndian32(static_cast<uint32_t>(offset + page_size), next);
    response.set_next_page_token(EncodePageToken(paging.fingerprint, next));
  }
  return response;
}

absl::StatusOr<std::shared_ptr<const v1::ListConnectionsResponse>> Queries::RankedConnections(
    PeopleResolver& people, const std::string& root, const v1::ListConnectionsRequest& request) {
  const std::string key =
      absl::StrCat(root, "|", request.start_date(), "|", request.end_date(), "|",
                   request.type(), "|", request.order_by() == v1::ListConnectionsRequest::MOST_RECENT);
  auto cached = [&] { return cache_.Connections(people.sequence(), key); };
  if (auto hit = cached()) return *std::move(hit);
  {
    absl::MutexLock lock(&connections_mutex_);
    const absl::Condition slot_free(
        +[](Queries* queries) ABSL_EXCLUSIVE_LOCKS_REQUIRED(queries->connections_mutex_) {
          return queries->connections_in_flight_ < queries->options_.max_concurrent_connections;
        },
        this);
    // A caller that gives up while waiting stops waiting.
    while (!connections_mutex_.AwaitWithTimeout(slot_free, absl::Milliseconds(50))) {
      PARLEY_RETURN_IF_ERROR(CheckCancellation());
    }
    ++connections_in_flight_;
  }
  absl::Cleanup release = [this] {
    absl::MutexLock lock(&connections_mutex_);
    --connections_in_flight_;
  };
  // While this call waited, another may have computed the same answer.
  if (auto hit = cached()) return *std::move(hit);
  PARLEY_ASSIGN_OR_RETURN(v1::ListConnectionsResponse computed,
                          ComputeConnections(people, root, request));
  auto shared = std::make_shared<const v1::ListConnectionsResponse>(std::move(computed));
  cache_.PutConnections(people.sequence(), key, shared);
  return shared;
}

absl::StatusOr<v1::ListConnectionsResponse> Queries::ComputeConnections(
    PeopleResolver& people, const std::string& root, const v1::ListConnectionsRequest& request) {
  PARLEY_ASSIGN_OR_RETURN(std::vector<Member> members, people.MembersOf(root));
  const std::string self = absl::StrCat("participants/", root);
  // The participant's reports, then each report's real-world event.
  std::vector<std::string> event_ids;
  for (const Member& member : members) {
    int scanned = 0;
    PARLEY_RETURN_IF_ERROR(store_.Scan(
        Family::kParticipantIndex, storage::IndexPrefix(member.id), "",
        [&](std::string_view key, std::string_view) {
          std::optional<storage::IndexKeyParts> parts = storage::ParseIndexKey(key, true);
          if (parts) event_ids.push_back(std::move(parts->event_id));
          return ++scanned < options_.max_scanned;
        }));
  }
  std::sort(event_ids.begin(), event_ids.end());
  event_ids.erase(std::unique(event_ids.begin(), event_ids.end()), event_ids.end());
  // Sketches, not events as shown: a person in tens of thousands of events
  // would otherwise fill the cache with whole events it does not need.
  std::vector<std::shared_ptr<const EventSketch>> kept;
  for (const std::string& event_id : event_ids) {
    PARLEY_ASSIGN_OR_RETURN(std::shared_ptr<const EventSketch> event, Sketch(people, event_id));
    if (event == nullptr) continue;  // deleted since the index was read
    if (!OverlapsDateRange(SortDate(*event), event->end_date, request.start_date(),
                           request.end_date())) {
      continue;
    }
    if (request.type() != v1::EVENT_TYPE_UNSPECIFIED && event->type != request.type()) continue;
    kept.push_back(std::move(event));
  }
  // Reports of one real event that both name the person are among the
  // person's own: looking for them there, rather than around each report
  // (FindOtherReports), takes one pass instead of an index scan per report,
  // each as long as the person's busiest fortnight.
  std::vector<const EventSketch*> reports;
  reports.reserve(kept.size());
  for (const auto& event : kept) reports.push_back(event.get());
  const std::vector<std::string> standing = StandingReportsAmong(reports);
  Tallies tallies;
  absl::flat_hash_set<std::string> own_events;
  for (size_t i = 0; i < reports.size(); ++i) {
    const std::string& report = standing[i];
    own_events.insert(report);
    std::string date(SortDate(*reports[i]));
    for (const std::string& participant : reports[i]->participants) {
      if (participant != self) Count(tallies[participant], report, date);
    }
  }
  v1::ListConnectionsResponse all;
  all.set_participant(self);
  all.set_events(static_cast<int32_t>(own_events.size()));
  for (const auto& [participant, tally] :
       RankConnections(tallies, request.order_by() == v1::ListConnectionsRequest::MOST_RECENT)) {
    AddConnection(participant, *tally, all);
  }
  return all;
}

EventMatcher::EventMatcher(std::vector<TermFilter> filters, std::string start_date,
                           std::string end_date)
    : filters_(std::move(filters)),
      start_date_(std::move(start_date)),
      end_date_(std::move(end_date)) {}
EventMatcher::EventMatcher(EventMatcher&&) noexcept = default;
EventMatcher& EventMatcher::operator=(EventMatcher&&) noexcept = default;
EventMatcher::~EventMatcher() = default;

bool EventMatcher::Matches(const v1::Event& event) const {
  return OverlapsDateRange(event, start_date_, end_date_) && MatchesTerms(event, filters_);
}

absl::StatusOr<EventMatcher> Queries::WatchMatcher(const v1::WatchEventsRequest& request) {
  v1::ListEventsRequest list;
  list.set_participant(request.participant());
  list.set_organization(request.organization());
  list.set_country(request.country());
  list.set_location(request.location());
  list.set_type(request.type());
  list.set_start_date(request.start_date());
  list.set_end_date(request.end_date());
  PARLEY_ASSIGN_OR_RETURN(std::vector<TermFilter> filters, CheckedEventFilters(list));
  for (TermFilter& filter : filters) {
    if (filter.family != Family::kParticipantIndex) continue;
    PeopleResolver people(store_, &cache_);
    PARLEY_ASSIGN_OR_RETURN(std::string root, people.RootOf(filter.term));
    PARLEY_ASSIGN_OR_RETURN(std::vector<Member> members, people.MembersOf(root));
    for (const Member& m : members) filter.alternatives.push_back(m.id);
    // An id the store does not know yet still matches its own events.
    if (std::find(filter.alternatives.begin(), filter.alternatives.end(), filter.term) ==
        filter.alternatives.end()) {
      filter.alternatives.push_back(filter.term);
    }
  }
  return EventMatcher(std::move(filters), list.start_date(), list.end_date());
}

}  // namespace parley::service
