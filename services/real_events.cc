#include "services/real_events.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "common/text.h"
#include "storage/event_index.h"

namespace parley::service {
namespace {

struct DateRange {
  std::string_view start;
  std::string_view end;
};

DateRange RangeOf(const v1::Event& event) {
  std::string_view start = event.start_date();
  std::string_view end = event.end_date().empty() ? start : std::string_view(event.end_date());
  return {start, end};
}

std::set<std::string> ParticipantIds(const v1::Event& event) {
  std::set<std::string> ids;
  for (const v1::EventParticipant& p : event.participants()) {
    if (!p.participant().empty()) ids.insert(p.participant());
  }
  return ids;
}

bool ShareALocation(const v1::Event& a, const v1::Event& b) {
  std::set<std::string> places;
  for (const v1::Location& l : a.locations()) places.insert(FoldForMatch(l.name()));
  return std::any_of(b.locations().begin(), b.locations().end(), [&](const v1::Location& l) {
    return places.count(FoldForMatch(l.name())) > 0;
  });
}

}  // namespace

bool SameRealEvent(const v1::Event& a, const v1::Event& b) {
  if (a.name() == b.name()) return true;
  DateRange ra = RangeOf(a);
  DateRange rb = RangeOf(b);
  if (ra.start.empty() || rb.start.empty()) return false;
  if (ra.start > rb.end || rb.start > ra.end) return false;
  std::set<std::string> pa = ParticipantIds(a);
  int shared = 0;
  for (const std::string& id : ParticipantIds(b)) shared += pa.count(id) > 0;
  if (shared >= 2) return true;
  return shared == 1 && a.type() == b.type() && ShareALocation(a, b);
}

std::string StandingReport(const v1::Event& event) {
  std::string best = event.name();
  for (const std::string& other : event.other_reports()) best = std::min(best, other);
  return best;
}

}  // namespace parley::service
