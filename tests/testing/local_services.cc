#include "tests/testing/local_services.h"

#include <filesystem>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace parley::testing {
namespace {

std::string KafkaScript() { return SourceDir() + "/deploy/local/kafka.sh"; }

std::string ParleydPath() {
  const char* path = std::getenv("PARLEYD");
  return path ? path : "parleyd";
}

}  // namespace

absl::StatusOr<std::unique_ptr<LocalKafka>> LocalKafka::Start() {
  auto kafka = std::make_unique<LocalKafka>();
  kafka->data_dir_ = MakeTempDir("parley-kafka");
  int port = FreePort();
  absl::StatusOr<std::string> out =
      RunCommand({"/bin/bash", KafkaScript(), "start", "--port", std::to_string(port),
                  "--data-dir", kafka->data_dir_},
                 absl::Minutes(5));
  if (!out.ok()) return out.status();
  std::string first_line = out->substr(0, out->find('\n'));
  kafka->bootstrap_ = std::string(absl::StripAsciiWhitespace(first_line));
  return kafka;
}

LocalKafka::~LocalKafka() {
  RunCommand({"/bin/bash", KafkaScript(), "stop", "--data-dir", data_dir_}, absl::Minutes(1))
      .IgnoreError();
  std::filesystem::remove_all(data_dir_);
}

absl::Status LocalKafka::CreateTopic(const std::string& topic, int partitions) {
  return RunCommand({"/bin/bash", KafkaScript(), "create-topic", topic, "--partitions",
                     std::to_string(partitions), "--data-dir", data_dir_},
                    absl::Minutes(1))
      .status();
}

Parleyd::Parleyd(Subprocess process, std::string address, std::string data_dir)
    : process_(std::move(process)), address_(std::move(address)), data_dir_(std::move(data_dir)) {
  channel_ = grpc::CreateChannel(address_, grpc::InsecureChannelCredentials());
  stub_ = v1::Parley::NewStub(channel_);
}

absl::StatusOr<std::unique_ptr<Parleyd>> Parleyd::Start(
    const std::string& bootstrap, const std::string& topic, std::string data_dir,
    const std::vector<std::string>& extra_flags) {
  if (data_dir.empty()) data_dir = MakeTempDir("parley-store");
  std::string address = absl::StrCat("127.0.0.1:", FreePort());
  std::vector<std::string> argv = {ParleydPath(),   "--brokers",   bootstrap, "--topic",
                                   topic,           "--data-dir",  data_dir,  "--listen",
                                   address,         "--group-id",
                                   absl::StrCat("it-", FreePort())};
  argv.insert(argv.end(), extra_flags.begin(), extra_flags.end());
  auto process = Subprocess::Start(argv, data_dir + ".log");
  if (!process.ok()) return process.status();
  std::unique_ptr<Parleyd> parleyd(
      new Parleyd(*std::move(process), address, std::move(data_dir)));
  if (!parleyd->channel_->WaitForConnected(std::chrono::system_clock::now() +
                                           std::chrono::seconds(30))) {
    return absl::UnavailableError(
        absl::StrCat("parleyd did not start listening; log:\n", parleyd->log()));
  }
  return parleyd;
}

std::unique_ptr<grpc::ClientContext> ContextWithDeadline(int seconds) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(seconds));
  return context;
}

}  // namespace parley::testing
