// The ingest step for one message, between the Kafka loop and the store:
// build the article, write it with its offset, or send the message to the
// dead-letter topic and record the offset. Transient failures (store I/O,
// dead-letter producer) are returned so the caller retries the same message;
// a message is never skipped silently.
#ifndef PARLEY_INGEST_HANDLER_H_
#define PARLEY_INGEST_HANDLER_H_

#include <atomic>
#include <cstdint>
#include <span>
#include <string_view>

#include "absl/status/status.h"
#include "ingest/article_builder.h"
#include "ingest/message.h"
#include "storage/store.h"

namespace parley::ingest {

// Where undecodable messages go. Send returns only once the message is
// durably accepted (or fails, and the caller retries).
class DeadLetterSink {
 public:
  virtual ~DeadLetterSink() = default;
  virtual absl::Status Send(const IncomingMessage& message, std::string_view reason) = 0;
};

struct IngestCounters {
  std::atomic<uint64_t> messages{0};
  std::atomic<uint64_t> articles_stored{0};
  std::atomic<uint64_t> dead_lettered{0};
  std::atomic<uint64_t> articles_deleted{0};
  std::atomic<uint64_t> transient_errors{0};
};

class IngestHandler {
 public:
  // `store` and `dead_letters` must outlive the handler.
  IngestHandler(storage::Store& store, DeadLetterSink& dead_letters, BuildOptions options)
      : store_(store), dead_letters_(dead_letters), options_(std::move(options)) {}

  // OK when the message is stored, deleted (a tombstone) or dead-lettered
  // and its offset recorded. Any error is transient: retry the same message.
  absl::Status Handle(const IncomingMessage& message, int64_t now_unix_ms);
  // The same with the article already built (ParallelBuilder): `built` is
  // BuildEncodedArticle's result for `message`, null for a tombstone.
  absl::Status HandleBuilt(const IncomingMessage& message,
                           const absl::StatusOr<storage::EncodedArticle>* built);
  // Stores the articles built from several messages (each with its offset)
  // in one store write, in order. An error is transient and nothing was
  // written: retry them all.
  absl::Status StoreArticles(std::span<const storage::EncodedArticle* const> articles);

  const IngestCounters& counters() const { return counters_; }

 private:
  absl::Status DeadLetter(const IncomingMessage& message, std::string_view reason);
  absl::Status Delete(const IncomingMessage& message);

  storage::Store& store_;
  DeadLetterSink& dead_letters_;
  BuildOptions options_;
  IngestCounters counters_;
};

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_HANDLER_H_
