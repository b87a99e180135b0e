#include "extract/person_rules.h"

#include <algorithm>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "extract/common_words.h"
#include "extract/gazetteer.h"
#include "extract/lexicon.h"
#include "extract/titles.h"
#include "extract/token_predicates.h"

namespace parley::extract_internal {
namespace {

// ---------------------------------------------------------------------------
// Candidate runs.

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

// Post-nominal letters after a name ("Graham Stacey KBE", "Tony Radakin CB
// ADC"): capitals after a written-out name word are honours, not names.
bool IsPostNominal(const std::vector<Token>& t, int i, int j) {
  // Honours are two to four letters (CB, KBE, AVSM); a longer word in
  // capitals is a family name ("John MAIER").
  if (!t[j].all_caps || t[j].Bare().size() < 2 || t[j].Bare().size() > 4) return false;
  for (int k = i; k < j; ++k) {
    if (!t[k].all_caps && t[k].Bare().size() > 1) return true;
  }
  return false;
}

// Past the post-nominal letters after a name ("Graham Stacey KBE, CB and
// …", "Tony Radakin CB ADC, Royal Navy First Sea Lord"): where the name's
// context goes on.
int SkipPostNominals(const std::vector<Token>& t, int i, int name_end, int b) {
  int k = name_end;
  while (k < b) {
    if (IsPostNominal(t, i, k)) {
      ++k;
    } else if (t[k].Is(",") && k + 1 < b && IsPostNominal(t, i, k + 1) && k > name_end) {
      ++k;
    } else {
      break;
    }
  }
  return k;
}

// "d’Exaerde", "l’Ouverture": a particle elided onto a name word, one token
// in lower case (the particle before the apostrophe is a name_particle).
bool IsElidedParticleName(const Token& x) {
  std::string_view w = x.text;
  if (x.cap || !x.IsWord() || w.empty() || w[0] < 'a' || w[0] > 'z') return false;
  size_t mark = w.find_first_of("'\xE2");
  if (mark == std::string_view::npos || mark == 0) return false;
  size_t after = mark + (w[mark] == '\'' ? 1 : 3);
  if (w[mark] != '\'' && w.substr(mark, 3) != "\xE2\x80\x99") return false;
  return after < w.size() && w[after] >= 'A' && w[after] <= 'Z' &&
         IsNameParticle(w.substr(0, mark));
}

// The capitalised run starting at name token i: name tokens, and up to two
// particles between them ("Mohammed bin Salman", "Ursula von der Leyen"), or
// an elided particle at its end ("Francois de Kerchove d’Exaerde").
// Returns its end.
int NameRunEnd(const PeopleContext& c, int i, int b) {
  const auto& t = c.tokens();
  int j = i + 1;
  while (j < b) {
    if (c.IsNameToken(j)) {
      if (IsPostNominal(t, i, j)) break;
      ++j;
      continue;
    }
    if (IsElidedParticleName(t[j])) {
      ++j;
      continue;
    }
    int particles = 0;
    while (particles < 2 && j + particles < b && t[j + particles].Has(kFlagParticle)) ++particles;
    if (particles == 0 || j + particles >= b || !c.IsNameToken(j + particles)) break;
    j += particles + 1;
  }
  return j;
}

// A word that is English and not also a name ("Plan", "Leaves", "Economics";
// not "Rose", "Young", "Smith").
bool IsPlainWord(const Token& t) {
  std::string_view w = t.Bare();
  CommonWordKinds kinds = LookupCommonWord(w);
  if (kinds.common) return !kinds.also_name;
  // "Low-Intensity": every part a plain word.
  size_t dash = w.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 >= w.size()) return false;
  std::string_view left = w.substr(0, dash), right = w.substr(dash + 1);
  return right.find('-') == std::string_view::npos && IsOnlyCommonWord(left) &&
         IsOnlyCommonWord(right);
}

// Trims words that belong to the context from a capitalised run: the tail of
// a title before the name ("Secretary of Transportation Pete Buttigieg",
// "Deputy National Security Advisor for International Economics Daleep
// Singh") and a headline's verb after it ("Modi Leaves For Japan"). False
// when every word is a plain English word ("Emergency Plan", "Rescue
// Plan").
bool TrimRun(const PeopleContext& c, int a, int* i, int* j) {
  const auto& t = c.tokens();
  // Only runs of two or more words can be all plain; the first word that is
  // not settles it (each IsPlainWord is a dictionary lookup).
  if (*j - *i >= 2) {
    bool all_plain = true;
    for (int k = *i; k < *j && all_plain; ++k) all_plain = t[k].Has(kFlagParticle) || IsPlainWord(t[k]);
    if (all_plain) return false;
  }
  while (*j - *i >= 3 && *i - 1 >= a &&
         (t[*i - 1].Is("of") || t[*i - 1].Is("for") || t[*i - 1].Is("and") ||
          t[*i - 1].Is("the") || t[*i - 1].cap || IsPossessive(t[*i - 1])) &&
         (t[*i].Has(kFlagTitleModifier | kFlagOrgWord) || IsPlainWord(t[*i]))) {
    ++*i;
  }
  // Right after "the", a longer run starts with the tail of what "the"
  // began ("the Americas Chris Dodd").
  if (*j - *i >= 3 && *i - 1 >= a && (t[*i - 1].Is("the") || t[*i - 1].Is("The"))) ++*i;
  if (c.doc().sentences[t[*i].sentence].kind == ParagraphKind::kTitle) {
    while (*j - *i >= 2 && IsPlainWord(t[*j - 1])) --*j;
  }
  return true;
}

// The run's words' initials spell `acronym` ("NGERA").
bool SpellsInitials(const std::vector<Token>& t, int i, int j, std::string_view acronym) {
  // The run may be the end of the name the acronym spells ("Next
  // Generation" are not name words).
  if (acronym.size() < 2 || static_cast<int>(acronym.size()) < j - i) return false;
  size_t offset = acronym.size() - (j - i);
  for (int k = i; k < j; ++k) {
    if (t[k].text[0] != acronym[offset + (k - i)]) return false;
  }
  return true;
}

// Why the run [i, j) is not a name, if it is not; *resume is where scanning
// goes on. Runs that name an organisation ("Joint Functional Component
// Command"), a place ("Sri Lanka"), or only initials are not names.
bool IsNotAName(const PeopleContext& c, int a, int b, int i, int j, int name_end, int* resume) {
  const auto& t = c.tokens();
  *resume = j;
  if (name_end < b && (t[name_end].cap || t[name_end].all_caps) &&
      t[name_end].Has(kFlagHeadWord | kFlagPlaceHead)) {
    return true;
  }
  // "the North Atlantic Treaty Organization": the run opens an organisation's
  // name (no title or event word after it inside that name).
  if (name_end < b && c.OrgAt(i) >= 0 && c.OrgAt(name_end) == c.OrgAt(i)) {
    const OrgMention& o = c.orgs()[c.OrgAt(i)];
    bool modifies = true;
    for (int k = name_end; k < o.last_token; ++k) {
      modifies &= !t[k].Has(kFlagTitleHead);
    }
    if (modifies) return true;
  }
  // A surname alone is written right after its title ("Minister Hamada"):
  // after a connector ("Minister of Foreign Affairs and Diaspora"), or
  // before more capitalised words ("Chief of the Hellenic National Defense
  // General Staff"), it is part of a title or name of something else.
  if (j - i == 1 && ((i - 1 >= a && !t[i - 1].cap && t[i - 1].IsWord()) ||
                     (name_end < b && t[name_end].cap && !c.IsNameToken(name_end)))) {
    return true;
  }
  // "Next Generation Explosive Reactive Armour (NGERA)": a run its bracketed
  // acronym spells is a thing's name; "the Christchurch Call Rt Hon …": an
  // honorific after the run starts the name.
  if (name_end < b && t[name_end].Has(kFlagHonorific)) return true;
  if (name_end + 2 < b && IsOpenParen(t[name_end]) && IsCloseParen(t[name_end + 2]) &&
      SpellsInitials(t, i, j, t[name_end + 1].text)) {
    return true;
  }
  // "Small Business Administrator Isabel Guzman": the run qualifies the
  // title of the name that follows.
  if (name_end + 1 < b && t[name_end].cap && TitleHeadAsWritten(t[name_end]) &&
      c.IsNameToken(name_end + 1)) {
    return true;
  }
  // "Supreme Allied Commander": title words before a title head.
  if (name_end < b && t[name_end].cap && TitleHeadAsWritten(t[name_end])) {
    for (int k = i; k < j; ++k) {
      if (t[k].Has(kFlagTitleModifier | kFlagOrgWord)) return true;
    }
  }
  // A name may follow a place ("Senior Director for the Western Hemisphere
  // Juan González").
  if (int place_end = PlaceEndIn(c.doc(), a, i, j); place_end > i) {
    *resume = j - place_end >= 2 ? place_end : j;
    return true;
  }
  // An acronym alone is not a name ("Commander JWC").
  if (j - i == 1 && t[i].all_caps && t[i].Bare().size() <= 4) return true;
  for (int k = i; k < j; ++k) {
    if (t[k].IsWord() && t[k].Bare().size() > 1) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Rules. Each reads the candidate's context and may anchor it.

void Anchor(int rule, Candidate* cand) { cand->anchors |= 1u << rule; }

enum RuleIndex {
  kHonorific,
  kRank,
  kTitleBefore,
  kAppositionBefore,
  kCommandedBy,
  kAppositionAfter,
  kSubjectOfVerb,
  kAfterSpeechVerb,
  kMeetingObject,
  kListedWithCountry,
};

// "Mr. Sullivan", "Dr. Jaishankar", "Sheikh Tahnoun".
void HonorificRule(const PeopleContext& c, Candidate* cand) {
  int p = cand->left_end - 1;
  if (p >= cand->sentence_begin && c.tokens()[p].Has(kFlagHonorific)) {
    Anchor(kHonorific, cand);
    cand->left_end = p;
  }
}

// "Secretary General", "Director General", "Attorney General": the rank
// "General" right after a title head ends that title.
bool TitleEndingInGeneral(const std::vector<Token>& t, int a, int rank_begin,
                          const std::string& rank) {
  if (rank != "General" || rank_begin - 1 < a) return false;
  const Token& before = t[rank_begin - 1];
  return before.Has(kFlagTitleHead) || before.Is("Attorney") || before.Is("Surgeon") ||
         before.Is("Solicitor") || before.Is("Postmaster");
}

// "Lieutenant General Francesco Diella", "Rear Adm. John Alexander".
void RankRule(const PeopleContext& c, Candidate* cand) {
  const auto& t = c.tokens();
  int a = cand->sentence_begin;
  int p = cand->left_end - 1;
  for (int k = std::min(6, p - a + 1); k >= 1; --k) {
    std::string rank;
    if (MatchRank(t, p - k + 1, p + 1, &rank) == k &&
        !TitleEndingInGeneral(t, a, p - k + 1, rank)) {
      cand->attr.rank = rank;
      Anchor(kRank, cand);
      cand->left_end = p - k + 1;
      // "Forces-Teniente General": a dash between title and rank.
      if (cand->left_end - 1 >= a && t[cand->left_end - 1].Is("-")) --cand->left_end;
      return;
    }
  }
}

// The organisation a post written as an acronym belongs to: COMKFOR -> KFOR,
// CEUMC -> EUMC (an acronym the article introduced, or a known one).
std::string OrgOfPostAcronym(const PeopleContext& c, std::string_view post) {
  for (size_t cut = 1; cut + 3 <= post.size(); ++cut) {
    std::string_view tail = post.substr(cut);
    if (const std::string* full = c.OrgForAcronym(tail)) return *full;
    if (InClass(WordClass::kOrgAcronym, tail)) return std::string(tail);
  }
  return "";
}

// "On behalf of the Croatian Armed Forces, Chief of General Staff General
// Josip Lucic recalled …": the body a sentence opens with "on behalf of" is
// whom the person right after its comma represents.
void OnBehalfOf(const PeopleContext& c, Candidate* cand) {
  const auto& t = c.tokens();
  int a = cand->sentence_begin;
  int q = cand->title_begin - 1;
  if (!cand->attr.org.empty() || q < a + 4 || !t[q].Is(",")) return;
  if (!(t[a].Is("On") || t[a].Is("on")) || !t[a + 1].Is("behalf") || !t[a + 2].Is("of")) return;
  int o = a + 3 + (t[a + 3].Is("the") ? 1 : 0);
  if (c.OrgAt(o) < 0) return;
  const OrgMention& m = c.orgs()[c.OrgAt(o)];
  if (m.first_token == o && m.last_token == q) cand->attr.org = m.name;
}

// "Saudi Prime Minister and Crown Prince Mohammed bin Salman", "his
// Australian counterpart Richard Marles".
void TitleBeforeRule(const PeopleContext& c, Candidate* cand) {
  int region = TitleRegionStart(c, cand->sentence_begin, cand->left_end);
  // "the President’s American Jobs Plan": what a titled person owns is not
  // that person.
  for (int k = region + 1; k < cand->left_end; ++k) {
    if (IsPossessive(c.tokens()[k]) && c.tokens()[k - 1].Has(kFlagTitleHead)) region = k + 1;
  }
  cand->title_begin = region;
  if (region >= cand->left_end) return;
  bool counterpart = false;
  for (int k = region; k < cand->left_end; ++k) {
    std::string_view w = c.tokens()[k].text;
    counterpart |= absl::EqualsIgnoreCase(absl::string_view(w.data(), w.size()), "counterpart");
  }
  Attributes local;
  ParseTitleRegion(c, region, cand->left_end, &local);
  if (!local.role.empty() || !local.org.empty() || !local.country.empty()) {
    cand->attr.role = local.role;
    cand->attr.org = local.org;
    cand->attr.country = local.country;
    cand->service_org = local.role.empty() && !local.org.empty() && !cand->attr.rank.empty();
    // "Ambassador Jori Arvonen, Head of Finland's Representation to the EU":
    // a one-word title yields to the post an apposition spells out.
    cand->courtesy_title = local.role.find(' ') == std::string::npos;
  }
  // "North Atlantic Council (NAC) Permanent Representatives (PermReps)": one
  // word in brackets right after a title abbreviates it; it names no one.
  if (cand->name_end - cand->first == 1 && cand->first - 1 >= cand->sentence_begin &&
      IsOpenParen(c.tokens()[cand->first - 1])) {
    return;
  }
  if (!local.role.empty() || counterpart) Anchor(kTitleBefore, cand);
  OnBehalfOf(c, cand);
  // "COMKFOR General Erhard Buhler": a post written as an acronym.
  if (cand->attr.role.empty() && cand->left_end - region == 1 &&
      c.tokens()[region].all_caps) {
    std::string org = OrgOfPostAcronym(c, c.tokens()[region].text);
    if (!org.empty()) {
      cand->attr.role = std::string(c.tokens()[region].text);
      cand->attr.org = org;
      Anchor(kTitleBefore, cand);
    }
  }
}

// The organisation named last before token `before` in the sentence.
const OrgMention* LastOrgBefore(const PeopleContext& c, int sentence, int before) {
  for (int o = static_cast<int>(c.orgs().size()) - 1; o >= 0; --o) {
    const OrgMention& m = c.orgs()[o];
    if (m.sentence == sentence && m.last_token <= before) return &m;
  }
  return nullptr;
}

// "Commanders", "Ministers": a title head in the plural.
bool IsPluralTitle(const Token& x) {
  std::string_view w = x.Bare();
  return x.cap && w.size() > 3 && w.back() == 's' && IsTitleHead(w.substr(0, w.size() - 1));
}

// Whether the two words before k end a person's name ("… Jan Arp" before
// "and", "… Kamilė Gogelienė" before ","): two name words, neither a title,
// organisation or place word nor a plain English word (not "for Management
// and Resources", "the Middle East and").
bool NameEndsBefore(const PeopleContext& c, int a, int k) {
  const auto& t = c.tokens();
  if (k - 2 < a) return false;
  constexpr uint32_t kNotName = kFlagTitleHead | kFlagTitleModifier | kFlagOrgWord |
                                kFlagHeadWord | kFlagCountryish | kFlagPlace | kFlagPlaceStart;
  for (int n = k - 2; n < k; ++n) {
    if (!c.IsNameToken(n) || t[n].Has(kNotName)) return false;
  }
  return !IsOnlyCommonWord(t[k - 1].Bare());
}

// "VADM Juan A. Moreno and the Chief of Staff ACT, Lt Gen Jan Arp": an "and"
// at k right after a person's name ends the title before the comma.
bool EndsNameBeforeAnd(const PeopleContext& c, int a, int k) {
  return c.tokens()[k].Is("and") && NameEndsBefore(c, a, k);
}

// A title in lower case before the comma at q opens the sentence or follows
// "the" ("The prime minister of Mongolia,"; not "the most senior military
// member of NATO,", nor a list item ", interior minister,").
bool LowerTitleOpensAt(const std::vector<Token>& t, int a, int q) {
  int k = q;
  while (k > a && (t[k - 1].cap || t[k - 1].Is("of") || t[k - 1].Is("and") ||
                   (t[k - 1].IsWord() && t[k - 1].Has(kFlagTitleHead | kFlagTitleModifier)))) {
    --k;
  }
  return k == a || (k < q && (t[k].Is("the") || t[k].Is("The"))) || t[k - 1].Is("the") ||
         t[k - 1].Is("The");
}

// "led by its Director, Lieutenant General Francesco Diella", "United States
// Ambassador to India, Eric Garcetti".
void AppositionBeforeRule(const PeopleContext& c, Candidate* cand) {
  const auto& t = c.tokens();
  int a = cand->sentence_begin;
  int q = cand->title_begin - 1;  // the comma
  if (q < a || !t[q].Is(",") || (!cand->attr.role.empty() && !cand->courtesy_title)) return;
  // "Dr. Vytautas Umbrasas, Vice Minister of National Defence, and United
  // States Air Force General Tod D. Wolters": the title before the comma is
  // the previous person's.
  if (cand->title_begin < cand->left_end && t[cand->title_begin].Is("and")) return;
  // "Vice Minister … Kamilė Gogelienė, Commander of NATO’s … Major General
  // Harold Van Pee": a name closes the words before the comma, so they are
  // another person with the title, not this one's post.
  // (Not a unit "of IAC Vikrant": an acronym opens no person's name.)
  if (NameEndsBefore(c, a, q) && !(t[q - 2].all_caps && t[q - 2].Bare().size() >= 2)) return;
  int k = q;
  // "The prime minister of Mongolia, Ukhnaagiin Khurelsukh,": a title may be
  // written in lower case when the comma comes right before the name (not
  // "commanding officer, USS Ronald Reagan") and another closes it.
  bool lower = cand->title_begin == cand->left_end && cand->context_end < cand->sentence_end &&
               t[cand->context_end].Is(",") && LowerTitleOpensAt(t, a, q);
  while (k > a && !EndsNameBeforeAnd(c, a, k - 1) &&
         (t[k - 1].cap || t[k - 1].Is("of") || t[k - 1].Is("and") ||
                   (lower && t[k - 1].IsWord() && t[k - 1].Has(kFlagTitleHead | kFlagTitleModifier)) ||
                   t[k - 1].Is("the") || t[k - 1].Is("for") || t[k - 1].Is("to") ||
                   IsOrdinalOrNumber(t[k - 1]) || IsOpenParen(t[k - 1]) ||
                   IsCloseParen(t[k - 1])) &&
         t[k - 1].in_quote == t[q].in_quote && !t[k - 1].credit) {
    --k;
  }
  while (k < q && (t[k].Is("the") || t[k].Is("The") || t[k].Is("and") || t[k].Is("of"))) ++k;
  // Words before the title that are neither an organisation nor a country
  // ("Italian four-star …" aside) are not part of it; the title region parser
  // takes a leading organisation or country itself ("KFOR Commander",
  // "United States Ambassador to India").
  int lead = k;
  while (lead < q && lead < k + 3 && !t[lead].Has(kFlagTitleHead | kFlagTitleModifier) &&
         (t[lead].cap || t[lead].all_caps) && c.OrgAt(lead) < 0 && !Countryish(t[lead]) &&
         !(t[lead].all_caps && lead + 1 < q && t[lead + 1].Has(kFlagTitleHead | kFlagTitleModifier))) {
    ++lead;
  }
  if (lead < q && t[lead].Has(kFlagTitleHead | kFlagTitleModifier)) k = lead;
  bool head_inside = false;
  for (int h = k; h < q; ++h) head_inside |= t[h].Has(kFlagTitleHead);
  // The region opens with a title word, or with the organisation or country
  // the title parser takes off.
  bool opens = k < q && (t[k].Has(kFlagTitleHead | kFlagTitleModifier) || c.OrgAt(k) >= 0 ||
                         Countryish(t[k]) || t[k].all_caps);
  if (!opens || !head_inside) return;
  // "NATO’s only two Supreme Allied Commanders, General Denis Mercier, …": a
  // plural title introduces several people, not this one's post.
  // ("the Chairman of the Chiefs of Defense": a plural after "of" names the
  // body, not the people.)
  for (int h = k; h < q; ++h) {
    bool of_body = h - 2 >= k && (t[h - 1].Is("of") || (t[h - 1].Is("the") && t[h - 2].Is("of")));
    if (IsPluralTitle(t[h]) && !of_body) return;
  }
  Attributes local;
  ParseTitleRegion(c, k, q, &local);
  if (local.role.empty()) return;
  cand->courtesy_title = false;
  cand->attr.role = local.role;
  if (cand->attr.org.empty()) cand->attr.org = local.org;
  if (cand->attr.country.empty()) cand->attr.country = local.country;
  Anchor(kAppositionBefore, cand);
  // "its Director": the organisation mentioned before.
  if (k - 1 >= a && (t[k - 1].Is("its") || t[k - 1].Is("their")) && cand->attr.org.empty()) {
    if (const OrgMention* o = LastOrgBefore(c, cand->sentence, k - 1)) cand->attr.org = o->name;
  }
}

// "INS Batti Malv is a 46m long ship … commanded by Lieutenant Commander X":
// the commanded unit is X's organisation. Gives an attribute, not an anchor.
void CommandedByRule(const PeopleContext& c, Candidate* cand) {
  const auto& t = c.tokens();
  int by = cand->title_begin - 1;
  if (!cand->attr.org.empty() || by - 1 < cand->sentence_begin || !t[by].Is("by")) return;
  if (!t[by - 1].Is("commanded") && !t[by - 1].Is("captained") && !t[by - 1].Is("headed")) return;
  if (const OrgMention* o = LastOrgBefore(c, cand->sentence, by)) cand->attr.org = o->name;
}

// "chaired by Gen Robert Brieger (CEUMC)": a post in brackets after a name.
void BracketedPost(const PeopleContext& c, Candidate* cand) {
  const auto& t = c.tokens();
  int k = cand->context_end;
  if (k + 2 >= cand->sentence_end || !IsOpenParen(t[k]) || !IsCloseParen(t[k + 2]) ||
      !t[k + 1].all_caps || !t[k + 1].IsWord() || c.OrgForAcronym(t[k + 1].text) != nullptr) {
    return;
  }
  std::string org = OrgOfPostAcronym(c, t[k + 1].text);
  if (org.empty()) return;
  if (cand->attr.role.empty()) cand->attr.role = std::string(t[k + 1].text);
  if (cand->attr.org.empty()) cand->attr.org = org;
}

// "the Chairman of the Chiefs of Defense, Admiral Michael Mullen, the Chief
// of the Hellenic National Defence General Staff, General Dimitrios
// Grapsas": a person whose title came before the comma before the name, and
// whose apposition ends at a comma before a rank or honorific, is followed by
// the next person's title, not by a post of his own.
bool AppositionIsNextPersonsTitle(const PeopleContext& c, const Candidate* cand) {
  const auto& t = c.tokens();
  int q = cand->title_begin - 1;
  if (q - 1 < cand->sentence_begin || !t[q].Is(",") || !t[q - 1].cap ||
      !t[q - 1].IsWord()) {
    return false;
  }
  // The apposition is a "the" title, as the next person's title before his
  // name is written ("…, the Chief of …, General …").
  int k = cand->context_end;
  if (k + 2 >= cand->sentence_end || !t[k].Is(",") || !t[k + 1].Is("the") ||
      !TitleHeadAsWritten(t[k + 2])) {
    return false;
  }
  int b = k + 1;
  while (b < cand->sentence_end && b < k + 25 && !t[b].Is(",") && !t[b].Is(";")) ++b;
  return b + 1 < cand->sentence_end && t[b].Is(",") && t[b + 1].cap &&
         t[b + 1].Has(kFlagRankWord | kFlagHonorific);
}

// "General Grynkewich set foot on Swedish soil for the first time in his
// capacity as Supreme Allied Commander Europe (SACEUR)": the post the person
// acts in, unless another person is named first. Gives attributes, not an
// anchor.
void CapacityAs(const PeopleContext& c, Candidate* cand) {
  const auto& t = c.tokens();
  if (!cand->attr.role.empty() && !cand->courtesy_title) return;
  int end = std::min(cand->sentence_end, cand->context_end + 16);
  for (int k = cand->context_end; k + 4 < end; ++k) {
    if (t[k].cap && t[k].Has(kFlagRankWord | kFlagHonorific)) return;
    if (!t[k].Is("in") || !(t[k + 1].Is("his") || t[k + 1].Is("her")) ||
        !t[k + 2].Is("capacity") || !t[k + 3].Is("as")) {
      continue;
    }
    int a = k + 4, b = a;
    while (b < cand->sentence_end && !t[b].in_quote &&
           (t[b].cap || t[b].Is("of") || t[b].Is("the") || t[b].Is("for") || t[b].Is("and") ||
            IsOpenParen(t[b]) || IsCloseParen(t[b]))) {
      ++b;
    }
    Attributes local;
    ParseTitleRegion(c, a, b, &local);
    if (local.role.empty()) return;
    cand->attr.role = local.role;
    if (cand->attr.org.empty()) cand->attr.org = local.org;
    return;
  }
}

// "Su-Kwang Kim, Director of the Strategy and Plans Division", "Fred
// Goldhammer, commanding officer, USS Ronald Reagan".
void AppositionAfterRule(const PeopleContext& c, Candidate* cand) {
  const auto& t = c.tokens();
  cand->possessive = cand->name_end < cand->sentence_end && IsPossessive(t[cand->name_end]);
  if (cand->possessive) return;
  BracketedPost(c, cand);
  if (AppositionIsNextPersonsTitle(c, cand)) return;
  Attributes post;
  ParseApposition(c, cand->context_end, cand->sentence_end, &post);
  if (!post.role.empty() && cand->last - cand->first >= 2) Anchor(kAppositionAfter, cand);
  if (cand->attr.role.empty() ||
      (cand->courtesy_title && post.role.find(' ') != std::string::npos)) {
    if (!post.role.empty()) cand->attr.role = post.role;
  }
  if (cand->attr.org.empty() || (cand->service_org && !post.org.empty() && !post.role.empty())) {
    cand->attr.org = post.org;
  }
  if (cand->attr.country.empty()) cand->attr.country = post.country;
  CapacityAs(c, cand);
}

// No acronym in the run: "the Ronald Reagan CSG conducts" is not a person.
bool IsPlainRun(const std::vector<Token>& t, int first, int last) {
  for (int k = first; k < last; ++k) {
    if (t[k].all_caps && t[k].Bare().size() > 1) return false;
  }
  return true;
}

// "Eric Edelman met with …", "Zack Perrin said": a full name opening a clause
// right before a verb of taking part or speaking.
void SubjectOfVerbRule(const PeopleContext& c, Candidate* cand) {
  const auto& t = c.tokens();
  int i = cand->first;
  if (cand->last - i < 2 || !IsPlainRun(t, i, cand->last)) return;
  bool clause_start = i == cand->sentence_begin || t[i - 1].Is(",") || t[i - 1].Is("and") ||
                      (t[i - 1].IsWord() && !t[i - 1].cap && !t[i - 1].Is("the") &&
                       !t[i - 1].Is("a") && !t[i - 1].Is("an"));
  int next = cand->context_end;
  // "Upgraded Bofors called Dhanush": "called" + a name names a thing.
  bool naming = next + 1 < cand->sentence_end && t[next].Is("called") && t[next + 1].cap;
  if (clause_start && next < cand->sentence_end && !t[next].cap && !naming &&
      t[next].Has(kFlagEventTrigger | kFlagSpeechVerb)) {
    Anchor(kSubjectOfVerb, cand);
  }
}

// "“…,” said Berry Smith".
void AfterSpeechVerbRule(const PeopleContext& c, Candidate* cand) {
  int i = cand->first;
  if (i - 1 >= cand->sentence_begin && IsSpeechVerb(c.tokens()[i - 1].text) &&
      cand->last - i >= 2) {
    Anchor(kAfterSpeechVerb, cand);
  }
}

// The run is the object of a verb of meeting: "met X", "welcomed X", "met
// with X", "accompanied by X"; and not the modifier of a following noun
// ("met Lockheed Martin executives").
bool IsMeetingObject(const Document& doc, int a, int i, int name_end, int b) {
  const auto& t = doc.tokens;
  if (i - 1 < a) return false;
  if (name_end < b && t[name_end].IsWord() && !t[name_end].cap &&
      !IsMeetingObjectFollower(t[name_end].text)) {
    return false;
  }
  // "hosted Senate Judiciary Chair Dick Durbin": the run qualifies a title.
  if (name_end < b && t[name_end].Has(kFlagTitleHead | kFlagTitleModifier | kFlagRankWord)) {
    return false;
  }
  const Token& prev = t[i - 1];
  if (prev.Is("with") || prev.Is("by")) {
    if (i - 2 < a) return false;
    return IsMeetingVerb(t[i - 2].text, prev.Is("with") ? MeetingFrame::kWith : MeetingFrame::kBy);
  }
  return IsMeetingVerb(prev.text, MeetingFrame::kDirect);
}

// "Sullivan met Juan Gonzalez in Guyana", "accompanied by Juan Gonzalez".
void MeetingObjectRule(const PeopleContext& c, Candidate* cand) {
  if (cand->last - cand->first >= 2 && IsPlainRun(c.tokens(), cand->first, cand->last) &&
      IsMeetingObject(c.doc(), cand->sentence_begin, cand->first, cand->name_end,
                      cand->sentence_end)) {
    Anchor(kMeetingObject, cand);
  }
}

// Whether "of Albania" / "from Croatia" ends right before `end`.
bool OfCountryBefore(const Document& doc, int a, int end) {
  for (int start = std::max(a, end - 5); start + 1 < end; ++start) {
    if (OfCountryEnd(doc, start, end) == end) return true;
  }
  return false;
}

// "Artur Kuko of Albania, Igor Pokaz of Croatia, … and Bogusaw Winid of
// Poland": a full name with its country, in a list whose next or previous
// item is a capitalised name with its country too, is a person (a body or
// a place is not listed by its country this way).
void ListedWithCountryRule(const PeopleContext& c, Candidate* cand) {
  const Document& doc = c.doc();
  const auto& t = c.tokens();
  int a = cand->sentence_begin, b = cand->sentence_end;
  if (cand->last - cand->first < 2 || !IsPlainRun(t, cand->first, cand->last)) return;
  int e = OfCountryEnd(doc, cand->name_end, b);
  if (e < 0) return;
  // The previous item: "…of Croatia, " or "…of Hungary, and ".
  int p = cand->first;
  if (p - 1 >= a && t[p - 1].Is("and")) --p;
  if (p - 1 >= a && t[p - 1].Is(",")) --p;
  bool listed = p < cand->first && OfCountryBefore(doc, a, p);
  // The next item: ", Igor Pokaz of Croatia".
  int n = e;
  if (n < b && t[n].Is(",")) ++n;
  if (n < b && t[n].Is("and")) ++n;
  if (!listed && n > e && n < b && c.IsNameToken(n)) {
    int run_end = n;
    while (run_end < b && run_end < n + 4 && c.IsNameToken(run_end)) ++run_end;
    listed = run_end - n >= 2 && OfCountryEnd(doc, run_end, b) > 0;
  }
  if (listed) Anchor(kListedWithCountry, cand);
}

constexpr PersonRule kPersonRules[] = {
    {"honorific", HonorificRule},
    {"rank", RankRule},
    {"title-before", TitleBeforeRule},
    {"apposition-before", AppositionBeforeRule},
    {"commanded-by", CommandedByRule},
    {"apposition-after", AppositionAfterRule},
    {"subject-of-verb", SubjectOfVerbRule},
    {"after-speech-verb", AfterSpeechVerbRule},
    {"meeting-object", MeetingObjectRule},
    {"listed-with-country", ListedWithCountryRule},
};
static_assert(std::size(kPersonRules) == kListedWithCountry + 1,
              "RuleIndex follows kPersonRules");

}  // namespace

int OfCountryEnd(const Document& doc, int k, int b) {
  if (k + 1 >= b || !(doc.tokens[k].Is("of") || doc.tokens[k].Is("from"))) return -1;
  ++k;
  if (doc.tokens[k].Is("the")) ++k;
  for (int n = std::min(3, b - k); n >= 1; --n) {
    if (!doc.tokens[k + n - 1].IsWord()) continue;
    if (LookupPlace(doc.TokenRange(k, k + n)).kind == PlaceKind::kCountry) return k + n;
  }
  return -1;
}

std::span<const PersonRule> PersonRules() { return kPersonRules; }

std::vector<std::string_view> AnchorNames(const Candidate& candidate) {
  std::vector<std::string_view> out;
  for (size_t k = 0; k < std::size(kPersonRules); ++k) {
    if (candidate.anchors & (1u << k)) out.push_back(kPersonRules[k].name);
  }
  return out;
}

bool IsTitled(const Candidate& candidate) {
  return !candidate.attr.rank.empty() ||
         (candidate.title_begin < candidate.left_end && !candidate.attr.role.empty());
}

bool IsAddressed(const Candidate& candidate) {
  constexpr uint32_t kBefore =
      (1u << kHonorific) | (1u << kRank) | (1u << kTitleBefore) | (1u << kAppositionBefore);
  return (candidate.anchors & kBefore) != 0;
}

// A rank that is not also a title word ("Colonel Martens"; not "General
// Manager", "Commander Transformation"): a common word after it is a surname.
bool IsPlainRank(const Candidate& cand) {
  const std::string& r = cand.attr.rank;
  return !r.empty() && r != "General" && r != "Commander" && r != "Marshal" && r != "Admiral";
}

// Whether the one word at i can be a surname after what precedes it: a word
// that is not a common English word, or one that is a name too right after a
// title ("Defence Minister Smith"; not "Secretary (East)", "Supreme Allied
// Commander Transformation").
bool IsSurnameAfterTitle(const std::vector<Token>& t, int a, int i) {
  CommonWordKinds kinds = LookupCommonWord(t[i].Bare());
  if (!kinds.common) return true;
  return kinds.also_name && i - 1 >= a && t[i - 1].cap && t[i - 1].Has(kFlagTitleHead);
}

std::vector<Candidate> FindPersonCandidates(const PeopleContext& c, int si) {
  const auto& t = c.tokens();
  const Sentence& s = c.doc().sentences[si];
  int a = s.first_token, b = s.last_token;
  std::vector<Candidate> out;
  for (int i = a; i < b;) {
    if (!c.IsNameToken(i)) {
      ++i;
      continue;
    }
    int j = NameRunEnd(c, i, b);
    int run_end = j;
    if (!TrimRun(c, a, &i, &j)) {
      i = run_end;
      continue;
    }
    // A generational suffix ends the name: "Joseph R. Biden, Jr.", "Mark A.
    // Welsh III" (capitals the run stops at, as it does at post-nominals).
    int name_end = j;
    if (j + 1 < b && t[j].Is(",") && IsNameSuffix(t[j + 1].Bare())) {
      name_end = j + 2;
    } else if (j < b && IsNameSuffix(t[j].Bare())) {
      name_end = j + 1;
    }
    int context_end = SkipPostNominals(t, i, name_end, b);
    int resume;
    if (IsNotAName(c, a, b, i, j, name_end, &resume)) {
      i = resume;
      continue;
    }
    Candidate cand;
    cand.sentence = si;
    cand.sentence_begin = a;
    cand.sentence_end = b;
    cand.first = i;
    cand.last = j;
    cand.name_end = name_end;
    cand.context_end = context_end;
    cand.left_end = i;
    cand.title_begin = i;
    for (const PersonRule& rule : kPersonRules) rule.apply(c, &cand);
    // "Supreme Allied Commander Transformation", "Minister for Community and
    // Returns": a common word alone after a title is the title's tail.
    // (The dictionary only when a rule anchored the name: most runs are not.)
    if (cand.anchors == 0 ||
        (name_end - i == 1 && !IsPlainRank(cand) && !IsSurnameAfterTitle(t, a, i))) {
      i = j;
      continue;
    }
    out.push_back(std::move(cand));
    i = context_end;
  }
  return out;
}

}  // namespace parley::extract_internal
