// WatchEvents against a real parleyd and Kafka broker: a watch follows new
// events, resumes from a cursor across a restart with nothing missed or
// repeated, sees deletions, refuses bad cursors clearly; and a client that
// stops reading is told to resume while another client and ingest go on.
#include <csignal>
#include <filesystem>
#include <set>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "services/page_token.h"
#include "tests/testing/kafka_helpers.h"
#include "tests/testing/local_services.h"
#include "tests/testing/shared_kafka_test.h"
#include "tests/testing/store_helpers.h"

namespace parley {
namespace {

using ::parley::testing::IsOk;
using ::parley::testing::KeyedMessage;
using ::parley::testing::Parleyd;
using ::parley::testing::PoolMessages;
using ::testing::HasSubstr;

struct Received {
  std::vector<v1::WatchEventsResponse> changes;
  grpc::Status status;
};

// Reads a watch until `count` changes arrived (then cancels) or it ends.
Received ReadChanges(v1::Parley::Stub& stub, const v1::WatchEventsRequest& request,
                     size_t count, absl::Duration timeout = absl::Seconds(120)) {
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  auto reader = stub.WatchEvents(&context, request);
  Received received;
  v1::WatchEventsResponse change;
  while (received.changes.size() < count && reader->Read(&change)) {
    received.changes.push_back(change);
  }
  if (received.changes.size() == count) context.TryCancel();
  received.status = reader->Finish();
  return received;
}

v1::WatchEventsRequest After(const std::string& cursor) {
  v1::WatchEventsRequest request;
  request.set_after(cursor);
  return request;
}

class WatchTest : public testing::SharedKafkaTest {};

TEST_F(WatchTest, ResumesAcrossARestartWithNothingMissedOrRepeatedAndSeesDeletions) {
  const std::string topic = "watch-resume";
  ASSERT_THAT(kafka_->CreateTopic(topic, 2), IsOk());
  ASSERT_THAT(kafka_->CreateTopic(topic + ".dlq", 1), IsOk());
  auto parleyd = Parleyd::Start(kafka_->bootstrap(), topic);
  ASSERT_THAT(parleyd, IsOk());
  v1::ListEventsResponse listed;
  ASSERT_TRUE((*parleyd)->stub().ListEvents((*parleyd)->Context().get(), {}, &listed).ok());
  ASSERT_FALSE(listed.watch_cursor().empty());

  std::vector<KeyedMessage> articles = PoolMessages(20);
  ASSERT_THAT(testing::PublishAll(kafka_->bootstrap(), topic, articles), IsOk());
  // From the list's cursor: every article, once, as stored.
  Received first = ReadChanges((*parleyd)->stub(), After(listed.watch_cursor()), 20);
  ASSERT_EQ(first.changes.size(), 20u) << first.status.error_message();
  std::set<std::string> ids;
  for (const auto& change : first.changes) {
    EXPECT_EQ(change.change_type(), v1::WatchEventsResponse::CHANGE_TYPE_STORED);
    ids.insert(change.event().name());
  }
  std::set<std::string> expected;
  for (const auto& article : articles) expected.insert("events/" + article.key);
  EXPECT_EQ(ids, expected);

  // Restarted, the tenth change's cursor gives exactly the ten after it.
  std::string data_dir = (*parleyd)->data_dir();
  (*parleyd)->process().Signal(SIGTERM);
  ASSERT_TRUE((*parleyd)->process().Wait(absl::Seconds(60)).has_value());
  parleyd = Parleyd::Start(kafka_->bootstrap(), topic, data_dir);
  ASSERT_THAT(parleyd, IsOk());
  Received rest = ReadChanges((*parleyd)->stub(), After(first.changes[9].cursor()), 10);
  ASSERT_EQ(rest.changes.size(), 10u) << rest.status.error_message();
  for (size_t i = 0; i < 10; ++i) {
    EXPECT_EQ(rest.changes[i].cursor(), first.changes[10 + i].cursor());
    EXPECT_EQ(rest.changes[i].event().name(), first.changes[10 + i].event().name());
  }

  // A tombstone: watchers get the deletion, GetEvent answers NOT_FOUND.
  ASSERT_THAT(testing::PublishAll(kafka_->bootstrap(), topic, {{articles[3].key, "", true}}),
              IsOk());
  Received deletion = ReadChanges((*parleyd)->stub(), After(first.changes.back().cursor()), 1);
  ASSERT_EQ(deletion.changes.size(), 1u) << deletion.status.error_message();
  EXPECT_EQ(deletion.changes[0].change_type(), v1::WatchEventsResponse::CHANGE_TYPE_DELETED);
  EXPECT_EQ(deletion.changes[0].event().name(), "events/" + articles[3].key);
  v1::GetEventRequest get;
  get.set_name("events/" + articles[3].key);
  v1::Event event;
  EXPECT_EQ((*parleyd)->stub().GetEvent((*parleyd)->Context().get(), get, &event).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(WatchTest, RefusesCursorsItCannotServeAndBadFiltersNamingTheField) {
  const std::string topic = "watch-refusals";
  ASSERT_THAT(kafka_->CreateTopic(topic, 1), IsOk());
  auto parleyd = Parleyd::Start(kafka_->bootstrap(), topic);
  ASSERT_THAT(parleyd, IsOk());
  Received other_store = ReadChanges(
      (*parleyd)->stub(), After(service::EncodeWatchCursor("another-replica", 1)), 1);
  EXPECT_EQ(other_store.status.error_code(), grpc::StatusCode::OUT_OF_RANGE);
  EXPECT_THAT(other_store.status.error_message(), HasSubstr("another store"));
  Received malformed = ReadChanges((*parleyd)->stub(), After("not a cursor"), 1);
  EXPECT_EQ(malformed.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(malformed.status.error_message(), HasSubstr("after"));
  v1::WatchEventsRequest bad_date;
  bad_date.set_start_date("2023-13-45");
  Received bad = ReadChanges((*parleyd)->stub(), bad_date, 1);
  EXPECT_EQ(bad.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(bad.status.error_message(), HasSubstr("start_date"));
}

TEST_F(WatchTest, AClientThatStopsReadingIsToldToResumeWhileOthersAndIngestGoOn) {
  const std::string topic = "watch-slow";
  ASSERT_THAT(kafka_->CreateTopic(topic, 2), IsOk());
  ASSERT_THAT(kafka_->CreateTopic(topic + ".dlq", 1), IsOk());
  auto parleyd =
      Parleyd::Start(kafka_->bootstrap(), topic, "", {"--watch-stall-timeout=2s"});
  ASSERT_THAT(parleyd, IsOk());
  v1::ListEventsResponse listed;
  ASSERT_TRUE((*parleyd)->stub().ListEvents((*parleyd)->Context().get(), {}, &listed).ok());

  // The slow client's channel takes little in flight, so the server's
  // writes wait for it soon after it stops reading.
  grpc::ChannelArguments small_window;
  small_window.SetInt(GRPC_ARG_HTTP2_STREAM_LOOKAHEAD_BYTES, 4096);
  small_window.SetInt(GRPC_ARG_HTTP2_BDP_PROBE, 0);
  auto slow_stub = v1::Parley::NewStub(grpc::CreateCustomChannel(
      (*parleyd)->address(), grpc::InsecureChannelCredentials(), small_window));
  grpc::ClientContext slow_context;
  auto slow = slow_stub->WatchEvents(&slow_context, After(listed.watch_cursor()));

  std::vector<KeyedMessage> articles = PoolMessages(400);
  Received fast;
  std::thread fast_reader([&] {
    fast = ReadChanges((*parleyd)->stub(), After(listed.watch_cursor()), articles.size());
  });
  absl::Time published_at = absl::Now();
  ASSERT_THAT(testing::PublishAll(kafka_->bootstrap(), topic, articles), IsOk());
  fast_reader.join();
  ASSERT_EQ(fast.changes.size(), articles.size()) << fast.status.error_message();
  std::cout << "the reading client got all " << articles.size() << " changes "
            << absl::FormatDuration(absl::Now() - published_at) << " after publishing began\n";

  // The slow client, reading again after the stall timeout, drains what was
  // in flight and learns where to resume.
  absl::SleepFor(absl::Seconds(4));
  std::vector<v1::WatchEventsResponse> got;
  v1::WatchEventsResponse change;
  while (slow->Read(&change)) got.push_back(change);
  grpc::Status ended = slow->Finish();
  ASSERT_EQ(ended.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED) << ended.error_message();
  ASSERT_FALSE(got.empty());
  ASSERT_LT(got.size(), articles.size());
  EXPECT_THAT(ended.error_message(), HasSubstr(absl::StrCat("after=\"", got.back().cursor())));
  Received resumed = ReadChanges((*parleyd)->stub(), After(got.back().cursor()),
                                 articles.size() - got.size());
  for (const auto& more : resumed.changes) got.push_back(more);
  ASSERT_EQ(got.size(), articles.size());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].cursor(), fast.changes[i].cursor()) << i;
  }
}

TEST_F(WatchTest, OnlineReindexIsWatchedAsReplacementsWhileIngestGoesOn) {
  const std::string topic = "watch-reindex";
  ASSERT_THAT(kafka_->CreateTopic(topic, 2), IsOk());
  ASSERT_THAT(kafka_->CreateTopic(topic + ".dlq", 1), IsOk());
  std::vector<KeyedMessage> articles = PoolMessages(200);
  std::vector<KeyedMessage> old_articles(articles.begin(), articles.begin() + 150);
  std::vector<KeyedMessage> new_articles(articles.begin() + 150, articles.end());
  auto parleyd = Parleyd::Start(kafka_->bootstrap(), topic);
  ASSERT_THAT(parleyd, IsOk());
  v1::ListEventsResponse listed;
  ASSERT_TRUE((*parleyd)->stub().ListEvents((*parleyd)->Context().get(), {}, &listed).ok());
  ASSERT_THAT(testing::PublishAll(kafka_->bootstrap(), topic, old_articles), IsOk());
  ASSERT_EQ(ReadChanges((*parleyd)->stub(), After(listed.watch_cursor()), 150).changes.size(),
            150u);
  // The store as an older extractor left it.
  std::string data_dir = (*parleyd)->data_dir();
  (*parleyd)->process().Signal(SIGTERM);
  ASSERT_TRUE((*parleyd)->process().Wait(absl::Seconds(60)).has_value());
  ASSERT_THAT(testing::AgeTheExtraction(data_dir), IsOk());
  parleyd = Parleyd::Start(kafka_->bootstrap(), topic, data_dir);
  ASSERT_THAT(parleyd, IsOk());
  ASSERT_TRUE((*parleyd)->stub().ListEvents((*parleyd)->Context().get(), {}, &listed).ok());

  auto admin = v1::ParleyAdmin::NewStub((*parleyd)->channel());
  v1::StartReindexResponse started;
  ASSERT_TRUE(admin->StartReindex((*parleyd)->Context().get(), {}, &started).ok());
  ASSERT_THAT(testing::PublishAll(kafka_->bootstrap(), topic, new_articles), IsOk());
  v1::GetReindexStatusResponse status;
  for (absl::Time deadline = absl::Now() + absl::Seconds(120); absl::Now() < deadline;) {
    ASSERT_TRUE(admin->GetReindexStatus((*parleyd)->Context().get(), {}, &status).ok());
    if (status.status().state() != v1::ReindexStatus::STATE_RUNNING) break;
    absl::SleepFor(absl::Milliseconds(200));
  }
  ASSERT_EQ(status.status().state(), v1::ReindexStatus::STATE_DONE) << status.DebugString();
  EXPECT_EQ(status.status().articles_reextracted(), 150);

  // A watcher saw every old event replaced and every new one stored.
  Received changes = ReadChanges((*parleyd)->stub(), After(listed.watch_cursor()), 200);
  ASSERT_EQ(changes.changes.size(), 200u) << changes.status.error_message();
  std::set<std::string> replaced, stored, expected_replaced, expected_stored;
  for (const auto& change : changes.changes) {
    (change.change_type() == v1::WatchEventsResponse::CHANGE_TYPE_REPLACED ? replaced : stored)
        .insert(change.event().name());
  }
  for (const auto& article : old_articles) expected_replaced.insert("events/" + article.key);
  for (const auto& article : new_articles) expected_stored.insert("events/" + article.key);
  EXPECT_EQ(replaced, expected_replaced);
  EXPECT_EQ(stored, expected_stored);
}

}  // namespace
}  // namespace parley
