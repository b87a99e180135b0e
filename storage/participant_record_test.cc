#include "storage/participant_record.h"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley::storage {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

v1::ParticipantAppearance Appearance(const std::string& event, const std::string& date,
                                     const std::string& name, const std::string& rank,
                                     const std::string& role, const std::string& organization) {
  v1::ParticipantAppearance a;
  a.set_event("events/" + event);
  a.set_date(date);
  a.set_name(name);
  a.set_rank(rank);
  a.set_role(role);
  a.set_organization(organization);
  return a;
}

// Francesco Diella's record as pool articles state it: a promotion from
// Major General to Lieutenant General, and a role written two ways.
std::vector<v1::ParticipantAppearance> DiellaAppearances() {
  return {
      Appearance("a", "2021-05-04", "Francesco Diella", "Major General", "Director",
                 "NATO Cooperative Security Division"),
      Appearance("b", "2022-06-01", "Francesco DIELLA", "Major General", "Director",
                 "NATO Cooperative Security Division"),
      Appearance("c", "2023-02-13", "Francesco Diella", "Lieutenant General", "Director",
                 "NATO Cooperative Security Division"),
      Appearance("d", "2023-09-20", "Diella", "Lieutenant General", "Director",
                 "NATO Cooperative Security Division"),
      Appearance("e", "", "Francesco Diella", "", "", ""),
  };
}

TEST(ParticipantRecordTest, APromotionIsTwoHistoryEntriesNewestFirst) {
  v1::Participant p = ParticipantFromRecord("diella-francesco",
                                            RecordFromAppearances(DiellaAppearances()));
  EXPECT_EQ(p.name(), "participants/diella-francesco");
  EXPECT_EQ(p.display_name(), "Francesco DIELLA");
  EXPECT_THAT(p.aliases(), UnorderedElementsAre("Diella", "Francesco DIELLA"));
  EXPECT_EQ(p.event_count(), 5);
  EXPECT_EQ(p.rank(), "Lieutenant General");
  EXPECT_EQ(p.role(), "Director");
  EXPECT_EQ(p.first_event_date(), "2021-05-04");
  EXPECT_EQ(p.last_event_date(), "2023-09-20");
  ASSERT_EQ(p.history_size(), 3);
  EXPECT_EQ(p.history(0).rank(), "Lieutenant General");
  EXPECT_EQ(p.history(0).first_date(), "2023-02-13");
  EXPECT_EQ(p.history(0).last_date(), "2023-09-20");
  EXPECT_EQ(p.history(0).event_count(), 2);
  EXPECT_EQ(p.history(1).rank(), "Major General");
  EXPECT_EQ(p.history(1).first_date(), "2021-05-04");
  EXPECT_EQ(p.history(1).last_date(), "2022-06-01");
  EXPECT_EQ(p.history(2).event_count(), 1);  // the undated appearance with no title
}

TEST(ParticipantRecordTest, OrderOfArrivalDoesNotMatter) {
  std::vector<v1::ParticipantAppearance> appearances = DiellaAppearances();
  std::string reference = RecordFromAppearances(appearances).SerializeAsString();
  std::mt19937 random(7);
  for (int round = 0; round < 20; ++round) {
    std::shuffle(appearances.begin(), appearances.end(), random);
    EXPECT_EQ(RecordFromAppearances(appearances).SerializeAsString(), reference);
  }
}

TEST(ParticipantRecordTest, RemovingGivesTheRecordOfTheRestOrAsksForARebuild) {
  std::vector<v1::ParticipantAppearance> all = DiellaAppearances();
  for (size_t removed = 0; removed < all.size(); ++removed) {
    records::ParticipantRecord record = RecordFromAppearances(all);
    std::vector<v1::ParticipantAppearance> rest = all;
    rest.erase(rest.begin() + static_cast<long>(removed));
    bool in_place = RemoveAppearance(all[removed], record);
    if (in_place) {
      EXPECT_EQ(record.SerializeAsString(), RecordFromAppearances(rest).SerializeAsString())
          << "removing " << all[removed].event();
    }
  }
  // The middle appearance of an entry with three is removed in place.
  std::vector<v1::ParticipantAppearance> three = {
      Appearance("a", "2021-01-01", "X Y", "General", "", ""),
      Appearance("b", "2021-06-01", "X Y", "General", "", ""),
      Appearance("c", "2021-12-01", "X Y", "General", "", "")};
  records::ParticipantRecord record = RecordFromAppearances(three);
  EXPECT_TRUE(RemoveAppearance(three[1], record));
  // A bound with others left in its entry is not.
  EXPECT_FALSE(RemoveAppearance(three[0], record));
}

TEST(ParticipantRecordTest, RemovingEverythingEmptiesTheRecord) {
  std::vector<v1::ParticipantAppearance> one = {
      Appearance("a", "2021-01-01", "X Y", "General", "", "")};
  records::ParticipantRecord record = RecordFromAppearances(one);
  EXPECT_TRUE(RemoveAppearance(one[0], record));
  EXPECT_EQ(record.event_count(), 0);
  EXPECT_EQ(record.names_size(), 0);
  EXPECT_EQ(record.history_size(), 0);
  EXPECT_THAT(ParticipantFromRecord("x-y", record).aliases(), ElementsAre());
}

}  // namespace
}  // namespace parley::storage
