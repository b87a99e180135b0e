// Test helpers for the extraction rule tests: build a NormalizedArticle from
// a title, body and publication date through the real decoder.
#ifndef PARLEY_EXTRACT_TEST_UTIL_H_
#define PARLEY_EXTRACT_TEST_UTIL_H_

#include <string>

#include "extract/article.h"
#include "nlohmann/json.hpp"

namespace parley::testing_util {

inline NormalizedArticle MakeArticle(const std::string& title, const std::string& body,
                                     const std::string& published = "2023-05-10",
                                     const std::string& source = "") {
  nlohmann::json j;
  j["id"] = "test-article";
  j["title"] = title;
  j["body"] = body;
  j["language"] = "en";
  if (!published.empty()) j["published"] = published;
  if (!source.empty()) j["source"] = source;
  auto article = DecodeArticle("test-article", j.dump(), {});
  if (!article.ok()) return NormalizedArticle{};
  return *article;
}

}  // namespace parley::testing_util

#endif  // PARLEY_EXTRACT_TEST_UTIL_H_
