#include "ingest/reindexer.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/log.h"
#include "common/status_macros.h"
#include "extract/extractor.h"

namespace parley::ingest {
namespace {

// The message an article was built from, as it was consumed.
IncomingMessage MessageOf(const records::StoredArticle& article) {
  IncomingMessage message;
  message.topic = article.source().topic();
  message.partition = article.source().partition();
  message.offset = article.source().offset();
  message.key = article.raw_key();
  message.value = article.raw_value();
  return message;
}

}  // namespace

Reindexer::Reindexer(storage::Store& store, ReindexOptions options)
    : store_(store), options_(std::move(options)) {
  if (options_.target_version == 0) options_.target_version = kExtractorVersion;
  if (!options_.build) {
    options_.build = [](const IncomingMessage& message) {
      return BuildArticle(message, BuildOptions{});
    };
  }
  if (options_.checkpoint_every <= 0) options_.checkpoint_every = 256;
}

absl::StatusOr<records::ReindexProgress> Reindexer::StartingPoint() {
  PARLEY_ASSIGN_OR_RETURN(std::optional<records::ReindexProgress> stored,
                          store_.GetReindexProgress());
  if (stored && !stored->finished() && stored->target_version() == options_.target_version &&
      stored->all() == options_.all) {
    return *stored;
  }
  records::ReindexProgress fresh;
  fresh.set_target_version(options_.target_version);
  fresh.set_all(options_.all);
  return fresh;
}

absl::StatusOr<bool> Reindexer::RebuildOne(const std::string& article_id) {
  absl::StatusOr<bool> changed = store_.RebuildArticle(
      article_id,
      [&](const records::StoredArticle& article, const v1::Event& current)
          -> absl::StatusOr<std::optional<storage::RebuiltArticle>> {
        if (!options_.all && current.extractor_version() == options_.target_version) {
          return std::nullopt;
        }
        absl::StatusOr<BuiltArticle> built = options_.build(MessageOf(article));
        if (!built.ok()) {
          LogWarning(absl::StrCat("reindex: article ", article_id,
                                  " no longer builds, left as it is: ",
                                  built.status().ToString()));
          return std::nullopt;
        }
        built->article.set_stored_at_unix_ms(article.stored_at_unix_ms());
        return storage::RebuiltArticle{std::move(built->article), std::move(built->event)};
      });
  if (absl::IsNotFound(changed.status())) return false;  // deleted meanwhile
  return changed;
}

absl::StatusOr<ReindexReport> Reindexer::Run(
    const std::atomic<bool>& stop, const std::function<void(const ReindexReport&)>& on_progress) {
  ReindexReport report;
  PARLEY_ASSIGN_OR_RETURN(report.progress, StartingPoint());
  report.articles_total = static_cast<int64_t>(store_.EstimateCount(storage::Family::kArticles));
  records::ReindexProgress& progress = report.progress;
  while (!stop) {
    // The next ids after the checkpoint; rebuilt outside the scan so that no
    // iterator is held across writes.
    std::vector<std::string> ids;
    std::string seek = progress.last_article_id().empty()
                           ? std::string()
                           : progress.last_article_id() + std::string(1, '\0');
    PARLEY_RETURN_IF_ERROR(store_.Scan(storage::Family::kArticles, "", seek,
                                       [&](std::string_view key, std::string_view) {
                                         ids.emplace_back(key);
                                         return ids.size() < static_cast<size_t>(
                                                                 options_.checkpoint_every);
                                       }));
    if (ids.empty()) {
      progress.set_finished(true);
      break;
    }
    for (const std::string& id : ids) {
      if (stop) break;
      PARLEY_ASSIGN_OR_RETURN(bool changed, RebuildOne(id));
      progress.set_articles_done(progress.articles_done() + 1);
      if (changed) progress.set_articles_reextracted(progress.articles_reextracted() + 1);
      progress.set_last_article_id(id);
    }
    PARLEY_RETURN_IF_ERROR(store_.PutReindexProgress(progress));
    report.articles_total = std::max<int64_t>(report.articles_total, progress.articles_done());
    if (on_progress) on_progress(report);
  }
  PARLEY_RETURN_IF_ERROR(store_.PutReindexProgress(progress));
  if (on_progress) on_progress(report);
  return report;
}

}  // namespace parley::ingest
