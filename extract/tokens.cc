#include "extract/tokens.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "extract/calendar.h"
#include "extract/lexicon.h"
#include "extract/word_table.h"

namespace parley::extract_internal {
namespace {

bool IsOpenQuote(int32_t c) { return c == 0x201C || c == '"' || c == 0x201E; }
bool IsCloseQuote(int32_t c) { return c == 0x201D || c == '"'; }

inline bool IsLetter(int32_t c) {
  if (c < 0x80) return static_cast<unsigned>((c | 0x20) - 'a') < 26;
  return u_isalpha(c) || u_charType(c) == U_NON_SPACING_MARK;
}
inline bool IsDigit(int32_t c) {
  if (c < 0x80) return static_cast<unsigned>(c - '0') < 10;
  return u_isdigit(c);
}
inline bool IsAlnum(int32_t c) {
  if (c < 0x80) return static_cast<unsigned>((c | 0x20) - 'a') < 26 || static_cast<unsigned>(c - '0') < 10;
  return IsLetter(c) || IsDigit(c);
}
bool IsApostrophe(int32_t c) { return c == '\'' || c == 0x2019; }
bool IsHyphen(int32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

int32_t PeekCodePoint(std::string_view text, size_t pos) {
  if (pos >= text.size()) return -1;
  return DecodeCodePoint(text, &pos);
}

// Abbreviations whose period belongs to the token. The second set never ends
// a sentence (titles, ranks, months, initials).
const absl::flat_hash_set<std::string_view>& Abbreviations() {
  static const auto* set = new absl::flat_hash_set<std::string_view>{
      "Lt", "Gen", "Maj", "Col", "Capt", "Cpt", "Sgt", "Spc", "Pvt", "Cpl",
      "Adm", "Cmdr", "Cdr", "Brig", "Lieut", "Mr", "Ms", "Mrs", "Dr", "Prof",
      "Jr", "Sr", "St", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
      "Sep", "Sept", "Oct", "Nov", "Dec", "Inf", "Div", "Bn", "Co", "Corp",
      "Inc", "Ltd", "No", "Gov", "Sen", "Rep", "Hon", "Rev", "Amb", "Pfc",
      "Ens", "Cmdre", "Sqn", "Ldr", "Flt", "Wg", "Gp", "Fla", "Calif", "Va",
      "Md", "Ga", "Ala", "Ariz", "Ark", "Colo", "Conn", "Del", "Ill", "Ind",
      "Kan", "Ky", "La", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb",
      "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Wash", "Wis", "Wyo", "vs",
      "etc", "Mt", "Ft", "Sgts", "Cmd", "Petty", "Adms", "Gens", "Messrs",
      "Shri", "Smt", "Cde", "Pte", "Bde", "Regt", "Sqdn", "Gd", "Natl",
      "Dept", "Govt", "Assn", "Approx", "approx", "Hon'ble"};
  return *set;
}
const absl::flat_hash_set<std::string_view>& NonFinalAbbreviations() {
  static const auto* set = new absl::flat_hash_set<std::string_view>{
      "Lt", "Gen", "Maj", "Col", "Capt", "Cpt", "Sgt", "Spc", "Pvt", "Cpl",
      "Adm", "Cmdr", "Cdr", "Brig", "Lieut", "Mr", "Ms", "Mrs", "Dr", "Prof",
      "St", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
      "Oct", "Nov", "Dec", "Inf", "No", "Gov", "Sen", "Rep", "Hon", "Rev",
      "Amb", "Pfc", "Ens", "Cmdre", "Sqn", "Ldr", "Flt", "Wg", "Gp", "Mt",
      "Ft", "Shri", "Smt", "Pte", "Petty", "Sgts", "Messrs", "vs"};
  return *set;
}

// Organisation heads after which a hyphen is a separator, not part of a word
// ("Argentina Armed Forces-Teniente General").
bool SplitsAtHyphen(std::string_view left) {
  return left.ends_with("Forces") || left.ends_with("Force") ||
         left.ends_with("Army") || left.ends_with("Navy");
}

// Byte classes for the tokenizer's ASCII fast paths. Every other ASCII byte
// is class 0, so OR-ing the classes of a word's bytes gives its case.
constexpr uint8_t kLowerByte = 1, kUpperByte = 2, kDigitByte = 4, kNonAsciiByte = 8,
                  kSpaceByte = 16;
constexpr uint8_t kAlnumByte = kLowerByte | kUpperByte | kDigitByte;
constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> table{};
  for (int c = 'a'; c <= 'z'; ++c) table[c] = kLowerByte;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = kUpperByte;
  for (int c = '0'; c <= '9'; ++c) table[c] = kDigitByte;
  for (int c = 0x80; c < 0x100; ++c) table[c] = kNonAsciiByte;
  for (int c : {' ', '\n', '\t', '\r'}) table[c] = kSpaceByte;
  return table;
}();

// End of the run of ASCII letters and digits at bytes[from, end), OR-ing
// their kByteClass into *classes. Eight bytes at a time where the text has
// them: word lengths vary, and a byte loop's exit is a mispredicted branch
// per word; one 8-byte step covers most words.
size_t AsciiAlnumRunEnd(const unsigned char* bytes, size_t from, size_t end, uint8_t* classes) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  size_t i = from;
  while (i + 8 <= end) {
    uint64_t x;
    std::memcpy(&x, bytes + i, 8);
    if constexpr (std::endian::native == std::endian::big) x = __builtin_bswap64(x);
    // Per byte, with the high bit as the answer: y >= lo sets it in
    // y + (0x80 - lo), y > hi in y + (0x7F - hi); no byte carries into the
    // next (y < 0x80). Non-ASCII bytes are excluded by ~x.
    uint64_t y = x & ~kHigh;
    auto in = [&](uint64_t lo, uint64_t hi) {
      return (y + (0x80 - lo) * kOnes) & ~(y + (0x7F - hi) * kOnes) & ~x & kHigh;
    };
    uint64_t upper = in('A', 'Z'), lower = in('a', 'z'), digit = in('0', '9');
    uint64_t stop = ~(upper | lower | digit) & kHigh;
    int n = stop == 0 ? 8 : std::countr_zero(stop) / 8;
    uint64_t prefix = n == 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * n)) - 1;
    if (upper & prefix) *classes |= kUpperByte;
    if (lower & prefix) *classes |= kLowerByte;
    if (digit & prefix) *classes |= kDigitByte;
    i += n;
    if (n < 8) return i;
  }
  for (; i < end; ++i) {
    uint8_t byte_class = kByteClass[bytes[i]];
    if (!(byte_class & kAlnumByte)) break;
    *classes |= byte_class;
  }
  return i;
}

