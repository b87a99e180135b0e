// English common words, from Debian's wamerican word list compiled in at
// build time: a capitalised word the dictionary lists in lower case
// ("Transformation", "Returns", "Manager") is not a surname on its own.
// Pure.
#ifndef PARLEY_EXTRACT_COMMON_WORDS_H_
#define PARLEY_EXTRACT_COMMON_WORDS_H_

#include <string_view>

namespace parley::extract_internal {

// True when the dictionary lists `word`, lower-cased, as a lower-case word.
// Proper nouns ("Biden", "Kishida", "Hellenic") are not common words.
bool IsCommonWord(std::string_view word);

// True when the dictionary lists `word` capitalised ("Rose", "Young",
// "Smith"): a common word that is also a name.
bool IsAlsoAName(std::string_view word);

// IsCommonWord(word) && !IsAlsoAName(word), with one lookup: a plain English
// word ("Plan", "Leaves"), not also a name ("Rose").
bool IsOnlyCommonWord(std::string_view word);

// Both answers of the dictionary with one lookup (IsCommonWord and
// IsAlsoAName), for rules that need both: the table is large, and each
// lookup is a likely cache miss.
struct CommonWordKinds {
  bool common = false;     // IsCommonWord(word)
  bool also_name = false;  // IsAlsoAName(word)
};
CommonWordKinds LookupCommonWord(std::string_view word);

}  // namespace parley::extract_internal

#endif  // PARLEY_EXTRACT_COMMON_WORDS_H_
