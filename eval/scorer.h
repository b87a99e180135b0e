// Scores extracted events against gold annotations, field by field, with the
// matching rules of ../shared/corpus/README.md. Pure: no I/O.
//
// Counting model. For every field and article the scorer counts
//   answered        items the answer gives,
//   gold            items the gold gives,
//   true_positives  answer/gold pairs that match, each gold item and each
//                   answer item used at most once (maximum one-to-one
//                   matching, so the order of the answer's list never costs
//                   a match);
// and these are summed over articles (micro-average):
//   precision = tp / answered, recall = tp / gold, f1 = harmonic mean.
//
// Per field:
//   participants   name matches name (NamesMatch).
//   rank           on matched participants only. answered = matched pairs
//                  whose answer gives a rank, gold = matched pairs whose gold
//                  gives one, tp = pairs where both are given and equal after
//                  FoldForMatch. A rank the gold does not give is a false hit;
//                  a gold rank the answer lacks is a miss; a wrong rank is
//                  both.
//   role,          as rank, but values match by ContainsEitherWay.
//   organization
//   event_type,    single-valued: answered is 1 when the answer gives a value
//   start_date,    (type not EVENT_TYPE_UNSPECIFIED; date non-empty), gold is
//   end_date       1 when the gold gives one (non-null), tp is 1 when both
//                  are given and equal. The enum name lower-cased is the type
//                  ("STAFF_TALKS" <-> "staff_talks"). Absent on both sides
//                  (null gold, empty answer) counts nothing either way: it
//                  is neither rewarded nor punished. Answering a date the
//                  gold leaves null is a false hit.
//   locations,     ContainsEitherWay on the name.
//   organizations,
//   topics
//   countries      ISO codes, equal ignoring ASCII case and surrounding
//                  spaces. An answer country without a code never matches.
//   quotes         QuoteMatches.
// Empty answer strings (an empty location name, participant name, ...)
// count as answered items but never match anything.
// Duplicates in the answer can match only one gold item; the rest are false
// hits.
#ifndef PARLEY_EVAL_SCORER_H_
#define PARLEY_EVAL_SCORER_H_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "eval/gold.h"
#include "parley/v1/event.pb.h"

namespace parley::eval {

enum class Field {
  kParticipants,
  kRank,
  kRole,
  kOrganization,
  kEventType,
  kStartDate,
  kEndDate,
  kLocations,
  kOrganizations,
  kCountries,
  kQuotes,
  kTopics,
};
inline constexpr size_t kFieldCount = 12;

// Every field, in report order.
const std::array<Field, kFieldCount>& AllFields();

// The field's name in reports: "participants", "rank", "role",
// "organization", "event_type", "start_date", "end_date", "locations",
// "organizations", "countries", "quotes", "topics".
std::string_view FieldName(Field field);

// ---- Matching rules (exposed for tests and for other tools) ----

// Name tokens: FoldForMatch, then split on whitespace, commas and periods;
// empty tokens dropped, duplicates collapsed, sorted.
// "Joseph R. Biden, Jr." -> {"biden", "joseph", "jr", "r"}.
std::vector<std::string> NameTokens(std::string_view name);

// True when both names have the same non-empty token set: "Kim Su-Kwang"
// matches "Su-Kwang Kim"; "Diella" does not match "Francesco Diella".
bool NamesMatch(std::string_view answer, std::string_view gold);

// True when, after FoldForMatch, either string contains the other. False
// when either folds to the empty string.
bool ContainsEitherWay(std::string_view answer, std::string_view gold);

// Quote text prepared for prefix comparison: FoldForMatch, double quotes
// removed everywhere, single quotes and spaces trimmed at both ends,
// whitespace collapsed again.
std::string FoldQuoteText(std::string_view text);

// True when the speakers match by NamesMatch and the answer's quote text
// begins with the gold's starts_with (both through FoldQuoteText). A gold
// starts_with that folds to empty never matches.
bool QuoteMatches(const v1::Quote& answer, const GoldQuote& gold);

// ---- Scoring ----

struct FieldCounts {
  int true_positives = 0;
  int answered = 0;
  int gold = 0;
  // Human-readable descriptions of unmatched gold items (misses) and
  // unmatched answer items (false hits), in list order.
  std::vector<std::string> misses;
  std::vector<std::string> false_hits;
};

struct ArticleScore {
  std::string id;  // the gold's id
  std::array<FieldCounts, kFieldCount> fields;

  FieldCounts& operator[](Field field) {
    return fields[static_cast<size_t>(field)];
  }
  const FieldCounts& operator[](Field field) const {
    return fields[static_cast<size_t>(field)];
  }
};

// Compares one extracted event with the gold for its article.
ArticleScore ScoreEvent(const v1::Event& answer, const Gold& gold);

struct FieldMetrics {
  int true_positives = 0;
  int answered = 0;
  int gold = 0;
  // tp / answered, or 0 when nothing was answered.
  double precision = 0;
  // tp / gold, or 0 when the gold is empty.
  double recall = 0;
  // 2PR / (P + R), or 0 when P + R is 0.
  //
  // An empty denominator scores 0 even when both sides are empty (e.g. rank
  // when no participant matched): a score is earned by matches, so an
  // extractor that stops answering can never look like it improved. The
  // counts above tell "nothing to score" apart from "all wrong".
  double f1 = 0;
};

// Micro-averaged metrics over a set of articles.
struct Summary {
  int articles = 0;
  std::array<FieldMetrics, kFieldCount> fields;

  const FieldMetrics& operator[](Field field) const {
    return fields[static_cast<size_t>(field)];
  }
};

// Sums the counts of `scores` and derives the metrics.
Summary Summarize(const std::vector<ArticleScore>& scores);

}  // namespace parley::eval

#endif  // PARLEY_EVAL_SCORER_H_
