#include "extract/classify.h"

#include <string>
#include <vector>

#include "extract/test_util.h"
#include "gtest/gtest.h"

namespace parley::extract_internal {
namespace {

using testing_util::MakeArticle;

v1::EventType TypeOf(const std::string& title, const std::string& body) {
  NormalizedArticle a = MakeArticle(title, body);
  Document doc = BuildDocument(a);
  return ClassifyEvent(doc).type;
}

TEST(ClassifyTest, HeadlineDecides) {
  EXPECT_EQ(TypeOf("NATO military delegation at staff talks with Partner, Republic of Korea",
                   "The delegation met Korean officials."),
            v1::STAFF_TALKS);
  EXPECT_EQ(TypeOf("India, France Carry Out Joint \xE2\x80\x98" "Exercise Orion\xE2\x80\x99 Drills "
                   "With Rafale Jets",
                   "Rafale jets of India and France have been jointly carrying out aerial drills."),
            v1::EXERCISE);
  EXPECT_EQ(TypeOf("Air Chief Pays Tribute To Soldiers Who Died During Peacekeeping Mission In "
                   "Lanka",
                   "He paid respects to the brave Indian soldiers."),
            v1::CEREMONY);
  // A meeting beats the summit it happened at.
  EXPECT_EQ(TypeOf("PM Modi meets Ukranian President Zelenskyy on sidelines of G7 summit in "
                   "Hiroshima",
                   "Prime Minister Narendra Modi on Saturday held talks."),
            v1::MEETING);
  EXPECT_EQ(TypeOf("Readout of Principal Deputy National Security Advisor Jon Finer\xE2\x80\x99s "
                   "Travel to India",
                   "Jon Finer led a U.S. delegation to New Delhi on December 4."),
            v1::VISIT);
}

TEST(ClassifyTest, HeadlineNamesItsMainActionFirst) {
  EXPECT_EQ(TypeOf("NSA Doval visits Iran, holds talks with Iranian counterpart",
                   "National Security Advisor Ajit Doval held talks in Tehran."),
            v1::VISIT);
  EXPECT_EQ(TypeOf("Navy Chief attends inaugural ceremony of India-ASEAN naval exercise",
                   "Admiral R Hari Kumar attended the ceremony at Changi."),
            v1::CEREMONY);
  // "Bilateral" is an adjective of the noun that names the event.
  EXPECT_EQ(TypeOf("Royal Air Force to have a Bilateral training exercise in India",
                   "The exercise will be held at Kalaikunda."),
            v1::EXERCISE);
  EXPECT_EQ(TypeOf("India and Indonesia to Forge Air Force Bilateral Agreement",
                   "The two air forces will sign the agreement."),
            v1::AGREEMENT);
}

TEST(ClassifyTest, ConductedOperationsInAHeadlineAreAnExercise) {
  EXPECT_EQ(TypeOf("Ronald Reagan, Carl Vinson Conduct Dual Carrier Strike Group Operations",
                   "The two carriers sailed together in the Sea of Japan."),
            v1::EXERCISE);
  EXPECT_EQ(TypeOf("Army commanders to get meteorological app for operations",
                   "The app gives commanders forecasts for their operations."),
            v1::OTHER);
}

TEST(ClassifyTest, StatementAboutAMeetingIsTheMeeting) {
  EXPECT_EQ(TypeOf("Statement by NSC Spokesperson Emily Horne on National Security Advisor Jake "
                   "Sullivan\xE2\x80\x99s Meeting with Lieutenant General Aviv Kohavi",
                   "National Security Advisor Jake Sullivan met today in Washington."),
            v1::MEETING);
}

TEST(ClassifyTest, BodyDecidesWhenHeadlineIsSilent) {
  EXPECT_EQ(TypeOf("George Washington Carrier Strike Group strengthens relationships with "
                   "Australia",
                   "The Nimitz-class aircraft carrier USS George Washington (CVN 73) hosted "
                   "distinguished visitors from Australia to receive a first-hand look."),
            v1::VISIT);
  EXPECT_EQ(TypeOf("HTFE-25 jet Powered HALE UAV could be ideal for long-endurance operations",
                   "The engine could power a high-altitude drone. It is still unknown."),
            v1::OTHER);
}

}  // namespace
}  // namespace parley::extract_internal
