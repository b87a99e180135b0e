#include "extract/lexicon.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <span>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/log.h"
#include "common/status_macros.h"
#include "extract/gazetteer.h"
#include "extract/lexicon_data.h"
#include "extract/word_table.h"
#include "parley/v1/event.pb.h"

namespace parley::extract_internal {

size_t HashWord(std::string_view word) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  uint64_t h = word.size() * kMul;
  size_t i = 0;
  for (; i + 8 <= word.size(); i += 8) {
    uint64_t chunk;
    std::memcpy(&chunk, word.data() + i, 8);
    h = (h ^ chunk) * kMul;
  }
  if (i < word.size()) {
    uint64_t chunk = 0;
    std::memcpy(&chunk, word.data() + i, word.size() - i);
    h = (h ^ chunk) * kMul;
  }
  return static_cast<size_t>(h ^ (h >> 32));
}

namespace {

// Hash for the lexicon's keys (HashWord).
struct WordHash {
  using is_transparent = void;
  size_t operator()(absl::string_view word) const {
    return HashWord(std::string_view(word.data(), word.size()));
  }
};
struct WordEq {
  using is_transparent = void;
  bool operator()(absl::string_view a, absl::string_view b) const { return a == b; }
};

template <typename V>
using WordMap = absl::flat_hash_map<std::string, V, WordHash, WordEq>;

absl::string_view AV(std::string_view s) { return absl::string_view(s.data(), s.size()); }
std::string_view SV(absl::string_view s) { return std::string_view(s.data(), s.size()); }

// --- What each class accepts ---------------------------------------------

// How an entry is written, which is how the rules compare it.
enum class Shape : uint8_t {
  kWord,          // one word token, compared without its abbreviation period
  kAbbreviation,  // one word token, possibly with its period ("Mr.", "H.E.")
  kWordPart,      // a word without hyphens, compared with parts of hyphenated tokens
  kPhrase,        // word tokens separated by single spaces, the first not a number
  kText,          // any text, compared with a whole string (a publisher's name)
};

enum class AttrKind : uint8_t {
  kFlag,     // NAME
  kInt,      // NAME=N, min <= N <= max
  kCountry,  // NAME=CC, an ISO 3166-1 alpha-2 code
  kFrames,   // NAME=direct,with,by (a non-empty subset)
  kRef,      // NAME=ENTRY of the class `ref` (checked once every row is read)
  kText,     // NAME=any text without ";"
};

struct AttrSpec {
  std::string_view name;
  AttrKind kind = AttrKind::kFlag;
  bool required = false;
  int min = 0, max = 0;                 // kInt
  WordClass ref = WordClass::kRank;     // kRef
};

struct ClassSpec {
  WordClass id;
  std::string_view name;
  bool fold;  // compared in any case (keys are ASCII-lower-cased)
  Shape shape;
  int max_words = 1;                // kPhrase: 0 for any number
  bool numbers_after_first = false; // kPhrase: later words may be number tokens ("Sgt 1st Class")
  std::span<const AttrSpec> attrs = {};
};

constexpr AttrSpec kRankAttrs[] = {
    {.name = "expands", .kind = AttrKind::kRef, .ref = WordClass::kRank},
    {.name = "senior"}};
constexpr AttrSpec kMeetingVerbAttrs[] = {
    {.name = "frames", .kind = AttrKind::kFrames, .required = true}};
constexpr AttrSpec kShipPrefixAttrs[] = {{.name = "country", .kind = AttrKind::kCountry},
                                         {.name = "unit"}};
constexpr AttrSpec kPlacePrepositionAttrs[] = {{.name = "ship"}};
constexpr AttrSpec kPostOrgAttrs[] = {{.name = "org", .kind = AttrKind::kText, .required = true}};
constexpr AttrSpec kPublisherAttrs[] = {
    {.name = "country", .kind = AttrKind::kCountry, .required = true}};
constexpr AttrSpec kEventTypeAttrs[] = {
    {.name = "priority", .kind = AttrKind::kInt, .required = true, .min = 1, .max = 99},
    {.name = "tier", .kind = AttrKind::kInt, .min = 0, .max = 9},
    {.name = "lead_yields"}};
constexpr AttrSpec kBodyMeetingNounAttrs[] = {{.name = "frame"}};
constexpr AttrSpec kOrgHeadAttrs[] = {{.name = "site"}};
constexpr AttrSpec kBodyListOpenerAttrs[] = {
    {.name = "then", .kind = AttrKind::kText, .required = true}};
constexpr AttrSpec kEventKeywordAttrs[] = {
    {.name = "type", .kind = AttrKind::kRef, .required = true, .ref = WordClass::kEventType},
    {.name = "weak"},
    {.name = "strong"},
    {.name = "cap_object"},
    {.name = "conducted_only"}};
constexpr AttrSpec kMonthAttrs[] = {
    {.name = "month", .kind = AttrKind::kInt, .required = true, .min = 1, .max = 12}};
constexpr AttrSpec kWeekdayAttrs[] = {
    {.name = "day", .kind = AttrKind::kInt, .required = true, .min = 1, .max = 7}};
constexpr AttrSpec kDateReportingAttrs[] = {{.name = "after"}};
constexpr AttrSpec kNumberWordAttrs[] = {
    {.name = "value", .kind = AttrKind::kInt, .required = true, .min = 1, .max = 99}};
constexpr AttrSpec kFiniteVerbAttrs[] = {{.name = "clause_start"}};
constexpr AttrSpec kTopicCueAttrs[] = {{.name = "gap"}, {.name = "of"}};
constexpr AttrSpec kTopicFillerAttrs[] = {{.name = "list"}};

using WC = WordClass;
// In WordClass order (checked below).
constexpr ClassSpec kClassSpecs[] = {
    {WC::kRank, "rank", false, Shape::kPhrase, 0, true, kRankAttrs},
    {WC::kTitleHead, "title_head", true, Shape::kWord},
    {WC::kTitleModifier, "title_modifier", true, Shape::kWord},
    {WC::kHonorific, "honorific", false, Shape::kAbbreviation},
    {WC::kNameParticle, "name_particle", false, Shape::kWord},
    {WC::kNameSuffix, "name_suffix", false, Shape::kWord},
    {WC::kNameStopword, "name_stopword", false, Shape::kWord},
    {WC::kRoleNoun, "role_noun", true, Shape::kWord},
    {WC::kPersonPronoun, "person_pronoun", false, Shape::kWord},
    {WC::kNegativeCue, "negative_cue", false, Shape::kWord},
    {WC::kMeetingVerb, "meeting_verb", false, Shape::kWord, 1, false, kMeetingVerbAttrs},
    {WC::kMeetingObjectFollower, "meeting_object_follower", false, Shape::kWord},
    {WC::kPlaceAdjectiveSuffix, "place_adjective_suffix", false, Shape::kWordPart},
    {WC::kPostOrg, "post_org", true, Shape::kText, 0, false, kPostOrgAttrs},
    {WC::kOrgHead, "org_head", false, Shape::kWord, 0, false, kOrgHeadAttrs},
    {WC::kOrgWord, "org_word", false, Shape::kWord},
    {WC::kHeadWord, "head_word", false, Shape::kWord},
    {WC::kUnitWord, "unit_word", false, Shape::kWordPart},
    {WC::kOrgAcronym, "org_acronym", false, Shape::kWord},
    {WC::kShipPrefix, "ship_prefix", false, Shape::kWord, 1, false, kShipPrefixAttrs},
    {WC::kBodyListWord, "body_list_word", true, Shape::kWord},
    {WC::kBodyMeetingNoun, "body_meeting_noun", true, Shape::kWord, 0, false, kBodyMeetingNounAttrs},
    {WC::kBodyListOpener, "body_list_opener", false, Shape::kWord, 1, false, kBodyListOpenerAttrs},
    {WC::kPlaceHead, "place_head", false, Shape::kWord},
    {WC::kLocationTrigger, "location_trigger", true, Shape::kWord},
    {WC::kVisitVerb, "visit_verb", false, Shape::kWord},
    {WC::kPlacePreposition, "place_preposition", false, Shape::kWord, 1, false,
     kPlacePrepositionAttrs},
    {WC::kPlaceOfNoun, "place_of_noun", false, Shape::kWord},
    {WC::kEarlierAdjective, "earlier_adjective", false, Shape::kWord},
    {WC::kTripNoun, "trip_noun", false, Shape::kWord},
    {WC::kPlaceClauseWord, "place_clause_word", false, Shape::kWord},
    {WC::kFutureMarker, "future_marker", false, Shape::kWord},
    {WC::kEarlierEventWord, "earlier_event_word", false, Shape::kWord},
    {WC::kParticipationWord, "participation_word", false, Shape::kWord},
    {WC::kTakePartVerb, "take_part_verb", false, Shape::kWord},
    {WC::kPublisher, "publisher", false, Shape::kText, 0, false, kPublisherAttrs},
    {WC::kRemoteWord, "remote_word", true, Shape::kWord},
    {WC::kTakePlaceVerb, "take_place_verb", false, Shape::kWord},
    {WC::kEarlierAdverb, "earlier_adverb", true, Shape::kWord},
    {WC::kLanguageName, "language_name", false, Shape::kWord},
    {WC::kBylineWord, "byline_word", true, Shape::kWord},
    {WC::kEventTrigger, "event_trigger", true, Shape::kWord},
    {WC::kEventType, "event_type", false, Shape::kText, 0, false, kEventTypeAttrs},
    {WC::kEventKeyword, "event_keyword", true, Shape::kPhrase, 3, false, kEventKeywordAttrs},
    {WC::kSpeechVerb, "speech_verb", false, Shape::kWord},
    {WC::kAnonymousSpeaker, "anonymous_speaker", false, Shape::kWord},
    {WC::kSpeakerOrgWord, "speaker_org_word", true, Shape::kWord},
    {WC::kStatementNoun, "statement_noun", false, Shape::kWord},
    {WC::kSpeakerTrailingWord, "speaker_trailing_word", false, Shape::kWord},
    {WC::kMonth, "month", true, Shape::kWord, 1, false, kMonthAttrs},
    {WC::kWeekday, "weekday", false, Shape::kWord, 1, false, kWeekdayAttrs},
    {WC::kDateReportingVerb, "date_reporting_verb", false, Shape::kWord, 1, false,
     kDateReportingAttrs},
    {WC::kDateStartWord, "date_start_word", false, Shape::kWord},
    {WC::kDateEndWord, "date_end_word", false, Shape::kWord},
    {WC::kUntilWord, "until_word", false, Shape::kWord},
    {WC::kClosingVerb, "closing_verb", true, Shape::kWord},
    {WC::kNumberWord, "number_word", true, Shape::kWord, 1, false, kNumberWordAttrs},
    {WC::kTopicVerb, "topic_verb", false, Shape::kWord},
    {WC::kTopicLeadingWord, "topic_leading_word", false, Shape::kWord},
    {WC::kFiniteVerb, "finite_verb", false, Shape::kWord, 1, false, kFiniteVerbAttrs},
    {WC::kTopicCue, "topic_cue", false, Shape::kWord, 1, false, kTopicCueAttrs},
    {WC::kTopicPreposition, "topic_preposition", false, Shape::kWord},
    {WC::kTopicLinkVerb, "topic_link_verb", false, Shape::kWord},
    {WC::kTopicInnerPreposition, "topic_inner_preposition", false, Shape::kWord},
    {WC::kTopicDeterminer, "topic_determiner", false, Shape::kWord},
    {WC::kTopicFiller, "topic_filler", false, Shape::kWord, 1, false, kTopicFillerAttrs},
    {WC::kTopicStop, "topic_stop", false, Shape::kWord},
};

constexpr bool SpecsInEnumOrder() {
  if (std::size(kClassSpecs) != static_cast<size_t>(kWordClassCount)) return false;
  for (size_t i = 0; i < std::size(kClassSpecs); ++i) {
    if (static_cast<size_t>(kClassSpecs[i].id) != i) return false;
  }
  return true;
}
static_assert(SpecsInEnumOrder(), "kClassSpecs must list every WordClass in enum order");

const ClassSpec& SpecOf(WordClass c) { return kClassSpecs[static_cast<int>(c)]; }

const ClassSpec* FindSpec(std::string_view name) {
  for (const ClassSpec& s : kClassSpecs) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

}  // namespace

// --- Parsed tables -------------------------------------------------------

struct Lexicon::Impl {
  struct Class {
    bool fold = false;
    std::vector<LexiconEntry> entries;
    WordMap<int> index;     // key -> position in entries, while parsing
    WordTable<int> table;   // the same, for lookups
    uint64_t lengths = 0;   // bit min(key size, 63) of every key: most misses cost one test
    // Bit SignatureBit(key) of every key (size, first and last byte): most
    // words of the right size miss here too, before hashing or scanning.
    std::array<uint64_t, 8> signature{};
  };
  struct RankPattern {
    std::vector<std::string> words;
    std::string expanded;
  };
  std::array<Class, kWordClassCount> classes;
  // First word -> the patterns starting with it, longest first.
  absl::flat_hash_map<std::string, std::vector<RankPattern>> ranks_by_first;
  // The same for lookups: the person rules try a rank before nearly every
  // capitalised run, and most such words have no flags to rule it out.
  WordTable<const std::vector<RankPattern>*> rank_table;
};

namespace {

// Classes this small are scanned instead of hashed: comparing a few sizes
// is cheaper than hashing the word.
constexpr size_t kLinearScanMax = 16;

absl::Status LineError(int line, std::string_view message) {
  return absl::InvalidArgumentError(absl::StrCat("lexicon line ", line, ": ", AV(message)));
}

bool IsWordByte(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
}

enum class TokenShape { kWord, kNumber, kTrailingPeriod, kNotOneToken };

// How the tokenizer (tokens.cc) would cut `w`, closely enough to reject
// entries that can never match: letters and digits (any non-ASCII byte
// counts as a letter) with inner hyphens, apostrophes and dots; a trailing
// period only when `period_ok`. A hyphen after "Force(s)", "Army" or "Navy"
// and a final "'s" split the word; a word starting with a digit is a number
// unless it has letters and is no ordinal ("1LT" is a word, "1st" a number).
TokenShape ShapeOf(std::string_view w, bool period_ok) {
  if (w.empty() || !IsWordByte(w[0])) return TokenShape::kNotOneToken;
  if (w.back() == '.') {
    if (!period_ok) return TokenShape::kTrailingPeriod;
    w.remove_suffix(1);
  }
  bool has_letter = false;
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    if (IsWordByte(c)) {
      has_letter |= !absl::ascii_isdigit(static_cast<unsigned char>(c));
      continue;
    }
    bool inner = (c == '-' || c == '\'' || c == '.') && i + 1 < w.size() && IsWordByte(w[i + 1]);
    if (!inner) return TokenShape::kNotOneToken;
    std::string_view left = w.substr(0, i);
    if (c == '-' && (left.ends_with("Force") || left.ends_with("Forces") ||
                     left.ends_with("Army") || left.ends_with("Navy"))) {
      return TokenShape::kNotOneToken;
    }
    if (c == '\'' && i + 2 == w.size() && (w[i + 1] == 's' || w[i + 1] == 'S')) {
      return TokenShape::kNotOneToken;
    }
  }
  if (absl::ascii_isdigit(static_cast<unsigned char>(w[0]))) {
    bool ordinal = w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd") || w.ends_with("th");
    if (!has_letter || ordinal) return TokenShape::kNumber;
  }
  return TokenShape::kWord;
}

// Rejects an entry that can never match the way its class is matched.
absl::Status CheckEntry(const ClassSpec& spec, std::string_view entry, int line) {
  std::string quoted = absl::StrCat(AV(spec.name), " \"", AV(entry), "\"");
  if (entry.empty()) return LineError(line, absl::StrCat(AV(spec.name), ": empty entry"));
  if (entry.front() == ' ' || entry.back() == ' ') {
    return LineError(line, quoted + ": spaces around the entry");
  }
  if (spec.shape == Shape::kText) return absl::OkStatus();
  std::vector<std::string_view> words = Split(entry, ' ');
  int max_words = spec.shape == Shape::kPhrase ? spec.max_words : 1;
  if (max_words > 0 && static_cast<int>(words.size()) > max_words) {
    return LineError(line, absl::StrCat(quoted, " has ", words.size(), " words; ", AV(spec.name),
                                        max_words == 1 ? " matches one token"
                                                       : absl::StrCat(" matches up to ", max_words,
                                                                      " tokens")));
  }
  for (size_t k = 0; k < words.size(); ++k) {
    std::string_view w = words[k];
    if (w.empty()) return LineError(line, quoted + ": two spaces in a row");
    switch (ShapeOf(w, spec.shape == Shape::kAbbreviation)) {
      case TokenShape::kWord:
        break;
      case TokenShape::kNumber:
        if (k == 0 || !spec.numbers_after_first) {
          return LineError(line, absl::StrCat(quoted, ": \"", AV(w),
                                              "\" is a number token; the rules match it only on word tokens"));
        }
        break;
      case TokenShape::kTrailingPeriod:
        return LineError(line, absl::StrCat(quoted, ": \"", AV(w), "\" ends with a period; ",
                                            AV(spec.name), " is compared without it"));
      case TokenShape::kNotOneToken:
        return LineError(line, absl::StrCat(quoted, ": \"", AV(w),
                                            "\" is not one token as the tokenizer cuts words"));
    }
  }
  if (spec.shape == Shape::kWordPart && entry.find('-') != std::string_view::npos) {
    return LineError(line, absl::StrCat(quoted, ": has a hyphen; ", AV(spec.name),
                                        " is compared with the parts of hyphenated words"));
  }
  return absl::OkStatus();
}

std::string AllowedAttributes(const ClassSpec& spec) {
  if (spec.attrs.empty()) return absl::StrCat(AV(spec.name), " takes none");
  std::string out = absl::StrCat(AV(spec.name), " takes ");
  for (size_t i = 0; i < spec.attrs.size(); ++i) {
    absl::StrAppend(&out, i ? ", " : "", AV(spec.attrs[i].name));
  }
  return out;
}

// Checks one attribute's value against its kind; references are checked
// once every row is read (CheckReferences).
absl::Status CheckAttributeValue(const AttrSpec& a, bool has_value, std::string_view value,
                                 int line) {
  std::string name = absl::StrCat("attribute \"", AV(a.name), "\"");
  if (a.kind == AttrKind::kFlag) {
    if (has_value) return LineError(line, name + " takes no value");
    return absl::OkStatus();
  }
  if (value.empty()) return LineError(line, absl::StrCat(name, " needs a value (", AV(a.name), "=…)"));
  switch (a.kind) {
    case AttrKind::kInt: {
      int n = 0;
      if (!absl::SimpleAtoi(AV(value), &n) || n < a.min || n > a.max ||
          !absl::ascii_isdigit(static_cast<unsigned char>(value[0]))) {
        return LineError(line, absl::StrCat(name, " must be a whole number from ", a.min, " to ",
                                            a.max, ", got \"", AV(value), "\""));
      }
      break;
    }
    case AttrKind::kCountry:
      if (value.size() != 2 || !absl::ascii_isupper(static_cast<unsigned char>(value[0])) ||
          !absl::ascii_isupper(static_cast<unsigned char>(value[1]))) {
        return LineError(line, absl::StrCat(name, " must be an ISO 3166-1 alpha-2 code, got \"",
                                            AV(value), "\""));
      }
      break;
    case AttrKind::kFrames: {
      std::vector<std::string_view> seen;
      for (std::string_view f : Split(value, ',')) {
        bool known = f == "direct" || f == "with" || f == "by";
        if (!known || std::find(seen.begin(), seen.end(), f) != seen.end()) {
          return LineError(line, absl::StrCat(name, " must list direct, with and/or by once each, got \"",
                                              AV(value), "\""));
        }
        seen.push_back(f);
      }
      break;
    }
    case AttrKind::kFlag:
    case AttrKind::kRef:
    case AttrKind::kText:
      break;
  }
  return absl::OkStatus();
}

// Parses "NAME; NAME=VALUE; …" into *out.
absl::Status ParseAttributes(const ClassSpec& spec, std::string_view field, int line,
                             std::vector<std::pair<std::string, std::string>>* out) {
  for (std::string_view piece : Split(field, ';')) {
    piece = SV(absl::StripAsciiWhitespace(AV(piece)));
    if (piece.empty()) return LineError(line, "empty attribute (a stray \";\" or a trailing tab)");
    size_t eq = piece.find('=');
    std::string_view name = piece.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? std::string_view() : piece.substr(eq + 1);
    auto spec_it = std::find_if(spec.attrs.begin(), spec.attrs.end(),
                                [&](const AttrSpec& a) { return a.name == name; });
    if (spec_it == spec.attrs.end()) {
      return LineError(line, absl::StrCat("unknown attribute \"", AV(name), "\": ",
                                          AllowedAttributes(spec)));
    }
    for (const auto& [seen, unused] : *out) {
      if (seen == name) return LineError(line, absl::StrCat("attribute \"", AV(name), "\" given twice"));
    }
    PARLEY_RETURN_IF_ERROR(
        CheckAttributeValue(*spec_it, eq != std::string_view::npos, value, line));
    out->emplace_back(std::string(name), std::string(value));
  }
  return absl::OkStatus();
}

// One of 512 bits from a non-empty word's size and first and last bytes,
// ASCII-lower-cased when `fold` (keys of "any case" classes are lower case).
inline size_t SignatureBit(std::string_view word, bool fold) {
  uint32_t first = static_cast<unsigned char>(word.front());
  uint32_t last = static_cast<unsigned char>(word.back());
  if (fold) {
    first = absl::ascii_tolower(static_cast<unsigned char>(first));
    last = absl::ascii_tolower(static_cast<unsigned char>(last));
  }
  uint32_t h = (first | (last << 8) | (static_cast<uint32_t>(word.size() & 0xFF) << 16)) * 0x9E3779B1u;
  return h >> 23;
}

// Reads one "class<TAB>entry[<TAB>attributes]" row into `impl`.
absl::Status AddRow(std::string_view row, int line, Lexicon::Impl* impl) {
  std::vector<std::string_view> fields = Split(row, '\t');
  if (fields.size() < 2 || fields.size() > 3) {
    return LineError(line, absl::StrCat("expected class<TAB>entry[<TAB>attributes], got ",
                                        fields.size(), fields.size() == 1 ? " field" : " fields"));
  }
  const ClassSpec* spec = FindSpec(fields[0]);
  if (spec == nullptr) return LineError(line, absl::StrCat("unknown class \"", AV(fields[0]), "\""));
  PARLEY_RETURN_IF_ERROR(CheckEntry(*spec, fields[1], line));
  LexiconEntry e;
  e.text = std::string(fields[1]);
  e.key = spec->fold ? Lower(e.text) : e.text;
  e.line = line;
  if (fields.size() == 3) PARLEY_RETURN_IF_ERROR(ParseAttributes(*spec, fields[2], line, &e.attributes));
  for (const AttrSpec& a : spec->attrs) {
    if (a.required && !e.Has(a.name)) {
      return LineError(line, absl::StrCat(AV(spec->name), " \"", e.text,
                                          "\": missing attribute \"", AV(a.name), "\""));
    }
  }
  Lexicon::Impl::Class& c = impl->classes[static_cast<int>(spec->id)];
  auto [it, inserted] = c.index.try_emplace(e.key, static_cast<int>(c.entries.size()));
  if (!inserted) {
    const LexiconEntry& first = c.entries[it->second];
    return LineError(line, absl::StrCat(AV(spec->name), " \"", e.text, "\" repeats \"", first.text,
                                        "\" (line ", first.line, ")"));
  }
  c.lengths |= uint64_t{1} << std::min<size_t>(e.key.size(), 63);
  size_t bit = SignatureBit(e.key, false);
  c.signature[bit >> 6] |= uint64_t{1} << (bit & 63);
  c.entries.push_back(std::move(e));
  return absl::OkStatus();
}

const LexiconEntry* FindIn(const Lexicon::Impl::Class& c, std::string_view word) {
  if (((c.lengths >> std::min<size_t>(word.size(), 63)) & 1) == 0) return nullptr;
  // word is not empty here: no key is.
  size_t bit = SignatureBit(word, c.fold);
  if (((c.signature[bit >> 6] >> (bit & 63)) & 1) == 0) return nullptr;
  char buf[64];
  if (c.fold) {
    word = LowerInto(word, buf);
    if (word.empty()) return nullptr;
  }
  if (c.entries.size() <= kLinearScanMax) {
    for (const LexiconEntry& e : c.entries) {
      if (e.key == word) return &e;
    }
    return nullptr;
  }
  const int* at = c.table.Find(word);
  return at == nullptr ? nullptr : &c.entries[*at];
}

// Checks what one row says about another (expands=, type=) and the rules of
// ranks and event types, once every row is read.
absl::Status CheckReferences(const Lexicon::Impl& impl) {
  for (const ClassSpec& spec : kClassSpecs) {
    for (const LexiconEntry& e : impl.classes[static_cast<int>(spec.id)].entries) {
      for (const AttrSpec& a : spec.attrs) {
        if (a.kind != AttrKind::kRef || !e.Has(a.name)) continue;
        std::string_view target = e.Get(a.name);
        const LexiconEntry* t = FindIn(impl.classes[static_cast<int>(a.ref)], target);
        if (t == nullptr) {
          return LineError(e.line, absl::StrCat(AV(a.name), "=", AV(target), ": no ",
                                                AV(SpecOf(a.ref).name), " entry \"", AV(target), "\""));
        }
        if (spec.id == WordClass::kRank && (t->Has("expands") || t == &e)) {
          return LineError(e.line, absl::StrCat("expands=", AV(target),
                                                ": must name a rank that expands to itself"));
        }
      }
      if (spec.id == WordClass::kRank && e.Has("senior") && e.Has("expands")) {
        return LineError(e.line, absl::StrCat("rank \"", e.text,
                                              "\": senior belongs on the rank it expands to"));
      }
    }
  }
  std::vector<int> priorities;
  for (const LexiconEntry& e : impl.classes[static_cast<int>(WordClass::kEventType)].entries) {
    v1::EventType type;
    if (!v1::EventType_Parse(e.text, &type) || type == v1::EVENT_TYPE_UNSPECIFIED) {
      return LineError(e.line, absl::StrCat("event_type \"", e.text,
                                            "\" is not a parley.v1.EventType name"));
    }
    int priority = e.GetInt("priority");
    if (std::find(priorities.begin(), priorities.end(), priority) != priorities.end()) {
      return LineError(e.line, absl::StrCat("event_type \"", e.text, "\": priority ", priority,
                                            " is taken by another type"));
    }
    priorities.push_back(priority);
  }
  return absl::OkStatus();
}

// Rank patterns by first word, longest first, so MatchRank takes the
// longest rank ("Lieutenant General" before "Lieutenant").
void BuildRanks(Lexicon::Impl* impl) {
  for (const LexiconEntry& e : impl->classes[static_cast<int>(WordClass::kRank)].entries) {
    Lexicon::Impl::RankPattern p;
    for (std::string_view w : Split(e.text, ' ')) p.words.emplace_back(w);
    p.expanded = e.Has("expands") ? std::string(e.Get("expands")) : e.text;
    impl->ranks_by_first[p.words[0]].push_back(std::move(p));
  }
  for (auto& [first, patterns] : impl->ranks_by_first) {
    std::stable_sort(patterns.begin(), patterns.end(),
                     [](const Lexicon::Impl::RankPattern& a, const Lexicon::Impl::RankPattern& b) {
                       return a.words.size() > b.words.size();
                     });
  }
  std::vector<std::pair<std::string_view, const std::vector<Lexicon::Impl::RankPattern>*>> keys;
  for (const auto& [first, patterns] : impl->ranks_by_first) keys.emplace_back(first, &patterns);
  impl->rank_table = WordTable<const std::vector<Lexicon::Impl::RankPattern>*>(keys);
}

}  // namespace

