// Which index entries an event owns. Pure: the store writes exactly these for
// a new event and deletes exactly these when the event is replaced, so
// re-delivery and updates never leave stale entries behind.
#ifndef PARLEY_STORAGE_EVENT_INDEX_H_
#define PARLEY_STORAGE_EVENT_INDEX_H_

#include <string>
#include <string_view>
#include <vector>

#include "parley/v1/event.pb.h"

namespace parley::storage {

// Column families. Names are part of the on-disk schema.
enum class Family {
  kMeta,                // schema version, consumed offsets
  kArticles,            // article id -> StoredArticle
  kEvents,              // event id -> v1.Event
  kParticipants,        // participant id -> v1.Participant (no appearances)
  kTimeIndex,           // EventOrderKey -> ""
  kParticipantIndex,    // participant id -> ParticipantAppearance
  kOrganizationIndex,   // folded organisation name or acronym -> ""
  kCountryIndex,        // ISO alpha-2 -> ""
  kLocationIndex,       // folded location -> ""
  kTypeIndex,           // EventType name -> ""
  kQuoteIndex,          // speaker id -> QuoteResult (QuoteKey)
  kNameIndex,           // folded name suffix -> "" (NameKey)
  kChangeLog,           // BE64(sequence) -> ChangeRecord
};
inline constexpr int kFamilyCount = 13;
const char* FamilyName(Family family);
// The secondary indexes (time, participant, ..., name): scanned by prefix,
// never looked up by a whole key.
constexpr bool IsIndexFamily(Family family) {
  return family >= Family::kTimeIndex && family <= Family::kNameIndex;
}

struct IndexEntry {
  Family family;
  std::string key;
  std::string value;
};

// The sort date of an event: its start date, else the publication date.
std::string_view SortDate(const v1::Event& event);

// Event id from "events/{id}".
std::string_view EventId(const v1::Event& event);

// Participant id from "participants/{id}", empty otherwise.
std::string_view ParticipantId(std::string_view resource_name);

// The speaker key of a quote: the participant id when resolved, otherwise a
// slug of the speaker's name (organisations as speakers).
std::string QuoteSpeakerKey(const v1::Quote& quote);

// Every index entry of `event`, excluding the participant records and name
// index, which aggregate over events (see ParticipantNameTerms).
std::vector<IndexEntry> IndexEntriesForEvent(const v1::Event& event);

// Folded name terms under which a participant is found by prefix search:
// each name and alias, and each of their token suffixes ("francesco diella",
// "diella"), so that a prefix of any name token matches; and each word of the
// participant's person key ("joseph" for "Joe Biden").
std::vector<std::string> ParticipantNameTerms(const v1::Participant& participant);

}  // namespace parley::storage

#endif  // PARLEY_STORAGE_EVENT_INDEX_H_
