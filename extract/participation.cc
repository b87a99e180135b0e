#include "extract/participation.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"

#include "extract/gazetteer.h"
#include "extract/lexicon.h"
#include "extract/places.h"
#include "extract/titles.h"
#include "extract/token_predicates.h"

namespace parley::extract_internal {
namespace {

bool ContainsEitherWay(const std::string& a, const std::string& b) {
  std::string x = Lower(a), y = Lower(b);
  return x.find(y) != std::string::npos || y.find(x) != std::string::npos;
}

// One body written with its state in two forms: "US Air Force" and "United
// States Air Force", "UK Ministry of Defence" and "United Kingdom Ministry of
// Defence": the same words after state names of the same code.
bool SameBodyOtherStateForm(std::string_view a, std::string_view b) {
  std::string code = OrgCountry(a);
  if (code.empty() || code != OrgCountry(b)) return false;
  size_t i = a.size(), j = b.size();
  while (i > 0 && j > 0 && a[i - 1] == b[j - 1]) --i, --j;
  // The common tail starts at a word, after a space on both sides.
  while (i < a.size() && a[i] != ' ') ++i, ++j;
  if (i == 0 || j == 0 || i >= a.size() || a[i] != ' ' || b[j] != ' ') return false;
  PlaceEntry pa = LookupPlace(a.substr(0, i)), pb = LookupPlace(b.substr(0, j));
  return pa.code == code && pb.code == code;
}

// "European Union (EU) Military Committee" and "EU Military Committee": a
// name that spells out an acronym in brackets is one body with the name
// that writes the acronym instead.
bool SameBodyAcronymForm(std::string_view a, std::string_view b) {
  for (auto [full, other] : {std::pair{a, b}, std::pair{b, a}}) {
    size_t open = full.find(" (");
    size_t close = full.find(") ", open == std::string_view::npos ? 0 : open);
    if (open == std::string_view::npos || close == std::string_view::npos) continue;
    std::string short_form(full.substr(open + 2, close - open - 2));
    short_form += full.substr(close + 1);
    if (Lower(short_form) == Lower(other)) return true;
  }
  return false;
}

// One body under two names: one inside the other, or written with its state
// or its acronym in another form.
bool SameBody(const std::string& a, const std::string& b) {
  return ContainsEitherWay(a, b) || SameBodyOtherStateForm(a, b) || SameBodyAcronymForm(a, b);
}

// Posts and tweets are statements from afar, not taking part.
bool IsPostVerb(const std::string& verb) {
  return verb == "tweeted" || verb == "posted" || verb == "wrote" || verb == "tweets";
}

// A military unit or ship named in the lead sentence takes part as such
// ("Ships and aircraft from the USS Ronald Reagan … Carrier Strike Group");
// a reporting body ("the White House said") does not.
bool IsTakingPartOrg(const Document& doc, const OrgMention& o) {
  if (o.last_token - o.first_token < 2) return false;
  // "Graduation Ceremony of Senior Course 142 and Change of Command": an
  // event's name.
  for (int i = o.first_token; i < o.last_token; ++i) {
    const Token& t = doc.tokens[i];
    if (t.Has(kFlagTypeKeyword) && !t.Has(kFlagOrgWord) && !t.Has(kFlagHeadWord)) return false;
  }
  if (o.last_token < static_cast<int>(doc.tokens.size()) &&
      IsSpeechVerb(doc.tokens[o.last_token].text)) {
    return false;
  }
  for (int i = o.first_token; i < o.last_token; ++i) {
    if (IsUnitWord(doc.tokens[i].Bare())) return true;
  }
  return IsUnitShipPrefix(doc.tokens[o.first_token].text);
}

// A named body, not a unit: "NATO Communications and Information Agency",
// "Allied Land Command (LANDCOM)", "LANDCOM" — not a title ("Royal Navy First
// Sea Lord"), not an event ("Change of Command"), not a bare head word.
bool IsNamedBody(const Document& doc, const OrgMention& o, bool introduced_acronym) {
  const auto& t = doc.tokens;
  if (o.last_token - o.first_token == 1) {
    return introduced_acronym || t[o.first_token].Has(kFlagOrgAcronym);
  }
  for (int i = o.first_token; i < o.last_token; ++i) {
    if (t[i].cap && t[i].Has(kFlagTitleHead) && !t[i].Has(kFlagHeadWord)) return false;
    if (t[i].Has(kFlagTypeKeyword) && !t[i].Has(kFlagOrgWord)) return false;
  }
  return o.last_token >= static_cast<int>(t.size()) || !IsSpeechVerb(t[o.last_token].text);
}

// The organisation is the subject or the object of the sentence's event verb:
// "the NATO Military Committee visited …", "… visited NATO Mission Iraq",
// "welcomed by the Joint Warfare Centre", "Military Committee visits LANDCOM".
bool IsEventArgument(const Document& doc, const OrgMention& o) {
  const auto& t = doc.tokens;
  const Sentence& s = doc.sentences[o.sentence];
  int before = o.first_token - 1;
  while (before >= s.first_token && (t[before].Is("the") || t[before].Is("The"))) --before;
  if (before >= s.first_token && !t[before].in_quote &&
      (t[before].Has(kFlagEventTrigger) ||
       (t[before].Is("by") && before > s.first_token && t[before - 1].Has(kFlagEventTrigger)))) {
    return true;
  }
  int after = o.last_token;
  if (after < s.last_token && IsCloseParen(t[after])) ++after;
  bool opens = before < s.first_token || t[before].Is(",") || t[before].Is("–") ||
               t[before].Is("-");
  return opens && after < s.last_token && t[after].Has(kFlagEventTrigger) &&
         !IsSpeechVerb(t[after].text);
}

// A capitalised word, or an acronym.
bool OrgInnerWord(const Token& t) { return t.IsWord() && (t.cap || t.all_caps); }

// The organisation is a party named after "between" that follows an event
// keyword or trigger: "signed the Memorandum of Understanding between the
// Department of National Defense of the Philippines and the Ministry of
// Defence of the United Kingdom", "talks between the X and the Y". The
// second party is found across the first ("and the").
bool IsPartyBetween(const Document& doc, const OrgMention& o) {
  const auto& t = doc.tokens;
  const Sentence& s = doc.sentences[o.sentence];
  int k = o.first_token - 1;
  if (k >= s.first_token && t[k].Is("the")) --k;
  if (k >= s.first_token && t[k].Is("and")) {
    // Back over the first party: capitalised words, "of", "the", "(NPA)".
    int stop = std::max(s.first_token, k - 12);
    for (--k; k > stop && (OrgInnerWord(t[k]) || t[k].Is("of") || t[k].Is("the") ||
                              IsOpenParen(t[k]) || IsCloseParen(t[k]));
         --k) {
    }
  }
  if (k < s.first_token || !t[k].Is("between")) return false;
  for (int q = std::max(s.first_token, k - 8); q < k; ++q) {
    if (!t[q].in_quote && t[q].Has(kFlagTypeKeyword | kFlagEventTrigger)) return true;
  }
  return false;
}

// The organisation is the subject of the lead's past-tense verb, its clause
// opened by a date or by "The" and lower-case words: "on Wednesday, 7 May the
// Joint Warfare Centre (JWC) kicked off exercise TRIDENT JAGUAR 2014", "The
// recently established NATO Mission Iraq (NMI) conducted an Introduction
// Event".
bool IsLeadSubject(const Document& doc, const OrgMention& o) {
  const auto& t = doc.tokens;
  const Sentence& s = doc.sentences[o.sentence];
  int before = o.first_token - 1;
  if (before >= s.first_token && (t[before].Is("the") || t[before].Is("The"))) --before;
  bool opened = before >= s.first_token && (t[before].kind == TokenKind::kNumber ||
                                            t[before].Has(kFlagMonth | kFlagWeekday));
  if (!opened && before >= s.first_token && (t[s.first_token].Is("The"))) {
    opened = true;
    for (int k = s.first_token + 1; k <= before; ++k) opened &= t[k].IsWord() && !t[k].cap;
  }
  if (!opened) return false;
  int after = o.last_token;
  if (after >= s.last_token) return false;
  const Token& verb = t[after];
  return verb.IsWord() && !verb.cap && !verb.in_quote && verb.text.size() > 4 &&
         verb.text.ends_with("ed") && !IsSpeechVerb(verb.text);
}

// An acronym the article spells out without introducing it ("NDC" and
// "NATO Defense College"); the alliance's and the unions' own stay as
// written.
std::string SpelledOut(const Document& doc, const std::string& name) {
  bool acronym = name.size() >= 2 && name.size() <= 5 && name != "NATO" && name != "EU" &&
                 name != "UN";
  for (char ch : name) acronym &= ch >= 'A' && ch <= 'Z';
  if (!acronym) return name;
  std::string spelled = ExpandAcronym(doc, name, AcronymOf::kUnit);
  return spelled.empty() ? name : spelled;
}

// Full names of the acronyms the article introduces: "Kosovo Force (KFOR)".
absl::flat_hash_map<std::string, std::string> IntroducedAcronyms(const std::vector<OrgMention>& orgs) {
  absl::flat_hash_map<std::string, std::string> out;
  for (const OrgMention& o : orgs) {
    if (!o.acronym.empty()) out.try_emplace(o.acronym, o.name);
  }
  return out;
}

// "met with Chinese Communist Party Politburo Member …", "a meeting of the
// G20 foreign ministers", "visited the Korean Army headquarters": the body
// qualifies what follows it (a post, people, a place) and is not met itself.
bool QualifiesWhatFollows(const Document& doc, const OrgMention& o) {
  const Sentence& s = doc.sentences[o.sentence];
  if (o.last_token >= s.last_token) return false;
  const Token& next = doc.tokens[o.last_token];
  return next.IsWord() && (next.cap || !IsMeetingObjectFollower(next.text));
}

// "the Indian Institute of Technology Delhi" cut at "of": a fragment of a
// longer name.
bool IsCutBeforeOf(const Document& doc, const OrgMention& o) {
  const auto& t = doc.tokens;
  const Sentence& s = doc.sentences[o.sentence];
  return o.last_token + 1 < s.last_token && t[o.last_token].Is("of") && t[o.last_token + 1].cap;
}

// An organisation met, hosted or joined in one of the first body sentences:
// "Eric Edelman met with members of the 6th Squadron, …".
bool IsMetOrg(const Document& doc, const OrgMention& o, int first_body) {
  if (first_body < 0 || o.sentence < first_body || o.sentence > first_body + 2) return false;
  const Sentence& s = doc.sentences[o.sentence];
  if (s.time_shifted || QualifiesWhatFollows(doc, o)) return false;
  for (int k = s.first_token; k < o.first_token; ++k) {
    const Token& x = doc.tokens[k];
    if (x.in_quote) continue;
    if (x.Is("met") || x.Is("meets") || x.Is("hosted") || x.Is("welcomed") ||
        x.Is("received") || x.Is("joined") || x.Is("accompanied") || x.Is("lunch") ||
        x.Is("dinner") || x.Is("dined")) {
      return true;
    }
  }
  return false;
}

// A body listed after a meeting or visit word, across the other bodies of the
// list: "met with members of the US Senate NATO Observer Group and of the
// Foreign Relations Committee, as well as Members of the House of
// Representatives", "study visits to the Stockholm Marine Regiment, the
// Fourth Naval Flotilla and the Naval Staff". Any other word between them
// (a person, a verb) breaks the list.
bool IsListedAfterMeeting(const Document& doc, const std::vector<OrgMention>& orgs, size_t index) {
  const auto& t = doc.tokens;
  const Sentence& s = doc.sentences[orgs[index].sentence];
  if (QualifiesWhatFollows(doc, orgs[index])) return false;
  size_t earlier = index;  // orgs before `index` are candidates to step over
  for (int k = orgs[index].first_token - 1; k >= s.first_token; --k) {
    const Token& x = t[k];
    if (x.in_quote) return false;
    while (earlier > 0 && orgs[earlier - 1].first_token > k) --earlier;
    if (earlier > 0 && orgs[earlier - 1].last_token == k + 1) {
      k = orgs[earlier - 1].first_token;  // the loop steps before it
      continue;
    }
    if (x.Has(kFlagVisitVerb) || IsMeetingVerb(x.text, MeetingFrame::kDirect) ||
        IsMeetingVerb(x.text, MeetingFrame::kWith)) {
      // "Concluding its official visit, INS Batti Malv will depart": a
      // list starts right after its verb.
      if (t[k + 1].Is(",")) return false;
      return true;
    }
    if (!x.Is(",") && !InClass(WordClass::kBodyListWord, x.text)) return false;
  }
  return false;
}

// The capitalised words after the body, across "of" and "and", hold a title
// head: "White House Office" in "White House Office of Science and
// Technology Policy Director Arati Prabhakar" opens a person's title.
bool OpensATitle(const Document& doc, const OrgMention& o) {
  const auto& t = doc.tokens;
  const Sentence& s = doc.sentences[o.sentence];
  for (int k = o.last_token; k < s.last_token; ++k) {
    if (t[k].Is("of") || t[k].Is("and")) continue;
    if (!t[k].IsWord() || !t[k].cap) return false;
    if (TitleHeadAsWritten(t[k])) return true;
  }
  return false;
}

// Token of the first word in sentence si that, with the word after it,
// says who attended (body_list_opener: "attended by", "attendees
// included", "addressed to"); -1 if none.
int AttendanceOpener(const Document& doc, int si) {
  const auto& t = doc.tokens;
  const Sentence& s = doc.sentences[si];
  // "The previous 2022 NM IRT, whose participants included …": another
  // event's.
  if (s.Has(kFlagEarlierAdjective)) return -1;
  // The words an opener takes after it ("by", "included", "to"), read once.
  // Openers are lower-case words of six letters or more, followers short
  // ones: most tokens are settled by their sizes, the rest by comparing the
  // next word with these, before any lookup.
  static const std::vector<std::string>* const kFollowers = [] {
    auto* out = new std::vector<std::string>;
    for (const LexiconEntry& e : BuiltinLexicon().Entries(WordClass::kBodyListOpener)) {
      std::string then(e.Get("then"));
      if (std::find(out->begin(), out->end(), then) == out->end()) out->push_back(then);
    }
    return out;
  }();
  for (int k = s.first_token; k + 2 < s.last_token; ++k) {
    const Token& next = t[k + 1];
    if (!next.IsWord() || next.cap || next.text.size() > 8 || t[k].text.size() < 6 || t[k].cap ||
        t[k].in_quote ||
        std::find(kFollowers->begin(), kFollowers->end(), next.text) == kFollowers->end()) {
      continue;
    }
    const LexiconEntry* e = BuiltinLexicon().Find(WordClass::kBodyListOpener, t[k].text);
    // Not "joined by $50 million from the IDB": people or bodies follow.
    bool amount = t[k + 2].kind == TokenKind::kNumber || t[k + 2].Is("$");
    if (e != nullptr && next.text == e->Get("then") && !amount) return k;
  }
  return -1;
}

// A body listed after words that say who attended: "The event was also
// attended by representatives coming from various international partner
// missions, organizations and entities such as the Combined Joint Task
// Force Operation Inherent Resolve (CJTF-OIR), the European Union Advise
// Mission in Iraq (EUAM), …", "Conference attendees included senior leaders
// from … and the U.S. Department of State", "The conference, addressed to
// the North Atlantic Council ( NAC), the Military Committee (MC), …". Not a
// body that only qualifies what follows it ("other NDC guests") or opens a
// person's title ("White House Office of Science and Technology Policy
// Director Arati Prabhakar"). `opener` is AttendanceOpener of the body's
// sentence.
bool IsListedAfterAttendance(const Document& doc, const OrgMention& o, int opener) {
  return opener >= 0 && opener + 1 < o.first_token && !QualifiesWhatFollows(doc, o) &&
         !OpensATitle(doc, o);
}

// The body in tokens [first, last) of sentence s holds the meeting or
// session the event is, in the headline or the first body sentences: "the
// NATO Foreign Ministerial Meeting", "their second Military Committee
// meeting" (capitalised words may come between), "a meeting of the
// NATO-Ukraine Commission" (unless the body only qualifies what follows it:
// "a meeting of the G20 foreign ministers"). Not another day's meeting
// ("yesterday’s successful Ukraine Defense Contact Group meeting"), nor the
// meeting on whose margins the event is held. `proper_name`: only a
// capitalised meeting noun after the body counts.
// 1 for a meeting noun ("meeting", "session"), 2 for a word that makes a
// meeting the frame of another event ("margins"), else 0 (body_meeting_noun).
int MeetingNounKind(const Token& t) {
  if (!t.IsWord()) return 0;
  const LexiconEntry* e = BuiltinLexicon().Find(WordClass::kBodyMeetingNoun, t.text);
  return e == nullptr ? 0 : e->Has("frame") ? 2 : 1;
}

bool HoldsTheMeeting(const Document& doc, int sentence, int first, int last, int first_body,
                     bool proper_name) {
  const Sentence& s = doc.sentences[sentence];
  bool early = s.kind == ParagraphKind::kTitle ||
               (first_body >= 0 && sentence >= first_body && sentence <= first_body + 3);
  if (!early) return false;
  const auto& t = doc.tokens;
  for (int k = std::max(s.first_token, first - 5); k < first; ++k) {
    if (t[k].relative_day || t[k].Has(kFlagEarlierAdjective) || MeetingNounKind(t[k]) == 2) {
      return false;
    }
  }
  for (int k = last, words = 0; k < s.last_token && words < 4; ++k) {
    const Token& x = t[k];
    if (x.in_quote) break;
    // The noun ends the name: "Ministerial Forum" is a forum.
    bool name_goes_on = k + 1 < s.last_token && t[k + 1].IsWord() && t[k + 1].cap;
    if (MeetingNounKind(x) == 1 && !name_goes_on) return x.cap || !proper_name;
    if (x.Is("\xE2\x80\x99") || x.Is("'")) continue;  // "Defence Ministers’ Meeting"
    if (!x.IsWord() || !x.cap) break;
    ++words;
  }
  if (proper_name) return false;
  int k = first - 1;
  if (k >= s.first_token && (t[k].Is("the") || t[k].Is("The"))) --k;
  if (k <= s.first_token || !t[k].Is("of") || t[k - 1].in_quote || MeetingNounKind(t[k - 1]) != 1) {
    return false;
  }
  const Token* next = last < s.last_token ? &t[last] : nullptr;
  return next == nullptr || !next->IsWord() || (!next->cap && IsMeetingObjectFollower(next->text));
}

// A known acronym that opens the proper name of the meeting the event is, a
// name with no organisation head of its own: "the NATO Foreign
// Ministerial Meeting", "NATO Defence Ministers’ Meeting" -> NATO; not "the
// crucial G20 meeting" (news of a meeting, written in lower case).
std::vector<std::string> MeetingHolderAcronyms(const Document& doc, int first_body) {
  std::vector<std::string> out;
  int last_sentence = std::min(static_cast<int>(doc.sentences.size()), first_body + 4);
  for (int si = 0; si < last_sentence; ++si) {
    const Sentence& s = doc.sentences[si];
    if (s.kind != ParagraphKind::kTitle && si < first_body) continue;
    if (!s.Has(kFlagOrgAcronym)) continue;
    for (int i = s.first_token; i + 1 < s.last_token; ++i) {
      const Token& x = doc.tokens[i];
      if (x.in_quote || !x.all_caps || !x.Has(kFlagOrgAcronym) || !doc.tokens[i + 1].cap) continue;
      std::string name(x.Bare());
      if (std::find(out.begin(), out.end(), name) == out.end() &&
          HoldsTheMeeting(doc, si, i, i + 1, first_body, true)) {
        out.push_back(std::move(name));
      }
    }
  }
  return out;
}

// A headquarters written where the event takes place, after a place
// preposition or a visit verb ("hosted a two-day visit … at NATO’s North
// American Headquarters", "visited NATO Maritime Headquarters in Northwood"),
// is the site, not a body taking part (org_head entries marked `site`); so is
// a ship after "aboard" ("at locations in Spain, Norway and aboard the USS
// Mount Whitney": place_preposition entries marked `ship`).
bool IsVisitedSite(const Document& doc, const OrgMention& o) {
  const auto& t = doc.tokens;
  if (t[o.first_token].Has(kFlagShipPrefix)) {
    int k = o.first_token - 1;
    if (k >= 0 && t[k].Is("the")) --k;
    if (k < doc.sentences[o.sentence].first_token || t[k].in_quote) return false;
    const LexiconEntry* prep = BuiltinLexicon().Find(WordClass::kPlacePreposition, t[k].text);
    return prep != nullptr && prep->Has("ship");
  }
  const LexiconEntry* head = BuiltinLexicon().Find(WordClass::kOrgHead, t[o.last_token - 1].text);
  if (head == nullptr || !head->Has("site")) return false;
  int k = o.first_token - 1;
  if (k >= 0 && (t[k].Is("the") || t[k].Is("The"))) --k;
  return k >= doc.sentences[o.sentence].first_token && !t[k].in_quote &&
         t[k].Has(kFlagPlacePreposition | kFlagVisitVerb);
}

// The lead: the first body sentence of at least six words, one of them in
// lower case, past the "(Press Release)", date and publisher lines that open
// many releases ("June 8, 2018 – Brussels, Belgium – National Defence /
// Canadian Armed Forces").
int FirstBodySentence(const Document& doc) {
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    if (s.kind != ParagraphKind::kBody || s.credit) continue;
    int words = 0;
    bool lower = false;
    for (int i = s.first_token; i < s.last_token; ++i) {
      const Token& x = doc.tokens[i];
      words += x.IsWord();
      lower |= x.IsWord() && !x.cap && !x.all_caps && !x.text.empty() && x.text[0] >= 'a' &&
               x.text[0] <= 'z';
    }
    if (words >= 6 && lower) return static_cast<int>(si);
  }
  return -1;
}

// Sentences at the event's time that say who participates: with a form of
// "participate", or (`broad`) any participation word ("attended", "joined").
absl::flat_hash_set<int> ParticipationSentences(const Document& doc,
                                                const absl::flat_hash_set<int>& other_time,
                                                bool broad) {
  absl::flat_hash_set<int> out;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    // The forms of "participate" are participation words too.
    if (!s.Has(kFlagParticipation) || other_time.contains(static_cast<int>(si))) continue;
    for (int i = s.first_token; i < s.last_token; ++i) {
      const Token& x = doc.tokens[i];
      // kFlagParticipation is participation_word looked up on the text (lexicon.h).
      bool counts = broad ? x.Has(kFlagParticipation)
                          : x.Is("participating") || x.Is("participated") || x.Is("participate");
      if (counts && !x.in_quote) {
        out.insert(static_cast<int>(si));
        break;  // the sentence is in; its other words change nothing
      }
    }
  }
  return out;
}

