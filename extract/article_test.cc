#include "extract/article.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "common/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley {
namespace {

using ::parley::testing::StatusIs;
using ::testing::HasSubstr;

std::string ReadSourceFile(const std::string& relative) {
  const char* root = std::getenv("PARLEY_SOURCE_DIR");
  std::ifstream in(std::string(root ? root : ".") + "/" + relative,
                   std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> ParagraphTexts(const NormalizedArticle& article) {
  std::vector<std::string> texts;
  for (const Paragraph& p : article.paragraphs) {
    texts.emplace_back(article.ParagraphText(p));
  }
  return texts;
}

TEST(DecodeArticleTest, PageLayoutSeedGivesTitleDatelineAndBody) {
  std::string page = ReadSourceFile("seeds/000_aefde3dc521e8719.txt");
  ASSERT_FALSE(page.empty());
  PARLEY_ASSERT_OK_AND_ASSIGN(
      NormalizedArticle article,
      DecodeArticle("000_aefde3dc521e8719", page, DecodeOptions()));
  EXPECT_EQ(article.id, "000_aefde3dc521e8719");
  EXPECT_EQ(article.input_format, "page");
  EXPECT_EQ(article.title,
            "NATO military delegation at staff talks with Partner, Republic of Korea");
  EXPECT_EQ(article.published, "2023-02-17");
  EXPECT_EQ(article.updated, "17 Feb. 2023 08:45");
  ASSERT_GE(article.paragraphs.size(), 4u);
  EXPECT_EQ(article.paragraphs[0].kind, ParagraphKind::kTitle);
  EXPECT_EQ(article.paragraphs[1].kind, ParagraphKind::kDateline);
  EXPECT_EQ(ParagraphTexts(article)[1], "13 Feb. 2023 - 14 Feb. 2023");
  EXPECT_EQ(article.paragraphs[2].kind, ParagraphKind::kDateline);
  EXPECT_EQ(ParagraphTexts(article)[2], "Last updated: 17 Feb. 2023 08:45");
  EXPECT_EQ(article.paragraphs[3].kind, ParagraphKind::kBody);
  EXPECT_THAT(ParagraphTexts(article)[3], ::testing::StartsWith("On 13 and 14 February 2023"));
  // Paragraphs are joined by blank lines and their ranges point into text.
  EXPECT_EQ(article.text.substr(article.paragraphs[1].begin - 2, 2), "\n\n");
}

TEST(DecodeArticleTest, JsonEnvelopeFromThePool) {
  const char* corpus = std::getenv("PARLEY_CORPUS_DIR");
  if (corpus == nullptr) corpus = PARLEY_CORPUS_DIR_DEFAULT;
  std::ifstream in(std::string(corpus) + "/pool/wh-20240925-meeting-general-lam-vietnam.json");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string value = buffer.str();
  ASSERT_FALSE(value.empty()) << "corpus article not found under " << corpus;
  PARLEY_ASSERT_OK_AND_ASSIGN(NormalizedArticle article,
                              DecodeArticle("", value, DecodeOptions()));
  EXPECT_EQ(article.id, "wh-20240925-meeting-general-lam-vietnam");
  EXPECT_EQ(article.input_format, "json");
  EXPECT_EQ(article.published.size(), 10u);
  EXPECT_EQ(article.paragraphs.front().kind, ParagraphKind::kTitle);
}

TEST(DecodeArticleTest, NormalizesUnicodeWhitespaceAndPunctuation) {
  // "e" + combining acute composes to "é" (NFC); NBSP, tabs and single line
  // breaks collapse; a low double quote becomes a left curly quote.
  std::string value = R"({"id": "a-1", "title": "  Caf\u0065\u0301\tvisit ",
    "published": "2023-05-04T10:00:00Z",
    "body": "First\u00a0 line\ncontinues \u201eher\u201d.\r\n\r\n\n Second\u2011part \u2012 end"})";
  PARLEY_ASSERT_OK_AND_ASSIGN(NormalizedArticle article,
                              DecodeArticle("a-1", value, DecodeOptions()));
  EXPECT_EQ(article.title, "Caf\u00e9 visit");
  EXPECT_EQ(article.published, "2023-05-04");
  EXPECT_THAT(ParagraphTexts(article),
              ::testing::ElementsAre("Caf\u00e9 visit",
                                     "First line continues \u201cher\u201d.",
                                     "Second-part \u2013 end"));
  EXPECT_EQ(article.text,
            "Caf\u00e9 visit\n\nFirst line continues \u201cher\u201d.\n\nSecond-part \u2013 end");
}

TEST(DecodeArticleTest, DropsInvisiblesAndControlsAndKeepsOtherCharactersWhole) {
  // Already NFC (the path without ICU's normaliser): zero-width space, soft
  // hyphen and BOM vanish; a DEL, a form feed and an ideographic space are
  // whitespace; two-, three- and four-byte characters pass unchanged.
  std::string value = R"({"id": "a-2", "title": "Ba\u200bse\u00ad vi\ufeffsit",
    "body": "\u00c5land\u007f\u000c talks\u3000\u2014 \ud83d\ude00 \u4e2d\u6587 \u2060."})";
  PARLEY_ASSERT_OK_AND_ASSIGN(NormalizedArticle article,
                              DecodeArticle("a-2", value, DecodeOptions()));
  EXPECT_EQ(article.title, "Base visit");
  EXPECT_THAT(ParagraphTexts(article),
              ::testing::ElementsAre("Base visit",
                                     "\u00c5land talks \u2014 \U0001F600 \u4e2d\u6587 ."));
}

