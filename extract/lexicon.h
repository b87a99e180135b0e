// The word classes behind the rules: military ranks with their expansions,
// title words, honorifics, name particles, organisation and place heads,
// event triggers and keywords, speech verbs, month and weekday names, and the
// small word lists of the people, place, date, quote and topic rules. They
// live in one data file, extract/data/lexicon.tsv (its header documents the
// format and every class), compiled into the library at build time and
// parsed once, at first use. Immutable after parsing; pure lookups.
#ifndef PARLEY_EXTRACT_LEXICON_H_
#define PARLEY_EXTRACT_LEXICON_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "extract/tokens.h"

namespace parley::extract_internal {

// Word classes of a token, computed once per token (BuildDocument) so that
// rules test bits instead of looking words up again.
enum WordFlag : uint32_t {
  kFlagStopword = 1u << 0,         // IsNameStopword(bare)
  kFlagRankWord = 1u << 1,         // IsRankWord(bare)
  kFlagTitleHead = 1u << 2,        // IsTitleHead(bare)
  kFlagTitleModifier = 1u << 3,    // IsTitleModifier(bare)
  kFlagHonorific = 1u << 4,        // IsHonorific(text or bare)
  kFlagParticle = 1u << 5,         // IsNameParticle(text)
  kFlagOrgHead = 1u << 6,          // IsOrgHead(bare)
  kFlagOrgWord = 1u << 7,          // IsOrgWord(bare)
  kFlagPlaceHead = 1u << 8,        // IsPlaceHead(text)
  kFlagEventTrigger = 1u << 9,     // IsEventTrigger(lower-cased text)
  kFlagSpeechVerb = 1u << 10,      // IsSpeechVerb(text)
  kFlagMonth = 1u << 11,           // MonthFromName(text) != 0
  kFlagWeekday = 1u << 12,         // WeekdayFromName(text) != 0
  kFlagLocationTrigger = 1u << 13, // IsLocationTrigger(lower-cased text)
  kFlagCountryish = 1u << 14,      // a country or demonym on its own
  kFlagPlace = 1u << 15,           // any gazetteer entry on its own (bare)
  kFlagPlaceStart = 1u << 16,      // starts a multi-word gazetteer entry
  kFlagHeadWord = 1u << 17,        // organisation head, also head_word ("Affairs"), "Division-South"
  kFlagShipPrefix = 1u << 18,      // "USS", "INS", "JS"
  kFlagOrgAcronym = 1u << 19,      // well-known organisation acronyms ("NATO", "IAF")
  kFlagTypeKeyword = 1u << 20,     // first word of an event_keyword (classify.cc)
  kFlagRoleNoun = 1u << 21,        // IsRoleNoun(bare)
  // Classes that rules test on nearly every token, as written (text):
  kFlagPlacePreposition = 1u << 22,  // place_preposition ("in", "at", "aboard")
  kFlagEarlierAdjective = 1u << 23,  // earlier_adjective ("recent", "previous")
  kFlagParticipation = 1u << 24,     // participation_word ("participated", "joined")
  kFlagTopicVerb = 1u << 25,         // topic_verb ("discussed", "reviewed")
  kFlagTopicCue = 1u << 26,          // topic_cue ("focused", "briefing")
  kFlagRemoteWord = 1u << 27,        // remote_word ("video", "telephone"), any case
  kFlagVisitVerb = 1u << 28,         // visit_verb ("visited", "toured")
  kFlagTripNoun = 1u << 29,          // trip_noun ("visit", "trip")
  kFlagNegativeCue = 1u << 30,       // IsNegativeCue(text) ("behalf", "late")
  kFlagDateEndWord = 1u << 31,       // date_end_word ("until", "concluded")
};

// Flags of a word token (0 for punctuation and numbers). A caller that knows
// the token has no '-' (the tokenizer, for words it scanned without joining
// parts) passes may_have_hyphen = false to skip the compound-word search.
uint32_t ComputeWordFlags(const Token& token, bool may_have_hyphen = true);

// The classes of lexicon.tsv, in the order of its header. How each class is
// written and compared ("as written" or "any case", one word or a phrase) and
// which attributes it takes is fixed per class in lexicon.cc and documented
// in the data file.
enum class WordClass : uint8_t {
  // People.
  kRank,
  kTitleHead,
  kTitleModifier,
  kHonorific,
  kNameParticle,
  kNameSuffix,
  kNameStopword,
  kRoleNoun,
  kPersonPronoun,
  kNegativeCue,
  kMeetingVerb,
  kMeetingObjectFollower,
  kPlaceAdjectiveSuffix,
  kPostOrg,
  // Organisations.
  kOrgHead,
  kOrgWord,
  kHeadWord,
  kUnitWord,
  kOrgAcronym,
  kShipPrefix,
  kBodyListWord,
  kBodyMeetingNoun,
  kBodyListOpener,
  // Places.
  kPlaceHead,
  kLocationTrigger,
  kVisitVerb,
  kPlacePreposition,
  kPlaceOfNoun,
  kEarlierAdjective,
  kTripNoun,
  kPlaceClauseWord,
  kFutureMarker,
  kEarlierEventWord,
  kParticipationWord,
  kTakePartVerb,
  kPublisher,
  kRemoteWord,
  kTakePlaceVerb,
  kEarlierAdverb,
  kLanguageName,
  kBylineWord,
  // Event type.
  kEventTrigger,
  kEventType,
  kEventKeyword,
  // Quotes.
  kSpeechVerb,
  kAnonymousSpeaker,
  kSpeakerOrgWord,
  kStatementNoun,
  kSpeakerTrailingWord,
  // Dates.
  kMonth,
  kWeekday,
  kDateReportingVerb,
  kDateStartWord,
  kDateEndWord,
  kUntilWord,
  kClosingVerb,
  kNumberWord,
  // Topics.
  kTopicVerb,
  kTopicLeadingWord,
  kFiniteVerb,
  kTopicCue,
  kTopicPreposition,
  kTopicLinkVerb,
  kTopicInnerPreposition,
  kTopicDeterminer,
  kTopicFiller,
  kTopicStop,
};
inline constexpr int kWordClassCount = static_cast<int>(WordClass::kTopicStop) + 1;

// The name of a class in lexicon.tsv ("rank", "event_keyword").
std::string_view WordClassName(WordClass c);

// One row of lexicon.tsv.
struct LexiconEntry {
  std::string text;  // the entry as written
  std::string key;   // as the class compares it: ASCII-lower-cased for "any case" classes
  int line = 0;      // 1-based line in the data
  // NAME or NAME=VALUE attributes in the order written; flags have an empty value.
  std::vector<std::pair<std::string, std::string>> attributes;

