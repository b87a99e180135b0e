#include "services/auth.h"

#include <filesystem>
#include <fstream>

#include "common/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/local_services.h"

namespace parley::service {
namespace {

using ::parley::testing::IsOk;
using ::parley::testing::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

std::string WriteFile(const std::string& dir, const std::string& name,
                      const std::string& contents) {
  std::string path = dir + "/" + name;
  std::ofstream(path, std::ios::binary) << contents;
  return path;
}

// ---------------------------------------------------------------- tokens

class TokenFileTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::MakeTempDir("parley-auth-token"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string dir_;
};

TEST_F(TokenFileTest, TrailingNewlineIsStripped) {
  EXPECT_EQ(ReadTokenFile(WriteFile(dir_, "t", "s3cr3t-Token_1\n")).value_or(""),
            "s3cr3t-Token_1");
  EXPECT_EQ(ReadTokenFile(WriteFile(dir_, "t", "abc.def~+/=\r\n")).value_or(""), "abc.def~+/=");
  EXPECT_EQ(ReadTokenFile(WriteFile(dir_, "t", "no-newline")).value_or(""), "no-newline");
}

TEST_F(TokenFileTest, EmptyOrBlankFileIsAnErrorNamingTheFlag) {
  for (const std::string contents : {"", "\n", "  \r\n\t"}) {
    std::string path = WriteFile(dir_, "empty", contents);
    EXPECT_THAT(ReadTokenFile(path), StatusIs(absl::StatusCode::kInvalidArgument,
                                              AllOf(HasSubstr("--auth-token-file"),
                                                    HasSubstr(path), HasSubstr("empty"))));
  }
}

TEST_F(TokenFileTest, BadCharactersAreRefusedWithoutEchoingTheToken) {
  for (const std::string contents : {"secret part\n", "secret\tpart", "secret\npart\n",
                                     "secret\xc3\xa9part"}) {
    auto token = ReadTokenFile(WriteFile(dir_, "bad", contents), "--token-file");
    EXPECT_THAT(token, StatusIs(absl::StatusCode::kInvalidArgument,
                                AllOf(HasSubstr("--token-file"), Not(HasSubstr("secret")))));
  }
}

TEST_F(TokenFileTest, MissingFileIsNotFoundNamingFlagAndPath) {
  std::string path = dir_ + "/absent";
  EXPECT_THAT(ReadTokenFile(path, "--token-file"),
              StatusIs(absl::StatusCode::kNotFound,
                       AllOf(HasSubstr("--token-file"), HasSubstr(path))));
}

TEST(ValidateTokenTest, NamesItsSource) {
  EXPECT_THAT(ValidateToken("", "$PARLEY_TOKEN"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("$PARLEY_TOKEN")));
  EXPECT_EQ(ValidateToken("tok\n", "$PARLEY_TOKEN").value_or(""), "tok");
}

TEST(ConstantTimeEqualsTest, Table) {
  struct Case {
    std::string presented, expected;
    bool equal;
  };
  const Case cases[] = {
      {"secret", "secret", true},
      {"secreT", "secret", false},
      {"Secret", "secret", false},
      {"secre", "secret", false},           // prefix
      {"secrets", "secret", false},         // longer
      {"secretsecret", "secret", false},    // cyclic repetition of expected
      {"", "secret", false},
      {"", "", false},                      // an empty expected token never matches
      {"x", "", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ConstantTimeEquals(c.presented, c.expected), c.equal)
        << "'" << c.presented << "' vs '" << c.expected << "'";
  }
}

using Metadata = std::multimap<grpc::string_ref, grpc::string_ref>;

TEST(CheckBearerTokenTest, AcceptsExactlyTheRightBearerToken) {
  EXPECT_THAT(CheckBearerToken(Metadata{{"authorization", "Bearer right"}}, "right"), IsOk());
  // RFC 6750: the scheme is case-insensitive.
  EXPECT_THAT(CheckBearerToken(Metadata{{"authorization", "bearer right"}}, "right"), IsOk());
  EXPECT_EQ(BearerHeaderValue("right"), "Bearer right");
}

TEST(CheckBearerTokenTest, EverythingElseIsUnauthenticatedWithoutEchoingIt) {
  const Metadata cases[] = {
      {},
      {{"x-other", "Bearer right"}},
      {{"authorization", "Bearer wrong-guess"}},
      {{"authorization", "Bearer "}},
      {{"authorization", "Bearer"}},
      {{"authorization", "Bearer right "}},
      {{"authorization", "Bearer  right"}},
      {{"authorization", "Basic cmlnaHQ="}},
      {{"authorization", "right"}},
      {{"authorization", "Bearer right"}, {"authorization", "Bearer wrong-guess"}},
  };
  for (const Metadata& metadata : cases) {
    absl::Status status = CheckBearerToken(metadata, "right");
    EXPECT_THAT(status, StatusIs(absl::StatusCode::kUnauthenticated,
                                 AllOf(Not(HasSubstr("wrong-guess")), Not(HasSubstr("cmln")))));
  }
}

// The decorator over a fake service, through a real in-process gRPC server:
// an unauthenticated call must never reach the inner service.
class FakeParley final : public TokenCheckedParleyService::Inner {
 public:
  grpc::Status ListEvents(grpc::ServerContext*, const v1::ListEventsRequest*,
                          v1::ListEventsResponse* response) override {
    ++calls;
    response->set_next_page_token("from-inner");
    return grpc::Status::OK;
  }
  grpc::Status GetArticle(grpc::ServerContext*, const v1::GetArticleRequest*,
                          v1::Article*) override {
    ++calls;
    return grpc::Status(grpc::StatusCode::NOT_FOUND, "articles/x not found");
  }
  std::atomic<int> calls{0};
};

TEST(TokenCheckedParleyServiceTest, RejectsBeforeTheInnerServiceAndForwardsOtherwise) {
  FakeParley inner;
  TokenCheckedParleyService checked(inner, "right");
  grpc::ServerBuilder builder;
  builder.RegisterService(&checked);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  ASSERT_NE(server, nullptr);
  auto stub = v1::Parley::NewStub(server->InProcessChannel(grpc::ChannelArguments()));

  auto call = [&](const std::string& authorization) {
    grpc::ClientContext context;
    if (!authorization.empty()) context.AddMetadata("authorization", authorization);
    v1::ListEventsResponse response;
    grpc::Status status = stub->ListEvents(&context, v1::ListEventsRequest(), &response);
    return std::make_pair(status, response);
  };

  auto [missing, missing_response] = call("");
  EXPECT_EQ(missing.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  auto [wrong, wrong_response] = call("Bearer wrong-guess");
  EXPECT_EQ(wrong.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(wrong.error_message(), Not(HasSubstr("wrong-guess")));
  EXPECT_EQ(inner.calls.load(), 0);

  auto [ok, ok_response] = call("Bearer right");
  EXPECT_TRUE(ok.ok()) << ok.error_message();
  EXPECT_EQ(ok_response.next_page_token(), "from-inner");
  EXPECT_EQ(inner.calls.load(), 1);

  // The inner service's own status passes through unchanged.
  grpc::ClientContext context;
  context.AddMetadata("authorization", "Bearer right");
  v1::Article article;
  grpc::Status not_found = stub->GetArticle(&context, v1::GetArticleRequest(), &article);
  EXPECT_EQ(not_found.error_code(), grpc::StatusCode::NOT_FOUND);
  server->Shutdown();
}

// ------------------------------------------------------------ credentials

class CredentialsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(testing::MakeTempDir("parley-auth-pki"));
    auto pki = testing::MakeTestPki(*dir_);
    ASSERT_THAT(pki, IsOk());
    pki_ = new testing::TestPki(*pki);
  }
  static void TearDownTestSuite() {
    if (dir_) std::filesystem::remove_all(*dir_);
    delete dir_;
    delete pki_;
    dir_ = nullptr;
    pki_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(pki_, nullptr); }

  ServerSecurityOptions Valid() const {
    ServerSecurityOptions options;
    options.tls_cert_file = pki_->server_cert;
    options.tls_key_file = pki_->server_key;
    options.tls_client_ca_file = pki_->ca_cert;
    options.require_client_cert = true;
    return options;
  }

  static std::string* dir_;
  static testing::TestPki* pki_;
};

std::string* CredentialsTest::dir_ = nullptr;
testing::TestPki* CredentialsTest::pki_ = nullptr;

TEST_F(CredentialsTest, ValidFilesAndPlaintextBuild) {
  auto tls = MakeServerCredentials(Valid());
  ASSERT_THAT(tls, IsOk());
  EXPECT_NE(*tls, nullptr);
  auto plaintext = MakeServerCredentials(ServerSecurityOptions());
  ASSERT_THAT(plaintext, IsOk());
  EXPECT_NE(*plaintext, nullptr);

  ServerSecurityOptions no_client_ca = Valid();
  no_client_ca.tls_client_ca_file.clear();
  no_client_ca.require_client_cert = false;
  EXPECT_THAT(MakeServerCredentials(no_client_ca), IsOk());
}

TEST_F(CredentialsTest, InconsistentFlagsAreInvalidArguments) {
  ServerSecurityOptions cert_only = Valid();
  cert_only.tls_key_file.clear();
  EXPECT_THAT(MakeServerCredentials(cert_only),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("--tls-cert"), HasSubstr("--tls-key"))));

