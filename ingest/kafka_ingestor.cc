#include "ingest/kafka_ingestor.h"

#include <algorithm>
#include <functional>
#include <span>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/log.h"
#include "common/log_format.h"
#include "common/status_macros.h"

namespace parley::ingest {
namespace {

// Sends undecodable messages to the dead-letter topic with the original key
// and value, the reason and the source position as headers.
class KafkaDeadLetterSink : public DeadLetterSink {
 public:
  KafkaDeadLetterSink(SyncProducer& producer, std::string topic)
      : producer_(producer), topic_(std::move(topic)) {}

  absl::Status Send(const IncomingMessage& message, std::string_view reason) override {
    return producer_.Produce(
        topic_, message.key, message.value,
        {{"parley.error", std::string(reason)},
         {"parley.source.topic", message.topic},
         {"parley.source.partition", std::to_string(message.partition)},
         {"parley.source.offset", std::to_string(message.offset)}},
        absl::Seconds(30));
  }

 private:
  SyncProducer& producer_;
  std::string topic_;
};

IncomingMessage ToIncoming(RdKafka::Message& message) {
  IncomingMessage incoming;
  incoming.topic = message.topic_name();
  incoming.partition = message.partition();
  incoming.offset = message.offset();
  if (message.key() != nullptr) incoming.key = *message.key();
  if (message.payload() != nullptr) {
    incoming.value.assign(static_cast<const char*>(message.payload()), message.len());
  } else {
    incoming.tombstone = true;
  }
  RdKafka::MessageTimestamp timestamp = message.timestamp();
  if (timestamp.type != RdKafka::MessageTimestamp::MSG_TIMESTAMP_NOT_AVAILABLE) {
    incoming.timestamp_ms = timestamp.timestamp;
  }
  return incoming;
}

}  // namespace

// Seeks newly assigned partitions to the offsets stored with the data, and
// tracks broker reachability for health reporting.
class KafkaIngestor::Callbacks : public RdKafka::RebalanceCb, public RdKafka::EventCb {
 public:
  explicit Callbacks(KafkaIngestor& ingestor) : ingestor_(ingestor) {}

  void rebalance_cb(RdKafka::KafkaConsumer* consumer, RdKafka::ErrorCode err,
                    std::vector<RdKafka::TopicPartition*>& partitions) override {
    if (err == RdKafka::ERR__ASSIGN_PARTITIONS) {
      for (RdKafka::TopicPartition* partition : partitions) {
        absl::StatusOr<std::optional<int64_t>> next =
            ingestor_.store_.NextOffset(partition->topic(), partition->partition());
        if (next.ok() && next->has_value()) {
          partition->set_offset(**next);
        } else if (!next.ok()) {
          LogError(absl::StrCat("reading stored offset: ", next.status().ToString()));
        }
        LogInfo(absl::StrCat("assigned ", partition->topic(), "/", partition->partition(),
                             next.ok() && next->has_value()
                                 ? absl::StrCat(" from stored offset ", **next)
                                 : std::string(" from the committed/earliest offset")));
      }
      consumer->assign(partitions);
      ingestor_.broker_up_ = true;
    } else {
      LogInfo(absl::StrCat("partitions revoked (", partitions.size(), ")"));
      consumer->unassign();
    }
  }

  void event_cb(RdKafka::Event& event) override {
    if (event.type() == RdKafka::Event::EVENT_ERROR &&
        event.err() == RdKafka::ERR__ALL_BROKERS_DOWN) {
      ingestor_.broker_up_ = false;
    }
    LogKafkaEvent(event);
  }

