#include "ingest/handler.h"

#include <filesystem>
#include <random>

#include "common/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley::ingest {
namespace {

using ::parley::testing::IsOk;
using ::testing::HasSubstr;

// In-memory dead-letter topic that can be told to fail.
class RecordingDeadLetters : public DeadLetterSink {
 public:
  absl::Status Send(const IncomingMessage& message, std::string_view reason) override {
    if (fail_next > 0) {
      --fail_next;
      return absl::UnavailableError("broker down");
    }
    sent.push_back({message, std::string(reason)});
    return absl::OkStatus();
  }
  std::vector<std::pair<IncomingMessage, std::string>> sent;
  int fail_next = 0;
};

class HandlerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("parley-handler-test-" + std::to_string(std::random_device()()));
    storage::StoreOptions options;
    options.path = path_.string();
    auto store = storage::Store::Open(options);
    ASSERT_THAT(store, IsOk());
    store_ = *std::move(store);
    handler_ = std::make_unique<IngestHandler>(*store_, dead_letters_, BuildOptions());
  }
  void TearDown() override {
    handler_.reset();
    store_.reset();
    std::filesystem::remove_all(path_);
  }
  IncomingMessage Message(int64_t offset, std::string key, std::string value) {
    return IncomingMessage{"articles", 0, offset, std::move(key), std::move(value), 0};
  }
  int64_t StoredNextOffset() {
    auto next = store_->NextOffset("articles", 0);
    return next.ok() && next->has_value() ? **next : -1;
  }

  std::filesystem::path path_;
  std::unique_ptr<storage::Store> store_;
  RecordingDeadLetters dead_letters_;
  std::unique_ptr<IngestHandler> handler_;
};

TEST_F(HandlerTest, StoresAGoodArticleWithItsOffset) {
  ASSERT_THAT(handler_->Handle(Message(5, "a-1", R"({"id":"a-1","body":"Met in Seoul."})"),
                               1700000000000),
              IsOk());
  PARLEY_ASSERT_OK_AND_ASSIGN(records::StoredArticle article, store_->GetArticle("a-1"));
  EXPECT_EQ(article.stored_at_unix_ms(), 1700000000000);
  EXPECT_THAT(store_->GetEvent("a-1"), IsOk());
  EXPECT_EQ(StoredNextOffset(), 6);
  EXPECT_EQ(handler_->counters().articles_stored, 1u);
  EXPECT_TRUE(dead_letters_.sent.empty());
}

TEST_F(HandlerTest, BadMessageGoesToDeadLettersWithReasonAndOffsetAdvances) {
  ASSERT_THAT(handler_->Handle(Message(9, "bad", "{\"id\": 42}"), 0), IsOk());
  ASSERT_EQ(dead_letters_.sent.size(), 1u);
  EXPECT_EQ(dead_letters_.sent[0].first.value, "{\"id\": 42}");
  EXPECT_THAT(dead_letters_.sent[0].second, HasSubstr("\"id\" must be a string"));
  EXPECT_EQ(StoredNextOffset(), 10);
  EXPECT_EQ(handler_->counters().dead_lettered, 1u);
}

TEST_F(HandlerTest, DeadLetterFailureIsTransientAndNothingIsRecorded) {
  dead_letters_.fail_next = 1;
  EXPECT_FALSE(handler_->Handle(Message(3, "bad", ""), 0).ok());
  EXPECT_EQ(StoredNextOffset(), -1);
  EXPECT_EQ(handler_->counters().transient_errors, 1u);
  // The retry succeeds and the message is not lost.
  ASSERT_THAT(handler_->Handle(Message(3, "bad", ""), 0), IsOk());
  EXPECT_EQ(dead_letters_.sent.size(), 1u);
  EXPECT_EQ(StoredNextOffset(), 4);
}

}  // namespace
}  // namespace parley::ingest
