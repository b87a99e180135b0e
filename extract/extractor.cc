#include "extract/extractor.h"

namespace parley {

absl::StatusOr<v1::Event> ExtractEvent(const NormalizedArticle& article,
                                       const ExtractOptions& options) {
  v1::Event event;
  event.set_title(article.title);
  event.set_published_date(article.published);
  event.set_extractor_version(kExtractorVersion);
  return event;
}

}  // namespace parley
