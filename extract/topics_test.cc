#include "extract/topics.h"

#include <string>
#include <vector>

#include "extract/test_util.h"
#include "gtest/gtest.h"

namespace parley::extract_internal {
namespace {

using testing_util::MakeArticle;

TEST(TopicsTest, TopicsFromIncludingLists) {
  NormalizedArticle a = MakeArticle(
      "",
      "The two-day visit was an opportunity to confirm NATO\xE2\x80\x99s ongoing commitment to its "
      "partnership with the Republic of Korea, which encompasses cooperation on a range of "
      "issues, including cyber security, technology and capability development, arms control "
      "and non-proliferation, maritime security, and counter-terrorism.");
  Document doc = BuildDocument(a);
  std::vector<std::string> names;
  for (const FoundTopic& t : FindTopics(doc)) names.push_back(t.name);
  EXPECT_EQ(names, (std::vector<std::string>{"cyber security",
                                             "technology and capability development",
                                             "arms control and non-proliferation",
                                             "maritime security", "counter-terrorism"}));
}

TEST(TopicsTest, TopicsFromDiscussedListsOfThreeOrMore) {
  NormalizedArticle a = MakeArticle(
      "",
      "They discussed the current partnership between NATO and Korea. The two sides also "
      "discussed shared concerns about the DPRK, Burma, and the Middle East.");
  Document doc = BuildDocument(a);
  std::vector<std::string> names;
  for (const FoundTopic& t : FindTopics(doc)) names.push_back(t.name);
  EXPECT_EQ(names, (std::vector<std::string>{"shared concerns about the DPRK", "Burma",
                                             "Middle East"}));
}

}  // namespace
}  // namespace parley::extract_internal
