#include "ingest/handler.h"

#include "absl/strings/str_cat.h"
#include "common/log.h"
#include "common/status_macros.h"
#include "common/string_view.h"
#include "extract/article.h"

namespace parley::ingest {
namespace {

records::SourcePosition PositionOf(const IncomingMessage& message) {
  records::SourcePosition position;
  position.set_topic(message.topic);
  position.set_partition(message.partition);
  position.set_offset(message.offset);
  return position;
}

}  // namespace

absl::Status IngestHandler::DeadLetter(const IncomingMessage& message,
                                       std::string_view reason) {
  absl::Status sent = dead_letters_.Send(message, reason);
  if (!sent.ok()) {
    ++counters_.transient_errors;
    return sent;
  }
  absl::Status recorded = store_.RecordConsumed(PositionOf(message));
  if (!recorded.ok()) {
    ++counters_.transient_errors;
    return recorded;
  }
  ++counters_.dead_lettered;
  LogWarning(absl::StrCat("dead-lettered ", message.topic, "/", message.partition, "@",
                          message.offset, ": ", ToAbsl(reason)));
  return absl::OkStatus();
}

absl::Status IngestHandler::Delete(const IncomingMessage& message) {
  if (message.key.empty()) return DeadLetter(message, "tombstone without a key");
  if (!IsValidArticleId(message.key)) {
    return DeadLetter(message, absl::StrCat("tombstone key \"", message.key,
                                            "\" is not a valid article id"));
  }
  absl::Status deleted = store_.DeleteArticle(message.key, PositionOf(message));
  if (!deleted.ok()) {
    ++counters_.transient_errors;
    return deleted;
  }
  ++counters_.articles_deleted;
  return absl::OkStatus();
}

absl::Status IngestHandler::Handle(const IncomingMessage& message, int64_t now_unix_ms) {
  if (message.tombstone) return HandleBuilt(message, nullptr);
  absl::StatusOr<storage::EncodedArticle> built =
      BuildEncodedArticle(message, options_, now_unix_ms);
  return HandleBuilt(message, &built);
}

absl::Status IngestHandler::HandleBuilt(const IncomingMessage& message,
                                        const absl::StatusOr<storage::EncodedArticle>* built) {
  if (!message.tombstone && built->ok()) {
    const storage::EncodedArticle* one[] = {&**built};
    return StoreArticles(one);
  }
  ++counters_.messages;
  if (message.tombstone) return Delete(message);
  return DeadLetter(message, ToStd(built->status().message()));
}

absl::Status IngestHandler::StoreArticles(
    std::span<const storage::EncodedArticle* const> articles) {
  counters_.messages += articles.size();
  absl::Status written = store_.WriteArticles(articles);
  if (!written.ok()) {
    ++counters_.transient_errors;
    return written;
  }
  counters_.articles_stored += articles.size();
  return absl::OkStatus();
}

}  // namespace parley::ingest
