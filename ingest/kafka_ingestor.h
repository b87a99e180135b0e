// The ingest loop: a consumer-group member that feeds every message of the
// topic through IngestHandler, one at a time, in partition order.
//
// Offsets: the store is the source of truth. Each article's offset is
// written in the same RocksDB batch as the article; on every partition
// assignment the consumer seeks to the offsets stored there. Kafka commits
// happen after the store write and serve lag monitoring only.
#ifndef PARLEY_INGEST_KAFKA_INGESTOR_H_
#define PARLEY_INGEST_KAFKA_INGESTOR_H_

#include <atomic>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "ingest/handler.h"
#include "ingest/kafka_client.h"
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
  // Backoff between retries of a message that failed transiently.
  absl::Duration min_backoff = absl::Milliseconds(100);
  absl::Duration max_backoff = absl::Seconds(5);
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

 private:
  class Callbacks;
  KafkaIngestor(IngestOptions options, storage::Store& store);
  void HandleWithRetry(RdKafka::Message& message);

  IngestOptions options_;
  storage::Store& store_;
  std::unique_ptr<SyncProducer> dead_letter_producer_;
  std::unique_ptr<DeadLetterSink> dead_letters_;
  std::unique_ptr<IngestHandler> handler_;
  std::unique_ptr<Callbacks> callbacks_;
  std::unique_ptr<RdKafka::KafkaConsumer> consumer_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> broker_up_{false};
};

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_KAFKA_INGESTOR_H_
