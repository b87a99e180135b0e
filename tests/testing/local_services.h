// The real services integration tests run against: a local single-node Kafka
// broker (deploy/local/kafka.sh) and parleyd, each on free 127.0.0.1 ports
// with temporary data directories.
#ifndef PARLEY_TESTS_TESTING_LOCAL_SERVICES_H_
#define PARLEY_TESTS_TESTING_LOCAL_SERVICES_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "grpcpp/grpcpp.h"
#include "parley/v1/parley_service.grpc.pb.h"
#include "tests/testing/subprocess.h"

namespace parley::testing {

class LocalKafka {
 public:
  // Starts a broker on a free port; returns once it accepts requests.
  static absl::StatusOr<std::unique_ptr<LocalKafka>> Start();
  ~LocalKafka();  // stops the broker and removes its data

  const std::string& bootstrap() const { return bootstrap_; }
  absl::Status CreateTopic(const std::string& topic, int partitions);
  // SIGKILLs the broker, as a crash would.
  absl::Status Kill();
  // Starts the broker again on the same port and data directory.
  absl::Status Restart();

 private:
  absl::Status StartOnPort(int port);
  std::string data_dir_;
  std::string bootstrap_;
  int port_ = 0;
};

// How the harness's own channel reaches parleyd. The default is what every
// test used before access control existed: plaintext, no token.
struct ParleydClientOptions {
  std::shared_ptr<grpc::ChannelCredentials> credentials;  // null: insecure
  grpc::ChannelArguments arguments;                       // e.g. a TLS name override
  std::string token;  // non-empty: Parleyd::Context() sends it as a bearer token
};

class Parleyd {
 public:
  // Starts parleyd against `bootstrap` with a data dir of its own (or the
  // given one) and waits until its gRPC port answers over `client`'s
  // channel (so with TLS flags, `client` must carry matching credentials).
  static absl::StatusOr<std::unique_ptr<Parleyd>> Start(
      const std::string& bootstrap, const std::string& topic, std::string data_dir = "",
      const std::vector<std::string>& extra_flags = {}, ParleydClientOptions client = {});

  const std::string& address() const { return address_; }
  const std::string& data_dir() const { return data_dir_; }
  v1::Parley::Stub& stub() { return *stub_; }
  const std::shared_ptr<grpc::Channel>& channel() const { return channel_; }
  // A context with a deadline and, if the client options had one, the token.
  std::unique_ptr<grpc::ClientContext> Context(int seconds = 10) const;
  Subprocess& process() { return process_; }
  std::string log() const { return ReadFileOrEmpty(process_.log_path()); }

 private:
  Parleyd(Subprocess process, std::string address, std::string data_dir,
          ParleydClientOptions client);
  Subprocess process_;
  std::string address_;
  std::string data_dir_;
  std::string token_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::Parley::Stub> stub_;
};

// A ClientContext with a deadline `seconds` from now.
std::unique_ptr<grpc::ClientContext> ContextWithDeadline(int seconds = 10);

// A throwaway PKI for TLS tests, made with the openssl CLI: a CA, a server
// certificate for localhost / 127.0.0.1 and a client certificate signed by
// it, and an unrelated second CA with its own client certificate. EC P-256
// keys, valid for two days. Paths are files under `dir`.
struct TestPki {
  std::string ca_cert, ca_key;
  std::string server_cert, server_key;
  std::string client_cert, client_key;
  std::string other_ca_cert, other_ca_key;
  std::string other_client_cert, other_client_key;  // signed by the other CA
};
absl::StatusOr<TestPki> MakeTestPki(const std::string& dir);

}  // namespace parley::testing

#endif  // PARLEY_TESTS_TESTING_LOCAL_SERVICES_H_
