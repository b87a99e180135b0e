// Tokens and sentences of a normalised article: the shared substrate of all
// extraction rules. Pure; byte offsets into NormalizedArticle::text.
#ifndef PARLEY_EXTRACT_TOKENS_H_
#define PARLEY_EXTRACT_TOKENS_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "extract/article.h"

namespace parley::extract_internal {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct };

struct Token {
  std::string_view text;
  // Byte offsets into the article text. 32 bits, which NormalizedArticle
  // texts are far below, so that a token takes 40 bytes, not 48: every rule
  // walks the tokens, and the smaller array stays longer in the cache.
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t flags = 0;      // WordFlag bits (extract/lexicon.h)
  int sentence = 0;
  TokenKind kind = TokenKind::kPunct;
  bool cap = false;        // starts with an upper-case letter
  bool all_caps = false;   // every letter upper case (and >= 1 letter)
  bool upper_inside = false;  // an ASCII capital after the first byte ("McCain", "NATO")
  bool in_quote = false;   // inside a direct quotation
  bool space_before = false;
  bool credit = false;     // source credit or byline prefix ("SOURCE: PTI")
  // "today", "yesterday" (or capitalised): words that start a date. In the
  // byte the fields above leave free; set with the flags, so that a sentence
  // can say whether it may hold a date.
  bool relative_day = false;

  // Compares sizes first and memcmp's a literal's constant length inline:
  // rules call this for nearly every token.
  bool Is(std::string_view s) const {
    return text.size() == s.size() && std::memcmp(text.data(), s.data(), s.size()) == 0;
  }
  bool Has(uint32_t flag) const { return (flags & flag) != 0; }
  bool IsWord() const { return kind == TokenKind::kWord; }
  // Text without a trailing abbreviation period ("Lt." -> "Lt").
  std::string_view Bare() const {
    return (text.size() > 1 && text.back() == '.') ? text.substr(0, text.size() - 1)
                                                   : text;
  }
};

static_assert(sizeof(Token) <= 40, "keep Token small: every rule walks the tokens");

struct Sentence {
  size_t begin = 0;  // byte range in the article text
  size_t end = 0;
  int first_token = 0;  // [first_token, last_token) in Document::tokens
  int last_token = 0;
  int paragraph = 0;
  ParagraphKind kind = ParagraphKind::kBody;
  // Index of the sentence within its paragraph.
  int index_in_paragraph = 0;
  // A credit line ("SOURCE: PTI", "By Mass Communication Specialist …").
  bool credit = false;
  // Reports another time than the event's ("Last week, …", "In January, …").
  bool time_shifted = false;
  // The OR of its tokens' flags: a rule that needs a token of some class
  // skips, with one test, the many sentences that have none.
  uint32_t flags = 0;
  bool Has(uint32_t flag) const { return (flags & flag) != 0; }
  // Whether a token may start a date: a number, a month or weekday name, or
  // a relative day (a superset of what FindDates tries), so that the date
  // scan skips the sentences that have none.
  bool may_hold_date = false;
};

// A direct quotation: byte ranges of the marks-included span and the inner text.
struct QuoteSpan {
  size_t begin = 0;
  size_t end = 0;
  size_t inner_begin = 0;
  size_t inner_end = 0;
  int paragraph = 0;
};

struct Document {
  const NormalizedArticle* article = nullptr;
  std::string_view text;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<QuoteSpan> quotes;

  std::string_view Slice(size_t begin, size_t end) const {
    return text.substr(begin, end - begin);
  }
  std::string_view TokenRange(int first, int last) const {  // [first, last)
    return Slice(tokens[first].begin, tokens[last - 1].end);
  }
};

// Finds quotation spans (“…”, "…", mixed) in each paragraph.
std::vector<QuoteSpan> FindQuoteSpans(const NormalizedArticle& article);

// Tokenises every paragraph and splits it into sentences, aware of
// abbreviations ("Lt. Gen.", "Feb.", "U.S.") and initials.
Document BuildDocument(const NormalizedArticle& article);
// The same into *doc, whose arrays keep their storage: a caller that builds
// one document after another (one per thread) then allocates none of them.
void BuildDocumentInto(const NormalizedArticle& article, Document* doc);

// Decodes one UTF-8 code point at text[*pos], advancing *pos. Invalid bytes
// yield U+FFFD and advance by one.
inline int32_t DecodeCodePoint(std::string_view text, size_t* pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t i = *pos;
  unsigned char b = s[i];
  if (b < 0x80) {
    *pos = i + 1;
    return b;
  }
  int len = (b >= 0xF0) ? 4 : (b >= 0xE0) ? 3 : (b >= 0xC0) ? 2 : 0;
  if (len == 0 || i + len > text.size()) {
    *pos = i + 1;
    return 0xFFFD;
  }
  int32_t c = b & (0x3F >> (len - 1));
  for (int k = 1; k < len; ++k) {
    if ((s[i + k] & 0xC0) != 0x80) {
      *pos = i + 1;
      return 0xFFFD;
    }
    c = (c << 6) | (s[i + k] & 0x3F);
  }
  *pos = i + len;
  return c;
}


}  // namespace parley::extract_internal

#endif  // PARLEY_EXTRACT_TOKENS_H_
