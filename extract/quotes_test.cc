#include "extract/quotes.h"

#include <string>
#include <vector>

#include "extract/test_util.h"
#include "gtest/gtest.h"

namespace parley::extract_internal {
namespace {

using testing_util::MakeArticle;

std::vector<FoundQuote> Quotes(const std::string& body) {
  static NormalizedArticle article;
  static Document doc;
  article = MakeArticle("", body);
  doc = BuildDocument(article);
  PeopleResult people = FindPeople(doc);
  return FindQuotes(doc, people.people, people.orgs);
}

TEST(QuotesTest, AttributionAfterWithRankAndSurname) {
  auto q = Quotes(
      "Addressing the Korean delegation, Lieutenant General Francesco Diella presented NATO's "
      "new Strategic Concept. \xE2\x80\x9CNATO and Korea are strong partners. For over 15 "
      "years, we have been working together\xE2\x80\x9D, underlined Lieutenant General "
      "Diella.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Francesco Diella");
  EXPECT_EQ(q[0].text.substr(0, 34), "NATO and Korea are strong partners");
}

TEST(QuotesTest, StatementIssuedByAnOrganisationAndItsContinuations) {
  // idrw-20230521-jaishankar-meets-antony-blinken-discusses (pool); the third
  // quotation opens with a closing mark in the source.
  auto q = Quotes(
      "Meanwhile, a statement released by the White House read, \xE2\x80\x9CPresident Joe Biden "
      "and First Lady Jill Biden will host Prime Minister Narendra Modi of the Republic of India "
      "for an Official State Visit.\xE2\x80\x9D \xE2\x80\x9CThe visit will strengthen the two "
      "countries\xE2\x80\x99 shared commitment to a free, open, prosperous, and secure "
      "Indo-Pacific,\xE2\x80\x9D the statement added.\xE2\x80\x9DThe leaders will discuss ways "
      "to further expand our educational exchanges,\xE2\x80\x9D it stated further.");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].speaker, "White House");
  EXPECT_EQ(q[0].text.substr(0, 22), "President Joe Biden an");
  EXPECT_EQ(q[1].speaker, "White House");
  EXPECT_EQ(q[1].text.substr(0, 16), "The visit will s");
  EXPECT_EQ(q[2].speaker, "White House");
  EXPECT_EQ(q[2].text.substr(0, 16), "The leaders will");
}

TEST(QuotesTest, QuoteResumingAfterAttributionIsOne) {
  auto q = Quotes(
      "The Under Secretary of Defense for Policy, Michele Flournoy, sat down for lunch with "
      "troops. \xE2\x80\x9CYou all are at a critical juncture here in Iraq,\xE2\x80\x9D "
      "Flournoy said. \xE2\x80\x9CWhat you do over the next six months will determine "
      "it.\xE2\x80\x9D");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Michele Flournoy");
  EXPECT_EQ(q[0].text, "You all are at a critical juncture here in Iraq,");
}

TEST(QuotesTest, FragmentsAreNotQuotes) {
  auto q = Quotes(
      "Jaishankar conveyed that the state of India-China relations is \xE2\x80\x9C"
      "abnormal\xE2\x80\x9D because of the lingering border row, he said.");
  EXPECT_TRUE(q.empty());
}

TEST(QuotesTest, OrganisationSpeakerAndIt) {
  auto q = Quotes(
      "\xE2\x80\x9CThe two-day sea phase witnessed a wide spectrum of evolutions at "
      "sea,\xE2\x80\x9D the Indian Navy said. \xE2\x80\x9C" "Apart from honing skills in the "
      "maritime domain the exercise enhanced interoperability,\xE2\x80\x9D it said in a "
      "statement.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Indian Navy");
  EXPECT_EQ(q[1].speaker, "Indian Navy");
}

TEST(QuotesTest, GenericOrganisationSpeakerResolvesToFullName) {
  auto q = Quotes(
      "The Ministry of Defence announced the deal on Monday. \xE2\x80\x9CThe contract will boost "
      "indigenous manufacturing of the aircraft,\xE2\x80\x9D the ministry said. \xE2\x80\x9C"
      "Deliveries will begin next year as planned,\xE2\x80\x9D In another tweet, Southern Naval "
      "Command said.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Ministry of Defence");
  EXPECT_EQ(q[1].speaker, "Southern Naval Command");
}

TEST(QuotesTest, AnonymousSourcesAreLeftOut) {
  auto q = Quotes(
      "\xE2\x80\x9CThe exercise went very well for all the navies involved,\xE2\x80\x9D "
      "defence sources said.");
  EXPECT_TRUE(q.empty());
}

TEST(QuotesTest, PronounResolvesToRecentSubject) {
  auto q = Quotes(
      "External Affairs Minister S Jaishankar held talks with Qin Gang. In a tweet, the "
      "external affairs minister said the focus remained. \xE2\x80\x9C" "A detailed "
      "discussion with State Councillor Qin Gang of China on our bilateral "
      "relationship,\xE2\x80\x9D he said.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "S Jaishankar");
}

}  // namespace
}  // namespace parley::extract_internal