  bool Has(std::string_view name) const;
  std::string_view Get(std::string_view name) const;  // "" when absent
  int GetInt(std::string_view name, int fallback = 0) const;  // validated at parse time
};

// A parsed lexicon. Cheap to copy (shares its immutable tables); safe to
// use from any number of threads.
class Lexicon {
 public:
  // The entry of class `c` that `word` matches, compared as the class
  // compares (as written, or ASCII-case-insensitively); nullptr if none.
  const LexiconEntry* Find(WordClass c, std::string_view word) const;
  bool Contains(WordClass c, std::string_view word) const;
  // Entries of class `c` in file order.
  const std::vector<LexiconEntry>& Entries(WordClass c) const;

  // Longest rank starting at tokens[i] (not past `limit`), compared word by
  // word on Token::Bare(). Returns the number of tokens matched (0 if none)
  // and sets *expanded to the rank it abbreviates (itself when it
  // abbreviates nothing).
  int MatchRank(const std::vector<Token>& tokens, int i, int limit, std::string* expanded) const;
  // True for the first word of a rank entry ("Lieutenant", "Lt", "Rear").
  bool StartsRank(std::string_view word) const;

  struct Impl;  // the parsed tables (lexicon.cc)

 private:
  friend absl::StatusOr<Lexicon> ParseLexicon(std::string_view tsv);
  explicit Lexicon(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

// Parses lexicon.tsv text. Pure (no I/O). Fails with INVALID_ARGUMENT, the
// message naming the line ("lexicon line 12: …"), on: a malformed row (not
// 2 or 3 tab-separated fields, spaces around the entry), an unknown class,
// an entry repeated within its class (in any case for "any case" classes),
// an unknown, repeated, missing or malformed attribute, a reference to an
// entry that does not exist (expands=, type=), and an entry that can never
// match how its class is matched (more words than the class matches, a word
// the tokenizer would cut in two or read as a number, a hyphen in a class
// compared with parts of hyphenated words).
absl::StatusOr<Lexicon> ParseLexicon(std::string_view tsv);

// The lexicon compiled into the library, parsed at first use. The data is a
// build artifact checked by the unit tests: if it does not parse, this
// prints the error and aborts.
const Lexicon& BuiltinLexicon();

// BuiltinLexicon().Contains(c, word).
bool InClass(WordClass c, std::string_view word);

// Words that put an event at a place ("met … in", "travelled to").
bool IsLocationTrigger(std::string_view word);

// BuiltinLexicon().MatchRank: "Lt. Gen.", "Lieutenant General", "LTG", "Air
// Chief Marshal", "Teniente General" (foreign ranks stay as written).
int MatchRank(const std::vector<Token>& tokens, int i, int limit, std::string* expanded);

// True for a word that begins a rank ("Lieutenant", "Lt", "Rear").
bool IsRankWord(std::string_view word);
// True for an expanded rank (as MatchRank gives it) of a general or flag
// officer: "Major General", "Rear Admiral", "Air Commodore", "Generalmajor".
bool IsSeniorRank(std::string_view expanded_rank);

// Civilian title vocabulary, compared case-insensitively on ASCII.
// Heads name a position ("President", "Minister", "Director", "Advisor").
bool IsTitleHead(std::string_view word);
// Modifiers build titles around heads ("National", "Security", "Deputy").
bool IsTitleModifier(std::string_view word);

// Honorifics that are not part of a name ("Mr.", "Dr.", "Sheikh").
bool IsHonorific(std::string_view word);
// Lower-case particles inside names ("bin", "de", "van", "al").
bool IsNameParticle(std::string_view word);
// "III", "Jr": a generational suffix that is part of a name (name_suffix).
bool IsNameSuffix(std::string_view word);
// Capitalised words that are never part of a person's name (function words,
// months, weekdays, organisation and title words).
bool IsNameStopword(std::string_view word);
// Head nouns of a lower-case role ("officer", "commander", "lead"), in any
// case; also WordFlag kFlagRoleNoun on Token::Bare().
bool IsRoleNoun(std::string_view word);
// Words shortly before a name that keep the person out of the event
// ("behalf", "late", "predecessor", "By").
bool IsNegativeCue(std::string_view word);

// Where a verb of meeting puts the person met.
enum class MeetingFrame : uint8_t {
  kDirect,  // right after the verb: "met X", "welcomed X"
  kWith,    // after "with": "met with X", "talks with X"
  kBy,      // after "by": "accompanied by X", "hosted by X"
};
// True when `word` (as written) is a meeting verb with that frame.
bool IsMeetingVerb(std::string_view word, MeetingFrame frame);
// Lower-case words that may follow the person met ("met X in …", "met X
// today"); any other lower-case word makes the name a modifier ("met
// Lockheed Martin executives").
bool IsMeetingObjectFollower(std::string_view word);
// "London-based", "British-origin", "Japan-born": the part after the last
// hyphen is a place-adjective suffix (so the word is not a name).
bool HasPlaceAdjectiveSuffix(std::string_view word);

// Words that end an organisation name ("Division", "Army", "Staff").
bool IsOrgHead(std::string_view word);
// Words that can be inside an organisation name without heading it.
bool IsOrgWord(std::string_view word);
// Military unit words ("Army", "Brigade", "Rifles"), compared with `word`'s
// part before its first hyphen ("Army-Navy" -> "Army").
bool IsUnitWord(std::string_view word);
// Ship prefixes whose ships take part as units ("USS", "INS", "HMS").
bool IsUnitShipPrefix(std::string_view word);
// ISO 3166-1 alpha-2 code of a ship prefix's navy ("USS" -> "US"); empty
// when `word` is no ship prefix or its country is not recorded.
std::string_view ShipPrefixCountry(std::string_view word);

// Geographic heads of place names ("Sea", "Headquarters", "Memorial").
bool IsPlaceHead(std::string_view word);
// Verbs and nouns that mark taking part in the event ("met", "talks").
bool IsEventTrigger(std::string_view word);
// Verbs introducing a quotation ("said", "underlined", "tweeted").
bool IsSpeechVerb(std::string_view word);
// Third-person pronouns usable as quote speakers.
bool IsPersonPronoun(std::string_view word);
int WeekdayFromName(std::string_view word);  // Monday=1..Sunday=7, else 0
// Month of a lexicon month name or abbreviation in any case, without a
// trailing period ("march", "Sept"): 1..12, else 0. calendar.h's
// MonthFromName also strips the period.
int MonthNumber(std::string_view word);

// Splits on `sep`, keeping empty pieces unless skip_empty.
std::vector<std::string_view> Split(std::string_view s, char sep, bool skip_empty = false);

// ASCII-lower-cases `s` into `buf` without allocating; empty when `s` is
// longer than the buffer.
std::string_view LowerInto(std::string_view s, char (&buf)[64]);

// Hash for words a few bytes long: one multiply per eight bytes, cheaper than
// absl::Hash on the lookups every token makes (lexicon, common words).
size_t HashWord(std::string_view word);

// ASCII-lower-cased copy (non-ASCII bytes kept).
std::string Lower(std::string_view s);

}  // namespace parley::extract_internal

#endif  // PARLEY_EXTRACT_LEXICON_H_
