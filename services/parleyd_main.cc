// parleyd: consumes articles from Kafka into RocksDB and answers gRPC
// queries about them. Wiring only; the logic lives in the libraries.
#include <malloc.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <unistd.h>

#include "absl/flags/flag.h"
#include "absl/flags/reflection.h"
#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "common/config.h"
#include "common/log.h"
#include "common/log_format.h"
#include "common/status_macros.h"
#include "common/thread_name.h"
#include "grpc/health/v1/health.pb.h"
#include "grpc/support/log.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/health_check_service_interface.h"
#include "grpcpp/grpcpp.h"
#include "ingest/kafka_ingestor.h"
#include "ingest/reindexer.h"
#include "services/admin_service.h"
#include "services/auth.h"
#include "rocksdb/statistics.h"
#include "services/grpc_metrics.h"
#include "services/grpc_service.h"
#include "services/http_endpoint.h"
#include "services/metrics.h"
#include "services/probes.h"
#include "services/queries.h"
#include "services/watch.h"
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
ABSL_FLAG(absl::Duration, shutdown_grace, absl::Seconds(20),
          "After SIGTERM, how long to wait for the Kafka consumer to leave its group");
ABSL_FLAG(int32_t, ingest_threads, 0,
          "Threads that extract articles (0: one per core, plus the ingest loop's, which also "
          "polls and writes); stores stay in partition order");
ABSL_FLAG(int32_t, ingest_batch, 512,
          "Most Kafka messages built and written together (one store write per run of them)");
ABSL_FLAG(bool, sync_writes, false, "fsync RocksDB's WAL on every article write");
ABSL_FLAG(std::string, tls_cert, "",
          "PEM certificate chain for gRPC TLS (with --tls-key); default: plaintext");
ABSL_FLAG(std::string, tls_key, "", "PEM private key for --tls-cert");
ABSL_FLAG(std::string, tls_client_ca, "",
          "PEM CA bundle; when set, clients must present a certificate it verifies");
ABSL_FLAG(std::string, auth_token_file, "",
          "File holding the bearer token parley.v1.Parley callers must send "
          "(authorization: Bearer <token>); default: no token check");
ABSL_FLAG(std::string, health_listen, "",
          "Extra plaintext address serving only grpc.health.v1.Health, for probes "
          "that cannot do TLS (e.g. Kubernetes grpc probes); default: none");
ABSL_FLAG(std::string, config, "",
          "File of settings, one `name = value` per line (names as the flags, "
          "e.g. data-dir = /var/lib/parley); below the environment and the command line");
ABSL_FLAG(std::string, kafka_property, "",
          "A librdkafka property KEY=VALUE; repeatable. From the environment: "
          "PARLEY_KAFKA_PROPERTY, one KEY=VALUE per line");
ABSL_FLAG(std::string, log_format, "text",
          "Log lines as `text` (for terminals) or `json` (one object per line: time, "
          "level, message, and article_id, partition, offset on ingest lines)");
ABSL_FLAG(std::string, metrics_listen, "",
          "HTTP address serving Prometheus /metrics, /readyz and /livez "
          "(e.g. 0.0.0.0:9464); default: none");
ABSL_FLAG(int64_t, ready_max_lag, 1000,
          "Ready once every assigned partition is at most this many messages behind");
ABSL_FLAG(absl::Duration, live_max_stall, absl::Seconds(60),
          "Not live when the ingest loop has not gone round for this long");
ABSL_FLAG(absl::Duration, watch_stall_timeout, absl::Seconds(30),
          "A WatchEvents client that reads nothing for this long while changes wait for it "
          "is ended with RESOURCE_EXHAUSTED and the cursor to resume from");
ABSL_FLAG(int64_t, change_log_retention, 100000,
          "Changes kept for WatchEvents cursors; an older cursor gets OUT_OF_RANGE");
ABSL_FLAG(std::string, checkpoint_dir, "",
          "Where ParleyAdmin.CreateCheckpoint writes checkpoints of the store (default: "
          "<data-dir>/checkpoints: on the store's volume, table files are hard links)");
ABSL_FLAG(int32_t, checkpoint_retention, 3,
          "Checkpoints kept in --checkpoint-dir; the oldest go when a new one is made");
ABSL_FLAG(int32_t, malloc_arenas, 2,
          "glibc malloc arenas (0: glibc's default, eight per core). A thread that finds an "
          "arena busy takes another, and memory freed stays in its arena, so concurrent calls "
          "multiply resident memory with the number of arenas");
