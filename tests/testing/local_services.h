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

 private:
  std::string data_dir_;
  std::string bootstrap_;
};

class Parleyd {
 public:
  // Starts parleyd against `bootstrap` with a data dir of its own (or the
  // given one) and waits until its gRPC port answers.
  static absl::StatusOr<std::unique_ptr<Parleyd>> Start(
      const std::string& bootstrap, const std::string& topic, std::string data_dir = "",
      const std::vector<std::string>& extra_flags = {});

  const std::string& address() const { return address_; }
  const std::string& data_dir() const { return data_dir_; }
  v1::Parley::Stub& stub() { return *stub_; }
  Subprocess& process() { return process_; }
  std::string log() const { return ReadFileOrEmpty(process_.log_path()); }

 private:
  Parleyd(Subprocess process, std::string address, std::string data_dir);
  Subprocess process_;
  std::string address_;
  std::string data_dir_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::Parley::Stub> stub_;
};

// A ClientContext with a deadline `seconds` from now.
std::unique_ptr<grpc::ClientContext> ContextWithDeadline(int seconds = 10);

}  // namespace parley::testing

#endif  // PARLEY_TESTS_TESTING_LOCAL_SERVICES_H_
