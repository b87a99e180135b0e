// Gold annotations: the hand-made answer for one article, as described in
// ../shared/corpus/README.md ("Gold (*.gold.json)"). Pure: parses a JSON
// string the caller has read; no I/O.
#ifndef PARLEY_EVAL_GOLD_H_
#define PARLEY_EVAL_GOLD_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace parley::eval {

// Absent values (JSON null or a missing key) are held as empty strings, and
// the scorer treats an empty string as "not given" on both the gold and the
// answer side. Strings are kept as written; folding happens when scoring.
struct GoldParticipant {
  std::string name;          // never empty
  std::string rank;          // empty when the gold says null
  std::string role;          // empty when the gold says null
  std::string organization;  // empty when the gold says null
};

struct GoldQuote {
  std::string speaker;      // never empty
  std::string starts_with;  // never empty
};

struct Gold {
  std::string id;
  // Lower-case type name as in the README ("staff_talks"); always one of
  // the ten known types.
  std::string event_type;
  // YYYY-MM-DD, or empty when the gold says null.
  std::string start_date;
  std::string end_date;
  std::vector<std::string> locations;
  std::vector<GoldParticipant> participants;
  std::vector<std::string> mentioned_people;
  std::vector<std::string> organizations;
  // ISO 3166-1 alpha-2 codes as written (the scorer compares them
  // case-insensitively).
  std::vector<std::string> countries;
  std::vector<GoldQuote> quotes;
  std::vector<std::string> topics;
};

// The event type names a gold file may use, in proto enum order
// (meeting = MEETING = 1, ..., other = OTHER = 10).
const std::vector<std::string>& GoldEventTypes();

// Parses one gold file's contents.
//
// Required: "id" (non-empty string), "event" (object) with "type" (one of
// GoldEventTypes()). Optional, null or missing means absent/empty:
// event.start, event.end (strings of the form YYYY-MM-DD), event.locations,
// participants, mentioned_people, organizations, countries, quotes, topics
// (arrays). Each participant needs a non-empty "name"; rank, role and
// organization are strings or null. Each quote needs non-empty "speaker" and
// "starts_with". Unknown keys are ignored.
//
// Errors: INVALID_ARGUMENT for malformed JSON or any violation above; the
// message names the field, e.g. "participants[2].rank: expected a string or
// null". Never throws.
absl::StatusOr<Gold> ParseGold(std::string_view json);

}  // namespace parley::eval

#endif  // PARLEY_EVAL_GOLD_H_
