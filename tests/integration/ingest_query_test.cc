// End to end through real processes: a local Kafka broker and parleyd.
// Articles are published over Kafka with librdkafka, answers are read over
// gRPC on 127.0.0.1, and the dead-letter topic is consumed back.
#include <csignal>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/kafka_client.h"
#include "nlohmann/json.hpp"
#include "tests/testing/local_services.h"

namespace parley {
namespace {

using ::parley::testing::IsOk;
using ::parley::testing::LocalKafka;
using ::parley::testing::Parleyd;
using ::testing::HasSubstr;
using ::testing::IsSupersetOf;
using ::testing::UnorderedElementsAreArray;

constexpr char kSeedId[] = "000_aefde3dc521e8719";
constexpr char kTopic[] = "articles";

std::string SeedPath(const std::string& extension) {
  return absl::StrCat(testing::SourceDir(), "/seeds/", kSeedId, extension);
}

class IngestQueryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto kafka = LocalKafka::Start();
    ASSERT_THAT(kafka, IsOk());
    kafka_ = kafka->release();
    ASSERT_THAT(kafka_->CreateTopic(kTopic, 1), IsOk());
    ASSERT_THAT(kafka_->CreateTopic(absl::StrCat(kTopic, ".dlq"), 1), IsOk());
  }
  static void TearDownTestSuite() {
    delete kafka_;
    kafka_ = nullptr;
  }

  void SetUp() override {
    ASSERT_NE(kafka_, nullptr);
    auto parleyd = Parleyd::Start(kafka_->bootstrap(), kTopic);
    ASSERT_THAT(parleyd, IsOk());
    parleyd_ = *std::move(parleyd);
    ingest::KafkaSettings settings;
    settings.brokers = kafka_->bootstrap();
    auto producer = ingest::SyncProducer::Create(settings);
    ASSERT_THAT(producer, IsOk());
    producer_ = *std::move(producer);
  }

  void TearDown() override {
    if (HasFailure() && parleyd_) std::cerr << "parleyd log:\n" << parleyd_->log();
  }

  void Publish(const std::string& key, const std::string& value) {
    ASSERT_THAT(producer_->Produce(kTopic, key, value, {}, absl::Seconds(30)), IsOk());
  }

  // Polls GetEvent until the event exists (ingest is asynchronous).
  absl::StatusOr<v1::Event> AwaitEvent(const std::string& id) {
    v1::GetEventRequest request;
    request.set_name(absl::StrCat("events/", id));
    grpc::Status status;
    absl::Time deadline = absl::Now() + absl::Seconds(60);
    while (absl::Now() < deadline) {
      v1::Event event;
      status = parleyd_->stub().GetEvent(testing::ContextWithDeadline().get(), request, &event);
      if (status.ok()) return event;
      absl::SleepFor(absl::Milliseconds(200));
    }
    return absl::DeadlineExceededError(
        absl::StrCat("event ", id, " never appeared: ", status.error_message()));
  }

  static LocalKafka* kafka_;
  std::unique_ptr<Parleyd> parleyd_;
  std::unique_ptr<ingest::SyncProducer> producer_;
};

LocalKafka* IngestQueryTest::kafka_ = nullptr;

std::vector<std::string> Strings(const nlohmann::json& array) {
  std::vector<std::string> out;
  for (const auto& item : array) out.push_back(item.get<std::string>());
  return out;
}

