#include "extract/quotes.h"

#include <algorithm>

#include "extract/lexicon.h"

namespace parley::extract_internal {
namespace {

int WordCount(std::string_view s) {
  int n = 0;
  bool in = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\n';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

int FirstTokenAtOrAfter(const Document& doc, size_t pos) {
  auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), pos,
                             [](const Token& t, size_t b) { return t.begin < b; });
  return static_cast<int>(it - doc.tokens.begin());
}

bool IsAnonymous(std::string_view w) { return InClass(WordClass::kAnonymousSpeaker, w); }

bool ContainsOrgHead(const Document& doc, int a, int b) {
  for (int i = a; i < b; ++i) {
    if (InClass(WordClass::kSpeakerOrgWord, doc.tokens[i].Bare())) return true;
  }
  return false;
}

// "it", "the statement", "the release": what was quoted last.
bool RefersToLastStatement(const Document& doc, int a, int b) {
  const Token& first = doc.tokens[a];
  if (b - a == 1) return first.Is("it") || first.Is("It");
  if (b - a != 2 || !(first.Is("the") || first.Is("The"))) return false;
  return InClass(WordClass::kStatementNoun, doc.tokens[a + 1].text);
}

struct Resolver {
  const Document& doc;
  const std::vector<Person>& people;

  // Person whose mention overlaps tokens [a, b), else a single resolvable word.
  int PersonIn(int a, int b) const {
    size_t lo = doc.tokens[a].begin, hi = doc.tokens[b - 1].end;
    for (size_t p = 0; p < people.size(); ++p) {
      for (const NameMention& m : people[p].mentions) {
        if (m.begin < hi && m.end > lo) return static_cast<int>(p);
      }
    }
    for (int i = a; i < b; ++i) {
      if (!doc.tokens[i].cap) continue;
      int p = ResolveName(people, doc.tokens[i].text);
      if (p >= 0) return p;
    }
    return -1;
  }

  // The subject of the nearest earlier sentence that mentions a person.
  int RecentPerson(size_t before) const {
    int best = -1;
    size_t best_pos = 0;
    int best_sentence = -1;
    for (size_t p = 0; p < people.size(); ++p) {
      for (const NameMention& m : people[p].mentions) {
        if (m.end > before) continue;
        if (m.sentence > best_sentence ||
            (m.sentence == best_sentence && m.begin < best_pos)) {
          best_sentence = m.sentence;
          best_pos = m.begin;
          best = static_cast<int>(p);
        }
      }
    }
    return best;
  }
};

}  // namespace