// Abbreviations() (kAbbreviation) and NonFinalAbbreviations()
// (kNonFinalAbbreviation) in one WordTable: a word before a period is looked
// up at nearly every sentence end.
constexpr uint8_t kAbbreviation = 1, kNonFinalAbbreviation = 2;
const WordTable<uint8_t>& AbbreviationTable() {
  static const auto* table = [] {
    std::vector<std::pair<std::string_view, uint8_t>> entries;
    for (std::string_view w : Abbreviations()) entries.emplace_back(w, kAbbreviation);
    for (std::string_view w : NonFinalAbbreviations()) entries.emplace_back(w, kNonFinalAbbreviation);
    return new WordTable<uint8_t>(entries, [](uint8_t& kinds, uint8_t kind) { kinds |= kind; });
  }();
  return *table;
}

bool IsAbbreviation(std::string_view w, uint8_t kind) {
  const uint8_t* kinds = AbbreviationTable().Find(w);
  return kinds != nullptr && (*kinds & kind) != 0;
}

// "16th", "2023", "1,200": a token starting with a digit is a number for the
// date rules unless it has letters and is no ordinal ("1LT").
bool IsNumberWord(std::string_view w) {
  bool ordinal = w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd") || w.ends_with("th");
  if (ordinal) return true;
  return std::all_of(w.begin(), w.end(), [](char ch) {
    return (ch >= '0' && ch <= '9') || ch == ',' || ch == '.';
  });
}