ABSL_FLAG(std::string, from, "",
          "With `parleyd restore`: the checkpoint directory to make the store from");
ABSL_FLAG(bool, replace, false,
          "With `parleyd restore`: delete the store in --data-dir first (never one in use)");
ABSL_FLAG(std::string, restore_from, "",
          "A checkpoint found here at start replaces the store, then is deleted, e.g. one "
          "copied onto the volume with kubectl cp; nothing there: the store opens as it is");
ABSL_FLAG(bool, all, false,
          "With `parleyd reindex`: re-extract every article, not only those made by "
          "another extractor version");

namespace parley {
namespace {

// Health service names: "" and parley.v1.Parley report whether queries are
// served (always, once started); parley.v1.Ingest reports whether Kafka is
// reachable, so an operator sees a stalled ingest without the pod being
// taken out of query rotation.
constexpr char kQueryService[] = "parley.v1.Parley";
constexpr char kIngestService[] = "parley.v1.Ingest";
// Health service names for Kubernetes probes (services/probes.h).
constexpr char kReadinessService[] = "readiness";
constexpr char kLivenessService[] = "liveness";

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

// Checks what a flag's type cannot, naming the setting and where its value
// came from.
absl::Status ValidateSettings(const SettingSources& sources) {
  if (absl::GetFlag(FLAGS_data_dir).empty()) {
    return absl::InvalidArgumentError(
        "--data-dir is required (or PARLEY_DATA_DIR, or data-dir in the --config file)");
  }
  PARLEY_RETURN_IF_ERROR(
      sources.Annotate("listen", CheckListenAddress(absl::GetFlag(FLAGS_listen))));
  for (auto [name, value] : {std::pair{"health_listen", absl::GetFlag(FLAGS_health_listen)},
                             std::pair{"metrics_listen", absl::GetFlag(FLAGS_metrics_listen)}}) {
    if (!value.empty()) PARLEY_RETURN_IF_ERROR(sources.Annotate(name, CheckListenAddress(value)));
  }
  PARLEY_RETURN_IF_ERROR(
      sources.Annotate("log_format", ParseLogFormat(absl::GetFlag(FLAGS_log_format)).status()));
  auto positive = [&](const char* name, bool ok) {
    return sources.Annotate(name, ok ? absl::OkStatus()
                                     : absl::InvalidArgumentError("must be greater than 0"));
  };
  PARLEY_RETURN_IF_ERROR(positive("max_message_bytes", absl::GetFlag(FLAGS_max_message_bytes) > 0));
  PARLEY_RETURN_IF_ERROR(
      positive("shutdown_grace", absl::GetFlag(FLAGS_shutdown_grace) > absl::ZeroDuration()));
  PARLEY_RETURN_IF_ERROR(
      positive("live_max_stall", absl::GetFlag(FLAGS_live_max_stall) > absl::ZeroDuration()));
  PARLEY_RETURN_IF_ERROR(
      positive("checkpoint_retention", absl::GetFlag(FLAGS_checkpoint_retention) > 0));
  PARLEY_RETURN_IF_ERROR(positive("ingest_batch", absl::GetFlag(FLAGS_ingest_batch) > 0));
  PARLEY_RETURN_IF_ERROR(sources.Annotate(
      "ingest_threads", absl::GetFlag(FLAGS_ingest_threads) >= 0
                            ? absl::OkStatus()
                            : absl::InvalidArgumentError("must be 0 (one per core) or more")));
  PARLEY_RETURN_IF_ERROR(sources.Annotate(
      "malloc_arenas", absl::GetFlag(FLAGS_malloc_arenas) >= 0
                           ? absl::OkStatus()
                           : absl::InvalidArgumentError("must be 0 (glibc's default) or more")));
  return sources.Annotate("ready_max_lag",
                          absl::GetFlag(FLAGS_ready_max_lag) >= 0
                              ? absl::OkStatus()
                              : absl::InvalidArgumentError("must be 0 or more"));
}

// The store settings parleyd and `parleyd reindex` share. The store keeps at
// least one change whatever the retention asks.
storage::StoreOptions StoreOptionsFromFlags(const std::string& data_dir) {
  storage::StoreOptions options;
  options.path = data_dir;
  options.sync_writes = absl::GetFlag(FLAGS_sync_writes);
  options.change_log_retention =
      static_cast<uint64_t>(std::max<int64_t>(0, absl::GetFlag(FLAGS_change_log_retention)));
  return options;
}

std::string CheckpointDirFromFlags(const std::string& data_dir) {
  std::string directory = absl::GetFlag(FLAGS_checkpoint_dir);
  return directory.empty() ? absl::StrCat(data_dir, "/checkpoints") : directory;
}

std::string DefaultGroupId() {
  char host[256] = {0};
  gethostname(host, sizeof(host) - 1);
  return absl::StrCat("parleyd-", host);
}

// What /metrics reads at scrape time. `ingestor` is filled in once the
// ingestor exists; scrapes before that show no ingest figures.
service::MetricSources MetricSourcesFor(ingest::KafkaIngestor*& ingestor, storage::Store& store,
                                        std::shared_ptr<rocksdb::Statistics> statistics,
                                        const service::Queries& queries,
                                        const service::ProbeState& probes) {
  service::MetricSources sources;
  sources.ingest = [&ingestor] {
    service::IngestFigures figures;
    if (ingestor == nullptr) return figures;
    const ingest::IngestCounters& counters = ingestor->counters();
    figures.consumed = counters.messages.load();
    figures.stored = counters.articles_stored.load();
    figures.dead_lettered = counters.dead_lettered.load();
    figures.transient_errors = counters.transient_errors.load();
    return figures;
  };
  sources.lag = [&ingestor]() -> std::optional<std::vector<service::LagFigure>> {
    if (ingestor == nullptr) return std::nullopt;
    auto lag = ingestor->lag();
    if (!lag) return std::nullopt;
    std::vector<service::LagFigure> figures;
    for (const auto& partition : *lag) {
      figures.push_back({partition.topic, partition.partition, partition.messages});
    }
    return figures;
  };
  sources.store_property = [&store](const std::string& name) { return store.IntProperty(name); };
  sources.block_cache = [statistics] {
    return service::BlockCacheFigures{statistics->getTickerCount(rocksdb::BLOCK_CACHE_HIT),
                                      statistics->getTickerCount(rocksdb::BLOCK_CACHE_MISS)};
  };
  sources.query_cache = [&queries] {
    const service::DerivedCache& cache = queries.cache();
    return service::QueryCacheFigures{cache.hits(), cache.misses(), cache.bytes()};
  };
  sources.ready = [&probes] { return probes.ready().ok; };
  sources.live = [&probes] { return probes.live().ok; };
  sources.kafka_up = [&ingestor] { return ingestor != nullptr && ingestor->healthy(); };
  return sources;
}

absl::StatusOr<std::unique_ptr<service::HttpEndpoint>> StartMetricsEndpoint(
    const std::string& address, const service::Metrics& metrics,
    const service::ProbeState& probes) {
  auto probe = [](service::ProbeResult result) {
    return service::HttpResponse{result.ok ? 200 : 503, "text/plain; charset=utf-8",
                                 result.reason + "\n"};
  };
  std::map<std::string, service::HttpHandler> handlers;
  handlers["/metrics"] = [&metrics] {
    return service::HttpResponse{200, "text/plain; version=0.0.4; charset=utf-8",
                                 metrics.Exposition()};
  };
  handlers["/readyz"] = [&probes, probe] { return probe(probes.ready()); };
  handlers["/livez"] = [&probes, probe] { return probe(probes.live()); };
  auto endpoint = service::HttpEndpoint::Start(address, std::move(handlers));
  if (!endpoint.ok()) {
    return absl::UnavailableError(
        absl::StrCat("--metrics-listen: ", endpoint.status().message()));
  }
  return endpoint;
}

service::ProbeInputs ProbeInputsOf(const ingest::KafkaIngestor& ingestor) {
  service::ProbeInputs inputs;
  inputs.store_open = true;  // parleyd serves only once the store is open
  if (auto lag = ingestor.lag()) {
    inputs.lag.emplace();
    for (const auto& partition : *lag) inputs.lag->push_back(partition.messages);
  }
  inputs.last_progress = ingestor.last_progress();
  inputs.now = absl::Now();
  return inputs;
}

void LogRestore(const std::string& from, const std::string& data_dir,
                const storage::RestoredStore& restored) {
  LogInfo(absl::StrCat("restored ", from, " into ", data_dir, ": changes up to ",
                       restored.last_change, ", new store id ", restored.store_id, " (was ",
                       restored.source_store_id,
                       "); ingest goes on from the offsets the checkpoint holds, and watch "
                       "cursors of the old store get OUT_OF_RANGE"));
}

// --restore-from. Deleted only after the restore: a crash in between
// restores the same checkpoint again at the next start, and ingest consumes
// again from its offsets, so the result is the same.
absl::Status RestorePlacedCheckpoint(const std::string& data_dir) {
  std::string from = absl::GetFlag(FLAGS_restore_from);
  std::error_code error;
  if (from.empty() || !std::filesystem::exists(from, error)) return absl::OkStatus();
  LogInfo(absl::StrCat("--restore-from: restoring the checkpoint at ", from));
  PARLEY_ASSIGN_OR_RETURN(storage::RestoredStore restored,
                          storage::RestoreCheckpoint(from, data_dir, /*replace=*/true));
  LogRestore(from, data_dir, restored);
  std::filesystem::remove_all(from, error);
  if (error) {
    return absl::UnavailableError(absl::StrCat(
        "restored, but cannot delete --restore-from ", from, " (", error.message(),
        "); delete it, or every start restores it again"));
  }
  return absl::OkStatus();
}

// Sets the probe's health status and logs why, when it changes.
template <typename SetHealth>
void ReportProbeChange(const char* service, service::ProbeResult& last,
                       const service::ProbeResult& now, SetHealth& set_health) {
  bool changed = now.ok != last.ok;
  last = now;
  if (!changed) return;
  set_health(service, now.ok);
  Log(now.ok ? LogLevel::kInfo : LogLevel::kWarning,
      absl::StrCat(service, ": ", now.ok ? "SERVING" : "NOT_SERVING", " (", now.reason, ")"));
}

absl::StatusOr<service::ServerSecurity> SecurityFromFlags() {
  service::ServerSecurityOptions options;
  options.tls_cert_file = absl::GetFlag(FLAGS_tls_cert);
  options.tls_key_file = absl::GetFlag(FLAGS_tls_key);
  options.tls_client_ca_file = absl::GetFlag(FLAGS_tls_client_ca);
  options.require_client_cert = !options.tls_client_ca_file.empty();
  options.auth_token_file = absl::GetFlag(FLAGS_auth_token_file);
  PARLEY_ASSIGN_OR_RETURN(service::ServerSecurity security,
                          service::LoadServerSecurity(options));
  LogInfo(absl::StrCat("access: ", service::DescribeServerSecurity(options)));
  if (!security.token.empty() && !security.tls) {
    LogWarning("access: bearer token without TLS; the token crosses the network in clear "
               "unless something in front of parleyd terminates TLS");
  }
  return security;
}

absl::StatusOr<ingest::IngestOptions> IngestOptionsFromFlags(
    const std::vector<std::string>& kafka_property_flags) {
  ingest::IngestOptions options;
  PARLEY_ASSIGN_OR_RETURN(options.kafka, KafkaSettingsFromFlags(kafka_property_flags));
  options.topic = absl::GetFlag(FLAGS_topic);
  options.dead_letter_topic = absl::GetFlag(FLAGS_dlq_topic);
  options.group_id = absl::GetFlag(FLAGS_group_id);
  if (options.group_id.empty()) options.group_id = DefaultGroupId();
  options.build.decode.max_message_bytes =
      static_cast<size_t>(absl::GetFlag(FLAGS_max_message_bytes));
  options.build_threads = absl::GetFlag(FLAGS_ingest_threads);
  options.max_batch = absl::GetFlag(FLAGS_ingest_batch);
  return options;
}

// The optional plaintext health port (--health-listen; null when unset) is a
// server of its own: a gRPC server serves every registered service on every
// port, so a port with nothing but health on it needs a separate server
// (with its own health service, kept in step by the caller). It must be
// built before StartGrpcServer installs the reflection plugin, which joins
// every builder created after it.
absl::StatusOr<std::unique_ptr<grpc::Server>> StartHealthOnlyServer(const std::string& address) {
  if (address.empty()) return nullptr;
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(address, grpc::InsecureServerCredentials(), &port);
  builder.SetMaxReceiveMessageSize(4 << 10);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (!server || port == 0) {
    return absl::UnavailableError(absl::StrCat("cannot listen on --health-listen ", address));
  }
  return server;
}

// The main server: `services`, health, reflection, and the metrics
// interceptor counting every call by method and code.
absl::StatusOr<std::unique_ptr<grpc::Server>> StartGrpcServer(
    const std::string& address, std::shared_ptr<grpc::ServerCredentials> credentials,
    const std::vector<grpc::Service*>& services, service::Metrics& metrics) {
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  // Links the health proto's descriptor so that reflection can describe
  // grpc.health.v1.Health, which gRPC itself serves without one.
  grpc::health::v1::HealthCheckRequest::descriptor();
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(address, std::move(credentials), &port);
  for (grpc::Service* service : services) builder.RegisterService(service);
  builder.SetMaxReceiveMessageSize(1 << 20);
  builder.SetMaxSendMessageSize(32 << 20);
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
      interceptors;
  interceptors.push_back(service::MakeMetricsInterceptorFactory(
      metrics, service::MethodsOfServices({kQueryService, "parley.v1.ParleyAdmin",
                                           "grpc.health.v1.Health",
                                           "grpc.reflection.v1alpha.ServerReflection"})));
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (!server || port == 0) return absl::UnavailableError(absl::StrCat("cannot listen on ", address));
  return server;
}

// Every 250 ms until `stop`: ingest health, readiness and liveness into the
// probes and the health services, logging each change.
template <typename SetHealth>
void ReportHealthUntil(const std::atomic<bool>& stop, const ingest::KafkaIngestor& ingestor,
                       service::ProbeState& probes, SetHealth& set_health) {
  service::ProbeSettings settings{absl::GetFlag(FLAGS_ready_max_lag),
                                  absl::GetFlag(FLAGS_live_max_stall)};
  bool last = false;
  service::ProbeResult last_ready{false, "starting"};
  service::ProbeResult last_live{true, "starting"};
  while (!stop) {
    bool healthy = ingestor.healthy();
    if (healthy != last) {
      set_health(kIngestService, healthy);
      LogInfo(absl::StrCat("ingest health: ", healthy ? "SERVING" : "NOT_SERVING"));
      last = healthy;
    }
    service::ProbeInputs inputs = ProbeInputsOf(ingestor);
    service::ProbeResult ready = service::EvaluateReadiness(inputs, settings);
    service::ProbeResult live = service::EvaluateLiveness(inputs, settings);
    probes.Set(ready, live);
    ReportProbeChange(kReadinessService, last_ready, ready, set_health);
    ReportProbeChange(kLivenessService, last_live, live, set_health);
    absl::SleepFor(absl::Milliseconds(250));
  }
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

  // Access files are read and checked before the store opens or anything
  // listens, so a bad certificate or token file stops the start with the
  // flag's name.
  PARLEY_ASSIGN_OR_RETURN(service::ServerSecurity security, SecurityFromFlags());
  PARLEY_RETURN_IF_ERROR(RestorePlacedCheckpoint(data_dir));
  storage::StoreOptions store_options = StoreOptionsFromFlags(data_dir);
  store_options.statistics = rocksdb::CreateDBStatistics();
  PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store,
                          storage::Store::Open(store_options));

