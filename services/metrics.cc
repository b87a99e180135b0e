#include "services/metrics.h"

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "prometheus/collectable.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/histogram.h"
#include "prometheus/metric_family.h"
#include "prometheus/registry.h"
#include "prometheus/text_serializer.h"

namespace parley::service {
namespace {

using prometheus::ClientMetric;
using prometheus::MetricFamily;
using prometheus::MetricType;

MetricFamily Single(std::string name, std::string help, MetricType type, double value) {
  ClientMetric metric;
  if (type == MetricType::Counter) {
    metric.counter.value = value;
  } else {
    metric.gauge.value = value;
  }
  return {std::move(name), std::move(help), type, {metric}};
}

// The figures that live elsewhere, turned into metric families at scrape
// time.
class ScrapedFigures : public prometheus::Collectable {
 public:
  explicit ScrapedFigures(MetricSources sources) : sources_(std::move(sources)) {}

  std::vector<MetricFamily> Collect() const override {
    std::vector<MetricFamily> families;
    AddIngest(families);
    AddLag(families);
    AddStore(families);
    AddQueryCache(families);
    AddProbes(families);
    return families;
  }

 private:
  void AddIngest(std::vector<MetricFamily>& families) const {
    if (!sources_.ingest) return;
    IngestFigures figures = sources_.ingest();
    families.push_back(Single("parley_messages_consumed_total",
                              "Kafka messages consumed and handled (stored or dead-lettered)",
                              MetricType::Counter, figures.consumed));
    families.push_back(Single("parley_articles_stored_total",
                              "Articles written to the store", MetricType::Counter,
                              figures.stored));
    families.push_back(Single("parley_messages_dead_lettered_total",
                              "Messages sent to the dead-letter topic", MetricType::Counter,
                              figures.dead_lettered));
    families.push_back(Single("parley_ingest_transient_errors_total",
                              "Failed attempts at a message that was then retried",
                              MetricType::Counter, figures.transient_errors));
  }

  void AddLag(std::vector<MetricFamily>& families) const {
    if (!sources_.lag) return;
    std::optional<std::vector<LagFigure>> lag = sources_.lag();
    MetricFamily family{"parley_consumer_lag_messages",
                        "Messages between the consumed position and the high watermark, "
                        "per assigned partition",
                        MetricType::Gauge,
                        {}};
    for (const LagFigure& figure : lag.value_or(std::vector<LagFigure>{})) {
      ClientMetric metric;
      metric.label = {{"topic", figure.topic}, {"partition", std::to_string(figure.partition)}};
      metric.gauge.value = static_cast<double>(figure.messages);
      family.metric.push_back(std::move(metric));
    }
    families.push_back(std::move(family));
  }

  void AddStore(std::vector<MetricFamily>& families) const {
    if (sources_.store_property) {
      const std::pair<const char*, const char*> properties[] = {
          {"rocksdb.live-sst-files-size", "parley_rocksdb_live_sst_bytes"},
          {"rocksdb.estimate-pending-compaction-bytes",
           "parley_rocksdb_pending_compaction_bytes"},
          {"rocksdb.cur-size-all-mem-tables", "parley_rocksdb_memtable_bytes"},
          {"rocksdb.block-cache-usage", "parley_rocksdb_block_cache_usage_bytes"},
      };
      for (const auto& [property, name] : properties) {
        std::optional<uint64_t> value = sources_.store_property(property);
        if (!value) continue;
        families.push_back(Single(name, std::string("RocksDB property ") + property,
                                  MetricType::Gauge, static_cast<double>(*value)));
      }
    }
    if (sources_.block_cache) {
      BlockCacheFigures cache = sources_.block_cache();
      families.push_back(Single("parley_rocksdb_block_cache_hits_total",
                                "RocksDB block cache hits", MetricType::Counter, cache.hits));
      families.push_back(Single("parley_rocksdb_block_cache_misses_total",
                                "RocksDB block cache misses", MetricType::Counter,
                                cache.misses));
      uint64_t lookups = cache.hits + cache.misses;
      families.push_back(Single(
          "parley_rocksdb_block_cache_hit_ratio",
          "Block cache hits / lookups since start (0 before the first lookup); for a recent "
          "rate use rate() of the hits and misses counters",
          MetricType::Gauge, lookups == 0 ? 0.0 : static_cast<double>(cache.hits) / lookups));
    }
  }