  ServerSecurityOptions ca_without_cert;
  ca_without_cert.tls_client_ca_file = pki_->ca_cert;
  EXPECT_THAT(MakeServerCredentials(ca_without_cert),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("--tls-client-ca")));

  ServerSecurityOptions require_without_ca = Valid();
  require_without_ca.tls_client_ca_file.clear();
  EXPECT_THAT(MakeServerCredentials(require_without_ca),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("--tls-client-ca")));
}

TEST_F(CredentialsTest, MissingFilesNameTheirFlagAndPath) {
  const std::string absent = *dir_ + "/absent.pem";
  struct Case {
    std::string ServerSecurityOptions::*field;
    std::string flag;
  };
  for (const Case& c : {Case{&ServerSecurityOptions::tls_cert_file, "--tls-cert"},
                        Case{&ServerSecurityOptions::tls_key_file, "--tls-key"},
                        Case{&ServerSecurityOptions::tls_client_ca_file, "--tls-client-ca"}}) {
    ServerSecurityOptions options = Valid();
    options.*c.field = absent;
    EXPECT_THAT(MakeServerCredentials(options),
                StatusIs(absl::StatusCode::kNotFound,
                         AllOf(HasSubstr(c.flag + " " + absent))));
  }
  ServerSecurityOptions token = Valid();
  token.auth_token_file = absent;
  EXPECT_THAT(LoadServerSecurity(token),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("--auth-token-file " + absent)));
}