// Affiliations of senior participants, in the order the people were found.
std::vector<std::string> SeniorAffiliations(const std::vector<Person>& people) {
  std::vector<std::string> out;
  for (const Person& p : people) {
    if (p.participant && !p.organization.empty() && (p.rank.empty() || IsSeniorRank(p.rank)) &&
        std::find(out.begin(), out.end(), p.organization) == out.end()) {
      out.push_back(p.organization);
    }
  }
  return out;
}

// A full name, or a surname written after a rank or title ("Colonel
// Martens" names Martens when the article gives no fuller form).
bool HasName(const Person& p) { return p.name_tokens.size() >= 2 || p.titled; }

// A surname alone after a civilian title ("President Biden") takes part only
// where the lead reports it: later sentences often recall other meetings of
// the same leaders. A rank ("Colonel Martens") is evidence enough.
bool ActiveWhereNameSuffices(const Document& doc, const Person& p, const NameMention& m,
                             int first_body) {
  if (p.name_tokens.size() >= 2 || !p.rank.empty()) return true;
  return m.sentence <= first_body || doc.sentences[m.sentence].kind == ParagraphKind::kTitle;
}

}  // namespace

void DecideParticipants(const Document& doc, const absl::flat_hash_set<int>& other_time,
                        const std::vector<FoundQuote>& quotes, std::vector<Person>* people) {
  int first_body = FirstBodySentence(doc);
  for (Person& p : *people) {
    bool active = std::any_of(p.mentions.begin(), p.mentions.end(), [&](const NameMention& m) {
      return m.active && !other_time.contains(m.sentence) &&
             ActiveWhereNameSuffices(doc, p, m, first_body);
    });
    p.participant = active && !p.byline && HasName(p);
  }
  for (const FoundQuote& q : quotes) {
    if (q.person < 0 || IsPostVerb(q.verb)) continue;
    Person& p = (*people)[q.person];
    bool only_other_time =
        !p.mentions.empty() &&
        std::all_of(p.mentions.begin(), p.mentions.end(),
                    [&](const NameMention& m) { return other_time.contains(m.sentence); });
    if (!p.byline && HasName(p) && !only_other_time) p.participant = true;
  }
}