  void AddQueryCache(std::vector<MetricFamily>& families) const {
    if (!sources_.query_cache) return;
    QueryCacheFigures cache = sources_.query_cache();
    families.push_back(Single("parley_query_cache_hits_total",
                              "Derived query answers served from the cache", MetricType::Counter,
                              cache.hits));
    families.push_back(Single("parley_query_cache_misses_total",
                              "Derived query answers computed (not in the cache, or the store "
                              "changed since)",
                              MetricType::Counter, cache.misses));
    families.push_back(Single("parley_query_cache_bytes",
                              "Estimated bytes held by the query cache (bound: "
                              "QueryOptions::cache_bytes)",
                              MetricType::Gauge, static_cast<double>(cache.bytes)));
  }

  void AddProbes(std::vector<MetricFamily>& families) const {
    if (sources_.ready) {
      families.push_back(Single("parley_ready",
                                "1 when the store is open and ingest is caught up "
                                "within --ready-max-lag",
                                MetricType::Gauge, sources_.ready() ? 1 : 0));
    }
    if (sources_.live) {
      families.push_back(Single("parley_live", "1 when the ingest loop is making progress",
                                MetricType::Gauge, sources_.live() ? 1 : 0));
    }
    if (sources_.kafka_up) {
      families.push_back(Single("parley_kafka_up", "1 while a Kafka broker is reachable",
                                MetricType::Gauge, sources_.kafka_up() ? 1 : 0));
    }
  }

  MetricSources sources_;
};

}  // namespace

std::string StatusCodeName(int code) {
  std::string name = absl::StatusCodeToString(static_cast<absl::StatusCode>(code));
  if (name.empty()) return std::to_string(code);
  return absl::AsciiStrToUpper(name);
}

Metrics::Metrics(MetricSources sources)
    : registry_(std::make_shared<prometheus::Registry>()),
      scraped_(std::make_shared<ScrapedFigures>(std::move(sources))) {
  // Extraction takes about a millisecond per article; long articles and a
  // busy machine reach tens of milliseconds.
  extraction_ = &prometheus::BuildHistogram()
                     .Name("parley_extraction_duration_seconds")
                     .Help("Decoding, extraction and identity resolution of one article")
                     .Register(*registry_)
                     .Add({}, prometheus::Histogram::BucketBoundaries{
                                  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                  0.5, 1, 2.5});
  rpc_requests_ = &prometheus::BuildCounter()
                       .Name("parley_grpc_server_handled_total")
                       .Help("gRPC requests handled, by method and status code")
                       .Register(*registry_);
  rpc_latency_ = &prometheus::BuildHistogram()
                      .Name("parley_grpc_server_handling_seconds")
                      .Help("How long gRPC requests took, by method and status code")
                      .Register(*registry_);
}

Metrics::~Metrics() = default;

void Metrics::ObserveExtraction(absl::Duration duration) {
  extraction_->Observe(absl::ToDoubleSeconds(duration));
}

void Metrics::ObserveRpc(std::string_view method, int code, absl::Duration duration) {
  static const prometheus::Histogram::BucketBoundaries kRpcBuckets = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
  // Family::Add returns the existing series for known labels.
  prometheus::Labels labels = {{"method", std::string(method)}, {"code", StatusCodeName(code)}};
  rpc_requests_->Add(labels).Increment();
  rpc_latency_->Add(labels, kRpcBuckets).Observe(absl::ToDoubleSeconds(duration));
}

std::string Metrics::Exposition() const {
  std::vector<MetricFamily> families = registry_->Collect();
  std::vector<MetricFamily> scraped = scraped_->Collect();
  families.insert(families.end(), std::make_move_iterator(scraped.begin()),
                  std::make_move_iterator(scraped.end()));
  return prometheus::TextSerializer().Serialize(families);
}

}  // namespace parley::service
