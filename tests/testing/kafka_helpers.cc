#include "tests/testing/kafka_helpers.h"

#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "ingest/kafka_client.h"
#include "ingest/testing/pool_articles.h"
#include "librdkafka/rdkafkacpp.h"
#include "nlohmann/json.hpp"

namespace parley::testing {
namespace {

class CountingDeliveries : public RdKafka::DeliveryReportCb {
 public:
  void dr_cb(RdKafka::Message& message) override {
    ++delivered;
    if (message.err() != RdKafka::ERR_NO_ERROR) {
      ++failed;
      last_error = message.errstr();
    }
  }
  int64_t delivered = 0;
  int64_t failed = 0;
  std::string last_error;
};

absl::StatusOr<std::unique_ptr<RdKafka::Conf>> Conf(
    const std::string& bootstrap, std::vector<std::pair<std::string, std::string>> extra) {
  ingest::KafkaSettings settings;
  settings.brokers = bootstrap;
  return ingest::MakeKafkaConf(settings, extra);
}

}  // namespace

absl::Status PublishAll(const std::string& bootstrap, const std::string& topic,
                        const std::vector<KeyedMessage>& messages) {
  auto conf = Conf(bootstrap, {{"acks", "all"},
                               {"enable.idempotence", "true"},
                               {"linger.ms", "20"},
                               {"message.max.bytes", "67108864"},
                               {"queue.buffering.max.kbytes", "1048576"}});
  if (!conf.ok()) return conf.status();
  CountingDeliveries deliveries;
  std::string error;
  (*conf)->set("dr_cb", &deliveries, error);
  std::unique_ptr<RdKafka::Producer> producer(RdKafka::Producer::create(conf->get(), error));
  if (!producer) return absl::InternalError(error);
  for (const KeyedMessage& message : messages) {
    while (true) {
      RdKafka::ErrorCode code = producer->produce(
          topic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
          message.tombstone ? nullptr : const_cast<char*>(message.value.data()),
          message.tombstone ? 0 : message.value.size(), message.key.data(),
          message.key.size(), 0, nullptr);
      if (code == RdKafka::ERR_NO_ERROR) break;
      if (code != RdKafka::ERR__QUEUE_FULL) {
        return absl::InternalError(absl::StrCat("produce: ", RdKafka::err2str(code)));
      }
      producer->poll(50);
    }
    producer->poll(0);
  }
  producer->flush(120000);
  if (deliveries.delivered != static_cast<int64_t>(messages.size()) || deliveries.failed > 0) {
    return absl::InternalError(absl::StrCat(deliveries.delivered, " of ", messages.size(),
                                            " delivered, ", deliveries.failed,
                                            " failed: ", deliveries.last_error));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::map<int32_t, int64_t>> EndOffsets(const std::string& bootstrap,
                                                      const std::string& topic) {
  auto conf = Conf(bootstrap, {});
  if (!conf.ok()) return conf.status();
  std::string error;
  std::unique_ptr<RdKafka::Producer> client(RdKafka::Producer::create(conf->get(), error));
  if (!client) return absl::InternalError(error);
  std::unique_ptr<RdKafka::Topic> handle(RdKafka::Topic::create(client.get(), topic, nullptr,
                                                                error));
  RdKafka::Metadata* raw_metadata = nullptr;
  RdKafka::ErrorCode code = client->metadata(false, handle.get(), &raw_metadata, 10000);
  if (code != RdKafka::ERR_NO_ERROR) {
    return absl::UnavailableError(absl::StrCat("metadata: ", RdKafka::err2str(code)));
  }
  std::unique_ptr<RdKafka::Metadata> metadata(raw_metadata);
  std::map<int32_t, int64_t> ends;
  for (const RdKafka::TopicMetadata* topic_metadata : *metadata->topics()) {
    for (const RdKafka::PartitionMetadata* partition : *topic_metadata->partitions()) {
      int64_t low = 0, high = 0;
      code = client->query_watermark_offsets(topic, partition->id(), &low, &high, 10000);
      if (code != RdKafka::ERR_NO_ERROR) {
        return absl::UnavailableError(absl::StrCat("watermarks: ", RdKafka::err2str(code)));
      }
      ends[partition->id()] = high;
    }
  }
  return ends;
}

absl::StatusOr<std::vector<ConsumedMessage>> ReadTopic(const std::string& bootstrap,
                                                       const std::string& topic) {
  auto ends = EndOffsets(bootstrap, topic);
  if (!ends.ok()) return ends.status();
  auto conf = Conf(bootstrap, {{"group.id", absl::StrCat("reader-", absl::ToUnixNanos(absl::Now()))},
                               {"enable.auto.commit", "false"},
                               {"fetch.message.max.bytes", "67108864"}});
  if (!conf.ok()) return conf.status();
  std::string error;
  std::unique_ptr<RdKafka::KafkaConsumer> consumer(
      RdKafka::KafkaConsumer::create(conf->get(), error));
  if (!consumer) return absl::InternalError(error);
  std::vector<RdKafka::TopicPartition*> assignment;
  int64_t remaining = 0;
  for (const auto& [partition, end] : *ends) {
    assignment.push_back(RdKafka::TopicPartition::create(topic, partition, 0));
    remaining += end;  // low watermark is 0: topics in tests are never truncated
  }
  consumer->assign(assignment);
  RdKafka::TopicPartition::destroy(assignment);
  std::vector<ConsumedMessage> messages;
  absl::Time deadline = absl::Now() + absl::Minutes(2);
  while (remaining > 0 && absl::Now() < deadline) {
    std::unique_ptr<RdKafka::Message> message(consumer->consume(500));
    if (message->err() != RdKafka::ERR_NO_ERROR) continue;
    if (message->offset() >= (*ends)[message->partition()]) continue;
    ConsumedMessage& out = messages.emplace_back();
    out.partition = message->partition();
    out.offset = message->offset();
    if (message->key()) out.key = *message->key();
    out.value.assign(static_cast<const char*>(message->payload()), message->len());
    if (RdKafka::Headers* headers = message->headers()) {
      for (const RdKafka::Headers::Header& header : headers->get_all()) {
        out.headers[header.key()] =
            std::string(static_cast<const char*>(header.value()), header.value_size());
      }
    }
    --remaining;
  }
  consumer->close();
  if (remaining > 0) {
    return absl::DeadlineExceededError(absl::StrCat(remaining, " messages not read from ", topic));
  }
  return messages;
}

std::vector<KeyedMessage> PoolMessages(size_t count) {
  std::vector<KeyedMessage> messages;
  for (const ingest::testing::PoolArticle& article : ingest::testing::PoolArticles(count)) {
    // Keyed by the envelope's id, which ingest checks the key against.
    nlohmann::json envelope = nlohmann::json::parse(article.json);
    messages.push_back({envelope["id"].get<std::string>(), envelope.dump()});
  }
  return messages;
}

}  // namespace parley::testing
