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

struct TypeCase {
  const char* title;
  const char* body;
  v1::EventType type;
};

void ExpectTypes(const std::vector<TypeCase>& cases) {
  for (const TypeCase& c : cases) {
    EXPECT_EQ(v1::EventType_Name(TypeOf(c.title, c.body)), v1::EventType_Name(c.type))
        << c.title << " | " << c.body;
  }
}

TEST(ClassifyTest, CallsAndStaffDiscussionsInHeadlines) {
  ExpectTypes({
      {"JFC Brunssum / United States European Command Staff Discussions",
       "Today, Commander Joint Force Command Brunssum conducted talks with their counterparts.",
       v1::STAFF_TALKS},
      // A telephone or video conference is a meeting, not a conference.
      {"Japan-Australia Defence Ministerial Telephone Conference (Summary)",
       "On April 28, Defense Minister Hamada and Deputy Prime Minister and Minister for Defence "
       "Marles held a telephone conference.",
       v1::MEETING},
      {"Courtesy call on Foreign Minister Kamikawa by Ambassadors to the North Atlantic Treaty "
       "Organization",
       "On December 11, Ms. KAMIKAWA Yoko, Minister for Foreign Affairs, received a courtesy "
       "call.",
       v1::MEETING},
  });
}

// "Discusses" reports what was said: an event noun in the same headline
// names the event, and alone it is still a meeting.
TEST(ClassifyTest, DiscussesYieldsToTheHeadlinesEventNoun) {
  ExpectTypes({
      {"Chairman of the NATO Military Committee discusses Projecting Stability on visit to "
       "Italy",
       "Air Chief Marshal Sir Stuart Peach visited the NATO Joint Forces Command in Naples.",
       v1::VISIT},
      {"Secretary Discusses Iran With Israeli Defense Minister",
       "Defense Secretary Chuck Hagel spoke with Israeli Defense Minister Moshe Yaalon.",
       v1::MEETING},
  });
}

TEST(ClassifyTest, LeadSentenceNamesItsMainActionFirst) {
  ExpectTypes({
      {"",
       "Royal Navy Vice Admiral Peter Hudson CBE, Commander of NATO\xE2\x80\x99s Allied Maritime "
       "Command, visited Joint Warfare Centre (JWC) on Wednesday, 4 February, in preparation for "
       "exercise TRIDENT JEWEL (TRJL 15).",
       v1::VISIT},
      {"NSPA General Manager addresses NATO's North Atlantic Council representatives",
       "LUXEMBOURG - On 6 October 2021, NSPA General Manager, Ms Stacy Cummings, addressed the 30 "
       "NATO Allies representatives during a North Atlantic Council session at NATO Headquarters "
       "in Brussels, ahead of the meeting with the National Security Advisers on 7 October. Her "
       "speech focused on its growing role in support of NATO operations and exercises.",
       v1::MEETING},
      // The first sentence that names an event decides, not a later one.
      {"NATO Air Chiefs discuss how to further accelerate air, space power integration",
       "Allied and partner Air Chiefs came together on Ramstein Air Base for the bi-annual NATO "
       "Air Chiefs\xE2\x80\x99 Symposium on March 16. Hosted by U.S. Air Force Gen. James Hecker, "
       "the meeting allowed allied Air Chiefs the opportunity to come together.",
       v1::CONFERENCE},
  });
}

TEST(ClassifyTest, KeywordsInsideNamesAreNotEvents) {
  ExpectTypes({
      // "Treaty" before the head "Organization".
      {"",
       "The North Atlantic Treaty Organization\xE2\x80\x99s Supreme Allied Commander "
       "Transformation Headquarters hosted the 2019 Chiefs of Transformation Conference at the "
       "Hilton Norfolk from Dec. 11 to 12.",
       v1::CONFERENCE},
      // "Training" before the head "Centre".
      {"", "On 22 and 23 May, NATO Joint Force Training Centre celebrated its 20th anniversary.",
       v1::CEREMONY},
      // A dateline in capitals: not training; the closing ceremony is the event.
      {"",
       "FIVE HILLS TRAINING AREA, Mongolia \xE2\x80\x93 The multinational peacekeeping exercise "
       "Khaan Quest 2018 was officially brought to an end with the closing ceremony June 28.",
       v1::CEREMONY},
      // "Training" before the head "Conference" of one name.
      {"",
       "Stavanger, Norway - On Wednesday 30 November 2016, General Salvatore Farina, Commander "
       "JFC Brunssum chaired the TRIDENT JAVELIN 2017 Training Audience Commanders\xE2\x80\x99 "
       "Conference in Stavanger.",
       v1::CONFERENCE},
      // An acronym keyword alone in capitals still counts.
      {"",
       "An MOU on defence cooperation was exchanged between the two ministries in New Delhi.",
       v1::AGREEMENT},
  });
}