bool IsRelativeDay(std::string_view w) {
  // One size test turns away most words before the four comparisons.
  size_t n = w.size();
  return (n == 5 || n == 9) && (w == "today" || w == "Today" || w == "yesterday" || w == "Yesterday");
}

struct Tokenizer {
  std::string_view text;
  std::vector<Token>* out;

  Token& Emit(size_t b, size_t e, TokenKind kind, bool space_before) {
    Token& t = out->emplace_back();  // built in place: tokenising is the hot loop
    t.begin = static_cast<uint32_t>(b);  // CheckArticle bounds the text
    t.end = static_cast<uint32_t>(e);
    t.text = std::string_view(text.data() + b, e - b);
    t.kind = kind;
    t.space_before = space_before;
    return t;
  }

  // cap, all_caps and upper_inside of a word token. `inside` is the OR of
  // kByteClass over the bytes after the first, which the word scan already
  // has for ASCII words (nearly all).
  static void SetCase(Token* t, uint8_t inside) {
    const auto* s = reinterpret_cast<const unsigned char*>(t->text.data());
    size_t n = t->text.size();
    uint8_t first = kByteClass[s[0]];
    t->upper_inside = (inside & kUpperByte) != 0;
    if (((first | inside) & kNonAsciiByte) == 0) {
      t->cap = (first & kUpperByte) != 0;
      t->all_caps = ((first | inside) & kUpperByte) && !((first | inside) & kLowerByte);
      return;
    }
    size_t p = 0;
    int32_t c = DecodeCodePoint(t->text, &p);
    t->cap = c < 0x80 ? (first & kUpperByte) != 0 : u_isupper(c);
    bool any_letter = false, all_upper = true;
    for (size_t k = 0; k < n;) {
      int32_t d = DecodeCodePoint(t->text, &k);
      if (IsLetter(d)) {
        any_letter = true;
        if (d < 0x80 ? (d >= 'a' && d <= 'z') : u_islower(d)) all_upper = false;
      }
    }
    t->all_caps = any_letter && all_upper;
  }

  static uint8_t ClassesOf(std::string_view s, size_t from) {
    uint8_t classes = 0;
    for (size_t q = from; q < s.size(); ++q) classes |= kByteClass[static_cast<unsigned char>(s[q])];
    return classes;
  }

  // Extends a word at the non-alphanumeric code point d at word_end (ending
  // at p): inner hyphens, apostrophes, decimal marks, dotted acronyms and
  // domain names. Returns the new end, or word_end when the word ends here.
  size_t Continue(size_t start, size_t word_end, size_t p, int32_t d, size_t end,
                  bool starts_digit) const {
    // Only these ASCII marks (and some non-ASCII ones) continue a word.
    if (d < 0x80 && d != '-' && d != '\'' && d != '.' && d != ',') return word_end;
    int32_t next = PeekCodePoint(text, p);
    if (IsHyphen(d) && next >= 0 && IsAlnum(next)) {
      if (SplitsAtHyphen(text.substr(start, word_end - start))) return word_end;
      return p;
    }
    if (IsApostrophe(d) && next >= 0 && IsLetter(next)) {
      // Possessive 's stays a separate token.
      size_t q = p;
      int32_t s = DecodeCodePoint(text, &q);
      int32_t after = PeekCodePoint(text, q);
      if ((s == 's' || s == 'S') && (after < 0 || !IsAlnum(after))) return word_end;
      return p;
    }
    if ((d == '.' || d == ',') && starts_digit && next >= 0 && IsDigit(next)) return p;  // 1,200 / 1.5
    if (d == '.' && next >= 0 && IsLetter(next)) return DottedEnd(start, word_end, p, end);
    return word_end;
  }