  PARLEY_ASSIGN_OR_RETURN(ingest::IngestOptions ingest_options,
                          IngestOptionsFromFlags(kafka_property_flags));
  // Read at scrape time; the ingestor is created right below and outlives
  // every scrape (the HTTP endpoint stops first).
  ingest::KafkaIngestor* ingestor_for_metrics = nullptr;
  service::ProbeState probes;
  service::Queries queries(*store);
  service::Metrics metrics(
      MetricSourcesFor(ingestor_for_metrics, *store, store_options.statistics, queries, probes));
  ingest_options.build.observe_extraction = [&metrics](absl::Duration duration) {
    metrics.ObserveExtraction(duration);
  };
  PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<ingest::KafkaIngestor> ingestor,
                          ingest::KafkaIngestor::Create(ingest_options, *store));
  ingestor_for_metrics = ingestor.get();

  service::WatchOptions watch_options;
  watch_options.stall_timeout = absl::GetFlag(FLAGS_watch_stall_timeout);
  service::ChangeFeed feed(*store, watch_options);
  service::ParleyService parley_service(queries, &feed);
  service::BackgroundReindex reindex(*store);
  storage::CheckpointDirectory checkpoints(CheckpointDirFromFlags(data_dir),
                                           absl::GetFlag(FLAGS_checkpoint_retention));
  service::ParleyAdminService admin_service(reindex, *store, checkpoints, security.token);
  std::unique_ptr<service::TokenCheckedParleyService> checked_service;
  grpc::Service* served = &parley_service;
  if (!security.token.empty()) {
    checked_service = std::make_unique<service::TokenCheckedParleyService>(
        parley_service, std::move(security.token));
    served = checked_service.get();
  }
  grpc::EnableDefaultHealthCheckService(true);

