#include "extract/topics.h"

#include <string>
#include <vector>

#include "extract/test_util.h"
#include "gtest/gtest.h"

namespace parley::extract_internal {
namespace {

using testing_util::MakeArticle;
using Names = std::vector<std::string>;

Names TopicsOf(const std::string& body) {
  NormalizedArticle a = MakeArticle("", body);
  Document doc = BuildDocument(a);
  Names names;
  for (const FoundTopic& t : FindTopics(doc)) names.push_back(t.name);
  return names;
}

struct Case {
  const char* body;
  Names want;
};

void ExpectTopics(const std::vector<Case>& cases) {
  for (const Case& c : cases) EXPECT_EQ(TopicsOf(c.body), c.want) << c.body;
}

// A topic list starts at a cue: a discussion verb, a cue word and its
// preposition, a cue noun and a link verb, or a list after a topic noun.
TEST(TopicsTest, Cues) {
  ExpectTopics({
      {"The two leaders discussed the security situation in the Middle East and Africa.",
       {"security situation in the Middle East and Africa"}},
      {"The programme focused on innovation, NATO's digital transformation, and the NCI "
       "Agency's current and future work strands.",
       {"innovation", "NATO's digital transformation",
        "NCI Agency's current and future work strands"}},
      {"The discussion included the situation in Middle East, support to Ukraine, and "
       "continued defense cooperation.",
       {"situation in Middle East", "support to Ukraine", "continued defense cooperation"}},
      {"In addition, both sides exchanged views on the regional situation.",
       {"regional situation"}},
      {"They discussed about the security situation in Kosovo, focusing on the latest events "
       "occurred in returnees communities.",
       {"security situation in Kosovo", "latest events occurred in returnees communities"}},
      {"Aurelio Colagrande presented background on the centenary of the Italian Air Force.",
       {"centenary of the Italian Air Force"}},
      {"The delegation was there for an intersessional review of the U.S-India Initiative on "
       "Critical and Emerging Technology.",
       {"U.S-India Initiative on Critical and Emerging Technology"}},
  });
}

// Affirming verbs take the subject of the talks as their object
// (wh-20220517-meeting-saudi-minister-defense-khalid-bin); a list's last item
// that names the report's source is no topic (idrw-20230502-nsa-doval-visits-iran).
TEST(TopicsTest, AffirmingVerbsAndReportingSources) {
  ExpectTopics({
      {"They underscored the longstanding partnership between our two nations, as exemplified "
       "by the U.S.-Saudi Arabia Strategic Joint Planning Committee.",
       {"longstanding partnership between our two nations"}},
      {"The President reiterated his support for Israel\xE2\x80\x99s right to defend itself in the "
       "face of ongoing Hamas terrorist threats, and underscored our unwavering commitment to "
       "Israel\xE2\x80\x99s security.",
       {"unwavering commitment to Israel\xE2\x80\x99s security"}},
      {"The two officials discussed economic, political and security issues concerning the two "
       "countries as well as the most important regional and international developments, "
       "Iran\xE2\x80\x99s IRNA news agency reported.",
       {"economic, political and security issues concerning the two countries",
        "most important regional and international developments"}},
  });
}

// Another cue closes a list, with the subject of its clause
// (wh-20221114-meeting-joko-widodo-indonesia, wh-20210802).
TEST(TopicsTest, AnotherCueClosesTheList) {
  ExpectTopics({
      {"They reaffirmed the strength of the alliance between the United States and the "
       "Philippines and discussed ongoing efforts to deepen our security ties and expand "
       "commercial and economic cooperation.",
       {"strength of the alliance between the United States and the Philippines",
        "ongoing efforts to deepen our security ties and expand commercial and economic "
        "cooperation"}},
      {"Sullivan emphasized President Biden\xE2\x80\x99s unwavering commitment to Israel\xE2\x80\x99s "
       "security, and the two exchanged views on ways to deepen the U.S.-Israel security "
       "partnership.",
       {"ways to deepen the U.S.-Israel security partnership"}},
  });
}

TEST(TopicsTest, PassiveSubjectAndBriefedByApposition) {
  ExpectTopics({
      {"The continued integration of operational planning was also discussed.",
       {"continued integration of operational planning"}},
      {"He was briefed by Lieutenant General Christian Juneau, Deputy Commander of Allied "
       "Joint Force Command Naples, on Exercise TRIDENT JUNCTURE 2018; NATO's largest "
       "exercise since the end of the Cold War.",
       {"Exercise TRIDENT JUNCTURE 2018"}},
  });
}

// Lists after "including" and "such as" give topics when a topic noun
// introduces them; the filler itself is no topic.
TEST(TopicsTest, ListsAfterTopicNouns) {
  ExpectTopics({
      {"The two-day visit was an opportunity to confirm NATO\xE2\x80\x99s ongoing commitment "
       "to its partnership with the Republic of Korea, which encompasses cooperation on a "
       "range of issues, including cyber security, technology and capability development, "
       "arms control and non-proliferation, maritime security, and counter-terrorism.",
       {"cyber security", "technology and capability development",
        "arms control and non-proliferation", "maritime security", "counter-terrorism"}},
      {"They also exchanged views about key issues of mutual concern, such as defense "
       "cooperation and technology development.",
       {"defense cooperation", "technology development"}},
      {"Finer discussed cooperation with our regional partners on issues of mutual interests, "
       "including democratic governance, economic stability, and regional security.",
       {"cooperation with our regional partners on issues of mutual interests",
        "democratic governance", "economic stability", "regional security"}},
      // People and attendees are not topics.
      {"The College's Main Auditorium hosted a wide array of attendees, including Ambassadors "
       "to Rome, various authorities and Defence Attach\xC3\xA9s.",
       {}},
  });
}

// One noun phrase per topic: "and" before a determiner, a possessive or a
// head with its own modifier starts a new topic; coordinated words of one
// phrase, names and shared adjectives do not.
TEST(TopicsTest, SplitsAtTheAndsBetweenTopics) {
  ExpectTopics({
      {"The discussions focused on the security situation in Europe, the progress of "
       "Finland's integration into NATO and the development of NATO's permanent presence in "
       "Finland.",
       {"security situation in Europe", "progress of Finland's integration into NATO",
        "development of NATO's permanent presence in Finland"}},
      {"Both sides discussed sanctions against Russia and support for Ukraine.",
       {"sanctions against Russia", "support for Ukraine"}},
      {"The meeting also discussed the cooperation between the Government and KFOR as well as "
       "the current security situation in the country.",
       {"cooperation between the Government and KFOR",
        "current security situation in the country"}},
      {"The symposium is a forum held by AIRCOM to discuss Joint and Air domain issues and "
       "Air Power\xE2\x80\x99s asymmetric advantages.",
       {"Joint and Air domain issues", "Air Power\xE2\x80\x99s asymmetric advantages"}},
      {"Doval held talks on economic, political and security ties between the two countries.",
       {"economic, political and security ties between the two countries"}},
      {"There were discussions regarding a further increase in military cooperation in areas "
       "of operational and individual training.",
       {"further increase in military cooperation in areas of operational and individual "
        "training"}},
  });
}

// The list ends where the clause does (the next clause's affirming verb
// opens a list of its own).
TEST(TopicsTest, ListEndsWithItsClause) {
  ExpectTopics({
      {"The two senior leaders discussed ways to work together to combat COVID-19 and "
       "reaffirmed their commitment to continuing close military cooperation.",
       {"ways to work together to combat COVID-19",
        "commitment to continuing close military cooperation"}},
      {"Lambrecht received briefings on NATO's current maritime operations and participated "
       "in senior-level staff talks.",
       {"NATO's current maritime operations"}},
      {"The initial briefing, focusing on the current situation, triggered many interesting "
       "questions.",
       {"current situation"}},
      {"The Minister reviewed improvements to camp facilities including the introduction of "
       "a NAAFI Welfare facility.",
       {"improvements to camp facilities"}},
      {"The EUMC discussed the status of key military work strands (the Rapid Deployment "
       "Capability, the Military Planning Capability, and the EU Command and Control "
       "structure) in relation to the EU's capacity to manage crises.",
       {"status of key military work strands", "Rapid Deployment Capability",
        "Military Planning Capability", "EU Command and Control structure"}},
  });
}

// "On" after a cue that introduces a time, a circumstance or a pointer.
TEST(TopicsTest, NoTopicAfterTimesAndCircumstances) {
  ExpectTopics({
      {"Jaishankar held talks with Qin on the sidelines of a meeting of the Council.", {}},
      {"The ministers held a meeting on Thursday in Brussels.", {}},
      {"Japan was invited to join a session on the second day as a partner country.", {}},
      {"IDRW is not responsible for the validity of any information on this article.", {}},
      {"They discussed it at length.", {}},
  });
}

TEST(TopicsTest, QuotationsAreSkipped) {
  ExpectTopics({
      {"\xE2\x80\x9CWe discussed our membership,\xE2\x80\x9D he said.", {}},
  });
}

}  // namespace
}  // namespace parley::extract_internal
