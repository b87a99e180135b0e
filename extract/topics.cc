#include "extract/topics.h"

#include <string_view>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "extract/lexicon.h"

namespace parley::extract_internal {
namespace {

// A topic is read in three steps: a cue says where a list of topics starts
// ("discussed", "focused on", "a briefing on", "issues, including"); the
// list runs until the clause ends (ObjectEnd); the list is cut into one noun
// phrase per topic (SplitItems) and each item is trimmed or dropped
// (EmitItem). The vocabulary is the lexicon's topic_* classes.

struct Range {
  int begin = 0, end = 0;  // tokens [begin, end)
};

bool In(const Token& t, WordClass c) { return t.IsWord() && InClass(c, t.text); }

bool IsLower(const Token& t) { return t.IsWord() && !t.cap; }

// Token k is a possessive: "NATO’s", "Finland's" (the tokenizer keeps "’s"
// as a token of its own).
bool IsPossessiveAt(const Document& doc, int k) {
  if (k + 1 >= static_cast<int>(doc.tokens.size()) || !doc.tokens[k].IsWord()) return false;
  std::string_view s = doc.tokens[k + 1].text;
  return s == "'s" || s == "\xE2\x80\x99s";
}

bool EndsWith(const Token& t, std::string_view suffix) {
  return t.IsWord() && t.text.size() > suffix.size() + 2 && t.text.ends_with(suffix);
}

// "in order to", a dash, a colon: punctuation that closes a list of topics.
bool IsHardStop(const Token& t) {
  return t.in_quote || t.Is(".") || t.Is(";") || t.Is(":") || t.Is("?") || t.Is("!") ||
         t.Is("\xE2\x80\x93") || t.Is("\xE2\x80\x94") || t.Is("\"") || t.Is(")");
}

// A word after "and" or "," that starts a new clause rather than another
// topic: "…, and reaffirmed their commitment", "…, which", "… and agreed
// to", "…, focusing on". An adjective in "-ed" before a noun does not
// ("and continued defense cooperation").
bool StartsClauseAt(const Document& doc, const Sentence& s, int k) {
  const auto& t = doc.tokens;
  if (k >= s.last_token || !t[k].IsWord()) return false;
  const Token& w = t[k];
  if (In(w, WordClass::kTopicStop) || In(w, WordClass::kFiniteVerb)) return true;
  if (w.Is("they") || w.Is("he") || w.Is("she") || w.Is("we") || w.Is("it")) return true;
  if (!IsLower(w)) return false;
  if (w.text.ends_with("ing") && In(w, WordClass::kTopicCue)) return true;  // ", focusing on"
  bool verbish = EndsWith(w, "ed") || w.Has(kFlagSpeechVerb | kFlagTopicVerb) ||
                 In(w, WordClass::kMeetingVerb);
  if (!verbish || k + 1 >= s.last_token) return verbish && k + 1 >= s.last_token;
  const Token& next = t[k + 1];
  return In(next, WordClass::kTopicDeterminer) || In(next, WordClass::kTopicInnerPreposition) ||
         In(next, WordClass::kTopicFiller) || next.Is("that") || next.cap || !next.IsWord();
}

int AfterCue(const Document& doc, const Sentence& s, int i);

// End (exclusive) of the list of topics that starts at `start`.
int ObjectEnd(const Document& doc, const Sentence& s, int start) {
  const auto& t = doc.tokens;
  int limit = std::min(s.last_token, start + 60);
  for (int k = start; k < limit; ++k) {
    const Token& x = t[k];
    if (IsHardStop(x)) return k;
    if (x.Is("(")) {
      // A short bracket stays inside its topic: "(EUMAM)", "(VBSS)".
      int close = k + 1;
      while (close < limit && close <= k + 6 && !t[close].Is(")")) ++close;
      if (close >= limit || !t[close].Is(")")) return k;
      k = close;
      continue;
    }
    if (k > start && In(x, WordClass::kTopicStop)) return k;
    // Another cue opens its own list, its clause's subject with it:
    // "emphasized A, and the two exchanged views on B", "reaffirmed A and
    // discussed B" end after A.
    if (x.Has(kFlagTopicVerb | kFlagTopicCue) && k > start && IsLower(x) && !x.in_quote &&
        (x.Has(kFlagTopicVerb) || AfterCue(doc, s, k) > k)) {
      int sep = k - 1;
      while (sep > start && !t[sep].Is("and") && !t[sep].Is(",")) --sep;
      while (sep > start && (t[sep - 1].Is(",") || t[sep - 1].Is("and"))) --sep;
      return sep > start ? sep : k;
    }
    if (x.Is("as") && k + 2 < limit && t[k + 1].Is("well") && t[k + 2].Is("as")) {
      k += 2;  // "A as well as B": a separator (SplitItems)
      continue;
    }
    if (x.Is("such") && k + 1 < limit && t[k + 1].Is("as")) {
      ++k;
      continue;
    }
    if (x.Is("as")) return k;
    // "improvements to camp facilities including the introduction of …":
    // examples of the topic, not topics; after a comma, a list (SplitItems).
    if (x.Is("including") && k > start && !t[k - 1].Is(",")) return k;
    if (x.Is(",") || x.Is("and")) {
      int next = k + 1;
      if (x.Is(",") && next < limit && t[next].Is("and")) ++next;
      if (StartsClauseAt(doc, s, next)) return k;
    }
    // A time after the topics: "on Thursday", "on 13 September", "in May".
    if (k > start && k + 1 < limit &&
        ((x.Is("on") && (t[k + 1].Has(kFlagWeekday | kFlagMonth) ||
                         t[k + 1].kind == TokenKind::kNumber)) ||
         (x.Is("in") && t[k + 1].Has(kFlagMonth)))) {
      return k;
    }
    // "with his Australian counterpart", "with Minister X": the partner, not the topic.
    if (x.Is("with") && k + 1 < limit &&
        (t[k + 1].Has(kFlagRankWord | kFlagHonorific | kFlagParticipation) ||
         (t[k + 1].cap && t[k + 1].Has(kFlagTitleHead | kFlagTitleModifier)) ||
         ((t[k + 1].Is("his") || t[k + 1].Is("her") || t[k + 1].Is("their")) &&
          k + 3 < limit && (t[k + 2].Has(kFlagParticipation) || t[k + 3].Has(kFlagParticipation))))) {
      return k;
    }
  }
  return limit;
}

// A single lower-case word with an adjective's ending ("operational and
// individual training", "bilateral and regional matters").
bool LooksAdjective(const Token& t) {
  if (!IsLower(t)) return false;
  for (std::string_view suffix : {"al", "ic", "ary", "ous", "ese"}) {
    if (EndsWith(t, suffix)) return true;
  }
  return false;
}

// Whether the bare "and" at `k` inside item [a, b) joins two topics rather
// than two words of one ("training and exercises", "Command and Control").
// `last_of_list`: the item ends a comma list ("A, B and C").
bool AndSplits(const Document& doc, int a, int b, int k, bool last_of_list) {
  const auto& t = doc.tokens;
  int left = k - a, right = b - k - 1;
  if (left <= 0 || right <= 0) return false;
  const Token& before = t[k - 1];
  const Token& after = t[k + 1];
  // "ties between Jordan and the United States": one topic.
  for (int q = a; q < k; ++q) {
    if (t[q].Is("between")) return false;
  }
  if (In(after, WordClass::kTopicDeterminer) || after.Is("how")) return true;
  // "and NATO’s …", "and Air Power’s asymmetric advantages": a possessive.
  if (IsPossessiveAt(doc, k + 1) || (after.cap && right >= 2 && IsPossessiveAt(doc, k + 2))) {
    return true;
  }
  // A name: "Air and Missile Defense", "NRCC 28 and SC 141".
  if ((before.cap || before.kind == TokenKind::kNumber) && after.cap) return false;
  bool inner_prep_left = false;
  for (int q = a; q < k; ++q) inner_prep_left |= In(t[q], WordClass::kTopicInnerPreposition);
  // "sanctions against Russia and support for Ukraine": a head of its own
  // with its own modifier.
  if (left >= 2 && right >= 2 && inner_prep_left && In(t[k + 2], WordClass::kTopicInnerPreposition)) {
    return true;
  }
  if (left == 1 && (right == 1 || LooksAdjective(before))) return false;
  // "deterrence, defence and projecting stability"; two words of one
  // phrase outside a list stay together ("joint operations and exercises").
  return last_of_list && !inner_prep_left;
}

// Cuts [a, b) at list commas, ";", "including", "such as", "to include",
// "as well as" and at the "and"s that join topics.
std::vector<Range> SplitItems(const Document& doc, int a, int b) {
  const auto& t = doc.tokens;
  std::vector<Range> items;
  int start = a;
  int depth = 0;
  bool last_cut_and = false;  // the last separator was ", and": the list's own "and"
  auto cut = [&](int end, int next) {
    items.push_back({start, end});
    start = next;
    last_cut_and = false;
  };
  for (int k = a; k < b; ++k) {
    if (t[k].Is("(")) ++depth;
    if (t[k].Is(")")) depth = std::max(0, depth - 1);
    if (depth > 0) continue;
    if (t[k].Is(",") || t[k].Is(";")) {
      int next = k + 1;
      if (next < b && (t[next].Is("and") || t[next].Is("or"))) ++next;
      cut(k, next);
      last_cut_and = next > k + 1;
      k = next - 1;
    } else if (t[k].Is("including") && !t[k].in_quote) {
      cut(k, k + 1);
    } else if (k + 1 < b && ((t[k].Is("such") && t[k + 1].Is("as")) ||
                             (t[k].Is("to") && t[k + 1].Is("include")))) {
      cut(k, k + 2);
      ++k;
    } else if (k + 2 < b && t[k].Is("as") && t[k + 1].Is("well") && t[k + 2].Is("as")) {
      cut(k, k + 3);
      k += 2;
    }
  }
  items.push_back({start, b});
  // "economic, political and security ties": adjectives that share the
  // next item's noun join it, and its "and" is theirs.
  std::vector<bool> shared(items.size(), false);
  for (size_t n = items.size() - 1; n-- > 0;) {
    if (items[n].end > items[n].begin && LooksAdjective(t[items[n].end - 1])) {
      items[n].end = items[n + 1].end;
      items.erase(items.begin() + n + 1);
      shared.erase(shared.begin() + n + 1);
      shared[n] = true;
    }
  }
  // The "and"s inside items, left to right; only the first one of the
  // list's last item counts as the list's own "and" ("A, B and C").
  std::vector<Range> out;
  for (size_t n = 0; n < items.size(); ++n) {
    auto [ia, ib] = items[n];
    bool last_of_list = items.size() >= 2 && n + 1 == items.size() && !last_cut_and;
    int from = ia;
    for (int k = ia; k < ib && !shared[n]; ++k) {
      if (!(t[k].Is("and") || t[k].Is("or")) || k == from) continue;
      if (AndSplits(doc, from, ib, k, last_of_list)) {
        out.push_back({from, k});
        from = k + 1;
        last_of_list = false;
      }
    }
    out.push_back({from, ib});
  }
  return out;
}

// "have counterclaims", "is …": a finite verb that starts a clause.
bool StartsClause(const Token& t) {
  const LexiconEntry* verb = BuiltinLexicon().Find(WordClass::kFiniteVerb, t.text);
  return verb != nullptr && verb->Has("clause_start");
}

// A topic_leading_word, also capitalised at the start of a sentence ("The").
bool IsLeadingWord(const Token& t) {
  if (In(t, WordClass::kTopicLeadingWord)) return true;
  char buf[16];
  if (!t.cap || t.text.size() >= sizeof(buf)) return false;
  for (size_t k = 0; k < t.text.size(); ++k) buf[k] = absl::ascii_tolower(t.text[k]);
  return InClass(WordClass::kTopicLeadingWord, std::string_view(buf, t.text.size()));
}

// Whether [a, b) names a person ("General Martens", "Minister Pevkur").
bool NamesPerson(const Document& doc, int a, int b) {
  const Token& first = doc.tokens[a];
  if (b - a < 2 || !first.cap) return false;
  std::string rank;
  int n = first.Has(kFlagRankWord) ? MatchRank(doc.tokens, a, b, &rank) : 0;
  if (n > 0 || first.Has(kFlagHonorific)) return a + n < b && doc.tokens[a + std::max(n, 1)].cap;
  return first.Has(kFlagTitleHead) && doc.tokens[a + 1].cap;
}

struct Emitter {
  const Document& doc;
  std::vector<FoundTopic>* out;
  absl::flat_hash_set<std::string> seen;  // lower-cased names

