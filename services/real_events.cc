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

DateRange RangeOf(const EventSketch& event) {
  std::string_view start = event.start_date;
  std::string_view end = event.end_date.empty() ? start : std::string_view(event.end_date);
  return {start, end};
}

void SortUnique(std::vector<std::string>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

// Both sorted: counts common values, stopping at `enough`.
int CountShared(const std::vector<std::string>& a, const std::vector<std::string>& b,
                int enough) {
  int shared = 0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end() && shared < enough) {
    int order = i->compare(*j);
    if (order == 0) ++shared;
    if (order <= 0) ++i;
    if (order >= 0) ++j;
  }
  return shared;
}

}  // namespace

EventSketch SketchOf(const v1::Event& event) {
  EventSketch sketch;
  sketch.name = event.name();
  sketch.start_date = event.start_date();
  sketch.end_date = event.end_date();
  sketch.published_date = event.published_date();
  sketch.type = event.type();
  for (const v1::EventParticipant& p : event.participants()) {
    if (!p.participant().empty()) sketch.participants.push_back(p.participant());
  }
  SortUnique(sketch.participants);
  for (const v1::Location& l : event.locations()) sketch.locations.push_back(l.name());
  FoldLocations(sketch);
  return sketch;
}

std::optional<EventSketch> SketchOfAppearance(const v1::ParticipantAppearance& appearance) {
  if (appearance.type() == v1::EVENT_TYPE_UNSPECIFIED) return std::nullopt;
  EventSketch sketch;
  sketch.name = appearance.event();
  sketch.start_date = appearance.start_date();
  sketch.end_date = appearance.end_date();
  sketch.type = appearance.type();
  sketch.locations.assign(appearance.locations().begin(), appearance.locations().end());
  return sketch;
}

void FoldLocations(EventSketch& sketch) {
  for (std::string& location : sketch.locations) location = FoldForMatch(location);
  SortUnique(sketch.locations);
}

bool SameRealEvent(const EventSketch& a, const EventSketch& b) {
  if (a.name == b.name) return true;
  DateRange ra = RangeOf(a);
  DateRange rb = RangeOf(b);
  if (ra.start.empty() || rb.start.empty()) return false;
  if (ra.start > rb.end || rb.start > ra.end) return false;
  int shared = CountShared(a.participants, b.participants, 2);
  if (shared >= 2) return true;
  return shared == 1 && a.type == b.type && CountShared(a.locations, b.locations, 1) == 1;
}

std::vector<std::string> StandingReportsAmong(const std::vector<const EventSketch*>& reports) {
  std::vector<std::string> standing;
  standing.reserve(reports.size());
  std::vector<size_t> dated;
  for (size_t i = 0; i < reports.size(); ++i) {
    standing.push_back(reports[i]->name);
    if (!reports[i]->start_date.empty()) dated.push_back(i);
  }
  std::sort(dated.begin(), dated.end(), [&](size_t a, size_t b) {
    return reports[a]->start_date < reports[b]->start_date;
  });
  // A later-starting report overlaps this one only if it starts by this
  // one's end: the scan of the sorted reports stops at the first that does not.
  for (size_t k = 0; k < dated.size(); ++k) {
    const EventSketch& report = *reports[dated[k]];
    const std::string_view end = RangeOf(report).end;
    for (size_t m = k + 1; m < dated.size() && reports[dated[m]]->start_date <= end; ++m) {
      if (!SameRealEvent(report, *reports[dated[m]])) continue;
      std::string& mine = standing[dated[k]];
      std::string& theirs = standing[dated[m]];
      mine = std::min(mine, reports[dated[m]]->name);
      theirs = std::min(theirs, report.name);
    }
  }
  return standing;
}

bool SameRealEvent(const v1::Event& a, const v1::Event& b) {
  return SameRealEvent(SketchOf(a), SketchOf(b));
}

std::string StandingReport(const v1::Event& event) {
  return StandingReport(event.name(), event.other_reports());
}

}  // namespace parley::service
