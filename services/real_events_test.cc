#include "services/real_events.h"

#include <random>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace parley::service {
namespace {

v1::Event Report(const std::string& id, const std::string& start, const std::string& end,
                 std::vector<std::string> people, const std::string& place,
                 v1::EventType type = v1::MEETING) {
  v1::Event event;
  event.set_name("events/" + id);
  event.set_start_date(start);
  event.set_end_date(end);
  event.set_type(type);
  for (const std::string& p : people) {
    event.add_participants()->set_participant("participants/" + p);
  }
  if (!place.empty()) event.add_locations()->set_name(place);
  return event;
}

// The Yoon-Kishida meeting of 2023-03-16, reported by both governments.
TEST(SameRealEventTest, TwoSharedParticipantsOnOverlappingDatesAreOneEvent) {
  v1::Event us = Report("mofa", "2023-03-16", "2023-03-16", {"fumio-kishida", "suk-yeol-yoon"},
                        "Tokyo");
  v1::Event kr = Report("kr", "2023-03-16", "2023-03-17",
                        {"suk-yeol-yoon", "fumio-kishida", "jin-park"}, "");
  EXPECT_TRUE(SameRealEvent(us, kr));
  EXPECT_TRUE(SameRealEvent(kr, us));
  kr.set_start_date("2023-03-18");
  kr.set_end_date("2023-03-18");
  EXPECT_FALSE(SameRealEvent(us, kr));  // a later meeting of the same people
}

TEST(SameRealEventTest, OneSharedParticipantNeedsTheTypeAndAPlace) {
  v1::Event a = Report("a", "2023-02-13", "2023-02-14", {"diella-francesco"}, "Seoul");
  v1::Event b = Report("b", "2023-02-14", "2023-02-14", {"diella-francesco"}, "SEOUL");
  EXPECT_TRUE(SameRealEvent(a, b));
  b.set_type(v1::VISIT);
  EXPECT_FALSE(SameRealEvent(a, b));
  b.set_type(v1::MEETING);
  b.mutable_locations(0)->set_name("Busan");
  EXPECT_FALSE(SameRealEvent(a, b));
}

TEST(SameRealEventTest, UndatedReportsAreNeverJoined) {
  v1::Event a = Report("a", "", "", {"x", "y"}, "");
  v1::Event b = Report("b", "", "", {"x", "y"}, "");
  EXPECT_FALSE(SameRealEvent(a, b));
}

// A participant appearance records its event's dates, type and places: a
// report found in the index under one shared person is decided on those.
TEST(SketchOfAppearanceTest, RecordsWhatTheEventWasUntilPlacesAreFolded) {
  v1::ParticipantAppearance appearance;
  appearance.set_event("events/b");
  appearance.set_start_date("2023-03-16");
  appearance.set_end_date("2023-03-17");
  appearance.set_type(v1::MEETING);
  appearance.add_locations("Tōkyō ");
  appearance.add_locations("TOKYO");
  std::optional<EventSketch> sketch = SketchOfAppearance(appearance);
  ASSERT_TRUE(sketch.has_value());
  EXPECT_EQ(sketch->name, "events/b");
  EXPECT_EQ(sketch->end_date, "2023-03-17");
  sketch->participants = {"participants/kishida-fumio"};
  EventSketch tokyo = SketchOf(Report("a", "2023-03-16", "2023-03-16", {"kishida-fumio"}, "Tokyo"));
  EXPECT_FALSE(SameRealEvent(tokyo, *sketch));  // places as written
  FoldLocations(*sketch);
  EXPECT_EQ(sketch->locations, std::vector<std::string>{"tokyo"});
  EXPECT_TRUE(SameRealEvent(tokyo, *sketch));

  appearance.clear_type();  // stored before appearances recorded their event
  EXPECT_FALSE(SketchOfAppearance(appearance).has_value());
}

TEST(StandingReportTest, TheSmallestIdStandsForTheEvent) {
  v1::Event a = Report("b", "2023-01-01", "", {}, "");
  a.add_other_reports("events/c");
  a.add_other_reports("events/a");
  EXPECT_EQ(StandingReport(a), "events/a");
}

// A person's reports: two of one Tokyo meeting, a later meeting of the same
// people, one undated.
TEST(StandingReportsAmongTest, ReportsOfOneMeetingShareTheSmallestName) {
  std::vector<EventSketch> sketches = {
      SketchOf(Report("kr", "2023-03-16", "2023-03-17", {"kishida", "yoon"}, "")),
      SketchOf(Report("later", "2023-03-18", "", {"kishida", "yoon"}, "")),
      SketchOf(Report("undated", "", "", {"kishida", "yoon"}, "")),
      SketchOf(Report("jp", "2023-03-16", "", {"kishida", "yoon"}, "Tokyo")),
  };
  std::vector<const EventSketch*> reports;
  for (const EventSketch& sketch : sketches) reports.push_back(&sketch);
  EXPECT_EQ(StandingReportsAmong(reports),
            (std::vector<std::string>{"events/jp", "events/later", "events/undated", "events/jp"}));
}

// The windowed pass must find every pair the definition joins: on random
// reports (few people, places and days, so that many pairs join), it agrees
// with comparing every report with every other.
TEST(StandingReportsAmongTest, AgreesWithComparingEveryPair) {
  std::mt19937 random(7);
  auto pick = [&](int n) { return static_cast<int>(random() % n); };
  for (int round = 0; round < 50; ++round) {
    std::vector<EventSketch> sketches;
    for (int i = 0; i < 40; ++i) {
      int day = 1 + pick(20);
      std::string start = pick(10) == 0 ? "" : absl::StrCat("2023-03-", day < 10 ? "0" : "", day);
      int last = std::min(28, day + pick(3));
      std::string end = start.empty() || pick(2) == 0
                            ? ""
                            : absl::StrCat("2023-03-", last < 10 ? "0" : "", last);
      std::vector<std::string> people;
      for (int p = 0; p < 1 + pick(3); ++p) people.push_back(absl::StrCat("p", pick(5)));
      sketches.push_back(SketchOf(Report(absl::StrCat("r", pick(1000), "-", i), start, end, people,
                                         pick(2) ? "Tokyo" : "Seoul",
                                         pick(2) ? v1::MEETING : v1::VISIT)));
    }
    std::vector<const EventSketch*> reports;
    for (const EventSketch& sketch : sketches) reports.push_back(&sketch);
    std::vector<std::string> standing = StandingReportsAmong(reports);
    for (size_t i = 0; i < sketches.size(); ++i) {
      std::vector<std::string> others;
      for (size_t j = 0; j < sketches.size(); ++j) {
        if (j != i && SameRealEvent(sketches[i], sketches[j])) others.push_back(sketches[j].name);
      }
      EXPECT_EQ(standing[i], StandingReport(sketches[i].name, others)) << "round " << round;
    }
  }
}

}  // namespace
}  // namespace parley::service