  // Built before the main server: see StartHealthOnlyServer.
  std::string health_listen = absl::GetFlag(FLAGS_health_listen);
  PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<grpc::Server> health_server,
                          StartHealthOnlyServer(health_listen));
  std::string listen = absl::GetFlag(FLAGS_listen);
  PARLEY_ASSIGN_OR_RETURN(
      std::unique_ptr<grpc::Server> server,
      StartGrpcServer(listen, security.credentials, {served, &admin_service}, metrics));
  std::vector<grpc::HealthCheckServiceInterface*> healths = {server->GetHealthCheckService()};
  if (health_server) healths.push_back(health_server->GetHealthCheckService());
  auto set_health = [&](const std::string& name, bool serving) {
    for (auto* health : healths) health->SetServingStatus(name, serving);
  };
  set_health(kQueryService, true);
  set_health(kIngestService, false);
  set_health(kReadinessService, false);
  set_health(kLivenessService, true);
  std::unique_ptr<service::HttpEndpoint> metrics_endpoint;
  std::string metrics_listen = absl::GetFlag(FLAGS_metrics_listen);
  if (!metrics_listen.empty()) {
    PARLEY_ASSIGN_OR_RETURN(metrics_endpoint, StartMetricsEndpoint(metrics_listen, metrics, probes));
    LogInfo(absl::StrCat("metrics, /readyz and /livez over HTTP on ", metrics_listen));
  }
  LogInfo(absl::StrCat("parleyd serving gRPC on ", listen, ", store at ", data_dir));
  if (health_server) LogInfo(absl::StrCat("health-only plaintext port on ", health_listen));

  absl::Status ingest_status;
  absl::Notification ingest_done;
  std::thread ingest_thread([&] {
    NameThisThread("parley-ingest");  // polls, builds its share, writes
    ingest_status = ingestor->Run();
    ingest_done.Notify();
  });
  std::atomic<bool> shutting_down{false};
  std::thread health_thread(
      [&] { ReportHealthUntil(shutting_down, *ingestor, probes, set_health); });

  int received = 0;
  sigwait(&signals, &received);
  LogInfo(absl::StrCat("received signal ", received, ", shutting down"));
  shutting_down = true;
  set_health(kQueryService, false);
  set_health(kReadinessService, false);
  ingestor->Stop();
  reindex.Stop();
  // Streams end with the cursor to resume from; the server then has no
  // stream to wait for.
  feed.Shutdown();
  health_thread.join();
  if (!ingest_done.WaitForNotificationWithTimeout(absl::GetFlag(FLAGS_shutdown_grace))) {
    // librdkafka's close() waits for the group coordinator without a bound.
    // Every consumed offset is already in the store, so leaving now loses
    // nothing: the store is flushed, and the broker expires the membership.
    LogWarning("kafka consumer did not close in time; flushing the store and exiting");
    absl::Status flushed = store->Flush();
    server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(1));
    std::_Exit(flushed.ok() ? 0 : 1);
  }
  ingest_thread.join();
  server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(5));
  metrics_endpoint.reset();
  if (health_server) health_server->Shutdown(std::chrono::system_clock::now());
  const auto& counters = ingestor->counters();
  LogInfo(absl::StrCat("stopped: ", counters.messages.load(), " messages, ",
                       counters.articles_stored.load(), " articles stored, ",
                       counters.dead_lettered.load(), " dead-lettered"));
  return ingest_status;
}