 private:
  KafkaIngestor& ingestor_;
};

KafkaIngestor::KafkaIngestor(IngestOptions options, storage::Store& store)
    : options_(std::move(options)), store_(store) {
  MarkProgress();
}

KafkaIngestor::~KafkaIngestor() = default;

absl::StatusOr<std::unique_ptr<KafkaIngestor>> KafkaIngestor::Create(IngestOptions options,
                                                                     storage::Store& store) {
  if (options.topic.empty()) return absl::InvalidArgumentError("topic is empty (--topic)");
  if (options.group_id.empty()) {
    return absl::InvalidArgumentError("consumer group is empty (--group-id)");
  }
  if (options.dead_letter_topic.empty()) {
    options.dead_letter_topic = options.topic + ".dlq";
  }
  std::unique_ptr<KafkaIngestor> ingestor(new KafkaIngestor(std::move(options), store));
  KafkaIngestor& self = *ingestor;
  PARLEY_ASSIGN_OR_RETURN(self.dead_letter_producer_,
                          SyncProducer::Create(self.options_.kafka));
  self.dead_letters_ = std::make_unique<KafkaDeadLetterSink>(
      *self.dead_letter_producer_, self.options_.dead_letter_topic);
  self.handler_ =
      std::make_unique<IngestHandler>(store, *self.dead_letters_, self.options_.build);
  // By default one builder per core besides the ingest loop's thread, which
  // builds too but also polls and writes: without the extra one a core idles
  // while it writes (BENCHMARKS.md: 1.1-1.3x the articles/s on 2 cores).
  int threads = self.options_.build_threads > 0
                    ? self.options_.build_threads
                    : static_cast<int>(std::max(1u, std::thread::hardware_concurrency())) + 1;
  self.builder_ = std::make_unique<ParallelBuilder>(self.options_.build, threads);
  self.callbacks_ = std::make_unique<Callbacks>(self);

  PARLEY_ASSIGN_OR_RETURN(
      std::unique_ptr<RdKafka::Conf> conf,
      MakeKafkaConf(self.options_.kafka, {{"group.id", self.options_.group_id},
                                          {"enable.auto.commit", "false"},
                                          {"auto.offset.reset", "earliest"},
                                          {"enable.partition.eof", "false"},
                                          {"fetch.message.max.bytes", "67108864"}}));
  std::string error;
  if (conf->set("rebalance_cb", static_cast<RdKafka::RebalanceCb*>(self.callbacks_.get()),
                error) != RdKafka::Conf::CONF_OK ||
      conf->set("event_cb", static_cast<RdKafka::EventCb*>(self.callbacks_.get()), error) !=
          RdKafka::Conf::CONF_OK) {
    return absl::InternalError(error);
  }
  self.consumer_.reset(RdKafka::KafkaConsumer::create(conf.get(), error));
  if (!self.consumer_) return absl::InvalidArgumentError(absl::StrCat("kafka consumer: ", error));
  return ingestor;
}

bool KafkaIngestor::RetryUntilDone(std::span<const IncomingMessage> messages,
                                   const std::function<absl::Status()>& attempt) {
  // Every line logged meanwhile (dead letters, retries) names the messages.
  const IncomingMessage& first = messages.front();
  ScopedLogContext log_context({{"article_id", first.key},
                                {"topic", first.topic},
                                {"partition", int64_t{first.partition}},
                                {"offset", first.offset},
                                {"messages", static_cast<int64_t>(messages.size())}});
  absl::Duration backoff = options_.min_backoff;
  while (!stopping_) {
    MarkProgress();
    absl::Status status = attempt();
    if (status.ok()) return true;
    LogWarning(absl::StrCat("retrying ", first.topic, "/", first.partition, "@", first.offset,
                            messages.size() > 1 ? absl::StrCat(" and the next ", messages.size() - 1)
                                                : "",
                            " in ", absl::FormatDuration(backoff), ": ", status.ToString()));
    absl::SleepFor(backoff);
    backoff = std::min(backoff * 2, options_.max_backoff);
  }
  return false;
}

std::vector<IncomingMessage> KafkaIngestor::ConsumeBatch(int timeout_ms) {
  std::vector<IncomingMessage> batch;
  while (static_cast<int>(batch.size()) < std::max(options_.max_batch, 1)) {
    std::unique_ptr<RdKafka::Message> message(consumer_->consume(timeout_ms));
    timeout_ms = 0;  // after the first, only what is already fetched
    switch (message->err()) {
      case RdKafka::ERR_NO_ERROR:
        broker_up_ = true;
        batch.push_back(ToIncoming(*message));
        break;
      case RdKafka::ERR__TIMED_OUT:
      case RdKafka::ERR__PARTITION_EOF:
        return batch;
      default:
        LogWarning(absl::StrCat("consume: ", message->errstr()));
        if (batch.empty()) absl::SleepFor(absl::Milliseconds(100));
        return batch;
    }
  }
  return batch;
}

void KafkaIngestor::WriteBatch(BuiltBatch& batch) {
  const std::vector<IncomingMessage>& incoming = batch.messages;
  const ParallelBuilder::Results& built = batch.built;
  size_t i = 0;
  while (i < incoming.size()) {
    // The articles of consecutive messages go into one store write (one
    // write-ahead-log record); a tombstone or a message that could not be
    // built is handled on its own, in its place, so order holds.
    std::vector<const storage::EncodedArticle*> articles;
    size_t end = i;
    for (; end < incoming.size() && built[end] && built[end]->ok(); ++end) {
      articles.push_back(&**built[end]);
    }
    std::span<const IncomingMessage> messages(incoming.data() + i, std::max(end, i + 1) - i);
    bool done = articles.empty()
                    ? RetryUntilDone(messages,
                                     [&] {
                                       return handler_->HandleBuilt(
                                           incoming[i], built[i] ? &*built[i] : nullptr);
                                     })
                    : RetryUntilDone(messages, [&] { return handler_->StoreArticles(articles); });
    if (!done) return;
    i += messages.size();
  }
  // Best effort, once per batch: the store already holds these offsets, and
  // the group's committed offsets serve lag monitoring only (they may run
  // one batch ahead: the consumed position includes the batch being built).
  consumer_->commitAsync();
}

std::optional<std::vector<PartitionLag>> KafkaIngestor::lag() const {
  std::lock_guard<std::mutex> lock(lag_mutex_);
  return lag_;
}

void KafkaIngestor::MeasureLag() {
  std::vector<RdKafka::TopicPartition*> assigned;
  if (consumer_->assignment(assigned) != RdKafka::ERR_NO_ERROR) return;
  consumer_->position(assigned);
  std::optional<std::vector<PartitionLag>> measured;
  if (!assigned.empty()) measured.emplace();
  for (RdKafka::TopicPartition* partition : assigned) {
    int64_t low = -1;
    int64_t high = -1;
    // Cached from the last fetch response: no request to the broker.
    consumer_->get_watermark_offsets(partition->topic(), partition->partition(), &low, &high);
    int64_t next = partition->offset();
    if (next < 0) {
      // Nothing consumed since the assignment: the stored offset, or the
      // start of the log.
      auto stored = store_.NextOffset(partition->topic(), partition->partition());
      next = stored.ok() && stored->has_value() ? **stored : low;
    }
    if (high < 0 || next < 0) {
      measured.reset();
      break;
    }
    measured->push_back(
        {partition->topic(), partition->partition(), std::max<int64_t>(0, high - next)});
  }
  RdKafka::TopicPartition::destroy(assigned);
  // Without a full measurement the last one stands: during a broker outage
  // librdkafka gives the assignment up after the session timeout, and a
  // replica that had caught up should keep answering queries.
  if (!measured) return;
  std::lock_guard<std::mutex> lock(lag_mutex_);
  lag_ = std::move(measured);
}

absl::Status KafkaIngestor::Run() {
  RdKafka::ErrorCode err = consumer_->subscribe({options_.topic});
  if (err != RdKafka::ERR_NO_ERROR) {
    return absl::UnavailableError(absl::StrCat("subscribing to ", options_.topic, ": ",
                                               RdKafka::err2str(err)));
  }
  LogInfo(absl::StrCat("consuming ", options_.topic, " as group ", options_.group_id,
                       ", dead letters to ", options_.dead_letter_topic));
  absl::Time last_probe = absl::InfinitePast();
  absl::Time last_lag = absl::InfinitePast();
  BuiltBatch waiting;  // built, to be written; no messages when there is none
  while (!stopping_) {
    MarkProgress();
    if (absl::Now() - last_lag > absl::Seconds(1)) {
      last_lag = absl::Now();
      MeasureLag();
    }
    if (!broker_up_ && absl::Now() - last_probe > absl::Seconds(2)) {
      // Nothing else reports the broker's return while the topic is idle.
      last_probe = absl::Now();
      RdKafka::Metadata* metadata = nullptr;
      if (consumer_->metadata(false, nullptr, &metadata, 1000) == RdKafka::ERR_NO_ERROR) {
        broker_up_ = true;
      }
      delete metadata;
    }
    // While the other threads build this batch, this one writes the last
    // (so with a batch waiting, only messages already fetched are taken).
    BuiltBatch next;
    next.messages = ConsumeBatch(waiting.messages.empty() ? 200 : 0);
    if (!next.messages.empty()) {
      builder_->Start(next.messages, absl::ToUnixMillis(absl::Now()));
    }
    if (!waiting.messages.empty()) WriteBatch(waiting);
    if (!next.messages.empty()) next.built = builder_->Finish();
    waiting = std::move(next);
  }
  LogInfo("ingest stopping: leaving the consumer group");
  consumer_->close();
  return store_.Flush();
}

}  // namespace parley::ingest
