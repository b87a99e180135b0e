// Access control end to end: a real Kafka broker and a real parleyd started
// with TLS, a client CA and a bearer token, probed by clients that get one
// thing wrong at a time. Keys and certificates are made at test time with
// the openssl CLI in a temporary directory.
#include <csignal>
#include <filesystem>
#include <fstream>
#include <future>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "common/status_matchers.h"
#include "gmock/gmock.h"
#include "grpcpp/generic/generic_stub.h"
#include "gtest/gtest.h"
#include "ingest/kafka_client.h"
#include "services/auth.h"
#include "tests/testing/local_services.h"

namespace parley {
namespace {

using ::parley::testing::IsOk;
using ::parley::testing::LocalKafka;
using ::parley::testing::Parleyd;
using ::parley::testing::TestPki;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kTopic[] = "articles";
constexpr char kSeedId[] = "000_aefde3dc521e8719";
// Distinctive so that a leak into the log cannot be a coincidence.
constexpr char kToken[] = "pt-7Qx9-integration-SECRET-4d2b";
constexpr char kWrongToken[] = "pt-WRONG-guess-9f31";

std::shared_ptr<grpc::Channel> Channel(const std::string& address,
                                       const service::ClientSecurityOptions& options) {
  auto settings = service::MakeClientChannelSettings(options);
  EXPECT_THAT(settings, IsOk());
  if (!settings.ok()) return nullptr;
  return grpc::CreateCustomChannel(address, settings->credentials, settings->arguments);
}

grpc::Status ListEvents(const std::shared_ptr<grpc::Channel>& channel, const std::string& token,
                        v1::ListEventsResponse* response = nullptr) {
  auto context = testing::ContextWithDeadline(5);
  if (!token.empty()) context->AddMetadata("authorization", service::BearerHeaderValue(token));
  v1::ListEventsResponse ignored;
  return v1::Parley::NewStub(channel)->ListEvents(context.get(), v1::ListEventsRequest(),
                                                  response ? response : &ignored);
}

// grpc.health.v1.Health/Check without generated stubs (Debian ships no
// health.proto): the request and response are one field each, encoded by
// hand. Returns the ServingStatus number (1 = SERVING) or the call's error.
absl::StatusOr<int> HealthCheck(const std::shared_ptr<grpc::Channel>& channel,
                                const std::string& service_name) {
  std::string request_bytes = absl::StrCat(
      "\x0a", std::string(1, static_cast<char>(service_name.size())), service_name);
  grpc::Slice slice(request_bytes);
  grpc::ByteBuffer request(&slice, 1);
  grpc::ByteBuffer response;
  grpc::GenericStub stub(channel);
  auto context = testing::ContextWithDeadline(5);
  std::promise<grpc::Status> done;
  stub.UnaryCall(context.get(), "/grpc.health.v1.Health/Check", grpc::StubOptions(), &request,
                 &response, [&](grpc::Status status) { done.set_value(status); });
  grpc::Status status = done.get_future().get();
  if (!status.ok()) {
    return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                        status.error_message());
  }
  std::vector<grpc::Slice> slices;
  if (!response.Dump(&slices).ok()) return absl::InternalError("cannot read health response");
  std::string bytes;
  for (const auto& s : slices) bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  if (bytes.empty()) return 0;  // proto3 default: UNKNOWN
  if (bytes.size() != 2 || bytes[0] != '\x08') {
    return absl::InternalError("unexpected health response encoding");
  }
  return static_cast<int>(bytes[1]);
}

class AccessTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto kafka = LocalKafka::Start();
    ASSERT_THAT(kafka, IsOk());
    kafka_ = kafka->release();
    ASSERT_THAT(kafka_->CreateTopic(kTopic, 1), IsOk());
    ASSERT_THAT(kafka_->CreateTopic(absl::StrCat(kTopic, ".dlq"), 1), IsOk());
    pki_dir_ = new std::string(testing::MakeTempDir("parley-access-pki"));
    auto pki = testing::MakeTestPki(*pki_dir_);
    ASSERT_THAT(pki, IsOk());
    pki_ = new TestPki(*pki);
    token_file_ = new std::string(*pki_dir_ + "/token");
    std::ofstream(*token_file_) << kToken << "\n";
  }
  static void TearDownTestSuite() {
    delete kafka_;
    kafka_ = nullptr;
    if (pki_dir_) std::filesystem::remove_all(*pki_dir_);
    delete pki_dir_;
    delete pki_;
    delete token_file_;
    pki_dir_ = token_file_ = nullptr;
    pki_ = nullptr;
  }

  void SetUp() override {
    ASSERT_NE(kafka_, nullptr);
    ASSERT_NE(pki_, nullptr);
  }
  void TearDown() override {
    if (HasFailure() && parleyd_) std::cerr << "parleyd log:\n" << parleyd_->log();
  }

  // The client options of a fully authorised TLS client.
  service::ClientSecurityOptions GoodTlsClient() const {
    service::ClientSecurityOptions options;
    options.tls_ca_file = pki_->ca_cert;
    options.tls_cert_file = pki_->client_cert;
    options.tls_key_file = pki_->client_key;
    return options;
  }

  // parleyd with TLS, required client certificates, the token and a
  // plaintext health-only port.
  void StartSecureParleyd() {
    health_address_ = absl::StrCat("127.0.0.1:", testing::FreePort());
    auto settings = service::MakeClientChannelSettings(GoodTlsClient());
    ASSERT_THAT(settings, IsOk());
    testing::ParleydClientOptions client;
    client.credentials = settings->credentials;
    client.arguments = settings->arguments;
    client.token = kToken;
    auto parleyd = Parleyd::Start(kafka_->bootstrap(), kTopic, "",
                                  {"--tls-cert", pki_->server_cert, "--tls-key",
                                   pki_->server_key, "--tls-client-ca", pki_->ca_cert,
                                   "--auth-token-file", *token_file_, "--health-listen",
                                   health_address_},
                                  client);
    ASSERT_THAT(parleyd, IsOk());
    parleyd_ = *std::move(parleyd);
  }

  static LocalKafka* kafka_;
  static std::string* pki_dir_;
  static TestPki* pki_;
  static std::string* token_file_;
  std::unique_ptr<Parleyd> parleyd_;
  std::string health_address_;
};

