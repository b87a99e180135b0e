#include "extract/places.h"

#include <algorithm>
#include <cstdlib>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "common/text.h"
#include "extract/calendar.h"
#include "extract/gazetteer.h"
#include "extract/lexicon.h"
#include "extract/orgs.h"
#include "extract/token_predicates.h"

namespace parley::extract_internal {
namespace {

struct Match {
  int end = 0;  // token index past the phrase
  PlaceEntry entry;
};

// Longest gazetteer phrase starting at token i.
Match LongestPlace(const Document& doc, int i, int limit) {
  Match best;
  int max_words = 1;
  if (doc.tokens[i].Has(kFlagPlaceStart)) {
    // Tokens, not words: allow for punctuation inside a name ("Korea, Republic of").
    const Token& first = doc.tokens[i];
    int words = std::max(MaxPlaceWordsStartingWith(first.text),
                         MaxPlaceWordsStartingWith(first.Bare()));
    max_words = std::min(words + 2, limit - i);
  } else if (!doc.tokens[i].Has(kFlagPlace)) {
    return best;
  }
  for (int n = max_words; n >= 1; --n) {
    if (!doc.tokens[i + n - 1].IsWord()) continue;
    PlaceEntry e = LookupPlace(doc.TokenRange(i, i + n));
    if (e.kind == PlaceKind::kNone && n == 1) e = LookupPlace(doc.tokens[i].Bare());
    if (e.kind != PlaceKind::kNone && e.kind != PlaceKind::kDemonym) {
      best.end = i + n;
      best.entry = e;
      return best;
    }
  }
  return best;
}

// Bitwise, not short-circuit: one branch for the answer, not one per part.
bool CapWord(const Token& t) { return t.IsWord() & (t.cap | t.all_caps); }

std::string TitleCase(std::string_view s) {
  std::string out(s);
  bool start = true;
  for (char& c : out) {
    if (absl::ascii_isalpha(static_cast<unsigned char>(c))) {
      c = start ? absl::ascii_toupper(static_cast<unsigned char>(c))
                : absl::ascii_tolower(static_cast<unsigned char>(c));
      start = false;
    } else {
      start = c == ' ' || c == '-';
    }
  }
  return out;
}

// "visited Patrol Base Stone", "visit the HAL Facility": the object of a
// visit is where it took place.
bool IsVisitVerb(const Token& t) { return t.Has(kFlagVisitVerb); }

// "aboard", "onboard": the place after it may be a ship.
bool IsShipPreposition(const Token& t) {
  const LexiconEntry* e = BuiltinLexicon().Find(WordClass::kPlacePreposition, t.text);
  return e != nullptr && e->Has("ship");
}

bool IsDash(const Token& t) {
  return t.Is("-") || t.Is("\xE2\x80\x93") || t.Is("\xE2\x80\x94");
}

bool IsQuoteMark(const Token& t) {
  return t.Is("\"") || t.Is("\xE2\x80\x9C") || t.Is("\xE2\x80\x9D") || t.Is("'") ||
         t.Is("\xE2\x80\x98") || t.Is("\xE2\x80\x99");
}

// "to" names a destination only after a word of travel or meeting ("visit
// to", "travelled to", "welcomed to"), not in "dedicated to Ukraine" or
// "the NATO Representation to Ukraine".
bool DestinationTo(const Document& doc, int i) {
  // Skip a name or "the" object: "welcomed Admiral Radakin to Northwood".
  int k = i - 1;
  // "welcomed Chancellor Olaf Scholz of Germany to the White House".
  while (k > 0 && i - k < 8 &&
         (CapWord(doc.tokens[k]) || doc.tokens[k].Is("the") || doc.tokens[k].Is("of"))) {
    --k;
  }
  for (int q : {i - 1, k}) {
    if (q < 0) continue;
    const Token& p = doc.tokens[q];
    if (p.IsWord() && (p.Has(kFlagLocationTrigger) || IsVisitVerb(p) ||
                       p.Has(kFlagTripNoun))) {
      return true;
    }
  }
  return false;
}

bool IsPrep(const Document& doc, int i) {
  const Token& t = doc.tokens[i];
  // Most tokens are none of the cases below ("to" and "of" are the only
  // two-byte ones): one test settles them.
  if (!t.Has(kFlagLocationTrigger | kFlagPlacePreposition) && t.text.size() != 2) return false;
  if (!t.IsWord()) return false;
  if (t.Has(kFlagLocationTrigger) && IsVisitVerb(t)) return true;
  if (t.Is("to")) return DestinationTo(doc, i);
  if (t.Has(kFlagPlacePreposition)) return true;
  // "the port of Trincomalee"
  return t.Is("of") && i > 0 && InClass(WordClass::kPlaceOfNoun, doc.tokens[i - 1].text);
}

// True when a location trigger occurs before token i with at most
// `max_lower` lower-case words between (names and titles do not count: "called
// on Commander Eastern Naval Area …, Rear Admiral X at the …"), or right
// after it ("in Washington with").
bool TriggerNear(const Document& doc, const Sentence& s, int i, int max_lower) {
  int lower = 0;
  for (int k = i - 1; k >= s.first_token; --k) {
    const Token& t = doc.tokens[k];
    if (t.in_quote) continue;  // a nickname (Benjamin “Benny” Gantz) or quoted words
    if (t.Has(kFlagLocationTrigger)) return true;
    // "the CMATT taking place in Sevaré": "take place" (take_place_verb).
    if (t.Is("place") && k > s.first_token &&
        InClass(WordClass::kTakePlaceVerb, doc.tokens[k - 1].text)) {
      return true;
    }
    if (t.IsWord() && !t.cap && !t.all_caps && ++lower > max_lower) break;
  }
  for (int k = i; k < std::min(s.last_token, i + 3); ++k) {
    if (doc.tokens[k].Has(kFlagLocationTrigger)) return true;
  }
  return false;
}

// Where a sentence turns to another event than its own: token indices of
// the first "ahead of", the first "recent trip" / "previous visit" /
// "earlier tour", the first "recently" / "previously" (earlier_adverb), and
// the first "followed" / "following" (earlier_event_word); -1 when absent.
struct OtherEventMarks {
  int ahead_of = -1;
  int earlier_trip = -1;
  int recently = -1;
  int following = -1;
};

// "The events in Germany followed a meeting of NATO Defence Ministers in
// Brussels": a place after "followed" / "following", with no comma between,
// is the earlier event's; after the comma the sentence's own clause resumes
// ("Following the ceremony, the Minister met … in Kyiv").
bool AfterEarlierEvent(const Document& doc, int following, int i) {
  if (following < 0 || following >= i) return false;
  for (int k = following + 1; k < i; ++k) {
    if (doc.tokens[k].Is(",")) return false;
  }
  return true;
}

// One pass over the sentence for all the marks (each starts with a word).
OtherEventMarks FindOtherEventMarks(const Document& doc, const Sentence& s) {
  const auto& t = doc.tokens;
  OtherEventMarks m;
  for (int k = s.first_token; k < s.last_token; ++k) {
    const Token& x = t[k];
    if (!x.IsWord()) continue;
    // "recently", "previously" (earlier_adverb): adverbs in "ly", which
    // settles most words without a lookup.
    if (m.recently < 0 && x.text.size() > 4 && x.text.ends_with("ly") &&
        InClass(WordClass::kEarlierAdverb, x.text)) {
      m.recently = k;
    }
    if (m.following < 0 && !x.cap && InClass(WordClass::kEarlierEventWord, x.text)) m.following = k;
    if (k + 1 >= s.last_token) continue;
    if (m.ahead_of < 0 && (x.Is("ahead") || x.Is("Ahead")) && t[k + 1].Is("of")) m.ahead_of = k;
    if (m.earlier_trip < 0 && x.Has(kFlagEarlierAdjective) && t[k + 1].Has(kFlagTripNoun)) {
      m.earlier_trip = k;
    }
  }
  return m;
}

// Another time right after the place: a year before the publication year
// ("in Sri Lanka between 1987 and 1990", "in the Galwan Valley in June
// 2020"), or "ago".
bool PastYearFollows(const Document& doc, const Sentence& s, int end) {
  // "the Defence Ministers meeting in Brussels only a fortnight ago"
  for (int k = end; k < std::min(s.last_token, end + 6); ++k) {
    if (doc.tokens[k].Is("ago")) return true;
  }
  const std::string& published = doc.article->published;
  int pub_year = published.size() >= 4 ? std::atoi(published.substr(0, 4).c_str()) : 0;
  if (!pub_year) return false;
  for (int k = end; k < std::min(s.last_token, end + 5); ++k) {
    const Token& t = doc.tokens[k];
    if (t.kind == TokenKind::kNumber && t.text.size() == 4) {
      int y = std::atoi(std::string(t.text).c_str());
      if (y >= 1900 && y < pub_year) return true;
    }
  }
  return false;
}

// Where `word` is written in `text` as a whole word, compared in any case;
// npos if nowhere.
size_t FindWord(std::string_view text, std::string_view word) {
  std::string lower_text = Lower(text), lower_word = Lower(word);
  for (size_t pos = lower_text.find(lower_word); pos != std::string::npos;
       pos = lower_text.find(lower_word, pos + 1)) {
    size_t e = pos + lower_word.size();
    bool left = pos == 0 || !absl::ascii_isalnum(static_cast<unsigned char>(lower_text[pos - 1]));
    bool right = e >= lower_text.size() ||
                 !absl::ascii_isalnum(static_cast<unsigned char>(lower_text[e]));
    if (left && right) return pos;
  }
  return std::string::npos;
}

// A NATO institution stands for the town that hosts it when the article
// writes the town: annotators name "Northwood" for a visit to NATO Maritime
// Headquarters and "Bydgoszcz" for one to the Joint Force Training Centre.
void SiteToTown(const Document& doc, FoundPlace* p) {
  std::string_view name = p->name;
  if (name.substr(0, 4) == "the " || name.substr(0, 4) == "The ") name.remove_prefix(4);
  // "NATO’s Allied Command Transformation"
  size_t space = name.find(' ');
  if (space != std::string_view::npos && space > 2 &&
      (name.substr(space - 2, 2) == "'s" || (space > 4 && name.substr(space - 4, 4) == "\xE2\x80\x99s"))) {
    name.remove_prefix(space + 1);
  }
  const SiteEntry* site = LookupSite(name);
  if (site == nullptr) return;
  size_t pos = FindWord(doc.text, site->town);
  if (pos == std::string::npos) return;
  p->name = site->town;
  p->country_code = site->code;
  p->begin = pos;
  p->end = pos + site->town.size();
  p->is_country = false;
}

// Adds a place unless one that contains it is known; a place that contains a
// known one replaces it ("Mons Town Hall" over "Mons"). Names compare folded:
// the dateline "SIAULIAI" is inside "Šiauliai Air Base".
void AddPlace(const Document& doc, std::vector<FoundPlace>* out, FoundPlace p,
              bool to_town = true) {
  if (to_town) SiteToTown(doc, &p);
  std::string b = FoldForMatch(p.name);
  for (FoundPlace& q : *out) {
    // "United States" and "US" are one place.
    if (p.is_country && q.is_country && !p.country_code.empty() &&
        p.country_code == q.country_code) {
      q.listed |= p.listed;
      return;
    }
    std::string a = FoldForMatch(q.name);
    if (a.find(b) != std::string::npos) {
      // The body confirms the dateline: "NORTHWOOD, United Kingdom – … visited
      // NATO Maritime Headquarters in Northwood".
      if (!p.dateline) q.dateline = false;
      return;
    }
    if (b.find(a) != std::string::npos) {
      q = std::move(p);
      return;
    }
  }
  out->push_back(std::move(p));
}

// The name of tokens [first, last) without quotation marks: the “Papagou”
// Military Base -> Papagou Military Base.
std::string CleanName(const Document& doc, int first, int last) {
  std::string out;
  bool space = false;
  for (int k = first; k < last; ++k) {
    const Token& x = doc.tokens[k];
    space |= x.space_before;
    if (IsQuoteMark(x) && x.kind == TokenKind::kPunct) continue;
    if (!out.empty() && space) out += ' ';
    out += x.text;
    space = false;
  }
  return out;
}

// Token index of a dash within `n` tokens from `from`; -1 if none.
int DashWithin(const Document& doc, const Sentence& s, int from, int n) {
  for (int k = from; k < s.last_token && k < from + n; ++k) {
    if (IsDash(doc.tokens[k])) return k;
  }
  return -1;
}

FoundPlace PlaceOf(const Document& doc, int first, int last, std::string name) {
  FoundPlace p;
  p.name = std::move(name);
  p.begin = doc.tokens[first].begin;
  p.end = doc.tokens[last - 1].end;
  PlaceEntry e = LookupPlace(p.name);
  p.country_code = e.code;
  p.is_country = e.kind == PlaceKind::kCountry;
  return p;
}

// An all-caps dateline: "BASRAH, Iraq –", "CORAL SEA (June 18, 2015) –". At
// the head of a later paragraph (`strict`) the place must be followed by a
// comma and a known place ("LAGO PATRIA, Italy -"). Returns the token past
// the place, 0 if none.
int AllCapsDateline(const Document& doc, const Sentence& s, bool strict) {
  const auto& t = doc.tokens;
  int i = s.first_token;
  while (i < s.last_token && t[i].IsWord() && t[i].all_caps && t[i].text.size() > 1) ++i;
  if (i == s.first_token || i >= s.last_token) return 0;
  if (!(t[i].Is(",") || t[i].Is("(") || IsDash(t[i]))) return 0;
  if (strict && !(t[i].Is(",") && i + 1 < s.last_token && LongestPlace(doc, i + 1, s.last_token).end)) {
    return 0;
  }
  return DashWithin(doc, s, i, 12) >= 0 ? i : 0;
}

// A dateline in mixed case: names up to a comma, then a date and a dash
// ("Bamako, February 24-28, 2021 –", "Banankoro NCO School /Koulikoro
// Training Camp (KTC), February 26, 2021 –"), or in the article's first
// sentence a country and a dash ("Brunssum, The Netherlands –").
std::vector<FoundPlace> MixedCaseDateline(const Document& doc, const Sentence& s, bool first) {
  const auto& t = doc.tokens;
  int i = s.first_token;
  if (!CapWord(t[i]) || t[i].in_quote || t[i].Has(kFlagMonth | kFlagWeekday)) return {};
  if (t[i].Has(kFlagStopword) && !t[i].Has(kFlagPlace | kFlagPlaceStart)) return {};
  int words = 0;
  for (; i < s.last_token && i < s.first_token + 16 && !t[i].Is(","); ++i) {
    const Token& x = t[i];
    if (x.IsWord()) {
      if (!CapWord(x) && !x.Has(kFlagParticle) && !x.Is("of") && !x.Is("and")) return {};
      if (x.Has(kFlagMonth | kFlagWeekday)) return {};
      ++words;
    } else if (!(x.Is("(") || x.Is(")") || x.Is("/"))) {
      return {};
    }
  }
  if (i + 1 >= s.last_token || !t[i].Is(",") || words == 0) return {};
  int c = i + 1;
  bool dated = t[c].Has(kFlagMonth | kFlagWeekday) && DashWithin(doc, s, c, 10) >= 0;
  if (!dated) {
    if (!first) return {};
    if (t[c].Is("The") || t[c].Is("the")) ++c;
    Match m = LongestPlace(doc, c, s.last_token);
    if (!m.end || m.entry.kind != PlaceKind::kCountry || m.end >= s.last_token || !IsDash(t[m.end])) {
      return {};
    }
  } else if (words == 1 && !t[s.first_token].Has(kFlagPlace)) {
    return {};  // "Today, May 5 –": one unknown word is no place
  }
  std::vector<FoundPlace> out;
  int part = s.first_token;
  for (int k = s.first_token; k <= i; ++k) {
    if (k < i && !t[k].Is("/")) continue;
    if (k > part) out.push_back(PlaceOf(doc, part, k, std::string(doc.TokenRange(part, k))));
    part = k + 1;
  }
  return out;
}

// "Kabul-Afghanistan: Lt. Gen …": a town joined to its state by a hyphen,
// then a colon or a dash, opening the article's first sentence.
std::vector<FoundPlace> HyphenatedDateline(const Document& doc, const Sentence& s) {
  const Token& x = doc.tokens[s.first_token];
  if (s.first_token + 1 >= s.last_token || !x.IsWord() || !x.cap) return {};
  const Token& next = doc.tokens[s.first_token + 1];
  if (!next.Is(":") && !IsDash(next)) return {};
  size_t hyphen = x.text.rfind('-');
  if (hyphen == std::string_view::npos || hyphen == 0) return {};
  std::string_view town = x.text.substr(0, hyphen);
  PlaceEntry state = LookupPlace(x.text.substr(hyphen + 1));
  PlaceEntry e = LookupPlace(town);
  if (state.kind != PlaceKind::kCountry || e.kind == PlaceKind::kCountry ||
      e.kind == PlaceKind::kDemonym) {
    return {};
  }
  FoundPlace p;
  p.name = std::string(town);
  p.begin = x.begin;
  p.end = x.begin + town.size();
  p.country_code = e.code.empty() ? state.code : e.code;
  return {p};
}

// Places of a dateline at the head of sentence s; `first` for the article's
// first body sentence.
std::vector<FoundPlace> DatelinePlaces(const Document& doc, const Sentence& s, bool first) {
  if (int end = AllCapsDateline(doc, s, !first)) {
    return {PlaceOf(doc, s.first_token, end, TitleCase(doc.TokenRange(s.first_token, end)))};
  }
  if (first) {
    std::vector<FoundPlace> hyphenated = HyphenatedDateline(doc, s);
    if (!hyphenated.empty()) return hyphenated;
  }
  return MixedCaseDateline(doc, s, first);
}

// "By U.S. European Command Public Affairs United States European Command
// Stuttgart, Germany Apr 26, 2024": a byline that closes with a town, its
// state and a date names where the story was filed, as a dateline does.
// Reads the paragraph of sentence si from its head.
std::vector<FoundPlace> BylinePlaces(const Document& doc, size_t si) {
  const Sentence& s = doc.sentences[si];
  const auto& t = doc.tokens;
  if (s.index_in_paragraph != 0 || !t[s.first_token].Is("By")) return {};
  int limit = s.last_token;
  for (size_t n = si + 1; n < doc.sentences.size() && doc.sentences[n].paragraph == s.paragraph; ++n) {
    limit = doc.sentences[n].last_token;
  }
  limit = std::min(limit, s.first_token + 40);
  for (int k = s.first_token + 1; k + 3 < limit; ++k) {
    if (!CapWord(t[k]) || !t[k].Has(kFlagPlace | kFlagPlaceStart)) continue;
    Match town = LongestPlace(doc, k, limit);
    if (!town.end || town.entry.kind != PlaceKind::kCity || town.end + 2 >= limit ||
        !t[town.end].Is(",")) {
      continue;
    }
    Match state = LongestPlace(doc, town.end + 1, limit);
    if (state.end && state.entry.kind == PlaceKind::kCountry && state.end < limit &&
        t[state.end].Has(kFlagMonth)) {
      return {PlaceOf(doc, k, town.end, std::string(doc.TokenRange(k, town.end)))};
    }
  }
  return {};
}

// A sentence that holds the event by video or telephone ("held his first
// call … by video teleconference", "hosted … via video teleconference from
// SHAPE"). Sets *from to the place after "from", if any.
bool RemoteEvent(const Document& doc, const Sentence& s, FoundPlace* from) {
  const auto& t = doc.tokens;
  bool remote = false, trigger = false;
  for (int k = s.first_token; k < s.last_token; ++k) {
    if (t[k].in_quote || !t[k].IsWord()) continue;
    trigger |= t[k].Has(kFlagLocationTrigger);
    if (!t[k].Has(kFlagRemoteWord)) continue;
    remote = true;
    for (int f = k + 1; f < s.last_token && f < k + 4; ++f) {
      if (!t[f].Is("from")) continue;
      int j = f + 1;
      if (j < s.last_token && t[j].Is("the")) ++j;
      int e = j;
      while (e < s.last_token && (CapWord(t[e]) || (t[e].Is("of") && e + 1 < s.last_token && CapWord(t[e + 1])))) ++e;
      if (e > j) *from = PlaceOf(doc, j, e, std::string(doc.TokenRange(j, e)));
      break;
    }
  }
  return remote && trigger;
}

// True when a location trigger follows token i in the sentence: "In
// Brussels, the Chief of the Defence Command met …".
bool TriggerLater(const Document& doc, const Sentence& s, int i) {
  for (int k = i + 1; k < s.last_token; ++k) {
    if (!doc.tokens[k].in_quote && doc.tokens[k].Has(kFlagLocationTrigger)) return true;
  }
  return false;
}

// A place after a preposition or visit verb.
struct PlaceMatch {
  int end = 0;               // token past the place; 0 when none
  FoundPlace place;
  bool institution = false;  // a visited institution without a place head
  bool city = false;         // a gazetteer city
  bool site = false;         // a name with a place head ("Mons Town Hall")
};

// Token past a capitalised run starting at j ("Eastern Naval Command
// Headquarters", "Port of Trincomalee", the “Papagou” Military Base); sets
// *head when a place head is in it and *institution when a visit's object
// has an organisation head ("the Indian Institute of Technology").
int CapRun(const Document& doc, const Sentence& s, int j, bool visit, bool* head, bool* institution) {
  const auto& t = doc.tokens;
  int k = j;
  while (k < s.last_token) {
    const Token& x = t[k];
    bool next_cap = k + 1 < s.last_token && CapWord(t[k + 1]);
    // "the NATO Communications and Information Agency": "and" joins a visited
    // institution's name.
    // "NATO’s North American Headquarters": a possessive inside the name.
    bool joiner = x.Is("of") || x.Is("-") || (visit && x.Is("and") && k > j) ||
                  (IsPossessive(x) && k > j) ||
                  // Marks around a short quoted name only: the “Papagou” Military Base.
                  (IsQuoteMark(x) && x.kind == TokenKind::kPunct && (k == j || t[k - 1].in_quote));
    if (!CapWord(x) && !(joiner && next_cap)) break;
    if (x.IsWord() && x.Has(kFlagMonth | kFlagWeekday)) break;
    if (x.IsWord() && x.Has(kFlagPlaceHead)) *head = true;
    if (visit && x.IsWord() && x.Has(kFlagHeadWord)) *institution = true;
    ++k;
  }
  return k;
}

// "at NATO’s new headquarters", "the NATO headquarters": an organisation's
// headquarters written in lower case is a site, named "NATO headquarters".
// Returns the token past "headquarters", 0 if none.
int LowerCaseHeadquarters(const Document& doc, const Sentence& s, int j, std::string* name) {
  const auto& t = doc.tokens;
  std::string_view org = t[j].text;
  int h = j + 1;
  if (org.size() > 2 && org.substr(org.size() - 2) == "'s") {
    org.remove_suffix(2);
  } else if (org.size() > 4 && org.substr(org.size() - 4) == "\xE2\x80\x99s") {
    org.remove_suffix(4);
  } else if (h < s.last_token && (t[h].Is("'s") || t[h].Is("\xE2\x80\x99s"))) {
    ++h;
  }
  if (!InClass(WordClass::kOrgAcronym, org)) return 0;
  // One adjective: "new", "former".
  if (h + 1 < s.last_token && t[h].IsWord() && !t[h].cap && t[h + 1].Is("headquarters")) ++h;
  if (h >= s.last_token || !t[h].Is("headquarters")) return 0;
  *name = std::string(org) + " headquarters";
  return h + 1;
}

// Token past a bracketed acronym at `end` ("(NCI Agency)"), else `end`.
int SkipBrackets(const Document& doc, const Sentence& s, int end) {
  if (end >= s.last_token || !doc.tokens[end].Is("(")) return end;
  for (int k = end + 1; k < s.last_token && k < end + 7; ++k) {
    if (doc.tokens[k].Is(")")) return k + 1;
  }
  return end;
}

PlaceMatch PlaceAfter(const Document& doc, const Sentence& s, int i) {
  const auto& t = doc.tokens;
  PlaceMatch r;
  bool visit = IsVisitVerb(t[i]);
  // "welcomed upon arrival at the NATO Defense College": a named
  // institution right after a location trigger and "at" is where the event
  // is held, a site like one with a place head.
  bool held_at = t[i].Is("at") && i > s.first_token && t[i - 1].IsWord() &&
                 t[i - 1].Has(kFlagLocationTrigger);
  int j = i + 1;
  // "the", but not in "The Hague".
  if (j + 1 < s.last_token && (t[j].Is("the") || t[j].Is("The")) &&
      !(t[j].cap && LongestPlace(doc, j, s.last_token).end)) {
    ++j;
  }
  if (j >= s.last_token) return r;
  bool quoted = IsQuoteMark(t[j]) && t[j].kind == TokenKind::kPunct && j + 1 < s.last_token && CapWord(t[j + 1]);
  if (!quoted && t[j].in_quote) {
    // A quoted name before a place head: the “Papagou” Military Base.
    int q = j;
    while (q < s.last_token && q < j + 3 && t[q].in_quote && CapWord(t[q])) ++q;
    quoted = q > j && q < s.last_token && !t[q].in_quote && CapWord(t[q]);
  }
  if (!quoted && !CapWord(t[j])) return r;
  std::string hq;
  if (int e = !visit ? LowerCaseHeadquarters(doc, s, j, &hq) : 0) {
    r.end = e;
    r.site = true;
    r.place.name = std::move(hq);
    r.place.begin = t[j].begin;
    r.place.end = t[e - 1].end;
    return r;
  }
  Match m = quoted ? Match{} : LongestPlace(doc, j, s.last_token);
  int end = m.end;
  bool head = false, institution = false;
  int k = CapRun(doc, s, j, visit || held_at, &head, &institution);
  // "the Korean Army headquarters in Gyeryongdae": an institution that
  // qualifies a common noun is not the site.
  bool common_noun_follows = k < s.last_token && t[k].IsWord() && !t[k].cap &&
                             !t[k].Has(kFlagPlacePreposition) &&
                             !InClass(WordClass::kPlaceClauseWord, t[k].text);
  // "met at Chiefs of Defence (CHODs) level", "at the Shangai Cooperation
  // Organisation (SCO) Council of Foreign Ministers (CFM) meeting": a name
  // that a word follows (past its acronym) qualifies it or goes on.
  int past_acronym = SkipBrackets(doc, s, k);
  bool qualifies = past_acronym < s.last_token && t[past_acronym].IsWord() &&
                   !t[past_acronym].Has(kFlagPlacePreposition) &&
                   !InClass(WordClass::kPlaceClauseWord, t[past_acronym].text);
  if (held_at && !visit) {
    head |= institution && !common_noun_follows && !qualifies;
    institution = false;
  }
  r.institution = institution && !head && !common_noun_follows;
  // "the Stockholm Marine Regiment", "United States European Command": a
  // place that begins an organisation's name is not the event's place.
  if (m.end && k > m.end && !head && !r.institution && t[k - 1].Has(kFlagOrgHead)) return r;
  // A place head alone is no name: "the Centre", "Headquarters".
  if (!m.end && k == j + 1 && head) return r;
  if ((head || r.institution) && k > end) end = k;
  r.site = head && end == k;
  bool country = m.end && end == m.end && m.entry.kind == PlaceKind::kCountry;
  if (!end && k == j + 1 && t[i].Is("in") && !t[j].all_caps && !t[j].Has(kFlagMonth | kFlagWeekday) &&
      !IsNameStopword(t[j].text) && !IsOrgHead(t[j].text) &&
      !InClass(WordClass::kLanguageName, t[j].text)) {
    // An unknown single word after "in": a place when a clause boundary
    // follows; not a language ("delivered his speech … in English and …").
    if (k < s.last_token && (t[k].Is(",") || t[k].Is(".") || InClass(WordClass::kPlaceClauseWord, t[k].text))) {
      end = k;
    }
  }
  // Ships: "aboard George Washington".
  if (!end && IsShipPreposition(t[i]) && k > j) end = k;
  if (!end) return r;
  if (m.end && m.entry.kind == PlaceKind::kRegion && end == m.end) return r;
  r.end = end;
  // Place names drop a possessive, as organisation names do (corpus README):
  // "NATO North American Headquarters".
  r.place.name = WithoutPossessives(CleanName(doc, j, end));
  r.place.begin = t[j].begin;
  r.place.end = t[end - 1].end;
  if (end == m.end) r.place.country_code = m.entry.code;
  r.place.is_country = country;
  r.city = end == m.end && m.entry.kind == PlaceKind::kCity;
  return r;
}

struct ScanState {
  bool visited_in_lead = false;
  std::vector<std::string> lead_cities;  // cities the lead sentence puts the event in
  std::vector<std::string> placed_institutions;  // lower-cased; replaced by their city
};

// "visited the HAL Facility in Bangalore": the city around a visited site is
// not another place of the event; around a visited institution it is the
// place ("the NCI Agency in The Hague"). A site the event is held at names
// its city too (corpus README: "at NATO Headquarters in Brussels"): with
// `held_at`, a gazetteer city after it is put in *town. Returns the token
// past what was read.
int CityAroundSite(const Document& doc, const Sentence& s, bool lead, bool held_at,
                   const PlaceMatch& r, FoundPlace* place, FoundPlace* town, ScanState* st) {
  const auto& t = doc.tokens;
  FoundPlace& p = *place;
  int end = r.end;
  bool specific = !p.is_country;
  bool city = r.city;
  int after = SkipBrackets(doc, s, end);
  if (specific && after + 1 < s.last_token && t[after].Is("in")) {
    Match around = LongestPlace(doc, after + 1, s.last_token);
    if (around.end && r.institution) {
      // "the NATO Joint Forces Command in Naples" is JFC Naples, whose town
      // may be written elsewhere (Lago Patria); else the city is the place.
      std::string city_name(doc.TokenRange(after + 1, around.end));
      FoundPlace named = p;
      std::string inst = p.name.substr(0, 5) == "NATO " ? p.name.substr(5) : p.name;
      named.name = inst + " " + city_name;
      SiteToTown(doc, &named);
      // The institution, under either name, is no place of its own
      // ("visits the NCI Agency" in the title).
      st->placed_institutions.push_back(Lower(p.name));
      if (after > end + 2) st->placed_institutions.push_back(Lower(doc.TokenRange(end + 1, after - 1)));
      if (named.name != inst + " " + city_name) {
        p = std::move(named);
      } else {
        p = PlaceOf(doc, after + 1, around.end, city_name);
        city = around.entry.kind == PlaceKind::kCity;
      }
    }
    if (around.end && held_at && r.site && around.entry.kind == PlaceKind::kCity) {
      *town = PlaceOf(doc, after + 1, around.end, std::string(doc.TokenRange(after + 1, around.end)));
    }
    if (around.end) {
      if (lead && around.entry.kind == PlaceKind::kCity) {
        st->lead_cities.push_back(std::string(doc.TokenRange(after + 1, around.end)));
      }
      end = around.end;
    }
  }
  if (lead && city) st->lead_cities.push_back(p.name);
  return end;
}

// "Jürgen von Sandrart, Asistant Chief of Staff at the Supreme Headquarters
// Allied Powers Europe, visited JFTC": "at" after a post in apposition names
// where the person serves, not where the event is. Token i is the "at".
bool PostBeforeAt(const Document& doc, const Sentence& s, int i) {
  const auto& t = doc.tokens;
  bool title = false;
  int k = i - 1;
  for (; k >= s.first_token && t[k].IsWord() && (t[k].cap || t[k].Is("of")); --k) {
    title |= t[k].Has(kFlagTitleHead);
  }
  return title && k >= s.first_token && t[k].Is(",");
}

// "at locations in Spain, Norway and aboard the USS Mount Whitney": the
// states listed after the state that ends at token `end` ("," or "and"
// between), each marked `listed`. Returns the token past the last one. Read
// in the lead only, which states where the event is; later sentences list
// states for other reasons ("conducted alternatively in the United Kingdom
// and India").
int StatesListedAfter(const Document& doc, const Sentence& s, int end, std::vector<FoundPlace>* out) {
  const auto& t = doc.tokens;
  const int start = end;
  std::vector<FoundPlace> states;
  // A list is closed by "and": "in Japan, India showcased …" lists nothing.
  bool closed = false;
  while (end + 1 < s.last_token && (t[end].Is(",") || t[end].Is("and"))) {
    int c = end + 1;
    if (t[end].Is(",") && c + 1 < s.last_token && t[c].Is("and")) ++c;  // "A, B, and C"
    closed |= t[c - 1].Is("and");
    if (c >= s.last_token || !CapWord(t[c])) break;
    Match m = LongestPlace(doc, c, s.last_token);
    if (!m.end || m.entry.kind != PlaceKind::kCountry) break;
    states.push_back(PlaceOf(doc, c, m.end, std::string(doc.TokenRange(c, m.end))));
    states.back().listed = true;
    end = m.end;
  }
  if (!closed) return start;
  for (FoundPlace& p : states) out->push_back(std::move(p));
  return end;
}

// The state written after a place that ends at token `end` (", [the]
// State"): its match, `end` 0 when there is none. A lower-case word carries
// no place flags, so LongestPlace settles capitalisation.
Match StateAfter(const Document& doc, const Sentence& s, int end) {
  const auto& t = doc.tokens;
  if (end + 1 >= s.last_token || !t[end].Is(",")) return {};
  int c = end + 1;
  if (t[c].Is("the") && c + 1 < s.last_token) ++c;
  Match m = LongestPlace(doc, c, s.last_token);
  return m.end && m.entry.kind == PlaceKind::kCountry ? m : Match{};
}

// Adds place p, which ends at token `end`, with what comes with it: the
// town of a site held at, states listed after it in the lead, a second place
// after "and"; a state after it is its own ("Kyiv, Ukraine"). Returns the
// token past what was read.
int AddWithCompanions(const Document& doc, const Sentence& s, bool lead, int end, FoundPlace p,
                      FoundPlace town, std::vector<FoundPlace>* out) {
  const auto& t = doc.tokens;
  // "in Cornwall, U.K.": the state after a place is the place's.
  if (p.country_code.empty() && !p.is_country) p.country_code = StateAfter(doc, s, end).entry.code;
  std::vector<FoundPlace> states;
  if (lead && p.is_country) end = StatesListedAfter(doc, s, end, &states);
  p.listed = !states.empty();
  AddPlace(doc, out, std::move(p));
  for (FoundPlace& state : states) AddPlace(doc, out, std::move(state));
  if (!town.name.empty()) AddPlace(doc, out, std::move(town));
  // "Guyana and Colombia": a second place of the same kind.
  if (end + 1 < s.last_token && t[end].Is("and")) {
    Match second = LongestPlace(doc, end + 1, s.last_token);
    if (second.end && second.entry.kind != PlaceKind::kRegion) {
      AddPlace(doc, out, PlaceOf(doc, end + 1, second.end, std::string(doc.TokenRange(end + 1, second.end))));
      end = second.end;
    }
  }
  // "Kyiv, Ukraine": the country after a city is not another place.
  if (Match state = StateAfter(doc, s, end); state.end) end = state.end;
  return end;
}

// Places of one sentence.
void ScanSentence(const Document& doc, const Sentence& s, bool lead, std::vector<FoundPlace>* out,
                  ScanState* st) {
  const auto& t = doc.tokens;
  // Outside the lead a place needs a location trigger in its sentence
  // (TriggerNear, TriggerLater): most sentences have none.
  if (!lead && !s.Has(kFlagLocationTrigger)) return;
  // Read at the first preposition: many sentences have none.
  std::optional<OtherEventMarks> marks;
  for (int i = s.first_token; i + 1 < s.last_token; ++i) {
    if (t[i].in_quote || !IsPrep(doc, i)) continue;
    if (!marks) marks = FindOtherEventMarks(doc, s);
    auto [ahead_of, earlier_trip, recently, following] = *marks;
    // "… comes ahead of a meeting of the SCO foreign ministers in Goa":
    // what follows "ahead of" is another event.
    if (ahead_of >= 0 && ahead_of < i) break;
    // "HMS Duncan recently operated … in the Black Sea", "AUKMIN
    // consultations were previously held in the UK": outside the lead, what
    // was done recently or before is another event.
    if (!lead && recently >= 0 && recently < i) break;
    if (AfterEarlierEvent(doc, following, i)) continue;
    // The lead sentence states where the event was; elsewhere the place
    // must be near the verb that reports it, or open the sentence before it.
    bool opening = i == s.first_token && t[i].Is("In");
    bool triggered = TriggerNear(doc, s, i, lead ? 1000 : 6) || (opening && TriggerLater(doc, s, i));
    // The lead's "at" a named site needs no verb: "during an event at the
    // Mons Town Hall".
    if (!triggered && !(lead && t[i].Is("at"))) continue;
    if (t[i].Is("at") && PostBeforeAt(doc, s, i)) continue;
    bool again = false;
    for (int k = std::max(s.first_token, i - 3); k < i; ++k) again |= t[k].Is("again");
    // "after his recent trip to India where he … visited": an earlier trip.
    again |= earlier_trip >= 0 && earlier_trip + 1 < i;
    // "praised Prime Minister Kishida’s opportune visit to Ukraine": outside
    // the lead, someone's own trip is another event.
    if (!lead && t[i].Is("to") && t[i - 1].Has(kFlagTripNoun)) {
      bool possessive = false;
      for (int k = std::max(s.first_token + 1, i - 4); k < i - 1; ++k) {
        std::string_view w = t[k].text;
        bool mark = w == "'s" || w == "\xE2\x80\x99s" || w == "'" || w == "\xE2\x80\x99";
        bool ends = w.size() > 4 && (w.substr(w.size() - 2) == "'s" ||
                                     w.substr(w.size() - 4) == "\xE2\x80\x99s");
        possessive |= (CapWord(t[k]) && ends) || (mark && CapWord(t[k - 1]));
      }
      if (possessive) continue;
    }
    PlaceMatch r = PlaceAfter(doc, s, i);
    if (!r.end || (!triggered && !r.site)) continue;
    int end = r.end;
    if (PastYearFollows(doc, s, end)) continue;
    bool later = false;
    for (int q = end; q < s.last_token && q < end + 3; ++q) {
      later |= InClass(WordClass::kFutureMarker, t[q].text);
    }
    if (again || later) continue;
    FoundPlace p = std::move(r.place);
    bool specific = !p.is_country;
    if (IsVisitVerb(t[i]) && lead && specific) st->visited_in_lead = true;
    FoundPlace town;
    end = CityAroundSite(doc, s, lead, !IsVisitVerb(t[i]), r, &p, &town, st);
    end = AddWithCompanions(doc, s, lead, end, std::move(p), std::move(town), out);
    i = end - 1;
  }
}

}  // namespace

std::string OrgCountry(std::string_view org) {
  if (IsPlaceNamedMission(org)) return "";
  // The first five words are all that is read below (phrases of up to four,
  // each followed by a word); kept on the stack, as is the phrase buffer:
  // this runs for every organisation and participant.
  std::string_view words[5];
  size_t count = 0;
  for (size_t start = 0; start <= org.size() && count < 5;) {
    size_t at = std::min(org.find(' ', start), org.size());
    if (at > start) words[count++] = org.substr(start, at - start);
    start = at + 1;
  }
  if (count == 0) return "";
  std::string_view ship_country = ShipPrefixCountry(words[0]);
  if (!ship_country.empty()) return std::string(ship_country);
  std::string phrase;
  phrase.reserve(org.size());
  for (size_t n = std::min<size_t>(4, count - 1); n >= 1; --n) {
    phrase.clear();
    for (size_t k = 0; k < n; ++k) {
      if (k) phrase += ' ';
      phrase += words[k];
    }
    PlaceEntry e = LookupPlace(phrase);
    if ((e.kind == PlaceKind::kCountry || e.kind == PlaceKind::kDemonym) && !e.code.empty()) {
      return e.code;
    }
  }
  return "";
}

std::vector<FoundPlace> FindEventLocations(const Document& doc,
                                           const absl::flat_hash_set<int>& other_time) {
  std::vector<FoundPlace> out;
  ScanState st;
  bool remote = false;
  FoundPlace remote_from;
  int body_sentences = 0;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    if (s.credit || s.kind == ParagraphKind::kDateline) continue;
    bool body = s.kind == ParagraphKind::kBody;
    bool lead = body && body_sentences == 0;
    if (body) {
      // Datelines: the first body sentence's, then those heading paragraphs.
      if (lead || s.index_in_paragraph == 0) {
        for (FoundPlace& p : DatelinePlaces(doc, s, lead)) {
          p.dateline = lead;
          AddPlace(doc, &out, std::move(p));
        }
      }
      if (body_sentences < 3) {
        for (FoundPlace& p : BylinePlaces(doc, si)) {
          p.dateline = true;
          AddPlace(doc, &out, std::move(p));
        }
      }
      // A meeting held by video or telephone has no dateline place.
      if (body_sentences < 2) remote |= RemoteEvent(doc, s, &remote_from);
      ++body_sentences;
    }
    if (other_time.contains(static_cast<int>(si))) continue;
    ScanSentence(doc, s, lead, &out, &st);
  }
  // A dateline is where the story was filed; a site the lead sentence says
  // was visited is where the event was ("FORWARD OPERATING BASE KALSU, Iraq –
  // The Under Secretary … visited Patrol Base Stone"), and so is another city
  // the lead names ("LUXEMBOURG - … at NATO Headquarters in Brussels").
  bool elsewhere = false;
  for (const std::string& city : st.lead_cities) {
    elsewhere |= std::none_of(out.begin(), out.end(), [&](const FoundPlace& p) {
      return p.dateline && Lower(p.name) == Lower(city);
    });
  }
  if (st.visited_in_lead || remote || elsewhere) {
    out.erase(std::remove_if(out.begin(), out.end(), [](const FoundPlace& p) { return p.dateline; }),
              out.end());
  }
  if (remote && !remote_from.name.empty()) AddPlace(doc, &out, std::move(remote_from), false);
  out.erase(std::remove_if(out.begin(), out.end(),
                           [&](const FoundPlace& p) {
                             return std::find(st.placed_institutions.begin(), st.placed_institutions.end(),
                                              Lower(p.name)) != st.placed_institutions.end();
                           }),
            out.end());
  // Countries only when nothing more specific was found; a state listed
  // with others (an event in several) only when no place inside it was.
  bool specific = std::any_of(out.begin(), out.end(), [](const FoundPlace& p) { return !p.is_country; });
  if (specific) {
    std::vector<std::string> codes;  // of the specific places
    for (const FoundPlace& p : out) {
      if (!p.is_country) codes.push_back(p.country_code);
    }
    auto inside = [&](const FoundPlace& state) {
      return std::find(codes.begin(), codes.end(), state.country_code) != codes.end();
    };
    out.erase(std::remove_if(out.begin(), out.end(),
                             [&](const FoundPlace& p) { return p.is_country && (!p.listed || inside(p)); }),
              out.end());
  }
  return out;
}

