#include "storage/event_index.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/keys.h"
#include "storage/testing/sample_events.h"

namespace parley::storage {
namespace {

using ::testing::Contains;
using ::testing::UnorderedElementsAre;
using testing::MakeEvent;

std::vector<std::string> TermsOf(const std::vector<IndexEntry>& entries, Family family) {
  std::vector<std::string> terms;
  for (const IndexEntry& entry : entries) {
    if (entry.family != family) continue;
    terms.push_back(ParseIndexKey(entry.key, family != Family::kTimeIndex)->term);
  }
  return terms;
}

TEST(IndexEntriesForEventTest, IndexesEveryQueryableFact) {
  v1::Event event = MakeEvent(
      "e1", "2023-02-13",
      {{"Francesco Diella", "Lieutenant General", "Director", "NATO Cooperative Security Division"},
       {"Park Jeong-hwan", "General", "Chief of Staff", "Republic of Korea Army"}},
      {"Republic of Korea Joint Chiefs of Staff"}, "KR", "Gyeryongdae");
  event.mutable_organizations(0)->set_acronym("JCS");
  event.mutable_locations(0)->set_country_code("KR");
  auto* quote = event.add_quotes();
  quote->set_speaker("Francesco Diella");
  quote->set_speaker_participant("participants/francesco-diella");
  quote->set_text("NATO and Korea are strong partners.");

  std::vector<IndexEntry> entries = IndexEntriesForEvent(event);
  EXPECT_THAT(TermsOf(entries, Family::kTimeIndex), UnorderedElementsAre(""));
  EXPECT_THAT(TermsOf(entries, Family::kParticipantIndex),
              UnorderedElementsAre("diella-francesco", "hwan-jeong-park"));
  EXPECT_THAT(TermsOf(entries, Family::kOrganizationIndex),
              UnorderedElementsAre("republic of korea joint chiefs of staff", "jcs",
                                   "nato cooperative security division",
                                   "republic of korea army"));
  EXPECT_THAT(TermsOf(entries, Family::kCountryIndex), UnorderedElementsAre("KR"));
  EXPECT_THAT(TermsOf(entries, Family::kLocationIndex), UnorderedElementsAre("gyeryongdae"));
  EXPECT_THAT(TermsOf(entries, Family::kTypeIndex), UnorderedElementsAre("STAFF_TALKS"));
  EXPECT_THAT(TermsOf(entries, Family::kQuoteIndex), Contains("francesco-diella"));
}

TEST(IndexEntriesForEventTest, AppearanceCarriesWhatTheArticleSaid) {
  v1::Event event = MakeEvent("e1", "2023-02-13",
                              {{"Su-Kwang Kim", "Major General", "Director", "ROK JCS"}},
                              {}, "KR", "Seoul");
  event.add_locations()->set_name("Gyeryongdae");
  event.set_end_date("2023-02-14");
  int appearances = 0;
  for (const IndexEntry& entry : IndexEntriesForEvent(event)) {
    if (entry.family != Family::kParticipantIndex) continue;
    ++appearances;
    v1::ParticipantAppearance appearance;
    ASSERT_TRUE(appearance.ParseFromString(entry.value));
    EXPECT_EQ(appearance.event(), "events/e1");
    EXPECT_EQ(appearance.date(), "2023-02-13");
    EXPECT_EQ(appearance.rank(), "Major General");
    EXPECT_EQ(appearance.organization(), "ROK JCS");
    // What the event was, when and where, for finding its other reports
    // without reading it.
    EXPECT_EQ(appearance.start_date(), "2023-02-13");
    EXPECT_EQ(appearance.end_date(), "2023-02-14");
    EXPECT_EQ(appearance.type(), event.type());
    EXPECT_THAT(appearance.locations(), ::testing::ElementsAre("Seoul", "Gyeryongdae"));
  }
  EXPECT_EQ(appearances, 1);
}

TEST(IndexEntriesForEventTest, UndatedEventFallsBackToPublicationDate) {
  v1::Event event = MakeEvent("e2", "", {});
  event.set_published_date("2024-09-25");
  EXPECT_EQ(SortDate(event), "2024-09-25");
  auto time_key = IndexEntriesForEvent(event).front().key;
  EXPECT_EQ(ParseIndexKey(time_key, false)->day, DayNumber("2024-09-25"));
}

TEST(ParticipantNameTermsTest, EveryTokenSuffixOfEveryName) {
  v1::Participant participant;
  participant.set_display_name("Francesco Diella");
  participant.add_aliases("Francesco Diella");
  participant.add_aliases("Lt. Gen. Diella");
  EXPECT_THAT(ParticipantNameTerms(participant),
              UnorderedElementsAre("francesco diella", "diella", "lt. gen. diella",
                                   "gen. diella"));
}

TEST(ResourceNamesTest, IdsComeFromResourceNames) {
  EXPECT_EQ(ParticipantId("participants/su-kwang-kim"), "su-kwang-kim");
  EXPECT_EQ(ParticipantId("events/x"), "");
  v1::Quote quote;
  quote.set_speaker("Indian Navy");
  EXPECT_EQ(QuoteSpeakerKey(quote), "indian-navy");
}

}  // namespace
}  // namespace parley::storage
