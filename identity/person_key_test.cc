#include "identity/person_key.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley::identity {
namespace {

using ::testing::HasSubstr;

// Surface forms of one person in the pool, which must share an id.
struct SamePerson {
  std::string a;
  std::string b;
};

class SamePersonTest : public ::testing::TestWithParam<SamePerson> {};

TEST_P(SamePersonTest, SharesAnId) {
  EXPECT_EQ(PersonIdOf(GetParam().a), PersonIdOf(GetParam().b))
      << GetParam().a << " / " << GetParam().b;
  EXPECT_FALSE(PersonIdOf(GetParam().a).empty());
}

INSTANTIATE_TEST_SUITE_P(
    PoolNames, SamePersonTest,
    ::testing::Values(SamePerson{"Joe Biden", "Joseph R. Biden, Jr."},
                      SamePerson{"Joseph R. Biden", "Joseph R. Biden, Jr."},
                      SamePerson{"Fumio Kishida", "Kishida Fumio"},
                      SamePerson{"Antony Blinken", "Tony Blinken"},
                      SamePerson{"Sergey Lavrov", "Sergei Lavrov"},
                      SamePerson{"Subrahmanyam Jaishankar", "Subramanyam Jaishankar"},
                      SamePerson{"Sheikh Tahnoon bin Zayed", "Tahnoun bin Zayed"},
                      SamePerson{"Mohamed bin Zayed", "Mohammed bin Zayed"},
                      SamePerson{"Mohammed Shia al-Sudani", "Mohammed Shia Al Sudani"},
                      SamePerson{"Kim Su-Kwang", "Su-Kwang KIM"},
                      SamePerson{"Park Jeong-hwan", "Jeong-Hwan Park"},
                      SamePerson{"Liz Truss", "Elizabeth Truss"},
                      SamePerson{"Phil Gordon", "Philip Gordon"},
                      SamePerson{"Michael Križanec", "Michael Krizanec"},
                      SamePerson{"Dr. S. Jaishankar", "S Jaishankar"}));

// People who share a surname or more and must stay apart.
class DifferentPeopleTest : public ::testing::TestWithParam<SamePerson> {};

TEST_P(DifferentPeopleTest, HaveDifferentIds) {
  EXPECT_NE(PersonIdOf(GetParam().a), PersonIdOf(GetParam().b))
      << GetParam().a << " / " << GetParam().b;
}

INSTANTIATE_TEST_SUITE_P(
    PoolNames, DifferentPeopleTest,
    ::testing::Values(SamePerson{"Joe Biden", "Jill Biden"},
                      SamePerson{"Rajnath Singh", "Daleep Singh"},
                      SamePerson{"Daleep Singh", "Jitendra Singh"},
                      SamePerson{"Kishida Fumio", "Kishida Yuko"},
                      SamePerson{"Mohammed bin Salman", "Khalid bin Salman"},
                      SamePerson{"Emmanuel Macron", "Brigitte Macron"},
                      // A lone initial is resolved by the store, not here.
                      SamePerson{"S. Jaishankar", "Subrahmanyam Jaishankar"},
                      SamePerson{"Ben Wallace", "Wallace"}));

TEST(PersonKeyTest, IdsAreSortedWordsAfterInitials) {
  EXPECT_EQ(PersonIdOf("Joseph R. Biden, Jr."), "biden-joseph");
  EXPECT_EQ(PersonIdOf("S. Jaishankar"), "s-jaishankar");
  EXPECT_EQ(PersonIdOf("Martens"), "martens");
  EXPECT_EQ(PersonIdOf(""), "");
  EXPECT_EQ(PersonIdOf("Mr."), "");
}

TEST(PersonKeyTest, AnEarlierIdResolvesToTheSameId) {
  // Ids before person keys were slugs of the served name.
  EXPECT_EQ(PersonIdOf("joseph-r-biden-jr"), PersonIdOf("Joe Biden"));
  EXPECT_EQ(PersonIdOf("kishida-fumio"), PersonIdOf("Fumio Kishida"));
  EXPECT_EQ(PersonIdOf("tony-blinken"), PersonIdOf("Antony Blinken"));
  EXPECT_EQ(PersonIdOf("su-kwang-kim"), PersonIdOf("Kim Su-Kwang"));
  EXPECT_EQ(PersonIdOf(PersonIdOf("Kim Su-Kwang")), PersonIdOf("Kim Su-Kwang"));
}

TEST(PersonKeyTest, BuiltinVariantsParse) {
  EXPECT_EQ(BuiltinNameVariants().at("joe"), "joseph");
}

TEST(ParseNameVariantsTest, RejectsBadRowsNamingTheLine) {
  struct Bad {
    std::string tsv;
    std::string message;
  };
  for (const Bad& bad : {
           Bad{"joe\tjoseph\tx\n", "line 1: expected variant<TAB>canonical"},
           Bad{"# c\nJoe\tjoseph\n", "line 2: names must be one lower-case"},
           Bad{"joe\tjo seph\n", "line 1: names must be one lower-case"},
           Bad{"joe\tjoe\n", "line 1: a variant equal to its canonical form"},
           Bad{"joe\tjoseph\njoe\tjoel\n", "line 2: variant \"joe\" repeated"},
           Bad{"joe\tjoseph\njoseph\tjose\n", "is itself a variant"},
       }) {
    absl::StatusOr<NameVariants> parsed = ParseNameVariants(bad.tsv);
    ASSERT_FALSE(parsed.ok()) << bad.tsv;
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(parsed.status().message()), HasSubstr(bad.message)) << bad.tsv;
  }
}

}  // namespace
}  // namespace parley::identity
