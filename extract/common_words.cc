#include "extract/common_words.h"

#include <cstdint>
#include <cstring>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "extract/lexicon.h"

namespace parley::extract_internal {

// The dictionary file's text (extract/CMakeLists.txt).
extern const std::string_view kCommonWordsText;

namespace {

constexpr uint8_t kLowerEntry = 1;    // listed in lower case: "plan", "leaves"
constexpr uint8_t kCapitalEntry = 2;  // listed capitalised: "Rose", "Smith"

// HashWord (lexicon.h): cheaper than absl::Hash for the ~100,000
// insertions made inside the first extraction.
struct WordHash {
  size_t operator()(std::string_view word) const { return HashWord(word); }
};

// Lower-cased word -> kLowerEntry | kCapitalEntry. Keys view `lowered`, a
// copy of the text whose capitalised entries have their first letter
// lower-cased (the rest of a plain entry is lower case already), so that
// building the table allocates nothing per word.
struct Dictionary {
  std::string lowered;
  absl::flat_hash_map<std::string_view, uint8_t, WordHash> words;
};

const Dictionary& Words() {
  static const auto* words = [] {
    auto* d = new Dictionary;
    d->lowered = std::string(kCommonWordsText);
    d->words.reserve(kCommonWordsText.size() / 8);
    char* text = d->lowered.data();
    size_t size = d->lowered.size();
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
      d->words[std::string_view(text + line_start, end - line_start)] |= kind;
    }
    return d;
  }();
  return *words;
}

uint8_t Kinds(std::string_view word) {
  char buf[64];
  std::string_view lower = LowerInto(word, buf);
  // Empty for an empty word or one longer than the buffer: no entry is.
  if (lower.empty()) return 0;
  const auto& words = Words().words;
  auto it = words.find(lower);
  return it == words.end() ? 0 : it->second;
}

}  // namespace

bool IsCommonWord(std::string_view word) { return (Kinds(word) & kLowerEntry) != 0; }

bool IsAlsoAName(std::string_view word) { return (Kinds(word) & kCapitalEntry) != 0; }

}  // namespace parley::extract_internal