std::string_view WordClassName(WordClass c) { return SpecOf(c).name; }

bool LexiconEntry::Has(std::string_view name) const {
  for (const auto& [n, v] : attributes) {
    if (n == name) return true;
  }
  return false;
}

std::string_view LexiconEntry::Get(std::string_view name) const {
  for (const auto& [n, v] : attributes) {
    if (n == name) return v;
  }
  return {};
}

int LexiconEntry::GetInt(std::string_view name, int fallback) const {
  int n = 0;
  return Has(name) && absl::SimpleAtoi(AV(Get(name)), &n) ? n : fallback;
}

absl::StatusOr<Lexicon> ParseLexicon(std::string_view tsv) {
  auto impl = std::make_shared<Lexicon::Impl>();
  for (const ClassSpec& spec : kClassSpecs) impl->classes[static_cast<int>(spec.id)].fold = spec.fold;
  int line = 0;
  for (std::string_view row : Split(tsv, '\n')) {
    ++line;
    if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
    if (row.empty() || row[0] == '#') continue;
    PARLEY_RETURN_IF_ERROR(AddRow(row, line, impl.get()));
  }
  for (Lexicon::Impl::Class& c : impl->classes) {
    std::vector<std::pair<std::string_view, int>> keys;
    keys.reserve(c.index.size());
    for (const auto& [key, at] : c.index) keys.emplace_back(key, at);
    c.table = WordTable<int>(keys);
  }
  PARLEY_RETURN_IF_ERROR(CheckReferences(*impl));
  BuildRanks(impl.get());
  return Lexicon(std::move(impl));
}

