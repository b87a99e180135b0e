// Cost of writing an article whose participant already has N appearances,
// against writing one whose participant is new (N = 0), in the same run: a
// write folds one appearance into the participant's record, so the ratio
// should stay near 1 however large N grows.
//
//   build/storage/parley_store_benchmark
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>

#include "benchmark/benchmark.h"
#include "storage/store.h"
#include "storage/testing/sample_events.h"

namespace parley::storage {
namespace {

using testing::MakeEvent;
using testing::MakeStoredArticle;

std::string DayOf(int64_t i) {
  // Dates spread over 27 years, so that history entries see many days.
  int day = static_cast<int>(i % 9828);
  char date[11];
  std::snprintf(date, sizeof(date), "%04d-%02d-%02d", 2000 + day / 364, day % 364 / 28 % 12 + 1,
                day % 28 + 1);
  return date;
}

void BM_WriteArticleOfParticipantWithAppearances(benchmark::State& state) {
  const int64_t existing = state.range(0);
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("parley-store-benchmark-" + std::to_string(std::random_device()()));
  StoreOptions options;
  options.path = path.string();
  std::unique_ptr<Store> store = *Store::Open(options);
  const testing::SamplePerson person{"Francesco Diella", "Lieutenant General", "Director",
                                     "NATO Cooperative Security Division"};
  for (int64_t i = 0; i < existing; ++i) {
    std::string id = "old-" + std::to_string(i);
    if (!store->WriteArticle(MakeStoredArticle(id), MakeEvent(id, DayOf(i), {person})).ok()) {
      state.SkipWithError("populating the store failed");
      return;
    }
  }
  int64_t n = 0;
  for (auto _ : state) {
    std::string id = "new-" + std::to_string(n);
    auto status = store->WriteArticle(MakeStoredArticle(id), MakeEvent(id, DayOf(n), {person}));
    if (!status.ok()) state.SkipWithError("write failed");
    ++n;
  }
  state.counters["appearances"] = static_cast<double>(existing);
  store.reset();
  std::filesystem::remove_all(path);
}
BENCHMARK(BM_WriteArticleOfParticipantWithAppearances)
    ->Arg(0)
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace parley::storage

BENCHMARK_MAIN();
