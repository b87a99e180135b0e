#include "eval/gold.h"

#include <string>

#include "common/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley::eval {
namespace {

using ::parley::testing::IsOk;
using ::parley::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kSeedGold[] = R"json({
  "id": "000_aefde3dc521e8719",
  "event": {
    "type": "staff_talks",
    "start": "2023-02-13",
    "end": "2023-02-14",
    "locations": ["Seoul", "Gyeryongdae", "Joint Security Area"]
  },
  "participants": [
    {"name": "Francesco Diella", "rank": "Lieutenant General", "role": "Director",
     "organization": "NATO Cooperative Security Division"},
    {"name": "Park Jeong-hwan", "rank": null, "role": "Chief of Staff",
     "organization": null}
  ],
  "mentioned_people": ["Jens Stoltenberg"],
  "organizations": ["NATO Cooperative Security Division"],
  "countries": ["KR"],
  "quotes": [
    {"speaker": "Francesco Diella", "starts_with": "NATO and Korea are strong partners"}
  ],
  "topics": ["cyber security", "maritime security"]
})json";

TEST(ParseGoldTest, ParsesEveryField) {
  PARLEY_ASSERT_OK_AND_ASSIGN(Gold gold, ParseGold(kSeedGold));
  EXPECT_EQ(gold.id, "000_aefde3dc521e8719");
  EXPECT_EQ(gold.event_type, "staff_talks");
  EXPECT_EQ(gold.start_date, "2023-02-13");
  EXPECT_EQ(gold.end_date, "2023-02-14");
  EXPECT_THAT(gold.locations,
              ElementsAre("Seoul", "Gyeryongdae", "Joint Security Area"));
  ASSERT_EQ(gold.participants.size(), 2u);
  EXPECT_EQ(gold.participants[0].name, "Francesco Diella");
  EXPECT_EQ(gold.participants[0].rank, "Lieutenant General");
  EXPECT_EQ(gold.participants[0].role, "Director");
  EXPECT_EQ(gold.participants[0].organization,
            "NATO Cooperative Security Division");
  EXPECT_EQ(gold.participants[1].rank, "");
  EXPECT_EQ(gold.participants[1].organization, "");
  EXPECT_THAT(gold.mentioned_people, ElementsAre("Jens Stoltenberg"));
  EXPECT_THAT(gold.organizations,
              ElementsAre("NATO Cooperative Security Division"));
  EXPECT_THAT(gold.countries, ElementsAre("KR"));
  ASSERT_EQ(gold.quotes.size(), 1u);
  EXPECT_EQ(gold.quotes[0].speaker, "Francesco Diella");
  EXPECT_EQ(gold.quotes[0].starts_with, "NATO and Korea are strong partners");
  EXPECT_THAT(gold.topics, ElementsAre("cyber security", "maritime security"));
}

TEST(ParseGoldTest, NullDatesAndMissingListsAreEmpty) {
  PARLEY_ASSERT_OK_AND_ASSIGN(
      Gold gold,
      ParseGold(R"({"id": "a", "event": {"type": "meeting", "start": null}})"));
  EXPECT_EQ(gold.start_date, "");
  EXPECT_EQ(gold.end_date, "");
  EXPECT_TRUE(gold.locations.empty());
  EXPECT_TRUE(gold.participants.empty());
  EXPECT_TRUE(gold.quotes.empty());
  EXPECT_TRUE(gold.topics.empty());
}

TEST(ParseGoldTest, AcceptsEveryReadmeEventType) {
  for (const std::string& type : GoldEventTypes()) {
    EXPECT_THAT(ParseGold(R"({"id": "a", "event": {"type": ")" + type +
                          R"("}})"),
                IsOk())
        << type;
  }
  EXPECT_EQ(GoldEventTypes().size(), 10u);
}

struct BadGoldCase {
  const char* json;
  const char* expected_message;
};

class ParseGoldErrorTest : public ::testing::TestWithParam<BadGoldCase> {};

TEST_P(ParseGoldErrorTest, NamesTheField) {
  EXPECT_THAT(ParseGold(GetParam().json),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr(GetParam().expected_message)));
}

INSTANTIATE_TEST_SUITE_P(
    BadGold, ParseGoldErrorTest,
    ::testing::Values(
        BadGoldCase{"{", "malformed JSON"},
        BadGoldCase{"[]", "expected a JSON object"},
        BadGoldCase{R"({"event": {"type": "visit"}})", "id: missing"},
        BadGoldCase{R"({"id": "", "event": {"type": "visit"}})",
                    "id: is empty"},
        BadGoldCase{R"({"id": "a"})", "event: missing"},
        BadGoldCase{R"({"id": "a", "event": []})",
                    "event: expected an object"},
        BadGoldCase{R"({"id": "a", "event": {}})", "event.type: missing"},
        BadGoldCase{R"({"id": "a", "event": {"type": "parade"}})",
                    "event.type: unknown event type \"parade\""},
        BadGoldCase{R"({"id": "a", "event": {"type": "visit",
                        "start": "13 Feb 2023"}})",
                    "event.start: expected YYYY-MM-DD"},
        BadGoldCase{R"({"id": "a", "event": {"type": "visit", "end": 3}})",
                    "event.end: expected a string or null"},
        BadGoldCase{R"({"id": "a", "event": {"type": "visit",
                        "locations": "Seoul"}})",
                    "event.locations: expected an array"},
        BadGoldCase{R"({"id": "a", "event": {"type": "visit"},
                        "topics": ["x", 1]})",
                    "topics[1]: expected a string"},
        BadGoldCase{R"({"id": "a", "event": {"type": "visit"},
                        "participants": [{"name": "A B"}, {"rank": "General"}]})",
                    "participants[1].name: missing"},
        BadGoldCase{R"({"id": "a", "event": {"type": "visit"},
                        "participants": [{"name": "A B", "rank": 5}]})",
                    "participants[0].rank: expected a string or null"},
        BadGoldCase{R"({"id": "a", "event": {"type": "visit"},
                        "quotes": [{"speaker": "A B", "starts_with": ""}]})",
                    "quotes[0].starts_with: is empty"},
        BadGoldCase{R"({"id": "a", "event": {"type": "visit"},
                        "quotes": [{"starts_with": "Hello"}]})",
                    "quotes[0].speaker: missing"}));

}  // namespace
}  // namespace parley::eval