LocalKafka* AccessTest::kafka_ = nullptr;
std::string* AccessTest::pki_dir_ = nullptr;
TestPki* AccessTest::pki_ = nullptr;
std::string* AccessTest::token_file_ = nullptr;

TEST_F(AccessTest, TlsWithClientCertAndTokenServesQueries) {
  ASSERT_NO_FATAL_FAILURE(StartSecureParleyd());
  // Publish the seed and read it back through the authenticated channel, so
  // the whole path (Kafka → store → TLS gRPC) is exercised, not just a
  // handshake.
  ingest::KafkaSettings settings;
  settings.brokers = kafka_->bootstrap();
  auto producer = ingest::SyncProducer::Create(settings);
  ASSERT_THAT(producer, IsOk());
  std::string seed = testing::ReadFileOrEmpty(
      absl::StrCat(testing::SourceDir(), "/seeds/", kSeedId, ".txt"));
  ASSERT_FALSE(seed.empty());
  ASSERT_THAT((*producer)->Produce(kTopic, kSeedId, seed, {}, absl::Seconds(30)), IsOk());

  grpc::Status status;
  v1::Event event;
  absl::Time deadline = absl::Now() + absl::Seconds(60);
  v1::GetEventRequest request;
  request.set_name(absl::StrCat("events/", kSeedId));
  do {
    status = parleyd_->stub().GetEvent(parleyd_->Context().get(), request, &event);
    if (status.ok()) break;
    absl::SleepFor(absl::Milliseconds(200));
  } while (absl::Now() < deadline);
  ASSERT_TRUE(status.ok()) << status.error_message();

  // (a) a fresh, fully authorised client, by IP and by name.
  v1::ListEventsResponse response;
  status = ListEvents(Channel(parleyd_->address(), GoodTlsClient()), kToken, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_GE(response.events_size(), 1);
  service::ClientSecurityOptions by_name = GoodTlsClient();
  by_name.tls_server_name = "localhost";
  status = ListEvents(Channel(parleyd_->address(), by_name), kToken);
  EXPECT_TRUE(status.ok()) << status.error_message();
}

TEST_F(AccessTest, TransportRefusesPlaintextUntrustedAndCertlessClients) {
  ASSERT_NO_FATAL_FAILURE(StartSecureParleyd());
  // (b) plaintext against the TLS port: the handshake never happens.
  grpc::Status plaintext = ListEvents(Channel(parleyd_->address(), {}), kToken);
  EXPECT_EQ(plaintext.error_code(), grpc::StatusCode::UNAVAILABLE) << plaintext.error_message();

  // (c) the client trusts a different CA, so it refuses the server.
  service::ClientSecurityOptions other_ca = GoodTlsClient();
  other_ca.tls_ca_file = pki_->other_ca_cert;
  grpc::Status untrusted = ListEvents(Channel(parleyd_->address(), other_ca), kToken);
  EXPECT_EQ(untrusted.error_code(), grpc::StatusCode::UNAVAILABLE) << untrusted.error_message();

  // (d) no client certificate, and a client certificate from another CA:
  // the server refuses both.
  service::ClientSecurityOptions no_cert = GoodTlsClient();
  no_cert.tls_cert_file.clear();
  no_cert.tls_key_file.clear();
  grpc::Status certless = ListEvents(Channel(parleyd_->address(), no_cert), kToken);
  EXPECT_EQ(certless.error_code(), grpc::StatusCode::UNAVAILABLE) << certless.error_message();

  service::ClientSecurityOptions foreign_cert = GoodTlsClient();
  foreign_cert.tls_cert_file = pki_->other_client_cert;
  foreign_cert.tls_key_file = pki_->other_client_key;
  grpc::Status foreign = ListEvents(Channel(parleyd_->address(), foreign_cert), kToken);
  EXPECT_EQ(foreign.error_code(), grpc::StatusCode::UNAVAILABLE) << foreign.error_message();

  // The server is still fine for a good client afterwards.
  grpc::Status good = ListEvents(Channel(parleyd_->address(), GoodTlsClient()), kToken);
  EXPECT_TRUE(good.ok()) << good.error_message();
}

TEST_F(AccessTest, MissingOrWrongTokenIsUnauthenticatedAndSecretsStayOutOfTheLog) {
  ASSERT_NO_FATAL_FAILURE(StartSecureParleyd());
  auto channel = Channel(parleyd_->address(), GoodTlsClient());

  // (e) right transport, no token / wrong token / wrong scheme.
  grpc::Status missing = ListEvents(channel, "");
  EXPECT_EQ(missing.error_code(), grpc::StatusCode::UNAUTHENTICATED) << missing.error_message();
  grpc::Status wrong = ListEvents(channel, kWrongToken);
  EXPECT_EQ(wrong.error_code(), grpc::StatusCode::UNAUTHENTICATED) << wrong.error_message();
  EXPECT_THAT(wrong.error_message(), Not(HasSubstr(kWrongToken)));
  {
    auto context = testing::ContextWithDeadline(5);
    context->AddMetadata("authorization", absl::StrCat("Basic ", kToken));
    v1::ListEventsResponse response;
    grpc::Status basic = v1::Parley::NewStub(channel)->ListEvents(
        context.get(), v1::ListEventsRequest(), &response);
    EXPECT_EQ(basic.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  }
  // Every other RPC is guarded too.
  {
    auto context = testing::ContextWithDeadline(5);
    v1::GetArticleRequest request;
    request.set_name(absl::StrCat("articles/", kSeedId));
    v1::Article article;
    grpc::Status status =
        v1::Parley::NewStub(channel)->GetArticle(context.get(), request, &article);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  }
  grpc::Status right = ListEvents(channel, kToken);
  EXPECT_TRUE(right.ok()) << right.error_message();

  // (f) Stop parleyd so its log is complete, then look for any secret.
  parleyd_->process().Signal(SIGTERM);
  EXPECT_EQ(parleyd_->process().Wait(absl::Seconds(30)), 0);
  std::string log = parleyd_->log();
  ASSERT_THAT(log, HasSubstr("access: tls on"));
  EXPECT_THAT(log, HasSubstr("bearer token on"));
  EXPECT_THAT(log, Not(HasSubstr(kToken)));
  EXPECT_THAT(log, Not(HasSubstr(kWrongToken)));
  for (const std::string& key_file : {pki_->server_key, pki_->client_key}) {
    for (absl::string_view line :
         absl::StrSplit(testing::ReadFileOrEmpty(key_file), '\n', absl::SkipEmpty())) {
      if (absl::StartsWith(line, "-----")) continue;  // BEGIN/END armour is not secret
      EXPECT_THAT(log, Not(HasSubstr(std::string(line)))) << key_file;
    }
  }
}

TEST_F(AccessTest, HealthNeedsNoTokenAndHasAPlaintextPort) {
  ASSERT_NO_FATAL_FAILURE(StartSecureParleyd());
  // (g) On the TLS port, health is behind TLS and client certificates like
  // everything else, but needs no token.
  auto tls = Channel(parleyd_->address(), GoodTlsClient());
  EXPECT_EQ(HealthCheck(tls, "parley.v1.Parley").value_or(-1), 1);
  EXPECT_EQ(HealthCheck(tls, "").value_or(-1), 1);
  EXPECT_EQ(HealthCheck(Channel(parleyd_->address(), {}), "").status().code(),
            absl::StatusCode::kUnavailable);

  // --health-listen: plaintext, no token, health only.
  auto health_port = Channel(health_address_, {});
  EXPECT_EQ(HealthCheck(health_port, "parley.v1.Parley").value_or(-1), 1);
  grpc::Status query = ListEvents(health_port, kToken);
  EXPECT_EQ(query.error_code(), grpc::StatusCode::UNIMPLEMENTED) << query.error_message();
}

TEST_F(AccessTest, TokenWithoutTlsChecksTheTokenOverPlaintext) {
  testing::ParleydClientOptions client;
  client.token = kToken;
  auto parleyd = Parleyd::Start(kafka_->bootstrap(), kTopic, "",
                                {"--auth-token-file", *token_file_}, client);
  ASSERT_THAT(parleyd, IsOk());
  parleyd_ = *std::move(parleyd);
  auto channel = Channel(parleyd_->address(), {});
  EXPECT_TRUE(ListEvents(channel, kToken).ok());
  EXPECT_EQ(ListEvents(channel, "").error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(ListEvents(channel, kWrongToken).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(HealthCheck(channel, "parley.v1.Parley").value_or(-1), 1);
  EXPECT_THAT(parleyd_->log(), HasSubstr("bearer token without TLS"));
  EXPECT_THAT(parleyd_->log(), Not(HasSubstr(kToken)));
}

TEST_F(AccessTest, BadAccessFilesStopParleydNamingTheFlag) {
  // A key that does not belong to the certificate: parleyd exits at start
  // with the flag in the message and no key material in the log.
  std::string data_dir = testing::MakeTempDir("parley-access-bad");
  auto process = testing::Subprocess::Start(
      {std::getenv("PARLEYD") ? std::getenv("PARLEYD") : "parleyd", "--brokers",
       kafka_->bootstrap(), "--data-dir", data_dir, "--listen",
       absl::StrCat("127.0.0.1:", testing::FreePort()), "--tls-cert", pki_->server_cert,
       "--tls-key", pki_->client_key},
      data_dir + ".log");
  ASSERT_THAT(process, IsOk());
  EXPECT_EQ(process->Wait(absl::Seconds(30)), 1);
  std::string log = testing::ReadFileOrEmpty(data_dir + ".log");
  EXPECT_THAT(log, HasSubstr("--tls-key"));
  EXPECT_THAT(log, HasSubstr("does not match"));
  EXPECT_THAT(log, Not(HasSubstr("PRIVATE KEY")));
  std::filesystem::remove_all(data_dir);
  std::filesystem::remove(data_dir + ".log");
}

}  // namespace
}  // namespace parley
