// Titles and appositions around a person's name: the title region before a
// name ("Saudi Prime Minister and Crown Prince", "Indian Air Force chief"),
// the apposition after it (", Director of the Strategy and Plans Division of
// the Republic of Korea Joint Chiefs of Staff", ", commanding officer, USS
// Ronald Reagan"), and acronyms the article writes out ("NSA" -> "National
// Security Advisor"). Pure.
#ifndef PARLEY_EXTRACT_TITLES_H_
#define PARLEY_EXTRACT_TITLES_H_

#include <string>
#include <string_view>

#include "extract/person_context.h"
#include "extract/tokens.h"

namespace parley::extract_internal {

// Parses the title region [a, b) into role, organisation and country; leaves
// `attr` unchanged where the region gives none. The role is set only when
// the region holds a title head.
void ParseTitleRegion(const PeopleContext& c, int a, int b, Attributes* attr);

// Walks back from `end` (exclusive, not before `sentence_begin`) over the
// words a title region is made of; returns the region's first token (`end`
// when there is none).
int TitleRegionStart(const PeopleContext& c, int sentence_begin, int end);

// Parses the apposition that starts at token `i`, right after a name, up to
// `end`; fills only the attributes still empty.
void ParseApposition(const PeopleContext& c, int i, int end, Attributes* attr);

enum class AcronymOf { kTitle, kUnit };

// The capitalised words of the article whose initials spell `acronym`,
// skipping "of", "the", "for" and "and" inside: a title ("NSA" -> "National
// Security Advisor"; "Port Moresby" is not "PM") or a unit ending in an
// organisation head ("BCT" -> "Brigade Combat Team"). Empty if none or if
// `acronym` is not 2-5 capitals.
std::string ExpandAcronym(const Document& doc, std::string_view acronym, AcronymOf kind);

}  // namespace parley::extract_internal

#endif  // PARLEY_EXTRACT_TITLES_H_