const LexiconEntry* Lexicon::Find(WordClass c, std::string_view word) const {
  return FindIn(impl_->classes[static_cast<int>(c)], word);
}

bool Lexicon::Contains(WordClass c, std::string_view word) const { return Find(c, word) != nullptr; }

const std::vector<LexiconEntry>& Lexicon::Entries(WordClass c) const {
  return impl_->classes[static_cast<int>(c)].entries;
}

bool Lexicon::StartsRank(std::string_view word) const {
  return impl_->rank_table.Find(word) != nullptr;
}

int Lexicon::MatchRank(const std::vector<Token>& tokens, int i, int limit,
                       std::string* expanded) const {
  if (i >= limit || !tokens[i].IsWord()) return 0;
  if (tokens[i].flags != 0 && !tokens[i].Has(kFlagRankWord)) return 0;
  const std::vector<Impl::RankPattern>* const* patterns = impl_->rank_table.Find(tokens[i].Bare());
  if (patterns == nullptr) return 0;
  for (const Impl::RankPattern& p : **patterns) {
    int n = static_cast<int>(p.words.size());
    if (i + n > limit) continue;
    bool ok = true;
    // Words of a rank are adjacent (no sentence punctuation between).
    for (int k = 0; k < n && ok; ++k) ok = tokens[i + k].Bare() == p.words[k];
    if (!ok) continue;
    *expanded = p.expanded;
    return n;
  }
  return 0;
}

