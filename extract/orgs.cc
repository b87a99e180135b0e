#include "extract/orgs.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "extract/gazetteer.h"
#include "extract/lexicon.h"
#include "extract/token_predicates.h"

namespace parley::extract_internal {

std::string WithoutPossessives(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  // Copies the text between possessives in pieces, not byte by byte: this
  // runs for every organisation mention, and most have no possessive.
  size_t copied = 0;  // name[copied, i) is still to copy
  for (size_t i = 0; i < name.size();) {
    if (name[i] != '\'' && name[i] != '\xE2') {
      ++i;
      continue;
    }
    std::string_view rest = name.substr(i);
    size_t skip = rest.starts_with("\xE2\x80\x99s ") ? 4 : rest.starts_with("'s ") ? 2 : 0;
    if (skip == 0) {
      ++i;
      continue;
    }
    out.append(name.data() + copied, i - copied);
    i += skip;  // keeps the space
    copied = i;
  }
  out.append(name.data() + copied, name.size() - copied);
  return out;
}

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

// A capitalised word outside a credit line. Bitwise, not short-circuit: the
// organisation scan asks for every token, and one branch on the combined
// answer mispredicts less than three on its parts.
bool OrgInner(const Token& t) { return !t.credit & t.IsWord() & (t.cap | t.all_caps); }

// End (past ")") of a bracketed acronym at k: "(SHAPE)", "(NCI Agency)",
// "(CSG)"; 0 if none before `limit`.
int BracketedAcronymEnd(const std::vector<Token>& t, int k, int limit) {
  if (k + 2 >= limit + 1 || !IsOpenParen(t[k]) || !t[k + 1].all_caps || !t[k + 1].IsWord()) {
    return 0;
  }
  if (k + 2 < limit && IsCloseParen(t[k + 2])) return k + 3;
  if (k + 3 < limit && t[k + 2].cap && IsCloseParen(t[k + 3])) return k + 4;
  return 0;
}

// "Defence" heads an organisation only after "of" ("Ministry of Defence"):
// "Estonia's Defence Minister" and "German Defence" are not organisations.
bool IsHeadAt(const std::vector<Token>& t, int i, int p) {
  if (!t[i].Has(kFlagHeadWord)) return false;
  if (!t[i].Is("Defence") && !t[i].Is("Defense")) return true;
  return i - 1 >= p && t[i - 1].Is("of");
}

// A count before a name ("28 Allied Air Forces", "the 30 North Atlantic
// Council representatives"), not a unit number ("3rd Infantry Division",
// "2 Royal Gorkha Rifles": battalions take small plain numbers).
bool IsCount(const Token& t) {
  if (!IsOrdinalOrNumber(t) || t.text.size() < 2) return false;
  for (char ch : t.text) {
    if (ch < '0' || ch > '9') return false;
  }
  return true;
}

using Pieces = absl::InlinedVector<std::pair<int, int>, 4>;

// Token past a state named by "of the" at token k of run [k, b) and ending
// the run: "of the Philippines", "of the United Kingdom", "of the Republic
// of Croatia"; 0 if none. A ministry's state is part of its fullest name
// ("Ministry of Defence of the United Kingdom").
int OfTheCountryEnd(const Document& doc, int k, int b) {
  const auto& t = doc.tokens;
  if (k + 2 >= b || !t[k].Is("of") || !t[k + 1].Is("the") || !t[k + 2].cap ||
      !t[k + 2].Has(kFlagPlace | kFlagPlaceStart | kFlagCountryish)) {
    return 0;
  }
  for (int n = std::min(4, b - (k + 2)); n >= 1; --n) {
    if (k + 2 + n != b) continue;  // the state ends the run
    if (LookupPlace(doc.TokenRange(k + 2, b)).kind == PlaceKind::kCountry) return b;
  }
  return 0;
}

// Splits a capitalised run [a, b) at "of the", and at "and" when both sides
// have a head word ("X Carrier Strike Group (CSG) 5 and Japan Maritime
// Self-Defense Force"). Inline storage: this runs for every capitalised run.
Pieces SplitRun(const Document& doc, int a, int b) {
  const auto& t = doc.tokens;
  Pieces pieces;
  int start = a;
  for (int i = a; i + 1 < b; ++i) {
    // "the Department of National Defense of the Philippines": a head, then
    // its state, is one name.
    if (i > start && t[i - 1].Has(kFlagHeadWord) && OfTheCountryEnd(doc, i, b)) break;
    if (t[i].Is("of") && t[i + 1].Is("the")) {
      pieces.push_back({start, i});
      start = i + 2;
      i += 1;
    }
  }
  pieces.push_back({start, b});
  Pieces split;
  for (auto [p, q] : pieces) {
    int from = p;
    for (int i = p + 1; i + 1 < q; ++i) {
      if (!t[i].Is("and")) continue;
      bool left = false, right = false;
      // kFlagHeadWord: an organisation head or head_word ("Affairs"), also
      // before a hyphen ("Division-South").
      for (int k = from; k < i; ++k) left |= t[k].Has(kFlagHeadWord);
      for (int k = i + 1; k < q; ++k) right |= t[k].Has(kFlagHeadWord);
      // "Joint Logistics Support Group (JLSG) HQ and Special Operation
      // Forces (SOCC Core) HQ": a headquarters after a unit's acronym ends
      // its name.
      bool acronym_hq = i - 2 >= from && IsCloseParen(t[i - 2]) && t[i - 1].all_caps &&
                        t[i - 1].Has(kFlagPlaceHead);
      bool left_ends = IsOrdinalOrNumber(t[i - 1]) || IsCloseParen(t[i - 1]) ||
                       t[i - 1].Has(kFlagHeadWord) || acronym_hq;
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
  return split;
}

// The last head word of [p, q), not inside a trailing bracket ("… Agency
// (NCI Agency)"); -1 if none.
int LastHead(const std::vector<Token>& t, int p, int q) {
  int search_end = q;
  for (int open = q - 4; open <= q - 3; ++open) {
    if (open > p && BracketedAcronymEnd(t, open, q) == q) search_end = open;
  }
  for (int i = search_end - 1; i >= p; --i) {
    if (IsHeadAt(t, i, p)) return i;
  }
  return -1;
}

// Where the name ends after its head: "Task Force 70", "Carrier Strike Group
// (CSG) 5": numbers and a bracketed acronym may follow the head; other words
// may not, except a place the acronym covers ("Joint Force Command Brunssum
// (JFCBS)", "Supreme Headquarters Allied Powers Europe (SHAPE)").
int EndAfterHead(const Document& doc, int head, int q) {
  const auto& t = doc.tokens;
  int end = head + 1;
  int k = end;
  int words = k;
  while (words < q && words < k + 4 && t[words].cap && !t[words].all_caps) ++words;
  if (words > k && BracketedAcronymEnd(t, words, q) > 0) {
    end = words;
    k = end;
  }
  // "Department (of National Defense) of the Philippines": the state ends the name.
  for (int c = head + 1; c + 2 < q; ++c) {
    if (int country = OfTheCountryEnd(doc, c, q)) return country;
  }
  while (k < q) {
    // "Armed Forces of Ukraine", "General Staff of the Armies of France";
    // not a country that the name goes on from ("… of India Limited",
    // "… of Bosnia and Herzegovina").
    int after = k + 2;
    bool goes_on = after < static_cast<int>(t.size()) &&
                   (t[after].Has(kFlagOrgHead | kFlagOrgWord | kFlagHeadWord) ||
                    (t[after].Is("and") && after + 1 < static_cast<int>(t.size()) &&
                     t[after + 1].cap));
    if (k + 1 < q && t[k].Is("of") && t[k + 1].Has(kFlagCountryish) && t[k + 1].cap &&
        !goes_on) {
      end = k += 2;
      continue;
    }
    if (IsOrdinalOrNumber(t[k])) {
      end = ++k;
    } else if (BracketedAcronymEnd(t, k, q) > 0) {
      k = BracketedAcronymEnd(t, k, q);
      if (k < q && IsOrdinalOrNumber(t[k])) end = ++k;
      else end = k;
    } else {
      break;
    }
  }
  return end;
}

// True when [p, q) holds an organisation head ("Ministry of External
// Affairs"), not only a head_word ("External Affairs").
bool HasOrgHead(const std::vector<Token>& t, int p, int q) {
  for (int k = p; k < q; ++k) {
    if (t[k].Has(kFlagOrgHead)) return true;
  }
  return false;
}

// The mention of [p, q); a trailing "(ACR)" is its acronym, not its name.
OrgMention MakeOrgMention(const Document& doc, int p, int q) {
  const auto& t = doc.tokens;
  OrgMention m;
  m.first_token = p;
  m.last_token = q;
  m.begin = t[p].begin;
  m.end = t[q - 1].end;
  m.sentence = t[p].sentence;
  for (int open = q - 3; open >= p + 1 && open >= q - 4; --open) {
    if (IsCloseParen(t[q - 1]) && BracketedAcronymEnd(t, open, q) == q) {
      m.acronym = std::string(doc.TokenRange(open + 1, q - 1));
      m.end = t[open - 1].end;
      break;
    }
  }
  m.name = WithoutPossessives(doc.Slice(m.begin, m.end));
  return m;
}

// Splits a capitalised run into organisation names.
void EmitOrgs(const Document& doc, int a, int b, std::vector<OrgMention>* out) {
  const auto& t = doc.tokens;
  // Most runs are one word, which names an organisation only as a head word
  // or a known acronym (below: no head, no ship, not known): skip the split.
  if (b - a == 1 && !t[a].Has(kFlagHeadWord | kFlagOrgAcronym)) return;
  for (auto [p, q] : SplitRun(doc, a, b)) {
    // Trim connectors and parens; a count is not part of the name.
    while (q > p && (t[q - 1].Is("of") || t[q - 1].Is("and") || t[q - 1].Is("the") ||
                     t[q - 1].Is("for") || t[q - 1].Is("&") || IsOpenParen(t[q - 1]) ||
                     t[q - 1].Is(","))) {
      --q;
    }
    while (p < q && (t[p].Is("the") || t[p].Is("The") || t[p].Is("and") || t[p].Is("of") ||
                     IsCount(t[p]))) {
      ++p;
    }
    if (q <= p) continue;
    // A title at the start is not part of the organisation ("Director").
    if (TitleHeadAsWritten(t[p]) || t[p].Has(kFlagRankWord)) continue;
    // Nor is a title after it: "KFOR Chief of Staff", "Royal Navy First Sea
    // Lord" name a person's post, of which the organisation is the start.
    bool before_title = false;
    for (int k = p + 1; k < q; ++k) {
      if (t[k].cap && TitleHeadAsWritten(t[k]) && !t[k].Has(kFlagHeadWord)) {
        q = k;
        before_title = true;
        break;
      }
    }
    int head = LastHead(t, p, q);
    // "Italy’s Foreign Affairs Minister", "External Affairs Minister": a
    // portfolio, headed by a head_word and no organisation head, that opens
    // a title names no body (a "Ministry of Foreign Affairs" has its head).
    if (before_title && head >= 0 && !HasOrgHead(t, p, q)) continue;
    bool ship = t[p].Has(kFlagShipPrefix) && q - p >= 2;
    bool known = q - p == 1 && t[p].Has(kFlagOrgAcronym);
    if (head < 0 && !ship && !known) continue;
    if (head >= 0 && !ship) q = EndAfterHead(doc, head, q);
    // "a ceremony at the Lithuania Air Force Base": a place head that is no
    // organisation head, right after the name and ending the run, makes the
    // run a site's name (not "Indian Air Force (IAF) Base Repair Depot").
    if (head >= 0 && !ship && q + 1 == b && t[q].Has(kFlagPlaceHead) && !t[q].Has(kFlagHeadWord) &&
        !t[q].all_caps) {
      continue;  // not "(JLSG) HQ", which ends a unit's name
    }
    out->push_back(MakeOrgMention(doc, p, q));
  }
}

// Token past a unit's bracketed designation at k: "(Airborne)", "(Air
// Assault)" (one or two capitalised words); k if none.
int SkipUnitDesignation(const std::vector<Token>& t, int k, int limit) {
  if (k >= limit || !IsOpenParen(t[k])) return k;
  int w = k + 1;
  while (w < limit && w < k + 3 && t[w].IsWord() && t[w].cap && !t[w].all_caps) ++w;
  return w > k + 1 && w < limit && IsCloseParen(t[w]) ? w + 1 : k;
}

// "6th Squadron, 8th Cavalry Regiment, 4th Brigade Combat Team, 3rd
// Infantry Division", "2nd Battalion, 503rd Infantry Regiment (Airborne),
// 173rd Airborne Brigade": numbered units separated by commas name one unit,
// the first inside the next.
std::vector<OrgMention> MergeUnitChains(const Document& doc, std::vector<OrgMention> orgs) {
  const auto& t = doc.tokens;
  std::vector<OrgMention> out;
  for (OrgMention& m : orgs) {
    if (!out.empty()) {
      OrgMention& last = out.back();
      bool numbered = IsOrdinalOrNumber(t[last.first_token]) && IsOrdinalOrNumber(t[m.first_token]);
      int comma = SkipUnitDesignation(t, last.last_token, m.first_token);
      if (numbered && last.acronym.empty() && m.sentence == last.sentence &&
          m.first_token == comma + 1 && t[comma].Is(",")) {
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

// "Joint Warfare Centre (JWC)" … "Commander JWC": later uses of an acronym
// the article introduced are mentions of that organisation too.
std::vector<OrgMention> AddIntroducedAcronyms(const Document& doc, std::vector<OrgMention> orgs) {
  absl::flat_hash_set<std::string_view> introduced;
  for (const OrgMention& o : orgs) {
    if (!o.acronym.empty()) introduced.insert(o.acronym);
  }
  if (introduced.empty()) return orgs;
  std::vector<char> covered(doc.tokens.size(), 0);
  for (const OrgMention& o : orgs) {
    for (int i = o.first_token; i < o.last_token; ++i) covered[i] = 1;
  }
  const auto& t = doc.tokens;
  // Collected apart: `introduced` views the acronyms held by `orgs`.
  std::vector<OrgMention> added;
  for (size_t i = 0; i < t.size(); ++i) {
    if (covered[i] || !t[i].all_caps || !t[i].IsWord() || t[i].credit ||
        !introduced.contains(t[i].Bare())) {
      continue;
    }
    OrgMention m;
    m.name = std::string(t[i].Bare());
    m.first_token = static_cast<int>(i);
    m.last_token = static_cast<int>(i) + 1;
    m.begin = t[i].begin;
    m.end = t[i].end;
    m.sentence = t[i].sentence;
    added.push_back(std::move(m));
  }
  for (OrgMention& m : added) orgs.push_back(std::move(m));
  std::sort(orgs.begin(), orgs.end(),
            [](const OrgMention& a, const OrgMention& b) { return a.begin < b.begin; });
  return orgs;
}

}  // namespace

std::vector<OrgMention> FindOrganizations(const Document& doc) {
  std::vector<OrgMention> out;
  const auto& t = doc.tokens;
  for (const Sentence& s : doc.sentences) {
    // EmitOrgs keeps only runs with a head word, a ship prefix or a known
    // acronym: a sentence without any of them has no organisation.
    if (s.credit || !s.Has(kFlagHeadWord | kFlagShipPrefix | kFlagOrgAcronym)) continue;
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
            (IsOrdinalOrNumber(t[j + 2]) || t[j + 2].cap) && IsCloseParen(t[j + 3])) {
          j += 4;  // (CVN 76), (NCI Agency)
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
  return AddIntroducedAcronyms(doc, MergeUnitChains(doc, std::move(out)));
}

}  // namespace parley::extract_internal