std::string PublisherCountry(std::string_view source) {
  std::vector<std::string> words;
  for (std::string_view w : Split(source, ' ', true)) {
    while (!w.empty() && (w.front() == '(' || w.front() == ',')) w.remove_prefix(1);
    while (!w.empty() && (w.back() == ')' || w.back() == ',')) w.remove_suffix(1);
    if (!w.empty()) words.emplace_back(w);
  }
  // NATO and EU bodies report for no state ("EU Training Mission Mali").
  if (words.empty() || words[0] == "NATO" || words[0] == "EU" || words[0] == "EUFOR" ||
      words[0] == "European" || words[0] == "Allied" || words[0] == "UN") {
    return "";
  }
  for (size_t i = 0; i < words.size(); ++i) {
    for (size_t n = std::min<size_t>(4, words.size() - i); n >= 1; --n) {
      std::string phrase = words[i];
      for (size_t k = 1; k < n; ++k) phrase += " " + words[i + k];
      PlaceEntry e = LookupPlace(phrase);
      if ((e.kind == PlaceKind::kCountry || e.kind == PlaceKind::kDemonym) && !e.code.empty()) {
        return e.code;
      }
    }
  }
  return "";
}

namespace {

// Collects countries without repeats.
class CountrySet {
 public:
  void Add(const std::string& code, size_t b, size_t e) {
    if (code.empty()) return;
    for (const FoundCountry& c : out_) {
      if (c.code == code) return;
    }
    out_.push_back({code, b, e});
  }
  std::vector<FoundCountry> Take() { return std::move(out_); }