  // Trims item [a, b) and adds it unless it is no topic. `places_ok`:
  // places are topics of a discussion ("discussed the DPRK, Burma"), not of
  // a general "including" list ("allies including Germany").
  void Emit(int a, int b, bool places_ok) {
    const auto& t = doc.tokens;
    while (a < b && (IsLeadingWord(t[a]) || !t[a].IsWord())) ++a;
    for (int q = a + 1; q < b; ++q) {
      if (In(t[q], WordClass::kFiniteVerb)) {
        b = q;  // "Italy and Spain are participating …"
        break;
      }
    }
    while (b > a && (In(t[b - 1], WordClass::kTopicInnerPreposition) ||
                     In(t[b - 1], WordClass::kTopicDeterminer) || t[b - 1].Is("and") ||
                     t[b - 1].Is("or") ||
                     (t[b - 1].kind == TokenKind::kPunct && !t[b - 1].Is(")")))) {
      --b;
    }
    if (a >= b || b - a > 25) return;
    // "…, Iran’s IRNA news agency reported": the source of the report.
    if (IsLower(t[b - 1]) && (t[b - 1].Has(kFlagSpeechVerb) ||
                              In(t[b - 1], WordClass::kDateReportingVerb))) {
      return;
    }
    if (StartsClause(t[a]) || t[a].Is("that") || t[a].Is("it") || t[a].Is("them")) return;
    if (!places_ok && t[a].Has(kFlagCountryish | kFlagPlace | kFlagPlaceStart)) return;
    if (NamesPerson(doc, a, b)) return;
    bool content = false;  // a word that is not a filler, determiner or preposition
    for (int q = a; q < b && !content; ++q) {
      content = (t[q].IsWord() || t[q].kind == TokenKind::kNumber) &&
                !In(t[q], WordClass::kTopicFiller) && !In(t[q], WordClass::kTopicDeterminer) &&
                !In(t[q], WordClass::kTopicInnerPreposition) && !t[q].Is("and");
    }
    if (!content) return;
    FoundTopic topic;
    topic.begin = t[a].begin;
    topic.end = t[b - 1].end;
    topic.name = std::string(doc.Slice(topic.begin, topic.end));
    if (!seen.insert(absl::AsciiStrToLower(topic.name)).second) return;
    out->push_back(std::move(topic));
  }