TEST(ClassifyTest, ClosingCeremoniesAndHandovers) {
  ExpectTypes({
      // The closing ceremony wins over the exercise named first in its sentence.
      {"",
       "The multinational peacekeeping exercise Khaan Quest 2018 was officially brought to an end "
       "with the closing ceremony June 28.",
       v1::CEREMONY},
      {"US Air Force assumes lead of 45th rotation of Baltic Air Policing",
       "SIAULIAI, Lithuania - The United States Air Force took over the lead of NATO\xE2\x80\x99s "
       "Baltic Air Policing mission at \xC5\xA0iauliai Air Base, Lithuania, from the Polish Air "
       "Force. Dr. Vytautas Umbrasas, Vice Minister of National Defence, and United States Air "
       "Force General Tod D. Wolters, Commander of NATO\xE2\x80\x99s Allied Air Command and of "
       "United States Air Forces in Europe, presided over the official handover of the key to the "
       "Baltic airspace.",
       v1::CEREMONY},
      {"America Delivers $25 million in Weapons and Ammunition to the Lebanese Army",
       "Today American Ambassador David Hale presided over the delivery of $25 million in "
       "assistance to the Lebanese Armed Forces (LAF) via the M/V Advantage vessel at the Beirut "
       "Port.",
       v1::CEREMONY},
  });
}

TEST(ClassifyTest, WelcomingSomeoneIsAVisit) {
  ExpectTypes({
      {"",
       "PRISTINA - KFOR Commander, Major General Franco Federici welcomed the Commander of United "
       "States Army Europe and Africa, General Christopher Cavoli, at Camp Film City, KFOR HQ in "
       "Pristina.\n\nDuring the meeting they discussed the overall situation in Kosovo.",
       v1::VISIT},
      {"NATO Allied Maritime Command welcomes German Defence Minister",
       "NORTHWOOD, United Kingdom \xE2\x80\x93 Commander, NATO Allied Maritime Command (MARCOM) Vice "
       "Admiral Keith Blount welcomed German Federal Minister of Defence Christine Lambrecht to "
       "MARCOM in Northwood on Nov. 14.\n\nLambrecht and a delegation of Federal Ministry of "
       "Defence advisors received briefings on NATO\xE2\x80\x99s current maritime operations and "
       "participated in senior-level staff talks.",
       v1::VISIT},
  });
  // Welcoming a decision is no visit.
  EXPECT_NE(TypeOf("Hagel Welcomes Japan\xE2\x80\x99s New Collective Self-defense Policy",
                   "Defense Secretary Chuck Hagel today welcomed the Japanese government\xE2\x80\x99s "
                   "new policy regarding collective self-defense."),
            v1::VISIT);
}

// A training centre's lead opens on its ongoing training; a later lead
// sentence names the event (jftc-20170427, eutm-00000000-eutm-mali-reaches-sevare).
TEST(ClassifyTest, TrainingInTheLeadYieldsToTheReportedEvent) {
  ExpectTypes({
      {"",
       "The Joint Force Training Centre (JFTC) has just finalized its second 2017 training for "
       "Resolute Support mission. Traditionally, a JFTC flag event drew attention of numerous "
       "visitors, who used this opportunity to see the centre working at full speed.\n\n"
       "Brigadier General J\xC3\xBCrgen von Sandrart, Asistant Chief of Staff at the Supreme "
       "Headquarters Allied Powers Europe, visited JFTC on 27 and 28 April.",
       v1::VISIT},
      {"",
       "Whilst centralised training activities, in the shape of courses in Koulikoro Training "
       "Camp continues, EUTM Mali also concentrates its focus on the decentralisation of the "
       "training and advising activities.\n\nOn February 7, the Mission Force Commander (MF Cdr) "
       "of EUTM Mali, Brigadier General Jo\xC3\xA3o Boga Ribeiro, visited the latest "
       "decentralised training.",
       v1::VISIT},
  });
  // With no other event in the lead, training stays.
  EXPECT_EQ(TypeOf("", "The course trains twenty officers in cyber defence. It ends in May."),
            v1::TRAINING);
}

}  // namespace
}  // namespace parley::extract_internal
