// Real articles of the corpus pool for ingest tests (PARLEY_CORPUS_DIR,
// default the build's).
#ifndef PARLEY_INGEST_TESTING_POOL_ARTICLES_H_
#define PARLEY_INGEST_TESTING_POOL_ARTICLES_H_

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace parley::ingest::testing {

struct PoolArticle {
  std::string id;
  std::string json;
};

// The first `count` pool articles in name order (a stable selection).
inline std::vector<PoolArticle> PoolArticles(size_t count) {
  const char* corpus = std::getenv("PARLEY_CORPUS_DIR");
  std::filesystem::path pool =
      std::filesystem::path(corpus ? corpus : PARLEY_CORPUS_DIR_DEFAULT) / "pool";
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(pool)) {
    if (entry.path().extension() == ".json") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<PoolArticle> articles;
  for (const auto& path : paths) {
    if (articles.size() == count) break;
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    articles.push_back({path.stem().string(), text.str()});
  }
  return articles;
}

}  // namespace parley::ingest::testing

#endif  // PARLEY_INGEST_TESTING_POOL_ARTICLES_H_
