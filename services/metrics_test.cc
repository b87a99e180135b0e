#include "services/metrics.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley::service {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

MetricSources FakeSources() {
  MetricSources sources;
  sources.ingest = [] { return IngestFigures{12, 10, 2, 1}; };
  sources.lag = [] {
    return std::optional<std::vector<LagFigure>>({{"articles", 0, 5}, {"articles", 2, 0}});
  };
  sources.store_property = [](const std::string& name) -> std::optional<uint64_t> {
    if (name == "rocksdb.live-sst-files-size") return 4096;
    return std::nullopt;
  };
  sources.block_cache = [] { return BlockCacheFigures{3, 1}; };
  sources.query_cache = [] { return QueryCacheFigures{7, 2, 4096}; };
  sources.ready = [] { return true; };
  sources.live = [] { return false; };
  sources.kafka_up = [] { return true; };
  return sources;
}

TEST(MetricsTest, ScrapedFiguresAppearInTheExposition) {
  Metrics metrics(FakeSources());
  std::string text = metrics.Exposition();
  EXPECT_THAT(text, HasSubstr("# TYPE parley_messages_consumed_total counter\n"
                              "parley_messages_consumed_total 12"));
  EXPECT_THAT(text, HasSubstr("parley_articles_stored_total 10"));
  EXPECT_THAT(text, HasSubstr("parley_messages_dead_lettered_total 2"));
  EXPECT_THAT(text, HasSubstr("parley_consumer_lag_messages{topic=\"articles\",partition=\"0\"} 5"));
  EXPECT_THAT(text, HasSubstr("parley_consumer_lag_messages{topic=\"articles\",partition=\"2\"} 0"));
  EXPECT_THAT(text, HasSubstr("parley_rocksdb_live_sst_bytes 4096"));
  EXPECT_THAT(text, Not(HasSubstr("parley_rocksdb_pending_compaction_bytes")))
      << "a property RocksDB does not report is left out, not shown as 0";
  EXPECT_THAT(text, HasSubstr("parley_rocksdb_block_cache_hit_ratio 0.75"));
  EXPECT_THAT(text, HasSubstr("parley_query_cache_hits_total 7"));
  EXPECT_THAT(text, HasSubstr("parley_query_cache_misses_total 2"));
  EXPECT_THAT(text, HasSubstr("parley_query_cache_bytes 4096"));
  EXPECT_THAT(text, HasSubstr("parley_ready 1"));
  EXPECT_THAT(text, HasSubstr("parley_live 0"));
  EXPECT_THAT(text, HasSubstr("parley_kafka_up 1"));
}

TEST(MetricsTest, LatenciesAreHistogramsByMethodAndCode) {
  Metrics metrics(MetricSources{});
  metrics.ObserveExtraction(absl::Milliseconds(2));
  metrics.ObserveRpc("/parley.v1.Parley/GetEvent", 0, absl::Milliseconds(3));
  metrics.ObserveRpc("/parley.v1.Parley/GetEvent", 5, absl::Milliseconds(1));
  metrics.ObserveRpc("/parley.v1.Parley/GetEvent", 5, absl::Milliseconds(1));
  std::string text = metrics.Exposition();
  EXPECT_THAT(text, HasSubstr("parley_extraction_duration_seconds_bucket{le=\"0.0025\"} 1"));
  EXPECT_THAT(text, HasSubstr("parley_extraction_duration_seconds_bucket{le=\"0.001\"} 0"));
  EXPECT_THAT(text, HasSubstr("parley_grpc_server_handled_total{code=\"NOT_FOUND\","
                              "method=\"/parley.v1.Parley/GetEvent\"} 2"));
  EXPECT_THAT(text, HasSubstr("parley_grpc_server_handling_seconds_count{code=\"OK\","
                              "method=\"/parley.v1.Parley/GetEvent\"} 1"));
  EXPECT_THAT(text, Not(HasSubstr("parley_messages_consumed_total")));
}

TEST(StatusCodeNameTest, CanonicalNames) {
  EXPECT_EQ(StatusCodeName(0), "OK");
  EXPECT_EQ(StatusCodeName(3), "INVALID_ARGUMENT");
  EXPECT_EQ(StatusCodeName(16), "UNAUTHENTICATED");
}

}  // namespace
}  // namespace parley::service