std::atomic<bool> reindex_interrupted{false};
extern "C" void InterruptReindex(int) { reindex_interrupted = true; }

// A progress line: a bar on a terminal, a log line per checkpoint otherwise.
void ShowReindexProgress(const ingest::ReindexReport& report, bool terminal) {
  int64_t total = std::max<int64_t>(report.articles_total, 1);
  int64_t done = report.progress.articles_done();
  if (!terminal) {
    LogInfo(absl::StrCat("reindex: ", done, " of ~", total, " articles, ",
                         report.progress.articles_reextracted(), " re-extracted"));
    return;
  }
  constexpr int kWidth = 40;
  int filled = static_cast<int>(std::min<int64_t>(kWidth, done * kWidth / total));
  std::fprintf(stderr, "\r[%s%s] %lld/~%lld articles, %lld re-extracted", 
               std::string(filled, '#').c_str(), std::string(kWidth - filled, '.').c_str(),
               static_cast<long long>(done), static_cast<long long>(total),
               static_cast<long long>(report.progress.articles_reextracted()));
  std::fflush(stderr);
}

// `parleyd reindex`: re-extracts the stored articles offline (parleyd must
// not be running on the store). Ctrl-C stops at the next article; running it
// again resumes.
absl::Status RunReindex() {
  std::string data_dir = absl::GetFlag(FLAGS_data_dir);
  if (data_dir.empty()) return absl::InvalidArgumentError("--data-dir is required");
  PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store,
                          storage::Store::Open(StoreOptionsFromFlags(data_dir)));
  std::signal(SIGINT, InterruptReindex);
  std::signal(SIGTERM, InterruptReindex);
  ingest::ReindexOptions options;
  options.all = absl::GetFlag(FLAGS_all);
  bool terminal = isatty(STDERR_FILENO) != 0;
  PARLEY_ASSIGN_OR_RETURN(
      ingest::ReindexReport report,
      ingest::Reindexer(*store, options)
          .Run(reindex_interrupted, [&](const ingest::ReindexReport& progress) {
            ShowReindexProgress(progress, terminal);
          }));
  if (terminal) std::fputc('\n', stderr);
  PARLEY_RETURN_IF_ERROR(store->Flush());
  if (!report.progress.finished()) {
    return absl::CancelledError(absl::StrCat(
        "interrupted after ", report.progress.articles_done(),
        " articles; run `parleyd reindex` again to resume"));
  }
  LogInfo(absl::StrCat("reindex done: ", report.progress.articles_done(), " articles, ",
                       report.progress.articles_reextracted(),
                       " re-extracted with extractor version ",
                       report.progress.target_version()));
  return absl::OkStatus();
}

