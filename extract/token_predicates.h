// Small token tests shared by the organisation, title and person rules.
// Pure and inline: the rules call them for nearly every token.
#ifndef PARLEY_EXTRACT_TOKEN_PREDICATES_H_
#define PARLEY_EXTRACT_TOKEN_PREDICATES_H_

#include <string>
#include <string_view>

#include "extract/gazetteer.h"
#include "extract/lexicon.h"
#include "extract/tokens.h"

namespace parley::extract_internal {

inline bool IsPossessive(const Token& t) {
  return t.kind == TokenKind::kPunct && (t.Is("\xE2\x80\x99s") || t.Is("'s") ||
                                         t.Is("\xE2\x80\x99S") || t.Is("'S"));
}
inline bool IsOpenParen(const Token& t) { return t.kind == TokenKind::kPunct && t.Is("("); }
inline bool IsCloseParen(const Token& t) { return t.kind == TokenKind::kPunct && t.Is(")"); }
inline bool IsOrdinalOrNumber(const Token& t) { return t.kind == TokenKind::kNumber; }

// Title words as written: the lexicon flags are keyed on the bare word, and
// a dotted abbreviation ("Gov.") is not a title head as written.
inline bool TitleHeadAsWritten(const Token& t) {
  return t.Has(kFlagTitleHead) && t.Bare().size() == t.text.size();
}
inline bool TitleModifierAsWritten(const Token& t) {
  return t.Has(kFlagTitleModifier) && t.Bare().size() == t.text.size();
}

inline bool Countryish(const Token& t) { return t.Has(kFlagCountryish); }

// ISO code of a country or demonym token ("Saudi" -> SA), else empty.
inline std::string CountryCodeOf(const Token& t) {
  PlaceEntry e = LookupPlace(t.text);
  if (e.kind == PlaceKind::kNone) e = LookupPlace(t.Bare());
  if (e.kind == PlaceKind::kCountry || e.kind == PlaceKind::kDemonym) return e.code;
  return "";
}

}  // namespace parley::extract_internal

#endif  // PARLEY_EXTRACT_TOKEN_PREDICATES_H_