TEST_F(CredentialsTest, WrongKindsOfPemAreRefusedWithoutPrintingThem) {
  const std::string key_pem = testing::ReadFileOrEmpty(pki_->server_key);
  ASSERT_THAT(key_pem, HasSubstr("PRIVATE KEY"));

  ServerSecurityOptions key_as_cert = Valid();
  key_as_cert.tls_cert_file = pki_->server_key;
  absl::Status status = MakeServerCredentials(key_as_cert).status();
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument,
                               AllOf(HasSubstr("--tls-cert"), HasSubstr("not a PEM certificate"),
                                     Not(HasSubstr("BEGIN")))));

  ServerSecurityOptions cert_as_key = Valid();
  cert_as_key.tls_key_file = pki_->server_cert;
  EXPECT_THAT(MakeServerCredentials(cert_as_key),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("--tls-key"), HasSubstr("private key"))));

  ServerSecurityOptions garbage_ca = Valid();
  garbage_ca.tls_client_ca_file = WriteFile(*dir_, "garbage.pem", "not pem at all\n");
  EXPECT_THAT(MakeServerCredentials(garbage_ca),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("--tls-client-ca")));
}

TEST_F(CredentialsTest, KeyThatDoesNotMatchTheCertificateIsRefused) {
  ServerSecurityOptions mismatched = Valid();
  mismatched.tls_key_file = pki_->client_key;
  EXPECT_THAT(MakeServerCredentials(mismatched),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("--tls-key " + pki_->client_key),
                             HasSubstr("does not match"), HasSubstr(pki_->server_cert))));
}

TEST_F(CredentialsTest, LoadServerSecurityReadsTheToken) {
  ServerSecurityOptions options = Valid();
  options.auth_token_file = WriteFile(*dir_, "token", "tok-123\n");
  auto security = LoadServerSecurity(options);
  ASSERT_THAT(security, IsOk());
  EXPECT_TRUE(security->tls);
  EXPECT_TRUE(security->client_certs_verified);
  EXPECT_EQ(security->token, "tok-123");
  // The description names files, never the token.
  std::string description = DescribeServerSecurity(options);
  EXPECT_THAT(description, AllOf(HasSubstr(options.auth_token_file), HasSubstr("required"),
                                 Not(HasSubstr("tok-123"))));

  options.auth_token_file = WriteFile(*dir_, "empty-token", "");
  EXPECT_THAT(LoadServerSecurity(options),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("--auth-token-file")));
}

TEST_F(CredentialsTest, ClientSettings) {
  EXPECT_THAT(MakeClientChannelSettings(ClientSecurityOptions()), IsOk());

  ClientSecurityOptions full;
  full.tls_ca_file = pki_->ca_cert;
  full.tls_cert_file = pki_->client_cert;
  full.tls_key_file = pki_->client_key;
  full.tls_server_name = "localhost";
  EXPECT_THAT(MakeClientChannelSettings(full), IsOk());

  ClientSecurityOptions cert_without_ca = full;
  cert_without_ca.tls_ca_file.clear();
  EXPECT_THAT(MakeClientChannelSettings(cert_without_ca),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("--tls-ca")));

  ClientSecurityOptions missing_ca = full;
  missing_ca.tls_ca_file = *dir_ + "/absent.pem";
  EXPECT_THAT(MakeClientChannelSettings(missing_ca),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("--tls-ca")));

  ClientSecurityOptions mismatched = full;
  mismatched.tls_key_file = pki_->server_key;
  EXPECT_THAT(MakeClientChannelSettings(mismatched),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("does not match")));
}

}  // namespace
}  // namespace parley::service
