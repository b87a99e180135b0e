#include "extract/classify.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"

#include "extract/lexicon.h"

namespace parley::extract_internal {
namespace {

// A keyword's rule (its event type's position by priority) and tier:
// keywords of a lower tier win over any of a higher one. Tier 2 is STATEMENT
// (a statement about a meeting is that meeting), tier 1 the weak keywords,
// tier -1 the strong ones (the ceremony that closes an exercise is the event
// even where the exercise is named first).
struct Keyword {
  int rule = 0;
  int tier = 0;
  // Names an exercise only after a form of "conduct" in a headline ("Carl
  // Vinson Conduct Dual Carrier Strike Group Operations"; not "app for
  // operations").
  bool conducted_only = false;
  // Counts only before a capitalised object: "welcomed the Commander", not
  // "welcomed the decision".
  bool cap_object = false;
};

// The event_type and event_keyword classes of the lexicon (lexicon.tsv).
struct KeywordTable {
  std::vector<v1::EventType> rules;  // by priority: a lower index wins
  std::vector<bool> lead_yields;     // by rule: yields to a later lead sentence's type
  absl::flat_hash_map<std::string, Keyword> keywords;  // lower-cased, words joined by ' '
};

const KeywordTable& Keywords() {
  static const auto* table = [] {
    auto* t = new KeywordTable;
    const Lexicon& lexicon = BuiltinLexicon();
    std::vector<const LexiconEntry*> types;
    for (const LexiconEntry& e : lexicon.Entries(WordClass::kEventType)) types.push_back(&e);
    std::sort(types.begin(), types.end(), [](const LexiconEntry* a, const LexiconEntry* b) {
      return a->GetInt("priority") < b->GetInt("priority");
    });
    absl::flat_hash_map<std::string, Keyword> by_type;  // type name -> rule, tier
    for (const LexiconEntry* e : types) {
      v1::EventType type = v1::OTHER;
      v1::EventType_Parse(e->text, &type);  // checked by ParseLexicon
      by_type[e->text] = Keyword{static_cast<int>(t->rules.size()), e->GetInt("tier")};
      t->rules.push_back(type);
      t->lead_yields.push_back(e->Has("lead_yields"));
    }
    for (const LexiconEntry& e : lexicon.Entries(WordClass::kEventKeyword)) {
      Keyword k = by_type.at(std::string(e.Get("type")));
      if (e.Has("weak")) k.tier = 1;
      if (e.Has("strong")) k.tier = -1;
      k.conducted_only = e.Has("conducted_only");
      k.cap_object = e.Has("cap_object");
      t->keywords.emplace(e.key, k);
    }
    return t;
  }();
  return *table;
}

// How keywords found in a range of sentences are weighed.
enum class Pick {
  kHighestPriority,  // the keyword of the type with the highest priority wins
  kEarliest,         // the keyword written first wins ("visits Iran, holds talks")
};

// "Conduct", "conducts", "conducted" or "conducting" in tokens [begin, end).
bool ConductedBefore(const Document& doc, int begin, int end) {
  for (int k = begin; k < end; ++k) {
    std::string_view w = doc.tokens[k].text;
    if (w.size() >= 7 && (w[0] == 'c' || w[0] == 'C') && w.substr(1, 6) == "onduct") return true;
  }
  return false;
}

// A capitalised keyword follows in the capitalised run from token k: in a
// body sentence a name's head comes last, so "the TRIDENT JAVELIN 2017
// Training Audience Commanders’ Conference" is a conference, not training.
// Headlines are left out: their words are all capitalised.
bool KeywordLaterInName(const Document& doc, const Sentence& s, int k) {
  const auto& t = doc.tokens;
  for (; k < s.last_token; ++k) {
    const Token& x = t[k];
    if (x.Is("\xE2\x80\x99") || x.Is("'")) continue;  // "Commanders’ Conference"
    if (!x.IsWord() || !(x.cap || x.all_caps)) return false;
    if (x.Has(kFlagTypeKeyword)) return true;
  }
  return false;
}

// A capitalised word at token k, after an optional "the", that starts a
// name or title: a state or nationality counts only before another
// capitalised word ("welcomed the German Defence Minister", not "welcomed
// the Japanese government’s new policy" or "Welcomes Japan’s New … Policy").
bool CapitalisedObject(const Document& doc, const Sentence& s, int k) {
  const auto& t = doc.tokens;
  if (k < s.last_token && (t[k].Is("the") || t[k].Is("The"))) ++k;
  if (k >= s.last_token || !t[k].IsWord() || !t[k].cap) return false;
  if (!t[k].Has(kFlagCountryish)) return true;
  std::string_view w = t[k].text;
  bool possessive = w.ends_with("'s") || w.ends_with("\xE2\x80\x99s") ||
                    (k + 1 < s.last_token && !t[k + 1].IsWord());
  return !possessive && k + 1 < s.last_token && t[k + 1].cap;
}

// Keyword tokens [i, j] are part of a name, not an event: a capitalised
// keyword before an organisation's head ("North Atlantic Treaty
// Organization", "Joint Force Training Centre"), or, outside the headline, a
// keyword before another in one name (KeywordLaterInName) or a word in a run
// of capitals (the dateline "FIVE HILLS TRAINING AREA,
// Mongolia"; an "MOU" alone still counts).
bool InsideName(const Document& doc, const Sentence& s, int i, int j) {
  const auto& t = doc.tokens;
  bool next_word = j + 1 < s.last_token && t[j + 1].IsWord();
  if (t[i].cap && next_word && t[j + 1].cap && t[j + 1].Has(kFlagOrgHead)) return true;
  if (s.kind == ParagraphKind::kTitle) return false;
  if (t[i].cap && KeywordLaterInName(doc, s, j + 1)) return true;
  if (!t[i].all_caps) return false;
  bool prev_caps = i > s.first_token && t[i - 1].IsWord() && t[i - 1].all_caps;
  return prev_caps || (next_word && t[j + 1].all_caps);
}

// Rule matched in sentences [a, b), chosen by `pick` among the keywords of
// the lowest tier; -1 if none.
int MatchSentences(const Document& doc, int a, int b, Pick pick, size_t* begin, size_t* end) {
  const auto& keywords = Keywords().keywords;
  int best = -1;
  int best_tier = 0;
  for (int si = a; si < b; ++si) {
    const Sentence& s = doc.sentences[si];
    for (int i = s.first_token; i < s.last_token; ++i) {
      const Token& t = doc.tokens[i];
      if (!t.IsWord() || t.in_quote || !t.Has(kFlagTypeKeyword)) continue;
      // Up to three words, lower-cased into one buffer.
      char buf[160];
      size_t n = 0;
      for (int k = 0; k < 3 && i + k < s.last_token; ++k) {
        const Token& w = doc.tokens[i + k];
        if (!w.IsWord() || n + w.text.size() + 1 >= sizeof(buf)) break;
        if (k) buf[n++] = ' ';
        for (char ch : w.text) buf[n++] = absl::ascii_tolower(static_cast<unsigned char>(ch));
        auto it = keywords.find(absl::string_view(buf, n));
        if (it == keywords.end()) continue;
        auto [rule, tier, conducted_only, cap_object] = it->second;
        if (InsideName(doc, s, i, i + k)) continue;
        if (cap_object && !CapitalisedObject(doc, s, i + k + 1)) continue;
        if (conducted_only &&
            (s.kind != ParagraphKind::kTitle || !ConductedBefore(doc, s.first_token, i))) {
          continue;
        }
        bool better;
        if (best < 0 || tier < best_tier) {
          better = true;
        } else if (tier > best_tier) {
          better = false;
        } else if (pick == Pick::kEarliest) {
          // Same first word: the longer keyword ("staff talks" over "staff").
          better = t.begin == *begin && w.end > *end;
        } else {
          better = rule < best;
        }
        if (better) {
          best = rule;
          best_tier = tier;
          *begin = t.begin;
          *end = w.end;
        }
      }
    }
  }
  return best;
}

// Without a headline keyword the lead reports the event: its first sentence
// that names one decides, and, like a headline, names its main action first
// ("visited the JWC … in preparation for exercise TRIDENT JEWEL"; "addressed
// … during a North Atlantic Council session …, ahead of the meeting"), where
// the priority of types over several sentences let a later "exercises" or
// "training" win. Sentences [a, b); -1 if none names an event.
// A type marked lead_yields (training) yields to the type a later lead
// sentence names.
int MatchLead(const Document& doc, int a, int b, size_t* begin, size_t* end) {
  for (int si = a; si < b; ++si) {
    int r = MatchSentences(doc, si, si + 1, Pick::kEarliest, begin, end);
    if (r < 0) continue;
    if (!Keywords().lead_yields[r]) return r;
    for (int later = si + 1; later < b; ++later) {
      size_t later_begin = 0, later_end = 0;
      int other = MatchSentences(doc, later, later + 1, Pick::kEarliest, &later_begin, &later_end);
      if (other >= 0 && other != r) {
        *begin = later_begin;
        *end = later_end;
        return other;
      }
    }
    return r;
  }
  return -1;
}

}  // namespace

TypeDecision ClassifyEvent(const Document& doc) {
  TypeDecision d;
  int n = static_cast<int>(doc.sentences.size());
  int title_end = 0;
  while (title_end < n && doc.sentences[title_end].kind != ParagraphKind::kBody) ++title_end;
  // The event is the one the headline reports, and a headline names its main
  // action first ("Navy Chief attends inaugural ceremony of … naval exercise").
  int r = MatchSentences(doc, 0, title_end, Pick::kEarliest, &d.begin, &d.end);
  if (r >= 0 && Keywords().rules[r] == v1::STATEMENT) {
    // "Statement by … on …": the lead sentences say what the statement is about.
    size_t begin = 0, end = 0;
    int body_end = std::min(n, title_end + 4);
    int body = MatchSentences(doc, title_end, body_end, Pick::kHighestPriority, &begin, &end);
    if (body >= 0 && Keywords().rules[body] != v1::STATEMENT) {
      r = body;
      d.begin = begin;
      d.end = end;
    }
  }
  if (r < 0) r = MatchLead(doc, title_end, std::min(n, title_end + 4), &d.begin, &d.end);
  d.type = r >= 0 ? Keywords().rules[r] : v1::OTHER;
  return d;
}

}  // namespace parley::extract_internal
