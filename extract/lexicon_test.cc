#include "extract/lexicon.h"

#include <ostream>
#include <string>
#include <vector>

#include "common/status_matchers.h"
#include "extract/classify.h"
#include "extract/lexicon_data.h"
#include "extract/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley::extract_internal {
namespace {

using ::parley::testing::IsOk;
using ::parley::testing::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using testing_util::MakeArticle;

TEST(BuiltinLexiconTest, ParsesAndFillsEveryClass) {
  absl::StatusOr<Lexicon> lexicon = ParseLexicon(kLexiconTsv);
  ASSERT_THAT(lexicon, IsOk());
  for (int c = 0; c < kWordClassCount; ++c) {
    EXPECT_FALSE(lexicon->Entries(static_cast<WordClass>(c)).empty())
        << WordClassName(static_cast<WordClass>(c));
  }
}

TEST(BuiltinLexiconTest, HeaderNamesEveryClass) {
  std::string header;
  for (std::string_view line : Split(kLexiconTsv, '\n')) {
    if (line.starts_with("# ---")) break;  // the first class section
    if (line.starts_with("#")) header += std::string(line) + "\n";
  }
  for (int c = 0; c < kWordClassCount; ++c) {
    std::string_view name = WordClassName(static_cast<WordClass>(c));
    EXPECT_THAT(header, HasSubstr(" " + std::string(name))) << name;
    EXPECT_THAT(std::string(kLexiconTsv), HasSubstr("# --- " + std::string(name) + ":")) << name;
  }
}

TEST(BuiltinLexiconTest, Lookups) {
  EXPECT_TRUE(IsSeniorRank("Major General"));
  EXPECT_TRUE(IsSeniorRank("Generalmajor"));
  EXPECT_FALSE(IsSeniorRank("Colonel"));
  EXPECT_FALSE(IsSeniorRank("Maj Gen"));  // an abbreviation, not an expanded rank
  EXPECT_TRUE(IsRankWord("Lt"));
  EXPECT_FALSE(IsRankWord("Gen."));
  EXPECT_TRUE(IsRoleNoun("officer"));
  EXPECT_TRUE(IsRoleNoun("Officer"));
  EXPECT_FALSE(IsRoleNoun("office"));
  EXPECT_TRUE(IsUnitWord("Army"));
  EXPECT_TRUE(IsUnitWord("Navy-Marine"));
  EXPECT_FALSE(IsUnitWord("army"));
  EXPECT_TRUE(IsUnitShipPrefix("USS"));
  EXPECT_FALSE(IsUnitShipPrefix("HMCS"));
  EXPECT_EQ(ShipPrefixCountry("HMCS"), "CA");
  EXPECT_EQ(ShipPrefixCountry("HNLMS"), "");
  EXPECT_EQ(ShipPrefixCountry("Navy"), "");
  EXPECT_TRUE(IsMeetingVerb("met", MeetingFrame::kDirect));
  EXPECT_TRUE(IsMeetingVerb("met", MeetingFrame::kWith));
  EXPECT_FALSE(IsMeetingVerb("met", MeetingFrame::kBy));
  EXPECT_TRUE(IsMeetingVerb("accompanied", MeetingFrame::kBy));
  EXPECT_FALSE(IsMeetingVerb("Met", MeetingFrame::kDirect));
  EXPECT_TRUE(IsMeetingObjectFollower("during"));
  EXPECT_TRUE(IsNegativeCue("predecessor"));
  EXPECT_TRUE(IsNegativeCue("By"));
  EXPECT_FALSE(IsNegativeCue("by"));
  EXPECT_TRUE(HasPlaceAdjectiveSuffix("London-based"));
  EXPECT_TRUE(HasPlaceAdjectiveSuffix("Japan-Korea-born"));
  EXPECT_FALSE(HasPlaceAdjectiveSuffix("based"));
  EXPECT_FALSE(HasPlaceAdjectiveSuffix("Al-Sheikh"));
  EXPECT_EQ(MonthNumber("Sept"), 9);
  EXPECT_EQ(MonthNumber("MAY"), 5);
  EXPECT_EQ(MonthNumber("Mayday"), 0);
  EXPECT_EQ(WeekdayFromName("Sunday"), 7);
  EXPECT_EQ(WeekdayFromName("sunday"), 0);
  EXPECT_TRUE(IsTitleHead("PRESIDENT"));
  EXPECT_TRUE(IsPersonPronoun("She"));
}

// The classifier only looks at tokens with kFlagTypeKeyword; the flag comes
// from the keywords, so every keyword's first word carries it as written in
// a headline.
TEST(BuiltinLexiconTest, EveryEventKeywordStartsWithAFlaggedToken) {
  for (const LexiconEntry& e : BuiltinLexicon().Entries(WordClass::kEventKeyword)) {
    for (std::string text : {e.key, std::string(1, static_cast<char>(e.key[0] - 32)) + e.key.substr(1)}) {
      NormalizedArticle a = MakeArticle("Navy " + text + " ends", "Body.");
      Document doc = BuildDocument(a);
      ASSERT_GE(doc.tokens.size(), 2u);
      EXPECT_TRUE(doc.tokens[1].Has(kFlagTypeKeyword)) << text;
    }
  }
}

TEST(BuiltinLexiconTest, HyphenatedStaffTalksKeywordsMatch) {
  // Before the flag was derived from the keywords, "staff-level" lacked it.
  NormalizedArticle a = MakeArticle("Navies hold staff-level talks in Goa", "They met.");
  EXPECT_EQ(ClassifyEvent(BuildDocument(a)).type, v1::STAFF_TALKS);
}

TEST(ParseLexiconTest, AcceptsCommentsBlankLinesAndCrlf) {
  absl::StatusOr<Lexicon> lexicon = ParseLexicon(
      "# comment\n\nrank\tGeneral\tsenior\r\nrank\tGen\texpands=General\n"
      "rank\tSergeant First Class\nrank\tSgt 1st Class\texpands=Sergeant First Class\n"
      "honorific\tH.E.\nunit_word\tArmy\n");
  ASSERT_THAT(lexicon, IsOk());
  const LexiconEntry* gen = lexicon->Find(WordClass::kRank, "Gen");
  ASSERT_NE(gen, nullptr);
  EXPECT_EQ(gen->line, 4);
  EXPECT_EQ(gen->Get("expands"), "General");
  EXPECT_TRUE(lexicon->Find(WordClass::kRank, "General")->Has("senior"));
  EXPECT_EQ(lexicon->Find(WordClass::kRank, "Sgt 1st Class")->Get("expands"),
            "Sergeant First Class");
  EXPECT_TRUE(lexicon->Contains(WordClass::kHonorific, "H.E."));
  EXPECT_FALSE(lexicon->Contains(WordClass::kOrgHead, "Army"));
}

TEST(ParseLexiconTest, MatchRankTakesTheLongestRank) {
  absl::StatusOr<Lexicon> lexicon = ParseLexicon(
      "rank\tLieutenant\nrank\tLieutenant General\tsenior\nrank\tLt Gen\texpands=Lieutenant General\n");
  ASSERT_THAT(lexicon, IsOk());
  NormalizedArticle a = MakeArticle("Title", "Lt. Gen. Smith and Lieutenant General Jones met.");
  Document doc = BuildDocument(a);
  std::string expanded;
  int first = doc.sentences.back().first_token;
  EXPECT_EQ(lexicon->MatchRank(doc.tokens, first, doc.sentences.back().last_token, &expanded), 2);
  EXPECT_EQ(expanded, "Lieutenant General");
  EXPECT_EQ(lexicon->MatchRank(doc.tokens, first + 4, doc.sentences.back().last_token, &expanded), 2);
  EXPECT_EQ(lexicon->MatchRank(doc.tokens, first + 2, doc.sentences.back().last_token, &expanded), 0);
}

struct Rejection {
  std::string name;
  std::string tsv;
  int line;
  std::string message;  // a part of the error, after "lexicon line N: "
};

void PrintTo(const Rejection& r, std::ostream* os) { *os << r.name; }

class ParseLexiconRejectsTest : public ::testing::TestWithParam<Rejection> {};

TEST_P(ParseLexiconRejectsTest, NamesTheLine) {
  const Rejection& r = GetParam();
  EXPECT_THAT(ParseLexicon(r.tsv),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(StartsWith("lexicon line " + std::to_string(r.line) + ": "),
                             HasSubstr(r.message))));
}

