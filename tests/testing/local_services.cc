#include "tests/testing/local_services.h"

#include <filesystem>
#include <fstream>

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
  absl::Status started = kafka->StartOnPort(FreePort());
  if (!started.ok()) return started;
  return kafka;
}

absl::Status LocalKafka::StartOnPort(int port) {
  port_ = port;
  absl::StatusOr<std::string> out =
      RunCommand({"/bin/bash", KafkaScript(), "start", "--port", std::to_string(port),
                  "--data-dir", data_dir_},
                 absl::Minutes(5));
  if (!out.ok()) return out.status();
  std::string first_line = out->substr(0, out->find('\n'));
  bootstrap_ = std::string(absl::StripAsciiWhitespace(first_line));
  return absl::OkStatus();
}

absl::Status LocalKafka::Kill() {
  std::string pid = std::string(
      absl::StripAsciiWhitespace(ReadFileOrEmpty(data_dir_ + "/kafka.pid")));
  if (pid.empty()) return absl::FailedPreconditionError("no broker pid file");
  absl::Status killed = RunCommand({"/bin/kill", "-9", pid}, absl::Seconds(10)).status();
  if (!killed.ok()) return killed;
  // Wait until the process is gone so that a restart can bind the port.
  for (int i = 0; i < 200 && RunCommand({"/bin/kill", "-0", pid}, absl::Seconds(5)).ok(); ++i) {
    absl::SleepFor(absl::Milliseconds(50));
  }
  return absl::OkStatus();
}

absl::Status LocalKafka::Restart() { return StartOnPort(port_); }

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

Parleyd::Parleyd(Subprocess process, std::string address, std::string data_dir,
                 ParleydClientOptions client)
    : process_(std::move(process)),
      address_(std::move(address)),
      data_dir_(std::move(data_dir)),
      token_(std::move(client.token)) {
  channel_ = grpc::CreateCustomChannel(
      address_, client.credentials ? client.credentials : grpc::InsecureChannelCredentials(),
      client.arguments);
  stub_ = v1::Parley::NewStub(channel_);
}

std::unique_ptr<grpc::ClientContext> Parleyd::Context(int seconds) const {
  auto context = ContextWithDeadline(seconds);
  if (!token_.empty()) context->AddMetadata("authorization", "Bearer " + token_);
  return context;
}

absl::StatusOr<std::unique_ptr<Parleyd>> Parleyd::Start(
    const std::string& bootstrap, const std::string& topic, std::string data_dir,
    const std::vector<std::string>& extra_flags, ParleydClientOptions client) {
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
      new Parleyd(*std::move(process), address, std::move(data_dir), std::move(client)));
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

namespace {

absl::Status RunOpenssl(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"/usr/bin/env", "openssl"};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv, absl::Minutes(1)).status();
}

// A key and a certificate signed by ca_cert/ca_key with the given
// extensions (written to an extension file, as `openssl x509 -req` wants).
absl::Status MakeLeaf(const std::string& dir, const std::string& name, const std::string& cn,
                      const std::string& extensions, const std::string& ca_cert,
                      const std::string& ca_key) {
  std::string base = absl::StrCat(dir, "/", name);
  {
    std::ofstream ext(base + ".ext");
    ext << extensions;
    if (!ext) return absl::InternalError(absl::StrCat("cannot write ", base, ".ext"));
  }
  absl::Status status = RunOpenssl({"req", "-new", "-newkey", "ec", "-pkeyopt",
                                    "ec_paramgen_curve:P-256", "-nodes", "-keyout", base + ".key",
                                    "-out", base + ".csr", "-subj", "/CN=" + cn});
  if (!status.ok()) return status;
  return RunOpenssl({"x509", "-req", "-in", base + ".csr", "-CA", ca_cert, "-CAkey", ca_key,
                     "-CAcreateserial", "-out", base + ".crt", "-days", "2", "-extfile",
                     base + ".ext"});
}

absl::Status MakeCa(const std::string& dir, const std::string& name) {
  std::string base = absl::StrCat(dir, "/", name);
  return RunOpenssl({"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                     "-nodes", "-keyout", base + ".key", "-out", base + ".crt", "-days", "2",
                     "-subj", "/CN=" + name});
}

}  // namespace

absl::StatusOr<TestPki> MakeTestPki(const std::string& dir) {
  TestPki pki;
  auto path = [&](const std::string& file) { return absl::StrCat(dir, "/", file); };
  pki.ca_cert = path("parley-test-ca.crt");
  pki.ca_key = path("parley-test-ca.key");
  pki.server_cert = path("server.crt");
  pki.server_key = path("server.key");
  pki.client_cert = path("client.crt");
  pki.client_key = path("client.key");
  pki.other_ca_cert = path("other-test-ca.crt");
  pki.other_ca_key = path("other-test-ca.key");
  pki.other_client_cert = path("other-client.crt");
  pki.other_client_key = path("other-client.key");
  for (const absl::Status& status : {
           MakeCa(dir, "parley-test-ca"),
           MakeCa(dir, "other-test-ca"),
           MakeLeaf(dir, "server", "localhost",
                    "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n",
                    pki.ca_cert, pki.ca_key),
           MakeLeaf(dir, "client", "parley-test-client", "extendedKeyUsage=clientAuth\n",
                    pki.ca_cert, pki.ca_key),
           MakeLeaf(dir, "other-client", "other-test-client", "extendedKeyUsage=clientAuth\n",
                    pki.other_ca_cert, pki.other_ca_key),
       }) {
    if (!status.ok()) return status;
  }
  return pki;
}

}  // namespace parley::testing
