#include "extract/places.h"

#include <algorithm>
#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "extract/calendar.h"
#include "extract/gazetteer.h"
#include "extract/lexicon.h"

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

bool CapWord(const Token& t) { return t.IsWord() && (t.cap || t.all_caps); }

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
bool IsVisitVerb(const Token& t) { return InClass(WordClass::kVisitVerb, t.text); }

// "aboard", "onboard": the place after it may be a ship.
bool IsShipPreposition(const Token& t) {
  const LexiconEntry* e = BuiltinLexicon().Find(WordClass::kPlacePreposition, t.text);
  return e != nullptr && e->Has("ship");
}

bool IsPrep(const Document& doc, int i) {
  const Token& t = doc.tokens[i];
  if (!t.IsWord()) return false;
  if (t.Has(kFlagLocationTrigger) && IsVisitVerb(t)) return true;
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
    if (t.IsWord() && !t.cap && !t.all_caps && ++lower > max_lower) break;
  }
  for (int k = i; k < std::min(s.last_token, i + 3); ++k) {
    if (doc.tokens[k].Has(kFlagLocationTrigger)) return true;
  }
  return false;
}

// Token index of the first "ahead of" in the sentence; -1 if none.
int AheadOf(const Document& doc, const Sentence& s) {
  for (int k = s.first_token; k + 1 < s.last_token; ++k) {
    if ((doc.tokens[k].Is("ahead") || doc.tokens[k].Is("Ahead")) && doc.tokens[k + 1].Is("of")) {
      return k;
    }
  }
  return -1;
}

// Token index of the first "recent trip", "previous visit", "earlier tour"
// in the sentence; -1 if none.
int EarlierTrip(const Document& doc, const Sentence& s) {
  for (int k = s.first_token; k + 1 < s.last_token; ++k) {
    const Token& adjective = doc.tokens[k];
    const Token& noun = doc.tokens[k + 1];
    if (adjective.Has(kFlagEarlierAdjective) && InClass(WordClass::kTripNoun, noun.text)) {
      return k;
    }
  }
  return -1;
}

// A year before the publication year right after the place: "in Sri Lanka
// between 1987 and 1990", "in the Galwan Valley in June 2020".
bool PastYearFollows(const Document& doc, const Sentence& s, int end) {
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

void AddPlace(std::vector<FoundPlace>* out, FoundPlace p) {
  for (const FoundPlace& q : *out) {
    // "United States" and "US" are one place.
    if (p.is_country && q.is_country && !p.country_code.empty() &&
        p.country_code == q.country_code) {
      return;
    }
    std::string a = Lower(q.name), b = Lower(p.name);
    if (a.find(b) != std::string::npos || b.find(a) != std::string::npos) return;
  }
  out->push_back(std::move(p));
}

}  // namespace