// `parleyd restore --from CHECKPOINT --data-dir DIR [--replace]`: makes the
// store parleyd will open from a checkpoint (parleyd must not be running on
// DIR).
absl::Status RunRestore() {
  std::string from = absl::GetFlag(FLAGS_from);
  if (from.empty()) {
    return absl::InvalidArgumentError("--from is required: the checkpoint directory to restore");
  }
  std::string data_dir = absl::GetFlag(FLAGS_data_dir);
  PARLEY_ASSIGN_OR_RETURN(
      storage::RestoredStore restored,
      storage::RestoreCheckpoint(from, data_dir, absl::GetFlag(FLAGS_replace)));
  LogRestore(from, data_dir, restored);
  return absl::OkStatus();
}

// `parleyd compact --data-dir DIR`: rewrites the store's files so that
// each holds its records once, in their final compression (RocksDB would do
// it in time, as data accumulates). parleyd must not be running on DIR.
absl::Status RunCompact() {
  std::string data_dir = absl::GetFlag(FLAGS_data_dir);
  if (data_dir.empty()) return absl::InvalidArgumentError("--data-dir is required");
  PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store,
                          storage::Store::Open(StoreOptionsFromFlags(data_dir)));
  const std::string kSize = "rocksdb.total-sst-files-size";
  std::optional<uint64_t> before = store->IntProperty(kSize);
  absl::Time start = absl::Now();
  PARLEY_RETURN_IF_ERROR(store->Compact());
  std::optional<uint64_t> after = store->IntProperty(kSize);
  LogInfo(absl::StrCat("compacted ", data_dir, " in ",
                       absl::FormatDuration(absl::Trunc(absl::Now() - start, absl::Milliseconds(1))),
                       ": table files ", before.value_or(0), " -> ", after.value_or(0), " bytes"));
  return absl::OkStatus();
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

