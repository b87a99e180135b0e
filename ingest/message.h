// A message as consumed from Kafka, independent of librdkafka so that the
// ingest logic is testable without a broker.
#ifndef PARLEY_INGEST_MESSAGE_H_
#define PARLEY_INGEST_MESSAGE_H_

#include <cstdint>
#include <string>

namespace parley::ingest {

struct IncomingMessage {
  std::string topic;
  int32_t partition = 0;
  int64_t offset = 0;
  std::string key;
  std::string value;
  // The message had no value at all (not an empty one): a tombstone, which
  // by the log-compaction convention deletes the article named by the key.
  bool tombstone = false;
  // Broker or producer timestamp in Unix milliseconds; 0 when absent.
  int64_t timestamp_ms = 0;
};

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_MESSAGE_H_