const Lexicon& BuiltinLexicon() {
  static const Lexicon* lexicon = [] {
    absl::StatusOr<Lexicon> parsed = ParseLexicon(kLexiconTsv);
    if (!parsed.ok()) {
      // A build artifact that the unit tests check: nothing sensible can run without it.
      LogError(absl::StrCat("extract/data/lexicon.tsv (compiled in): ", parsed.status().message()));
      std::abort();
    }
    return new Lexicon(*std::move(parsed));
  }();
  return *lexicon;
}

bool InClass(WordClass c, std::string_view word) { return BuiltinLexicon().Contains(c, word); }

std::vector<std::string_view> Split(std::string_view s, char sep, bool skip_empty) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t at = s.find(sep, start);
    std::string_view piece = s.substr(start, at == std::string_view::npos ? s.npos : at - start);
    if (!piece.empty() || !skip_empty) out.push_back(piece);
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

std::string_view LowerInto(std::string_view s, char (&buf)[64]) {
  if (s.size() > sizeof(buf)) return std::string_view();
  for (size_t i = 0; i < s.size(); ++i) {
    buf[i] = absl::ascii_tolower(static_cast<unsigned char>(s[i]));
  }
  return std::string_view(buf, s.size());
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = absl::ascii_tolower(static_cast<unsigned char>(c));
  return out;
}

