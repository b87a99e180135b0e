// The ingest loop: a consumer-group member that takes the messages already
// fetched in batches, builds their articles on several threads
// (ParallelBuilder), and writes them through IngestHandler in consumption
// order, so each partition's messages are stored in order: the articles of
// consecutive messages in one store write, a tombstone or a dead letter on
// its own. A batch is written while the next one is built.
//
// Offsets: the store is the source of truth. Each article's offset is
// written in the same RocksDB batch as the article; on every partition
// assignment the consumer seeks to the offsets stored there. Kafka commits
// happen after the store write and serve lag monitoring only.
#ifndef PARLEY_INGEST_KAFKA_INGESTOR_H_
#define PARLEY_INGEST_KAFKA_INGESTOR_H_

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "ingest/handler.h"
#include "ingest/kafka_client.h"
#include "ingest/parallel_builder.h"
#include "storage/store.h"

namespace parley::ingest {

struct IngestOptions {
  KafkaSettings kafka;
  std::string topic = "articles";
  // Dead-letter topic; default "<topic>.dlq".
  std::string dead_letter_topic;
  // Consumer group. Each replica uses its own (every replica consumes every
  // partition into its own store). Required.
  std::string group_id;
  BuildOptions build;
  // Threads that build articles, the ingest loop's included; 0: one per
  // core and the ingest loop's.
  int build_threads = 0;
  // Most messages taken into one batch. A batch takes only what is already
  // fetched after its first message, so a trickle still goes one by one;
  // a backlog goes in large batches, whose per-batch costs (the store
  // write, the wait for the last article built) are then shared.
  int max_batch = 512;
  // Backoff between retries of a message that failed transiently.
  absl::Duration min_backoff = absl::Milliseconds(100);
  absl::Duration max_backoff = absl::Seconds(5);
};

// How far one assigned partition is behind its high watermark.
struct PartitionLag {
  std::string topic;
  int32_t partition = 0;
  int64_t messages = 0;
};

class KafkaIngestor {
 public:
  static absl::StatusOr<std::unique_ptr<KafkaIngestor>> Create(IngestOptions options,
                                                               storage::Store& store);
  ~KafkaIngestor();

  // Consumes until Stop(). Returns after the message in flight is finished
  // and the consumer has left the group.
  absl::Status Run();
  // Thread-safe; Run() returns soon after.
  void Stop() { stopping_ = true; }

  // False while no broker is reachable.
  bool healthy() const { return broker_up_; }
  const IngestCounters& counters() const { return handler_->counters(); }
  // Lag of every assigned partition, measured about once a second by the
  // ingest loop; nullopt until partitions are assigned and the broker has
  // reported their high watermarks. While nothing is assigned (a broker
  // outage) the last measurement stands.
  std::optional<std::vector<PartitionLag>> lag() const;
  // When the ingest loop last went round (it does at least every 200 ms
  // while it runs, also while retrying a message); for liveness.
  absl::Time last_progress() const { return absl::FromUnixNanos(last_progress_ns_.load()); }

 private:
  class Callbacks;
  KafkaIngestor(IngestOptions options, storage::Store& store);
  struct BuiltBatch {
    std::vector<IncomingMessage> messages;
    ParallelBuilder::Results built;
  };
  // Waits up to `timeout_ms` for a message, then takes those already fetched.
  std::vector<IncomingMessage> ConsumeBatch(int timeout_ms);
  // Writes the messages in order; stops early when stopping.
  void WriteBatch(BuiltBatch& batch);
  // Calls `attempt` (which handles `messages`) until it succeeds, backing
  // off between tries; false when stopped first.
  bool RetryUntilDone(std::span<const IncomingMessage> messages,
                      const std::function<absl::Status()>& attempt);
  void MarkProgress() { last_progress_ns_ = absl::ToUnixNanos(absl::Now()); }
  void MeasureLag();

  IngestOptions options_;
  storage::Store& store_;
  std::unique_ptr<SyncProducer> dead_letter_producer_;
  std::unique_ptr<DeadLetterSink> dead_letters_;
  std::unique_ptr<IngestHandler> handler_;
  std::unique_ptr<ParallelBuilder> builder_;
  std::unique_ptr<Callbacks> callbacks_;
  std::unique_ptr<RdKafka::KafkaConsumer> consumer_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> broker_up_{false};
  std::atomic<int64_t> last_progress_ns_{0};
  mutable std::mutex lag_mutex_;
  std::optional<std::vector<PartitionLag>> lag_;
};

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_KAFKA_INGESTOR_H_
