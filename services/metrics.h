// parleyd's Prometheus metrics (prometheus-cpp's registry and text
// serializer). Counters that other parts already keep (ingest counts,
// RocksDB properties and statistics, consumer lag, probe state) are read
// when scraped, through MetricSources, so those parts need not know about
// Prometheus; latencies are observed as they happen.
#ifndef PARLEY_SERVICES_METRICS_H_
#define PARLEY_SERVICES_METRICS_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/time.h"

namespace prometheus {
class Collectable;
class Counter;
class Histogram;
class Registry;
template <typename T>
class Family;
}  // namespace prometheus

namespace parley::service {

struct IngestFigures {
  uint64_t consumed = 0;
  uint64_t stored = 0;
  uint64_t dead_lettered = 0;
  uint64_t transient_errors = 0;
};

struct LagFigure {
  std::string topic;
  int32_t partition = 0;
  int64_t messages = 0;
};

struct BlockCacheFigures {
  uint64_t hits = 0;
  uint64_t misses = 0;
};

// Queries' cache of derived answers (services/derived_cache.h).
struct QueryCacheFigures {
  uint64_t hits = 0;
  uint64_t misses = 0;
  uint64_t bytes = 0;
};

// Read at every scrape; any may be left empty (the metric is then absent).
struct MetricSources {
  std::function<IngestFigures()> ingest;
  // nullopt while the lag is unknown (see KafkaIngestor::lag).
  std::function<std::optional<std::vector<LagFigure>>()> lag;
  // An integer RocksDB property summed over the column families
  // ("rocksdb.live-sst-files-size"); nullopt if unavailable.
  std::function<std::optional<uint64_t>(const std::string&)> store_property;
  std::function<BlockCacheFigures()> block_cache;
  std::function<QueryCacheFigures()> query_cache;
  std::function<bool()> ready;
  std::function<bool()> live;
  std::function<bool()> kafka_up;
};

class Metrics {
 public:
  explicit Metrics(MetricSources sources);
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // Decode + extraction + identity resolution of one article.
  void ObserveExtraction(absl::Duration duration);
  // One finished RPC: method as gRPC names it ("/parley.v1.Parley/GetEvent"),
  // the canonical status code's number.
  void ObserveRpc(std::string_view method, int code, absl::Duration duration);

  // Every metric in the Prometheus text exposition format (version 0.0.4).
  std::string Exposition() const;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  std::shared_ptr<prometheus::Collectable> scraped_;
  prometheus::Histogram* extraction_ = nullptr;
  prometheus::Family<prometheus::Counter>* rpc_requests_ = nullptr;
  prometheus::Family<prometheus::Histogram>* rpc_latency_ = nullptr;
};

// "OK", "NOT_FOUND", ... for a canonical status code number.
std::string StatusCodeName(int code);

}  // namespace parley::service

#endif  // PARLEY_SERVICES_METRICS_H_