  // Dotted acronym (U.S / U.S.-India / a.m.) or domain-like word
  // ("IDRW.ORG", "idrw.org": same case on both sides of the dot).
  size_t DottedEnd(size_t start, size_t word_end, size_t p, size_t end) const {
    size_t q = p;
    DecodeCodePoint(text, &q);
    int32_t after = PeekCodePoint(text, q);
    if (word_end - start <= 2 && (after == '.' || after < 0 || !IsAlnum(after))) return q;
    size_t r = p;
    bool right_upper = true, right_lower = true;
    while (r < end) {
      size_t r2 = r;
      int32_t e = DecodeCodePoint(text, &r2);
      if (!IsAlnum(e)) break;
      right_upper &= !(e >= 'a' && e <= 'z');
      right_lower &= !(e >= 'A' && e <= 'Z');
      r = r2;
    }
    bool left_upper = true, left_lower = true;
    for (size_t l = start; l < word_end; ++l) {
      char ch = text[l];
      left_upper &= !(ch >= 'a' && ch <= 'z');
      left_lower &= !(ch >= 'A' && ch <= 'Z');
    }
    if ((left_upper && right_upper) || (left_lower && right_lower)) return r;
    return word_end;
  }

  // Emits the word (or number) starting at `start`, whose first code point c
  // ends at `pos`, and a possessive 's after it; returns where scanning goes on.
  size_t Word(size_t start, size_t pos, int32_t c, size_t end, bool space) {
    bool has_letter = IsLetter(c);
    bool starts_digit = IsDigit(c);
    // OR of the byte classes after the first byte; exact only while the word
    // is scanned byte by byte (`simple`).
    uint8_t classes = c < 0x80 ? 0 : kNonAsciiByte;
    bool simple = true;
    size_t word_end = pos;
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    while (word_end < end) {
      // ASCII letters and digits: no decoding needed.
      word_end = AsciiAlnumRunEnd(bytes, word_end, end, &classes);
      if (word_end == end || (kByteClass[bytes[word_end]] & kSpaceByte)) break;  // the usual end of a word
      size_t p = word_end;
      int32_t d = DecodeCodePoint(text, &p);
      if (IsAlnum(d)) {
        has_letter |= IsLetter(d);
        classes |= kNonAsciiByte;
        word_end = p;
        continue;
      }
      size_t next_end = Continue(start, word_end, p, d, end, starts_digit);
      if (next_end == word_end) break;
      simple = false;
      word_end = next_end;
    }
    has_letter |= (classes & (kLowerByte | kUpperByte)) != 0;
    std::string_view w(text.data() + start, word_end - start);
    // Attach an abbreviation period.
    if (word_end < end && text[word_end] == '.') {
      bool dotted = !simple && w.find('.') != std::string_view::npos;
      bool initial = w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z';
      if (dotted || initial ||
          IsAbbreviation(w, kAbbreviation)) {
        ++word_end;
      }
    }
    Token& t = Emit(start, word_end, has_letter ? TokenKind::kWord : TokenKind::kNumber, space);
    if (has_letter) SetCase(&t, simple ? classes : ClassesOf(t.text, 1));
    if (starts_digit) {
      // "16th", "2023" etc. are numbers for date rules; keep kind by letters.
      if (IsNumberWord(w)) t.kind = TokenKind::kNumber;
      t.cap = false;
    }
    // Here rather than in a pass of its own: the token is at hand, and
    // whether it is a word is known from the branches above.
    if (t.kind == TokenKind::kWord) {
      // Only a word joined across a mark (`simple` false) can hold a '-'.
      t.flags = ComputeWordFlags(t, /*may_have_hyphen=*/!simple);
      t.relative_day = IsRelativeDay(t.text);
    }
    return PossessiveAfter(word_end, end);
  }

  // Possessive 's as its own token.
  size_t PossessiveAfter(size_t pos, size_t end) {
    if (pos >= end) return pos;
    unsigned char b = static_cast<unsigned char>(text[pos]);
    if (b != '\'' && b != 0xE2) return pos;  // U+2019 starts with E2
    size_t p = pos;
    if (!IsApostrophe(DecodeCodePoint(text, &p))) return pos;
    size_t q = p;
    int32_t s = PeekCodePoint(text, q);
    if (s != 's' && s != 'S') return pos;
    DecodeCodePoint(text, &q);
    int32_t after = PeekCodePoint(text, q);
    if (after >= 0 && IsAlnum(after)) return pos;
    Emit(pos, q, TokenKind::kPunct, false);
    return q;
  }