std::vector<FoundQuote> FindQuotes(const Document& doc, const std::vector<Person>& people,
                                   const std::vector<OrgMention>& orgs) {
  std::vector<FoundQuote> out;
  Resolver r{doc, people};
  std::string last_org_speaker;
  for (const QuoteSpan& q : doc.quotes) {
    std::string_view inner = doc.Slice(q.inner_begin, q.inner_end);
    if (WordCount(inner) < 4) continue;
    // Fragment check: the quote must open a sentence or follow punctuation.
    const Paragraph& para = doc.article->paragraphs[q.paragraph];
    size_t k = q.begin;
    while (k > para.begin && doc.text[k - 1] == ' ') --k;
    if (k > para.begin) {
      char prev = doc.text[k - 1];
      if (prev != '.' && prev != ':' && prev != ',' && prev != '!' && prev != '?' &&
          prev != ';' && prev != ')' && !(static_cast<unsigned char>(prev) >= 0x80)) {
        continue;
      }
      if (static_cast<unsigned char>(prev) >= 0x80) {
        // A closing quote mark or dash before: fine; a letter: fragment.
        std::string_view tail = doc.Slice(k >= 3 ? k - 3 : para.begin, k);
        if (tail != "\xE2\x80\x9D" && tail != "\xE2\x80\x94" && tail != "\xE2\x80\x93") continue;
      }
    }
    FoundQuote f;
    f.text = std::string(inner);
    f.begin = q.inner_begin;
    f.end = q.inner_end;
    int speaker_a = -1, speaker_b = -1;
    // Attribution after the quote.
    int i = FirstTokenAtOrAfter(doc, q.end);
    int n = static_cast<int>(doc.tokens.size());
    if (i < n && doc.tokens[i].Is(",")) ++i;
    int verb = -1;
    for (int k2 = i; k2 < n && k2 < i + 14; ++k2) {
      const Token& t = doc.tokens[k2];
      if (t.in_quote || t.Is(".") || t.Is("\xE2\x80\x9C") || t.Is("\"") || t.Is(";")) break;
      if (static_cast<size_t>(doc.tokens[k2].begin) >= para.end) break;
      if (!t.cap && t.IsWord() && IsSpeechVerb(t.text)) {
        verb = k2;
        break;
      }
    }
    if (verb < 0 && i < n && doc.tokens[i].begin < para.end && i > 0 && doc.tokens[i - 1].Is(",")) {
      // No verb: "“…,” Rear Adm. Jim Kirk, commander, CSG 11."
      int p = r.PersonIn(i, std::min(n, i + 4));
      if (p >= 0) {
        for (const NameMention& m : people[p].mentions) {
          if (m.begin >= doc.tokens[i].begin && m.first_token <= i + 4) {
            f.person = p;
            f.verb = "said";
            speaker_a = i;
            speaker_b = m.last_token;
            break;
          }
        }
      }
    }
    if (verb >= 0) {
      f.verb = std::string(doc.tokens[verb].text);
      if (verb == i) {
        // "said Capt. Fred Goldhammer, commanding officer, …"
        int e = verb + 1;
        while (e < n && !doc.tokens[e].Is(",") && !doc.tokens[e].Is(".") &&
               !doc.tokens[e].in_quote && e < verb + 8 &&
               doc.tokens[e].begin < para.end &&
               !(doc.tokens[e].Is("of") && e > verb + 2)) {
          ++e;
        }
        speaker_a = verb + 1;
        speaker_b = e;
      } else {
        speaker_a = i;
        speaker_b = verb;
      }
    } else {
      // Attribution before: "X said: “…”".
      int o = FirstTokenAtOrAfter(doc, q.begin) - 1;
      if (o >= 0 && (doc.tokens[o].Is(":") || doc.tokens[o].Is(","))) --o;
      if (o >= 0 && doc.tokens[o].begin >= para.begin && IsSpeechVerb(doc.tokens[o].text)) {
        f.verb = std::string(doc.tokens[o].text);
        int s = doc.sentences[doc.tokens[o].sentence].first_token;
        speaker_a = std::max(s, o - 8);
        speaker_b = o;
      }
    }
    if (speaker_a < 0 || speaker_b <= speaker_a) continue;
    // Resolve the speaker.
    int a = speaker_a, b = speaker_b;
    const Token& first = doc.tokens[a];
    if (f.person >= 0) {
      // already resolved (verbless attribution)
    } else if (b - a == 1 && IsPersonPronoun(first.text)) {
      f.person = r.RecentPerson(q.begin);
    } else if (RefersToLastStatement(doc, a, b)) {
      // "it stated", "the statement added": the organisation quoted last.
      if (last_org_speaker.empty()) continue;
      f.speaker = last_org_speaker;
    } else {
      f.person = r.PersonIn(a, b);
      if (f.person < 0) {
        // "In another tweet, Southern Naval Command": the part after the
        // last comma when the part before names no organisation.
        for (int k2 = b - 1; k2 > a; --k2) {
          if (doc.tokens[k2].Is(",")) {
            if (!ContainsOrgHead(doc, a, k2)) a = k2 + 1;
            break;
          }
        }
        // "a statement released by the White House", "a tweet from Northern
        // Command": the issuer.
        for (int k2 = b - 2; k2 >= a; --k2) {
          if (doc.tokens[k2].Is("by") || doc.tokens[k2].Is("from")) {
            a = k2 + 1;
            break;
          }
        }
        // "Office of the Defence Minister in a tweet".
        for (int k2 = a + 1; k2 < b; ++k2) {
          if (doc.tokens[k2].Is("in") && k2 + 1 < b &&
              (doc.tokens[k2 + 1].Is("a") || doc.tokens[k2 + 1].Is("its") ||
               doc.tokens[k2 + 1].Is("an"))) {
            b = k2;
            break;
          }
        }
        while (a < b && (doc.tokens[a].Is("the") || doc.tokens[a].Is("The"))) ++a;
        while (b > a && (InClass(WordClass::kSpeakerTrailingWord, doc.tokens[b - 1].text) ||
                         WeekdayFromName(doc.tokens[b - 1].text))) {
          --b;
        }
        if (a >= b) continue;
        bool anonymous = false;
        for (int k2 = a; k2 < b; ++k2) anonymous |= IsAnonymous(doc.tokens[k2].text);
        if (anonymous || !ContainsOrgHead(doc, a, b)) continue;
        if (b - a >= 4 && doc.tokens[b - 1].Is(")") && doc.tokens[b - 3].Is("(")) b -= 3;  // "(MEA)"
        f.speaker = std::string(doc.TokenRange(a, b));
        // "the ministry said": the ministry named earlier, in full.
        if (b - a == 1 || (b - a == 2 && !doc.tokens[a].cap)) {
          std::string head = Lower(doc.tokens[b - 1].Bare());
          std::string best;
          for (const OrgMention& o : orgs) {
            if (o.end > q.begin) break;
            if (Lower(o.name).find(head) != std::string::npos) best = o.name;
          }
          if (!best.empty()) f.speaker = best;
        }
        last_org_speaker = f.speaker;
      }
    }
    if (f.person >= 0) f.speaker = people[f.person].name;
    if (f.speaker.empty()) continue;
    f.speaker_begin = doc.tokens[speaker_a].begin;
    f.speaker_end = doc.tokens[speaker_b - 1].end;
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace parley::extract_internal
