// When two stored reports describe one real-world event. Pure.
//
// Several publishers report one meeting; counting reports would count the
// meeting several times. Two reports are of one event when their dates
// overlap and they share two participants, or one participant, the event
// type and a location. Participants are compared by id after identity links
// (services/people_resolver.h); locations after folding. Undated reports are
// never joined: nothing says they are the same day.
#ifndef PARLEY_SERVICES_REAL_EVENTS_H_
#define PARLEY_SERVICES_REAL_EVENTS_H_

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "parley/v1/event.pb.h"

namespace parley::service {

// What SameRealEvent compares, taken once from an event whose participant
// ids are the ids that stand for their people: comparing two sketches
// allocates nothing, and a sketch is a tenth of the event's size.
struct EventSketch {
  std::string name;  // "events/{id}"
  std::string start_date;
  std::string end_date;
  std::string published_date;
  v1::EventType type = v1::EVENT_TYPE_UNSPECIFIED;
  std::vector<std::string> participants;  // "participants/{id}", sorted, unique
  std::vector<std::string> locations;     // folded, sorted, unique
};

EventSketch SketchOf(const v1::Event& event);

// The sketch of the event a participant appearance records (its dates, type
// and places; storage/event_index.h), without participants and with its
// places as written, not yet folded (FoldLocations): folding costs more than
// the rest, and only decides when one participant is shared. Nullopt when
// the appearance does not record its event (stored before appearances did).
std::optional<EventSketch> SketchOfAppearance(const v1::ParticipantAppearance& appearance);

// Folds the sketch's places for comparison, sorted and unique.
void FoldLocations(EventSketch& sketch);

bool SameRealEvent(const EventSketch& a, const EventSketch& b);
bool SameRealEvent(const v1::Event& a, const v1::Event& b);

// For each report in `reports`, the report that stands for its real-world
// event when its other reports are looked for among `reports` only (a
// person's own reports: those that share the person): the smallest name of
// it and of the reports SameRealEvent joins it with. Comparing only reports
// whose dates overlap keeps it near linear in the number of reports.
std::vector<std::string> StandingReportsAmong(const std::vector<const EventSketch*>& reports);

// The report that stands for a real-world event: the smallest of the event's
// id and its other reports' ids ("events/{id}").
std::string StandingReport(const v1::Event& event);
template <typename Names>
std::string StandingReport(const std::string& name, const Names& other_reports) {
  std::string best = name;
  for (const std::string& other : other_reports) best = std::min(best, other);
  return best;
}

}  // namespace parley::service

#endif  // PARLEY_SERVICES_REAL_EVENTS_H_
