// What an operator sees of a running parleyd: the Prometheus exposition on
// --metrics-listen (scraped and parsed after real articles went through a
// real broker), /readyz and /livez, the "readiness" and "liveness" gRPC
// health services, JSON log lines, and settings taken from the environment
// and a config file, with a bad one stopping the start with its source.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "common/status_matchers.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/testing/kafka_helpers.h"
#include "tests/testing/local_services.h"

namespace parley {
namespace {

using ::grpc::health::v1::HealthCheckRequest;
using ::grpc::health::v1::HealthCheckResponse;
using ::parley::testing::IsOk;
using ::testing::HasSubstr;

constexpr char kTopic[] = "ops";

struct HttpResult {
  int status = 0;
  std::string body;
};

HttpResult HttpGet(int port, const std::string& path) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  HttpResult result;
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
    close(fd);
    return result;
  }
  std::string request =
      absl::StrCat("GET ", path, " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  (void)!write(fd, request.data(), request.size());
  std::string response;
  char buffer[8192];
  ssize_t n;
  while ((n = read(fd, buffer, sizeof(buffer))) > 0) response.append(buffer, static_cast<size_t>(n));
  close(fd);
  size_t body = response.find("\r\n\r\n");
  if (response.rfind("HTTP/1.1 ", 0) != 0 || body == std::string::npos) return result;
  absl::SimpleAtoi(absl::string_view(response).substr(9, 3), &result.status);
  result.body = response.substr(body + 4);
  return result;
}

// A careful reader of the text exposition format 0.0.4: every sample belongs
// to a family declared by "# TYPE" (histograms and summaries through their
// suffixes), label values are quoted with escapes, values are numbers.
// Returns "name{label="value",...}" -> value, with labels as written.
absl::StatusOr<std::map<std::string, double>> ParseExposition(const std::string& text) {
  std::map<std::string, std::string> types;
  std::map<std::string, double> samples;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    auto error = [&](absl::string_view why) {
      return absl::InvalidArgumentError(absl::StrCat("line ", line_number, ": ", why, ": ", line));
    };
    if (line.empty() || absl::StartsWith(line, "# HELP ")) continue;
    if (absl::StartsWith(line, "# TYPE ")) {
      std::vector<std::string> parts = absl::StrSplit(line.substr(7), ' ');
      if (parts.size() != 2) return error("bad TYPE line");
      types[parts[0]] = parts[1];
      continue;
    }
    if (line[0] == '#') continue;
    size_t name_end = line.find_first_of("{ ");
    if (name_end == absl::string_view::npos) return error("no value");
    std::string name(line.substr(0, name_end));
    size_t value_begin = name_end;
    if (line[name_end] == '{') {
      bool quoted = false;
      size_t i = name_end + 1;
      for (; i < line.size(); ++i) {
        if (quoted && line[i] == '\\') { ++i; continue; }
        if (line[i] == '"') quoted = !quoted;
        if (!quoted && line[i] == '}') break;
      }
      if (i == line.size()) return error("unterminated labels");
      value_begin = i + 1;
    }
    std::string family = name;
    for (absl::string_view suffix : {"_bucket", "_sum", "_count"}) {
      if (types.count(family) == 0 && absl::EndsWith(name, suffix)) {
        family = name.substr(0, name.size() - suffix.size());
      }
    }
    if (types.count(family) == 0) return error("sample without a TYPE line");
    std::vector<absl::string_view> rest =
        absl::StrSplit(line.substr(value_begin), ' ', absl::SkipEmpty());
    double value = 0;
    if (rest.empty() || !absl::SimpleAtod(rest[0], &value)) return error("value is not a number");
    samples[std::string(line.substr(0, value_begin))] = value;
  }
  return samples;
}

class OperationsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto kafka = testing::LocalKafka::Start();
    ASSERT_THAT(kafka, IsOk());
    kafka_ = kafka->release();
    ASSERT_THAT(kafka_->CreateTopic(kTopic, 2), IsOk());
    ASSERT_THAT(kafka_->CreateTopic(absl::StrCat(kTopic, ".dlq"), 1), IsOk());
  }
  static void TearDownTestSuite() {
    delete kafka_;
    kafka_ = nullptr;
  }
  void TearDown() override {
    if (HasFailure() && parleyd_) std::cerr << "parleyd log:\n" << parleyd_->log();
  }

  // Waits until the named counter reaches `wanted`; returns the last scrape.
  std::map<std::string, double> AwaitCounter(const std::string& series, double wanted) {
    std::map<std::string, double> samples;
    absl::Time deadline = absl::Now() + absl::Seconds(120);
    while (absl::Now() < deadline) {
      HttpResult scrape = HttpGet(metrics_port_, "/metrics");
      if (scrape.status == 200) {
        auto parsed = ParseExposition(scrape.body);
        EXPECT_THAT(parsed, IsOk());
        if (parsed.ok()) samples = *parsed;
        if (samples[series] >= wanted) break;
      }
      absl::SleepFor(absl::Milliseconds(250));
    }
    return samples;
  }

  HealthCheckResponse::ServingStatus Health(const std::string& service) {
    auto stub = grpc::health::v1::Health::NewStub(parleyd_->channel());
    HealthCheckRequest request;
    request.set_service(service);
    HealthCheckResponse response;
    grpc::Status status = stub->Check(testing::ContextWithDeadline(5).get(), request, &response);
    return status.ok() ? response.status() : HealthCheckResponse::UNKNOWN;
  }

  static testing::LocalKafka* kafka_;
  std::unique_ptr<testing::Parleyd> parleyd_;
  int metrics_port_ = 0;
};

testing::LocalKafka* OperationsTest::kafka_ = nullptr;

