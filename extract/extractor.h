// Extraction: a pure function from a normalised article to its event.
#ifndef PARLEY_EXTRACT_EXTRACTOR_H_
#define PARLEY_EXTRACT_EXTRACTOR_H_

#include "absl/status/statusor.h"
#include "extract/article.h"
#include "parley/v1/event.pb.h"

namespace parley {

// Bumped whenever extraction output can change; stored with every event so
// that stored articles can be re-extracted by a newer extractor.
inline constexpr int kExtractorVersion = 1;

struct ExtractOptions {};

// Extracts the event the article reports. Fills type, dates, locations,
// participants, organisations, countries, quotes, topics, mentioned people,
// title, published_date and extractor_version, every fact with its span (code
// points into article.text). Leaves resource names (name, article,
// participant references) to the caller. "Nothing found" is an empty field,
// not an error.
absl::StatusOr<v1::Event> ExtractEvent(const NormalizedArticle& article,
                                       const ExtractOptions& options);

}  // namespace parley

#endif  // PARLEY_EXTRACT_EXTRACTOR_H_
