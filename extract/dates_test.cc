#include "extract/dates.h"

#include <optional>
#include <string>

#include "extract/test_util.h"
#include "gtest/gtest.h"

namespace parley::extract_internal {
namespace {

using testing_util::MakeArticle;

EventDates Dates(const std::string& body, const std::string& published) {
  NormalizedArticle a = MakeArticle("", body, published);
  Document doc = BuildDocument(a);
  std::optional<CivilDay> pub = ParseIsoDate(published);
  return ChooseEventDates(doc, FindDates(doc, pub), pub);
}

TEST(DatesTest, DayAndDayMonthYear) {
  EventDates d = Dates(
      "On 13 and 14 February 2023, a military delegation from NATO\xE2\x80\x99s Cooperative "
      "Security Division (CS) travelled to Seoul.",
      "2023-02-17");
  EXPECT_EQ(d.start, "2023-02-13");
  EXPECT_EQ(d.end, "2023-02-14");
}

TEST(DatesTest, MonthDayRangeWithHyphen) {
  EventDates d = Dates(
      "National Security Advisor Jake Sullivan met on August 27-28 with Foreign Minister Wang "
      "Yi outside Beijing, China.",
      "2024-08-28");
  EXPECT_EQ(d.start, "2024-08-27");
  EXPECT_EQ(d.end, "2024-08-28");
}

TEST(DatesTest, WeekdayResolvesToLatestOnOrBeforePublication) {
  // Published Thursday 2011-02-03; "Tuesday" is 2011-02-01.
  EventDates d = Dates(
      "The Under Secretary of Defense for Policy, Michele Flournoy, sat down for an informal "
      "lunch with troops from U.S. Division-South, Tuesday, to answer questions.",
      "2011-02-03");
  EXPECT_EQ(d.start, "2011-02-01");
  EXPECT_EQ(d.end, "2011-02-01");
  // Same weekday as publication: that day.
  EventDates same = Dates(
      "Prime Minister Narendra Modi on Saturday held talks with Ukrainian President Volodymyr "
      "Zelenskyy.",
      "2023-05-20");
  EXPECT_EQ(same.start, "2023-05-20");
}

TEST(DatesTest, WeekdayBeforeExplicitDateDefersToIt) {
  EventDates d = Dates(
      "On Saturday, December 9, National Security Advisor Jake Sullivan met with ROK National "
      "Security Advisor Cho Tae-Yong.",
      "2023-12-08");
  EXPECT_EQ(d.start, "2023-12-09");
  EXPECT_EQ(d.end, "2023-12-09");
}

TEST(DatesTest, ReportingDateIsSkippedAndBeganGivesOnlyStart) {
  EventDates d = Dates(
      "Rafale jets of India and France have been jointly carrying out aerial drills, officials "
      "said on Tuesday. India deployed four Rafale jets for the three-week multinational "
      "exercise in France that began on April 17.",
      "2023-05-03");
  EXPECT_EQ(d.start, "2023-04-17");
  EXPECT_EQ(d.end, "");
}

TEST(DatesTest, ConcludedGivesOnlyEnd) {
  EventDates d = Dates(
      "Ships and aircraft from the Carrier Strike Group conducted integrated operations that "
      "concluded May 29.",
      "2021-06-01");
  EXPECT_EQ(d.start, "");
  EXPECT_EQ(d.end, "2021-05-29");
}

TEST(DatesTest, TillGivesOnlyEnd) {
  EventDates d = Dates(
      "The bilateral exercise is being held at Salisbury Plains, United Kingdom till May 11, "
      "according to the statement released by Defence Ministry.",
      "2023-05-09");
  EXPECT_EQ(d.start, "");
  EXPECT_EQ(d.end, "2023-05-11");
}

TEST(DatesTest, NDayEventThatEndedOnWeekday) {
  EventDates d = Dates(
      "The two-day sea phase of the ASEAN-India Maritime Exercise in the South China Sea that "
      "ended on Monday assumed significance.",
      "2023-05-10");
  EXPECT_EQ(d.start, "2023-05-07");
  EXPECT_EQ(d.end, "2023-05-08");
}

TEST(DatesTest, TodayAndOrdinalDays) {
  EXPECT_EQ(Dates("National Security Advisor Jake Sullivan met today in Washington with "
                  "Lieutenant General Aviv Kohavi.",
                  "2021-06-23")
                .start,
            "2021-06-23");
  EXPECT_EQ(Dates("The ship arrived at the Port of Trincomalee on Tuesday morning (16th May "
                  "2023) on an official visit.",
                  "2023-05-17")
                .start,
            "2023-05-16");
}

TEST(DatesTest, LaterDepartureEndsTheVisit) {
  EventDates d = Dates(
      "Sri Lanka Navy ceremonially welcomed the Indian Navy Ship (INS) Batti Malv arrived at "
      "the Port of Trincomalee on Tuesday morning (16th May 2023) on an official visit. "
      "Concluding its official visit, INS Batti Malv will depart the island today.",
      "2023-05-17");
  EXPECT_EQ(d.start, "2023-05-16");
  EXPECT_EQ(d.end, "2023-05-17");
}

struct DatesCase {
  const char* name;
  const char* body;
  const char* published;  // "" when the article has none
  const char* start;
  const char* end;
};

// Date forms of NATO, ministry and EU releases, and the settled cases of the
// corpus README.
TEST(DatesTest, GenreForms) {
  const DatesCase kCases[] = {
      {"day range in one token before the month",
       "On 20-21 March 2023, the Chair of the NATO Military Committee, Admiral Rob Bauer, and "
       "the Supreme Allied Commander Europe (SACEUR), General Christopher G. Cavoli, visited "
       "NATO Mission Iraq (NMI).",
       "2023-03-20", "2023-03-20", "2023-03-21"},
      {"month-first days joined by and, with the year",
       "NATO Headquarters\xE2\x80\x99 Military Committee (MC) visited Allied Land Command "
       "(LANDCOM) Headquarters on Feb. 20 and 21, 2019, to gain an appreciation for LANDCOM\xE2\x80\x99s "
       "current activities.",
       "", "2019-02-20", "2019-02-21"},
      {"two-digit year after a day-first date",
       "On Tuesday, 20 February 24, the Mayor and Aldermen of Brunssum visited the Hendrik van "
       "Nassau-Ouwerkerk camp.",
       "", "2024-02-20", "2024-02-20"},
      {"a two-digit count after a date is not a year",
       "On 20 February 24 soldiers of the battalion arrived at the camp.", "", "", ""},
      {"dateline range without a published date",
       "Bamako, February 24-28, 2021 \xE2\x80\x93 The top military official of the European "
       "Union, French Vice-Admiral Herv\xC3\xA9 Bl\xC3\xA9jean, arrived in Bamako, the capital of Mali.",
       "", "2021-02-24", "2021-02-28"},
      {"bracketed date after a weekday",
       "NATO Secretary General Jens Stoltenberg met with US Secretary of State Mike Pompeo on "
       "Thursday (13 September 2018) to discuss NATO\xE2\x80\x99s continued adaptation.",
       "2018-09-13", "2018-09-13", "2018-09-13"},
      {"a day without a year and no published date gives nothing",
       "On 2 and 3 May, Swedish Armed Forces\xE2\x80\x99 Chief of Defence Staff held roundtable "
       "talks with Admiral Sir Keith Blount.",
       "", "", ""},
      {"a month-first range without a year and no published date gives nothing",
       "The delegates visited the Command headquarters on Oct. 29-30 for a briefing.", "", "",
       ""},
      {"a relative day without a published date gives nothing",
       "Commander KFOR met today with the Deputy Prime Minister.", "", "", ""},
      {"without a published date, the one year the sentence writes",
       "The multinational peacekeeping exercise Khaan Quest 2018 was officially brought to an "
       "end with the closing ceremony June 28.",
       "", "2018-06-28", "2018-06-28"},
      {"a weekday before the date must fall on it in the sentence's year",
       "The wait is finally over \xE2\x80\x93 on Wednesday, 7 May the Joint Warfare Centre (JWC) "
       "kicked off exercise TRIDENT JAGUAR 2014 (TRJR 14) at locations in Spain, Norway and "
       "aboard the USS Mount Whitney.",
       "", "2014-05-07", "2014-05-07"},
      {"a weekday that does not fall on the date in the sentence's year gives nothing",
       "The wait is finally over \xE2\x80\x93 on Thursday, 7 May the Joint Warfare Centre (JWC) "
       "kicked off exercise TRIDENT JAGUAR 2014.",
       "", "", ""},
      {"the event's own date without a year is not replaced by a dated aside",
       "July 30, air force detachments deployed to protect the Baltic skies as part of the NATO "
       "Baltic Air Policing Mission changed over at a ceremony at the Lithuania Air Force Base in "
       "\xC5\xA0iauliai.\n\nNATO Allies started rotating in troops and fighter aircraft to "
       "safeguard the Baltic airspace when Lithuania, Latvia and Estonia became a member of NATO "
       "on 29 March 2004.",
       "", "", ""},
      {"\"of today\" is the present, not a day",
       "With its allies, Canada is focused on facing the threats and challenges of today, as well "
       "as those in the future.\n\nAs part of Canada\xE2\x80\x99s enduring commitment to NATO, the "
       "Honourable Chrystia Freeland, Minister of Foreign Affairs, today announced she will attend "
       "the NATO Foreign Ministerial Meeting in Brussels, Belgium, on March 31, 2017.",
       "2017-03-30", "2017-03-31", "2017-03-31"},
      {"nor is the event's own relative day",
       "During the bilateral meeting today, Shanahan thanked Pabriks for Latvia's support.\n\n"
       "Lithuania signed a similar agreement April 2, 2019.",
       "", "", ""},
  };
  for (const DatesCase& c : kCases) {
    EventDates d = Dates(c.body, c.published);
    EXPECT_EQ(d.start, c.start) << c.name;
    EXPECT_EQ(d.end, c.end) << c.name;
  }
}

TEST(DatesTest, ReleaseLineYieldsToTheEventsOwnDate) {
  // The date line is when the readout was issued; the call was the day before.
  EventDates d = Dates(
      "April 15, 2020\n\nWASHINGTON \xE2\x80\x94 Joint Staff Spokesperson Col. DeDe S. Halfhill "
      "provided the following readout:\n\nChairman of the Joint Chiefs of Staff Gen. Mark A. "
      "Milley spoke yesterday with Chief of Staff, Japan Joint Staff Gen. Koji Yamazaki by "
      "telephone.",
      "2020-04-15");
  EXPECT_EQ(d.start, "2020-04-14");
  EXPECT_EQ(d.end, "2020-04-14");
  // With no other date, the date line is the event's.
  EventDates alone = Dates(
      "April 28, 2023\n\nDefense Minister Hamada and Deputy Prime Minister Marles held a "
      "telephone conference.",
      "2023-04-28");
  EXPECT_EQ(alone.start, "2023-04-28");
  EXPECT_EQ(alone.end, "2023-04-28");
}

TEST(DatesTest, ConcludedNDaysOfMeetingsToday) {
  EventDates d = Dates(
      "June 8, 2018 \xE2\x80\x93 Brussels, Belgium \xE2\x80\x93 National Defence / Canadian "
      "Armed Forces\n\nIn the face of today\xE2\x80\x99s unpredictable security environment, the "
      "Government of Canada remains committed to this Alliance.\n\nToday, The Honourable Harjit "
      "S. Sajjan, Minister of National Defence, concluded two days of meetings with counterparts "
      "at NATO\xE2\x80\x99s new headquarters in Brussels.",
      "2018-06-08");
  EXPECT_EQ(d.start, "2018-06-07");
  EXPECT_EQ(d.end, "2018-06-08");
}

TEST(DatesTest, LaterRangeHoldingTheWrittenDayIsTheEvent) {
  EventDates d = Dates(
      "On Friday February 15th 2019, at the Papagou Military Base, the Chief of the Hellenic "
      "National Defense General Staff, General Christos Christodoulou, welcomed the Chief of the "
      "General Staff of the Armies of France, General Francois Lecointre, who was on an official "
      "visit in Greece on the 14th and 15th of February 2019.",
      "");
  EXPECT_EQ(d.start, "2019-02-14");
  EXPECT_EQ(d.end, "2019-02-15");
  // A relative day is one day of the longer frame.
  EventDates relative = Dates(
      "Chief of Naval Staff Admiral R Hari Kumar on Tuesday attended the inaugural ceremony of "
      "the ASEAN-India Maritime Exercise. The harbour phase of the exercise is being held at "
      "Changi Naval Base from May 2 to 4.",
      "2023-05-03");
  EXPECT_EQ(relative.start, "2023-05-02");
  EXPECT_EQ(relative.end, "2023-05-02");
}

TEST(DatesTest, NoDateGivesEmpty) {
  EventDates d = Dates("Ambassador Dinesh Bhatia recently met the Chief of Joint Staff.",
                       "2022-11-07");
  EXPECT_EQ(d.start, "");
  EXPECT_EQ(d.end, "");
}

}  // namespace
}  // namespace parley::extract_internal