TEST_F(OperationsTest, MetricsCountWhatWasPublishedAndProbesReportReadiness) {
  // Settings from a config file and from the environment, as in a pod.
  std::string dir = testing::MakeTempDir("parley-ops");
  metrics_port_ = testing::FreePort();
  {
    std::ofstream config(dir + "/parleyd.conf");
    config << "# operations test\nlog-format = json\nmetrics-listen = 127.0.0.1:" << metrics_port_
           << "\n";
  }
  setenv("PARLEY_CONFIG", (dir + "/parleyd.conf").c_str(), 1);
  setenv("PARLEY_READY_MAX_LAG", "0", 1);
  auto parleyd = testing::Parleyd::Start(kafka_->bootstrap(), kTopic);
  unsetenv("PARLEY_CONFIG");
  unsetenv("PARLEY_READY_MAX_LAG");
  ASSERT_THAT(parleyd, IsOk());
  parleyd_ = *std::move(parleyd);

  std::vector<testing::KeyedMessage> messages;
  for (int i = 0; i < 30; ++i) {
    std::string id = absl::StrCat("ops-", i);
    messages.push_back({id, absl::StrCat(R"({"id":")", id,
                                         R"(","title":"Talks","body":"Delegations met in Seoul on )",
                                         "2023-02-0", 1 + i % 9, R"(."})")});
  }
  messages.push_back({"broken-1", R"({"id":"broken-1","body":)"});
  // Not empty: an empty value may come to mean a tombstone.
  messages.push_back({"broken-2", "Delegations met in \xff\xfe Seoul."});
  ASSERT_THAT(testing::PublishAll(kafka_->bootstrap(), kTopic, messages), IsOk());

  std::map<std::string, double> samples =
      AwaitCounter("parley_messages_consumed_total", messages.size());
  EXPECT_EQ(samples["parley_messages_consumed_total"], 32);
  EXPECT_EQ(samples["parley_articles_stored_total"], 30);
  EXPECT_EQ(samples["parley_messages_dead_lettered_total"], 2);
  EXPECT_EQ(samples["parley_extraction_duration_seconds_count"], 30)
      << "dead letters fail in decoding, before extraction is timed";
  EXPECT_GT(samples["parley_rocksdb_live_sst_bytes"] + samples["parley_rocksdb_memtable_bytes"], 0);
  EXPECT_EQ(samples.count("parley_rocksdb_block_cache_hit_ratio"), 1u);

  // Caught up (lag 0 on both partitions) with --ready-max-lag 0 from the environment.
  absl::Time deadline = absl::Now() + absl::Seconds(30);
  while (absl::Now() < deadline && HttpGet(metrics_port_, "/readyz").status != 200) {
    absl::SleepFor(absl::Milliseconds(250));
  }
  EXPECT_EQ(HttpGet(metrics_port_, "/readyz").status, 200);
  EXPECT_EQ(HttpGet(metrics_port_, "/livez").status, 200);
  EXPECT_EQ(HttpGet(metrics_port_, "/nothing").status, 404);
  EXPECT_EQ(Health("readiness"), HealthCheckResponse::SERVING);
  EXPECT_EQ(Health("liveness"), HealthCheckResponse::SERVING);
  samples = AwaitCounter("parley_ready", 1);
  EXPECT_EQ(samples["parley_consumer_lag_messages{topic=\"ops\",partition=\"0\"}"], 0);
  EXPECT_EQ(samples["parley_consumer_lag_messages{topic=\"ops\",partition=\"1\"}"], 0);

  // gRPC requests by method and code.
  v1::GetEventRequest request;
  request.set_name("events/no-such-event");
  v1::Event event;
  EXPECT_EQ(parleyd_->stub().GetEvent(parleyd_->Context().get(), request, &event).error_code(),
            grpc::StatusCode::NOT_FOUND);
  samples = AwaitCounter(
      "parley_grpc_server_handled_total{code=\"NOT_FOUND\",method=\"/parley.v1.Parley/GetEvent\"}",
      1);
  EXPECT_EQ(samples["parley_grpc_server_handled_total{code=\"NOT_FOUND\","
                    "method=\"/parley.v1.Parley/GetEvent\"}"],
            1);

  // Every log line is one JSON object; ingest lines name the message.
  bool dead_letter_line = false;
  std::istringstream log(parleyd_->log());
  for (std::string line; std::getline(log, line);) {
    nlohmann::json parsed = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(parsed.is_discarded()) << "not JSON: " << line;
    EXPECT_TRUE(parsed.contains("time") && parsed.contains("level") && parsed.contains("message"))
        << line;
    if (parsed.value("article_id", "") == "broken-1") {
      dead_letter_line = true;
      EXPECT_TRUE(parsed["partition"].is_number() && parsed["offset"].is_number()) << line;
    }
  }
  EXPECT_TRUE(dead_letter_line) << "no log line names the dead-lettered article";
  parleyd_->process().Signal(SIGTERM);
  EXPECT_EQ(parleyd_->process().Wait(absl::Seconds(30)), 0);
}

TEST_F(OperationsTest, ABadSettingStopsTheStartNamingItsSource) {
  std::string dir = testing::MakeTempDir("parley-ops-bad");
  setenv("PARLEY_LISTEN", "localhost", 1);
  auto process = testing::Subprocess::Start(
      {std::getenv("PARLEYD"), "--data-dir", dir + "/store"}, dir + "/parleyd.log");
  unsetenv("PARLEY_LISTEN");
  ASSERT_THAT(process, IsOk());
  EXPECT_EQ(process->Wait(absl::Seconds(30)), 2);
  EXPECT_THAT(testing::ReadFileOrEmpty(dir + "/parleyd.log"),
              HasSubstr("PARLEY_LISTEN (environment): \"localhost\" is not host:port"));
}

}  // namespace
}  // namespace parley