 private:
  std::vector<FoundCountry> out_;
};

// Token after a dateline at the head of s ("BRUNSSUM, The Netherlands –"),
// else s.first_token: the place a story was filed from takes no part.
int AfterDateline(const Document& doc, const Sentence& s) {
  int end = AllCapsDateline(doc, s, false);
  if (!end && MixedCaseDateline(doc, s, true).empty()) return s.first_token;
  int dash = DashWithin(doc, s, std::max(end, s.first_token), 16);
  return dash >= 0 ? dash + 1 : s.first_token;
}

// "Japan-Australia Defence Ministerial", "UK-German ties": every part of a
// hyphenated word names a state.
void HyphenatedCountries(const Token& x, CountrySet* out) {
  if (x.text.find('-') == std::string_view::npos) return;
  std::vector<std::string> codes;
  for (std::string_view part : Split(x.text, '-', false)) {
    PlaceEntry e = LookupPlace(part);
    if ((e.kind != PlaceKind::kCountry && e.kind != PlaceKind::kDemonym) || e.code.empty()) return;
    codes.emplace_back(e.code);
  }
  for (const std::string& c : codes) out->Add(c, x.begin, x.end);
}

// Countries named in tokens [from, s.last_token). `participants_only`: in a
// sentence that says who takes part, a state after "in" or "to" is where
// something is, or whom it helps ("troops in Afghanistan and Kosovo",
// "support to Ukraine"), not a party.
void ScanCountries(const Document& doc, const Sentence& s, int from, bool participants_only,
                   bool title, CountrySet* out) {
  const auto& t = doc.tokens;
  bool locative = false;
  for (int i = from; i < s.last_token; ++i) {
    if (t[i].IsWord() && !t[i].cap && !t[i].all_caps && !t[i].Is("and")) {
      locative = participants_only && (t[i].Is("in") || t[i].Is("to"));
    }
    if (t[i].in_quote || !CapWord(t[i])) continue;
    if (title) HyphenatedCountries(t[i], out);
    if (!t[i].Has(kFlagPlace | kFlagPlaceStart | kFlagCountryish)) continue;
    Match m = LongestPlace(doc, i, s.last_token);
    PlaceEntry e = m.entry;
    int end = m.end;
    if (end && e.kind != PlaceKind::kCountry && m.end > i + 1) {
      i = end - 1;  // "South China Sea" is not China
      continue;
    }
    if (!end || e.kind != PlaceKind::kCountry) {
      e = LookupPlace(t[i].Bare());
      if (e.kind != PlaceKind::kDemonym) {
        // Two-word demonyms ("Sri Lankan", "South Korean").
        if (i + 1 < s.last_token) e = LookupPlace(doc.TokenRange(i, i + 2));
        if (e.kind != PlaceKind::kDemonym) continue;
        end = i + 2;
      } else {
        end = i + 1;
      }
    }
    // Adversaries and later meetings do not take part: "against Russia’s
    // invasion", "meet again in Australia later this month"; nor does the
    // place a mission is named after ("Kosovo Force").
    bool skip = locative || (i > s.first_token && t[i - 1].Is("against"));
    for (int k = std::max(s.first_token, i - 3); k < i; ++k) skip |= t[k].Is("again");
    for (int k = end; k < std::min(s.last_token, end + 3); ++k) {
      skip |= InClass(WordClass::kFutureMarker, t[k].text);
    }
    if (end < s.last_token && IsPlaceNamedMission(doc.TokenRange(i, end + 1))) skip = true;
    if (!skip) out->Add(e.code, t[i].begin, t[end - 1].end);
    i = end - 1;
  }
}

// The capitalised run that ends at token `comma` (a ",") names a post in a
// body by its acronym: "The NMI Commander, Canadian Army Major General Dany
// Fortin", "JFC Naples Chief of Staff, Italian Army Lieutenant General": the
// officer serves that body, and his nationality makes no party (genre-gold
// README: NATO officers' nationalities do not make their states parties).
bool PostInBodyBefore(const Document& doc, const Sentence& s, int comma) {
  const auto& t = doc.tokens;
  bool title = false, acronym = false;
  for (int k = comma - 1; k >= s.first_token && t[k].IsWord() && (t[k].cap || t[k].all_caps); --k) {
    title |= t[k].Has(kFlagTitleHead);
    acronym |= t[k].all_caps && t[k].text.size() >= 2;
  }
  return title && acronym;
}

// "Italian Air Force Deputy Air Chief …", "the Turkish General Staff": a
// national service named in a sentence about the event takes part.
void NationalServices(const Document& doc, const Sentence& s, CountrySet* out) {
  if (!s.Has(kFlagCountryish)) return;  // most sentences name no nationality
  const auto& t = doc.tokens;
  for (int i = s.first_token; i + 1 < s.last_token; ++i) {
    // The flag first: it is rare, so the loop's branch is well predicted.
    if (!t[i].Has(kFlagCountryish) || t[i].in_quote || !CapWord(t[i])) continue;
    // As a subject: at the head of the sentence or of a coordinated clause,
    // not "the positioning of a French Air Force General".
    if (i > s.first_token && !t[i - 1].Is("and") && !t[i - 1].Is(",")) continue;
    if (i > s.first_token && t[i - 1].Is(",") && PostInBodyBefore(doc, s, i - 1)) continue;
    PlaceEntry e = LookupPlace(t[i].Bare());
    if (e.kind != PlaceKind::kDemonym || e.code.empty()) continue;
    // The service introduces a person: "Italian Air Force Deputy Air Chief
    // Lt. Gen. …", not "Russian Air Force jets".
    for (int k = i + 1; k < s.last_token && k < i + 4 && CapWord(t[k]); ++k) {
      if (!t[k].Has(kFlagOrgHead)) continue;
      bool person = false;
      for (int q = k + 1; q < s.last_token && q < k + 6 && CapWord(t[q]); ++q) {
        person |= t[q].Has(kFlagRankWord | kFlagTitleHead);
      }
      if (person) out->Add(e.code, t[i].begin, t[k].end);
      break;
    }
  }
}

// True when the sentence lists at least three states in one coordination
// ("The nations included Latvia, Lithuania, Estonia, Albania, …, and the
// United States").
bool ListsStates(const Document& doc, const Sentence& s) {
  const auto& t = doc.tokens;
  int run = 0;
  for (int i = s.first_token; i < s.last_token; ++i) {
    if (t[i].in_quote) {
      run = 0;
      continue;
    }
    if (t[i].Is(",") || t[i].Is("and") || t[i].Is("the")) continue;
    Match m = CapWord(t[i]) ? LongestPlace(doc, i, s.last_token) : Match{};
    if (!m.end || m.entry.kind != PlaceKind::kCountry) {
      run = 0;
      continue;
    }
    if (++run >= 3) return true;
    i = m.end - 1;
  }
  return false;
}

// The person's organisation or role is a NATO or EU body's ("Allied Command
// Transformation", "Supreme Allied Commander Europe", "EU Military
// Committee").
bool MultinationalPost(const Person& p) {
  for (const std::string* name : {&p.organization, &p.role}) {
    for (std::string_view w : Split(*name, ' ', true)) {
      if (w == "NATO" || w == "Allied" || w == "EU") return true;
    }
  }
  return false;
}

// True when the sentence says who takes part ("participated", "joined",
// "attended", "counterparts", "took part"), and not at an earlier time
// ("their recent conversations with their Russian and Ukrainian
// counterparts").
bool SaysWhoTakesPart(const Document& doc, const Sentence& s) {
  const auto& t = doc.tokens;
  // One pass: an earlier time anywhere in the sentence rules it out.
  bool takes_part = false;
  for (int i = s.first_token; i < s.last_token; ++i) {
    const Token& x = t[i];
    if (!x.IsWord()) continue;  // every word tested below is a word token
    if (x.Has(kFlagEarlierAdjective) || x.Is("recently")) return false;
    if (takes_part || x.in_quote) continue;
    takes_part = x.Has(kFlagParticipation) ||
                 (x.Is("part") && i > 0 && InClass(WordClass::kTakePartVerb, t[i - 1].text));
  }
  return takes_part;
}

}  // namespace