// --help lists parleyd's own flags with their defaults and without the
// source paths Abseil would print; --version prints the project version.
void ConfigureUsage() {
  absl::SetProgramUsageMessage(
      "parleyd --brokers HOST:PORT --topic articles --data-dir DIR --listen 127.0.0.1:50051\n"
      "        [--dlq-topic T] [--group-id G] [--kafka-property KEY=VALUE]... "
      "[--kafka-config FILE]\n"
      "        [--tls-cert FILE --tls-key FILE [--tls-client-ca FILE]] "
      "[--auth-token-file FILE] [--health-listen ADDR]\n"
      "        [--metrics-listen ADDR] [--log-format text|json] [--config FILE]\n"
      "parleyd reindex --data-dir DIR [--all]   re-extract the stored articles offline\n"
      "parleyd restore --from CHECKPOINT --data-dir DIR [--replace]   make the store from a "
      "checkpoint\n"
      "parleyd compact --data-dir DIR   compact the store's files offline\n\n"
      "Every flag can also be set in the environment as PARLEY_<FLAG NAME IN CAPITALS>\n"
      "(PARLEY_DATA_DIR, PARLEY_LISTEN, ...) or in a --config file of `name = value`\n"
      "lines. Precedence: command line > environment > config file > default.");
  absl::FlagsUsageConfig usage;
  auto own = [](absl::string_view file) { return file == "parleyd"; };
  usage.contains_help_flags = own;
  usage.contains_helpshort_flags = own;
  usage.normalize_filename = [](absl::string_view file) -> std::string {
    if (file == __FILE__) return "parleyd";
    size_t slash = file.rfind('/');
    return std::string(slash == absl::string_view::npos ? file : file.substr(slash + 1));
  };
  usage.version_string = [] { return std::string("parleyd " PARLEY_VERSION "\n"); };
  absl::SetFlagsUsageConfig(usage);
}

