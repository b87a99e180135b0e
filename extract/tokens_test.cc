#include "extract/tokens.h"

#include <string>
#include <vector>

#include "extract/test_util.h"
#include "gtest/gtest.h"

namespace parley::extract_internal {
namespace {

using testing_util::MakeArticle;

std::vector<std::string> SentenceTexts(const Document& doc) {
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) out.emplace_back(doc.Slice(s.begin, s.end));
  return out;
}

TEST(TokensTest, RankAbbreviationsDoNotEndSentences) {
  NormalizedArticle a = MakeArticle(
      "", "According to Rear Adm. John Alexander, commander, Battle Force 7th Fleet, the "
          "opportunity shows the strength of the U.S. and Australian alliance. It ended.");
  Document doc = BuildDocument(a);
  std::vector<std::string> s = SentenceTexts(doc);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[1], "It ended.");
}

TEST(TokensTest, SentencesReportingAnotherTimeAreMarked) {
  NormalizedArticle a = MakeArticle(
      "", "National Security Adviser Ajit Doval met Ali Akbar Ahmadian in Tehran on Tuesday. "
          "Last year, Doval had visited Moscow. In March, the two sides held talks in Delhi. "
          "The two leaders last met in 2022 \u201cat the last summit\u201d. "
          "India and Iran agreed to meet again last week of June.");
  Document doc = BuildDocument(a);
  ASSERT_EQ(doc.sentences.size(), 5u);
  EXPECT_FALSE(doc.sentences[0].time_shifted);
  EXPECT_TRUE(doc.sentences[1].time_shifted);   // "Last year, …"
  EXPECT_TRUE(doc.sentences[2].time_shifted);   // "In March, …"
  EXPECT_FALSE(doc.sentences[3].time_shifted);  // "last" without week/month/year
  EXPECT_TRUE(doc.sentences[4].time_shifted);   // "last week"
}

TEST(TokensTest, AbbreviationPeriodsStayOnTheToken) {
  NormalizedArticle a = MakeArticle("", "Lt. Gen. Francesco Diella met Sgt. Zachary B. Mueller.");
  Document doc = BuildDocument(a);
  ASSERT_GE(doc.tokens.size(), 4u);
  EXPECT_EQ(doc.tokens[0].text, "Lt.");
  EXPECT_EQ(doc.tokens[0].Bare(), "Lt");
  EXPECT_EQ(doc.tokens[1].text, "Gen.");
  bool initial = false;
  for (const Token& t : doc.tokens) initial |= t.text == "B.";
  EXPECT_TRUE(initial);
}

TEST(TokensTest, MissingSpaceAfterPeriodStillSplits) {
  // IDRW copy: "…between 1987 and 1990.The Chief of Air Staff arrived here…"
  NormalizedArticle a = MakeArticle(
      "", "He paid respects to the soldiers in Sri Lanka between 1987 and 1990.The Chief of "
          "Air Staff arrived here on Monday.");
  Document doc = BuildDocument(a);
  std::vector<std::string> s = SentenceTexts(doc);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[1], "The Chief of Air Staff arrived here on Monday.");
}

TEST(TokensTest, PossessiveIsItsOwnToken) {
  NormalizedArticle a = MakeArticle("", "A delegation from NATO\xE2\x80\x99s Cooperative Security Division.");
  Document doc = BuildDocument(a);
  std::vector<std::string> texts;
  for (const Token& t : doc.tokens) texts.emplace_back(t.text);
  EXPECT_NE(std::find(texts.begin(), texts.end(), "NATO"), texts.end());
  EXPECT_NE(std::find(texts.begin(), texts.end(), "\xE2\x80\x99s"), texts.end());
}

TEST(TokensTest, QuotedTokensAreMarked) {
  NormalizedArticle a = MakeArticle(
      "", "\xE2\x80\x9CNATO and Korea are strong partners\xE2\x80\x9D, underlined Lieutenant "
          "General Diella.");
  Document doc = BuildDocument(a);
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_TRUE(doc.tokens[1].in_quote);  // NATO
  EXPECT_FALSE(doc.tokens.back().in_quote);
}

TEST(TokensTest, SourceCreditIsSeparated) {
  NormalizedArticle a = MakeArticle(
      "", "SOURCE: RAUNAK KUNDE / NEWS BEAT / IDRW.ORG Ambassador Dinesh Bhatia recently met "
          "the chief.");
  Document doc = BuildDocument(a);
  ASSERT_GE(doc.sentences.size(), 2u);
  EXPECT_TRUE(doc.sentences[0].credit);
  EXPECT_EQ(doc.Slice(doc.sentences[1].begin, doc.sentences[1].end),
            "Ambassador Dinesh Bhatia recently met the chief.");
}

// A short paragraph whose words before "by" are byline words is a credit
// line, not the lead; a longer one, or other words before "by", is text.
TEST(TokensTest, StoryAndPhotosByLineIsACredit) {
  // nmi-20181205-nmi-introduction-baghdad (pool).
  NormalizedArticle a = MakeArticle(
      "", "Story and photos by NMI Public Affairs\n\n BAGHDAD, Iraq - The recently established "
          "NATO Mission Iraq (NMI) conducted an Introduction Event.");
  Document doc = BuildDocument(a);
  ASSERT_GE(doc.sentences.size(), 2u);
  EXPECT_TRUE(doc.sentences[0].credit);
  EXPECT_FALSE(doc.sentences[1].credit);
  NormalizedArticle text = MakeArticle("", "Exercises led by the Navy continued.");
  EXPECT_FALSE(BuildDocument(text).sentences[0].credit);
}

}  // namespace
}  // namespace parley::extract_internal
