// The broker goes away (SIGKILL) and comes back on its data directory:
// parleyd keeps answering queries, reports ingest as NOT_SERVING on the
// "parley.v1.Ingest" health service while the broker is gone (but stays
// ready and live), and resumes consuming where it stopped.
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/status_matchers.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/testing/kafka_helpers.h"
#include "tests/testing/local_services.h"

namespace parley {
namespace {

using ::grpc::health::v1::HealthCheckRequest;
using ::grpc::health::v1::HealthCheckResponse;
using ::parley::testing::IsOk;

class BrokerFaultTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto kafka = testing::LocalKafka::Start();
    ASSERT_THAT(kafka, IsOk());
    kafka_ = *std::move(kafka);
    ASSERT_THAT(kafka_->CreateTopic("faults", 1), IsOk());
    // A short session, so that librdkafka gives the assignment up soon after
    // the broker goes (45 s by default).
    auto parleyd = testing::Parleyd::Start(kafka_->bootstrap(), "faults", "",
                                           {"--kafka-property", "session.timeout.ms=6000"});
    ASSERT_THAT(parleyd, IsOk());
    parleyd_ = *std::move(parleyd);
    health_ = grpc::health::v1::Health::NewStub(
        grpc::CreateChannel(parleyd_->address(), grpc::InsecureChannelCredentials()));
  }
  void TearDown() override {
    if (HasFailure() && parleyd_) std::cerr << "parleyd log:\n" << parleyd_->log();
  }

  HealthCheckResponse::ServingStatus Health(const std::string& service) {
    HealthCheckRequest request;
    request.set_service(service);
    HealthCheckResponse response;
    grpc::Status status = health_->Check(testing::ContextWithDeadline(5).get(), request, &response);
    return status.ok() ? response.status() : HealthCheckResponse::UNKNOWN;
  }

  bool AwaitHealth(const std::string& service, HealthCheckResponse::ServingStatus wanted,
                   absl::Duration timeout) {
    absl::Time deadline = absl::Now() + timeout;
    while (absl::Now() < deadline) {
      if (Health(service) == wanted) return true;
      absl::SleepFor(absl::Milliseconds(250));
    }
    return false;
  }

  bool AwaitEvent(const std::string& id, absl::Duration timeout) {
    v1::GetEventRequest request;
    request.set_name("events/" + id);
    absl::Time deadline = absl::Now() + timeout;
    while (absl::Now() < deadline) {
      v1::Event event;
      if (parleyd_->stub().GetEvent(testing::ContextWithDeadline().get(), request, &event).ok()) {
        return true;
      }
      absl::SleepFor(absl::Milliseconds(250));
    }
    return false;
  }

  absl::Status Publish(const std::string& id) {
    return testing::PublishAll(
        kafka_->bootstrap(), "faults",
        {{id, absl::StrCat(R"({"id":")", id, R"(","body":"Delegations met in Seoul."})")}});
  }

  std::unique_ptr<testing::LocalKafka> kafka_;
  std::unique_ptr<testing::Parleyd> parleyd_;
  std::unique_ptr<grpc::health::v1::Health::Stub> health_;
};

TEST_F(BrokerFaultTest, QueriesContinueAndIngestResumesAfterTheBrokerReturns) {
  ASSERT_THAT(Publish("before-crash"), IsOk());
  ASSERT_TRUE(AwaitEvent("before-crash", absl::Seconds(60)));
  EXPECT_TRUE(AwaitHealth("parley.v1.Ingest", HealthCheckResponse::SERVING, absl::Seconds(30)));
  EXPECT_EQ(Health("parley.v1.Parley"), HealthCheckResponse::SERVING);
  EXPECT_EQ(Health(""), HealthCheckResponse::SERVING);

  EXPECT_TRUE(AwaitHealth("readiness", HealthCheckResponse::SERVING, absl::Seconds(30)));

  ASSERT_THAT(kafka_->Kill(), IsOk());
  absl::Time killed = absl::Now();
  EXPECT_TRUE(
      AwaitHealth("parley.v1.Ingest", HealthCheckResponse::NOT_SERVING, absl::Seconds(60)))
      << "ingest health never reported the broker outage";
  // Past the session timeout the consumer has given its partitions up; the
  // replica had caught up, so it stays ready and live.
  absl::SleepFor(killed + absl::Seconds(15) - absl::Now());
  EXPECT_EQ(Health("readiness"), HealthCheckResponse::SERVING);
  EXPECT_EQ(Health("liveness"), HealthCheckResponse::SERVING);
  // Queries do not depend on the broker.
  EXPECT_EQ(Health("parley.v1.Parley"), HealthCheckResponse::SERVING);
  EXPECT_TRUE(AwaitEvent("before-crash", absl::Seconds(5)));

  ASSERT_THAT(kafka_->Restart(), IsOk());
  EXPECT_TRUE(AwaitHealth("parley.v1.Ingest", HealthCheckResponse::SERVING, absl::Seconds(90)))
      << "ingest health did not recover";
  ASSERT_THAT(Publish("after-restart"), IsOk());
  EXPECT_TRUE(AwaitEvent("after-restart", absl::Seconds(120)))
      << "parleyd did not resume consuming after the broker came back";
}

}  // namespace
}  // namespace parley
