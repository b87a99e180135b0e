// Event type from the headline (then the lead paragraph). Pure.
#ifndef PARLEY_EXTRACT_CLASSIFY_H_
#define PARLEY_EXTRACT_CLASSIFY_H_

#include <cstddef>
#include <string>
#include <vector>

#include "extract/tokens.h"
#include "parley/v1/event.pb.h"

namespace parley::extract_internal {

struct TypeDecision {
  v1::EventType type = v1::EVENT_TYPE_UNSPECIFIED;
  size_t begin = 0, end = 0;  // byte span of the deciding words
};

// Event keywords and the priorities of their types are the lexicon's
// event_keyword and event_type classes (lexicon.tsv: staff talks, exercise,
// ceremony, training, agreement, meeting, visit, conference, statement); the
// headline decides first, then the first body sentences. OTHER when nothing
// matches.
TypeDecision ClassifyEvent(const Document& doc);

}  // namespace parley::extract_internal

#endif  // PARLEY_EXTRACT_CLASSIFY_H_
