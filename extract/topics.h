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

// Items of "including A, B, and C" lists outside quotations.
std::vector<FoundTopic> FindTopics(const Document& doc);

}  // namespace parley::extract_internal

#endif  // PARLEY_EXTRACT_TOPICS_H_
