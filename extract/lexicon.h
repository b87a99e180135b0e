// Word lists behind the rules: military ranks (with their abbreviations and
// expansions), civilian title words, honorifics, name particles, organisation
// heads, event trigger words. Immutable tables; pure lookups.
#ifndef PARLEY_EXTRACT_LEXICON_H_
#define PARLEY_EXTRACT_LEXICON_H_

#include <string>
#include <string_view>
#include <vector>

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
  kFlagHeadWord = 1u << 17,        // organisation head, also "Affairs", "Division-South"
  kFlagShipPrefix = 1u << 18,      // "USS", "INS", "JS"
  kFlagOrgAcronym = 1u << 19,      // well-known organisation acronyms ("NATO", "IAF")
  kFlagTypeKeyword = 1u << 20,     // first word of an event-type keyword (classify.cc)
};

// Flags of a word token (0 for punctuation and numbers).
uint32_t ComputeWordFlags(const Token& token);

// Words that put an event at a place ("met … in", "travelled to").
bool IsLocationTrigger(std::string_view word);

// Longest military rank starting at tokens[i] (not past `limit`): "Lt. Gen.",
// "Lieutenant General", "LTG", "Air Chief Marshal", "Teniente General".
// Returns the number of tokens matched (0 if none) and sets *expanded to the
// expanded rank ("Lieutenant General"; foreign ranks stay as written).
int MatchRank(const std::vector<Token>& tokens, int i, int limit, std::string* expanded);

// True for a word that begins a rank ("Lieutenant", "Lt", "Rear").
bool IsRankWord(std::string_view word);

// Civilian title vocabulary, compared case-insensitively on ASCII.
// Heads name a position ("President", "Minister", "Director", "Advisor").
bool IsTitleHead(std::string_view word);
// Modifiers build titles around heads ("National", "Security", "Deputy").
bool IsTitleModifier(std::string_view word);

// Honorifics that are not part of a name ("Mr.", "Dr.", "Sheikh").
bool IsHonorific(std::string_view word);
// Lower-case particles inside names ("bin", "de", "van", "al").
bool IsNameParticle(std::string_view word);
// Capitalised words that are never part of a person's name (function words,
// months, weekdays, organisation and title words).
bool IsNameStopword(std::string_view word);
// Words that end an organisation name ("Division", "Army", "Staff").
bool IsOrgHead(std::string_view word);
// Words that can be inside an organisation name without heading it.
bool IsOrgWord(std::string_view word);
// Geographic heads of place names ("Sea", "Headquarters", "Memorial").
bool IsPlaceHead(std::string_view word);
// Verbs and nouns that mark taking part in the event ("met", "talks").
bool IsEventTrigger(std::string_view word);
// Verbs introducing a quotation ("said", "underlined", "tweeted").
bool IsSpeechVerb(std::string_view word);
// Third-person pronouns usable as quote speakers.
bool IsPersonPronoun(std::string_view word);
int WeekdayFromName(std::string_view word);  // Monday=1..Sunday=7, else 0

// Splits on `sep`, keeping empty pieces unless skip_empty.
std::vector<std::string_view> Split(std::string_view s, char sep, bool skip_empty = false);

// ASCII-lower-cases `s` into `buf` without allocating; empty when `s` is
// longer than the buffer.
std::string_view LowerInto(std::string_view s, char (&buf)[64]);

// ASCII-lower-cased copy (non-ASCII bytes kept).
std::string Lower(std::string_view s);

}  // namespace parley::extract_internal

#endif  // PARLEY_EXTRACT_LEXICON_H_
