#include "eval/name_check.h"

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley::eval {
namespace {

using ::testing::HasSubstr;

// How the pool writes these words in mid-sentence (lower case, capitalised,
// capitalised after "the"), counted over the pool on 2026-11-30.
WordCaseStats PoolStats() {
  WordCaseStats stats;
  const struct {
    const char* word;
    WordCaseStats::Counts counts;
  } kCounts[] = {
      {"economics", {8, 7, 0}},   {"resources", {85, 5, 0}},   {"americas", {0, 65, 58}},
      {"plan", {96, 60, 0}},      {"emergency", {37, 21, 0}},  {"rescue", {33, 30, 0}},
      {"leave", {23, 2, 0}},      {"continues", {72, 0, 0}},   {"describe", {2, 0, 0}},
      {"jobs", {63, 4, 0}},       {"transnational", {24, 1, 0}}, {"crime", {19, 4, 1}},
      {"upgraded", {59, 0, 0}},   {"young", {29, 8, 0}},       {"rice", {2, 5, 0}},
      {"mark", {32, 25, 0}},      {"wells", {2, 4, 0}},        {"will", {3664, 6, 0}},
      {"said", {1560, 1, 0}},     {"banks", {27, 2, 0}},       {"grant", {24, 4, 0}},
      {"harsh", {5, 4, 0}},       {"do", {176, 4, 0}},         {"long", {122, 27, 0}},
      {"bill", {7, 5, 0}},        {"rose", {5, 1, 0}},         {"today", {485, 14, 0}},
      {"public", {142, 54, 1}},   {"allied", {20, 150, 30}},   {"bilawal", {0, 28, 0}},
      {"official", {181, 18, 3}}, {"fighting", {44, 8, 0}},
      {"cooling", {8, 3, 0}},
  };
  for (const auto& c : kCounts) stats.Add(c.word, c.counts);
  return stats;
}

class NameCheckerTest : public ::testing::Test {
 protected:
  NameCheckerTest()
      : stats_(PoolStats()),
        checker_(&stats_, {"Daleep Singh", "Chris Dodd", "Richard Verma", "Bhutto Zardari",
                           "Ricardo Zuniga"}) {}

  std::string Name(const std::string& name) const {
    Finding f;
    return checker_.CheckName(name, &f)
               ? std::string(ProblemName(f.problem)) + " " + f.word
               : "ok";
  }
  std::string Role(const std::string& role) const {
    Finding f;
    return checker_.CheckRole(role, &f) ? std::string(ProblemName(f.problem)) + " " + f.word
                                        : "ok";
  }

  WordCaseStats stats_;
  NameChecker checker_;
};

TEST_F(NameCheckerTest, FlagsRoleWordsInNames) {
  EXPECT_EQ(Name("Resources Richard Verma"), "role_word Resources");
  EXPECT_EQ(Name("RAdm Gurcharan Singh"), "role_word RAdm");
  EXPECT_EQ(Name("Vice-Admiral Peter Hudson"), "role_word Vice-Admiral");
  EXPECT_EQ(Name("Transportation Pete Buttigieg"), "role_word Transportation");
  EXPECT_EQ(Name("Supreme Allied"), "role_word Supreme");
}

TEST_F(NameCheckerTest, FlagsVerbsAfterTheFirstWord) {
  EXPECT_EQ(Name("Modi Leaves"), "verb Leaves");
  EXPECT_EQ(Name("Biden Continues"), "verb Continues");
  EXPECT_EQ(Name("Bilawal Describes"), "verb Describes");
  EXPECT_EQ(Name("Presidential Delegation"), "verb Delegation");
  EXPECT_EQ(Name("Upgraded Bofors"), "verb Upgraded");
  EXPECT_EQ(Name("Fighting Checkmates"), "verb Fighting");
}

TEST_F(NameCheckerTest, FlagsCommonNouns) {
  EXPECT_EQ(Name("Emergency Plan"), "common_noun Emergency");
  EXPECT_EQ(Name("Rescue Plan"), "common_noun Rescue");
  EXPECT_EQ(Name("Jobs Plan"), "common_noun Jobs");
  EXPECT_EQ(Name("Transnational Crime Tiffany Eppelheimer"), "common_noun Transnational");
  EXPECT_EQ(Name("Economics Daleep Singh"), "common_noun Economics");
  EXPECT_EQ(Name("Official Ricardo Zuniga"), "common_noun Official");
}

TEST_F(NameCheckerTest, FlagsAWordGluedBeforeAServedName) {
  EXPECT_EQ(Name("Americas Chris Dodd"), "glued_word Americas");
}

TEST_F(NameCheckerTest, KeepsRealNamesThatAreAlsoWords) {
  for (const char* name :
       {"Christen Linke Young", "Carolina Young", "Susan Rice", "Mark Milley", "Mark Wells",
        "Will Roper", "Said Chanegriha", "Dana Banks", "Grant Shapps", "Harsh V. Shringla",
        "Do Hung Viet", "Huey Long", "Bill Nelson", "Rose Gottemoeller",
        "Bilawal Bhutto Zardari", "Hussein Al-Sheikh", "Joseph R. Biden, Jr.",
        "Mohammed bin Salman", "Zhang Ming", "Jack Reed", "Robert Cooling", "Official Keith Doe" /* one common word, no proof */}) {
    EXPECT_EQ(Name(name), "ok") << name;
  }
}

TEST_F(NameCheckerTest, FlagsRolesThatStartWithAConnectiveOrPunctuation) {
  EXPECT_EQ(Role("and Prime Minister"), "role_start and");
  EXPECT_EQ(Role("and Belgian Prime Minister"), "role_start and");
  EXPECT_EQ(Role("to President"), "role_start to");
  EXPECT_EQ(Role(") Speaker"), "role_start )");
  EXPECT_EQ(Role("- Secretary of Commerce"), "role_start -");
  EXPECT_EQ(Role("\xE2\x80\x9D Marine"), "role_start \xE2\x80\x9D");
  EXPECT_EQ(Role("Today Vice President"), "role_start Today");
}

TEST_F(NameCheckerTest, FlagsRoleTails) {
  EXPECT_EQ(Role("President, Today"), "role_tail Today");
  EXPECT_EQ(Role("Secretary of"), "role_tail of");
  EXPECT_EQ(Role("Mayor &"), "role_tail &");
}

TEST_F(NameCheckerTest, KeepsWellFormedRoles) {
  for (const char* role :
       {"Prime Minister", "Commander, Allied Joint Force Command Brunssum",
        "External Affairs Minister (EAM)", "Rep.", "commanding officer",
        "Head, Public Affairs Office", "Prime Minister and Crown Prince",
        "Secretary of State for Defence", "President\xE2\x80\x99s"}) {
    EXPECT_EQ(Role(role), "ok") << role;
  }
}

TEST(WordCaseStats, CountsMidSentenceWordsOfTheBodyOnly) {
  absl::StatusOr<NormalizedArticle> article = DecodeArticle(
      "wh-test",
      R"({"id": "wh-test", "title": "Rescue Plan Leaves Today", "language": "en",)"
      R"( "body": "Plan ahead. The plan and the Rescue Plan were signed by NATO today."})",
      DecodeOptions());
  ASSERT_TRUE(article.ok()) << article.status();
  WordCaseStats stats;
  stats.AddArticle(*article);
  EXPECT_EQ(stats.Get("plan").lower, 1);
  EXPECT_EQ(stats.Get("Plan").capitalised, 1);  // not "Plan ahead", not the headline
  EXPECT_EQ(stats.Get("rescue").after_the, 1);
  EXPECT_EQ(stats.Get("leaves").capitalised, 0);
  EXPECT_EQ(stats.Get("nato").capitalised, 0);  // all capitals
  EXPECT_EQ(stats.Get("today").lower, 1);
}

v1::EventParticipant Participant(const std::string& name, const std::string& role) {
  v1::EventParticipant p;
  p.set_name(name);
  p.set_role(role);
  return p;
}

TEST(NameReport, CountsEachProblemAndListsFindingsByProblemThenArticle) {
  std::vector<ArticleEvent> events(2);
  events[0].id = "wh-b";
  *events[0].event.add_participants() = Participant("Daleep Singh", "");
  *events[0].event.add_participants() = Participant("Narendra Modi", "and Prime Minister");
  events[1].id = "wh-a";
  *events[1].event.add_participants() = Participant("Resources Richard Verma", "");
  *events[1].event.add_participants() = Participant("Economics Daleep Singh", "Deputy");
  const NameReport report = BuildNameReport(events, PoolStats());
  EXPECT_EQ(report.articles, 2);
  EXPECT_EQ(report.participants, 4);
  EXPECT_EQ(report.roles, 2);
  EXPECT_EQ(report.counts[static_cast<int>(Problem::kRoleWord)], 1);
  EXPECT_EQ(report.counts[static_cast<int>(Problem::kCommonNoun)], 1);
  EXPECT_EQ(report.counts[static_cast<int>(Problem::kRoleStart)], 1);
  ASSERT_EQ(report.findings.size(), 3u);
  EXPECT_EQ(report.findings[0].name, "Resources Richard Verma");
  EXPECT_EQ(report.findings[1].name, "Economics Daleep Singh");
  EXPECT_TRUE(report.findings[2].about_role);

  const std::string text = FormatNameReportText(report);
  EXPECT_THAT(text, HasSubstr("role_word        1"));
  EXPECT_THAT(text, HasSubstr("total            3"));
  EXPECT_THAT(text, HasSubstr("role_start   wh-b  role \"and Prime Minister\" of "
                              "\"Narendra Modi\"  [and]"));
  EXPECT_THAT(FormatNameReportJson(report),
              HasSubstr("{\"articles\":2,\"participants\":4,\"roles\":2,\"counts\":"
                        "{\"role_word\":1,\"verb\":0,\"common_noun\":1,\"glued_word\":0,"
                        "\"role_start\":1,\"role_tail\":0},\"findings\":[{\"article\":\"wh-a\","
                        "\"problem\":\"role_word\",\"name\":\"Resources Richard Verma\","
                        "\"word\":\"Resources\"}"));
}

}  // namespace
}  // namespace parley::eval