TEST_F(IngestQueryTest, SeedArticleIsAnsweredFieldByFieldAsInItsGold) {
  Publish(kSeedId, testing::ReadFileOrEmpty(SeedPath(".txt")));
  absl::StatusOr<v1::Event> event = AwaitEvent(kSeedId);
  ASSERT_THAT(event, IsOk());
  nlohmann::json gold = nlohmann::json::parse(testing::ReadFileOrEmpty(SeedPath(".gold.json")));

  std::string type = v1::EventType_Name(event->type());
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(type, gold["event"]["type"]);
  EXPECT_EQ(event->start_date(), gold["event"]["start"]);
  EXPECT_EQ(event->end_date(), gold["event"]["end"]);
  std::vector<std::string> locations;
  for (const auto& location : event->locations()) locations.push_back(location.name());
  EXPECT_THAT(locations, UnorderedElementsAreArray(Strings(gold["event"]["locations"])));

  ASSERT_EQ(event->participants_size(), static_cast<int>(gold["participants"].size()));
  for (const auto& expected : gold["participants"]) {
    auto found = std::find_if(event->participants().begin(), event->participants().end(),
                              [&](const v1::EventParticipant& p) {
                                return p.name() == expected["name"].get<std::string>();
                              });
    ASSERT_NE(found, event->participants().end()) << expected["name"];
    EXPECT_EQ(found->rank(), expected["rank"]);
    EXPECT_EQ(found->role(), expected["role"]);
    EXPECT_EQ(found->organization(), expected["organization"]);
    EXPECT_THAT(found->participant(), ::testing::StartsWith("participants/"));
  }
  std::vector<std::string> organizations, countries, topics;
  for (const auto& o : event->organizations()) organizations.push_back(o.name());
  for (const auto& c : event->countries()) countries.push_back(c.code());
  for (const auto& t : event->topics()) topics.push_back(t.name());
  EXPECT_THAT(organizations, UnorderedElementsAreArray(Strings(gold["organizations"])));
  EXPECT_THAT(countries, UnorderedElementsAreArray(Strings(gold["countries"])));
  // Every gold topic, among the others the lead paragraphs name (see
  // extract/extractor_test.cc).
  EXPECT_THAT(topics, IsSupersetOf(Strings(gold["topics"])));
  ASSERT_EQ(event->quotes_size(), static_cast<int>(gold["quotes"].size()));
  for (size_t i = 0; i < gold["quotes"].size(); ++i) {
    EXPECT_EQ(event->quotes(i).speaker(), gold["quotes"][i]["speaker"]);
    EXPECT_THAT(event->quotes(i).text(),
                ::testing::StartsWith(gold["quotes"][i]["starts_with"].get<std::string>()));
  }

  // The article carries where each fact came from.
  v1::GetArticleRequest article_request;
  article_request.set_name(absl::StrCat("articles/", kSeedId));
  v1::Article article;
  ASSERT_TRUE(parleyd_->stub()
                  .GetArticle(testing::ContextWithDeadline().get(), article_request, &article)
                  .ok());
  EXPECT_EQ(article.event(), absl::StrCat("events/", kSeedId));
  ASSERT_FALSE(article.facts().empty());
  for (const v1::FactSource& fact : article.facts()) {
    EXPECT_LT(fact.span().begin(), fact.span().end()) << fact.field();
  }
}

TEST_F(IngestQueryTest, MalformedMessageGoesToTheDeadLetterTopicWithItsReason) {
  const std::string key = absl::StrCat("bad-", testing::FreePort());
  const std::string value = R"({"id": 42, "body": "text"})";
  Publish(key, value);
  // A good article after the bad one proves consumption continued.
  Publish(kSeedId, testing::ReadFileOrEmpty(SeedPath(".txt")));
  ASSERT_THAT(AwaitEvent(kSeedId), IsOk());

  ingest::KafkaSettings settings;
  settings.brokers = kafka_->bootstrap();
  auto conf = ingest::MakeKafkaConf(settings, {{"group.id", key},
                                               {"auto.offset.reset", "earliest"},
                                               {"enable.auto.commit", "false"}});
  ASSERT_THAT(conf, IsOk());
  std::string error;
  std::unique_ptr<RdKafka::KafkaConsumer> consumer(
      RdKafka::KafkaConsumer::create(conf->get(), error));
  ASSERT_NE(consumer, nullptr) << error;
  ASSERT_EQ(consumer->subscribe({absl::StrCat(kTopic, ".dlq")}), RdKafka::ERR_NO_ERROR);
  bool found = false;
  absl::Time deadline = absl::Now() + absl::Seconds(60);
  while (!found && absl::Now() < deadline) {
    std::unique_ptr<RdKafka::Message> message(consumer->consume(500));
    if (message->err() != RdKafka::ERR_NO_ERROR || message->key() == nullptr ||
        *message->key() != key) {
      continue;
    }
    found = true;
    EXPECT_EQ(std::string(static_cast<const char*>(message->payload()), message->len()), value);
    RdKafka::Headers* headers = message->headers();
    ASSERT_NE(headers, nullptr);
    std::vector<RdKafka::Headers::Header> reasons = headers->get("parley.error");
    ASSERT_EQ(reasons.size(), 1u);
    EXPECT_THAT(std::string(static_cast<const char*>(reasons[0].value()), reasons[0].value_size()),
                HasSubstr("\"id\" must be a string"));
    EXPECT_EQ(headers->get("parley.source.topic").size(), 1u);
  }
  consumer->close();
  EXPECT_TRUE(found) << "no dead letter with key " << key;
}