  void Run(size_t begin, size_t end) {
    size_t pos = begin;
    bool space = true;
    while (pos < end) {
      size_t start = pos;
      unsigned char b = static_cast<unsigned char>(text[pos]);
      uint8_t byte_class = kByteClass[b];
      if (byte_class & kSpaceByte) {
        space = true;
        ++pos;
        continue;
      }
      int32_t c = b;
      if (b < 0x80) {
        ++pos;
      } else {
        c = DecodeCodePoint(text, &pos);
        if (c == 0xA0) {
          space = true;
          continue;
        }
      }
      if ((byte_class & kAlnumByte) || (b >= 0x80 && IsAlnum(c))) {
        pos = Word(start, pos, c, end, space);
      } else {
        Emit(start, pos, TokenKind::kPunct, space);
      }
      // The usual separator, one space, taken here: the branch on the next
      // byte then follows the token's own, which predicts it better.
      space = pos < end && text[pos] == ' ';
      pos += space;
    }
  }
};

bool EndsSentence(const std::vector<Token>& toks, size_t i) {
  const Token& t = toks[i];
  // Only ".", "!", "?" and words with a final period can end a sentence:
  // the last byte turns away nearly every token with one test.
  char last = t.text.back();
  if (last != '.' && last != '!' && last != '?') return false;
  if (t.kind == TokenKind::kPunct) {
    return t.Is(".") || t.Is("!") || t.Is("?");
  }
  if (t.text.size() > 1 && t.text.back() == '.') {
    std::string_view bare = t.Bare();
    if (IsAbbreviation(bare, kNonFinalAbbreviation)) return false;
    if (bare.size() == 1) return false;  // initial
    if (bare.find('.') != std::string_view::npos) {
      // U.S. ends a sentence only before a quote mark.
      if (i + 1 < toks.size() && toks[i + 1].kind == TokenKind::kPunct &&
          (toks[i + 1].Is("\xE2\x80\x9C") || toks[i + 1].Is("\""))) {
        return true;
      }
      return false;
    }
    if (i + 1 >= toks.size()) return true;
    const Token& n = toks[i + 1];
    if (n.kind == TokenKind::kPunct) return n.Is("\xE2\x80\x9C") || n.Is("\"");
    return n.cap;
  }
  return false;
}

// "Last week, …", "In March, …", "… met last year": the sentence reports
// another time than the event's.
bool IsTimeShifted(const Document& doc, const Sentence& s) {
  int a = s.first_token, b = s.last_token;
  if (b - a < 2) return false;
  const Token& t0 = doc.tokens[a];
  const Token& t1 = doc.tokens[a + 1];
  if (t0.Is("Last") || t0.Is("Earlier") || t0.Is("Previously") || t0.Is("Recently") ||
      t0.Is("Next") || t0.Is("Later")) {
    return true;
  }
  if ((t0.Is("In") || t0.Is("Since")) && (MonthFromName(t1.text) || t1.kind == TokenKind::kNumber)) {
    return true;
  }
  for (int i = a; i + 1 < b && i < a + 12; ++i) {
    const Token& t = doc.tokens[i];
    if (t.in_quote) continue;
    if ((t.Is("last") || t.Is("Last")) &&
        (doc.tokens[i + 1].Is("week") || doc.tokens[i + 1].Is("month") ||
         doc.tokens[i + 1].Is("year"))) {
      return true;
    }
  }
  return false;
}

bool IsClosingPunct(const Token& t) {
  return t.kind == TokenKind::kPunct &&
         (t.Is("\xE2\x80\x9D") || t.Is("\"") || t.Is(")") || t.Is("\xE2\x80\x99"));
}

// A closing mark used to open a quotation: "the statement added.”The
// leaders will …", "”In the current security situation, …" opening a
// paragraph: no letter before it, a letter right after it.
bool IsMisusedClosingMark(std::string_view text, size_t start, size_t after, size_t para_begin) {
  if (text.compare(start, 3, "\xE2\x80\x9D") != 0) return false;
  if (after >= text.size()) return false;
  unsigned char next = static_cast<unsigned char>(text[after]);
  bool next_letter = (next | 0x20) >= 'a' && (next | 0x20) <= 'z';
  if (start == para_begin) return next_letter;
  unsigned char prev = static_cast<unsigned char>(text[start - 1]);
  bool prev_punct = prev == '.' || prev == ',' || prev == ' ' || prev == ':';
  return next_letter && prev_punct;
}

}  // namespace

