// parleyd: consumes articles from Kafka into RocksDB and answers gRPC
// queries about them. Wiring only; the logic lives in the libraries.
#include <csignal>
#include <fstream>
#include <sstream>
#include <thread>
#include <unistd.h>

#include "absl/flags/flag.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/cli.h"
#include "common/log.h"
#include "common/status_macros.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/health_check_service_interface.h"
#include "grpcpp/grpcpp.h"
#include "ingest/kafka_ingestor.h"
#include "services/grpc_service.h"
#include "services/queries.h"
#include "storage/store.h"

ABSL_FLAG(std::string, brokers, "127.0.0.1:9092", "Kafka bootstrap servers, host:port[,...]");
ABSL_FLAG(std::string, topic, "articles", "Topic to consume articles from");
ABSL_FLAG(std::string, dlq_topic, "", "Dead-letter topic (default: <topic>.dlq)");
ABSL_FLAG(std::string, group_id, "",
          "Consumer group id; each replica needs its own (default: parleyd-<hostname>)");
ABSL_FLAG(std::string, data_dir, "", "RocksDB directory (required)");
ABSL_FLAG(std::string, listen, "127.0.0.1:50051", "gRPC listen address");
ABSL_FLAG(std::string, kafka_config, "",
          "File of librdkafka properties, one KEY=VALUE per line (for secrets)");
ABSL_FLAG(int64_t, max_message_bytes, 4 << 20,
          "Messages larger than this go to the dead-letter topic");
ABSL_FLAG(bool, sync_writes, false, "fsync RocksDB's WAL on every article write");

namespace parley {
namespace {

// Health service names: "" and parley.v1.Parley report whether queries are
// served (always, once started); parley.v1.Ingest reports whether Kafka is
// reachable, so an operator sees a stalled ingest without the pod being
// taken out of query rotation.
constexpr char kQueryService[] = "parley.v1.Parley";
constexpr char kIngestService[] = "parley.v1.Ingest";

absl::StatusOr<ingest::KafkaSettings> KafkaSettingsFromFlags(
    const std::vector<std::string>& property_flags) {
  ingest::KafkaSettings settings;
  settings.brokers = absl::GetFlag(FLAGS_brokers);
  std::string config_path = absl::GetFlag(FLAGS_kafka_config);
  if (!config_path.empty()) {
    std::ifstream in(config_path);
    if (!in) return absl::NotFoundError(absl::StrCat("cannot read --kafka-config ", config_path));
    std::stringstream contents;
    contents << in.rdbuf();
    PARLEY_ASSIGN_OR_RETURN(settings.properties,
                            ingest::ParseKafkaPropertiesFile(contents.str()));
  }
  PARLEY_ASSIGN_OR_RETURN(auto from_flags,
                          ingest::ParseKafkaProperties(property_flags));
  settings.properties.insert(settings.properties.end(), from_flags.begin(), from_flags.end());
  for (const auto& [key, value] : settings.properties) {
    LogInfo(absl::StrCat("kafka property ", key, "=",
                         ingest::IsSecretKafkaProperty(key) ? "<redacted>" : value));
  }
  return settings;
}

std::string DefaultGroupId() {
  char host[256] = {0};
  gethostname(host, sizeof(host) - 1);
  return absl::StrCat("parleyd-", host);
}

absl::Status Run(const std::vector<std::string>& kafka_property_flags) {
  std::string data_dir = absl::GetFlag(FLAGS_data_dir);
  if (data_dir.empty()) return absl::InvalidArgumentError("--data-dir is required");

  // Block the shutdown signals in every thread; one thread waits for them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  storage::StoreOptions store_options;
  store_options.path = data_dir;
  store_options.sync_writes = absl::GetFlag(FLAGS_sync_writes);
  PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store,
                          storage::Store::Open(store_options));

  ingest::IngestOptions ingest_options;
  PARLEY_ASSIGN_OR_RETURN(ingest_options.kafka, KafkaSettingsFromFlags(kafka_property_flags));
  ingest_options.topic = absl::GetFlag(FLAGS_topic);
  ingest_options.dead_letter_topic = absl::GetFlag(FLAGS_dlq_topic);
  ingest_options.group_id = absl::GetFlag(FLAGS_group_id);
  if (ingest_options.group_id.empty()) ingest_options.group_id = DefaultGroupId();
  ingest_options.build.decode.max_message_bytes =
      static_cast<size_t>(absl::GetFlag(FLAGS_max_message_bytes));
  PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<ingest::KafkaIngestor> ingestor,
                          ingest::KafkaIngestor::Create(ingest_options, *store));

  service::Queries queries(*store);
  service::ParleyService parley_service(queries);
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  int bound_port = 0;
  std::string listen = absl::GetFlag(FLAGS_listen);
  builder.AddListeningPort(listen, grpc::InsecureServerCredentials(), &bound_port);
  builder.RegisterService(&parley_service);
  builder.SetMaxReceiveMessageSize(1 << 20);
  builder.SetMaxSendMessageSize(32 << 20);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (!server || bound_port == 0) {
    return absl::UnavailableError(absl::StrCat("cannot listen on ", listen));
  }
  grpc::HealthCheckServiceInterface* health = server->GetHealthCheckService();
  health->SetServingStatus(kQueryService, true);
  health->SetServingStatus(kIngestService, false);
  LogInfo(absl::StrCat("parleyd serving gRPC on ", listen, ", store at ", data_dir));

  absl::Status ingest_status;
  std::thread ingest_thread([&] { ingest_status = ingestor->Run(); });
  std::atomic<bool> shutting_down{false};
  std::thread health_thread([&] {
    bool last = false;
    while (!shutting_down) {
      bool healthy = ingestor->healthy();
      if (healthy != last) {
        health->SetServingStatus(kIngestService, healthy);
        LogInfo(absl::StrCat("ingest health: ", healthy ? "SERVING" : "NOT_SERVING"));
        last = healthy;
      }
      absl::SleepFor(absl::Milliseconds(250));
    }
  });

  int received = 0;
  sigwait(&signals, &received);
  LogInfo(absl::StrCat("received signal ", received, ", shutting down"));
  shutting_down = true;
  health->SetServingStatus(kQueryService, false);
  ingestor->Stop();
  ingest_thread.join();
  health_thread.join();
  server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(5));
  const auto& counters = ingestor->counters();
  LogInfo(absl::StrCat("stopped: ", counters.messages.load(), " messages, ",
                       counters.articles_stored.load(), " articles stored, ",
                       counters.dead_lettered.load(), " dead-lettered"));
  return ingest_status;
}

}  // namespace
}  // namespace parley

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "parleyd --brokers HOST:PORT --topic articles --data-dir DIR --listen 127.0.0.1:50051\n"
      "        [--dlq-topic T] [--group-id G] [--kafka-property KEY=VALUE]... "
      "[--kafka-config FILE]");
  parley::CommandLine command_line =
      parley::ParseDashedCommandLine(argc, argv, {"kafka_property"});
  if (!command_line.positional.empty()) {
    parley::LogError(
        absl::StrCat("parleyd: unexpected argument ", command_line.positional.front()));
    return 2;
  }
  absl::Status status = parley::Run(command_line.repeated["kafka_property"]);
  if (!status.ok()) {
    parley::LogError(absl::StrCat("parleyd: ", status.ToString()));
    return 1;
  }
  return 0;
}
