#include "extract/people.h"

#include <algorithm>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "extract/calendar.h"
#include "extract/gazetteer.h"
#include "extract/lexicon.h"

namespace parley::extract_internal {
namespace {

bool IsPossessive(const Token& t) {
  return t.kind == TokenKind::kPunct && (t.Is("\xE2\x80\x99s") || t.Is("'s") ||
                                         t.Is("\xE2\x80\x99S") || t.Is("'S"));
}
bool IsOpenParen(const Token& t) { return t.kind == TokenKind::kPunct && t.Is("("); }
bool IsCloseParen(const Token& t) { return t.kind == TokenKind::kPunct && t.Is(")"); }

// Title words as written: the lexicon flags are keyed on the bare word, and
// a dotted abbreviation ("Gov.") is not a title head as written.
bool TitleHeadAsWritten(const Token& t) {
  return t.Has(kFlagTitleHead) && t.Bare().size() == t.text.size();
}
bool TitleModifierAsWritten(const Token& t) {
  return t.Has(kFlagTitleModifier) && t.Bare().size() == t.text.size();
}
bool IsOrdinalOrNumber(const Token& t) { return t.kind == TokenKind::kNumber; }

bool Countryish(const Token& t) { return t.Has(kFlagCountryish); }
std::string CountryCodeOf(const Token& t) {
  PlaceEntry e = LookupPlace(t.text);
  if (e.kind == PlaceKind::kNone) e = LookupPlace(t.Bare());
  if (e.kind == PlaceKind::kCountry || e.kind == PlaceKind::kDemonym) return e.code;
  return "";
}

std::string Bare(std::string_view w) {
  std::string s(w);
  while (!s.empty() && (s.back() == '.' || s.back() == ',')) s.pop_back();
  return s;
}

}  // namespace

// ---------------------------------------------------------------------------
// Organisations.

namespace {

bool OrgStartStop(const Token& t) {
  return t.Has(kFlagStopword) && !t.Has(kFlagOrgWord | kFlagOrgHead) &&
         !t.Is("Air") && !t.Is("National") && !t.Is("United") && !t.Is("Republic") &&
         !t.Is("White") && !t.Is("Coast") && !t.Is("Foreign") && !t.Is("External") &&
         !t.Is("Security") && !t.Is("Cooperative") && !t.Is("Strategic") &&
         !t.Is("Special") && !t.Is("Strike") && !t.Is("Carrier") && !t.Is("Task") &&
         !t.Is("Indo-Pacific") && !t.Is("Cyber") && !t.Is("Space") && !t.Is("Naval") &&
         !t.Is("Military") && !t.Is("Joint") && !t.Is("Marine");
}

bool OrgInner(const Token& t) {
  if (t.credit) return false;
  if (t.IsWord()) return t.cap || t.all_caps;
  return false;
}

bool HeadWord(std::string_view w) {
  if (IsOrgHead(w) || w == "Affairs") return true;
  // "Division-South"
  size_t dash = w.find('-');
  if (dash != std::string_view::npos) return IsOrgHead(w.substr(0, dash));
  return false;
}

// "NATO’s Cooperative Security Division" -> "NATO Cooperative Security Division".
std::string WithoutPossessives(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  while (!name.empty()) {
    size_t skip = name.starts_with("\xE2\x80\x99s ") ? 4 : name.starts_with("'s ") ? 2 : 0;
    if (skip) {
      name.remove_prefix(skip);  // keeps the space
      continue;
    }
    out.push_back(name.front());
    name.remove_prefix(1);
  }
  return out;
}

// Splits a capitalised run into organisation names.
void EmitOrgs(const Document& doc, int a, int b, std::vector<OrgMention>* out) {
  const auto& t = doc.tokens;
  // Pieces separated by "of the". Inline storage: this runs for every
  // capitalised run of the article.
  absl::InlinedVector<std::pair<int, int>, 4> pieces;
  int start = a;
  for (int i = a; i + 1 < b; ++i) {
    if (t[i].Is("of") && t[i + 1].Is("the")) {
      pieces.push_back({start, i});
      start = i + 2;
      i += 1;
    }
  }
  pieces.push_back({start, b});
  // "X Carrier Strike Group (CSG) 5 and Japan Maritime Self-Defense Force":
  // split at "and" when both sides have a head word.
  absl::InlinedVector<std::pair<int, int>, 4> split;
  for (auto [p, q] : pieces) {
    int from = p;
    for (int i = p + 1; i + 1 < q; ++i) {
      if (!t[i].Is("and")) continue;
      bool left = false, right = false;
      for (int k = from; k < i; ++k) left |= t[k].IsWord() && HeadWord(t[k].Bare());
      for (int k = i + 1; k < q; ++k) right |= t[k].IsWord() && HeadWord(t[k].Bare());
      bool left_ends = IsOrdinalOrNumber(t[i - 1]) || IsCloseParen(t[i - 1]) ||
                       (t[i - 1].IsWord() && HeadWord(t[i - 1].Bare()));
      // "the United Kingdom and Indian Army soldiers": a place, then a unit.
      bool left_place = !left && right && t[from].Has(kFlagPlace | kFlagPlaceStart) &&
                        LookupPlace(doc.TokenRange(from, i)).kind != PlaceKind::kNone;
      if (left_place) {
        from = i + 1;
        continue;
      }
      if (left && right && left_ends) {
        split.push_back({from, i});
        from = i + 1;
      }
    }
    split.push_back({from, q});
  }
  pieces.swap(split);
  for (auto [p, q] : pieces) {
    // Trim trailing connectors and parens.
    while (q > p && (t[q - 1].Is("of") || t[q - 1].Is("and") || t[q - 1].Is("the") ||
                     t[q - 1].Is("for") || t[q - 1].Is("&") || IsOpenParen(t[q - 1]) ||
                     t[q - 1].Is(","))) {
      --q;
    }
    while (p < q && (t[p].Is("the") || t[p].Is("The") || t[p].Is("and") || t[p].Is("of"))) ++p;
    if (q <= p) continue;
    // A title at the start is not part of the organisation ("Director").
    if (TitleHeadAsWritten(t[p]) || t[p].Has(kFlagRankWord)) continue;
    // Find the last head word (a number or acronym may follow it).
    int head = -1;
    for (int i = q - 1; i >= p; --i) {
      if (t[i].Has(kFlagHeadWord)) {
        head = i;
        break;
      }
    }
    bool ship = t[p].Has(kFlagShipPrefix) && q - p >= 2;
    bool known = q - p == 1 && t[p].Has(kFlagOrgAcronym);
    if (head < 0 && !ship && !known) continue;
    if (head >= 0 && !ship) {
      // Keep "Task Force 70", "Carrier Strike Group (CSG) 5": numbers and a
      // parenthesised acronym may follow the head; other words may not.
      int end = head + 1;
      int k = end;
      while (k < q) {
        if (IsOrdinalOrNumber(t[k])) {
          end = ++k;
        } else if (IsOpenParen(t[k]) && k + 2 < q + 1 && k + 2 <= q && IsCloseParen(t[k + 2])) {
          k += 3;
          if (k < q && IsOrdinalOrNumber(t[k])) end = ++k;
          else end = k;
        } else {
          break;
        }
      }
      q = end;
    }
    OrgMention m;
    m.first_token = p;
    m.last_token = q;
    m.begin = t[p].begin;
    m.end = t[q - 1].end;
    m.sentence = t[p].sentence;
    std::string_view slice = doc.Slice(m.begin, m.end);
    // A trailing "(ACR)" is the acronym, not part of the name.
    if (q - p >= 4 && IsCloseParen(t[q - 1]) && IsOpenParen(t[q - 3])) {
      m.acronym = std::string(t[q - 2].text);
      m.end = t[q - 4].end;
      slice = doc.Slice(m.begin, m.end);
    }
    m.name = WithoutPossessives(slice);
    out->push_back(std::move(m));
  }
}

// "6th Squadron, 8th Cavalry Regiment, 4th Brigade Combat Team, 3rd
// Infantry Division": numbered units separated by commas name one unit, the
// first inside the next.
std::vector<OrgMention> MergeUnitChains(const Document& doc, std::vector<OrgMention> orgs) {
  const auto& t = doc.tokens;
  std::vector<OrgMention> out;
  for (OrgMention& m : orgs) {
    if (!out.empty()) {
      OrgMention& last = out.back();
      bool numbered = IsOrdinalOrNumber(t[last.first_token]) && IsOrdinalOrNumber(t[m.first_token]);
      if (numbered && last.acronym.empty() && m.sentence == last.sentence &&
          m.first_token == last.last_token + 1 && t[last.last_token].Is(",")) {
        last.last_token = m.last_token;
        last.end = m.end;
        last.acronym = m.acronym;
        last.name = std::string(doc.Slice(last.begin, last.end));
        continue;
      }
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

std::vector<OrgMention> FindOrganizations(const Document& doc) {
  std::vector<OrgMention> out;
  const auto& t = doc.tokens;
  for (const Sentence& s : doc.sentences) {
    if (s.credit) continue;
    int i = s.first_token;
    while (i < s.last_token) {
      if (!OrgInner(t[i]) || OrgStartStop(t[i])) {
        // Numbered units start with an ordinal: "36th Inf. Div.", "3rd Advise…".
        if (!(IsOrdinalOrNumber(t[i]) && i + 1 < s.last_token && OrgInner(t[i + 1]) &&
              !t[i + 1].Has(kFlagMonth))) {
          ++i;
          continue;
        }
      }
      int j = i + 1;
      while (j < s.last_token) {
        const Token& x = t[j];
        if (x.credit || x.in_quote != t[i].in_quote) break;
        if (OrgInner(x) && !x.Has(kFlagWeekday | kFlagMonth)) {
          ++j;
          continue;
        }
        if (IsOrdinalOrNumber(x) && !x.space_before == false) {
          ++j;
          continue;
        }
        bool next_cap = j + 1 < s.last_token && OrgInner(t[j + 1]);
        if ((x.Is("of") || x.Is("and") || x.Is("for") || x.Is("&")) && next_cap) {
          ++j;
          continue;
        }
        if (x.Is("of") && j + 2 < s.last_token && t[j + 1].Is("the") && OrgInner(t[j + 2])) {
          j += 2;
          continue;
        }
        if (IsPossessive(x) && next_cap && !TitleHeadAsWritten(t[j + 1])) {
          ++j;
          continue;
        }
        if (IsOpenParen(x) && j + 2 < s.last_token && t[j + 1].all_caps &&
            IsCloseParen(t[j + 2])) {
          j += 3;
          continue;
        }
        if (IsOpenParen(x) && j + 3 < s.last_token && t[j + 1].all_caps &&
            IsOrdinalOrNumber(t[j + 2]) && IsCloseParen(t[j + 3])) {
          j += 4;  // (CVN 76)
          continue;
        }
        break;
      }
      // Possessive runs split where the right part has no head:
      // "George Washington’s Australian partners" is not an organisation.
      EmitOrgs(doc, i, j, &out);
      i = j;
    }
  }
  return MergeUnitChains(doc, std::move(out));
}

// ---------------------------------------------------------------------------
// People.

namespace {

// "Secretary General", "Director General", "Attorney General": the rank
// "General" right after a title head ends that title.
bool TitleEndingInGeneral(const std::vector<Token>& t, int a, int rank_begin,
                          const std::string& rank) {
  if (rank != "General" || rank_begin - 1 < a) return false;
  const Token& before = t[rank_begin - 1];
  return before.Has(kFlagTitleHead) || before.Is("Attorney") || before.Is("Surgeon") ||
         before.Is("Solicitor") || before.Is("Postmaster");
}

// "London-based", "British-origin", "Japan-born": adjectives, not names.
bool IsPlaceAdjective(std::string_view word) {
  size_t dash = word.rfind('-');
  if (dash == std::string_view::npos) return false;
  std::string_view suffix = word.substr(dash + 1);
  for (std::string_view s : {"based", "origin", "born", "led", "made", "owned", "bound",
                             "flagged", "registered", "class", "built", "headquartered"}) {
    if (suffix == s) return true;
  }
  return false;
}

struct Ctx {
  const Document& doc;
  const std::vector<OrgMention>& orgs;
  std::vector<int> org_at;  // token -> org index or -1
  absl::flat_hash_set<std::string> acronyms;
  absl::flat_hash_map<std::string, std::string> acronym_to_org;

  const Token& T(int i) const { return doc.tokens[i]; }

  std::vector<signed char> name_cache;  // -1 unknown, 0/1

  bool IsNameToken(int i) const {
    signed char& cached = const_cast<signed char&>(name_cache[i]);
    if (cached < 0) cached = ComputeNameToken(i) ? 1 : 0;
    return cached == 1;
  }

  bool ComputeNameToken(int i) const {
    const Token& t = T(i);
    if (!t.IsWord() || t.credit) return false;
    std::string_view bare = t.Bare();
    if (bare.size() == 1 && t.cap) return true;  // initial
    if (!t.cap) return false;
    if (t.Has(kFlagStopword | kFlagRankWord | kFlagTitleHead | kFlagHonorific | kFlagHeadWord |
              kFlagPlace | kFlagMonth | kFlagWeekday) ||
        t.Has(kFlagShipPrefix | kFlagOrgAcronym)) {
      return false;
    }
    if (t.all_caps && acronyms.contains(std::string(bare))) return false;
    if (t.all_caps && bare.size() >= 4) return false;
    if (IsPlaceAdjective(bare)) return false;  // "London-based", "British-origin"
    if (t.text.find('.') != std::string_view::npos && bare.size() > 1 &&
        bare.find('.') != std::string_view::npos) {
      return false;  // U.S.
    }
    return true;
  }
};

struct Attr {
  std::string rank, role, org, country;
};

// Parses a title region [a, b) ("Saudi Prime Minister and Crown Prince",
// "Chief of Joint Staff of the Argentina Armed Forces", "Indian Air Force
// chief") into role, organisation and country.
void ParseTitleRegion(const Ctx& c, int a, int b, Attr* attr) {
  const auto& t = c.doc.tokens;
  while (a < b && (t[a].Is("and") || t[a].Is("the") || t[a].Is("The") || t[a].Is("of") ||
                   t[a].Is("its") || t[a].Is("his") || t[a].Is("her") || t[a].Is("their") ||
                   t[a].Is(",") || IsPossessive(t[a]))) {
    ++a;
  }
  while (b > a && (t[b - 1].Is("and") || t[b - 1].Is(",") || t[b - 1].Is("-") ||
                   t[b - 1].Is("the"))) {
    --b;
  }
  if (a >= b) return;
  // Leading organisation ("Indian Air Force chief", "NATO’s Director").
  if (c.org_at[a] >= 0) {
    const OrgMention& o = c.orgs[c.org_at[a]];
    if (o.last_token < b) {
      int k = o.last_token;
      if (k < b && IsCloseParen(t[k])) ++k;
      if (k < b && IsPossessive(t[k])) ++k;
      bool title_words_only = true;
      for (int q = o.first_token; q < o.last_token; ++q) {
        title_words_only &= t[q].Has(kFlagTitleModifier) || t[q].Is("Affairs");
      }
      if (k < b && TitleHeadAsWritten(t[k]) && !title_words_only) {
        attr->org = o.name;
        a = k;
      }
    }
  }
  // Leading country or demonym ("Saudi", "UAE", "U.S.").
  while (a < b && Countryish(t[a]) && a + 1 < b) {
    if (attr->country.empty()) attr->country = CountryCodeOf(t[a]);
    ++a;
    if (a < b && IsPossessive(t[a])) ++a;
  }
  // Trailing "of India".
  if (b - a >= 3 && t[b - 2].Is("of") && Countryish(t[b - 1])) {
    if (attr->country.empty()) attr->country = CountryCodeOf(t[b - 1]);
    b -= 2;
  }
  // "… of the ORG" at the end.
  for (int k = b - 1; k > a; --k) {
    if (c.org_at[k] >= 0 && c.orgs[c.org_at[k]].last_token >= b - 1) {
      const OrgMention& o = c.orgs[c.org_at[k]];
      int of = o.first_token - 1;
      if (of > a && t[of].Is("the")) --of;
      bool title_words_only = true;
      for (int q = o.first_token; q < o.last_token; ++q) {
        title_words_only &= t[q].Has(kFlagTitleModifier) || t[q].Is("Affairs");
      }
      if (of > a && t[of].Is("of") && !title_words_only) {
        attr->org = o.name;
        b = of;
      }
      break;
    }
  }
  bool has_head = false;
  for (int k = a; k < b; ++k) {
    if (t[k].Has(kFlagTitleHead) && !t[k].Is("counterpart") && !t[k].Is("Counterpart") &&
        !t[k].Is("counterparts")) {
      has_head = true;
    }
  }
  if (!has_head) return;
  attr->role = std::string(c.doc.TokenRange(a, b));
}

// Start of a two- or three-token place ending right before `end`; -1 if none.
int PlaceStartingBefore(const Document& doc, int sentence_begin, int end) {
  for (int n = 3; n >= 2; --n) {
    int start = end - n;
    if (start < sentence_begin || !doc.tokens[start].Has(kFlagPlaceStart)) continue;
    if (LookupPlace(doc.TokenRange(start, end)).kind != PlaceKind::kNone) return start;
  }
  return -1;
}

// Walks back from `end` (exclusive) over a title region; returns its start.
int TitleRegionStart(const Ctx& c, int sentence_begin, int end) {
  const auto& t = c.doc.tokens;
  int k = end;
  while (k > sentence_begin) {
    const Token& x = t[k - 1];
    if (x.credit) break;
    bool ok = false;
    if (x.IsWord()) {
      std::string_view w = x.Bare();
      if (x.cap) {
        ok = x.Has(kFlagTitleHead | kFlagTitleModifier | kFlagOrgWord | kFlagHeadWord |
                   kFlagCountryish) ||
             c.org_at[k - 1] >= 0 ||
             (x.all_caps && w.size() <= 4 && k < end && t[k].cap &&
              (TitleHeadAsWritten(t[k]) || TitleModifierAsWritten(t[k])));
        if (!ok && k < end && (t[k].Is("of") || t[k].Is("for")) == false && k - 1 > sentence_begin &&
            (t[k - 2].Is("of") || t[k - 2].Is("for") || t[k - 2].Is("to"))) {
          ok = true;  // "for Policy", "to India"
        }
        if (!ok && k - 2 >= sentence_begin && (t[k - 2].Is("for") || t[k - 2].Is("to") || t[k - 2].Is("of"))) ok = true;
        if (!ok) {
          // A place in the title: "Senior Director for the Western Hemisphere".
          int place_start = PlaceStartingBefore(c.doc, sentence_begin, k);
          if (place_start >= 0) {
            k = place_start;
            continue;
          }
        }
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

const absl::flat_hash_set<std::string_view>& RoleNouns() {
  static const auto* set = new absl::flat_hash_set<std::string_view>{
      "officer", "commander", "specialist", "sergeant", "pilot", "minister",
      "ambassador", "adviser", "advisor", "director", "chief", "head", "secretary",
      "spokesperson", "spokesman", "spokeswoman", "envoy", "president", "leader",
      "captain", "member", "chairman", "deputy", "manager", "engineer",
      "instructor", "coordinator", "analyst", "commandant", "general", "admiral",
      "chaplain", "surgeon", "physician", "navigator", "gunner", "mechanic",
      "technician", "operator", "attache", "representative", "administrator",
      "executive", "councillor", "counsellor", "governor", "mayor", "senator",
      "soldier", "sailor", "airman", "marine", "nco", "leader", "lead"};
  return *set;
}

// "officer", "Commander", "chief": the head noun of a lower-case role.
bool IsRoleNoun(const Token& t) {
  if (!t.IsWord()) return false;
  char buf[64];
  return RoleNouns().contains(LowerInto(t.Bare(), buf));
}

enum class AcronymOf { kTitle, kUnit };

// The capitalised words of the article whose initials spell `acronym`,
// skipping "of", "the", "for" and "and" inside: a title ("NSA" -> "National
// Security Advisor"; "Port Moresby" is not "PM") or a unit ending in an
// organisation head ("BCT" -> "Brigade Combat Team"). Empty if none or if
// `acronym` is not 2-5 capitals.
std::string ExpandAcronym(const Document& doc, std::string_view acronym, AcronymOf kind) {
  if (acronym.size() < 2 || acronym.size() > 5) return "";
  for (char ch : acronym) {
    if (ch < 'A' || ch > 'Z') return "";
  }
  const auto& t = doc.tokens;
  for (size_t start = 0; start < t.size(); ++start) {
    if (!t[start].cap || t[start].all_caps || t[start].text[0] != acronym[0]) continue;
    size_t k = start, letter = 0;
    while (k < t.size() && letter < acronym.size()) {
      const Token& w = t[k];
      if (letter > 0 && (w.Is("of") || w.Is("the") || w.Is("for") || w.Is("and"))) {
        ++k;
        continue;
      }
      if (!w.cap || w.all_caps || w.text[0] != acronym[letter]) break;
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

// Post-name apposition at `i` (token after the name). Returns true if found.
void ParseApposition(const Ctx& c, int i, int end, Attr* attr) {
  const auto& t = c.doc.tokens;
  // "X of Turkey", "X of Tampa, Fla., a …"
  if (i + 1 < end && t[i].Is("of") && (t[i + 1].cap || t[i + 1].Is("the"))) {
    // "of Turkey", "of the United Kingdom", "of the People’s Republic of China".
    int k0 = i + 1 + (t[i + 1].Is("the") ? 1 : 0);
    int country_end = 0;
    std::string code;
    for (int n = std::min(6, end - k0); n >= 1 && !country_end; --n) {
      if (!t[k0 + n - 1].IsWord()) continue;
      PlaceEntry e = LookupPlace(c.doc.TokenRange(k0, k0 + n));
      if (e.kind == PlaceKind::kCountry) {
        country_end = k0 + n;
        code = e.code;
      }
    }
    if (country_end) {
      if (attr->country.empty()) attr->country = code;
      i = country_end;
    } else if (!t[i + 1].cap) {
      // "of the …" that is not a country: no apposition here.
    } else {
      int k = i + 1;
      while (k < end && (t[k].cap || t[k].Is(","))) {
        if (t[k].Is(",") && k + 1 < end && (t[k + 1].Is("a") || t[k + 1].Is("an") || t[k + 1].Is("the"))) break;
        ++k;
      }
      i = k;
    }
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
    std::string unit = UnitName(c.doc, a, b);
    if (!unit.empty()) {
      if (attr->org.empty()) attr->org = unit;
      if (b < end && t[b].Is(",")) ParseApposition(c, b, end, attr);
      return;
    }
  }
  const Token& first = t[a];
  bool country_possessive = Countryish(first) && a + 1 < b && IsPossessive(t[a + 1]);
  if (first.cap && !country_possessive &&
      (first.Has(kFlagTitleHead | kFlagTitleModifier) || Countryish(first))) {
    // Capitalised title: stop at the first lower-case word that is not a connector.
    int k = a;
    while (k < b && (t[k].cap || t[k].all_caps || t[k].Is("of") || t[k].Is("the") ||
                     t[k].Is("and") || t[k].Is("for") || t[k].Is("to") ||
                     IsPossessive(t[k]) || IsOrdinalOrNumber(t[k]) || IsOpenParen(t[k]) ||
                     IsCloseParen(t[k]))) {
      ++k;
    }
    // A title directly followed by a name belongs to the next person.
    if (k > a && k < end && c.IsNameToken(k - 1) && !t[k - 1].Has(kFlagTitleHead)) return;
    // Acronym of an organisation: "Director CS".
    int last = k;
    if (last - a >= 2 && c.acronym_to_org.contains(std::string(t[last - 1].text))) {
      attr->org = c.acronym_to_org.at(std::string(t[last - 1].text));
      last -= 1;
    }
    Attr local;
    ParseTitleRegion(c, a, last, &local);
    if (!local.role.empty()) {
      if (attr->role.empty()) attr->role = local.role;
      if (attr->org.empty()) attr->org = local.org;
      if (attr->country.empty()) attr->country = local.country;
    }
    // "commander, Battle Force 7th Fleet" style continuation.
    if (attr->org.empty() && b < end && t[b].Is(",") && b + 1 < end && c.org_at[b + 1] >= 0) {
      attr->org = c.orgs[c.org_at[b + 1]].name;
    }
    return;
  }
  // Lower-case role: "a human resources specialist with the 36th Inf. Div.",
  // "Australia’s assistant minister for defense", "the Indian Air Force’s
  // first woman Rafale pilot", "commanding officer, USS Ronald Reagan".
  int k = a;
  // A list goes on ("X, Y and Z"): not an apposition.
  if (t[k].Is("and") || t[k].Is("or") || t[k].Is("but") || t[k].Is("who") ||
      t[k].Is("which") || t[k].Is("that")) {
    return;
  }
  if (t[k].Is("a") || t[k].Is("an") || t[k].Is("the")) ++k;
  std::string org, country;
  // Possessor, before the role noun: "Australia’s assistant minister", not
  // "commanding officer of the Navy’s forward-deployed aircraft carrier".
  for (int p = k; p < b && p < k + 8; ++p) {
    if (IsRoleNoun(t[p])) break;
    if (IsPossessive(t[p])) {
      if (c.org_at[p - 1] >= 0) org = c.orgs[c.org_at[p - 1]].name;
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
    if (IsRoleNoun(t[p])) role_end = p + 1;
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
      std::string name = UnitName(c.doc, unit, e);
      if (name.empty()) continue;
      if (attr->org.empty()) attr->org = name;
      e = unit - 1;
      break;
    }
  }
  attr->role = std::string(c.doc.TokenRange(role_begin, e));
  if (!org.empty() && attr->org.empty()) attr->org = org;
  if (!country.empty() && attr->country.empty()) attr->country = country;
  if (stop < b && t[stop].Is("with")) {
    int o = stop + 1;
    if (o < b && t[o].Is("the")) ++o;
    if (o < b && c.org_at[o] >= 0 && attr->org.empty()) attr->org = c.orgs[c.org_at[o]].name;
    else if (o < b && attr->org.empty() && (t[o].cap || IsOrdinalOrNumber(t[o]))) {
      attr->org = std::string(c.doc.TokenRange(o, b));
    }
  }
  if (attr->org.empty() && b < end && t[b].Is(",") && b + 1 < end && c.org_at[b + 1] >= 0) {
    attr->org = c.orgs[c.org_at[b + 1]].name;
  }
}

void MergeAttr(Person& p, const Attr& a) {
  if (p.rank.empty()) p.rank = a.rank;
  if (p.role.empty()) p.role = a.role;
  if (p.organization.empty()) p.organization = a.org;
  if (p.country.empty()) p.country = a.country;
}

std::vector<std::string> NameTokens(const Document& doc, int a, int b) {
  std::vector<std::string> out;
  for (int i = a; i < b; ++i) {
    const Token& t = doc.tokens[i];
    if (!t.IsWord()) continue;
    std::string w = Lower(Bare(t.text));
    // "Al-Sudani" is also "Sudani".
    for (std::string_view prefix : {"al-", "el-", "ul-", "ad-", "as-", "ash-", "at-"}) {
      if (w.size() > prefix.size() + 1 && w.compare(0, prefix.size(), prefix) == 0) {
        out.push_back(w.substr(prefix.size()));
      }
    }
    out.push_back(std::move(w));
  }
  return out;
}

bool Subset(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const std::string& x : a) {
    if (std::find(b.begin(), b.end(), x) == b.end()) return false;
  }
  return true;
}

bool NegativeCue(const Document& doc, int sentence_begin, int name_begin) {
  for (int k = name_begin - 1; k >= sentence_begin && k >= name_begin - 10; --k) {
    const Token& t = doc.tokens[k];
    if (t.Is("late") || t.Is("invitation") || t.Is("command") || t.Is("legacy") ||
        t.Is("leadership") || t.Is("behalf") || t.Is("successor") || t.Is("predecessor") ||
        t.Is("former") || t.Is("then") || t.Is("passing") || t.Is("death") ||
        t.Is("memory") || t.Is("By")) {
      return true;
    }
  }
  return false;
}

// The run [i, name_end) is the object of a verb of meeting: "met X",
// "welcomed X", "met with X", "accompanied by X"; and the run is not the
// modifier of a following noun ("met Lockheed Martin executives").
bool IsMeetingObject(const Document& doc, int a, int i, int name_end, int b) {
  static const auto* direct = new absl::flat_hash_set<std::string_view>{
      "met", "meets", "meet", "welcomed", "welcomes", "hosted", "hosts", "received",
      "receives", "greeted", "greets", "thanked", "congratulated", "briefed"};
  static const auto* with = new absl::flat_hash_set<std::string_view>{
      "met", "meets", "meet", "meeting", "spoke", "speaks", "talked", "talks", "called",
      "call", "discussions", "consultations", "lunch", "dinner"};
  static const auto* by = new absl::flat_hash_set<std::string_view>{
      "accompanied", "joined", "hosted", "received", "welcomed", "greeted", "led"};
  static const auto* after = new absl::flat_hash_set<std::string_view>{
      "in", "on", "at", "to", "for", "during", "and", "from", "about", "as", "who",
      "today", "yesterday", "this", "last", "after", "before", "while", "when", "where",
      "over", "via", "of"};
  const auto& t = doc.tokens;
  if (i - 1 < a) return false;
  if (name_end < b && t[name_end].IsWord() && !t[name_end].cap &&
      !after->contains(t[name_end].text)) {
    return false;
  }
  // "hosted Senate Judiciary Chair Dick Durbin": the run qualifies a title.
  if (name_end < b && t[name_end].Has(kFlagTitleHead | kFlagTitleModifier | kFlagRankWord)) {
    return false;
  }
  const Token& prev = t[i - 1];
  if (prev.Is("with") || prev.Is("by")) {
    if (i - 2 < a) return false;
    const auto* verbs = prev.Is("with") ? with : by;
    return verbs->contains(t[i - 2].text);
  }
  return direct->contains(prev.text);
}

// End of a multi-word place that starts at the run [i, j) or just before it
// (sentence from `a`) and covers the run's first token; 0 if none.
int PlaceEndIn(const Document& doc, int a, int i, int j) {
  const auto& t = doc.tokens;
  for (int start = std::max(a, i - 1); start <= i; ++start) {
    if (!t[start].Has(kFlagPlaceStart)) continue;
    for (int n = 3; n >= 2; --n) {
      if (start + n > j || start + n <= i) continue;
      if (LookupPlace(doc.TokenRange(start, start + n)).kind != PlaceKind::kNone) return start + n;
    }
  }
  return 0;
}

bool SentenceHasTrigger(const Document& doc, const Sentence& s) {
  for (int i = s.first_token; i < s.last_token; ++i) {
    const Token& t = doc.tokens[i];
    if (t.in_quote || !t.IsWord()) continue;
    if (t.Has(kFlagEventTrigger)) return true;
  }
  return false;
}

}  // namespace

int ResolveName(const std::vector<Person>& people, std::string_view word) {
  while (!word.empty() && (word.back() == '.' || word.back() == ',')) word.remove_suffix(1);
  if (word.size() < 2 || people.empty()) return -1;
  char buf[64];
  std::string_view w = LowerInto(word, buf);
  if (w.empty()) return -1;
  int found = -1;
  for (size_t i = 0; i < people.size(); ++i) {
    const auto& toks = people[i].name_tokens;
    if (toks.size() < 2) continue;
    if (std::find(toks.begin(), toks.end(), w) != toks.end()) {
      if (found >= 0) return -1;
      found = static_cast<int>(i);
    }
  }
  return found;
}

PeopleResult FindPeople(const Document& doc) {
  PeopleResult result;
  result.orgs = FindOrganizations(doc);
  Ctx c{doc, result.orgs, std::vector<int>(doc.tokens.size(), -1), {}, {},
        std::vector<signed char>(doc.tokens.size(), -1)};
  for (size_t o = 0; o < result.orgs.size(); ++o) {
    const OrgMention& m = result.orgs[o];
    for (int i = m.first_token; i < m.last_token; ++i) c.org_at[i] = static_cast<int>(o);
    if (!m.acronym.empty()) {
      c.acronyms.insert(m.acronym);
      c.acronym_to_org.try_emplace(m.acronym, m.name);
    }
  }
  const auto& t = doc.tokens;
  std::vector<Person>& people = result.people;

  struct Raw {
    NameMention mention;
    std::vector<std::string> tokens;
    Attr attr;
    bool byline = false;
    bool titled = false;  // anchored by a rank or a title right before
  };
  std::vector<Raw> raws;

  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    bool byline_sentence = s.credit;
    int a = s.first_token, b = s.last_token;
    for (int i = a; i < b;) {
      if (!c.IsNameToken(i) && !(t[i].credit && byline_sentence && false)) {
        ++i;
        continue;
      }
      // Name run.
      int j = i + 1;
      while (j < b) {
        if (c.IsNameToken(j)) {
          ++j;
        } else if (j + 1 < b && t[j].Has(kFlagParticle) && c.IsNameToken(j + 1)) {
          j += 2;
        } else {
          break;
        }
      }
      int name_end = j;
      // ", Jr."
      if (j + 1 < b && t[j].Is(",") && (t[j + 1].Bare() == "Jr" || t[j + 1].Bare() == "Sr")) {
        name_end = j + 2;
      }
      // Followed by an organisation or place head, the run names that
      // organisation ("Joint Functional Component Command").
      if (name_end < b && (t[name_end].cap || t[name_end].all_caps) &&
          t[name_end].Has(kFlagHeadWord | kFlagPlaceHead)) {
        i = j;
        continue;
      }
      // A place written in capitals is not a name ("Sri Lanka", "Papua New
      // Guinea"), though a name may follow it ("Senior Director for the
      // Western Hemisphere Juan González").
      if (int place_end = PlaceEndIn(doc, a, i, j); place_end > i) {
        i = j - place_end >= 2 ? place_end : j;
        continue;
      }
      // A run of initials only is not a name.
      bool has_long = false;
      for (int k = i; k < j; ++k) has_long |= t[k].IsWord() && t[k].Bare().size() > 1;
      if (!has_long) {
        i = j;
        continue;
      }
      Attr attr;
      bool anchored = false;
      int p = i - 1;
      if (p >= a && t[p].Has(kFlagHonorific)) {
        anchored = true;
        --p;
      }
      // Rank ending at p.
      for (int k = std::min(6, p - a + 1); k >= 1; --k) {
        std::string rank;
        if (MatchRank(t, p - k + 1, p + 1, &rank) == k &&
            !TitleEndingInGeneral(t, a, p - k + 1, rank)) {
          attr.rank = rank;
          anchored = true;
          p -= k;
          break;
        }
      }
      if (p >= a && t[p].Is("-") && !attr.rank.empty()) --p;  // "Forces-Teniente General"
      // Title region before.
      int region = TitleRegionStart(c, a, p + 1);
      if (region <= p) {
        Attr local;
        ParseTitleRegion(c, region, p + 1, &local);
        if (!local.role.empty() || !local.org.empty() || !local.country.empty()) {
          bool counterpart = false;
          for (int k = region; k <= p; ++k) counterpart |= Lower(t[k].text) == "counterpart";
          if (!local.role.empty() || counterpart) anchored = true;
          attr.role = local.role;
          attr.org = local.org;
          attr.country = local.country;
        }
        for (int k = region; k <= p; ++k) {
          if (Lower(t[k].text) == "counterpart") anchored = true;
        }
      }
      // Pre-apposition: "its Director, Lieutenant General X".
      int before = region <= p ? region : p + 1;
      if (before - 1 >= a && t[before - 1].Is(",") && attr.role.empty()) {
        int q = before - 1;
        int k = q;
        while (k > a && (t[k - 1].cap || t[k - 1].Is("of") || t[k - 1].Is("and") ||
                         t[k - 1].Is("the") || t[k - 1].Is("for") || t[k - 1].Is("to") ||
                         IsOrdinalOrNumber(t[k - 1])) &&
               t[k - 1].in_quote == t[q].in_quote) {
          --k;
        }
        while (k < q && (t[k].Is("the") || t[k].Is("The") || t[k].Is("and") || t[k].Is("of"))) ++k;
        // "United States Ambassador to India, Eric Garcetti": a leading
        // country name belongs to the title, not to the role.
        int lead = k;
        while (lead < q && lead < k + 3 && !t[lead].Has(kFlagTitleHead | kFlagTitleModifier) &&
               (t[lead].cap || t[lead].all_caps)) {
          ++lead;
        }
        if (lead < q && t[lead].Has(kFlagTitleHead | kFlagTitleModifier)) k = lead;
        bool head_inside = false;
        for (int h = k; h < q; ++h) head_inside |= t[h].cap && t[h].Has(kFlagTitleHead);
        if (k < q && head_inside && t[k].Has(kFlagTitleHead | kFlagTitleModifier)) {
          Attr local;
          ParseTitleRegion(c, k, q, &local);
          if (!local.role.empty()) {
            attr.role = local.role;
            if (attr.org.empty()) attr.org = local.org;
            if (attr.country.empty()) attr.country = local.country;
            anchored = true;
            // "its Director": the organisation mentioned before.
            if (k - 1 >= a && (t[k - 1].Is("its") || t[k - 1].Is("their")) && attr.org.empty()) {
              for (int o = static_cast<int>(result.orgs.size()) - 1; o >= 0; --o) {
                if (result.orgs[o].last_token <= k - 1 && result.orgs[o].sentence == static_cast<int>(si)) {
                  attr.org = result.orgs[o].name;
                  break;
                }
              }
            }
          }
        }
      }
      // "INS Batti Malv is a 46m long ship … commanded by Lieutenant
      // Commander X": the commanded unit is X's organisation.
      int by = (region <= p ? region : p + 1) - 1;
      if (attr.org.empty() && by - 1 >= a && t[by].Is("by") &&
          (t[by - 1].Is("commanded") || t[by - 1].Is("captained") || t[by - 1].Is("headed"))) {
        for (int o = static_cast<int>(result.orgs.size()) - 1; o >= 0; --o) {
          const OrgMention& om = result.orgs[o];
          if (om.sentence == static_cast<int>(si) && om.last_token <= by) {
            attr.org = om.name;
            break;
          }
        }
      }
      // Post-apposition.
      int after = name_end;
      bool possessive = after < b && IsPossessive(t[after]);
      Attr post;
      if (!possessive) ParseApposition(c, after, b, &post);
      if (!post.role.empty() && j - i >= 2) anchored = true;
      if (attr.role.empty()) attr.role = post.role;
      if (attr.org.empty()) attr.org = post.org;
      if (attr.country.empty()) attr.country = post.country;
      // "Eric Edelman met with …", "Zack Perrin said": a full name right
      // before a verb of taking part or speaking.
      bool plain_run = true;  // no acronyms: "the Ronald Reagan CSG conducts"
      for (int k = i; k < j; ++k) plain_run &= !(t[k].all_caps && t[k].Bare().size() > 1);
      bool clause_start = i == a || t[i - 1].Is(",") || t[i - 1].Is("and") ||
                          (t[i - 1].IsWord() && !t[i - 1].cap && !t[i - 1].Is("the") &&
                           !t[i - 1].Is("a") && !t[i - 1].Is("an"));
      if (j - i >= 2 && plain_run && clause_start && name_end < b && !t[name_end].cap &&
          t[name_end].Has(kFlagEventTrigger | kFlagSpeechVerb)) {
        anchored = true;
      }
      // Speech verb before: "said Berry".
      if (i - 1 >= a && IsSpeechVerb(t[i - 1].text) && j - i >= 2) anchored = true;
      // Object of a meeting verb: "Sullivan met Juan Gonzalez in Guyana",
      // "accompanied by Juan Gonzalez".
      if (j - i >= 2 && plain_run && IsMeetingObject(doc, a, i, name_end, b)) anchored = true;
      if (t[i].credit) anchored = anchored || byline_sentence;
      if (!anchored) {
        i = j;
        continue;
      }
      Raw raw;
      raw.titled = !attr.rank.empty() || (region <= p && !attr.role.empty());
      raw.mention.first_token = i;
      raw.mention.last_token = name_end;
      raw.mention.begin = t[i].begin;
      raw.mention.end = t[name_end - 1].end;
      raw.mention.sentence = static_cast<int>(si);
      raw.mention.possessive = possessive;
      raw.tokens = NameTokens(doc, i, name_end);
      raw.attr = attr;
      raw.byline = byline_sentence;
      raws.push_back(std::move(raw));
      i = name_end;
    }
  }

  // Merge raw mentions: longest names first so that subsets join them.
  std::vector<int> order(raws.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<int>(k);
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
    bool tx = doc.sentences[raws[x].mention.sentence].kind == ParagraphKind::kTitle;
    bool ty = doc.sentences[raws[y].mention.sentence].kind == ParagraphKind::kTitle;
    if (tx != ty) return !tx;
    return raws[x].tokens.size() > raws[y].tokens.size();
  });
  std::vector<int> person_of(raws.size(), -1);
  for (int k : order) {
    const Raw& r = raws[k];
    int target = -1;
    for (size_t pi = 0; pi < people.size(); ++pi) {
      if (Subset(r.tokens, people[pi].name_tokens)) {
        if (target >= 0) {
          target = -2;  // ambiguous
          break;
        }
        target = static_cast<int>(pi);
      }
    }
    if (target == -2) continue;
    if (target < 0 && r.tokens.size() >= 2) {
      // "Joe Biden" and "Joseph R. Biden, Jr.": same surname, same initial.
      int match = -1;
      for (size_t pi = 0; pi < people.size(); ++pi) {
        const auto& toks = people[pi].name_tokens;
        if (toks.size() < 2 || toks[0].empty() || r.tokens[0].empty()) continue;
        if (toks[0][0] != r.tokens[0][0]) continue;
        if (std::find(toks.begin(), toks.end(), r.tokens.back()) == toks.end()) continue;
        match = match == -1 ? static_cast<int>(pi) : -2;
      }
      if (match >= 0) target = match;
    }
    if (target < 0 && doc.sentences[r.mention.sentence].kind == ParagraphKind::kTitle) {
      // Headlines are in title case: a name seen only there is trusted only
      // after a rank or title, and only without headline verbs in it
      // ("Ajit Doval Meets", "Pays Tribute").
      bool verbs = false;
      for (int w = r.mention.first_token; w < r.mention.last_token; ++w) {
        verbs |= t[w].Has(kFlagEventTrigger | kFlagTypeKeyword | kFlagSpeechVerb);
      }
      if (!r.titled || verbs || r.tokens.size() < 2) continue;
    }
    if (target < 0) {
      Person p;
      p.name = std::string(doc.Slice(r.mention.begin, r.mention.end));
      p.name_tokens = r.tokens;
      people.push_back(std::move(p));
      target = static_cast<int>(people.size()) - 1;
    }
    person_of[k] = target;
  }
  // Attributes in text order.
  // Attributes: body text first, then quotations, then the headline.
  for (int pass = 0; pass < 3; ++pass) {
    for (size_t k = 0; k < raws.size(); ++k) {
      if (person_of[k] < 0) continue;
      const Raw& r = raws[k];
      bool title = doc.sentences[r.mention.sentence].kind == ParagraphKind::kTitle;
      bool quoted = t[r.mention.first_token].in_quote;
      int kind = title ? 2 : quoted ? 1 : 0;
      if (kind != pass) continue;
      Person& p = people[person_of[k]];
      MergeAttr(p, r.attr);
      p.mentions.push_back(r.mention);
      p.byline |= r.byline;
    }
  }
  // Single-word coreference: "Flournoy said", "Jaishankar held talks".
  std::vector<char> covered(t.size(), 0);
  for (const Person& p : people) {
    for (const NameMention& m : p.mentions) {
      for (int i = m.first_token; i < m.last_token; ++i) covered[i] = 1;
    }
  }
  // Name word -> person (-2 when several people share it), built once.
  absl::flat_hash_map<std::string, int> by_word;
  for (size_t pi = 0; pi < people.size(); ++pi) {
    if (people[pi].name_tokens.size() < 2) continue;
    for (const std::string& w : people[pi].name_tokens) {
      if (w.size() < 2) continue;
      auto [it, inserted] = by_word.try_emplace(w, static_cast<int>(pi));
      if (!inserted && it->second != static_cast<int>(pi)) it->second = -2;
    }
  }
  for (size_t i = 0; i < t.size(); ++i) {
    if (people.empty()) break;
    if (covered[i] || !t[i].cap || t[i].in_quote || t[i].credit) continue;
    if (!c.IsNameToken(static_cast<int>(i))) continue;
    if (i + 1 < t.size() && c.IsNameToken(static_cast<int>(i + 1))) continue;
    std::string_view word = t[i].text;
    while (!word.empty() && (word.back() == '.' || word.back() == ',')) word.remove_suffix(1);
    char buf[64];
    std::string_view lower = LowerInto(word, buf);
    if (lower.size() < 2) continue;
    auto found = by_word.find(absl::string_view(lower.data(), lower.size()));
    int pi = found == by_word.end() ? -1 : found->second;
    if (pi < 0) continue;
    NameMention m;
    m.first_token = static_cast<int>(i);
    m.last_token = static_cast<int>(i) + 1;
    m.begin = t[i].begin;
    m.end = t[i].end;
    m.sentence = t[i].sentence;
    m.possessive = i + 1 < t.size() && IsPossessive(t[i + 1]);
    people[pi].mentions.push_back(m);
  }
  // Participation.
  std::vector<char> trigger(doc.sentences.size()), shifted(doc.sentences.size());
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    trigger[si] = SentenceHasTrigger(doc, doc.sentences[si]);
    shifted[si] = doc.sentences[si].time_shifted;
  }
  for (Person& p : people) {
    std::sort(p.mentions.begin(), p.mentions.end(),
              [](const NameMention& x, const NameMention& y) { return x.begin < y.begin; });
    // "NSA Ajit Doval" … "The National Security Advisor": the title as
    // written out in the article.
    if (std::string expanded = ExpandAcronym(doc, p.role, AcronymOf::kTitle); !expanded.empty()) {
      p.role = expanded;
    }
    std::string role = Lower(p.role);
    if (role.find("spokes") != std::string::npos || role.find("press secretary") != std::string::npos ||
        p.rank.starts_with("Mass Communication")) {
      p.byline = true;
    }
    for (NameMention& m : p.mentions) {
      const Sentence& s = doc.sentences[m.sentence];
      m.active = trigger[m.sentence] && !shifted[m.sentence] && !m.possessive && !s.credit &&
                 !NegativeCue(doc, s.first_token, m.first_token);
    }
    bool active = std::any_of(p.mentions.begin(), p.mentions.end(),
                              [](const NameMention& m) { return m.active; });
    p.participant = active && !p.byline && p.name_tokens.size() >= 2;
  }
  return result;
}

}  // namespace parley::extract_internal
