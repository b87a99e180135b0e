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

TEST(DatesTest, NoDateGivesEmpty) {
  EventDates d = Dates("Ambassador Dinesh Bhatia recently met the Chief of Joint Staff.",
                       "2022-11-07");
  EXPECT_EQ(d.start, "");
  EXPECT_EQ(d.end, "");
}

}  // namespace
}  // namespace parley::extract_internal
