// Topics: the subjects an event discussed, as the article writes them. Pure.
#ifndef PARLEY_EXTRACT_TOPICS_H_
#define PARLEY_EXTRACT_TOPICS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "extract/tokens.h"

namespace parley::extract_internal {

struct FoundTopic {
  std::string name;
  size_t begin = 0, end = 0;
};

// The subjects an event discussed, one noun phrase each, outside quotations:
// the objects of discussion verbs ("discussed A, B and C"), of cue words and
// their prepositions ("focused on A", "a briefing on A", "was briefed by X,
// …, on A"), of a cue noun's link verb ("The discussion included A"), the
// subject of a passive ("A was also discussed"), and "including" or "such
// as" lists after a topic noun ("issues, including A and B"). Lists are cut
// at commas, "as well as" and the "and"s that join topics; times ("on
// Thursday"), circumstances ("on the sidelines") and fillers ("a range of
// issues") are no topics.
std::vector<FoundTopic> FindTopics(const Document& doc);

}  // namespace parley::extract_internal

#endif  // PARLEY_EXTRACT_TOPICS_H_
