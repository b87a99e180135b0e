// Unicode text helpers shared by extraction, search indexes and scoring.
// Pure functions; no I/O.
#ifndef PARLEY_COMMON_TEXT_H_
#define PARLEY_COMMON_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

// Folds text for comparison: NFKD, combining marks removed, typographic
// quotes and dashes made plain, case folded, whitespace runs collapsed to one
// space and trimmed. "Jeong-hwan PARK" and "jeong-hwan Park" fold equal, as
// do "Bogotá" and "Bogota". Invalid UTF-8 is replaced by U+FFFD first.
std::string FoldForMatch(std::string_view text);

// A URL- and key-safe identifier: FoldForMatch, then every run of characters
// other than [a-z0-9] becomes one '-'. "Su-Kwang Kim" -> "su-kwang-kim".
std::string Slugify(std::string_view text);

// Number of code points in utf8[0, byte_offset). byte_offset is clamped to
// the string's size.
int32_t CodePointOffset(std::string_view utf8, size_t byte_offset);

// True when text is well-formed UTF-8.
bool IsValidUtf8(std::string_view text);

// Answers CodePointOffset for many byte offsets into one text. It keeps a
// count every 64 bytes, so building it is one pass over the text and each
// answer counts at most 63 bytes: the many spans of a long article stay cheap
// without a table as large as the text.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view utf8);
  int32_t operator()(size_t byte_offset) const;

 private:
  static constexpr size_t kStride = 64;
  std::string_view text_;
  std::vector<int32_t> checkpoints_;  // code points in text_[0, k * kStride)
};

}  // namespace parley

#endif  // PARLEY_COMMON_TEXT_H_
