#include "extract/common_words.h"

#include <string>

#include "absl/container/flat_hash_set.h"
#include "extract/lexicon.h"

namespace parley::extract_internal {

// The dictionary file's text (extract/CMakeLists.txt).
extern const std::string_view kCommonWordsText;

namespace {

struct Dictionary {
  absl::flat_hash_set<std::string> lower;     // "plan", "leaves"
  absl::flat_hash_set<std::string> capitals;  // "rose", "smith" (lower-cased)
};

const Dictionary& Words() {
  static const auto* words = [] {
    auto* d = new Dictionary;
    for (std::string_view line : Split(kCommonWordsText, '\n', /*skip_empty=*/true)) {
      // Plain entries only: "marten's" is a form of "marten".
      bool plain = true;
      for (char ch : line.substr(1)) plain &= (ch >= 'a' && ch <= 'z') || ch == '-';
      char first = line[0];
      if (!plain) continue;
      if (first >= 'a' && first <= 'z') d->lower.insert(std::string(line));
      if (first >= 'A' && first <= 'Z') d->capitals.insert(Lower(line));
    }
    return d;
  }();
  return *words;
}

}  // namespace

bool IsCommonWord(std::string_view word) {
  char buf[64];
  std::string_view lower = LowerInto(word, buf);
  return !lower.empty() && Words().lower.contains(absl::string_view(lower.data(), lower.size()));
}

bool IsAlsoAName(std::string_view word) {
  char buf[64];
  std::string_view lower = LowerInto(word, buf);
  return !lower.empty() &&
         Words().capitals.contains(absl::string_view(lower.data(), lower.size()));
}

}  // namespace parley::extract_internal
