#include "tools/loadgen.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "common/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace parley::loadgen {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Pair;
using ::parley::testing::IsOk;

// A short release in the pool's style whose participants the extractor finds.
constexpr char kEnvelope[] = R"({
  "id": "visit-1",
  "source": "NATO",
  "title": "General Denis Mercier hosts Admiral Manfred Nielson in Norfolk",
  "published": "2017-03-03",
  "language": "en",
  "body": "General Denis Mercier, Supreme Allied Commander Transformation, met Admiral Manfred Nielson, Deputy Supreme Allied Commander Transformation, in Norfolk on 3 March.\n\nGeneral Mercier said the meeting strengthened the Alliance. Admiral Nielson agreed."
})";

TEST(ReplaceWords, ReplacesWholeWordsOnly) {
  EXPECT_EQ(ReplaceWords("Lee met Leeds and Lee's aide.", {{"Lee", "Kim"}}),
            "Kim met Leeds and Kim's aide.");
}

TEST(ReplaceWords, PrefersTheLongestMatchAndNeverRereplaces) {
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"Mercier", "Lee"}, {"Denis Mercier", "Ann Lee"}, {"Lee", "Kim"}};
  EXPECT_EQ(ReplaceWords("Denis Mercier and General Mercier", pairs),
            "Ann Lee and General Lee");
}

TEST(NamePairs, CoversFullFirstLastAndLastAlone) {
  EXPECT_THAT(NamePairs("Curtis M. Scaparrotti", "Ann Lee"),
              ::testing::ElementsAre(Pair("Curtis M. Scaparrotti", "Ann Lee"),
                                   Pair("Curtis Scaparrotti", "Ann Lee"),
                                   Pair("Scaparrotti", "Lee")));
  // A two-letter family name alone would hit ordinary words.
  EXPECT_THAT(NamePairs("Wang Yi", "Ann Lee"), Not(Contains(Pair("Yi", "Lee"))));
}

TEST(ZipfSampler, RanksFallWithTheirRank) {
  ZipfSampler zipf(1000, 1.0);
  EXPECT_EQ(zipf.Sample(0.0), 0);
  EXPECT_EQ(zipf.Sample(0.999999999), 999);
  std::vector<int> counts(1000);
  for (int i = 0; i < 100000; ++i) ++counts[zipf.Sample((i + 0.5) / 100000.0)];
  EXPECT_GT(counts[0], counts[1]);
  EXPECT_GT(counts[1], counts[9]);
  EXPECT_GT(counts[9], counts[99]);
  // Harmonic number H(1000) is about 7.49: the top rank takes about 13%.
  EXPECT_NEAR(counts[0] / 100000.0, 1 / 7.485, 0.01);
}

TEST(MakeTemplate, FindsThePeopleAndPlaces) {
  PARLEY_ASSERT_OK_AND_ASSIGN(Template t, MakeTemplate("visit-1", kEnvelope));
  EXPECT_THAT(t.people, Contains("Denis Mercier"));
  EXPECT_THAT(t.people, Contains("Manfred Nielson"));
}

absl::StatusOr<Generator> MakeGenerator(uint64_t seed) {
  absl::StatusOr<Template> t = MakeTemplate("visit-1", kEnvelope);
  if (!t.ok()) return t.status();
  NameParts parts{.first = {"Anna", "Boris", "Chloe"},
                  .last = {"Fischer", "Garcia", "Haddad", "Ivanova"},
                  .places = {"Brussels", "Mons"}};
  return Generator::Create({*t}, std::move(parts), Options{.seed = seed, .people = 12});
}

TEST(Generator, SameSeedSameArticlesAndUniqueIds) {
  PARLEY_ASSERT_OK_AND_ASSIGN(Generator a, MakeGenerator(7));
  PARLEY_ASSERT_OK_AND_ASSIGN(Generator b, MakeGenerator(7));
  PARLEY_ASSERT_OK_AND_ASSIGN(Generator other, MakeGenerator(8));
  absl::flat_hash_set<std::string> ids;
  for (int i = 0; i < 200; ++i) {
    const std::string line = a.Article(i);
    EXPECT_EQ(line, b.Article(i));
    ids.insert(line.substr(0, line.find('\t')));
    ids.insert(std::string(other.Article(i).substr(0, other.Article(i).find('\t'))));
  }
  EXPECT_EQ(ids.size(), 400u);
}

TEST(Generator, PeopleAreDistinctPairsOfNameParts) {
  PARLEY_ASSERT_OK_AND_ASSIGN(Generator generator, MakeGenerator(1));
  absl::flat_hash_set<std::string> names;
  for (int64_t rank = 0; rank < 12; ++rank) names.insert(generator.PersonName(rank));
  EXPECT_EQ(names.size(), 12u);
}

TEST(Generator, TooManyPeopleForTheNamePartsIsAnError) {
  PARLEY_ASSERT_OK_AND_ASSIGN(Template t, MakeTemplate("visit-1", kEnvelope));
  EXPECT_FALSE(Generator::Create({t}, NameParts{.first = {"Anna"}, .last = {"Lee"}, .places = {}},
                                 Options{.people = 2})
                   .ok());
}

TEST(Generator, TheExtractorFindsTheGeneratedPeople) {
  PARLEY_ASSERT_OK_AND_ASSIGN(Generator generator, MakeGenerator(3));
  for (int i = 0; i < 20; ++i) {
    const std::string line = generator.Article(i);
    const size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos);
    const nlohmann::json envelope = nlohmann::json::parse(line.substr(tab + 1));
    EXPECT_EQ(envelope["id"], line.substr(0, tab));
    EXPECT_THAT(envelope["body"].get<std::string>(), Not(HasSubstr("Mercier")));
    EXPECT_THAT(envelope["body"].get<std::string>(), Not(HasSubstr("Norfolk")));
    PARLEY_ASSERT_OK_AND_ASSIGN(Template extracted, MakeTemplate(line.substr(0, tab),
                                                          line.substr(tab + 1)));
    ASSERT_EQ(extracted.people.size(), 2u) << line;
    for (const std::string& person : extracted.people) {
      EXPECT_THAT(person, ::testing::MatchesRegex("(Anna|Boris|Chloe) "
                                                "(Fischer|Garcia|Haddad|Ivanova)"));
    }
  }
}

TEST(Report, CountsDistinctPeopleAndTheMostFrequent) {
  PARLEY_ASSERT_OK_AND_ASSIGN(Generator generator, MakeGenerator(5));
  Report report;
  for (int i = 0; i < 50; ++i) ASSERT_THAT(report.Add(generator.Article(i)), IsOk());
  EXPECT_EQ(report.articles, 50);
  EXPECT_EQ(report.mentions, 100);
  EXPECT_GT(report.articles_per_person.size(), 3u);
  EXPECT_THAT(report.Summary(), HasSubstr("articles 50 (50 with participants)"));
  EXPECT_FALSE(report.Add("no tab here").ok());
}

}  // namespace
}  // namespace parley::loadgen
