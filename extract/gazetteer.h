// Gazetteer: countries (generated at build time from Debian's iso-codes),
// plus curated country aliases, demonyms, cities and geographic features
// (extract/data/places.tsv, embedded at build time). Immutable after first
// use; no run-time file I/O.
#ifndef PARLEY_EXTRACT_GAZETTEER_H_
#define PARLEY_EXTRACT_GAZETTEER_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace parley::extract_internal {

// kRegion: areas too broad to be where an event took place ("Indo-Pacific").
enum class PlaceKind { kNone, kCountry, kDemonym, kCity, kFeature, kRegion };

struct PlaceEntry {
  PlaceKind kind = PlaceKind::kNone;
  std::string code;  // ISO 3166-1 alpha-2; empty for features
};

// Looks up a phrase as written ("Republic of Korea", "Korean", "Seoul",
// "South China Sea"). Matching is case-insensitive for phrases longer than
// three letters and exact for short acronyms ("US", "ROK"). Returns kind
// kNone when unknown.
PlaceEntry LookupPlace(std::string_view phrase);

// The English short name of a country code ("KR" -> "Korea, Republic of"),
// preferring the common name; empty if unknown.
std::string CountryName(std::string_view code);

// A NATO or national military site known by its institution's name, and the
// town that hosts it ("Allied Maritime Command" -> Northwood, GB). Annotators
// name the town when the article writes it; see places.cc.
struct SiteEntry {
  std::string town;
  std::string code;
};
// The site an institution name (as written, case-insensitive) designates;
// nullptr when it is none.
const SiteEntry* LookupSite(std::string_view institution);

// True for a multinational body named after the place it serves ("Kosovo
// Force"): its name does not make that state a party.
bool IsPlaceNamedMission(std::string_view org);

// The most words of a multi-word entry starting with `word`
// (case-insensitive); 0 when none starts with it.
int MaxPlaceWordsStartingWith(std::string_view word);

// Calls fn(key, kind, exact) for every entry: key lower-cased, or as written
// for exact (case-sensitive short acronym) entries.
void ForEachPlaceKey(void (*fn)(void* ctx, std::string_view key, PlaceKind kind, bool exact),
                     void* ctx);

}  // namespace parley::extract_internal

#endif  // PARLEY_EXTRACT_GAZETTEER_H_
