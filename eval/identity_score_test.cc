#include "eval/identity_score.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley::eval {
namespace {

using ::testing::DoubleNear;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<IdentityMention> Biden() {
  return {{"a", "Joe Biden", "joseph-biden"},
          {"b", "Joseph R. Biden, Jr.", "joseph-biden"},
          {"c", "Joseph R. Biden, Jr.", "joseph-biden"},
          {"d", "Jill Biden", "jill-biden"}};
}

TEST(ScoreIdentityTest, ASplitPersonCostsRecallOnly) {
  IdentityScore score =
      ScoreIdentity(Biden(), [](const IdentityMention& m) { return m.name; });
  EXPECT_DOUBLE_EQ(score.precision, 1.0);
  // Joe: 1/3, 2/3, 2/3; Jill: 1.
  EXPECT_THAT(score.recall, DoubleNear((1.0 / 3 + 2.0 / 3 + 2.0 / 3 + 1) / 4, 1e-12));
  EXPECT_THAT(score.split,
              ElementsAre("joseph-biden: Joe Biden (1), Joseph R. Biden, Jr. (2)"));
  EXPECT_TRUE(score.merged.empty());
  EXPECT_EQ(score.people, 2);
}

TEST(ScoreIdentityTest, AMergeCostsPrecisionOnly) {
  IdentityScore score = ScoreIdentity(Biden(), [](const IdentityMention&) { return "biden"; });
  EXPECT_DOUBLE_EQ(score.recall, 1.0);
  EXPECT_THAT(score.precision, DoubleNear((3 * 0.75 + 0.25) / 4, 1e-12));
  EXPECT_THAT(score.merged, ElementsAre("biden: jill-biden (1), joseph-biden (3)"));
}

TEST(ScoreIdentityTest, UnresolvedMentionsAreTheirOwnClusters) {
  IdentityScore score = ScoreIdentity(Biden(), [](const IdentityMention&) { return ""; });
  EXPECT_DOUBLE_EQ(score.precision, 1.0);
  EXPECT_LT(score.recall, 1.0);
}

TEST(ParseIdentityMentionsTest, ReadsRowsAndRejectsBadOnesNamingTheLine) {
  auto parsed = ParseIdentityMentions("# header\na\tJoe Biden\tjoseph-biden\n\n");
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed->size(), 1u);
  EXPECT_EQ((*parsed)[0].person, "joseph-biden");
  auto short_row = ParseIdentityMentions("a\tJoe Biden\n");
  EXPECT_THAT(std::string(short_row.status().message()), HasSubstr("line 1: expected"));
  auto twice = ParseIdentityMentions("a\tX Y\tx\na\tX Y\ty\n");
  EXPECT_THAT(std::string(twice.status().message()), HasSubstr("line 2"));
}

}  // namespace
}  // namespace parley::eval
