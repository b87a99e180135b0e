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
