#include "extract/places.h"

#include <string>
#include <vector>

#include "extract/participation.h"
#include "extract/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley::extract_internal {
namespace {

using testing_util::MakeArticle;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

std::vector<std::string> Locations(const std::string& body, const std::string& published) {
  NormalizedArticle a = MakeArticle("", body, published);
  Document doc = BuildDocument(a);
  std::vector<std::string> out;
  for (const FoundPlace& p : FindEventLocations(doc, {})) out.push_back(p.name);
  return out;
}

std::vector<std::string> Countries(const std::string& title, const std::string& body,
                                   const std::string& source = "") {
  NormalizedArticle a = MakeArticle(title, body, "2023-05-10", source);
  Document doc = BuildDocument(a);
  PeopleResult people = FindPeople(doc);
  DecideParticipants(doc, {}, {}, &people.people);
  std::vector<std::string> out;
  for (const FoundCountry& c : FindCountries(doc, people, {}, {})) out.push_back(c.code);
  return out;
}

TEST(PlacesTest, VisitedSiteOverTheDateline) {
  EXPECT_THAT(Locations("FORWARD OPERATING BASE KALSU, Iraq \xE2\x80\x93 The Under Secretary of "
                        "Defense for Policy visited Patrol Base Stone in southern Baghdad on "
                        "May 1 to see progress in a unique program.",
                        "2008-05-03"),
              ElementsAre("Patrol Base Stone"));
  // The city around a visited site is not another place of the event.
  EXPECT_THAT(Locations("Argentinian delegation led by Lt Gen Juan Martin Paleo visited the HAL "
                        "Facility in Bangalore yesterday.",
                        "2022-10-24"),
              ElementsAre("HAL Facility"));
}

TEST(PlacesTest, SitesWithPlaceHeadsAndSecondPlaces) {
  EXPECT_THAT(Locations("The bilateral exercise is being held at Salisbury Plains, United "
                        "Kingdom till May 11.",
                        "2023-05-09"),
              ElementsAre("Salisbury Plains"));
  // A quoted nickname does not hide the verb of the meeting.
  EXPECT_THAT(Locations("National Security Advisor Jake Sullivan met with Israeli Minister of "
                        "Defense Benjamin \xE2\x80\x9C" "Benny\xE2\x80\x9D Gantz on August 26 at "
                        "the White House to continue consultations.",
                        "2022-08-26"),
              ElementsAre("White House"));
  EXPECT_THAT(Locations("Principal Deputy National Security Advisor Jon Finer travelled to Guyana "
                        "and Colombia on February 4-5 to continue U.S. cooperation.",
                        "2024-02-05"),
              ElementsAre("Guyana", "Colombia"));
}

TEST(PlacesTest, OtherTripsAndEventsAreNotTheEventsPlaces) {
  EXPECT_THAT(Locations("Ambassador Dinesh Bhatia recently met Teniente General Juan Martin Paleo "
                        "as a follow-up meeting after his recent trip to India where he and his "
                        "team visited the Hindustan Aeronautic Limited (HAL) facility in "
                        "Bengaluru.",
                        "2022-11-07"),
              ElementsAre());
  EXPECT_THAT(Locations("NSA Ajit Doval on Monday held talks with his Iranian counterpart in "
                        "Tehran. Doval\xE2\x80\x99s visit to Iran comes ahead of a meeting of the "
                        "foreign ministers of the Shanghai Cooperation Organisation in Goa.",
                        "2023-05-02"),
              ElementsAre("Tehran"));
}

TEST(PlacesTest, DatelineAndCityNotTheCountryAfterIt) {
  EXPECT_THAT(Locations("BASRAH, Iraq \xE2\x80\x93 The Under Secretary of Defense for Policy sat "
                        "down for an informal lunch with troops.",
                        "2011-02-03"),
              ElementsAre("Basrah"));
  EXPECT_THAT(Locations("National Security Advisor Jake Sullivan traveled to Kyiv, Ukraine "
                        "today to meet with Ukrainian President Volodymyr Zelenskyy.",
                        "2024-03-20"),
              ElementsAre("Kyiv"));
}

TEST(PlacesTest, PlacesNearTheVerbOnly) {
  EXPECT_THAT(
      Locations("A delegation travelled to Seoul to meet with representatives. The "
                "delegations visited the Korean Army headquarters in Gyeryongdae. The staff "
                "talks concluded with a tour of the Joint Security Area. They discussed the "
                "situation in the Red Sea.",
                "2023-02-17"),
      ElementsAre("Seoul", "Gyeryongdae", "Joint Security Area"));
}

TEST(PlacesTest, FutureAndPastPlacesAreSkipped) {
  EXPECT_THAT(Locations("US National Security Advisor Jake Sullivan had a meeting with his Indian "
                        "counterpart in Saudi Arabia on Sunday, and the two are scheduled to "
                        "meet again in Australia later this month.",
                        "2023-05-08"),
              ElementsAre("Saudi Arabia"));
}

TEST(PlacesTest, CountriesTakingPart) {
  EXPECT_THAT(Countries("India, France Carry Out Joint Exercise",
                        "Rafale jets of India and France have been jointly carrying out aerial "
                        "drills. Besides the IAF, air forces from several other countries "
                        "including Germany, Greece, Italy and Spain are participating in the "
                        "exercise. China claims the sea."),
              UnorderedElementsAre("IN", "FR", "DE", "GR", "IT", "ES"));
  // The publisher's state, and no adversary.
  EXPECT_THAT(Countries("Statement on National Security Advisor Jake Sullivan\xE2\x80\x99s Visit to "
                        "Kyiv, Ukraine",
                        "National Security Advisor Jake Sullivan traveled to Kyiv to reaffirm "
                        "support to Ukraine in its self-defense against Russia\xE2\x80\x99s "
                        "brutal invasion.",
                        "The White House"),
              UnorderedElementsAre("US", "UA"));
}

TEST(PlacesTest, OrganisationCountry) {
  EXPECT_EQ(OrgCountry("Indian Air Force"), "IN");
  EXPECT_EQ(OrgCountry("Republic of Korea Army"), "KR");
  EXPECT_EQ(OrgCountry("USS Ronald Reagan"), "US");
  EXPECT_EQ(OrgCountry("Battle Force 7th Fleet"), "");
}

}  // namespace
}  // namespace parley::extract_internal
