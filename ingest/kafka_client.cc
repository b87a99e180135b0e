#include "ingest/kafka_client.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "common/log.h"
#include "common/status_macros.h"
#include "common/string_view.h"

namespace parley::ingest {
namespace {

absl::StatusOr<std::pair<std::string, std::string>> ParseAssignment(absl::string_view text) {
  size_t equals = text.find('=');
  if (equals == absl::string_view::npos || equals == 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "kafka property must be KEY=VALUE, got \"",
        text.substr(0, std::min<size_t>(text.size(), 40)), "\""));
  }
  return std::make_pair(
      std::string(absl::StripAsciiWhitespace(text.substr(0, equals))),
      std::string(absl::StripAsciiWhitespace(text.substr(equals + 1))));
}

}  // namespace

absl::StatusOr<std::vector<std::pair<std::string, std::string>>> ParseKafkaProperties(
    const std::vector<std::string>& assignments) {
  std::vector<std::pair<std::string, std::string>> properties;
  for (const std::string& assignment : assignments) {
    PARLEY_ASSIGN_OR_RETURN(auto property, ParseAssignment(assignment));
    properties.push_back(std::move(property));
  }
  return properties;
}

absl::StatusOr<std::vector<std::pair<std::string, std::string>>> ParseKafkaPropertiesFile(
    std::string_view contents) {
  std::vector<std::pair<std::string, std::string>> properties;
  for (absl::string_view line : absl::StrSplit(ToAbsl(contents), '\n')) {
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line.front() == '#') continue;
    PARLEY_ASSIGN_OR_RETURN(auto property, ParseAssignment(line));
    properties.push_back(std::move(property));
  }
  return properties;
}

bool IsSecretKafkaProperty(std::string_view key) {
  std::string lower = absl::AsciiStrToLower(ToAbsl(key));
  return absl::StrContains(lower, "password") || absl::StrContains(lower, "secret") ||
         absl::StrContains(lower, "jaas") || absl::StrContains(lower, "key.pem") ||
         absl::StrContains(lower, "token");
}

void LogKafkaEvent(RdKafka::Event& event) {
  if (event.type() == RdKafka::Event::EVENT_LOG) {
    LogLevel level = event.severity() <= RdKafka::Event::EVENT_SEVERITY_ERROR ? LogLevel::kError
                     : event.severity() == RdKafka::Event::EVENT_SEVERITY_WARNING
                         ? LogLevel::kWarning
                         : LogLevel::kInfo;
    Log(level, absl::StrCat("kafka ", event.fac(), ": ", event.str()));
  } else if (event.type() == RdKafka::Event::EVENT_ERROR) {
    LogWarning(absl::StrCat("kafka: ", RdKafka::err2str(event.err()), ": ", event.str()));
  }
}

namespace {

// librdkafka prints its own log lines to stderr unless a callback takes
// them; this one sends them through Parley's logger (so --log-format json
// stays one object per line). Clients with an event_cb of their own replace it.
class LoggingEventCb : public RdKafka::EventCb {
 public:
  void event_cb(RdKafka::Event& event) override { LogKafkaEvent(event); }
};

}  // namespace

absl::StatusOr<std::unique_ptr<RdKafka::Conf>> MakeKafkaConf(
    const KafkaSettings& settings,
    const std::vector<std::pair<std::string, std::string>>& defaults) {
  if (settings.brokers.empty()) {
    return absl::InvalidArgumentError("kafka brokers are not set (--brokers)");
  }
  std::unique_ptr<RdKafka::Conf> conf(RdKafka::Conf::create(RdKafka::Conf::CONF_GLOBAL));
  std::string error;
  auto set = [&](const std::string& key, const std::string& value) -> absl::Status {
    if (conf->set(key, value, error) != RdKafka::Conf::CONF_OK) {
      return absl::InvalidArgumentError(
          absl::StrCat("kafka property \"", key, "\" rejected: ", error));
    }
    return absl::OkStatus();
  };
  static LoggingEventCb logging_event_cb;
  if (conf->set("event_cb", static_cast<RdKafka::EventCb*>(&logging_event_cb), error) !=
      RdKafka::Conf::CONF_OK) {
    return absl::InternalError(error);
  }
  PARLEY_RETURN_IF_ERROR(set("bootstrap.servers", settings.brokers));
  for (const auto& [key, value] : defaults) PARLEY_RETURN_IF_ERROR(set(key, value));
  for (const auto& [key, value] : settings.properties) PARLEY_RETURN_IF_ERROR(set(key, value));
  return conf;
}

// Records the outcome of the single message in flight.
class SyncProducer::DeliveryReport : public RdKafka::DeliveryReportCb {
 public:
  void dr_cb(RdKafka::Message& message) override {
    error = message.err();
    error_text = message.errstr();
    delivered = true;
  }
  bool delivered = false;
  RdKafka::ErrorCode error = RdKafka::ERR_NO_ERROR;
  std::string error_text;
};

SyncProducer::SyncProducer(std::unique_ptr<DeliveryReport> report,
                           std::unique_ptr<RdKafka::Producer> producer)
    : report_(std::move(report)), producer_(std::move(producer)) {}

SyncProducer::~SyncProducer() {
  if (producer_) producer_->flush(5000);
}

absl::StatusOr<std::unique_ptr<SyncProducer>> SyncProducer::Create(
    const KafkaSettings& settings) {
  PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<RdKafka::Conf> conf,
                          MakeKafkaConf(settings, {{"enable.idempotence", "true"},
                                                   {"acks", "all"},
                                                   {"message.max.bytes", "67108864"},
                                                   {"linger.ms", "0"}}));
  auto report = std::make_unique<DeliveryReport>();
  std::string error;
  if (conf->set("dr_cb", report.get(), error) != RdKafka::Conf::CONF_OK) {
    return absl::InternalError(error);
  }
  std::unique_ptr<RdKafka::Producer> producer(RdKafka::Producer::create(conf.get(), error));
  if (!producer) return absl::InvalidArgumentError(absl::StrCat("kafka producer: ", error));
  return std::unique_ptr<SyncProducer>(
      new SyncProducer(std::move(report), std::move(producer)));
}

absl::Status SyncProducer::Produce(const std::string& topic, std::string_view key,
                                   std::string_view value,
                                   const std::vector<KafkaHeader>& headers,
                                   absl::Duration timeout) {
  RdKafka::Headers* kafka_headers = RdKafka::Headers::create();
  for (const KafkaHeader& header : headers) {
    kafka_headers->add(header.key, header.value.data(), header.value.size());
  }
  report_->delivered = false;
  RdKafka::ErrorCode code = producer_->produce(
      topic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
      const_cast<char*>(value.data()), value.size(), key.empty() ? nullptr : key.data(),
      key.size(), 0, kafka_headers, nullptr);
  if (code != RdKafka::ERR_NO_ERROR) {
    delete kafka_headers;  // ownership passes to librdkafka only on success
    return absl::UnavailableError(
        absl::StrCat("producing to ", topic, ": ", RdKafka::err2str(code)));
  }
  absl::Time deadline = absl::Now() + timeout;
  while (!report_->delivered) {
    if (absl::Now() >= deadline) {
      return absl::DeadlineExceededError(
          absl::StrCat("no acknowledgement from kafka for topic ", topic));
    }
    producer_->poll(50);
  }
  if (report_->error != RdKafka::ERR_NO_ERROR) {
    return absl::UnavailableError(
        absl::StrCat("delivery to ", topic, " failed: ", report_->error_text));
  }
  return absl::OkStatus();
}

}  // namespace parley::ingest