TEST_F(IngestQueryTest, QueriesOverGrpcAndBadRequestsNameTheField) {
  Publish(kSeedId, testing::ReadFileOrEmpty(SeedPath(".txt")));
  ASSERT_THAT(AwaitEvent(kSeedId), IsOk());

  v1::ListEventsRequest by_participant;
  by_participant.set_participant("Su-Kwang Kim");
  v1::ListEventsResponse events;
  ASSERT_TRUE(parleyd_->stub()
                  .ListEvents(testing::ContextWithDeadline().get(), by_participant, &events)
                  .ok());
  ASSERT_EQ(events.events_size(), 1);
  EXPECT_EQ(events.events(0).name(), absl::StrCat("events/", kSeedId));

  v1::SearchParticipantsRequest search;
  search.set_query("park jeong");
  v1::SearchParticipantsResponse found;
  ASSERT_TRUE(parleyd_->stub()
                  .SearchParticipants(testing::ContextWithDeadline().get(), search, &found)
                  .ok());
  ASSERT_EQ(found.participants_size(), 1);
  EXPECT_EQ(found.participants(0).display_name(), "Park Jeong-hwan");

  v1::ListQuotesRequest quotes_request;
  quotes_request.set_speaker("participants/francesco-diella");
  quotes_request.set_contains("cyber");
  v1::ListQuotesResponse quotes;
  ASSERT_TRUE(parleyd_->stub()
                  .ListQuotes(testing::ContextWithDeadline().get(), quotes_request, &quotes)
                  .ok());
  ASSERT_EQ(quotes.quotes_size(), 1);
  EXPECT_THAT(quotes.quotes(0).quote().text(), ::testing::StartsWith("Korea is one of NATO"));

  // A country's name is the country; a name that is no country is refused.
  v1::ListEventsRequest by_name;
  by_name.set_country("Republic of Korea");
  ASSERT_TRUE(parleyd_->stub()
                  .ListEvents(testing::ContextWithDeadline().get(), by_name, &events)
                  .ok());
  EXPECT_EQ(events.events_size(), 1);
  v1::ListEventsRequest bad;
  bad.set_country("Atlantis");
  grpc::Status status =
      parleyd_->stub().ListEvents(testing::ContextWithDeadline().get(), bad, &events);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("country"));

  // Requests are capped at 1 MiB.
  v1::SearchParticipantsRequest huge;
  huge.set_query(std::string(2 << 20, 'a'));
  status = parleyd_->stub().SearchParticipants(testing::ContextWithDeadline().get(), huge, &found);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED) << status.error_message();

  v1::GetEventRequest missing;
  missing.set_name("events/no-such-event");
  v1::Event event;
  EXPECT_EQ(parleyd_->stub().GetEvent(testing::ContextWithDeadline().get(), missing, &event)
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(IngestQueryTest, RedeliveryIsIdempotentAndRestartKeepsTheStore) {
  std::string seed = testing::ReadFileOrEmpty(SeedPath(".txt"));
  Publish(kSeedId, seed);
  Publish(kSeedId, seed);
  ASSERT_THAT(AwaitEvent(kSeedId), IsOk());
  std::string marker_id = absl::StrCat("marker-", testing::FreePort());
  Publish(marker_id, absl::StrCat(R"({"id":")", marker_id, R"(","body":"Officials met."})"));
  ASSERT_THAT(AwaitEvent(marker_id), IsOk());  // everything before it is processed

  v1::GetParticipantRequest request;
  request.set_name("participants/su-kwang-kim");
  v1::Participant participant;
  ASSERT_TRUE(parleyd_->stub()
                  .GetParticipant(testing::ContextWithDeadline().get(), request, &participant)
                  .ok());
  EXPECT_EQ(participant.event_count(), 1);

  // SIGTERM: graceful shutdown, exit 0, then a restart on the same store
  // answers at once, before any consumption.
  parleyd_->process().Signal(SIGTERM);
  std::optional<int> exit_code = parleyd_->process().Wait(absl::Seconds(30));
  ASSERT_TRUE(exit_code.has_value()) << "parleyd did not stop within 30 s";
  EXPECT_EQ(*exit_code, 0);
  std::string data_dir = parleyd_->data_dir();
  auto restarted = Parleyd::Start(kafka_->bootstrap(), kTopic, data_dir);
  ASSERT_THAT(restarted, IsOk());
  parleyd_ = *std::move(restarted);
  v1::GetEventRequest get;
  get.set_name(absl::StrCat("events/", kSeedId));
  v1::Event event;
  EXPECT_TRUE(parleyd_->stub().GetEvent(testing::ContextWithDeadline().get(), get, &event).ok());
}

}  // namespace
}  // namespace parley