// --- Named lookups -------------------------------------------------------

int MatchRank(const std::vector<Token>& tokens, int i, int limit, std::string* expanded) {
  // Every first word of a built-in rank has kFlagRankWord (AddClassFlags):
  // the rules try a rank before most capitalised runs, and most tokens there
  // have other flags or none, which Lexicon::MatchRank has to look up.
  if (i >= limit || !tokens[i].Has(kFlagRankWord)) return 0;
  return BuiltinLexicon().MatchRank(tokens, i, limit, expanded);
}

bool IsRankWord(std::string_view word) { return BuiltinLexicon().StartsRank(word); }

bool IsSeniorRank(std::string_view expanded_rank) {
  const LexiconEntry* e = BuiltinLexicon().Find(WordClass::kRank, expanded_rank);
  return e != nullptr && e->Has("senior");
}

bool IsTitleHead(std::string_view word) { return InClass(WordClass::kTitleHead, word); }
bool IsTitleModifier(std::string_view word) { return InClass(WordClass::kTitleModifier, word); }
bool IsHonorific(std::string_view word) { return InClass(WordClass::kHonorific, word); }
bool IsNameParticle(std::string_view word) { return InClass(WordClass::kNameParticle, word); }
bool IsNameSuffix(std::string_view word) { return InClass(WordClass::kNameSuffix, word); }
bool IsNameStopword(std::string_view word) { return InClass(WordClass::kNameStopword, word); }
bool IsRoleNoun(std::string_view word) { return InClass(WordClass::kRoleNoun, word); }
bool IsNegativeCue(std::string_view word) { return InClass(WordClass::kNegativeCue, word); }

