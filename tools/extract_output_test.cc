#include "tools/extract_output.h"

#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "common/status_matchers.h"
#include "extract/extractor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/read_file.h"

namespace parley::tools {
namespace {

using ::parley::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// The seed article, a page-layout file (seeds/), read from the source tree.
std::string SeedPage() {
  const char* root = std::getenv("PARLEY_SOURCE_DIR");
  absl::StatusOr<std::string> page =
      ReadFile(std::string(root ? root : ".") + "/seeds/000_aefde3dc521e8719.txt");
  return page.ok() ? *page : std::string();
}

constexpr char kEnvelope[] =
    R"({"id": "nato-test-1", "title": "NATO Deputy Secretary General visits Oslo",)"
    R"( "published": "2023-02-17", "language": "en", "body": "NATO Deputy Secretary)"
    R"( General Mircea Geoana met Norwegian Defence Minister Bjorn Arild Gram in Oslo)"
    R"( on 16 February 2023."})";

TEST(Fnv1a64, MatchesTheReferenceValues) {
  EXPECT_EQ(Fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(Fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(Fnv1a64("foobar"), 0x85944171f73967e8ULL);
  EXPECT_EQ(Fnv1a64("bar", Fnv1a64("foo")), Fnv1a64("foobar"));
}

TEST(Hex64, PrintsSixteenLowerCaseDigits) {
  EXPECT_EQ(Hex64(0), "0000000000000000");
  EXPECT_EQ(Hex64(0xcbf29ce484222325ULL), "cbf29ce484222325");
  EXPECT_EQ(Hex64(0xf), "000000000000000f");
}

TEST(ParseArticleList, SkipsCommentsAndBlankLinesAndTrims) {
  PARLEY_ASSERT_OK_AND_ASSIGN(
      std::vector<std::string> ids,
      ParseArticleList("# header\n\nnato-a\r\n  wh-b  \n# idrw-c\nidrw-d"));
  EXPECT_THAT(ids, ElementsAre("nato-a", "wh-b", "idrw-d"));
}

TEST(ParseArticleList, RejectsDuplicatesAndNonIdsNamingTheLine) {
  EXPECT_THAT(ParseArticleList("nato-a\nwh-b\nnato-a\n"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("line 3: nato-a")));
  EXPECT_THAT(ParseArticleList("# x\nnato a\n"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("line 2")));
  EXPECT_THAT(ParseArticleList("pool/nato-a\n"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("line 1")));
}

TEST(ExtractArticleJson, IsOneLineOfTheEventWithProtoFieldNames) {
  const std::string page = SeedPage();
  ASSERT_FALSE(page.empty()) << "seeds/000_aefde3dc521e8719.txt not found";
  PARLEY_ASSERT_OK_AND_ASSIGN(std::string json,
                              ExtractArticleJson("000_aefde3dc521e8719", page));
  EXPECT_EQ(json.find('\n'), std::string::npos);
  EXPECT_THAT(json, HasSubstr(absl::StrCat("\"extractor_version\":", kExtractorVersion)));
  EXPECT_THAT(json, HasSubstr("\"start_date\":\"2023-02-13\""));
  EXPECT_THAT(ExtractArticleJson("bad", "{\"id\": "),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

ArticleReader MapReader(const std::map<std::string, std::string>& files) {
  return [files](const std::string& id) -> absl::StatusOr<std::string> {
    auto it = files.find(id);
    if (it == files.end()) return absl::NotFoundError("article " + id + ": missing");
    return it->second;
  };
}

TEST(FingerprintArticles, HashesEveryLineAndItsNewlineInListOrder) {
  const std::map<std::string, std::string> files = {
      {"000_aefde3dc521e8719", SeedPage()}, {"nato-test-1", kEnvelope}};
  PARLEY_ASSERT_OK_AND_ASSIGN(std::string seed,
                              ExtractArticleJson("000_aefde3dc521e8719", SeedPage()));
  PARLEY_ASSERT_OK_AND_ASSIGN(std::string nato, ExtractArticleJson("nato-test-1", kEnvelope));
  PARLEY_ASSERT_OK_AND_ASSIGN(
      Fingerprint fingerprint,
      FingerprintArticles({"nato-test-1", "000_aefde3dc521e8719"}, MapReader(files)));
  EXPECT_EQ(fingerprint.articles, 2);
  EXPECT_EQ(fingerprint.hex, Hex64(Fnv1a64(nato + "\n" + seed + "\n")));
  PARLEY_ASSERT_OK_AND_ASSIGN(Fingerprint nothing, FingerprintArticles({}, MapReader(files)));
  EXPECT_EQ(nothing.hex, "cbf29ce484222325");
}

TEST(FingerprintArticles, AMissingOrBrokenArticleIsAnErrorNamingIt) {
  const std::map<std::string, std::string> files = {{"nato-test-1", kEnvelope},
                                                    {"wh-broken", "{\"id\": \"wh-broken\""}};
  EXPECT_THAT(FingerprintArticles({"nato-test-1", "dod-gone"}, MapReader(files)),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("dod-gone")));
  EXPECT_THAT(FingerprintArticles({"wh-broken"}, MapReader(files)),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("wh-broken: ")));
}

}  // namespace
}  // namespace parley::tools
