// Extraction throughput over the article pool, in MB/s of article text, with
// a reference measured in the same run: one ICU word-break pass over the same
// text (the least any Unicode-aware extractor must do). The ratios printed at the end are what to
// compare across machines; absolute MB/s depend on the machine. Google
// Benchmark's own column is in MiB/s; the summary lines are in MB/s (10^6).
// Run with --benchmark_repetitions=5: the summary then uses the medians.
// Reads the pool once before timing (this binary may do I/O; the library
// does not). Pool directory: $PARLEY_POOL_DIR, else the configured corpus.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <map>

#include "extract/article.h"
#include "extract/extractor.h"

namespace {

std::string PoolDir() {
  if (const char* dir = std::getenv("PARLEY_POOL_DIR")) return dir;
  return std::string(PARLEY_CORPUS_DIR_DEFAULT) + "/pool";
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

// Reference: an ICU word-break pass over every article's text.
void BM_IcuWordBreakReference(benchmark::State& state) {
  const auto& articles = Articles();
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), error));
  int64_t bytes = 0;
  for (const auto& a : articles) bytes += static_cast<int64_t>(a.text.size());
  for (auto _ : state) {
    int64_t boundaries = 0;
    for (const auto& a : articles) {
      icu::UnicodeString text = icu::UnicodeString::fromUTF8(a.text);
      words->setText(text);
      for (int32_t b = words->first(); b != icu::BreakIterator::DONE; b = words->next()) {
        ++boundaries;
      }
    }
    benchmark::DoNotOptimize(boundaries);
  }
  state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_IcuWordBreakReference)->Unit(benchmark::kMillisecond);

// Prints each benchmark's throughput relative to the ICU reference.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      // With --benchmark_repetitions, the median stands for the benchmark.
      bool median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
      if (run.run_type == Run::RT_Aggregate && !median) continue;
      auto rate = run.counters.find("bytes_per_second");
      if (rate != run.counters.end()) rates_[run.run_name.str()] = rate->second;
    }
    ConsoleReporter::ReportRuns(runs);
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    auto reference = rates_.find("BM_IcuWordBreakReference");
    if (reference == rates_.end() || reference->second <= 0) return;
    for (const auto& [name, rate] : rates_) {
      std::printf("%-28s %8.1f MB/s  %5.2fx the ICU word-break reference\n", name.c_str(),
                  rate / 1e6, rate / reference->second);
    }
  }

 private:
  std::map<std::string, double> rates_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