bool IsMeetingVerb(std::string_view word, MeetingFrame frame) {
  // Frames as bits, parsed once: this runs for every candidate name.
  static const auto* frames = [] {
    auto* m = new WordMap<uint8_t>;
    for (const LexiconEntry& e : BuiltinLexicon().Entries(WordClass::kMeetingVerb)) {
      uint8_t bits = 0;
      for (std::string_view f : Split(e.Get("frames"), ',')) {
        bits |= f == "direct" ? 1 : f == "with" ? 2 : 4;
      }
      (*m)[e.key] = bits;
    }
    return m;
  }();
  auto it = frames->find(AV(word));
  return it != frames->end() && (it->second & (1u << static_cast<int>(frame))) != 0;
}

bool IsMeetingObjectFollower(std::string_view word) {
  return InClass(WordClass::kMeetingObjectFollower, word);
}

bool HasPlaceAdjectiveSuffix(std::string_view word) {
  size_t dash = word.rfind('-');
  return dash != std::string_view::npos &&
         InClass(WordClass::kPlaceAdjectiveSuffix, word.substr(dash + 1));
}

bool IsOrgHead(std::string_view word) { return InClass(WordClass::kOrgHead, word); }

bool IsOrgWord(std::string_view word) {
  return InClass(WordClass::kOrgWord, word) || IsOrgHead(word);
}

