// Replays every committed fuzzer finding (fuzz/regressions/<target>/) and the
// generated seed corpus (<build>/fuzz/corpus/<target>/) through the entries
// the libFuzzer targets run, in the normal build. An input breaks the test by
// crashing (caught by the sanitizer build) or by breaking a property.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "fuzz/fuzz_entries.h"
#include "gtest/gtest.h"

namespace parley::fuzz {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> InputsIn(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().filename().string()[0] != '.') {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Runs `target`'s entry on every input under `dir`; returns how many ran.
size_t Replay(const std::string& target, const fs::path& dir) {
  FuzzEntry entry = FindFuzzEntry(target);
  EXPECT_NE(entry, nullptr) << target;
  if (entry == nullptr) return 0;
  size_t count = 0;
  for (const fs::path& path : InputsIn(dir)) {
    std::string data = ReadFile(path);
    absl::Status status = entry(reinterpret_cast<const uint8_t*>(data.data()), data.size());
    EXPECT_TRUE(status.ok()) << path << ": " << status;
    ++count;
  }
  return count;
}

class FuzzRegressionTest : public ::testing::TestWithParam<std::string> {};

TEST_P(FuzzRegressionTest, CommittedFindingsStayFixed) {
  // A target without findings has no directory; that is fine.
  Replay(GetParam(), fs::path(PARLEY_FUZZ_REGRESSIONS_DIR) / GetParam());
}

TEST_P(FuzzRegressionTest, SeedCorpusPasses) {
  EXPECT_GT(Replay(GetParam(), fs::path(PARLEY_FUZZ_SEED_CORPUS_DIR) / GetParam()), 0u)
      << "empty seed corpus for " << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzRegressionTest,
                         ::testing::Values("envelope", "page", "extractor", "page_token"),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           return param.param;
                         });

}  // namespace
}  // namespace parley::fuzz
