#include "ingest/parallel_builder.h"

#include <algorithm>

#include "common/thread_name.h"

namespace parley::ingest {

ParallelBuilder::ParallelBuilder(BuildOptions options, int threads)
    : options_(std::move(options)) {
  for (int i = 1; i < std::max(threads, 1); ++i) {
    workers_.emplace_back([this] {
      NameThisThread("parley-build");
      WorkerLoop();
    });
  }
}

ParallelBuilder::~ParallelBuilder() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& worker : workers_) worker.join();
}

void ParallelBuilder::BuildClaimed() {
  for (size_t i = next_.fetch_add(1); i < messages_->size(); i = next_.fetch_add(1)) {
    const IncomingMessage& message = (*messages_)[i];
    if (!message.tombstone) {
      results_[i] = BuildEncodedArticle(message, options_, stored_at_unix_ms_);
    }
  }
}

void ParallelBuilder::WorkerLoop() {
  uint64_t seen = 0;
  while (true) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      work_ready_.wait(lock, [&] { return stopping_ || generation_ != seen; });
      if (stopping_) return;
      seen = generation_;
      // Woken too late: the caller has finished the batch without us.
      if (!batch_open_) continue;
      ++busy_workers_;
    }
    BuildClaimed();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      --busy_workers_;
    }
    work_done_.notify_one();
  }
}

ParallelBuilder::Results ParallelBuilder::Build(const std::vector<IncomingMessage>& messages,
                                                int64_t stored_at_unix_ms) {
  Start(messages, stored_at_unix_ms);
  return Finish();
}

void ParallelBuilder::Start(const std::vector<IncomingMessage>& messages,
                            int64_t stored_at_unix_ms) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    messages_ = &messages;
    stored_at_unix_ms_ = stored_at_unix_ms;
    results_.assign(messages.size(), std::nullopt);
    next_ = 0;
    batch_open_ = true;
    ++generation_;
  }
  if (!workers_.empty()) work_ready_.notify_all();
}

ParallelBuilder::Results ParallelBuilder::Finish() {
  BuildClaimed();
  // Every index is claimed now; wait for the workers still building theirs.
  // A worker that has not joined yet never will (batch_open_).
  std::unique_lock<std::mutex> lock(mutex_);
  batch_open_ = false;
  work_done_.wait(lock, [&] { return busy_workers_ == 0; });
  messages_ = nullptr;
  return std::move(results_);
}

}  // namespace parley::ingest
