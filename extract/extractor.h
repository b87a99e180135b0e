// Extraction: a pure function from a normalised article to its event.
#ifndef PARLEY_EXTRACT_EXTRACTOR_H_
#define PARLEY_EXTRACT_EXTRACTOR_H_

#include "absl/status/statusor.h"
#include "extract/article.h"
#include "parley/v1/event.pb.h"

namespace parley {

// Bumped whenever extraction output can change; stored with every event so
// that stored articles can be re-extracted by a newer extractor. Version 1
// covered every rule set before the fingerprint below existed; from 2 on, a
// version names exactly one output.
inline constexpr int kExtractorVersion = 7;

// What version kExtractorVersion produces: the fingerprint (FNV-1a 64, hex)
// of parley-extract's output over the articles in
// extract/data/fingerprint_articles.txt. parley_extractor_fingerprint_test
// fails when the output moves without it: then bump kExtractorVersion and
// record what this prints:
//   build/tools/parley-extract --fingerprint
//       --list extract/data/fingerprint_articles.txt --articles ../shared/corpus/pool
inline constexpr char kExtractorFingerprint[] = "53105536dbe6e498";

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
