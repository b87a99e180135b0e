#include "storage/event_index.h"

#include <set>

#include "common/text.h"
#include "identity/person_key.h"
#include "parley/v1/parley_service.pb.h"
#include "storage/keys.h"

namespace parley::storage {
namespace {

constexpr std::string_view kEventPrefix = "events/";
constexpr std::string_view kParticipantPrefix = "participants/";

void AddTermEntries(Family family, const std::set<std::string>& terms,
                    const v1::Event& event, std::vector<IndexEntry>& out) {
  for (const std::string& term : terms) {
    if (term.empty()) continue;
    out.push_back({family, IndexKey(term, SortDate(event), EventId(event)), ""});
  }
}

}  // namespace

const char* FamilyName(Family family) {
  switch (family) {
    case Family::kMeta: return "meta";
    case Family::kArticles: return "articles";
    case Family::kEvents: return "events";
    case Family::kParticipants: return "participants";
    case Family::kTimeIndex: return "idx_time";
    case Family::kParticipantIndex: return "idx_participant";
    case Family::kOrganizationIndex: return "idx_organization";
    case Family::kCountryIndex: return "idx_country";
    case Family::kLocationIndex: return "idx_location";
    case Family::kTypeIndex: return "idx_type";
    case Family::kQuoteIndex: return "idx_quote";
    case Family::kNameIndex: return "idx_name";
    case Family::kChangeLog: return "change_log";
  }
  return "unknown";
}

std::string_view SortDate(const v1::Event& event) {
  return event.start_date().empty() ? std::string_view(event.published_date())
                                    : std::string_view(event.start_date());
}

std::string_view EventId(const v1::Event& event) {
  std::string_view name = event.name();
  if (name.substr(0, kEventPrefix.size()) == kEventPrefix) {
    name.remove_prefix(kEventPrefix.size());
  }
  return name;
}

std::string_view ParticipantId(std::string_view resource_name) {
  if (resource_name.substr(0, kParticipantPrefix.size()) != kParticipantPrefix) {
    return {};
  }
  return resource_name.substr(kParticipantPrefix.size());
}

std::string QuoteSpeakerKey(const v1::Quote& quote) {
  std::string_view id = ParticipantId(quote.speaker_participant());
  return id.empty() ? identity::PersonIdOf(quote.speaker()) : std::string(id);
}

std::vector<IndexEntry> IndexEntriesForEvent(const v1::Event& event) {
  std::vector<IndexEntry> entries;
  std::string_view date = SortDate(event);
  std::string_view event_id = EventId(event);
  entries.push_back({Family::kTimeIndex, EventOrderKey(date, event_id), ""});

  std::set<std::string> seen_participants;
  for (const v1::EventParticipant& participant : event.participants()) {
    std::string id(ParticipantId(participant.participant()));
    if (id.empty() || !seen_participants.insert(id).second) continue;
    v1::ParticipantAppearance appearance;
    appearance.set_event(event.name());
    appearance.set_date(std::string(date));
    appearance.set_name(participant.name());
    appearance.set_rank(participant.rank());
    appearance.set_role(participant.role());
    appearance.set_organization(participant.organization());
    appearance.set_start_date(event.start_date());
    appearance.set_end_date(event.end_date());
    appearance.set_type(event.type());
    for (const v1::Location& location : event.locations()) {
      appearance.add_locations(location.name());
    }
    entries.push_back({Family::kParticipantIndex, IndexKey(id, date, event_id),
                       appearance.SerializeAsString()});
  }

  std::set<std::string> organizations;
  for (const v1::Organization& organization : event.organizations()) {
    organizations.insert(FoldForMatch(organization.name()));
    organizations.insert(FoldForMatch(organization.acronym()));
  }
  for (const v1::EventParticipant& participant : event.participants()) {
    organizations.insert(FoldForMatch(participant.organization()));
  }
  AddTermEntries(Family::kOrganizationIndex, organizations, event, entries);

  std::set<std::string> countries;
  for (const v1::Country& country : event.countries()) countries.insert(country.code());
  for (const v1::Location& location : event.locations()) {
    countries.insert(location.country_code());
  }
  AddTermEntries(Family::kCountryIndex, countries, event, entries);

  std::set<std::string> locations;
  for (const v1::Location& location : event.locations()) {
    locations.insert(FoldForMatch(location.name()));
  }
  AddTermEntries(Family::kLocationIndex, locations, event, entries);

  AddTermEntries(Family::kTypeIndex, {v1::EventType_Name(event.type())}, event, entries);

  for (int i = 0; i < event.quotes_size(); ++i) {
    const v1::Quote& quote = event.quotes(i);
    std::string speaker = QuoteSpeakerKey(quote);
    if (speaker.empty()) continue;
    v1::QuoteResult result;
    result.set_event(event.name());
    result.set_date(std::string(date));
    *result.mutable_quote() = quote;
    entries.push_back({Family::kQuoteIndex,
                       QuoteKey(speaker, date, event_id, static_cast<uint32_t>(i)),
                       result.SerializeAsString()});
  }
  return entries;
}

std::vector<std::string> ParticipantNameTerms(const v1::Participant& participant) {
  std::set<std::string> terms;
  auto add_suffixes = [&terms](const std::string& name) {
    std::string folded = FoldForMatch(name);
    if (folded.empty()) return;
    terms.insert(folded);
    for (size_t space = folded.find(' '); space != std::string::npos;
         space = folded.find(' ', space + 1)) {
      terms.insert(folded.substr(space + 1));
    }
  };
  add_suffixes(participant.display_name());
  for (const std::string& alias : participant.aliases()) add_suffixes(alias);
  // The words of the person key, so that people are found by every word of
  // their key ("joseph" for "Joe Biden") when identity links are resolved.
  for (const std::string& word :
       identity::PersonKeyOf(ParticipantId(participant.name())).words) {
    terms.insert(word);
  }
  return {terms.begin(), terms.end()};
}

}  // namespace parley::storage
