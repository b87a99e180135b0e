#include "extract/titles.h"

#include <algorithm>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "extract/common_words.h"
#include "extract/gazetteer.h"
#include "extract/lexicon.h"
#include "extract/token_predicates.h"

namespace parley::extract_internal {

namespace {

// Only title words ("National Security", "Foreign Affairs"): a title, not an
// organisation.
bool TitleWordsOnly(const PeopleContext& c, const OrgMention& o) {
  for (int q = o.first_token; q < o.last_token; ++q) {
    if (!c.tokens()[q].Has(kFlagTitleModifier) && !c.tokens()[q].Is("Affairs")) return false;
  }
  return true;
}

// An acronym that names an organisation before a title: "NATO Secretary
// General", "NSPA General Manager", "KFOR Commander".
bool IsLeadingAcronym(const std::vector<Token>& t, int a, int b) {
  const Token& x = t[a];
  if (!x.all_caps || !x.IsWord() || x.Bare().size() < 2 || a + 1 >= b) return false;
  if (x.Has(kFlagRankWord | kFlagHonorific | kFlagTitleHead | kFlagCountryish)) return false;
  return TitleHeadAsWritten(t[a + 1]) || TitleModifierAsWritten(t[a + 1]);
}

// Leading organisation: "Indian Air Force chief", "NATO’s Director", "NATO
// Secretary General". Returns the region's new start.
int TakeLeadingOrg(const PeopleContext& c, int a, int b, Attributes* attr) {
  const auto& t = c.tokens();
  if (c.OrgAt(a) < 0) {
    if (!IsLeadingAcronym(t, a, b)) return a;
    attr->org = std::string(t[a].Bare());
    return a + 1;
  }
  const OrgMention& o = c.orgs()[c.OrgAt(a)];
  if (o.last_token >= b) return a;
  int k = o.last_token;
  if (k < b && IsCloseParen(t[k])) ++k;
  if (k < b && IsPossessive(t[k])) ++k;
  // "U.S. Air Forces Europe-Air Forces Africa commander": a lower-case role
  // noun closing the region.
  bool role_noun = k + 1 == b && t[k].IsWord() && !t[k].cap && t[k].Has(kFlagRoleNoun);
  if (k < b && (TitleHeadAsWritten(t[k]) || TitleModifierAsWritten(t[k]) || role_noun) &&
      !TitleWordsOnly(c, o)) {
    attr->org = o.name;
    return k;
  }
  return a;
}

// Trailing organisation: "… of the ORG" (dropped from the role), or "Commander
// Joint Force Command Brunssum" (a title head right before it; the role keeps
// it, as written). Returns the region's new end.
// Whether [k, b) goes on with a name cut from the organisation before it:
// "of Security" after "National Directorate", "Europe and Africa" after
// "United States Army": a link word or a place, then capitalised words that
// are neither a person's name nor a title ("of the President", "and Foreign
// Minister", "of Ukraine Andriy Yermak" are not).
bool ContinuesOrgName(const PeopleContext& c, int k, int b) {
  const auto& t = c.tokens();
  // "United States Army" + "Europe and Africa": a place may go on the name.
  bool place = k < b && t[k].cap && t[k].Has(kFlagPlace) && !t[k].Has(kFlagTitleHead);
  if (!place && (k + 1 >= b || !(t[k].Is("of") || t[k].Is("and")))) return false;
  for (int i = k + 1; i < b; ++i) {
    if (t[i].Is("of") || t[i].Is("and") || t[i].Is("the")) continue;
    if (!t[i].cap || t[i].Has(kFlagTitleHead) || c.IsNameToken(i)) return false;
  }
  return t[b - 1].cap;
}

int TakeTrailingOrg(const PeopleContext& c, int a, int b, Attributes* attr) {
  const auto& t = c.tokens();
  for (int k = b - 1; k > a; --k) {
    if (c.OrgAt(k) < 0) continue;
    const OrgMention& o = c.orgs()[c.OrgAt(k)];
    bool continued = o.last_token < b - 1 && ContinuesOrgName(c, o.last_token, b);
    if (o.last_token < b - 1 && !continued) continue;
    if (TitleWordsOnly(c, o)) return b;
    int of = o.first_token - 1;
    // "Chairman of our Supervisory Board", "Director of its Division".
    if (of > a && (t[of].Is("the") || t[of].Is("our") || t[of].Is("its") || t[of].Is("their"))) {
      --of;
    }
    std::string name = continued ? std::string(c.doc().TokenRange(o.first_token, b)) : o.name;
    if (of > a && t[of].Is("of")) {
      attr->org = name;
      return of;
    }
    if (o.first_token > a && TitleHeadAsWritten(t[o.first_token - 1])) attr->org = name;
    return b;
  }
  return b;
}

// "Commander of NATO’s Allied Air Command and of United States Air Forces in
// Europe": of a post held twice, the first. Returns the region's new end.
int FirstOfTwoPosts(const std::vector<Token>& t, int a, int b) {
  for (int k = a + 1; k + 1 < b; ++k) {
    if (t[k].Is("and") && t[k + 1].Is("of")) return k;
  }
  return b;
}

// "the Director NSA", "the Chief of Staff ACT": an acronym the article
// introduced or writes out closes the title and names its organisation.
// Returns the region's new end.
// "Commander JFC Brunssum": the acronym may be followed by the town of that
// command, which then stays in the organisation's name.
int TakeClosingAcronymOrg(const PeopleContext& c, int a, int b, Attributes* attr) {
  const auto& t = c.tokens();
  // (Right after the title's head: not "Administrator of UT Chandigarh".)
  bool town = b - a >= 3 && t[b - 1].cap && !t[b - 1].all_caps && t[b - 1].Has(kFlagPlace) &&
              !t[b - 1].Has(kFlagCountryish) && TitleHeadAsWritten(t[b - 3]);
  int acr = town ? b - 2 : b - 1;
  if (!attr->org.empty() || acr - a < 1 || !t[acr].all_caps || !t[acr].IsWord() ||
      t[acr].Bare().size() < 2 || t[acr].Has(kFlagCountryish | kFlagRankWord)) {
    return b;
  }
  bool head = false;
  for (int k = a; k < acr; ++k) head |= TitleHeadAsWritten(t[k]);
  if (!head) return b;
  const std::string* introduced = c.OrgForAcronym(t[acr].text);
  std::string org = introduced != nullptr
                        ? *introduced
                        : ExpandAcronym(c.doc(), t[acr].Bare(), AcronymOf::kUnit);
  if (town) {
    org = std::string(org.empty() ? t[acr].Bare() : org) + " " + std::string(t[b - 1].text);
  }
  if (org.empty()) return b;
  attr->org = org;
  return acr;
}

}  // namespace

// Words a title region can begin with that are not part of the title:
// connectors, punctuation, time words ("and President", "to Prime Minister",
// "- Secretary of Commerce", ") Director", "Today Vice President").
bool IsRegionOpener(const Token& x) {
  if (x.kind == TokenKind::kPunct) return true;
  return x.Is("and") || x.Is("the") || x.Is("The") || x.Is("of") || x.Is("its") ||
         x.Is("his") || x.Is("her") || x.Is("their") || x.Is("to") || x.Is("for") ||
         x.Is("by") || x.Is("with") || x.Is("from") || x.Is("Today") || x.Is("today") ||
         x.Is("Yesterday") || x.Is("yesterday") || x.Has(kFlagWeekday);
}

// Words a title region cannot end with ("Secretary General of", "Mayor &",
// "Director of National Intelligence (").
bool IsRegionCloser(const Token& x) {
  if (x.kind == TokenKind::kPunct) return !IsCloseParen(x);
  return x.Is("and") || x.Is("the") || x.Is("of") || x.Is("for") || x.Is("to") || x.Is("by");
}

void ParseTitleRegion(const PeopleContext& c, int a, int b, Attributes* attr) {
  const auto& t = c.doc().tokens;
  while (a < b) {
    // "(ROK) President": a bracketed acronym before the title.
    if (IsOpenParen(t[a]) && a + 2 < b && IsCloseParen(t[a + 2])) {
      a += 3;
    } else if (IsRegionOpener(t[a]) || IsPossessive(t[a])) {
      ++a;
    } else {
      break;
    }
  }
  while (b > a && IsRegionCloser(t[b - 1])) --b;
  // An unclosed bracket at the end: "Director of National Intelligence (".
  if (b > a && IsCloseParen(t[b - 1])) {
    int open = b - 1;
    while (open > a && !IsOpenParen(t[open])) --open;
    if (!IsOpenParen(t[open])) --b;
  }
  // A bracket the region cuts open: "Assistant Secretary of the Army
  // (Acquisition, Logistics and Technology)" cut at the comma.
  for (int k = b - 1; k > a; --k) {
    if (IsCloseParen(t[k])) break;
    if (IsOpenParen(t[k])) {
      b = k;
      break;
    }
  }
  if (a >= b) return;
  a = TakeLeadingOrg(c, a, b, attr);
  // Leading country or demonym ("Saudi", "UAE", "U.S."), then perhaps an
  // organisation ("Croatian Air Force Air Chief").
  int before_country = a;
  while (a < b && Countryish(t[a]) && a + 1 < b) {
    if (attr->country.empty()) attr->country = CountryCodeOf(t[a]);
    ++a;
    if (a < b && IsPossessive(t[a])) ++a;
  }
  if (a > before_country && attr->org.empty()) a = TakeLeadingOrg(c, a, b, attr);
  // "… of Finland and Prime Minister Ulf Kristersson": the country closed
  // the previous person's title.
  while (a < b && (t[a].Is("and") || t[a].Is(","))) ++a;
  // "Republic of Korea (ROK) President": the country's bracketed acronym.
  if (a + 2 < b && IsOpenParen(t[a]) && IsCloseParen(t[a + 2])) a += 3;
  // Trailing "of India".
  if (b - a >= 3 && t[b - 2].Is("of") && Countryish(t[b - 1])) {
    if (attr->country.empty()) attr->country = CountryCodeOf(t[b - 1]);
    b -= 2;
  }
  // "Chief of Staff, Japan Joint Staff Gen. Koji Yamazaki": an organisation
  // alone before the rank.
  if (attr->org.empty() && c.OrgAt(a) >= 0 && c.orgs()[c.OrgAt(a)].first_token == a &&
      c.orgs()[c.OrgAt(a)].last_token >= b && !TitleWordsOnly(c, c.orgs()[c.OrgAt(a)])) {
    attr->org = c.orgs()[c.OrgAt(a)].name;
    return;
  }
  b = TakeClosingAcronymOrg(c, a, FirstOfTwoPosts(t, a, b), attr);
  b = TakeTrailingOrg(c, a, b, attr);
  bool has_head = false;
  for (int k = a; k < b; ++k) {
    if (t[k].Has(kFlagTitleHead) && !t[k].Is("counterpart") && !t[k].Is("Counterpart") &&
        !t[k].Is("counterparts")) {
      has_head = true;
    }
  }
  if (!has_head) return;
  attr->role = std::string(c.doc().TokenRange(a, b));
}

namespace {

// Start of a two- or three-token place ending right before `end`; -1 if none.
int PlaceStartingBefore(const Document& doc, int sentence_begin, int end) {
  for (int n = 3; n >= 2; --n) {
    int start = end - n;
    if (start < sentence_begin || !doc.tokens[start].Has(kFlagPlaceStart)) continue;
    if (LookupPlace(doc.TokenRange(start, end)).kind != PlaceKind::kNone) return start;
  }
  return -1;
}

}  // namespace

namespace {

// Token i is a name word that no title or organisation word could be.
bool EndsAName(const PeopleContext& c, int i) {
  return c.IsNameToken(i) &&
         !c.tokens()[i].Has(kFlagTitleHead | kFlagTitleModifier | kFlagOrgWord | kFlagHeadWord |
                            kFlagCountryish);
}

}  // namespace

int TitleRegionStart(const PeopleContext& c, int sentence_begin, int end) {
  const auto& t = c.doc().tokens;
  int k = end;
  while (k > sentence_begin) {
    const Token& x = t[k - 1];
    if (x.credit) break;
    // "Supreme Allied Commander Europe (SACEUR) General …": a bracketed
    // acronym inside the title.
    if (IsCloseParen(x) && k - 3 >= sentence_begin && IsOpenParen(t[k - 3])) {
      k -= 3;
      continue;
    }
    bool ok = false;
    if (x.IsWord()) {
      std::string_view w = x.Bare();
      if (x.cap) {
        ok = x.Has(kFlagTitleHead | kFlagTitleModifier | kFlagOrgWord | kFlagHeadWord |
                   kFlagCountryish) ||
             c.OrgAt(k - 1) >= 0 ||
             (x.all_caps && w.size() <= 4 && k < end && t[k].cap &&
              (TitleHeadAsWritten(t[k]) || TitleModifierAsWritten(t[k])));
        if (!ok && k < end && (t[k].Is("of") || t[k].Is("for")) == false && k - 1 > sentence_begin &&
            (t[k - 2].Is("of") || t[k - 2].Is("for") || t[k - 2].Is("to"))) {
          ok = true;  // "for Policy", "to India"
        }
        if (!ok && k - 2 >= sentence_begin && (t[k - 2].Is("for") || t[k - 2].Is("to") || t[k - 2].Is("of"))) ok = true;
        // "Advisor for International Economics": plain English words inside.
        // The flag first: it rules out most words without a dictionary lookup.
        if (!ok && k - 2 >= sentence_begin && t[k - 2].Has(kFlagTitleHead | kFlagTitleModifier) &&
            IsOnlyCommonWord(w)) {
          ok = true;
        }
        // "for European and Eurasian Affairs James O’Brien": a word right
        // before the head word that closes the title names that body.
        if (!ok && k + 1 == end && t[k].cap && t[k].Has(kFlagHeadWord) &&
            !t[k].Has(kFlagTitleHead)) {
          ok = true;
        }
        // "Supreme Allied Commander Europe": a place right after a title head.
        if (!ok && x.Has(kFlagPlace) && k - 2 >= sentence_begin &&
            TitleHeadAsWritten(t[k - 2])) {
          ok = true;
        }
        // "Commander of NATO’s Combined Air Operations Centre (CAOC) Uedem":
        // the town of a body closes its name (after its bracketed acronym or
        // its head word).
        if (!ok && x.Has(kFlagPlace) && k - 2 > sentence_begin &&
            ((IsCloseParen(t[k - 2]) && k - 4 >= sentence_begin && IsOpenParen(t[k - 4])) ||
             (t[k - 2].cap && t[k - 2].Has(kFlagOrgHead)))) {
          ok = true;
        }
        if (!ok) {
          // A place in the title: "Senior Director for the Western Hemisphere".
          int place_start = PlaceStartingBefore(c.doc(), sentence_begin, k);
          if (place_start >= 0) {
            k = place_start;
            continue;
          }
        }
      } else if (x.Is("and") && k - 2 >= sentence_begin &&
                 (EndsAName(c, k - 2) || IsCloseParen(t[k - 2]))) {
        // "Defense Minister Hamada and Deputy Prime Minister Marles", "Andrea
        // Manciulli (Chairman of …) and Sheikh Thamer": the words before
        // "and" end another person's name or bracketed post.
        ok = false;
      } else {
        ok = x.Is("of") || x.Is("the") || x.Is("and") || x.Is("for") || x.Is("to") ||
             x.Is("chief") || x.Is("minister") || x.Is("counterpart") ||
             x.Is("ambassador") || x.Is("envoy") || x.Is("adviser") || x.Is("advisor") ||
             x.Is("commander") || x.Is("president") || x.Is("head");
      }
    } else {
      ok = IsPossessive(x) || x.Is("&") || x.Is("-") || IsCloseParen(x) || IsOpenParen(x);
    }
    if (!ok) break;
    --k;
  }
  return k;
}

std::string ExpandAcronym(const Document& doc, std::string_view acronym, AcronymOf kind) {
  if (acronym.size() < 2 || acronym.size() > 5) return "";
  for (char ch : acronym) {
    if (ch < 'A' || ch > 'Z') return "";
  }
  const auto& t = doc.tokens;
  for (size_t start = 0; start < t.size(); ++start) {
    // A unit may open with an acronym of its own ("NATO Defense College").
    bool acronym_start = kind == AcronymOf::kUnit && t[start].all_caps && t[start].Bare().size() > 1;
    if (!t[start].cap || (t[start].all_caps && !acronym_start) || t[start].text[0] != acronym[0]) {
      continue;
    }
    size_t k = start, letter = 0;
    while (k < t.size() && letter < acronym.size()) {
      const Token& w = t[k];
      // A unit's acronym may spell its "of" ("MOD": Ministry of Defence).
      if (kind == AcronymOf::kUnit && letter > 0 && w.Is("of") && acronym[letter] == 'O') {
        ++letter;
        ++k;
        continue;
      }
      if (letter > 0 && (w.Is("of") || w.Is("the") || w.Is("for") || w.Is("and"))) {
        ++k;
        continue;
      }
      if (!w.cap || (w.all_caps && k != start) || w.text[0] != acronym[letter]) break;
      ++letter;
      ++k;
    }
    if (letter != acronym.size()) continue;
    bool fits = false;
    if (kind == AcronymOf::kTitle) {
      for (size_t q = start; q < k; ++q) fits |= t[q].Has(kFlagTitleHead);
    } else {
      fits = t[k - 1].Has(kFlagHeadWord);
    }
    // Not the start of a longer capitalised name.
    if (fits && (k >= t.size() || !t[k].cap || t[k].in_quote != t[start].in_quote)) {
      return std::string(doc.TokenRange(static_cast<int>(start), static_cast<int>(k)));
    }
  }
  return "";
}

namespace {

// "officer", "Commander", "chief": the head noun of a lower-case role.
bool IsRoleNounToken(const Token& t) { return t.IsWord() && t.Has(kFlagRoleNoun); }

// "2nd BCT" -> "2nd Brigade Combat Team" when the article writes the unit
// out; a numbered unit otherwise as written ("557th ERHS"); empty for a bare
// acronym the article never writes out (medals: "Vice Admiral X, AVSM, VSM").
// [a, b) is [number] ACRONYM.
std::string UnitName(const Document& doc, int a, int b) {
  std::string expanded = ExpandAcronym(doc, doc.tokens[b - 1].text, AcronymOf::kUnit);
  if (b - a == 1) return expanded;
  if (expanded.empty()) return std::string(doc.TokenRange(a, b));
  return std::string(doc.tokens[a].text) + " " + expanded;
}

// [a, b) is a unit written as an acronym: "557th ERHS", "2nd BCT", "CSG".
bool IsUnitAcronym(const std::vector<Token>& t, int a, int b) {
  if (b - a == 2) return IsOrdinalOrNumber(t[a]) && t[a + 1].all_caps && t[a + 1].IsWord();
  return b - a == 1 && t[a].all_caps && t[a].IsWord() && t[a].Bare().size() >= 3;
}

// "X of Turkey", "X of the United Kingdom", "X of Tampa, Fla., a …": skips
// an "of" phrase after a name (taking a country from it); returns the token
// after it.
int SkipOfPhrase(const PeopleContext& c, int i, int end, Attributes* attr) {
  const auto& t = c.tokens();
  if (i + 1 >= end || !t[i].Is("of") || !(t[i + 1].cap || t[i + 1].Is("the"))) return i;
  int k0 = i + 1 + (t[i + 1].Is("the") ? 1 : 0);
  for (int n = std::min(6, end - k0); n >= 1; --n) {
    if (!t[k0 + n - 1].IsWord()) continue;
    PlaceEntry e = LookupPlace(c.doc().TokenRange(k0, k0 + n));
    if (e.kind == PlaceKind::kCountry) {
      if (attr->country.empty()) attr->country = e.code;
      return k0 + n;
    }
  }
  if (!t[i + 1].cap) return i;  // "of the …" that is not a country
  int k = i + 1;
  while (k < end && (t[k].cap || t[k].Is(","))) {
    if (t[k].Is(",") && k + 1 < end && (t[k + 1].Is("a") || t[k + 1].Is("an") || t[k + 1].Is("the"))) break;
    ++k;
  }
  return k;
}

// ", Director of the Strategy and Plans Division of …" in [a, b): a
// capitalised title up to the first lower-case word that is not a connector.
void ParseCapitalisedApposition(const PeopleContext& c, int a, int b, int end,
                                Attributes* attr) {
  const auto& t = c.tokens();
  int k = a;
  while (k < b && (t[k].cap || t[k].all_caps || t[k].Is("of") || t[k].Is("the") ||
                   t[k].Is("and") || t[k].Is("for") || t[k].Is("to") ||
                   (k > a && t[k - 1].Is("of") && (t[k].Is("our") || t[k].Is("its"))) ||
                   IsPossessive(t[k]) || IsOrdinalOrNumber(t[k]) || IsOpenParen(t[k]) ||
                   IsCloseParen(t[k]))) {
    ++k;
  }
  // "U.S. Air Forces Europe-Air Forces Africa commander": a lower-case
  // role noun closes the capitalised title.
  if (k < b && IsRoleNounToken(t[k]) && k + 1 == b) ++k;
  // A title directly followed by a name belongs to the next person; a plain
  // English word closes a title ("Supreme Allied Commander Transformation").
  if (k > a && k < end && c.IsNameToken(k - 1) && !t[k - 1].Has(kFlagTitleHead) &&
      !IsOnlyCommonWord(t[k - 1].Bare())) {
    return;
  }
  // Acronym of an organisation: "Director CS".
  int last = k;
  if (last - a >= 2) {
    if (const std::string* org = c.OrgForAcronym(t[last - 1].text)) {
      attr->org = *org;
      last -= 1;
    }
  }
  Attributes local;
  ParseTitleRegion(c, a, last, &local);
  if (!local.role.empty()) {
    if (attr->role.empty()) attr->role = local.role;
    if (attr->org.empty()) attr->org = local.org;
    if (attr->country.empty()) attr->country = local.country;
  }
  // "Deputy Chief of Staff for Plans at the Joint Force Command Naples": the
  // organisation the post is held at.
  if (!local.role.empty() && attr->org.empty() && k + 1 < b && t[k].Is("at")) {
    // The organisation closes the segment: not cut before "of" ("at the
    // Department of Homeland Security"), nor followed by the next person's
    // name.
    int o = k + 1 + (t[k + 1].Is("the") ? 1 : 0);
    int org_last = o < b && c.OrgAt(o) >= 0 ? c.orgs()[c.OrgAt(o)].last_token : -1;
    if (org_last > o && c.orgs()[c.OrgAt(o)].first_token == o &&
        (org_last >= b ||
         (!t[org_last].Is("of") &&
          !(c.IsNameToken(org_last) && org_last + 1 < b && c.IsNameToken(org_last + 1))))) {
      attr->org = c.orgs()[c.OrgAt(o)].name;
    }
  }
  // "commander, Battle Force 7th Fleet" style continuation, when the title
  // runs to the comma (not "Minister … of Japan held a meeting … with Mr.
  // Anders Fogh Rasmussen, NATO Secretary General").
  bool clause = false;  // a lower-case word other than a connector after the title
  for (int q = k; q < b && !clause; ++q) {
    clause = t[q].IsWord() && !t[q].cap && !t[q].Is("of") && !t[q].Is("and") &&
             !t[q].Is("the") && !t[q].Is("for");
  }
  if (attr->org.empty() && !clause && b < end && t[b].Is(",") && b + 1 < end && c.OrgAt(b + 1) >= 0) {
    attr->org = c.orgs()[c.OrgAt(b + 1)].name;
  }
}

// "CAOC commander", "Latvian Land Forces commander": the organisation (an
// acronym is written out later) at k, right before a lower-case role noun;
// empty when none.
std::string OrgBeforeRoleNoun(const PeopleContext& c, int k, int b) {
  const auto& t = c.tokens();
  if (k + 1 < b && t[k].all_caps && t[k].IsWord() && t[k].Bare().size() >= 2 &&
      !Countryish(t[k]) && !t[k].Has(kFlagRankWord) && IsRoleNounToken(t[k + 1]) &&
      !t[k + 1].cap) {
    return std::string(t[k].Bare());
  }
  if (c.OrgAt(k) >= 0 && c.orgs()[c.OrgAt(k)].first_token == k) {
    int after = c.orgs()[c.OrgAt(k)].last_token;
    if (after < b && IsRoleNounToken(t[after]) && !t[after].cap) return c.orgs()[c.OrgAt(k)].name;
  }
  return "";
}

bool IsOrgLink(const Token& x) {
  return x.Is("of") || x.Is("for") || x.Is("at") || x.Is("from") || x.Is("with");
}

// "deputy chief of staff for Operations and Intelligence from NATO’s Supreme
// Headquarters Allied Powers Europe": a possessor's body closing the
// apposition after a link word, its name running on in capitalised words to
// the end; written without the possessive. Empty when none.
std::string OwnersBodyClosing(const PeopleContext& c, int role_end, int stop) {
  const auto& t = c.tokens();
  for (int k = role_end; k + 3 < stop; ++k) {
    if (!IsOrgLink(t[k]) || t[k].Is("with") || !t[k + 1].cap || !IsPossessive(t[k + 2])) continue;
    if (c.OrgAt(k + 1) < 0 && !t[k + 1].Has(kFlagOrgAcronym)) return "";
    for (int q = k + 3; q < stop; ++q) {
      if (!t[q].cap || !t[q].IsWord() || t[q].Has(kFlagRankWord | kFlagHonorific)) return "";
    }
    if (c.OrgAt(k + 3) < 0) return "";  // the possessed words name a body
    return std::string(t[k + 1].Bare()) + " " + std::string(c.doc().TokenRange(k + 3, stop));
  }
  return "";
}

// The organisation of a lower-case role whose noun ends at role_end (the
// role phrase ends at e, the apposition's words at stop); empty when none.
std::string OrgAfterRoleNoun(const PeopleContext& c, int role_end, int e, int stop) {
  const auto& t = c.tokens();
  // "commanding general for the Latvian Land Forces": right after the noun;
  // not the possessor of what follows ("of the Navy’s forward-deployed
  // aircraft carrier"), nor a name cut before "of" ("the Department of
  // Aeronautics").
  if (role_end < e && IsOrgLink(t[role_end]) && !t[role_end].Is("from")) {
    int o = role_end + 1 + (role_end + 1 < e && t[role_end + 1].Is("the") ? 1 : 0);
    int last = o < e && c.OrgAt(o) >= 0 ? c.orgs()[c.OrgAt(o)].last_token : -1;
    if (last > o && c.orgs()[c.OrgAt(o)].first_token == o &&
        (last >= e || (!IsPossessive(t[last]) && !t[last].Is("of")))) {
      return c.orgs()[c.OrgAt(o)].name;
    }
  }
  // "Department of State Assistant Secretary for the Bureau of East Asian and
  // Pacific Affairs": the body that closes the apposition, after a link word.
  if (stop > role_end && c.OrgAt(stop - 1) >= 0) {
    const OrgMention& o = c.orgs()[c.OrgAt(stop - 1)];
    int link = o.first_token - 1;
    if (link > role_end && t[link].Is("the")) --link;
    if (o.last_token == stop && link >= role_end && IsOrgLink(t[link])) return o.name;
  }
  return OwnersBodyClosing(c, role_end, stop);
}

// Lower-case role in [a, b): "a human resources specialist with the 36th
// Inf. Div.", "Australia’s assistant minister for defense", "the Indian Air
// Force’s first woman Rafale pilot", "commanding officer, USS Ronald Reagan".
void ParseLowercaseApposition(const PeopleContext& c, int a, int b, int end,
                              Attributes* attr) {
  const auto& t = c.tokens();
  int k = a;
  // A list goes on ("X, Y and Z"): not an apposition.
  if (t[k].Is("and") || t[k].Is("or") || t[k].Is("but") || t[k].Is("who") ||
      t[k].Is("which") || t[k].Is("that")) {
    return;
  }
  // "CQ Brown, Jr., held his first call": a verb, not an apposition.
  if (t[k].Has(kFlagEventTrigger | kFlagSpeechVerb) && !IsRoleNounToken(t[k])) return;
  if (t[k].Is("a") || t[k].Is("an") || t[k].Is("the")) ++k;
  std::string org = OrgBeforeRoleNoun(c, k, b), country;
  // Possessor, before the role noun: "Australia’s assistant minister", not
  // "commanding officer of the Navy’s forward-deployed aircraft carrier".
  for (int p = k; p < b && p < k + 8; ++p) {
    if (IsRoleNounToken(t[p])) break;
    if (IsPossessive(t[p])) {
      if (c.OrgAt(p - 1) >= 0) org = c.orgs()[c.OrgAt(p - 1)].name;
      else if (Countryish(t[p - 1])) country = CountryCodeOf(t[p - 1]);
      else break;
      k = p + 1;
      break;
    }
  }
  int role_begin = k;
  int role_end = -1;
  int stop = b;
  for (int p = k; p < b; ++p) {
    if (t[p].Has(kFlagSpeechVerb) || t[p].Is("with") || t[p].Is("who") || t[p].Is("is") || t[p].Is("was") ||
        t[p].Is("were") || t[p].Is("are") || t[p].Is("has") || t[p].Is("had")) {
      stop = p;
      break;
    }
    if (IsRoleNounToken(t[p])) role_end = p + 1;
  }
  if (role_end < 0) return;
  // Allow "for defense", "to Australia" after the noun.
  int e = role_end;
  if (e < stop && (t[e].Is("for") || t[e].Is("to") || t[e].Is("of"))) e = stop;
  if (e - role_begin > 10) e = role_end;  // keep the noun phrase, drop the long tail
  if (e - role_begin > 10) return;
  // "deputy commander for 2nd BCT": the unit is the organisation.
  for (int unit = std::max(role_end, e - 2); unit < e; ++unit) {
    const Token& link = t[unit - 1];
    if ((link.Is("for") || link.Is("of") || link.Is("with")) && IsUnitAcronym(t, unit, e)) {
      std::string name = UnitName(c.doc(), unit, e);
      if (name.empty()) continue;
      if (attr->org.empty()) attr->org = name;
      e = unit - 1;
      break;
    }
  }
  attr->role = std::string(c.doc().TokenRange(role_begin, e));
  if (org.empty()) org = OrgAfterRoleNoun(c, role_end, e, stop);
  if (!org.empty() && attr->org.empty()) attr->org = org;
  if (!country.empty() && attr->country.empty()) attr->country = country;
  if (stop < b && t[stop].Is("with")) {
    int o = stop + 1;
    if (o < b && t[o].Is("the")) ++o;
    if (o < b && c.OrgAt(o) >= 0 && attr->org.empty()) attr->org = c.orgs()[c.OrgAt(o)].name;
    else if (o < b && attr->org.empty() && (t[o].cap || IsOrdinalOrNumber(t[o]))) {
      attr->org = std::string(c.doc().TokenRange(o, b));
    }
  }
  if (attr->org.empty() && b < end && t[b].Is(",") && b + 1 < end && c.OrgAt(b + 1) >= 0) {
    attr->org = c.orgs()[c.OrgAt(b + 1)].name;
  }
}

// An organisation at `a` followed by a capitalised title: "Allied Land
// Command (LANDCOM) Chief of Staff" (not "Indian Air Force’s first woman
// Rafale pilot").
bool OrgBeforeTitle(const PeopleContext& c, int a, int b) {
  if (c.OrgAt(a) < 0) return false;
  int k = c.orgs()[c.OrgAt(a)].last_token;
  if (k < b && IsCloseParen(c.tokens()[k])) ++k;
  return k < b && c.tokens()[k].cap && TitleHeadAsWritten(c.tokens()[k]);
}

}  // namespace

// "Andrea Manciulli (Chairman of the Italian Delegation to NATO
// Parliamentary Assembly)": a capitalised title in brackets after the name.
void ParseBracketedApposition(const PeopleContext& c, int i, int end, Attributes* attr) {
  const auto& t = c.tokens();
  int close = i + 1;
  while (close < end && close < i + 16 && !IsCloseParen(t[close])) ++close;
  if (close >= end || !IsCloseParen(t[close]) || close - i < 3) return;
  if (t[i + 1].cap && t[i + 1].Has(kFlagTitleHead | kFlagTitleModifier)) {
    ParseCapitalisedApposition(c, i + 1, close, close, attr);
  }
}

// "General Bert Booman, CIS Group;", "Ambassador Sorin Ducaru, Emerging
// Security Challenges Division at NATO HQ": an organisation alone after the
// name is whom the person represents.
bool OrgOnlyApposition(const PeopleContext& c, int a, int b, Attributes* attr) {
  const auto& t = c.tokens();
  // The body may start one capitalised word later than the words the
  // organisation rules take ("Emerging Security Challenges Division").
  int start = a;
  if (c.OrgAt(start) < 0 && start + 1 < b && t[start].cap && !t[start].all_caps &&
      !t[start].Has(kFlagTitleHead | kFlagTitleModifier | kFlagRankWord | kFlagHonorific)) {
    ++start;
  }
  if (c.OrgAt(start) < 0 || t[a].Has(kFlagTitleHead)) return false;
  const OrgMention& o = c.orgs()[c.OrgAt(start)];
  if (o.first_token != start || o.last_token - a < 2) return false;
  int k = o.last_token;
  if (k + 2 < b && IsOpenParen(t[k]) && IsCloseParen(t[k + 2])) k += 3;
  if (k < b && !t[k].Is("at") && !t[k].Is("in")) return false;
  if (attr->org.empty()) {
    attr->org = start == a ? o.name : std::string(t[a].text) + " " + o.name;
  }
  return true;
}

void ParseApposition(const PeopleContext& c, int i, int end, Attributes* attr) {
  const auto& t = c.tokens();
  i = SkipOfPhrase(c, i, end, attr);
  if (i < end && IsOpenParen(t[i])) {
    ParseBracketedApposition(c, i, end, attr);
    return;
  }
  if (i >= end || !t[i].Is(",")) return;
  int a = i + 1;
  if (a >= end) return;
  // Segment up to the next comma/period.
  int b = a;
  while (b < end && !t[b].Is(",") && !t[b].Is(".") && !t[b].Is(";") && t[b].in_quote == t[a].in_quote) ++b;
  if (a == b) return;
  // "Capt. Michael Askegren, 557th ERHS, Village of Hope site commander": the
  // unit, then the role.
  if (IsUnitAcronym(t, a, b)) {
    std::string unit = UnitName(c.doc(), a, b);
    if (!unit.empty()) {
      if (attr->org.empty()) attr->org = unit;
      if (b < end && t[b].Is(",")) ParseApposition(c, b, end, attr);
      return;
    }
  }
  if (OrgOnlyApposition(c, a, b, attr)) return;
  // ", the Commander of LANDCOM", ", the Allied Land Command (LANDCOM) Chief
  // of Staff": a capitalised title after "the".
  if ((t[a].Is("the") || t[a].Is("The")) && a + 1 < b && t[a + 1].cap &&
      (t[a + 1].Has(kFlagTitleHead | kFlagTitleModifier) || OrgBeforeTitle(c, a + 1, b))) {
    ++a;
  }
  const Token& first = t[a];
  bool country_possessive = Countryish(first) && a + 1 < b && IsPossessive(t[a + 1]);
  if (first.cap && !country_possessive &&
      (first.Has(kFlagTitleHead | kFlagTitleModifier) || Countryish(first) ||
       OrgBeforeTitle(c, a, b))) {
    ParseCapitalisedApposition(c, a, b, end, attr);
  } else {
    ParseLowercaseApposition(c, a, b, end, attr);
  }
}

}  // namespace parley::extract_internal