bool IsUnitWord(std::string_view word) {
  return InClass(WordClass::kUnitWord, word.substr(0, word.find('-')));
}

bool IsUnitShipPrefix(std::string_view word) {
  const LexiconEntry* e = BuiltinLexicon().Find(WordClass::kShipPrefix, word);
  return e != nullptr && e->Has("unit");
}

std::string_view ShipPrefixCountry(std::string_view word) {
  const LexiconEntry* e = BuiltinLexicon().Find(WordClass::kShipPrefix, word);
  return e == nullptr ? std::string_view() : e->Get("country");
}

bool IsPlaceHead(std::string_view word) { return InClass(WordClass::kPlaceHead, word); }
bool IsEventTrigger(std::string_view word) { return InClass(WordClass::kEventTrigger, word); }
bool IsSpeechVerb(std::string_view word) { return InClass(WordClass::kSpeechVerb, word); }
bool IsPersonPronoun(std::string_view word) { return InClass(WordClass::kPersonPronoun, word); }
bool IsLocationTrigger(std::string_view word) { return InClass(WordClass::kLocationTrigger, word); }

int WeekdayFromName(std::string_view word) {
  const LexiconEntry* e = BuiltinLexicon().Find(WordClass::kWeekday, word);
  return e == nullptr ? 0 : e->GetInt("day");
}

int MonthNumber(std::string_view word) {
  const LexiconEntry* e = BuiltinLexicon().Find(WordClass::kMonth, word);
  return e == nullptr ? 0 : e->GetInt("month");
}

// --- Token flags ---------------------------------------------------------