std::string OrgCountry(std::string_view org) {
  std::vector<std::string_view> words = Split(org, ' ', true);
  if (words.empty()) return "";
  std::string_view ship_country = ShipPrefixCountry(words[0]);
  if (!ship_country.empty()) return std::string(ship_country);
  for (size_t n = std::min<size_t>(4, words.size() - 1); n >= 1; --n) {
    std::string phrase;
    for (size_t k = 0; k < n; ++k) {
      if (k) phrase += ' ';
      phrase += std::string(words[k]);
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
  const auto& t = doc.tokens;
  int dateline_places = 0;
  bool visited_in_lead = false;
  // Dateline of the first body sentence: "BASRAH, Iraq –", "CORAL SEA (June 18, 2015) –".
  for (const Sentence& s : doc.sentences) {
    if (s.kind != ParagraphKind::kBody || s.credit) continue;
    int i = s.first_token;
    while (i < s.last_token && t[i].IsWord() && t[i].all_caps && t[i].text.size() > 1) ++i;
    if (i > s.first_token && i < s.last_token &&
        (t[i].Is(",") || t[i].Is("(") || t[i].Is("-") || t[i].Is("\xE2\x80\x93") ||
         t[i].Is("\xE2\x80\x94"))) {
      bool dash_soon = false;
      for (int k = i; k < s.last_token && k < i + 12; ++k) {
        dash_soon |= t[k].Is("-") || t[k].Is("\xE2\x80\x93") || t[k].Is("\xE2\x80\x94");
      }
      if (dash_soon) {
        FoundPlace p;
        p.name = TitleCase(doc.TokenRange(s.first_token, i));
        p.begin = t[s.first_token].begin;
        p.end = t[i - 1].end;
        PlaceEntry e = LookupPlace(p.name);
        p.country_code = e.code;
        AddPlace(&out, std::move(p));
        dateline_places = static_cast<int>(out.size());
      }
    }
    break;
  }
  bool seen_body = false;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    if (s.credit || s.kind == ParagraphKind::kDateline || other_time.contains(static_cast<int>(si))) continue;
    bool lead = s.kind == ParagraphKind::kBody && !seen_body;
    int ahead_of = AheadOf(doc, s);
    int earlier_trip = EarlierTrip(doc, s);
    if (s.kind == ParagraphKind::kBody) seen_body = true;
    for (int i = s.first_token; i + 1 < s.last_token; ++i) {
      if (t[i].in_quote || !IsPrep(doc, i)) continue;
      // "… comes ahead of a meeting of the SCO foreign ministers in Goa":
      // what follows "ahead of" is another event.
      if (ahead_of >= 0 && ahead_of < i) break;
      bool visit = IsVisitVerb(t[i]);
      // The lead sentence states where the event was; elsewhere the place
      // must be near the verb that reports it.
      if (!TriggerNear(doc, s, i, lead ? 1000 : 6)) continue;
      bool again = false;
      for (int k = std::max(s.first_token, i - 3); k < i; ++k) again |= t[k].Is("again");
      // "after his recent trip to India where he … visited": an earlier trip.
      again |= earlier_trip >= 0 && earlier_trip + 1 < i;
      int j = i + 1;
      if (j < s.last_token && (t[j].Is("the") || t[j].Is("The"))) ++j;
      if (j >= s.last_token || !CapWord(t[j]) || t[j].in_quote) continue;
      FoundPlace p;
      Match m = LongestPlace(doc, j, s.last_token);
      int end = 0;
      if (m.end) {
        end = m.end;
        p.country_code = m.entry.code;
        p.is_country = m.entry.kind == PlaceKind::kCountry;
      }
      // Capitalised run with a place head: "Eastern Naval Command Headquarters",
      // "Port of Trincomalee", "IPKF Memorial".
      int k = j;
      bool head = false, institution = false;
      while (k < s.last_token && (CapWord(t[k]) || ((t[k].Is("of") || t[k].Is("-")) && k + 1 < s.last_token &&
                                                     CapWord(t[k + 1])))) {
        if (t[k].IsWord() && t[k].Has(kFlagPlaceHead)) head = true;
        // A visit's object may be an institution: "the Indian Institute of Technology".
        if (visit && t[k].IsWord() && t[k].Has(kFlagHeadWord)) institution = true;
        if (t[k].IsWord() && t[k].Has(kFlagMonth | kFlagWeekday)) break;
        ++k;
      }
      // "the Korean Army headquarters in Gyeryongdae": an institution that
      // qualifies a common noun is not the site.
      if (institution && !head && !(k < s.last_token && t[k].IsWord() && !t[k].cap)) head = true;
      if (head && k > end) {
        end = k;
        p.is_country = false;
      }
      if (!end && k == j + 1 && t[i].Is("in") && !t[j].all_caps && !MonthFromName(t[j].text) &&
          !WeekdayFromName(t[j].text) && !IsNameStopword(t[j].text) && !IsOrgHead(t[j].text)) {
        // An unknown single word after "in": a place when a clause boundary follows.
        if (k < s.last_token) {
          const Token& n = t[k];
          if (n.Is(",") || n.Is(".") || InClass(WordClass::kPlaceClauseWord, n.text)) {
            end = k;
          }
        }
      }
      // Ships: "aboard George Washington".
      if (!end && IsShipPreposition(t[i]) && k > j) end = k;
      if (!end) continue;
      if (m.end && m.entry.kind == PlaceKind::kRegion && end == m.end) continue;
      if (PastYearFollows(doc, s, end)) continue;
      bool later = false;
      for (int q = end; q < s.last_token && q < end + 3; ++q) {
        later |= InClass(WordClass::kFutureMarker, t[q].text);
      }
      if (again || later) continue;
      p.name = std::string(doc.TokenRange(j, end));
      p.begin = t[j].begin;
      p.end = t[end - 1].end;
      bool specific = !p.is_country;
      if (visit && lead && specific) visited_in_lead = true;
      AddPlace(&out, std::move(p));
      // "Guyana and Colombia": a second place of the same kind.
      if (end + 1 < s.last_token && t[end].Is("and")) {
        Match second = LongestPlace(doc, end + 1, s.last_token);
        if (second.end && second.entry.kind != PlaceKind::kRegion) {
          FoundPlace q;
          q.name = std::string(doc.TokenRange(end + 1, second.end));
          q.begin = t[end + 1].begin;
          q.end = t[second.end - 1].end;
          q.country_code = second.entry.code;
          q.is_country = second.entry.kind == PlaceKind::kCountry;
          AddPlace(&out, std::move(q));
          end = second.end;
        }
      }
      // "the HAL Facility in Bangalore": the city around a site is not
      // another place of the event.
      if (specific && end + 1 < s.last_token && t[end].Is("in")) {
        Match around = LongestPlace(doc, end + 1, s.last_token);
        if (around.end) end = around.end;
      }
      // "Kyiv, Ukraine": the country after a city is not another place.
      if (end + 1 < s.last_token && t[end].Is(",")) {
        int c = end + 1;
        if (t[c].Is("the")) ++c;
        Match cm = LongestPlace(doc, c, s.last_token);
        if (cm.end && cm.entry.kind == PlaceKind::kCountry) end = cm.end;
      }
      i = end - 1;
    }
  }
  // A dateline is where the story was filed; a site the lead sentence says
  // was visited is where the event was ("FORWARD OPERATING BASE KALSU, Iraq –
  // The Under Secretary … visited Patrol Base Stone").
  if (visited_in_lead && dateline_places > 0) out.erase(out.begin(), out.begin() + dateline_places);
  // Countries only when nothing more specific was found.
  bool specific = std::any_of(out.begin(), out.end(), [](const FoundPlace& p) { return !p.is_country; });
  if (specific) {
    out.erase(std::remove_if(out.begin(), out.end(), [](const FoundPlace& p) { return p.is_country; }),
              out.end());
  }
  return out;
}

std::vector<FoundCountry> FindCountries(const Document& doc, const PeopleResult& people,
                                        const std::vector<std::string>& org_names,
                                        const absl::flat_hash_set<int>& other_time) {
  std::vector<FoundCountry> out;
  auto add = [&](const std::string& code, size_t b, size_t e) {
    if (code.empty()) return;
    for (const FoundCountry& c : out) {
      if (c.code == code) return;
    }
    out.push_back({code, b, e});
  };
  const auto& t = doc.tokens;
  // Publisher's own state.
  if (const LexiconEntry* publisher =
          BuiltinLexicon().Find(WordClass::kPublisher, doc.article->source)) {
    add(std::string(publisher->Get("country")), 0, 0);
  }
  auto scan = [&](const Sentence& s, bool skip_dateline) {
    int i = s.first_token;
    if (skip_dateline) {
      while (i < s.last_token && t[i].all_caps) ++i;
      if (i < s.last_token && t[i].Is(",")) {
        i += 2;
      }
    }
    for (; i < s.last_token; ++i) {
      if (t[i].in_quote || !CapWord(t[i])) continue;
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
      // invasion", "meet again in Australia later this month".
      bool skip = i > s.first_token && t[i - 1].Is("against");
      for (int k = std::max(s.first_token, i - 3); k < i; ++k) skip |= t[k].Is("again");
      for (int k = end; k < std::min(s.last_token, end + 3); ++k) {
        skip |= InClass(WordClass::kFutureMarker, t[k].text);
      }
      if (!skip) add(e.code, t[i].begin, t[end - 1].end);
      i = end - 1;
    }
  };
  bool first_body = true;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    if (s.credit) continue;
    if (s.kind == ParagraphKind::kTitle) {
      scan(s, false);
      continue;
    }
    if (s.kind != ParagraphKind::kBody) continue;
    if (first_body) {
      scan(s, true);
      first_body = false;
      continue;
    }
    if (other_time.contains(static_cast<int>(si))) continue;
    bool participates = false;
    for (int i = s.first_token; i < s.last_token; ++i) {
      const Token& x = t[i];
      if (x.in_quote) continue;
      participates |= x.Has(kFlagParticipation) ||
                      (x.Is("part") && i > 0 && InClass(WordClass::kTakePartVerb, t[i - 1].text));
    }
    if (participates) scan(s, false);
  }
  for (const Person& p : people.people) {
    if (!p.participant) continue;
    add(p.country, 0, 0);
    add(OrgCountry(p.organization), 0, 0);
  }
  for (const std::string& o : org_names) add(OrgCountry(o), 0, 0);
  return out;
}

}  // namespace parley::extract_internal
