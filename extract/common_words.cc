#include "extract/common_words.h"

#include <string>

#include "absl/container/flat_hash_set.h"
#include "extract/lexicon.h"

namespace parley::extract_internal {

// The dictionary file's text (extract/CMakeLists.txt).
extern const std::string_view kCommonWordsText;

namespace {

const absl::flat_hash_set<std::string>& CommonWords() {
  static const auto* words = [] {
    auto* set = new absl::flat_hash_set<std::string>;
    for (std::string_view line : Split(kCommonWordsText, '\n', /*skip_empty=*/true)) {
      // Lower-case entries only: "Biden" is a proper noun, "marten's" a form.
      bool lower = true;
      for (char ch : line) lower &= (ch >= 'a' && ch <= 'z') || ch == '-';
      if (lower) set->insert(std::string(line));
    }
    return set;
  }();
  return *words;
}

}  // namespace

bool IsCommonWord(std::string_view word) {
  return CommonWords().contains(Lower(word));
}

}  // namespace parley::extract_internal
