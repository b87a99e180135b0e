// Builds the articles of a batch of messages on several threads at once
// (decoding and extraction are pure and take most of a message's time),
// returning the results in the batch's order so that the caller can write
// them in consumption order: per-partition order and offsets-with-data
// stay as they are with one thread. Results are filled by index: each
// thread writes only the slots it claimed.
#ifndef PARLEY_INGEST_PARALLEL_BUILDER_H_
#define PARLEY_INGEST_PARALLEL_BUILDER_H_

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "ingest/article_builder.h"
#include "ingest/message.h"

namespace parley::ingest {

class ParallelBuilder {
 public:
  // `threads` in all, the calling thread included; 1 builds on the caller.
  ParallelBuilder(BuildOptions options, int threads);
  ~ParallelBuilder();
  ParallelBuilder(const ParallelBuilder&) = delete;
  ParallelBuilder& operator=(const ParallelBuilder&) = delete;

  // Articles built and encoded for the store (BuildEncodedArticle).
  using Results = std::vector<std::optional<absl::StatusOr<storage::EncodedArticle>>>;

  // One result per message, in order; nullopt for tombstones, which have
  // nothing to build. Articles are stamped as stored at
  // `stored_at_unix_ms`. Not reentrant: one caller at a time.
  Results Build(const std::vector<IncomingMessage>& messages, int64_t stored_at_unix_ms);

  // Build in two halves, so the caller can do other work (write the previous
  // batch) while the other threads build: Start hands `messages` (which must
  // outlive Finish) to the other threads; Finish builds what they have not
  // claimed yet on the calling thread, waits for them, and returns the
  // results. Every Start is followed by one Finish.
  void Start(const std::vector<IncomingMessage>& messages, int64_t stored_at_unix_ms);
  Results Finish();

 private:
  void WorkerLoop();
  // Builds messages by claiming indices until none is left.
  void BuildClaimed();

  const BuildOptions options_;
  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable work_done_;
  uint64_t generation_ = 0;  // guarded by mutex_; a new batch bumps it
  int busy_workers_ = 0;     // guarded by mutex_
  bool stopping_ = false;    // guarded by mutex_
  bool batch_open_ = false;  // guarded by mutex_; workers may join the batch
  // The batch in progress; written before generation_ is bumped.
  const std::vector<IncomingMessage>* messages_ = nullptr;
  int64_t stored_at_unix_ms_ = 0;
  Results results_;
  std::atomic<size_t> next_{0};
};

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_PARALLEL_BUILDER_H_