std::vector<QuoteSpan> FindQuoteSpans(const NormalizedArticle& article) {
  std::vector<QuoteSpan> spans;
  std::string_view text = article.text;
  // Only '"' and U+201C..U+201E (lead byte E2) can be quote marks; memchr
  // finds the next of each, and a position is only searched for again once
  // passed.
  auto next_byte = [&](char byte, size_t from, size_t end) {
    const void* hit = std::memchr(text.data() + from, byte, end - from);
    return hit ? static_cast<size_t>(static_cast<const char*>(hit) - text.data()) : end;
  };
  for (size_t pi = 0; pi < article.paragraphs.size(); ++pi) {
    const Paragraph& p = article.paragraphs[pi];
    bool open = false;
    size_t open_at = 0, inner = 0;
    size_t next_plain = next_byte('"', p.begin, p.end);
    size_t next_lead = next_byte('\xE2', p.begin, p.end);
    while (true) {
      size_t start = std::min(next_plain, next_lead);
      if (start >= p.end) break;
      size_t pos = start;
      int32_t c = DecodeCodePoint(text, &pos);
      if (start == next_plain) next_plain = next_byte('"', pos, p.end);
      if (start == next_lead) next_lead = next_byte('\xE2', pos, p.end);
      if (!open && (IsOpenQuote(c) || IsMisusedClosingMark(text, start, pos, p.begin))) {
        open = true;
        open_at = start;
        inner = pos;
      } else if (open && IsCloseQuote(c)) {
        spans.push_back({open_at, pos, inner, start, static_cast<int>(pi)});
        open = false;
      }
    }
    if (open) {
      // Unclosed at paragraph end: the quote runs to the paragraph end.
      spans.push_back({open_at, p.end, inner, p.end, static_cast<int>(pi)});
    }
  }
  return spans;
}

