#include "eval/report.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace parley::eval {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

std::vector<ArticleScore> SampleScores() {
  ArticleScore first;
  first.id = "a-1";
  first[Field::kParticipants] = {.true_positives = 1,
                                 .answered = 2,
                                 .gold = 1,
                                 .misses = {},
                                 .false_hits = {"General Diella"}};
  ArticleScore second;
  second.id = "a-2";
  return {first, second};
}

TEST(FormatJsonTest, HasArticlesAndEveryFieldInOrder) {
  const std::vector<ArticleScore> scores = SampleScores();
  const std::string text = FormatJson(Summarize(scores), nullptr);
  EXPECT_THAT(text, StartsWith(R"({"articles":2,"fields":{"participants":)"));
  nlohmann::ordered_json json = nlohmann::ordered_json::parse(text);
  EXPECT_EQ(json.size(), 2u);
  ASSERT_EQ(json["fields"].size(), kFieldCount);
  size_t index = 0;
  for (const auto& [name, metrics] : json["fields"].items()) {
    EXPECT_EQ(name, FieldName(AllFields()[index++]));
    EXPECT_EQ(metrics.size(), 3u);
    EXPECT_TRUE(metrics.contains("precision"));
    EXPECT_TRUE(metrics.contains("recall"));
    EXPECT_TRUE(metrics.contains("f1"));
  }
  EXPECT_DOUBLE_EQ(json["fields"]["participants"]["precision"].get<double>(),
                   0.5);
  EXPECT_DOUBLE_EQ(json["fields"]["participants"]["recall"].get<double>(), 1);
}

TEST(FormatJsonTest, DetailsListOnlyFieldsWithErrors) {
  const std::vector<ArticleScore> scores = SampleScores();
  nlohmann::json json =
      nlohmann::json::parse(FormatJson(Summarize(scores), &scores));
  ASSERT_EQ(json["details"].size(), 2u);
  EXPECT_EQ(json["details"][0]["id"], "a-1");
  EXPECT_EQ(json["details"][0]["fields"]["participants"]["false_hits"][0],
            "General Diella");
  EXPECT_TRUE(json["details"][1]["fields"].empty());
}

TEST(FormatTableTest, OneRowPerField) {
  const std::string table = FormatTable(Summarize(SampleScores()));
  EXPECT_THAT(table, StartsWith("articles: 2\n"));
  EXPECT_THAT(table, HasSubstr("participants       0.500   1.000   0.667"));
  for (Field field : AllFields()) {
    EXPECT_THAT(table, HasSubstr(std::string(FieldName(field)) + " "));
  }
}

TEST(FormatDetailsTest, ListsMissesAndFalseHitsPerArticle) {
  const std::string details = FormatDetails(SampleScores());
  EXPECT_THAT(details, HasSubstr("== a-1\n  participants   false hit  "
                                 "General Diella\n"));
  EXPECT_THAT(details, HasSubstr("== a-2: all correct\n"));
}

}  // namespace
}  // namespace parley::eval
