// librdkafka plumbing shared by parleyd and parleyctl: configuration with
// pass-through properties, and a producer whose Produce() waits for the
// broker's acknowledgement.
#ifndef PARLEY_INGEST_KAFKA_CLIENT_H_
#define PARLEY_INGEST_KAFKA_CLIENT_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "librdkafka/rdkafkacpp.h"

namespace parley::ingest {

struct KafkaSettings {
  // bootstrap.servers, e.g. "127.0.0.1:9092". Required.
  std::string brokers;
  // Any librdkafka property (SASL/SSL included), applied after Parley's own
  // defaults so that operators can override them.
  std::vector<std::pair<std::string, std::string>> properties;
};

// Parses "key=value" strings (from flags) and "key=value" lines of a
// properties file (blank lines and '#' comments ignored).
absl::StatusOr<std::vector<std::pair<std::string, std::string>>> ParseKafkaProperties(
    const std::vector<std::string>& assignments);
absl::StatusOr<std::vector<std::pair<std::string, std::string>>> ParseKafkaPropertiesFile(
    std::string_view contents);

// True for properties whose values must never be logged.
bool IsSecretKafkaProperty(std::string_view key);

// Sends a librdkafka log or error event to Parley's logger.
void LogKafkaEvent(RdKafka::Event& event);

// Builds a global configuration: bootstrap.servers, then `defaults`, then
// settings.properties. INVALID_ARGUMENT names a rejected property (never its
// value, which may be a secret).
absl::StatusOr<std::unique_ptr<RdKafka::Conf>> MakeKafkaConf(
    const KafkaSettings& settings,
    const std::vector<std::pair<std::string, std::string>>& defaults);

struct KafkaHeader {
  std::string key;
  std::string value;
};

class SyncProducer {
 public:
  static absl::StatusOr<std::unique_ptr<SyncProducer>> Create(const KafkaSettings& settings);
  ~SyncProducer();

  // Produces one message and waits until the broker acknowledges it (acks=all,
  // idempotent producer) or `timeout` passes (DEADLINE_EXCEEDED). Other
  // errors: UNAVAILABLE with librdkafka's reason.
  absl::Status Produce(const std::string& topic, std::string_view key,
                       std::string_view value, const std::vector<KafkaHeader>& headers,
                       absl::Duration timeout);

 private:
  class DeliveryReport;
  SyncProducer(std::unique_ptr<DeliveryReport> report,
               std::unique_ptr<RdKafka::Producer> producer);

  std::unique_ptr<DeliveryReport> report_;
  std::unique_ptr<RdKafka::Producer> producer_;
};

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_KAFKA_CLIENT_H_