const Rejection kRejections[] = {
    // Malformed rows.
    {"OneField", "org_head\n", 1, "expected class<TAB>entry[<TAB>attributes], got 1 field"},
    {"FourFields", "org_head\tArmy\tunit\tx\n", 1, "got 4 fields"},
    {"TrailingTab", "org_head\tArmy\t\n", 1, "empty attribute"},
    {"SpacesAroundEntry", "org_head\t Army\n", 1, "org_head \" Army\": spaces around the entry"},
    {"EmptyEntry", "org_head\t\n", 1, "org_head: empty entry"},
    {"TwoSpaces", "rank\tLt  Gen\n", 1, "two spaces in a row"},
    // Unknown class; duplicates, counting comment lines.
    {"UnknownClass", "# ranks\nrnak\tGeneral\n", 2, "unknown class \"rnak\""},
    {"Duplicate", "org_head\tArmy\n# again\norg_head\tArmy\n", 3,
     "org_head \"Army\" repeats \"Army\" (line 1)"},
    {"DuplicateInAnyCase", "title_head\tPresident\ntitle_head\tPRESIDENT\n", 2,
     "title_head \"PRESIDENT\" repeats \"President\" (line 1)"},
    {"DuplicateRankPattern", "rank\tGeneral\nrank\tGeneral\n", 2, "repeats"},
    // Malformed attributes.
    {"UnknownAttribute", "org_word\tArmy\tsenior\n", 1,
     "unknown attribute \"senior\": org_word takes none"},
    {"MisspeltAttribute", "rank\tGeneral\tsenoir\n", 1,
     "unknown attribute \"senoir\": rank takes expands, senior"},
    {"AttributeTwice", "rank\tGeneral\tsenior; senior\n", 1, "attribute \"senior\" given twice"},
    {"StraySemicolon", "rank\tGeneral\tsenior;;\n", 1, "empty attribute"},
    {"FlagWithValue", "rank\tGeneral\tsenior=yes\n", 1, "attribute \"senior\" takes no value"},
    {"MissingValue", "rank\tGeneral\nrank\tGen\texpands=\n", 2, "attribute \"expands\" needs a value"},
    {"IntOutOfRange", "month\tJanuary\tmonth=13\n", 1,
     "attribute \"month\" must be a whole number from 1 to 12, got \"13\""},
    {"IntNotANumber", "weekday\tMonday\tday=one\n", 1, "must be a whole number from 1 to 7"},
    {"MissingRequired", "month\tJanuary\n", 1, "month \"January\": missing attribute \"month\""},
    {"BadCountry", "ship_prefix\tUSS\tcountry=usa\n", 1,
     "attribute \"country\" must be an ISO 3166-1 alpha-2 code, got \"usa\""},
    {"UnknownFrame", "meeting_verb\tmet\tframes=direct,after\n", 1,
     "must list direct, with and/or by once each"},
    {"RepeatedFrame", "meeting_verb\tmet\tframes=with,with\n", 1, "once each"},
    // References.
    {"ExpandsToNothing", "rank\tGen\texpands=General\n", 1, "expands=General: no rank entry \"General\""},
    {"ExpandsToAnAbbreviation", "rank\tGeneral\nrank\tGen\texpands=General\nrank\tG\texpands=Gen\n", 3,
     "expands=Gen: must name a rank that expands to itself"},
    {"ExpandsToItself", "rank\tGen\texpands=Gen\n", 1, "must name a rank that expands to itself"},
    {"SeniorAbbreviation", "rank\tGeneral\nrank\tGen\texpands=General; senior\n", 2,
     "rank \"Gen\": senior belongs on the rank it expands to"},
    {"KeywordOfUnknownType", "event_keyword\ttalks\ttype=MEETING\n", 1,
     "type=MEETING: no event_type entry \"MEETING\""},
    {"KeywordWithoutType", "event_keyword\ttalks\n", 1, "missing attribute \"type\""},
    {"NotAnEventType", "event_type\tPARTY\tpriority=1\n", 1,
     "event_type \"PARTY\" is not a parley.v1.EventType name"},
    {"SharedPriority", "event_type\tMEETING\tpriority=1\nevent_type\tVISIT\tpriority=1\n", 2,
     "priority 1 is taken by another type"},
    // Entries that can never match.
    {"PhraseInOneTokenClass", "org_word\tAir and Space\n", 1,
     "org_word \"Air and Space\" has 3 words; org_word matches one token"},
    {"KeywordTooLong", "event_type\tMEETING\tpriority=1\nevent_keyword\tcall on the minister\ttype=MEETING\n",
     2, "has 4 words; event_keyword matches up to 3 tokens"},
    {"KeywordWithNumber", "event_type\tMEETING\tpriority=1\nevent_keyword\tround 2 talks\ttype=MEETING\n",
     2, "\"2\" is a number token"},
    {"RankStartingWithANumber", "rank\tFirst Lieutenant\nrank\t1st Lt\texpands=First Lieutenant\n", 2,
     "rank \"1st Lt\": \"1st\" is a number token"},
    {"PeriodInBareClass", "rank\tGeneral\nrank\tGen.\texpands=General\n", 2,
     "\"Gen.\" ends with a period; rank is compared without it"},
    {"TrailingHyphen", "name_particle\tal-\n", 1, "\"al-\" is not one token"},
    {"Punctuation", "place_clause_word\t,\n", 1, "\",\" is not one token"},
    {"Possessive", "org_head\tArmy's\n", 1, "is not one token"},
    {"SplitAtHyphen", "org_word\tForces-Korea\n", 1, "is not one token"},
    {"HyphenInWordPart", "unit_word\tAir-Wing\n", 1,
     "unit_word \"Air-Wing\": has a hyphen; unit_word is compared with the parts of hyphenated words"},
};

INSTANTIATE_TEST_SUITE_P(Rows, ParseLexiconRejectsTest, ::testing::ValuesIn(kRejections),
                         [](const ::testing::TestParamInfo<Rejection>& row) {
                           return row.param.name;
                         });

}  // namespace
}  // namespace parley::extract_internal
