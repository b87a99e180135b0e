#include "identity/organizations.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley::identity {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(OrganizationAliasesTest, EveryNameOfAnOrganisationFindsTheOthers) {
  const OrganizationAliases& aliases = BuiltinOrganizationAliases();
  EXPECT_THAT(aliases.NamesOf("North Atlantic Treaty Organization"), Contains("nato"));
  EXPECT_THAT(aliases.NamesOf("NATO"), Contains("north atlantic treaty organisation"));
  EXPECT_EQ(aliases.NamesOf("NATO").front(), "nato");
  EXPECT_EQ(aliases.CanonicalName("rok jcs"), "Republic of Korea Joint Chiefs of Staff");
  EXPECT_THAT(aliases.NamesOf("Indian Navy"), ElementsAre("indian navy"));
  EXPECT_EQ(aliases.CanonicalName("Indian Navy"), "Indian Navy");
}

TEST(OrganizationAliasesTest, RejectsANameListedTwiceNamingTheLine) {
  auto parsed = ParseOrganizationAliases("# x\nNATO\tOTAN\nEU\tnato\n");
  ASSERT_FALSE(parsed.ok());
  EXPECT_THAT(std::string(parsed.status().message()), HasSubstr("line 3"));
  EXPECT_FALSE(ParseOrganizationAliases("NATO\t\n").ok());
}

}  // namespace
}  // namespace parley::identity
