#include "ingest/handler.h"

#include "absl/strings/str_cat.h"
#include "common/log.h"
#include "common/status_macros.h"

namespace parley::ingest {

absl::Status IngestHandler::Handle(const IncomingMessage& message, int64_t now_unix_ms) {
  ++counters_.messages;
  absl::StatusOr<BuiltArticle> built = BuildArticle(message, options_);
  if (!built.ok()) {
    std::string reason(built.status().message());
    absl::Status sent = dead_letters_.Send(message, reason);
    if (!sent.ok()) {
      ++counters_.transient_errors;
      return sent;
    }
    records::SourcePosition position;
    position.set_topic(message.topic);
    position.set_partition(message.partition);
    position.set_offset(message.offset);
    absl::Status recorded = store_.RecordConsumed(position);
    if (!recorded.ok()) {
      ++counters_.transient_errors;
      return recorded;
    }
    ++counters_.dead_lettered;
    LogWarning(absl::StrCat("dead-lettered ", message.topic, "/", message.partition, "@",
                            message.offset, ": ", reason));
    return absl::OkStatus();
  }
  built->article.set_stored_at_unix_ms(now_unix_ms);
  absl::Status written = store_.WriteArticle(built->article, built->event);
  if (!written.ok()) {
    ++counters_.transient_errors;
    return written;
  }
  ++counters_.articles_stored;
  return absl::OkStatus();
}

}  // namespace parley::ingest
