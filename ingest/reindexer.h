// Re-extraction of the stored articles from the raw messages the store keeps,
// when the extractor has changed: no Kafka replay. Runs offline (`parleyd
// reindex`) or online next to ingest and queries (the admin RPC): each
// article is rebuilt under the store's write lock (Store::RebuildArticle),
// so a newer version that ingest writes meanwhile always wins. Progress is
// kept in the store every few hundred articles, so an interrupted run
// resumes; redoing the articles after the last checkpoint changes nothing,
// because an article whose event comes out the same is not written.
#ifndef PARLEY_INGEST_REINDEXER_H_
#define PARLEY_INGEST_REINDEXER_H_

#include <atomic>
#include <cstdint>
#include <functional>

#include "absl/status/statusor.h"
#include "ingest/article_builder.h"
#include "parley/records.pb.h"
#include "storage/store.h"

namespace parley::ingest {

// Builds an article and its event from a message, as ingest does.
using ArticleBuildFn = std::function<absl::StatusOr<BuiltArticle>(const IncomingMessage&)>;

struct ReindexOptions {
  // Re-extract every article, not only those whose event was made by
  // another extractor version.
  bool all = false;
  // The version events are brought to. Default: this build's extractor.
  int target_version = 0;
  // Default: BuildArticle with default options.
  ArticleBuildFn build;
  // Articles between two progress checkpoints. Default 256.
  int checkpoint_every = 256;
};

struct ReindexReport {
  records::ReindexProgress progress;
  // The store's estimate of the number of articles.
  int64_t articles_total = 0;
};

class Reindexer {
 public:
  // `store` must outlive the reindexer.
  Reindexer(storage::Store& store, ReindexOptions options);

  // Runs the unfinished run for these options, or a new one, until every
  // article is done or `stop` is set; `on_progress` is called at each
  // checkpoint. Articles that no longer build are left as they are and
  // logged. Errors are the store's.
  absl::StatusOr<ReindexReport> Run(const std::atomic<bool>& stop,
                                    const std::function<void(const ReindexReport&)>& on_progress);

 private:
  // The stored run to resume, or a new one.
  absl::StatusOr<records::ReindexProgress> StartingPoint();
  // Re-extracts one article; true when its event changed.
  absl::StatusOr<bool> RebuildOne(const std::string& article_id);

  storage::Store& store_;
  ReindexOptions options_;
};

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_REINDEXER_H_
