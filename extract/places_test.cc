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

// A site the event is held at names its city too (corpus README: "at NATO
// Headquarters in Brussels"); a visited site does not (above).
TEST(PlacesTest, SiteHeldAtKeepsItsCity) {
  EXPECT_THAT(Locations("Yesterday, the Honourable Harjit S. Sajjan, Minister of National Defence, "
                        "concluded two days of meetings with counterparts at NATO headquarters in "
                        "Brussels.",
                        "2018-10-05"),
              ElementsAre("NATO headquarters", "Brussels"));
  EXPECT_THAT(Locations("Commander EUFOR, Major General Friedrich Schr\xC3\xB6tter, formally handed "
                        "over the report from Exercise QUICK RESPONSE to the Minister of Defence "
                        "BiH, Marina Pende\xC5\xA1, and Chief of the Joint Staff, Lieutenant General "
                        "Anto Jele\xC4\x8D at the Ministry of Defence Building in Sarajevo today.",
                        ""),
              ElementsAre("Ministry of Defence Building", "Sarajevo"));
}

// After "followed" / "following", up to a comma, a place is an earlier
// event's.
TEST(PlacesTest, PlaceOfAnEarlierEventAfterFollowing) {
  EXPECT_THAT(Locations("The Defence Secretary met his German counterpart in Berlin. The events in "
                        "Germany followed a meeting of NATO Defence Ministers in Brussels, in which "
                        "Mr Williamson set out the UK's commitment.",
                        "2018-10-05"),
              ElementsAre("Berlin"));
  EXPECT_THAT(Locations("The Nimitz Carrier Strike Group, led by its flag ship Nimitz-class aircraft "
                        "carrier USS Nimitz (CVN 68), is operating in the Philippine Sea following a "
                        "scheduled port visit to Guam, demonstrating the ship\xE2\x80\x99s "
                        "operational readiness and the U.S. Navy\xE2\x80\x99s commitment.",
                        "2025-04-25"),
              ElementsAre("Philippine Sea"));
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

namespace parley::extract_internal {
namespace {

struct PlaceCase {
  const char* body;
  const char* published;
  std::vector<std::string> want;
};

// Locations of the genre's press releases: datelines in any case and at the
// head of later paragraphs, remote meetings, NATO sites and their towns,
// sites named in the lead, and places of other events left out.
TEST(PlacesTest, GenreLocations) {
  const PlaceCase cases[] = {
      // A mixed-case dateline with a date; later paragraphs' datelines add sites.
      {"Bamako, February 24-28, 2021 \xE2\x80\x93 The top military official of the European Union "
       "arrived in Bamako, the capital of Mali.\n\nBanankoro Non-Commissioned Officers (NCO) School "
       "/Koulikoro Training Camp (KTC), February 26, 2021 \xE2\x80\x93 EUTM Mali makes the days count.",
       "", {"Bamako", "Banankoro Non-Commissioned Officers (NCO) School", "Koulikoro Training Camp (KTC)"}},
      {"Bruxelles, May 11th, 2023 \xE2\x80\x93 The EU Military Committee met at Chiefs of Defence level, "
       "today. In a session dedicated to Ukraine, CHODs welcomed the participation of a general.",
       "2023-05-12", {"Bruxelles"}},
      // A meeting by video conference has no dateline place, unless it names where from.
      {"Brunssum, The Netherlands \xE2\x80\x93 Today, Commander Joint Force Command Brunssum conducted "
       "talks with their counterparts at United States European Command (EUCOM). Due to COVID "
       "restrictions a formal visit was replaced with a video conference.",
       "2020-11-10", {}},
      {"MONS, Belgium \xE2\x80\x93 The SHAPE Partnerships Directorate hosted their first meeting on "
       "Thursday, Mar. 18, 2021 via video teleconference from Supreme Headquarters Allied Powers Europe (SHAPE).",
       "2021-03-18", {"Supreme Headquarters Allied Powers Europe"}},
      // A NATO institution is the town that hosts it when the article writes the town.
      {"Mr. Tomasz Szatkowski visited the Joint Force Training Centre (JFTC). He recognized members of "
       "Polish contingent serving at the NATO training centre in Bydgoszcz.",
       "", {"Bydgoszcz"}},
      {"NORTHWOOD, United Kingdom \xE2\x80\x93 Admiral Tony Radakin visited NATO Maritime Headquarters in "
       "Northwood today to learn more about NATO\xE2\x80\x99s Maritime Command.",
       "", {"Northwood"}},
      {"The Chairman of the NATO Military Committee visited the NATO Joint Forces Command in Naples, "
       "Italy on the 25th January 2019 where he met with the Commander.\n\nLAGO PATRIA, Italy - Upon his "
       "arrival he was welcomed by its Commander.",
       "", {"Lago Patria"}},
      // A visited institution in a city is that city.
      {"On 12 December, the NATO Military Committee visited the NATO Communications and Information "
       "Agency (NCI Agency) in The Hague.",
       "2019-12-12", {"The Hague"}},
      // "In X," opening a sentence whose verb comes later.
      {"Lieutenant General Vesa Virtanen visited Belgium on 25\xE2\x80\x93" "27 February. In Brussels, the "
       "Chief of the Defence Command met with the Director General. In Mons, the Chief of the Defence "
       "Command met with General Markus Laubenthal.",
       "2025-02-28", {"Brussels", "Mons"}},
      // A site in the lead needs no verb; a more specific name replaces its city.
      {"SHAPE, Belgium \xE2\x80\x93 The Mayor of Mons, Nicholas Martin, officially introduced General Tod "
       "D. Wolters, to local leaders in Mons during an event at the Mons Town Hall on Oct. 15, 2019.",
       "2019-10-18", {"Mons Town Hall"}},
      // A quoted name before a place head; ministries and NATO HQ are sites.
      {"On Friday February 15th 2019, at the \xE2\x80\x9CPapagou\xE2\x80\x9D Military Base, the Chief "
       "of the Hellenic National Defense General Staff welcomed the Chief of the General Staff of France.",
       "2019-02-15", {"Papagou Military Base"}},
      {"The Minister of Foreign Affairs received today in a meeting at the premises of the Ministry of "
       "Foreign Affairs, the Commander of KFOR.",
       "", {"Ministry of Foreign Affairs"}},
      {"On 13 July 2021, the Director General hosted the first in-person meeting with NATO Partners at "
       "NATO HQ since the start of pandemic.",
       "2021-07-13", {"NATO HQ"}},
      {"Today, the Minister concluded two days of meetings with counterparts at NATO\xE2\x80\x99s new "
       "headquarters in Brussels.",
       "2018-06-08", {"NATO headquarters", "Brussels"}},
      // The lead's city replaces a dateline elsewhere.
      {"LUXEMBOURG - On 6 October 2021, NSPA General Manager, Ms Stacy Cummings, addressed the 30 NATO "
       "Allies representatives during a North Atlantic Council session at NATO Headquarters in Brussels.",
       "2021-10-06", {"NATO Headquarters", "Brussels"}},  // the site held at, and its city
      // "to" after no word of travel; someone else's trip; an organisation named after a city.
      {"Secretary Lytvynenko met with the Head of the NATO Representation to Ukraine Patrick Turner.",
       "2024-09-25", {}},
      {"Minister Hayashi met Stoltenberg in Belgium. Secretary General Stoltenberg praised the Prime "
       "Minister Kishida\xE2\x80\x99s opportune visit to Ukraine.",
       "2023-04-04", {"Belgium"}},
      {"The visit also included study visits to the Stockholm Marine Regiment and the Naval Staff in "
       "Musk\xC3\xB6.",
       "2024-05-02", {"Musk\xC3\xB6"}},
      {"These discussions follow the Defence Ministers meeting in Brussels only a fortnight ago.",
       "", {}},
  };
  for (const PlaceCase& c : cases) {
    EXPECT_EQ(Locations(c.body, c.published), c.want) << c.body;
  }
  // "at" after a post in apposition is where the person serves; a briefing
  // puts the event at its place; a dateline in capitals without its accent is
  // inside the site that names it.
  const PlaceCase posts[] = {
      {"SIAULIAI, Lithuania - The United States Air Force took over the lead of "
       "NATO\xE2\x80\x99s Baltic Air Policing mission at \xC5\xA0iauliai Air Base, Lithuania, from the "
       "Polish Air Force.",
       "", {"\xC5\xA0iauliai Air Base"}},
      {"On 23rd October, the NATO Support and Procurement Organisation (NSPO) Chairperson, Ms. "
       "Jennifer Hubbard, along with the NATO Support and Procurement Agency General Manager, Mr. "
       "Peter Dohmen, provided a briefing to the Secretary General Jens Stoltenberg and the 29 "
       "Permanent Representatives to the North Atlantic Council (NAC) in NATO Headquarters.",
       "2018-10-24", {"NATO Headquarters"}},
      {"Brigadier General J\xC3\xBCrgen von Sandrart, Asistant Chief of Staff at the Supreme "
       "Headquarters Allied Powers Europe, visited JFTC on 27 and 28 April. He arrived in "
       "Bydgoszcz to explore possible ways of future cooperation.",
       "", {"Bydgoszcz"}},
  };
  for (const PlaceCase& c : posts) {
    EXPECT_EQ(Locations(c.body, c.published), c.want) << c.body;
  }
}

// "Kabul-Afghanistan:" opening the article is a dateline: the town.
TEST(PlacesTest, TownHyphenatedToItsStateOpensADateline) {
  // modaf-00000000-defense-minister-praises-nicholson (pool).
  EXPECT_THAT(Locations("Kabul-Afghanistan: Lt. Gen Tariq Shah Bahrami National Defense Minister "
                        "praised endeavors and services of General john Nicholson.",
                        ""),
              ElementsAre("Kabul"));
}

// A byline that closes with a town, its state and a date names the town.
TEST(PlacesTest, BylineClosingWithTownStateAndDateNamesTheTown) {
  // eucom-20240426-chiefs-of-mission-conference (pool).
  EXPECT_THAT(Locations("\xE2\x80\x9CIn bringing together military and diplomatic leadership, we "
                        "ensure a comprehensive approach.\" - Gen. Christopher Cavoli\n\nBy U.S. "
                        "European Command Public Affairs United States European Command Stuttgart, "
                        "Germany Apr 26, 2024\n\nU.S. European Command hosted its annual Chiefs of "
                        "Mission conference at the command\xE2\x80\x99s headquarters April 25-26.",
                        "2024-04-26"),
              ElementsAre("Stuttgart"));
}

// "Story and photos by …" is a credit line: the dateline after it opens the
// lead, whose "recently" does not hide its site.
TEST(PlacesTest, CreditLineBeforeTheDatelineIsNotTheLead) {
  // nmi-20181205-nmi-introduction-baghdad (pool).
  EXPECT_THAT(Locations("Story and photos by NMI Public Affairs\n\n BAGHDAD, Iraq - The recently "
                        "established NATO Mission Iraq (NMI) conducted an Introduction Event at the "
                        "Iraqi Ministry of Defence, December 5, 2018.",
                        ""),
              ElementsAre("Baghdad", "Iraqi Ministry of Defence"));
}

// "taking place in" puts the event at the place like a trigger word.
TEST(PlacesTest, TakePlaceIsALocationTrigger) {
  // eutm-00000000-eutm-mali-reaches-sevare (pool).
  EXPECT_THAT(Locations("Whilst centralised training activities continue, EUTM Mali also "
                        "concentrates its focus on decentralisation.\n\nOn February 7, the "
                        "Mission Force Commander (MF Cdr) of EUTM Mali, Brigadier General "
                        "Jo\xC3\xA3o Boga Ribeiro, visited the latest decentralised training; the "
                        "CMATT taking place in Sevar\xC3\xA9.",
                        ""),
              ElementsAre("Sevar\xC3\xA9"));
}

// An embassy is a site; held at, it keeps its city. A named institution
// right after a trigger and "at" is a site too.
TEST(PlacesTest, EmbassiesAndInstitutionsHeldAtAreSites) {
  // dfaph-20240111-ph-uk-defense-cooperation-mou (pool).
  EXPECT_THAT(Locations("Philippine Ambassador to the UK Teodoro Locsin, Jr. and UK Minister of "
                        "State for Defence The Earl of Minto signed the Memorandum of "
                        "Understanding at the Philippine Embassy in London on 11 January 2024.",
                        ""),
              ElementsAre("Philippine Embassy", "London"));
  // ndc-20230127-sc141-graduation-ceremony (pool).
  EXPECT_THAT(Locations("All the distinguished guests and the Honour Guard were welcomed upon "
                        "arrival at the NATO Defense College.",
                        ""),
              ElementsAre("NATO Defense College"));
}

// States listed after one preposition are each a place of the event, kept
// beside a more specific place; a lone state is not.
TEST(PlacesTest, StatesListedAfterOnePrepositionStayBesideSites) {
  // jwc-20140507-trident-jaguar-14-begins (pool).
  EXPECT_THAT(Locations("The wait is finally over \xE2\x80\x93 on Wednesday, 7 May the Joint Warfare "
                        "Centre (JWC) kicked off exercise TRIDENT JAGUAR 2014 (TRJR 14) at locations "
                        "in Spain, Norway and aboard the USS Mount Whitney, following 15 months of "
                        "planning.",
                        ""),
              ElementsAre("Spain", "Norway", "USS Mount Whitney"));
  EXPECT_THAT(Locations("The Minister visited Germany. He met the troops at Camp Adazi.", ""),
              ElementsAre("Camp Adazi"));
  // A listed state in which a place is found gives way to it.
  // wh-20221028-travel-north-africa-asia-travel-asia (pool).
  EXPECT_THAT(Locations("President Joseph R. Biden, Jr. will visit Egypt, Cambodia, and Indonesia. "
                        "On November 11th, President Biden will attend the 27th Conference of the "
                        "Parties (COP27) in Sharm el-Sheikh, Egypt.",
                        "2022-10-28"),
              ElementsAre("Cambodia", "Indonesia", "Sharm el-Sheikh"));
}

// A place name drops a possessive, as organisation names do.
TEST(PlacesTest, PlaceNamesDropAPossessive) {
  // act-20161102-nato-ambassadors-visit-act (pool).
  EXPECT_THAT(Locations("NORFOLK - General Denis Mercier and the Allied Command Transformation team "
                        "hosted a two-day visit of NATO Ambassadors from Belgium at "
                        "NATO\xE2\x80\x99s North American Headquarters on November 2nd.",
                        ""),
              ElementsAre("Norfolk", "NATO North American Headquarters"));
}

// Outside the lead, what was done before ("previously") does not place the
// event; nor does a language after "in".
TEST(PlacesTest, EarlierEventsAndLanguagesAreNotTheEventsPlaces) {
  // govuk-00000000-defence-secretary-visits-australia-aukmin (pool).
  EXPECT_THAT(Locations("Defence Secretary Dr Liam Fox is currently visiting Australia.\n\nAUKMIN "
                        "consultations were previously held in the UK in 2006 and 2008.",
                        ""),
              ElementsAre("Australia"));
  // pacom-20180628-khaan-quest-2018-closing-ceremony (pool).
  EXPECT_THAT(Locations("FIVE HILLS TRAINING AREA, Mongolia \xE2\x80\x93\nThe exercise was brought "
                        "to an end with the closing ceremony June 28.\n\nHe delivered his speech "
                        "for the closing ceremony in English and translated it into Mongolian.",
                        ""),
              ElementsAre("Five Hills Training Area"));
}

struct CountryCase {
  const char* title;
  const char* body;
  const char* source;
  std::vector<std::string> want;
};

// Countries: national publishers, states named with the words of taking
// part, national services introducing a person, hyphenated pairs in titles;
// not datelines, places where something is, missions named after a place.
TEST(PlacesTest, GenreCountries) {
  const CountryCase cases[] = {
      {"", "Joint Staff Spokesperson provided the following readout.", "U.S. Joint Chiefs of Staff", {"US"}},
      {"", "The Chief of the Defence Command visited Brussels.", "Finnish Army (Maavoimat)", {"FI"}},
      {"", "The Commander visited the school.", "EU Training Mission Mali (EUTM Mali)", {}},
      {"", "The President of the Republic of Kosovo Behgjet Pacolli had a meeting today with COMKFOR.",
       "", {"XK"}},
      {"", "Forty-one delegates from 28 NATO Nations as well as Finland and Sweden were hosted by the "
       "Supreme Allied Commander.", "", {"FI", "SE"}},
      {"", "The meeting was held. While in Brussels, the Minister held meetings with several of his "
       "counterparts from the UK, France and Denmark.", "", {"GB", "FR", "DK"}},
      {"", "The meeting was held. Italian Air Force Deputy Air Chief Lt. Gen. Aurelio Colagrande "
       "presented background, and Croatian Air Force Air Chief Brig. Gen. Michael Krizanec gave an update.",
       "", {"IT", "HR"}},
      {"", "The meeting was held. The positioning of a French Air Force General as the senior commander "
       "demonstrates the bond.", "", {}},
      {"Japan-Australia Defence Ministerial Telephone Conference", "The ministers held a conference.", "",
       {"JP", "AU"}},
      {"", "Brunssum, The Netherlands \xE2\x80\x93 Today, the Commander conducted talks.", "", {}},
      {"", "The Secretary General visited. Swedish personnel serve alongside NATO troops in Afghanistan "
       "and Kosovo, and Swedish aircraft joined the mission to protect civilians in Libya.", "", {"SE"}},
      {"", "The commander met the contingent. The Kosovo Force participated in the ceremony.", "", {}},
      {"", "The leaders spoke. They reviewed their recent conversations with their Russian and Ukrainian "
       "counterparts.", "", {}},
      // A list of states right after a sentence that says who took part names them.
      {"", "At the closing ceremony, Latvian Colonel Ilmars Atis Lejins, commanding general for "
       "the Latvian Land Forces, delivered a speech to service members of the 10 NATO nations who "
       "participated in the exercise. The nations included Latvia, Lithuania, Estonia, Albania, "
       "Luxembourg, Canada, Germany, Romania, Great Britain, and the United States.",
       "", {"LV", "LT", "EE", "AL", "LU", "CA", "DE", "RO", "GB", "US"}},
      // "BiH", the usual short form of Bosnia and Herzegovina.
      {"", "Commander EUFOR, Major General Friedrich Schr\xC3\xB6tter, formally handed over the "
       "report from Exercise QUICK RESPONSE to the Minister of Defence BiH, Marina Pende\xC5\xA1, and "
       "Chief of the Joint Staff, Lieutenant General Anto Jele\xC4\x8D at the Ministry of Defence "
       "Building in Sarajevo today.",
       "", {"BA"}},
      // Officers of a NATO body: their nationality makes no party.
      {"NATO Mission Iraq conducted introduction at Baghdad",
       "The recently established NATO Mission Iraq (NMI) conducted an Introduction Event at the "
       "Iraqi Ministry of Defence, December 5, 2018. The NMI Commander, Canadian Army Major General "
       "Dany Fortin, introduced the mission\xE2\x80\x99s mandate, vision and aim.",
       "NATO Mission Iraq", {"IQ"}},
      {"", "Upon arrival to Headquarters, Supreme Allied Commander Transformation (HQ SACT), May 14, "
       "the PermReps met with Abrial before attending a roundtable discussion with HQ SACT's "
       "leadership on SACT's main priority areas in which Allied Command Transformation (ACT) is "
       "currently working. UK Royal Navy Vice Admiral Robert Cooling, ACT Chief of Staff, also met "
       "with the PermReps at the dinner and roundtable discussion.",
       "", {}},
  };
  for (const CountryCase& c : cases) {
    std::vector<std::string> got = Countries(c.title, c.body, c.source);
    EXPECT_THAT(got, ::testing::UnorderedElementsAreArray(c.want)) << c.body;
  }
}

}  // namespace
}  // namespace parley::extract_internal
