// Kafka operations integration tests need beyond parleyd's own client:
// bulk publishing, partition end offsets, and reading a topic back.
#ifndef PARLEY_TESTS_TESTING_KAFKA_HELPERS_H_
#define PARLEY_TESTS_TESTING_KAFKA_HELPERS_H_

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"

namespace parley::testing {

struct KeyedMessage {
  std::string key;
  std::string value;
  // Sent with a null value (not an empty one): a tombstone for `key`.
  bool tombstone = false;
};

// Produces all messages (keyed, so partitioned by key) and waits until every
// one is acknowledged.
absl::Status PublishAll(const std::string& bootstrap, const std::string& topic,
                        const std::vector<KeyedMessage>& messages);

// Partition -> high watermark (offset after the last message).
absl::StatusOr<std::map<int32_t, int64_t>> EndOffsets(const std::string& bootstrap,
                                                      const std::string& topic);

struct ConsumedMessage {
  int32_t partition = 0;
  int64_t offset = 0;
  std::string key;
  std::string value;
  std::map<std::string, std::string> headers;
};

// Reads the topic from the beginning up to its current end offsets.
absl::StatusOr<std::vector<ConsumedMessage>> ReadTopic(const std::string& bootstrap,
                                                       const std::string& topic);

// The first `count` articles of the corpus pool (PARLEY_CORPUS_DIR, default
// the build's) in order of id, keyed by id.
std::vector<KeyedMessage> PoolMessages(size_t count = SIZE_MAX);

}  // namespace parley::testing

#endif  // PARLEY_TESTS_TESTING_KAFKA_HELPERS_H_