std::vector<FoundCountry> FindCountries(const Document& doc, const PeopleResult& people,
                                        const std::vector<std::string>& org_names,
                                        const absl::flat_hash_set<int>& other_time) {
  CountrySet out;
  // Publisher's own state.
  if (const LexiconEntry* publisher =
          BuiltinLexicon().Find(WordClass::kPublisher, doc.article->source)) {
    out.Add(std::string(publisher->Get("country")), 0, 0);
  } else {
    out.Add(PublisherCountry(doc.article->source), 0, 0);
  }
  bool first_body = true;
  // The previous body sentence says who takes part: a list of states right
  // after it names them ("… the 10 NATO nations who participated in the
  // exercise. The nations included Latvia, Lithuania, Estonia, …").
  bool after_takes_part = false;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    if (s.credit) continue;
    if (s.kind == ParagraphKind::kTitle) {
      ScanCountries(doc, s, s.first_token, false, true, &out);
      continue;
    }
    if (s.kind != ParagraphKind::kBody) continue;
    if (first_body) {
      ScanCountries(doc, s, AfterDateline(doc, s), false, false, &out);
      NationalServices(doc, s, &out);
      first_body = false;
      after_takes_part = SaysWhoTakesPart(doc, s);
      continue;
    }
    bool lists_after = after_takes_part;
    // Outside the title, ScanCountries finds only tokens with a place flag.
    if (!s.Has(kFlagPlace | kFlagPlaceStart | kFlagCountryish)) {
      // Most sentences have no participation word: checked on the flag first.
      after_takes_part = s.Has(kFlagParticipation) && !other_time.contains(static_cast<int>(si)) &&
                         SaysWhoTakesPart(doc, s);
      continue;
    }
    after_takes_part = false;
    if (other_time.contains(static_cast<int>(si))) continue;
    NationalServices(doc, s, &out);
    after_takes_part = SaysWhoTakesPart(doc, s);
    if (after_takes_part || (lists_after && ListsStates(doc, s))) {
      ScanCountries(doc, s, s.first_token, true, false, &out);
    }
  }
  for (const Person& p : people.people) {
    if (!p.participant) continue;
    // An officer of a NATO or EU body ("UK Royal Navy Vice Admiral Robert
    // Cooling, ACT Chief of Staff") does not bring his state in.
    if (!MultinationalPost(p)) out.Add(p.country, 0, 0);
    out.Add(OrgCountry(p.organization), 0, 0);
  }
  for (const std::string& o : org_names) out.Add(OrgCountry(o), 0, 0);
  return out.Take();
}

}  // namespace parley::extract_internal