  void EmitList(int a, int b, bool places_ok) {
    for (Range r : SplitItems(doc, a, b)) Emit(r.begin, r.end, places_ok);
  }
};

// Whether [a, b) holds a comma list.
bool ListInside(const Document& doc, int a, int b) {
  for (int k = a; k < b; ++k) {
    if (doc.tokens[k].Is(",")) return true;
  }
  return false;
}

enum class Cue { kNone, kObject, kPassive, kList };

// Whether the object starting at `k` is a time or a circumstance, not a
// topic: "talks on Thursday", "meeting on the sidelines of".
bool NoTopicAfterPreposition(const Document& doc, const Sentence& s, int k) {
  const auto& t = doc.tokens;
  if (k >= s.last_token) return true;
  if (t[k].Has(kFlagWeekday | kFlagMonth) || t[k].kind == TokenKind::kNumber) return true;
  // "information on this article": a pointer, not a subject.
  if (!t[k].IsWord() || t[k].Is("this") || t[k].Is("these") || t[k].Is("that")) return true;
  for (int q = k; q < std::min(s.last_token, k + 3); ++q) {
    if (In(t[q], WordClass::kTopicStop)) return true;
  }
  return false;
}

// Where a topic_cue's topics start: after its preposition ("focused on",
// "briefed the Minister on", "an explanation of") or after a link verb
// ("the discussion included"); -1 if none.
int AfterCue(const Document& doc, const Sentence& s, int i) {
  const auto& t = doc.tokens;
  if (!t[i].Has(kFlagTopicCue)) return -1;  // the flag spares most tokens the lookup
  const LexiconEntry* cue = BuiltinLexicon().Find(WordClass::kTopicCue, t[i].text);
  if (cue == nullptr) return -1;
  // A gap cue may pass its object and an apposition: "was briefed by
  // Lieutenant General Juneau, Deputy Commander of …, on Exercise …".
  int gap = cue->Has("gap") ? 20 : 1;
  for (int k = i + 1; k < s.last_token && k <= i + gap; ++k) {
    const Token& x = t[k];
    if (x.in_quote || (!x.IsWord() && !(gap > 1 && x.Is(",")))) return -1;
    if (x.Is("also") || x.Is("further") || x.Is(",")) continue;
    if (x.Is("and") || In(x, WordClass::kTopicStop) || x.Has(kFlagTopicVerb)) return -1;
    if (In(x, WordClass::kTopicPreposition) || (cue->Has("of") && x.Is("of"))) {
      return NoTopicAfterPreposition(doc, s, k + 1) ? -1 : k + 1;
    }
    if (In(x, WordClass::kTopicLinkVerb)) {
      if (k + 1 < s.last_token && (t[k + 1].Is("on") || t[k + 1].Is("upon"))) return k + 2;
      return k + 1;
    }
    if ((x.Is("by") && gap == 1) || x.Is("to") || In(x, WordClass::kFiniteVerb)) return -1;
  }
  return -1;
}

// "… was (also) discussed": the subject, from the clause start to the
// auxiliary; -1 if `i` is no passive topic verb.
int PassiveSubjectStart(const Document& doc, const Sentence& s, int i, int* aux) {
  const auto& t = doc.tokens;
  int j = i - 1;
  while (j > s.first_token && (t[j].Is("also") || t[j].Is("further") || EndsWith(t[j], "ly"))) --j;
  if (j <= s.first_token || !(t[j].Is("was") || t[j].Is("were"))) return -1;
  *aux = j;
  int a = j;
  while (a > s.first_token && j - a < 30 && !t[a - 1].Is(",") && !t[a - 1].in_quote) --a;
  return a < j ? a : -1;
}

// The cue at token i, and where its topics start.
Cue FindCue(const Document& doc, const Sentence& s, int i, int* start, int* passive_end) {
  const auto& t = doc.tokens;
  const Token& w = t[i];
  // Nearly every token is no cue: one test of its flags and two words
  // settles most, before the tests below that branch on the token's case.
  if (!w.Has(kFlagTopicVerb | kFlagTopicCue) && !w.Is("including") && !w.Is("such")) {
    return Cue::kNone;
  }
  if (!IsLower(w) || w.in_quote) return Cue::kNone;
  if (w.Has(kFlagTopicVerb)) {
    int aux = 0;
    int a = PassiveSubjectStart(doc, s, i, &aux);
    if (a >= 0) {
      *start = a;
      *passive_end = aux;
      return Cue::kPassive;
    }
    int k = i + 1;
    if (k < s.last_token && In(t[k], WordClass::kTopicPreposition)) ++k;  // "discussed about"
    if (k >= s.last_token || !t[k].IsWord() || t[k].Is("with") || t[k].Is("by")) return Cue::kNone;
    *start = k;
    return Cue::kObject;
  }
  if (w.text.size() >= 4) {
    int k = AfterCue(doc, s, i);
    if (k >= 0) {
      *start = k;
      return Cue::kObject;
    }
  }
  // "a range of issues, including A, B", "priority areas such as A": a list
  // after a filler noun.
  bool including = w.Is("including") || (w.Is("such") && i + 1 < s.last_token && t[i + 1].Is("as"));
  if (!including) return Cue::kNone;
  for (int q = i - 1; q >= s.first_token && q >= i - 6; --q) {
    if (IsHardStop(t[q])) break;
    const LexiconEntry* filler = BuiltinLexicon().Find(WordClass::kTopicFiller, t[q].text);
    if ((filler != nullptr && filler->Has("list")) || In(t[q], WordClass::kTopicCue)) {
      *start = w.Is("such") ? i + 2 : i + 1;
      return Cue::kList;
    }
  }
  return Cue::kNone;
}

}  // namespace

std::vector<FoundTopic> FindTopics(const Document& doc) {
  std::vector<FoundTopic> out;
  Emitter emitter{doc, &out, {}};
  for (const Sentence& s : doc.sentences) {
    if (s.kind != ParagraphKind::kBody || s.credit) continue;
    for (int i = s.first_token; i < s.last_token; ++i) {
      int start = 0, passive_end = 0;
      Cue cue = FindCue(doc, s, i, &start, &passive_end);
      if (cue == Cue::kNone) continue;
      if (cue == Cue::kPassive) {
        emitter.EmitList(start, passive_end, /*places_ok=*/true);
        continue;
      }
      int end = ObjectEnd(doc, s, start);
      emitter.EmitList(start, end, /*places_ok=*/cue != Cue::kList);
      // "the status of key work strands (the Rapid Deployment Capability, the
      // Military Planning Capability, and …)": a bracketed list of topics.
      if (end < s.last_token && doc.tokens[end].Is("(")) {
        int close = end + 1;
        while (close < s.last_token && close < end + 40 && !doc.tokens[close].Is(")")) ++close;
        if (close < s.last_token && doc.tokens[close].Is(")") && ListInside(doc, end + 1, close)) {
          emitter.EmitList(end + 1, close, /*places_ok=*/true);
          end = close;
        }
      }
      // The next cue may close this list: "discussed A, focusing on B".
      i = std::max(i, end - 1);
    }
  }
  return out;
}

}  // namespace parley::extract_internal
