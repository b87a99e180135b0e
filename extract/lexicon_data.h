// Build-time generated data (see extract/CMakeLists.txt): the text of
// extract/data/lexicon.tsv, parsed by BuiltinLexicon() (extract/lexicon.h).
#ifndef PARLEY_EXTRACT_LEXICON_DATA_H_
#define PARLEY_EXTRACT_LEXICON_DATA_H_

#include <string_view>

namespace parley::extract_internal {

extern const std::string_view kLexiconTsv;

}  // namespace parley::extract_internal

#endif  // PARLEY_EXTRACT_LEXICON_DATA_H_
