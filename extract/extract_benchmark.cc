// Extraction throughput over the article pool, in MB/s of article text.
// Reads the pool once before timing (this binary may do I/O; the library
// does not). Pool directory: $PARLEY_POOL_DIR, else
// /work/shared/corpus/pool, else $PARLEY_SOURCE_DIR/../shared/corpus/pool.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/article.h"
#include "extract/extractor.h"

namespace {

std::string PoolDir() {
  if (const char* dir = std::getenv("PARLEY_POOL_DIR")) return dir;
  std::error_code ec;
  if (std::filesystem::is_directory("/work/shared/corpus/pool", ec)) {
    return "/work/shared/corpus/pool";
  }
  if (const char* src = std::getenv("PARLEY_SOURCE_DIR")) {
    return std::string(src) + "/../shared/corpus/pool";
  }
  return "/work/shared/corpus/pool";
}

const std::vector<parley::NormalizedArticle>& Articles() {
  static const auto* articles = [] {
    auto* out = new std::vector<parley::NormalizedArticle>;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(PoolDir(), ec)) {
      if (entry.path().extension() != ".json") continue;
      std::ifstream in(entry.path());
      std::stringstream buffer;
      buffer << in.rdbuf();
      auto article = parley::DecodeArticle(entry.path().stem().string(), buffer.str(), {});
      if (article.ok()) out->push_back(*std::move(article));
    }
    return out;
  }();
  return *articles;
}

void BM_ExtractPool(benchmark::State& state) {
  const auto& articles = Articles();
  if (articles.empty()) {
    state.SkipWithError("no articles found; set PARLEY_POOL_DIR");
    return;
  }
  int64_t bytes = 0;
  for (const auto& a : articles) bytes += static_cast<int64_t>(a.text.size());
  for (auto _ : state) {
    for (const auto& a : articles) {
      auto event = parley::ExtractEvent(a, {});
      benchmark::DoNotOptimize(event);
    }
  }
  state.SetBytesProcessed(state.iterations() * bytes);
  state.counters["articles"] = static_cast<double>(articles.size());
}
BENCHMARK(BM_ExtractPool)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
