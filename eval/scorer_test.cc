#include "eval/scorer.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley::eval {
namespace {

using ::testing::DoubleEq;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// ---- builders ----

v1::EventParticipant* AddParticipant(v1::Event& event, const std::string& name,
                                     const std::string& rank = "",
                                     const std::string& role = "",
                                     const std::string& organization = "") {
  v1::EventParticipant* participant = event.add_participants();
  participant->set_name(name);
  participant->set_rank(rank);
  participant->set_role(role);
  participant->set_organization(organization);
  return participant;
}

void AddQuote(v1::Event& event, const std::string& speaker,
              const std::string& text) {
  v1::Quote* quote = event.add_quotes();
  quote->set_speaker(speaker);
  quote->set_text(text);
}

GoldQuote MakeGoldQuote(const std::string& speaker,
                        const std::string& starts_with) {
  return GoldQuote{speaker, starts_with};
}

v1::Quote MakeQuote(const std::string& speaker, const std::string& text) {
  v1::Quote quote;
  quote.set_speaker(speaker);
  quote.set_text(text);
  return quote;
}

Gold MakeGold() {
  Gold gold;
  gold.id = "article-1";
  gold.event_type = "staff_talks";
  return gold;
}

// ---- matching rules ----

TEST(NameTokensTest, SplitsOnWhitespaceCommasAndPeriods) {
  EXPECT_THAT(NameTokens("Joseph R. Biden, Jr."),
              ElementsAre("biden", "joseph", "jr", "r"));
  EXPECT_THAT(NameTokens("  Su-Kwang   KIM "), ElementsAre("kim", "su-kwang"));
  EXPECT_THAT(NameTokens(" ., "), IsEmpty());
}

struct NamePair {
  const char* answer;
  const char* gold;
  bool matches;
};

class NamesMatchTest : public ::testing::TestWithParam<NamePair> {};

TEST_P(NamesMatchTest, ComparesTokenSets) {
  EXPECT_EQ(NamesMatch(GetParam().answer, GetParam().gold),
            GetParam().matches)
      << GetParam().answer << " vs " << GetParam().gold;
}

INSTANTIATE_TEST_SUITE_P(
    Names, NamesMatchTest,
    ::testing::Values(
        NamePair{"Kim Su-Kwang", "Su-Kwang Kim", true},
        NamePair{"su-kwang KIM", "Su-Kwang Kim", true},
        NamePair{"Joseph R. Biden, Jr.", "Joseph R. Biden, Jr.", true},
        NamePair{"Biden Joseph R Jr", "Joseph R. Biden, Jr.", true},
        NamePair{"Recep Tayyip Erdoğan", "Recep Tayyip Erdogan", true},
        // A shorter form does not match the full name, nor a longer one.
        NamePair{"Joseph Biden", "Joseph R. Biden, Jr.", false},
        NamePair{"General Diella", "Francesco Diella", false},
        NamePair{"Diella", "Francesco Diella", false},
        NamePair{"Lieutenant General Francesco Diella", "Francesco Diella",
                 false},
        // Hyphenated tokens stay whole.
        NamePair{"Su Kwang Kim", "Su-Kwang Kim", false},
        NamePair{"", "", false}));

TEST(ContainsEitherWayTest, MatchesInBothDirectionsAfterFolding) {
  EXPECT_TRUE(ContainsEitherWay("Seoul", "Seoul"));
  EXPECT_TRUE(ContainsEitherWay("Seoul, Republic of Korea", "Seoul"));
  EXPECT_TRUE(ContainsEitherWay("Joint Security Area", "the JOINT security area"));
  EXPECT_TRUE(ContainsEitherWay("Bogota", "Bogotá, Colombia"));
  EXPECT_FALSE(ContainsEitherWay("Busan", "Seoul"));
  EXPECT_FALSE(ContainsEitherWay("", "Seoul"));
  EXPECT_FALSE(ContainsEitherWay("Seoul", ""));
  EXPECT_FALSE(ContainsEitherWay("  ", "Seoul"));
}

TEST(FoldQuoteTextTest, StripsQuoteMarksAndFolds) {
  EXPECT_EQ(FoldQuoteText("“NATO and Korea are strong partners.”"),
            "nato and korea are strong partners.");
  EXPECT_EQ(FoldQuoteText("\" Hello \"world\" \""), "hello world");
  EXPECT_EQ(FoldQuoteText("‘It’s time’"), "it's time");
  EXPECT_EQ(FoldQuoteText("“”"), "");
}

TEST(QuoteMatchesTest, SpeakerTokensAndTextPrefix) {
  const GoldQuote gold =
      MakeGoldQuote("Francesco Diella", "NATO and Korea are strong partners");
  EXPECT_TRUE(QuoteMatches(
      MakeQuote("Diella Francesco",
                "“NATO and Korea are strong partners. For over 15 years...”"),
      gold));
  EXPECT_TRUE(QuoteMatches(
      MakeQuote("Francesco Diella", "nato and  KOREA are strong partners"),
      gold));
  // Wrong or shortened speaker.
  EXPECT_FALSE(QuoteMatches(
      MakeQuote("Diella", "NATO and Korea are strong partners."), gold));
  // The gold start must be a prefix, not merely somewhere in the text.
  EXPECT_FALSE(QuoteMatches(
      MakeQuote("Francesco Diella",
                "He said NATO and Korea are strong partners."),
      gold));
  // A shorter answer text does not contain the gold start.
  EXPECT_FALSE(
      QuoteMatches(MakeQuote("Francesco Diella", "NATO and Korea"), gold));
}

TEST(QuoteMatchesTest, TypographicApostropheInGoldMatchesPlainInAnswer) {
  const GoldQuote gold =
      MakeGoldQuote("Michele Flournoy", "I really appreciate that you’re here");
  EXPECT_TRUE(QuoteMatches(
      MakeQuote("Michele Flournoy",
                "\"I really appreciate that you're here, and thank you.\""),
      gold));
}

// ---- ScoreEvent: participants and their attributes ----

TEST(ScoreEventTest, ParticipantsMatchOneToOneByTokenSet) {
  Gold gold = MakeGold();
  gold.participants = {{"Su-Kwang Kim", "", "", ""},
                       {"Francesco Diella", "", "", ""}};
  v1::Event answer;
  AddParticipant(answer, "Kim Su-Kwang");
  AddParticipant(answer, "Su-Kwang Kim");  // duplicate: gold used only once
  AddParticipant(answer, "General Diella");  // shorter form: no match

  ArticleScore score = ScoreEvent(answer, gold);
  const FieldCounts& participants = score[Field::kParticipants];
  EXPECT_EQ(participants.true_positives, 1);
  EXPECT_EQ(participants.answered, 3);
  EXPECT_EQ(participants.gold, 2);
  EXPECT_THAT(participants.misses, ElementsAre("Francesco Diella"));
  EXPECT_THAT(participants.false_hits,
              ElementsAre("Su-Kwang Kim", "General Diella"));
}

TEST(ScoreEventTest, RankIsExactAndScoredOnMatchedParticipantsOnly) {
  Gold gold = MakeGold();
  gold.participants = {
      {"Francesco Diella", "Lieutenant General", "", ""},
      {"Su-Kwang Kim", "Major General", "", ""},
      {"Park Jeong-hwan", "", "", ""},        // gold gives no rank
      {"Unfound Person", "Admiral", "", ""},  // not matched: not scored
  };
  v1::Event answer;
  AddParticipant(answer, "Francesco Diella", "lieutenant  general");  // tp
  AddParticipant(answer, "Su-Kwang Kim", "General");  // wrong: hit + miss
  AddParticipant(answer, "Park Jeong-hwan", "General");  // gold null: hit
  AddParticipant(answer, "Someone Else", "Colonel");  // unmatched: ignored

  const FieldCounts rank = ScoreEvent(answer, gold)[Field::kRank];
  EXPECT_EQ(rank.true_positives, 1);
  EXPECT_EQ(rank.answered, 3);  // matched participants with an answer rank
  EXPECT_EQ(rank.gold, 2);      // matched participants with a gold rank
  EXPECT_THAT(rank.misses, ElementsAre("Su-Kwang Kim: Major General"));
  EXPECT_THAT(rank.false_hits, ElementsAre("Su-Kwang Kim: General",
                                           "Park Jeong-hwan: General"));
}

TEST(ScoreEventTest, RoleAndOrganizationMatchByContainmentEitherWay) {
  Gold gold = MakeGold();
  gold.participants = {
      {"Su-Kwang Kim", "", "Director of the Strategy and Plans Division",
       "Republic of Korea Joint Chiefs of Staff"},
      {"Francesco Diella", "", "Director", "NATO"},
      {"Park Jeong-hwan", "", "Chief of Staff", "Republic of Korea Army"},
  };
  v1::Event answer;
  // Answer shorter than gold: contained in it.
  AddParticipant(answer, "Kim Su-Kwang", "", "Director",
                 "Joint Chiefs of Staff");
  // Answer longer than gold: contains it.
  AddParticipant(answer, "Francesco Diella", "", "Director CS",
                 "NATO Cooperative Security Division");
  // Neither way, and an organisation left out.
  AddParticipant(answer, "Park Jeong-hwan", "", "Commander", "");

  ArticleScore score = ScoreEvent(answer, gold);
  const FieldCounts& role = score[Field::kRole];
  EXPECT_EQ(role.true_positives, 2);
  EXPECT_EQ(role.answered, 3);
  EXPECT_EQ(role.gold, 3);
  EXPECT_THAT(role.misses, ElementsAre("Park Jeong-hwan: Chief of Staff"));
  EXPECT_THAT(role.false_hits, ElementsAre("Park Jeong-hwan: Commander"));

  const FieldCounts& organization = score[Field::kOrganization];
  EXPECT_EQ(organization.true_positives, 2);
  EXPECT_EQ(organization.answered, 2);
  EXPECT_EQ(organization.gold, 3);
  EXPECT_THAT(organization.misses,
              ElementsAre("Park Jeong-hwan: Republic of Korea Army"));
  EXPECT_THAT(organization.false_hits, IsEmpty());
}

// ---- single-valued fields ----

TEST(ScoreEventTest, EventTypeMapsEnumNamesLowerCased) {
  Gold gold = MakeGold();
  v1::Event answer;
  answer.set_type(v1::STAFF_TALKS);
  const FieldCounts right = ScoreEvent(answer, gold)[Field::kEventType];
  EXPECT_EQ(right.true_positives, 1);
  EXPECT_EQ(right.answered, 1);
  EXPECT_EQ(right.gold, 1);

  answer.set_type(v1::MEETING);
  const FieldCounts wrong = ScoreEvent(answer, gold)[Field::kEventType];
  EXPECT_EQ(wrong.true_positives, 0);
  EXPECT_EQ(wrong.answered, 1);
  EXPECT_THAT(wrong.false_hits, ElementsAre("meeting"));
  EXPECT_THAT(wrong.misses, ElementsAre("staff_talks"));

  answer.set_type(v1::EVENT_TYPE_UNSPECIFIED);
  const FieldCounts absent = ScoreEvent(answer, gold)[Field::kEventType];
  EXPECT_EQ(absent.answered, 0);
  EXPECT_EQ(absent.gold, 1);
}

TEST(ScoreEventTest, DatesCompareExactlyAndAbsentOnBothSidesCountsNothing) {
  Gold gold = MakeGold();
  gold.start_date = "2023-02-13";
  gold.end_date = "";  // null in the gold
  v1::Event answer;
  answer.set_start_date("2023-02-13");
  ArticleScore score = ScoreEvent(answer, gold);
  EXPECT_EQ(score[Field::kStartDate].true_positives, 1);
  EXPECT_EQ(score[Field::kStartDate].answered, 1);
  EXPECT_EQ(score[Field::kStartDate].gold, 1);
  EXPECT_EQ(score[Field::kEndDate].true_positives, 0);
  EXPECT_EQ(score[Field::kEndDate].answered, 0);
  EXPECT_EQ(score[Field::kEndDate].gold, 0);

  // Answering a date the gold leaves null is a false hit.
  answer.set_end_date("2023-02-14");
  answer.set_start_date("2023-02-12");
  score = ScoreEvent(answer, gold);
  EXPECT_EQ(score[Field::kEndDate].answered, 1);
  EXPECT_EQ(score[Field::kEndDate].gold, 0);
  EXPECT_THAT(score[Field::kEndDate].false_hits, ElementsAre("2023-02-14"));
  EXPECT_EQ(score[Field::kStartDate].true_positives, 0);
  EXPECT_THAT(score[Field::kStartDate].misses, ElementsAre("2023-02-13"));
}

// ---- list fields ----

TEST(ScoreEventTest, LocationsContainmentWithMaximumOneToOneMatching) {
  Gold gold = MakeGold();
  gold.locations = {"Seoul", "Seoul National Cemetery"};
  v1::Event answer;
  // "Seoul" matches both gold items; a greedy pairing with the first gold
  // item would leave "Seoul National Cemetery" for nobody.
  answer.add_locations()->set_name("Seoul");
  answer.add_locations()->set_name("Seoul, South Korea");
  answer.add_locations()->set_name("Busan");
  const FieldCounts locations = ScoreEvent(answer, gold)[Field::kLocations];
  EXPECT_EQ(locations.true_positives, 2);
  EXPECT_EQ(locations.answered, 3);
  EXPECT_EQ(locations.gold, 2);
  EXPECT_THAT(locations.misses, IsEmpty());
  EXPECT_THAT(locations.false_hits, ElementsAre("Busan"));
}

TEST(ScoreEventTest, OrganizationsAndTopicsUseContainment) {
  Gold gold = MakeGold();
  gold.organizations = {"Republic of Korea Joint Chiefs of Staff", "NATO"};
  gold.topics = {"cyber security", "maritime security"};
  v1::Event answer;
  answer.add_organizations()->set_name("Joint Chiefs of Staff");
  answer.add_organizations()->set_name("the Republic of Korea Army");
  answer.add_topics()->set_name("Cyber Security");
  answer.add_topics()->set_name("");  // empty never matches
  ArticleScore score = ScoreEvent(answer, gold);
  EXPECT_EQ(score[Field::kOrganizations].true_positives, 1);
  EXPECT_THAT(score[Field::kOrganizations].misses, ElementsAre("NATO"));
  EXPECT_THAT(score[Field::kOrganizations].false_hits,
              ElementsAre("the Republic of Korea Army"));
  EXPECT_EQ(score[Field::kTopics].true_positives, 1);
  EXPECT_EQ(score[Field::kTopics].answered, 2);
  EXPECT_THAT(score[Field::kTopics].misses, ElementsAre("maritime security"));
}

TEST(ScoreEventTest, CountriesCompareAsIsoCodes) {
  Gold gold = MakeGold();
  gold.countries = {"KR", "US"};
  v1::Event answer;
  v1::Country* korea = answer.add_countries();
  korea->set_code("kr");
  korea->set_name("South Korea");
  answer.add_countries()->set_code("KR");  // duplicate
  answer.add_countries()->set_name("United States");  // no code: never matches
  const FieldCounts countries = ScoreEvent(answer, gold)[Field::kCountries];
  EXPECT_EQ(countries.true_positives, 1);
  EXPECT_EQ(countries.answered, 3);
  EXPECT_EQ(countries.gold, 2);
  EXPECT_THAT(countries.misses, ElementsAre("US"));
  EXPECT_THAT(countries.false_hits,
              ElementsAre("KR", "(no code) United States"));
}

TEST(ScoreEventTest, QuotesMatchOneToOne) {
  Gold gold = MakeGold();
  gold.quotes = {
      MakeGoldQuote("Francesco Diella", "NATO and Korea are strong partners"),
      MakeGoldQuote("Francesco Diella", "Korea is one of NATO"),
  };
  v1::Event answer;
  AddQuote(answer, "Francesco Diella",
           "“Korea is one of NATO’s most important partners.”");
  AddQuote(answer, "Francesco Diella",
           "“Korea is one of NATO’s most important partners.”");
  AddQuote(answer, "Diella", "NATO and Korea are strong partners.");
  const FieldCounts quotes = ScoreEvent(answer, gold)[Field::kQuotes];
  EXPECT_EQ(quotes.true_positives, 1);
  EXPECT_EQ(quotes.answered, 3);
  EXPECT_EQ(quotes.gold, 2);
  EXPECT_THAT(quotes.misses,
              ElementsAre("Francesco Diella: \"NATO and Korea are strong "
                          "partners...\""));
  EXPECT_EQ(quotes.false_hits.size(), 2u);
}

TEST(ScoreEventTest, EmptyAnswerMissesEverything) {
  Gold gold = MakeGold();
  gold.participants = {{"Francesco Diella", "Lieutenant General", "", ""}};
  gold.locations = {"Seoul"};
  ArticleScore score = ScoreEvent(v1::Event(), gold);
  EXPECT_EQ(score.id, "article-1");
  EXPECT_EQ(score[Field::kParticipants].gold, 1);
  EXPECT_EQ(score[Field::kParticipants].answered, 0);
  // Rank is scored on matched participants only: nothing matched.
  EXPECT_EQ(score[Field::kRank].gold, 0);
  EXPECT_EQ(score[Field::kLocations].gold, 1);
  EXPECT_EQ(score[Field::kEventType].gold, 1);
}

// ---- aggregation ----

FieldCounts Counts(int true_positives, int answered, int gold) {
  FieldCounts counts;
  counts.true_positives = true_positives;
  counts.answered = answered;
  counts.gold = gold;
  return counts;
}

TEST(SummarizeTest, MicroAveragesAndEmptyDenominators) {
  ArticleScore first;
  first[Field::kLocations] = Counts(1, 2, 1);
  ArticleScore second;
  second[Field::kLocations] = Counts(2, 2, 5);
  second[Field::kTopics] = Counts(0, 0, 3);
  second[Field::kCountries] = Counts(0, 2, 0);

  Summary summary = Summarize({first, second});
  EXPECT_EQ(summary.articles, 2);
  const FieldMetrics& locations = summary[Field::kLocations];
  EXPECT_EQ(locations.true_positives, 3);
  EXPECT_EQ(locations.answered, 4);
  EXPECT_EQ(locations.gold, 6);
  EXPECT_THAT(locations.precision, DoubleEq(0.75));
  EXPECT_THAT(locations.recall, DoubleEq(0.5));
  EXPECT_THAT(locations.f1, DoubleEq(0.6));

  // Nothing answered, something in the gold.
  EXPECT_THAT(summary[Field::kTopics].precision, DoubleEq(0));
  EXPECT_THAT(summary[Field::kTopics].recall, DoubleEq(0));
  EXPECT_THAT(summary[Field::kTopics].f1, DoubleEq(0));
  // Something answered, nothing in the gold.
  EXPECT_THAT(summary[Field::kCountries].precision, DoubleEq(0));
  EXPECT_THAT(summary[Field::kCountries].recall, DoubleEq(0));
  // Nothing on either side is not a perfect score.
  EXPECT_EQ(summary[Field::kQuotes].gold, 0);
  EXPECT_THAT(summary[Field::kQuotes].precision, DoubleEq(0));
  EXPECT_THAT(summary[Field::kQuotes].recall, DoubleEq(0));
  EXPECT_THAT(summary[Field::kQuotes].f1, DoubleEq(0));
}

TEST(FieldNameTest, NamesEveryFieldInReportOrder) {
  std::vector<std::string> names;
  for (Field field : AllFields()) names.emplace_back(FieldName(field));
  EXPECT_THAT(names,
              ElementsAre("participants", "rank", "role", "organization",
                          "event_type", "start_date", "end_date", "locations",
                          "organizations", "countries", "quotes", "topics"));
}

}  // namespace
}  // namespace parley::eval
