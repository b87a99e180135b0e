#include "storage/checkpoints.h"

#include <filesystem>
#include <random>

#include "common/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/testing/sample_events.h"

namespace parley::storage {
namespace {

using ::parley::testing::IsOk;
using ::testing::ElementsAre;
using ::testing::Field;

TEST(CheckpointNameTest, SortsByTimeAndReadsBack) {
  absl::Time time = absl::FromUnixMillis(1796080500123);  // 2026-11-30T23:15:00.123Z
  EXPECT_EQ(CheckpointName(time, 42), "20261130T231500.123Z-seq42");
  std::optional<CheckpointEntry> entry = ParseCheckpointName("20261130T231500.123Z-seq42");
  ASSERT_TRUE(entry.has_value());
  EXPECT_EQ(entry->create_time, time);
  EXPECT_EQ(entry->last_change, 42u);
  EXPECT_LT(CheckpointName(time, 99999), CheckpointName(time + absl::Milliseconds(1), 1));
}

TEST(CheckpointNameTest, OtherDirectoriesAreNotCheckpoints) {
  for (const char* name : {"pending-20261130T231500.123Z-seq0", "20261130T231500.123Z-seq",
                           "20261130T231500Z-seq4", "20261130T231500.123Z-seq042",
                           "lost+found", "20261130T231500.123Z-seq4.tmp"}) {
    EXPECT_FALSE(ParseCheckpointName(name).has_value()) << name;
  }
}

class CheckpointDirectoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() /
            ("parley-checkpoints-test-" + std::to_string(std::random_device()()));
    std::filesystem::create_directories(root_);
    StoreOptions options;
    options.path = (root_ / "store").string();
    PARLEY_ASSERT_OK_AND_ASSIGN(store_, Store::Open(options));
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(root_);
  }
  void Write(const std::string& id) {
    ASSERT_THAT(store_->WriteArticle(testing::MakeStoredArticle(id),
                                     testing::MakeEvent(id, "2023-02-13", {})),
                IsOk());
  }

  std::filesystem::path root_;
  std::unique_ptr<Store> store_;
};

TEST_F(CheckpointDirectoryTest, KeepsTheNewestAndRemovesInterruptedOnes) {
  CheckpointDirectory directory((root_ / "checkpoints").string(), 2);
  PARLEY_ASSERT_OK_AND_ASSIGN(std::vector<CheckpointEntry> none, directory.List());
  EXPECT_TRUE(none.empty());
  absl::Time now = absl::FromUnixSeconds(1796080500);
  for (int i = 1; i <= 3; ++i) {
    Write("e" + std::to_string(i));
    PARLEY_ASSERT_OK_AND_ASSIGN(CheckpointEntry made,
                                directory.Create(*store_, now + absl::Seconds(i)));
    EXPECT_EQ(made.last_change, static_cast<uint64_t>(i));
    EXPECT_GT(made.size_bytes, 0u);
    if (i == 2) {  // as a crash in the middle of writing one would leave it
      std::filesystem::create_directories(root_ / "checkpoints" /
                                          "pending-20261130T000000.000Z-seq0");
    }
  }
  PARLEY_ASSERT_OK_AND_ASSIGN(std::vector<CheckpointEntry> kept, directory.List());
  EXPECT_THAT(kept, ElementsAre(Field(&CheckpointEntry::last_change, 3u),
                                Field(&CheckpointEntry::last_change, 2u)));
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(root_ / "checkpoints")) {
    names.push_back(entry.path().filename().string());
  }
  EXPECT_THAT(names, ::testing::UnorderedElementsAre(kept[0].name, kept[1].name));

  // Each is a store of its own moment.
  StoreOptions options;
  options.path = kept[1].path;
  options.read_only = true;
  PARLEY_ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> older, Store::Open(options));
  EXPECT_THAT(older->GetEvent("e2"), IsOk());
  EXPECT_FALSE(older->GetEvent("e3").ok());
}

}  // namespace
}  // namespace parley::storage