TEST(DecodeArticleTest, MissingTitleAndDatesAreAllowed) {
  PARLEY_ASSERT_OK_AND_ASSIGN(
      NormalizedArticle article,
      DecodeArticle("", R"({"id":"x","body":"Text.","title":null})", DecodeOptions()));
  EXPECT_EQ(article.title, "");
  EXPECT_EQ(article.published, "");
  EXPECT_EQ(article.text, "Text.");
  EXPECT_EQ(article.language, "en");
}

struct BadInput {
  std::string name;
  std::string key;
  std::string value;
  std::string reason;
};

class DecodeArticleRejects : public ::testing::TestWithParam<BadInput> {};

TEST_P(DecodeArticleRejects, WithAReasonNamingTheProblem) {
  const BadInput& input = GetParam();
  EXPECT_THAT(DecodeArticle(input.key, input.value, DecodeOptions()),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(input.reason)));
}

INSTANTIATE_TEST_SUITE_P(
    BadMessages, DecodeArticleRejects,
    ::testing::Values(
        BadInput{"Empty", "k", "", "message is empty"},
        BadInput{"Whitespace", "k", " \n\t ", "message is empty"},
        BadInput{"InvalidUtf8", "k", "Title\n\nBody \xC3\x28", "not valid UTF-8"},
        BadInput{"TruncatedJson", "k", R"({"id": "k", "body": "abc)", "malformed JSON"},
        BadInput{"NotAnObject", "k", "{}", "\"id\" is missing"},
        BadInput{"ArrayBody", "a", R"({"id":"a","body":["x"]})", "\"body\" must be a string"},
        BadInput{"NumericTitle", "a", R"({"id":"a","body":"x","title":7})",
                 "\"title\" must be a string"},
        BadInput{"MissingBody", "a", R"({"id":"a","title":"t"})", "\"body\" is missing"},
        BadInput{"EmptyBody", "a", R"({"id":"a","body":" \n\n "})", "body is empty"},
        BadInput{"BadDate", "a", R"({"id":"a","body":"x","published":"yesterday"})",
                 "\"published\" is not an ISO 8601 date"},
        BadInput{"UnsafeId", "", R"({"id":"../etc/passwd","body":"x"})",
                 "not a valid article id"},
        BadInput{"KeyMismatch", "b", R"({"id":"a","body":"x"})", "does not match"},
        BadInput{"DeepNesting", "a", std::string(100, '[') + std::string(100, ']'),
                 "nested deeper"},
        BadInput{"PageWithoutKey", "", "Title\n\nBody text.", "no message key"},
        BadInput{"PageWithoutBody", "k", "Only a title\n", "body is empty"}),
    [](const ::testing::TestParamInfo<BadInput>& param_info) { return param_info.param.name; });

TEST(DecodeArticleTest, RejectsOversizedMessages) {
  DecodeOptions options;
  options.max_message_bytes = 64;
  EXPECT_THAT(DecodeArticle("k", std::string(65, 'x'), options),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("exceeds the limit")));
}

TEST(IsValidArticleIdTest, AllowsOnlySafeIdentifiers) {
  EXPECT_TRUE(IsValidArticleId("000_aefde3dc521e8719"));
  EXPECT_TRUE(IsValidArticleId("wh-20240925-meeting.v2"));
  EXPECT_FALSE(IsValidArticleId(""));
  EXPECT_FALSE(IsValidArticleId("-leading-dash"));
  EXPECT_FALSE(IsValidArticleId("has space"));
  EXPECT_FALSE(IsValidArticleId("a/b"));
  EXPECT_FALSE(IsValidArticleId(std::string(201, 'a')));
}

}  // namespace
}  // namespace parley
