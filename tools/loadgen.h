// parley_loadgen: scale data for benchmarks, built from real pool articles.
//
// Each generated article is a pool article (a "template") with a new unique
// id, a new publication date, and its participants and event places
// replaced by drawn ones, so that a store of a million events has the
// fan-out of a real one: tens of thousands of distinct people whose mention
// counts follow a Zipf law, places spread over the pool's gazetteer hits,
// dates spread over a decade. Names are replaced as text (full name, first
// and last name, last name alone), so the extractor finds the new people
// exactly where it found the old ones, with their ranks and titles kept.
//
// Pure: no I/O. The same templates, names and seed give the same articles.
#ifndef PARLEY_TOOLS_LOADGEN_H_
#define PARLEY_TOOLS_LOADGEN_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace parley::loadgen {

// A pool article and what the extractor found in it.
struct Template {
  std::string id;
  std::string envelope;             // the article envelope as JSON
  std::vector<std::string> people;  // participants' full names as written
  std::vector<std::string> places;  // the event's location names
};

// Decodes and extracts one envelope (the pool's <id>.json contents).
absl::StatusOr<Template> MakeTemplate(std::string_view id, std::string_view envelope);

// The parts generated names and places are drawn from.
struct NameParts {
  std::vector<std::string> first;  // given names, e.g. "Francesco"
  std::vector<std::string> last;   // family names, e.g. "Diella"
  std::vector<std::string> places;
};

// Distinct given and family names of the templates' people and their
// places, sorted. Initials, suffixes ("Jr.") and non-ASCII words are left
// out so that every part is a word the text replacement can bound.
NameParts CollectNameParts(const std::vector<Template>& templates);

// Draws ranks 0..n-1 with P(rank r) proportional to 1 / (r + 1)^exponent.
class ZipfSampler {
 public:
  ZipfSampler(int64_t n, double exponent);
  // `uniform` is in [0, 1).
  int64_t Sample(double uniform) const;
  int64_t size() const { return static_cast<int64_t>(cumulative_.size()); }

 private:
  std::vector<double> cumulative_;
};

// Replaces every word-bounded occurrence of each pair's first string by its
// second, in one pass: at each position the longest match wins and
// replaced text is never matched again. Word bounds are ASCII: a match may
// not touch an ASCII letter or digit on either side.
std::string ReplaceWords(std::string_view text,
                         const std::vector<std::pair<std::string, std::string>>& pairs);

// The (old, new) text pairs that turn person `from` into `to`: the full
// name, its first and last words, and the last word alone (when it is long
// enough not to be an initial or a common short word).
std::vector<std::pair<std::string, std::string>> NamePairs(std::string_view from,
                                                           std::string_view to);

struct Options {
  uint64_t seed = 1;
  // Distinct people to draw from; 0 picks max(100, count / 20).
  int64_t people = 0;
  // Expected number of articles, used only for the default of `people`.
  int64_t count = 0;
  // Zipf exponent of mention counts. With the pool's ~1.4 participants per
  // article, 0.95 puts the most frequent person in about a tenth of the
  // articles (9% at 50,000 people, 12% at 5,000).
  double zipf_exponent = 0.95;
};

class Generator {
 public:
  static absl::StatusOr<Generator> Create(std::vector<Template> templates, NameParts parts,
                                          const Options& options);

  // Article number `index` as "id<TAB>envelope" (one line, no newline): the
  // key-delimited form kcat -K'\t' publishes. Depends only on the seed and
  // the index, so ranges can be generated in any order.
  std::string Article(int64_t index) const;

  // The name of person `rank` (0 = the most frequently drawn).
  std::string PersonName(int64_t rank) const;
  int64_t people() const { return zipf_.size(); }

 private:
  Generator(std::vector<Template> templates, NameParts parts, const Options& options,
            int64_t people);

  std::vector<Template> templates_;
  NameParts parts_;
  Options options_;
  ZipfSampler zipf_;
  uint64_t name_stride_ = 1;  // permutes ranks over first x last pairs
};

// What the extractor finds in generated articles: how many distinct people
// and how often the most frequent one appears.
struct Report {
  int64_t articles = 0;
  int64_t with_people = 0;  // articles with at least one participant
  int64_t mentions = 0;     // participants summed over articles
  absl::flat_hash_map<std::string, int64_t> articles_per_person;

  // Extracts one "id<TAB>envelope" line and counts its participants.
  absl::Status Add(std::string_view line);
  // E.g. "articles 1000, participants 1800 (distinct 950), most frequent
  // \"Ann Lee\" in 101 articles (10.1%)".
  std::string Summary() const;
};

}  // namespace parley::loadgen

#endif  // PARLEY_TOOLS_LOADGEN_H_
