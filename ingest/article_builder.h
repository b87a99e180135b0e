// Turns one consumed message into the records Parley stores: decode,
// normalise, extract, resolve participant identities, and list where every
// fact came from. Pure: no I/O, no clock.
#ifndef PARLEY_INGEST_ARTICLE_BUILDER_H_
#define PARLEY_INGEST_ARTICLE_BUILDER_H_

#include <functional>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "extract/article.h"
#include "extract/extractor.h"
#include "ingest/message.h"
#include "parley/records.pb.h"
#include "parley/v1/event.pb.h"
#include "storage/store.h"

namespace parley::ingest {

struct BuildOptions {
  DecodeOptions decode;
  ExtractOptions extract;
  // When set, told how long decoding, extraction and identity resolution of
  // each article took (parleyd's latency histogram). The only clock this
  // file reads, and only when set.
  std::function<void(absl::Duration)> observe_extraction;
};

struct BuiltArticle {
  records::StoredArticle article;
  v1::Event event;
};

// Errors are permanent (the message itself is bad): INVALID_ARGUMENT from
// decoding, or whatever extraction reports.
absl::StatusOr<BuiltArticle> BuildArticle(const IncomingMessage& message,
                                          const BuildOptions& options);

// BuildArticle, stamped as stored at `stored_at_unix_ms` and encoded for the
// store (storage::EncodeArticle): what ingest's building threads hand its
// single writer, so that encoding is done in parallel too.
absl::StatusOr<storage::EncodedArticle> BuildEncodedArticle(const IncomingMessage& message,
                                                            const BuildOptions& options,
                                                            int64_t stored_at_unix_ms);

// Gives every participant a stable resource name, "participants/{person key
// of the name}" (identity/person_key.h), and links quotes to the participant
// who said them. Queries then join the ids that name one person
// (identity/links.h).
void ResolveIdentities(v1::Event& event);

// Every fact of the event with its span, in a stable order ("type",
// "start_date", "participants[0].name", "quotes[1].speaker", ...).
std::vector<v1::FactSource> CollectFactSources(const v1::Event& event);

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_ARTICLE_BUILDER_H_
