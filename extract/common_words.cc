#include "extract/common_words.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "extract/lexicon.h"
#include "extract/word_table.h"

namespace parley::extract_internal {

// The dictionary file's text (extract/CMakeLists.txt).
extern const std::string_view kCommonWordsText;

namespace {

constexpr uint8_t kLowerEntry = 1;    // listed in lower case: "plan", "leaves"
constexpr uint8_t kCapitalEntry = 2;  // listed capitalised: "Rose", "Smith"

// Lower-cased word -> kLowerEntry | kCapitalEntry. The table is built from
// views of `lowered`, a copy of the text whose capitalised entries have
// their first letter lower-cased (the rest of a plain entry is lower case
// already), so that reading the list allocates nothing per word.
const WordTable<uint8_t>& Words() {
  static const auto* words = [] {
    std::string lowered(kCommonWordsText);
    std::vector<std::pair<std::string_view, uint8_t>> entries;
    entries.reserve(kCommonWordsText.size() / 8);
    char* text = lowered.data();
    size_t size = lowered.size();
    for (size_t start = 0; start < size;) {
      const void* nl = std::memchr(text + start, '\n', size - start);
      size_t end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - text) : size;
      size_t line_start = start;
      start = end + 1;
      if (end == line_start) continue;  // empty line
      // Plain entries only: "marten's" is a form of "marten".
      bool plain = true;
      for (size_t k = line_start + 1; k < end; ++k) {
        char ch = text[k];
        plain &= (ch >= 'a' && ch <= 'z') || ch == '-';
      }
      if (!plain) continue;
      char first = text[line_start];
      uint8_t kind = 0;
      if (first >= 'a' && first <= 'z') {
        kind = kLowerEntry;
      } else if (first >= 'A' && first <= 'Z') {
        kind = kCapitalEntry;
        text[line_start] = static_cast<char>(first - 'A' + 'a');
      } else {
        continue;
      }
      entries.emplace_back(std::string_view(text + line_start, end - line_start), kind);
    }
    return new WordTable<uint8_t>(entries, [](uint8_t& kinds, uint8_t kind) { kinds |= kind; });
  }();
  return *words;
}

uint8_t Kinds(std::string_view word) {
  char buf[64];
  std::string_view lower = LowerInto(word, buf);
  // Empty for an empty word or one longer than the buffer: no entry is.
  if (lower.empty()) return 0;
  const uint8_t* kinds = Words().Find(lower);
  return kinds == nullptr ? 0 : *kinds;
}

}  // namespace

bool IsCommonWord(std::string_view word) { return (Kinds(word) & kLowerEntry) != 0; }

bool IsAlsoAName(std::string_view word) { return (Kinds(word) & kCapitalEntry) != 0; }

bool IsOnlyCommonWord(std::string_view word) { return Kinds(word) == kLowerEntry; }

CommonWordKinds LookupCommonWord(std::string_view word) {
  uint8_t kinds = Kinds(word);
  return {(kinds & kLowerEntry) != 0, (kinds & kCapitalEntry) != 0};
}

}  // namespace parley::extract_internal