std::vector<TakingPartOrg> ChooseTakingPartOrgs(const Document& doc, const PeopleResult& people,
                                                const absl::flat_hash_set<int>& other_time) {
  std::vector<std::string> affiliations = SeniorAffiliations(people.people);
  int first_body = FirstBodySentence(doc);
  absl::flat_hash_set<int> participation = ParticipationSentences(doc, other_time, false);
  absl::flat_hash_set<int> attendance = ParticipationSentences(doc, other_time, true);
  absl::flat_hash_map<std::string, std::string> acronyms = IntroducedAcronyms(people.orgs);
  std::vector<const OrgMention*> chosen;
  std::vector<std::string> chosen_names;  // parallel to chosen: acronyms written out
  int opener_sentence = -1, opener = -1;  // AttendanceOpener of the last sentence asked
  for (const OrgMention& o : people.orgs) {
    if (doc.tokens[o.first_token].in_quote || IsVisitedSite(doc, o)) continue;
    bool in_lead = o.sentence == first_body ||
                   doc.sentences[o.sentence].kind == ParagraphKind::kTitle;
    auto full = acronyms.find(o.name);
    // "Turkish Army Maj. Gen. Erhan Uzun": a person's service, not a unit
    // taking part.
    std::string rank;
    bool service = MatchRank(doc.tokens, o.last_token, static_cast<int>(doc.tokens.size()), &rank) > 0;
    bool named_body = IsNamedBody(doc, o, full != acronyms.end());
    bool unit = IsTakingPartOrg(doc, o);
    // A body or unit of this event's time, not a person's service, may be
    // listed as taking part, after a meeting word or words of attendance.
    bool may_be_listed = !other_time.contains(o.sentence) && (unit || named_body) && !service;
    bool listed =
        may_be_listed && IsListedAfterMeeting(doc, people.orgs, &o - people.orgs.data());
    if (may_be_listed && !listed) {
      if (opener_sentence != o.sentence) {
        opener_sentence = o.sentence;
        opener = AttendanceOpener(doc, o.sentence);
      }
      listed = IsListedAfterAttendance(doc, o, opener);
    }
    bool lead = ((in_lead || participation.contains(o.sentence) || IsMetOrg(doc, o, first_body)) &&
                 unit && !service) ||
                listed ||
                (in_lead && named_body &&
                  (IsEventArgument(doc, o) || IsLeadSubject(doc, o) || IsPartyBetween(doc, o))) ||
                (attendance.contains(o.sentence) && o.sentence <= first_body + 1 && named_body &&
                 !IsCutBeforeOf(doc, o)) ||
                ((named_body || unit) && !service && !other_time.contains(o.sentence) &&
                 HoldsTheMeeting(doc, o.sentence, o.first_token, o.last_token, first_body,
                                 o.last_token - o.first_token == 1));
    bool affiliation = std::any_of(affiliations.begin(), affiliations.end(),
                                   [&](const std::string& a) { return Lower(a) == Lower(o.name); });
    if (!lead && !affiliation) continue;
    std::string name = full != acronyms.end() ? full->second : SpelledOut(doc, o.name);
    auto same = std::find_if(chosen_names.begin(), chosen_names.end(),
                             [&](const std::string& c) {
                               return SameBody(c, name);
                             });
    if (same == chosen_names.end()) {
      chosen.push_back(&o);
      chosen_names.push_back(name);
    } else if (name.size() > same->size()) {
      chosen[same - chosen_names.begin()] = &o;  // keep the fuller form
      *same = name;
    }
  }
  std::vector<TakingPartOrg> out;
  for (size_t k = 0; k < chosen.size(); ++k) {
    const std::string& name = chosen_names[k];
    bool listed = std::any_of(out.begin(), out.end(),
                              [&](const TakingPartOrg& t) { return t.name == name; });
    std::string acronym = name == chosen[k]->name ? chosen[k]->acronym : chosen[k]->name;
    if (!listed) out.push_back({name, acronym, chosen[k]});
  }
  for (const std::string& a : MeetingHolderAcronyms(doc, first_body)) {
    bool covered = std::any_of(out.begin(), out.end(),
                               [&](const TakingPartOrg& t) { return ContainsEitherWay(t.name, a); });
    if (!covered) out.push_back({a, "", nullptr});
  }
  for (const std::string& a : affiliations) {
    bool covered = std::any_of(chosen_names.begin(), chosen_names.end(), [&](const std::string& c) {
      return ContainsEitherWay(c, a) || SameBodyAcronymForm(c, a);
    });
    bool listed = std::any_of(out.begin(), out.end(),
                              [&](const TakingPartOrg& t) { return t.name == a; });
    if (!covered && !listed) out.push_back({a, "", nullptr});
  }
  return out;
}

}  // namespace parley::extract_internal