// The names of the flags defined in this file (Filename() is normalised).
std::vector<std::string> OwnFlags() {
  std::vector<std::string> names;
  for (const auto& [name, flag] : absl::GetAllFlags()) {
    if (flag->Filename() == "parleyd" && name != "kafka_property") names.emplace_back(name);
  }
  return names;
}

// gRPC's own log lines go through Parley's logger, so --log-format json
// stays one JSON object per line.
void LogGrpc(gpr_log_func_args* args) {
  LogLevel level = args->severity == GPR_LOG_SEVERITY_ERROR ? LogLevel::kError : LogLevel::kInfo;
  Log(level, absl::StrCat("grpc: ", args->message));
}

void LogSettingSources(const SettingSources& sources) {
  for (const auto& [name, source] : sources.by_flag) {
    LogInfo(absl::StrCat("setting ", name, " from ", source));
  }
}

}  // namespace
}  // namespace parley

int main(int argc, char** argv) {
  parley::ConfigureUsage();
  parley::ConfigOptions options;
  options.flags = parley::OwnFlags();
  options.repeated_flags = {"kafka_property"};
  absl::StatusOr<parley::Configuration> configuration =
      parley::LoadConfiguration(argc, argv, options);
  absl::Status status = configuration.ok() ? parley::ValidateSettings(configuration->sources)
                                           : configuration.status();
  if (!status.ok()) {
    parley::LogError(absl::StrCat("parleyd: ", status.ToString()));
    return 2;
  }
  const std::vector<std::string>& positional = configuration->positional;
  std::string command = positional.empty() ? "" : positional.front();
  bool subcommand = command == "reindex" || command == "restore" || command == "compact";
  if (positional.size() > (subcommand ? 1u : 0u)) {
    parley::LogError(absl::StrCat("parleyd: unexpected argument ", positional.back()));
    return 2;
  }
  // Debian builds Abseil without NDEBUG, which leaves deadlock detection on:
  // every absl::Mutex lock (the query cache's, gRPC's own) would record its
  // lock order in one process-wide graph behind a spin lock. The tests keep
  // it; the server does not pay for it.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  // Before any thread starts: threads pick their arena on their first allocation.
  if (int arenas = absl::GetFlag(FLAGS_malloc_arenas); arenas > 0) mallopt(M_ARENA_MAX, arenas);
  parley::SetLogFormat(*parley::ParseLogFormat(absl::GetFlag(FLAGS_log_format)));
  gpr_set_log_function(parley::LogGrpc);
  parley::LogSettingSources(configuration->sources);
  status = command == "reindex"   ? parley::RunReindex()
           : command == "restore" ? parley::RunRestore()
           : command == "compact" ? parley::RunCompact()
                                  : parley::Run(configuration->repeated["kafka_property"]);
  if (!status.ok()) {
    parley::LogError(absl::StrCat("parleyd: ", status.ToString()));
    return 1;
  }
  return 0;
}
