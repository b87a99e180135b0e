// Backups of a replica's store: a checkpoint made through ParleyAdmin while
// parleyd ingests, `parleyd restore` into a fresh data directory, and a
// parleyd restarted on it giving the answers of the checkpoint's moment,
// then catching up from the offsets the checkpoint holds to the answers of
// the original store. Real broker, real parleyd processes.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/kafka_helpers.h"
#include "tests/testing/local_services.h"
#include "tests/testing/shared_kafka_test.h"

namespace parley {
namespace {

using ::parley::testing::IsOk;
using ::parley::testing::KeyedMessage;
using ::parley::testing::Parleyd;
using ::parley::testing::PoolMessages;
using ::testing::HasSubstr;

// What a client can see of the record: every event as ListEvents pages it,
// and every participant GetParticipant gives for the people in them.
using Answers = std::map<std::string, std::string>;

Answers AnswersOf(Parleyd& parleyd) {
  Answers answers;
  v1::ListEventsRequest request;
  request.set_page_size(100);
  do {
    v1::ListEventsResponse page;
    grpc::Status status = parleyd.stub().ListEvents(parleyd.Context().get(), request, &page);
    EXPECT_TRUE(status.ok()) << status.error_message();
    if (!status.ok()) break;
    for (const v1::Event& event : page.events()) {
      answers[event.name()] = event.SerializeAsString();
      for (const v1::EventParticipant& participant : event.participants()) {
        v1::GetParticipantRequest get;
        get.set_name(participant.participant());
        v1::Participant person;
        if (parleyd.stub().GetParticipant(parleyd.Context().get(), get, &person).ok()) {
          answers[person.name()] = person.SerializeAsString();
        }
      }
    }
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  return answers;
}

size_t EventCount(const Answers& answers) {
  size_t events = 0;
  for (const auto& [name, value] : answers) events += name.rfind("events/", 0) == 0;
  return events;
}

// Waits until parleyd serves `events` events; returns its answers then.
Answers AwaitEvents(Parleyd& parleyd, size_t events) {
  Answers answers;
  absl::Time deadline = absl::Now() + absl::Seconds(120);
  do {
    answers = AnswersOf(parleyd);
    if (EventCount(answers) == events) break;
    absl::SleepFor(absl::Milliseconds(250));
  } while (absl::Now() < deadline);
  return answers;
}

// Runs `parleyd ARGS...` to its end; returns its exit code and log.
std::pair<int, std::string> RunParleyd(const std::vector<std::string>& args,
                                       const std::string& log) {
  std::vector<std::string> argv = {std::getenv("PARLEYD")};
  argv.insert(argv.end(), args.begin(), args.end());
  auto process = testing::Subprocess::Start(argv, log);
  if (!process.ok()) return {-1, std::string(process.status().message())};
  std::optional<int> code = process->Wait(absl::Seconds(60));
  return {code.value_or(-1), testing::ReadFileOrEmpty(log)};
}

class BackupTest : public testing::SharedKafkaTest {};

TEST_F(BackupTest, ARestoredCheckpointAnswersAsItsMomentThenCatchesUpFromItsOffsets) {
  const std::string topic = "backup";
  ASSERT_THAT(kafka_->CreateTopic(topic, 2), IsOk());
  ASSERT_THAT(kafka_->CreateTopic(topic + ".dlq", 1), IsOk());
  std::vector<KeyedMessage> articles = PoolMessages(80);
  ASSERT_EQ(articles.size(), 80u);
  std::vector<KeyedMessage> first(articles.begin(), articles.begin() + 60);
  ASSERT_THAT(testing::PublishAll(kafka_->bootstrap(), topic, first), IsOk());

  auto original = Parleyd::Start(kafka_->bootstrap(), topic);
  ASSERT_THAT(original, IsOk());
  Answers at_checkpoint = AwaitEvents(**original, 60);
  ASSERT_EQ(EventCount(at_checkpoint), 60u);
  auto admin = v1::ParleyAdmin::NewStub((*original)->channel());
  v1::CreateCheckpointResponse made;
  grpc::Status status =
      admin->CreateCheckpoint((*original)->Context(60).get(), {}, &made);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(made.checkpoint().last_change(), 60u);
  EXPECT_THAT(made.checkpoint().path(), HasSubstr((*original)->data_dir() + "/checkpoints/"));
  v1::ListCheckpointsResponse listed;
  ASSERT_TRUE(admin->ListCheckpoints((*original)->Context().get(), {}, &listed).ok());
  ASSERT_EQ(listed.checkpoints_size(), 1);
  EXPECT_EQ(listed.checkpoints(0).name(), made.checkpoint().name());

  // After the checkpoint: twenty new articles and two retractions.
  std::vector<KeyedMessage> later(articles.begin() + 60, articles.end());
  later.push_back({articles[5].key, "", true});
  later.push_back({articles[6].key, "", true});
  ASSERT_THAT(testing::PublishAll(kafka_->bootstrap(), topic, later), IsOk());
  Answers latest = AwaitEvents(**original, 78);
  ASSERT_EQ(EventCount(latest), 78u);
  v1::ListEventsResponse page;
  ASSERT_TRUE((*original)->stub().ListEvents((*original)->Context().get(), {}, &page).ok());
  std::string original_cursor = page.watch_cursor();
  (*original)->process().Signal(SIGTERM);
  ASSERT_EQ((*original)->process().Wait(absl::Seconds(60)), 0);

  std::string restored_dir = testing::MakeTempDir("parley-restored") + "/store";
  std::string work = testing::MakeTempDir("parley-restore-logs");
  auto [code, log] = RunParleyd({"restore", "--from", made.checkpoint().path(), "--data-dir",
                                 restored_dir},
                                work + "/restore.log");
  ASSERT_EQ(code, 0) << log;
  EXPECT_THAT(log, HasSubstr("changes up to 60"));
  auto [again, refusal] = RunParleyd({"restore", "--from", made.checkpoint().path(),
                                      "--data-dir", restored_dir},
                                     work + "/again.log");
  EXPECT_NE(again, 0);
  EXPECT_THAT(refusal, HasSubstr("--replace"));

  // With no broker to reach, the restored store answers as at the checkpoint.
  auto offline = Parleyd::Start(absl::StrCat("127.0.0.1:", testing::FreePort()), topic,
                                restored_dir);
  ASSERT_THAT(offline, IsOk());
  EXPECT_EQ(AnswersOf(**offline), at_checkpoint);
  (*offline)->process().Signal(SIGTERM);
  ASSERT_TRUE((*offline)->process().Wait(absl::Seconds(60)).has_value());

  // A checkpoint placed on the original's volume (as kubectl cp would)
  // replaces its store at the next start; ingest then consumes on from the
  // checkpoint's offsets: the later articles and retractions, to the
  // original's answers.
  std::string placed = (*original)->data_dir() + "/restore";
  std::filesystem::copy(made.checkpoint().path(), placed);
  auto restored = Parleyd::Start(kafka_->bootstrap(), topic, (*original)->data_dir(),
                                 {"--restore-from", placed});
  ASSERT_THAT(restored, IsOk());
  Answers caught_up = AwaitEvents(**restored, 78);
  EXPECT_EQ(caught_up, latest);
  EXPECT_FALSE(std::filesystem::exists(placed)) << "a restore happens once";
  EXPECT_THAT((*restored)->log(), HasSubstr("changes up to 60"));
  // A new store id: the original's watch cursors are refused, not misread.
  v1::WatchEventsRequest watch;
  watch.set_after(original_cursor);
  auto context = (*restored)->Context(10);
  auto reader = (*restored)->stub().WatchEvents(context.get(), watch);
  v1::WatchEventsResponse change;
  EXPECT_FALSE(reader->Read(&change));
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::OUT_OF_RANGE);
}

}  // namespace
}  // namespace parley