namespace {

// One table per key form, built from the word classes above, so that a
// token's classes cost two or three lookups instead of one per class.
// key -> {flags when a token is exactly the key, flags when a token
// lower-cases to the key}: one lookup for lower-case tokens, two otherwise.
struct FlagEntry {
  uint32_t exact = 0;
  uint32_t lower = 0;
};
struct FlagTables {
  WordMap<FlagEntry> map;  // while building
  WordTable<FlagEntry> table;  // what ComputeWordFlags reads
  WordFilter filter;           // of table's keys: most tokens are none
};

// Classes compared as written set `exact`; those compared in any case set
// `lower` on their lower-cased keys.
void AddClassFlags(const Lexicon& lex, FlagTables* t) {
  constexpr std::pair<WordClass, uint32_t> kClassFlags[] = {
      {WordClass::kNameStopword, kFlagStopword},
      {WordClass::kHonorific, kFlagHonorific},
      {WordClass::kNameParticle, kFlagParticle},
      {WordClass::kOrgHead, kFlagOrgHead | kFlagOrgWord | kFlagHeadWord},
      {WordClass::kOrgWord, kFlagOrgWord},
      {WordClass::kHeadWord, kFlagHeadWord},
      {WordClass::kPlaceHead, kFlagPlaceHead},
      {WordClass::kSpeechVerb, kFlagSpeechVerb},
      {WordClass::kShipPrefix, kFlagShipPrefix},
      {WordClass::kOrgAcronym, kFlagOrgAcronym},
      {WordClass::kWeekday, kFlagWeekday},
      {WordClass::kTitleHead, kFlagTitleHead},
      {WordClass::kTitleModifier, kFlagTitleModifier},
      {WordClass::kEventTrigger, kFlagEventTrigger},
      {WordClass::kLocationTrigger, kFlagLocationTrigger},
      {WordClass::kMonth, kFlagMonth},
      {WordClass::kRoleNoun, kFlagRoleNoun},
      {WordClass::kPlacePreposition, kFlagPlacePreposition},
      {WordClass::kEarlierAdjective, kFlagEarlierAdjective},
      {WordClass::kParticipationWord, kFlagParticipation},
      {WordClass::kTopicVerb, kFlagTopicVerb},
      {WordClass::kTopicCue, kFlagTopicCue},
      {WordClass::kRemoteWord, kFlagRemoteWord},
      {WordClass::kVisitVerb, kFlagVisitVerb},
      {WordClass::kTripNoun, kFlagTripNoun},
      {WordClass::kNegativeCue, kFlagNegativeCue},
      {WordClass::kDateEndWord, kFlagDateEndWord},
  };
  for (auto [c, flag] : kClassFlags) {
    bool fold = SpecOf(c).fold;
    for (const LexiconEntry& e : lex.Entries(c)) (fold ? t->map[e.key].lower : t->map[e.key].exact) |= flag;
  }
  for (const LexiconEntry& e : lex.Entries(WordClass::kRank)) {
    t->map[std::string(Split(e.text, ' ')[0])].exact |= kFlagRankWord;
  }
  // The classifier looks up keywords only at tokens with this flag, so it is
  // derived from the keywords themselves: a keyword cannot lack it.
  for (const LexiconEntry& e : lex.Entries(WordClass::kEventKeyword)) {
    t->map[std::string(Split(e.key, ' ')[0])].lower |= kFlagTypeKeyword;
  }
}

const FlagTables& Flags() {
  static const FlagTables* tables = [] {
    auto* t = new FlagTables;
    AddClassFlags(BuiltinLexicon(), t);
    // Gazetteer words: single-word entries and first words of longer ones.
    ForEachPlaceKey(
        [](void* ctx, std::string_view key, PlaceKind kind, bool exact) {
          auto* flag_tables = static_cast<FlagTables*>(ctx);
          size_t space = key.find(' ');
          uint32_t f = kFlagPlaceStart;
          if (space == std::string_view::npos) {
            f = kFlagPlace;
            if (kind == PlaceKind::kCountry || kind == PlaceKind::kDemonym) f |= kFlagCountryish;
          } else {
            key = key.substr(0, space);
          }
          FlagEntry& e = flag_tables->map[std::string(key)];
          (exact ? e.exact : e.lower) |= f;
        },
        t);
    // Title-case forms carry the lower-case classes too ("Meeting" ->
    // "meeting"), so a title-case token needs one lookup: if "Xyz" is not a
    // key, "xyz" is not one either.
    std::vector<std::pair<std::string, uint32_t>> variants;
    for (const auto& [key, entry] : t->map) {
      if (entry.lower == 0 || key.empty() || !absl::ascii_islower(static_cast<unsigned char>(key[0]))) {
        continue;
      }
      std::string title = key;
      title[0] = absl::ascii_toupper(static_cast<unsigned char>(title[0]));
      variants.emplace_back(std::move(title), entry.lower);
    }
    for (auto& [key, flags] : variants) t->map[key].lower |= flags;
    std::vector<std::pair<std::string_view, FlagEntry>> entries;
    entries.reserve(t->map.size());
    for (const auto& [key, entry] : t->map) entries.emplace_back(key, entry);
    t->table = WordTable<FlagEntry>(entries);
    t->filter = WordFilter(entries.size());
    for (const auto& [key, entry] : entries) t->filter.Add(TableWordHash(key));
    return t;
  }();
  return *tables;
}

// Inlined into ComputeWordFlags, which makes one to four lookups per word.
[[gnu::always_inline]] inline FlagEntry Lookup(const FlagTables& tables, std::string_view w) {
  uint64_t h = TableWordHash(w);
  if (!tables.filter.MayContain(h)) return FlagEntry{};
  const FlagEntry* e = tables.table.Find(w, h);
  return e == nullptr ? FlagEntry{} : *e;
}

// Flags looked up on the bare word; those keyed on the written text
// (particles, place heads, speech verbs, weekdays, the per-token rule
// classes) come from the text.
constexpr uint32_t kTextKeyed = kFlagParticle | kFlagPlaceHead | kFlagSpeechVerb | kFlagWeekday |
                                kFlagPlacePreposition | kFlagEarlierAdjective |
                                kFlagParticipation | kFlagTopicVerb | kFlagTopicCue |
                                kFlagRemoteWord | kFlagVisitVerb | kFlagTripNoun |
                                kFlagNegativeCue | kFlagDateEndWord;
constexpr uint32_t kPlaceBits = kFlagPlace | kFlagCountryish | kFlagPlaceStart;

// ComputeWordFlags for the words its one-lookup path does not take. Not
// inlined: its buffer and extra lookups would give every call a stack frame.
[[gnu::noinline]] uint32_t WordFlagsSlow(const FlagTables& tables, const Token& token,
                                         bool may_have_hyphen) {
  std::string_view text = token.text;
  std::string_view bare = token.Bare();
  char buf[64];
  FlagEntry e = Lookup(tables, bare);
  uint32_t f = e.exact;
  bool has_upper = token.upper_inside || static_cast<unsigned>(text[0] - 'A') < 26;
  if (!token.upper_inside) {
    f |= e.lower;  // lower-case or title-case: the one entry has it all
  } else {
    f |= Lookup(tables, LowerInto(bare, buf)).lower;
  }
  if (bare.size() != text.size()) {
    // Text-keyed classes and place names as written ("U.S.", "Mr.").
    FlagEntry g = Lookup(tables, text);
    uint32_t gl = has_upper ? Lookup(tables, LowerInto(text, buf)).lower : g.lower;
    f = (f & ~kTextKeyed) | (g.exact & (kTextKeyed | kFlagHonorific | kPlaceBits)) |
        (gl & kPlaceBits);
  }
  // "Secretary-General", "President-elect", "Vice-Chairman": a compound that
  // starts with a title head, or with a title modifier and ends with one, is
  // a title head ("Al-Sheikh" is a name).
  // A byte loop rather than find(): words are short, and memchr's call
  // costs more than the loop for the capitalised words that ask.
  size_t first_dash = std::string_view::npos;
  if (token.cap && may_have_hyphen) {
    for (size_t k = 0; k < bare.size(); ++k) {
      if (bare[k] == '-') {
        first_dash = k;
        break;
      }
    }
  }
  if (!(f & kFlagTitleHead) && token.cap) {
    if (first_dash != std::string_view::npos) {
      std::string_view first = bare.substr(0, first_dash);
      std::string_view last = bare.substr(bare.rfind('-') + 1);
      if (IsTitleHead(first) || (IsTitleModifier(first) && IsTitleHead(last))) f |= kFlagTitleHead;
    }
  }
  if (!(f & kFlagHeadWord) && token.cap) {  // organisation heads are capitalised
    if (first_dash != std::string_view::npos && IsOrgHead(bare.substr(0, first_dash))) {
      f |= kFlagHeadWord;
    }
  }
  if (!token.cap && !token.all_caps) f &= ~kPlaceBits;
  return f;
}

}  // namespace

uint32_t ComputeWordFlags(const Token& token, bool may_have_hyphen) {
  if (!token.IsWord()) return 0;
  const FlagTables& tables = Flags();
  // Nearly every word has no inner capital, no final period and no hyphen to
  // look at: one lookup of the word as written then has all its flags (the
  // slow path's other branches would add nothing).
  if (token.upper_inside || token.text.back() == '.' || (token.cap && may_have_hyphen)) {
    return WordFlagsSlow(tables, token, may_have_hyphen);
  }
  FlagEntry e = Lookup(tables, token.text);
  uint32_t f = e.exact | e.lower;
  if (!token.cap && !token.all_caps) f &= ~kPlaceBits;
  return f;
}

}  // namespace parley::extract_internal
