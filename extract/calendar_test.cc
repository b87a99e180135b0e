#include "extract/calendar.h"

#include "gtest/gtest.h"

namespace parley {
namespace {

std::string Iso(std::optional<CivilDay> day) {
  return day ? FormatIsoDate(*day) : "none";
}

TEST(ParseIsoDateTest, AcceptsDatesAndDateTimes) {
  EXPECT_EQ(Iso(ParseIsoDate("2023-02-17")), "2023-02-17");
  EXPECT_EQ(Iso(ParseIsoDate("2023-02-17T08:45")), "2023-02-17");
  EXPECT_EQ(Iso(ParseIsoDate("2024-09-24T00:00:00Z")), "2024-09-24");
  EXPECT_EQ(Iso(ParseIsoDate(" 2024-02-29 10:00:00+01:00 ")), "2024-02-29");
}

TEST(ParseIsoDateTest, RejectsImpossibleAndMalformedDates) {
  EXPECT_EQ(Iso(ParseIsoDate("2023-02-29")), "none");
  EXPECT_EQ(Iso(ParseIsoDate("2023-13-01")), "none");
  EXPECT_EQ(Iso(ParseIsoDate("17/02/2023")), "none");
  EXPECT_EQ(Iso(ParseIsoDate("2023-02-1")), "none");
  EXPECT_EQ(Iso(ParseIsoDate("2023-02-17x")), "none");
  EXPECT_EQ(Iso(ParseIsoDate("")), "none");
}

TEST(ParseWrittenDateTest, ReadsThePublisherForms) {
  EXPECT_EQ(Iso(ParseWrittenDate("17 Feb. 2023 08:45")), "2023-02-17");
  EXPECT_EQ(Iso(ParseWrittenDate("13 Feb. 2023")), "2023-02-13");
  EXPECT_EQ(Iso(ParseWrittenDate("February 17, 2023")), "2023-02-17");
  EXPECT_EQ(Iso(ParseWrittenDate("Sept 3 2022")), "2022-09-03");
  EXPECT_EQ(Iso(ParseWrittenDate("1st May 2023")), "2023-05-01");
  EXPECT_EQ(Iso(ParseWrittenDate("2023-05-01")), "2023-05-01");
}

TEST(ParseWrittenDateTest, RejectsPartialOrWrongDates) {
  EXPECT_EQ(Iso(ParseWrittenDate("Feb. 2023")), "none");
  EXPECT_EQ(Iso(ParseWrittenDate("30 February 2023")), "none");
  EXPECT_EQ(Iso(ParseWrittenDate("on 13 Feb. 2023")), "none");
}

TEST(MonthFromNameTest, FullNamesAndAbbreviations) {
  EXPECT_EQ(MonthFromName("February"), 2);
  EXPECT_EQ(MonthFromName("feb."), 2);
  EXPECT_EQ(MonthFromName("Sept."), 9);
  EXPECT_EQ(MonthFromName("May"), 5);
  EXPECT_EQ(MonthFromName("Ma"), 0);
  EXPECT_EQ(MonthFromName("Monday"), 0);
}

}  // namespace
}  // namespace parley
