// The extractor's version is a contract: events stored with one
// kExtractorVersion were made by one set of rules. This test recomputes the
// fingerprint of parley-extract's output over a fixed list of pool articles
// (extract/data/fingerprint_articles.txt) and fails when it differs from
// kExtractorFingerprint, i.e. when the output changed without a version bump.
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/status_matchers.h"
#include "extract/extractor.h"
#include "gtest/gtest.h"
#include "tools/extract_output.h"
#include "tools/read_file.h"

namespace parley::tools {
namespace {

constexpr char kList[] = "extract/data/fingerprint_articles.txt";

std::string PoolDir() {
  const char* corpus = std::getenv("PARLEY_CORPUS_DIR");
  if (corpus == nullptr) corpus = PARLEY_CORPUS_DIR_DEFAULT;
  return std::string(corpus) + "/pool";
}

std::vector<std::string> ListedIds() {
  absl::StatusOr<std::string> text =
      ReadFile(std::string(PARLEY_FINGERPRINT_SOURCE_DIR) + "/" + kList);
  EXPECT_TRUE(text.ok()) << text.status();
  if (!text.ok()) return {};
  absl::StatusOr<std::vector<std::string>> ids = ParseArticleList(*text);
  EXPECT_TRUE(ids.ok()) << kList << ": " << ids.status();
  return ids.ok() ? *ids : std::vector<std::string>();
}

TEST(ExtractorFingerprint, TheListHoldsAtLeast500Articles) {
  EXPECT_GE(ListedIds().size(), 500u) << kList;
}

TEST(ExtractorFingerprint, OutputOverTheListMatchesTheRecordedFingerprint) {
  const std::vector<std::string> ids = ListedIds();
  ASSERT_FALSE(ids.empty()) << kList << " lists no article";
  const std::string pool = PoolDir();
  absl::StatusOr<Fingerprint> fingerprint = FingerprintArticles(
      ids, [&pool](const std::string& id) { return ReadArticle(pool, id); });
  ASSERT_TRUE(fingerprint.ok()) << "an article of " << kList << " is missing or fails: "
                                << fingerprint.status().message();
  EXPECT_EQ(fingerprint->hex, kExtractorFingerprint)
      << "parley-extract output changed without a version bump: its fingerprint over the "
      << fingerprint->articles << " articles of " << kList << " is " << fingerprint->hex
      << ", but kExtractorVersion " << kExtractorVersion << " recorded "
      << kExtractorFingerprint
      << ". Bump kExtractorVersion in extract/extractor.h, rebuild, and record the "
         "fingerprint this prints as kExtractorFingerprint (the version is part of the "
         "output):\n  build/tools/parley-extract --fingerprint "
         "--list extract/data/fingerprint_articles.txt --articles "
      << pool;
}

}  // namespace
}  // namespace parley::tools