namespace {

// Source credit prefix of the paragraph's tokens [first, last): "SOURCE: PTI
// …", "SOURCE: RAUNAK KUNDE / NEWS BEAT / IDRW.ORG …". Returns its end
// (`first` when there is none).
size_t CreditEnd(const std::vector<Token>& tokens, size_t first, size_t last) {
  if (last - first <= 3 || !tokens[first].Is("SOURCE") || !tokens[first + 1].Is(":")) {
    return first;
  }
  size_t k = first + 3;  // the first credit word is always skipped
  bool prev_skipped_caps = tokens[first + 2].all_caps;
  while (k < last) {
    const Token& t = tokens[k];
    bool slash = t.Is("/");
    bool prev_slash = tokens[k - 1].Is("/");
    bool next_slash_or_caps =
        k + 1 < last && (tokens[k + 1].Is("/") ||
                         (tokens[k + 1].all_caps && tokens[k + 1].IsWord() && k + 2 < last &&
                          tokens[k + 2].Is("/")));
    // A title or rank starts the text: "SOURCE: PTI NSA Ajit Doval".
    bool text_word = t.Has(kFlagTitleHead | kFlagRankWord | kFlagCountryish | kFlagOrgAcronym |
                           kFlagOrgHead | kFlagStopword);
    if (slash || (t.all_caps && !text_word &&
                  (prev_slash || next_slash_or_caps || prev_skipped_caps))) {
      prev_skipped_caps = t.all_caps;
      ++k;
      continue;
    }
    break;
  }
  return k;
}

// A byline paragraph of at most 12 tokens: "By Mass Communication
// Specialist 3rd Class X", "Story and photos by NMI Public Affairs"
// (byline_word before "by"). It is no sentence of the article: not its lead,
// and its words name no participant.
bool IsBylineParagraph(const std::vector<Token>& tokens, size_t first, size_t last) {
  if (last <= first || last - first > 12 || !tokens[first].cap) return false;
  if (tokens[first].Is("By")) return true;
  for (size_t k = first; k < last && k < first + 4; ++k) {
    if (k > first && tokens[k].Is("by")) return true;
    if (!tokens[k].IsWord() || !InClass(WordClass::kBylineWord, tokens[k].text)) return false;
  }
  return false;
}

// Splits paragraph pi's tokens [first, last) into sentences, the credit
// prefix [first, credit_end) being one of its own.
void SplitSentences(Document* doc, size_t pi, size_t first, size_t credit_end, size_t last) {
  const Paragraph& p = doc->article->paragraphs[pi];
  std::vector<Token>& tokens = doc->tokens;
  size_t s_first = first;
  int index_in_paragraph = 0;
  auto close = [&](size_t s_last) {
    if (s_last <= s_first) return;
    Sentence s;
    s.first_token = static_cast<int>(s_first);
    s.last_token = static_cast<int>(s_last);
    s.begin = tokens[s_first].begin;
    s.end = tokens[s_last - 1].end;
    s.paragraph = static_cast<int>(pi);
    s.kind = p.kind;
    s.index_in_paragraph = index_in_paragraph++;
    s.credit = tokens[s_first].credit;
    int sentence_id = static_cast<int>(doc->sentences.size());
    for (size_t k = s_first; k < s_last; ++k) {
      const Token& t = tokens[k];
      tokens[k].sentence = sentence_id;
      s.flags |= t.flags;
      s.may_hold_date |= (t.kind == TokenKind::kNumber) | t.relative_day;
    }
    s.may_hold_date |= s.Has(kFlagMonth | kFlagWeekday);
    doc->sentences.push_back(s);
    s_first = s_last;
  };
  if (credit_end > first) close(credit_end);
  if (IsBylineParagraph(tokens, first, last)) {
    for (size_t k = first; k < last; ++k) tokens[k].credit = true;
  }
  for (size_t i = s_first; i < last; ++i) {
    if (!EndsSentence(tokens, i)) continue;
    size_t j = i + 1;
    while (j < last && IsClosingPunct(tokens[j]) && !tokens[j].space_before) ++j;
    // A closing quote after the period belongs to this sentence.
    while (j < last && tokens[j].kind == TokenKind::kPunct && tokens[j].Is("\xE2\x80\x9D")) ++j;
    if (j < last && tokens[j].kind == TokenKind::kPunct && tokens[j].Is(",")) continue;  // "…,” said X
    close(j);
    i = j - 1;
  }
  close(last);
}

}  // namespace

void BuildDocumentInto(const NormalizedArticle& article, Document* out) {
  Document& doc = *out;
  doc.article = &article;
  doc.text = article.text;
  doc.tokens.clear();
  doc.sentences.clear();
  doc.quotes = FindQuoteSpans(article);
  doc.tokens.reserve(article.text.size() / 4 + 16);  // English news: ~5.6 bytes per token
  doc.sentences.reserve(article.text.size() / 96 + 4);  // ~150 bytes per sentence: one allocation
  Tokenizer tokenizer{doc.text, &doc.tokens};
  for (size_t pi = 0; pi < article.paragraphs.size(); ++pi) {
    const Paragraph& p = article.paragraphs[pi];
    size_t first = doc.tokens.size();
    tokenizer.Run(p.begin, p.end);  // also sets word tokens' flags
    size_t last = doc.tokens.size();
    size_t credit_end = CreditEnd(doc.tokens, first, last);
    for (size_t k = first; k < credit_end; ++k) doc.tokens[k].credit = true;
    SplitSentences(&doc, pi, first, credit_end, last);
  }
  for (const QuoteSpan& q : doc.quotes) {
    auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), q.inner_begin,
                               [](const Token& t, size_t b) { return t.begin < b; });
    for (; it != doc.tokens.end() && it->end <= q.inner_end; ++it) it->in_quote = true;
  }
  for (Sentence& s : doc.sentences) s.time_shifted = IsTimeShifted(doc, s);
}

Document BuildDocument(const NormalizedArticle& article) {
  Document doc;
  BuildDocumentInto(article, &doc);
  return doc;
}

}  // namespace parley::extract_internal
