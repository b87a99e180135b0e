#include "extract/quotes.h"

#include <algorithm>
#include <cstdlib>

#include "extract/lexicon.h"

namespace parley::extract_internal {
namespace {

constexpr std::string_view kOpenMark = "\xE2\x80\x9C";   // “
constexpr std::string_view kCloseMark = "\xE2\x80\x9D";  // ”
constexpr std::string_view kEnDash = "\xE2\x80\x93";
constexpr std::string_view kEmDash = "\xE2\x80\x94";

// Fewer words than this make a fragment, not a quote ("“abnormal”").
constexpr int kMinQuoteWords = 4;
// Tokens an attribution may take between a quotation and its verb.
constexpr int kMaxAttributionTokens = 14;

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

bool IsDash(const Token& t) { return t.Is(kEnDash) || t.Is(kEmDash) || t.Is("-"); }
bool IsQuoteMark(const Token& t) { return t.Is(kOpenMark) || t.Is(kCloseMark) || t.Is("\""); }
bool IsThe(const Token& t) { return t.Is("the") || t.Is("The"); }
bool IsPossessive(const Token& t) {
  std::string_view x = t.text;
  return t.Is("'s") || t.Is("\xE2\x80\x99s") || (x.size() > 2 && x.substr(x.size() - 2) == "'s") ||
         (x.size() > 4 && x.substr(x.size() - 4) == "\xE2\x80\x99s");
}

// A speech verb as a verb: lower case ("said", not "Said Jalili").
bool IsVerbToken(const Token& t) { return !t.cap && t.IsWord() && t.Has(kFlagSpeechVerb); }

// "saying", "adding": the subject is the sentence's, not the nearest name.
bool IsParticiple(const Token& t) {
  return t.text.size() > 4 && t.text.substr(t.text.size() - 3) == "ing";
}

// “We are ready.” closes its sentence: words after it start a new one;
// “We are ready,” is followed by its attribution.
bool EndsWithFullStop(const Document& doc, const QuoteSpan& q) {
  size_t e = q.inner_end;
  while (e > q.inner_begin && doc.text[e - 1] == ' ') --e;
  if (e == q.inner_begin) return false;
  char last = doc.text[e - 1];
  return last == '.' || last == '!' || last == '?';
}

// A verb followed by "," or ":" and a quotation mark introduces that
// quotation: “… among us.” Alex Ellis said, “The UK …”.
bool IntroducesNext(const Document& doc, int verb, int end) {
  int k = verb + 1;
  while (k < end && k < verb + 10 && !doc.tokens[k].Is(",") && !doc.tokens[k].Is(":") &&
         !doc.tokens[k].Is(".")) {
    ++k;
  }
  return k + 1 < end && (doc.tokens[k].Is(",") || doc.tokens[k].Is(":")) &&
         IsQuoteMark(doc.tokens[k + 1]);
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
  if (b - a != 2 || !IsThe(first)) return false;
  return InClass(WordClass::kStatementNoun, doc.tokens[a + 1].text);
}

bool Contains(const std::string& hay, const std::string& needle) {
  return !needle.empty() && hay.find(needle) != std::string::npos;
}

// ---------------------------------------------------------------------------
// Quotation units: a quotation with the spans that resume it.

// A direct quotation as one unit: its first span and the spans that resume it
// after the attribution or in the next paragraph. A block quotation (the
// paragraph after "X said:", without marks) has no span.
struct Unit {
  int first_span = -1;  // [first_span, last_span] in doc.quotes; -1 for a block
  int last_span = -1;
  size_t begin = 0, end = 0;              // first span, marks included
  size_t inner_begin = 0, inner_end = 0;  // the first span's text
  int paragraph = 0;
  int words = 0;
};

struct Attribution {
  int a = -1, b = -1;   // speaker tokens [a, b)
  int verb = -1;        // the speech verb, or -1
  int person = -1;      // already resolved (verbless attribution, paragraph speaker)
  bool before = false;  // the attribution precedes the quotation
  int org_end = -1;     // an organisation speaks in [a, org_end) only, if set
};

// First token of a possible attribution after a closing mark: past the comma,
// a dash ("“This is why” – President Pacolli added – “…”") and a parenthesis
// ("“…,” (translated from French) said Mr. Martin").
int AttributionStart(const Document& doc, size_t after, size_t para_end) {
  int n = static_cast<int>(doc.tokens.size());
  int i = FirstTokenAtOrAfter(doc, after);
  while (i < n && doc.tokens[i].begin < para_end) {
    const Token& t = doc.tokens[i];
    if (t.Is(",") || IsDash(t)) {
      ++i;
    } else if (t.Is("(")) {
      int k = i + 1;
      while (k < n && k < i + 8 && !doc.tokens[k].Is(")")) ++k;
      if (k >= n || !doc.tokens[k].Is(")")) break;
      i = k + 1;
    } else {
      break;
    }
  }
  return i;
}

// The speech verb of an attribution starting at token i, or -1.
int SpeechVerbFrom(const Document& doc, int i, size_t para_end) {
  int n = static_cast<int>(doc.tokens.size());
  for (int k = i; k < n && k < i + kMaxAttributionTokens; ++k) {
    const Token& t = doc.tokens[k];
    if (t.begin >= para_end || t.in_quote || t.Is(".") || IsQuoteMark(t) || t.Is(";")) break;
    if (IsVerbToken(t)) return k;
  }
  return -1;
}

// Attribution after a span: "…,” General Cavoli said." or "…,” said Vice
// Admiral Blount, Commander …". Verbless attributions are left to the caller.
bool AttributionAfterSpan(const Document& doc, const QuoteSpan& q, Attribution* att) {
  const Paragraph& para = doc.article->paragraphs[q.paragraph];
  int n = static_cast<int>(doc.tokens.size());
  int i = AttributionStart(doc, q.end, para.end);
  int verb = SpeechVerbFrom(doc, i, para.end);
  if (verb < 0) return false;
  if (EndsWithFullStop(doc, q) && IntroducesNext(doc, verb, n)) return false;
  att->verb = verb;
  if (verb > i) {
    att->a = i;
    att->b = verb;
    return true;
  }
  // "said Capt. Fred Goldhammer, commanding officer, …": up to the
  // apposition; "said Deputy Supreme Allied Commander Europe, General Sir
  // James Everard,": a title first, then the name after one comma.
  // Only people are named after the comma: "said Biku, one of the fishermen
  // released by the Pakistan government" is not the government's.
  int e = verb + 1, commas = 0;
  while (e < n && e < verb + kMaxAttributionTokens && doc.tokens[e].begin < para.end &&
         !doc.tokens[e].Is(".") && !doc.tokens[e].in_quote && !IsQuoteMark(doc.tokens[e])) {
    if (doc.tokens[e].Is(",") && ++commas == 1) att->org_end = e;
    if (commas == 2) break;
    ++e;
  }
  att->a = verb + 1;
  att->b = e;
  return e > att->a;
}

// Whether span k+1 resumes span k's quotation: in the same paragraph after an
// attribution that holds one finite speech verb ("“…,” X said. “…”"), unless
// that attribution introduces the next quotation ("“….” Y said, “…”", "Y
// added: “…”"; "said X, adding: “…”" goes on) or the next span has its own;
// in the next paragraph when span k ran unclosed to its paragraph's end.
bool Resumes(const Document& doc, int k) {
  const QuoteSpan& q = doc.quotes[k];
  const QuoteSpan& next = doc.quotes[k + 1];
  if (next.paragraph == q.paragraph + 1) {
    const Paragraph& p = doc.article->paragraphs[q.paragraph];
    bool unclosed = q.end == q.inner_end && q.end == p.end;
    return unclosed && next.begin == doc.article->paragraphs[next.paragraph].begin;
  }
  if (next.paragraph != q.paragraph) return false;
  int a = FirstTokenAtOrAfter(doc, q.end), b = FirstTokenAtOrAfter(doc, next.begin);
  if (b - a > kMaxAttributionTokens || b <= a) return false;
  // "Y added: “…”" introduces another speaker's quotation; "said X, adding:
  // “…”" goes on with X's.
  if (doc.tokens[b - 1].Is(":") && !(b - 2 > a && IsParticiple(doc.tokens[b - 2]))) return false;
  int verbs = 0, verb = -1;
  for (int i = a; i < b; ++i) {
    if (!IsVerbToken(doc.tokens[i]) || IsParticiple(doc.tokens[i])) continue;
    ++verbs;
    verb = i;
  }
  if (verbs != 1 || (EndsWithFullStop(doc, q) && IntroducesNext(doc, verb, b + 1))) return false;
  Attribution own;
  return !AttributionAfterSpan(doc, next, &own);
}

Unit SpanUnit(const Document& doc, int k) {
  const QuoteSpan& q = doc.quotes[k];
  Unit u;
  u.first_span = u.last_span = k;
  u.begin = q.begin;
  u.end = q.end;
  u.inner_begin = q.inner_begin;
  u.inner_end = q.inner_end;
  u.paragraph = q.paragraph;
  u.words = WordCount(doc.Slice(q.inner_begin, q.inner_end));
  return u;
}

// "Defence Secretary Gavin Williamson said:" closing a paragraph, and a next
// paragraph without quotation marks: that paragraph is the quotation.
bool IntroducesBlock(const Document& doc, int pi) {
  const auto& paras = doc.article->paragraphs;
  if (pi + 1 >= static_cast<int>(paras.size())) return false;
  if (paras[pi + 1].kind != ParagraphKind::kBody) return false;
  int last = FirstTokenAtOrAfter(doc, paras[pi].end) - 1;
  if (last < 1 || doc.tokens[last].begin < paras[pi].begin) return false;
  if (!doc.tokens[last].Is(":") || !IsVerbToken(doc.tokens[last - 1])) return false;
  int first = FirstTokenAtOrAfter(doc, paras[pi + 1].begin);
  return first < static_cast<int>(doc.tokens.size()) && !IsQuoteMark(doc.tokens[first]);
}

Unit BlockUnit(const Document& doc, int pi) {
  const Paragraph& p = doc.article->paragraphs[pi];
  Unit u;
  u.begin = u.inner_begin = p.begin;
  u.end = u.inner_end = p.end;
  u.paragraph = pi;
  u.words = WordCount(doc.Slice(p.begin, p.end));
  return u;
}

std::vector<Unit> BuildUnits(const Document& doc) {
  std::vector<Unit> units;
  int n = static_cast<int>(doc.quotes.size());
  for (int k = 0; k < n; ++k) {
    Unit u = SpanUnit(doc, k);
    while (u.last_span + 1 < n && Resumes(doc, u.last_span)) {
      ++u.last_span;
      const QuoteSpan& r = doc.quotes[u.last_span];
      u.words += WordCount(doc.Slice(r.inner_begin, r.inner_end));
    }
    k = u.last_span;
    units.push_back(u);
  }
  int paragraphs = static_cast<int>(doc.article->paragraphs.size());
  for (int pi = 0; pi < paragraphs; ++pi) {
    if (IntroducesBlock(doc, pi)) units.push_back(BlockUnit(doc, pi + 1));
  }
  std::sort(units.begin(), units.end(),
            [](const Unit& x, const Unit& y) { return x.begin < y.begin; });
  return units;
}

// ---------------------------------------------------------------------------
// Fragments and attributions before the quotation.

// The token before a quotation, skipping one ":" or ","; a quotation opening
// its paragraph looks at the previous paragraph when that ends with a colon.
int TokenBefore(const Document& doc, const Unit& u, bool* colon) {
  int o = FirstTokenAtOrAfter(doc, u.begin) - 1;
  *colon = false;
  if (o < 0) return -1;
  size_t para_begin = doc.article->paragraphs[u.paragraph].begin;
  if (doc.tokens[o].begin < para_begin && !doc.tokens[o].Is(":")) return -1;
  if (doc.tokens[o].Is(":") || doc.tokens[o].Is(",")) {
    *colon = doc.tokens[o].Is(":");
    --o;
  }
  return o;
}

// A quotation embedded in a sentence ("is “abnormal” because", "agreed that
// “…”") is a fragment; one after punctuation, a closing mark, a dash or a
// speech verb ("saying “you challenged …") opens a quotation of its own.
bool IsFragment(const Document& doc, const Unit& u) {
  if (u.first_span < 0) return false;
  const Paragraph& para = doc.article->paragraphs[u.paragraph];
  size_t k = u.begin;
  while (k > para.begin && doc.text[k - 1] == ' ') --k;
  if (k == para.begin) return false;
  char prev = doc.text[k - 1];
  if (std::string_view(".:,!?;)").find(prev) != std::string_view::npos) return false;
  if (static_cast<unsigned char>(prev) >= 0x80) {
    std::string_view tail = doc.Slice(k >= 3 ? k - 3 : para.begin, k);
    return tail != kCloseMark && tail != kEmDash && tail != kEnDash;
  }
  int o = FirstTokenAtOrAfter(doc, u.begin) - 1;
  return o < 0 || !IsVerbToken(doc.tokens[o]);
}

bool OpensSentence(const Document& doc, const Unit& u) {
  int i = FirstTokenAtOrAfter(doc, u.inner_begin);
  return i < static_cast<int>(doc.tokens.size()) && doc.tokens[i].cap;
}

// "X said: “…”", "saying “…”", and "General Wolters stressed the importance of
// …: “…”" (a colon ends a sentence whose verb is a speech verb).
bool AttributionBefore(const Document& doc, const Unit& u, Attribution* att) {
  bool colon = false;
  int o = TokenBefore(doc, u, &colon);
  if (o < 0) return false;
  int s = doc.sentences[doc.tokens[o].sentence].first_token;
  int verb = -1;
  if (IsVerbToken(doc.tokens[o])) {
    verb = o;
  } else if (colon && OpensSentence(doc, u)) {
    // Not "its core mission: “to prepare the leaders …”".
    for (int k = s; k < o; ++k) {
      if (IsVerbToken(doc.tokens[k]) && !doc.tokens[k].in_quote) {
        verb = k;
        break;
      }
    }
  }
  if (verb < 0 || verb == s) return false;
  att->verb = verb;
  att->a = s;
  att->b = verb;
  att->before = true;
  return true;
}

// ---------------------------------------------------------------------------
// Speakers.

// "The Ministry of Defence (MoD), in a joint Press Communique on Rajnath
// Singh’s visit to Maldives, said": the words between commas before the verb
// that open in lower case are no part of the subject (an apposition, ",
// Commander of NMI,", is).
int WithoutInterjection(const Document& doc, int a, int b) {
  if (b - a < 3 || !doc.tokens[b - 1].Is(",")) return b;
  for (int k = b - 2; k > a; --k) {
    if (!doc.tokens[k].Is(",")) continue;
    const Token& opener = doc.tokens[k + 1];
    return opener.IsWord() && !opener.cap ? k : b;
  }
  return b;
}


struct Resolver {
  const Document& doc;
  const std::vector<Person>& people;
  const std::vector<OrgMention>& orgs;

  // Person mentioned in tokens [a, b) nearest to `anchor` (a byte offset),
  // else a single word that names one person.
  int PersonNear(int a, int b, size_t anchor, int* mention_first, int* mention_last) const;
  // Person named by "the Chief of the Defence Command", "the Director
  // General" starting at token `the`: -1 when no title follows, -2 when the
  // title fits nobody or several.
  int TitleAt(int the, int limit) const;
  int TitleIn(int a, int b) const;
  // The one person whose rank is or ends in `word` ("General"), or -1.
  int PersonOfRank(std::string_view word) const;
  // "he", "she": the subject of the nearest earlier sentence that names a
  // person, the last speaker when that sentence names them.
  int Pronoun(size_t before, int last_speaker) const;
  static constexpr int kUnknownSpeaker = -2;
  int SubjectIn(int a, int b) const;
  int SpeechSubject(const Sentence& s, size_t before) const;
  // The organisation speaking in tokens [a, b) ("the Indian Navy", "a
  // statement released by the White House"), or empty.
  std::string Organisation(int a, int b, size_t quote_begin) const;
};

int Resolver::PersonNear(int a, int b, size_t anchor, int* mention_first,
                         int* mention_last) const {
  size_t lo = doc.tokens[a].begin, hi = doc.tokens[b - 1].end;
  int best = -1;
  size_t best_distance = 0;
  for (size_t p = 0; p < people.size(); ++p) {
    for (const NameMention& m : people[p].mentions) {
      // "on Rajnath Singh’s visit": not the speaker.
      if (m.begin >= hi || m.end <= lo || m.possessive) continue;
      size_t d = m.end <= anchor ? anchor - m.end : (m.begin >= anchor ? m.begin - anchor : 0);
      if (best < 0 || d < best_distance) {
        best = static_cast<int>(p);
        best_distance = d;
        *mention_first = std::max(a, m.first_token);
        *mention_last = std::min(b, m.last_token);
      }
    }
  }
  if (best >= 0) return best;
  for (int i = a; i < b; ++i) {
    if (!doc.tokens[i].cap || doc.tokens[i].in_quote) continue;
    if (i + 1 < b && IsPossessive(doc.tokens[i + 1])) continue;
    int p = ResolveName(people, doc.tokens[i].text);
    if (p >= 0) {
      *mention_first = i;
      *mention_last = i + 1;
      return p;
    }
  }
  return -1;
}

int Resolver::PersonOfRank(std::string_view word) const {
  std::string w = Lower(word);
  int found = -1;
  for (size_t p = 0; p < people.size(); ++p) {
    std::string rank = Lower(people[p].rank);
    bool holds = rank == w || (rank.size() > w.size() && rank.ends_with(" " + w));
    if (!holds) continue;
    if (found >= 0) return -1;
    found = static_cast<int>(p);
  }
  return found;
}

int Resolver::TitleAt(int the, int limit) const {
  if (the + 1 >= limit || !IsThe(doc.tokens[the])) return -1;
  // The title: capitalised words, joined by "of", "the" and "and".
  int e = the + 1, of = -1;
  bool head = false;
  while (e < limit) {
    const Token& t = doc.tokens[e];
    if (t.cap && t.IsWord()) {
      head |= of < 0 && t.Has(kFlagTitleHead);
    } else if (t.Is("of") && of < 0) {
      of = e;
    } else if (!(t.Is("the") || t.Is("and")) || of < 0) {
      break;
    }
    ++e;
  }
  while (e > the + 1 && !doc.tokens[e - 1].cap) --e;
  // "The General added:": a rank alone names the one person holding it.
  if (e == the + 2 && of < 0 && doc.tokens[the + 1].Has(kFlagRankWord) &&
      !(e < limit && IsPossessive(doc.tokens[e]))) {
    int p = PersonOfRank(doc.tokens[the + 1].Bare());
    if (p >= 0) return p;
  }
  // "the Secretary General’s office" names an office, not its holder.
  if (!head || IsPossessive(doc.tokens[e - 1]) ||
      (e < limit && IsPossessive(doc.tokens[e]))) {
    return -1;
  }
  int head_end = of > 0 && of < e ? of : e;
  std::string title = Lower(doc.TokenRange(the + 1, head_end));
  std::string tail;
  if (head_end < e) {
    int t0 = head_end + 1;
    while (t0 < e && IsThe(doc.tokens[t0])) ++t0;
    if (t0 < e) tail = Lower(doc.TokenRange(t0, e));
  }
  // A role that holds the title ("NATO Secretary General" for "the Secretary
  // General") before one the title holds ("Chief" for "the Chief of …").
  for (bool role_holds : {true, false}) {
    int found = -1;
    for (size_t p = 0; p < people.size(); ++p) {
      std::string role = Lower(people[p].role);
      if (role.empty() || !(role_holds ? Contains(role, title) : Contains(title, role))) continue;
      if (!tail.empty() && !Contains(role + " " + Lower(people[p].organization), tail)) continue;
      if (found >= 0) return -2;
      found = static_cast<int>(p);
    }
    if (found >= 0) return found;
  }
  return -2;
}

// Only a title that is the whole subject: at the start of the speaker's
// words ("the Director General in his opening remarks") or running up to the
// verb ("In his speech, the Secretary General said:"); "Office of the Defence
// Minister" is the office.
int Resolver::TitleIn(int a, int b) const {
  for (int i = a; i < b; ++i) {
    if (!IsThe(doc.tokens[i]) || (i > a && !doc.tokens[i - 1].Is(","))) continue;
    int p = TitleAt(i, b);
    if (p != -1) return p;
  }
  return -1;
}

// The subject among the people named in [a, b): the last one that opens the
// words or follows a comma ("On his meeting with Cohen, Jaishankar, in a
// tweet, said"), titles before it aside; else the first ("Federation of
// Industries Jammu Chairman Lalit Mahajan thanked Prime Minister Narendra
// Modi and said"). An object ("praised … S Jaishankar and said") never is.
int Resolver::SubjectIn(int a, int b) const {
  int best = -1, best_token = -1;
  for (size_t p = 0; p < people.size(); ++p) {
    for (const NameMention& m : people[p].mentions) {
      if (m.first_token < a || m.first_token >= b || m.possessive) continue;
      int k = m.first_token - 1;
      while (k >= a && doc.tokens[k].cap && doc.tokens[k].IsWord()) --k;
      if ((k < a || doc.tokens[k].Is(",")) && m.first_token > best_token) {
        best = static_cast<int>(p);
        best_token = m.first_token;
      }
    }
  }
  if (best >= 0) return best;
  int first = 0, last = 0;
  return PersonNear(a, b, doc.tokens[a].begin, &first, &last);
}

// The speaker of a sentence that reports speech ("Biden said he …",
// "Nirupama Rao, a retired diplomat, said …"): the person, kUnknownSpeaker
// when the speaker is anonymous ("another source said") or a name the
// article's people do not hold, -1 when the sentence reports no speech or its
// speaker is not named ("the minister said").
int Resolver::SpeechSubject(const Sentence& s, size_t before) const {
  int verb = -1;
  for (int k = s.first_token + 1; k < s.last_token && doc.tokens[k].end <= before; ++k) {
    const Token& t = doc.tokens[k];
    if (IsVerbToken(t) && !t.in_quote && !IsParticiple(t)) {
      verb = k;
      break;
    }
  }
  if (verb < 0) return -1;
  // "“…,” he said": the words after the quotation.
  int a = s.first_token;
  for (int k = verb - 1; k > a; --k) {
    if (doc.tokens[k].in_quote || IsQuoteMark(doc.tokens[k])) {
      a = k + 1;
      break;
    }
  }
  if (a < verb && doc.tokens[a].Is(",")) ++a;
  if (a >= verb) return -1;
  int b = WithoutInterjection(doc, a, verb);
  // "Nirupama Rao, a retired diplomat who served …, said": the name.
  if (b - a >= 3 && doc.tokens[b - 1].Is(",")) {
    int c = b - 2;
    while (c > a && !doc.tokens[c].Is(",")) --c;
    if (c > a) b = c;
  }
  int p = SubjectIn(a, b);
  if (p >= 0) return p;
  p = TitleIn(a, b);
  if (p >= 0) return p;
  const Token& subject = doc.tokens[b - 1];
  if (IsAnonymous(subject.text)) return kUnknownSpeaker;
  // A capitalised run not after "the" ("Miller said", not "the Raksha
  // Mantri said") names someone.
  int run = b - 1;
  while (run > a && doc.tokens[run - 1].cap && doc.tokens[run - 1].IsWord()) --run;
  bool named = subject.cap && subject.IsWord() && !IsPersonPronoun(subject.text) &&
               !subject.Is("It") && !InClass(WordClass::kSpeakerOrgWord, subject.Bare()) &&
               !(run > a && IsThe(doc.tokens[run - 1])) && !IsThe(doc.tokens[run]);
  return named ? kUnknownSpeaker : -1;
}

int Resolver::Pronoun(size_t before, int last_speaker) const {
  int at = FirstTokenAtOrAfter(doc, before);
  if (at >= static_cast<int>(doc.tokens.size())) at = static_cast<int>(doc.tokens.size()) - 1;
  for (int s = doc.tokens[at].sentence; s >= 0; --s) {
    const Sentence& sen = doc.sentences[s];
    int speaker = SpeechSubject(sen, before);
    if (speaker == kUnknownSpeaker) return -1;
    if (speaker >= 0) return speaker;
    int first = -1;
    size_t first_pos = 0;
    auto consider = [&](int p, size_t pos) {
      if (p == last_speaker) first = -3;  // the last speaker wins
      if (first != -3 && (first < 0 || pos < first_pos)) {
        first = p;
        first_pos = pos;
      }
    };
    for (size_t p = 0; p < people.size(); ++p) {
      for (const NameMention& m : people[p].mentions) {
        if (m.sentence != s || m.end > before || doc.tokens[m.first_token].in_quote) continue;
        consider(static_cast<int>(p), m.begin);
      }
    }
    for (int i = sen.first_token; i < sen.last_token && doc.tokens[i].end <= before; ++i) {
      if (doc.tokens[i].in_quote || !IsThe(doc.tokens[i])) continue;
      int p = TitleAt(i, sen.last_token);
      if (p >= 0) consider(p, doc.tokens[i].begin);
    }
    if (first == -3) return last_speaker;
    if (first >= 0) return first;
  }
  return last_speaker;
}

std::string Resolver::Organisation(int a, int b, size_t quote_begin) const {
  // "In another tweet, Southern Naval Command": the part after the last comma
  // when the part before names no organisation.
  // "one of the people, according to news agency PTI" stays anonymous.
  for (int k = b - 1; k > a; --k) {
    if (!doc.tokens[k].Is(",")) continue;
    if (!ContainsOrgHead(doc, a, k)) {
      for (int i = a; i < k; ++i) {
        if (IsAnonymous(doc.tokens[i].text)) return "";
      }
      a = k + 1;
    }
    break;
  }
  // "a statement released by the White House", "a tweet from Northern
  // Command": the issuer.
  for (int k = b - 2; k >= a; --k) {
    if (doc.tokens[k].Is("by") || doc.tokens[k].Is("from")) {
      a = k + 1;
      break;
    }
  }
  // "Office of the Defence Minister in a tweet".
  for (int k = a + 1; k + 1 < b; ++k) {
    const Token& next = doc.tokens[k + 1];
    if (doc.tokens[k].Is("in") && (next.Is("a") || next.Is("its") || next.Is("an"))) {
      b = k;
      break;
    }
  }
  while (a < b && IsThe(doc.tokens[a])) ++a;
  while (b > a && (InClass(WordClass::kSpeakerTrailingWord, doc.tokens[b - 1].text) ||
                   WeekdayFromName(doc.tokens[b - 1].text))) {
    --b;
  }
  if (a >= b) return "";
  for (int k = a; k < b; ++k) {
    if (IsAnonymous(doc.tokens[k].text)) return "";
  }
  if (!ContainsOrgHead(doc, a, b)) return "";
  // "added US ARMY EUROPE AND AFRICA Commander": a title, a person's (not
  // "the Office of the Defence Minister").
  if (doc.tokens[b - 1].cap && doc.tokens[b - 1].Has(kFlagTitleHead)) {
    bool of = false;
    for (int k = a; k < b; ++k) of |= doc.tokens[k].Is("of");
    if (!of) return "";
  }
  if (b - a >= 4 && doc.tokens[b - 1].Is(")") && doc.tokens[b - 3].Is("(")) b -= 3;  // "(MEA)"
  std::string speaker(doc.TokenRange(a, b));
  // "the ministry said": the ministry named earlier, in full.
  if (b - a == 1 || (b - a == 2 && !doc.tokens[a].cap)) {
    std::string head = Lower(doc.tokens[b - 1].Bare());
    for (const OrgMention& o : orgs) {
      if (o.end > quote_begin) break;
      if (Lower(o.name).find(head) != std::string::npos) speaker = o.name;
    }
  }
  return speaker;
}

// ---------------------------------------------------------------------------
// Attributions.

// "“…,” Rear Adm. Jim Kirk, commander, CSG 11.": a name right after the
// quotation's comma, without a verb.
bool VerblessAttribution(const Document& doc, const Resolver& r, const QuoteSpan& q,
                         Attribution* att) {
  const Paragraph& para = doc.article->paragraphs[q.paragraph];
  int n = static_cast<int>(doc.tokens.size());
  int i = FirstTokenAtOrAfter(doc, q.end);
  if (i < n && doc.tokens[i].Is(",")) ++i;
  if (i >= n || i == 0 || doc.tokens[i].begin >= para.end || !doc.tokens[i - 1].Is(",")) {
    return false;
  }
  int first = 0, last = 0;
  int p = r.PersonNear(i, std::min(n, i + 4), doc.tokens[i].begin, &first, &last);
  if (p < 0) return false;
  for (const NameMention& m : r.people[p].mentions) {
    if (m.begin >= doc.tokens[i].begin && m.first_token <= i + 4) {
      att->person = p;
      att->a = i;
      att->b = m.last_token;
      return true;
    }
  }
  return false;
}

// An unattributed quotation in a paragraph that opens with a person speaking
// ("Thomson explained the primary things that LANDCOM does. … “We welcome
// …”"): that person's.
bool ParagraphSpeaker(const Document& doc, const Resolver& r, const Unit& u,
                      Attribution* att) {
  if (u.first_span < 0) return false;
  int q = FirstTokenAtOrAfter(doc, u.begin);
  if (q >= static_cast<int>(doc.tokens.size())) return false;
  const Sentence& quote_sentence = doc.sentences[doc.tokens[q].sentence];
  if (quote_sentence.index_in_paragraph == 0 || quote_sentence.first_token != q) return false;
  const Sentence& lead = doc.sentences[doc.tokens[q].sentence - quote_sentence.index_in_paragraph];
  for (int k = lead.first_token + 1; k < lead.last_token && k < lead.first_token + 8; ++k) {
    if (!IsVerbToken(doc.tokens[k])) continue;
    int first = 0, last = 0;
    int p = r.PersonNear(lead.first_token, k, doc.tokens[k].begin, &first, &last);
    if (p < 0 || last != k) return false;
    att->person = p;
    att->verb = k;
    att->a = first;
    att->b = last;
    return true;
  }
  return false;
}

// An unattributed quotation right after a sentence whose subject is a
// person ("Ambassador Guéhenno congratulated Course Members …. “Since 1945
// …", "The NMI Commander, … Major General Dany Fortin, introduced the
// mission’s mandate …:" closing the paragraph before): that person's.
bool PrecedingSubject(const Document& doc, const Resolver& r, const Unit& u,
                      Attribution* att) {
  if (u.first_span < 0) return false;
  int q = FirstTokenAtOrAfter(doc, u.begin);
  int n = static_cast<int>(doc.tokens.size());
  if (q <= 0 || q >= n) return false;
  // Not when words follow the quotation that the attribution rules could not
  // read ("…,” a presidential palace spokesman.").
  int after = FirstTokenAtOrAfter(doc, doc.quotes[u.last_span].end);
  if (after < n && doc.tokens[after].begin < doc.article->paragraphs[u.paragraph].end &&
      (doc.tokens[after].Is(",") || (doc.tokens[after].IsWord() && !doc.tokens[after].cap))) {
    return false;
  }
  const Token& before = doc.tokens[q - 1];
  bool same_paragraph = before.begin >= doc.article->paragraphs[u.paragraph].begin;
  if (!(same_paragraph ? before.Is(".") : before.Is(":"))) return false;
  if (!same_paragraph && q - 1 > 0 && !OpensSentence(doc, u)) return false;
  const Sentence& s = doc.sentences[before.sentence];
  // The subject: the words before the sentence's first lower-case word that
  // is not a connector.
  int v = s.first_token;
  while (v < s.last_token) {
    const Token& t = doc.tokens[v];
    if (t.IsWord() && !t.cap && !t.all_caps && !t.Is("of") && !t.Is("the") && !t.Is("and") &&
        !t.Is("for") && !t.Is("to")) {
      break;
    }
    ++v;
  }
  if (v <= s.first_token || v >= s.last_token || doc.tokens[v].in_quote) return false;
  int p = r.SubjectIn(s.first_token, v);
  if (p < 0) return false;
  att->person = p;
  att->a = s.first_token;
  att->b = v;
  return true;
}

// “…”¶"- Hon. Chrystia Freeland, P.C., M.P., Minister of Foreign Affairs":
// a quotation closing its paragraph, signed by the next paragraph, which
// opens with a dash and the person's name.
bool DashSignature(const Document& doc, const Resolver& r, const Unit& u, Attribution* att) {
  if (u.first_span < 0) return false;
  const auto& paras = doc.article->paragraphs;
  int pi = doc.quotes[u.last_span].paragraph;
  int n = static_cast<int>(doc.tokens.size());
  if (pi + 1 >= static_cast<int>(paras.size())) return false;
  int after = FirstTokenAtOrAfter(doc, doc.quotes[u.last_span].end);
  if (after < n && doc.tokens[after].begin < paras[pi].end) return false;
  int d = FirstTokenAtOrAfter(doc, paras[pi + 1].begin);
  if (d + 1 >= n || !IsDash(doc.tokens[d]) || doc.tokens[d + 1].begin >= paras[pi + 1].end) {
    return false;
  }
  int first = 0, last = 0;
  int p = r.PersonNear(d + 1, std::min(n, d + 5), doc.tokens[d + 1].begin, &first, &last);
  if (p < 0) return false;
  att->person = p;
  att->a = first;
  att->b = last;
  return true;
}

// The speaker of an attribution: a person (by name, pronoun or title) or an
// organisation. False when the speaker is anonymous or cannot be resolved.
bool ResolveSpeaker(const Resolver& r, const Unit& u, const Attribution& att,
                    const std::string& last_org, int last_person, FoundQuote* f) {
  const Document& doc = r.doc;
  int a = att.a, b = att.b;
  if (b <= a) return false;
  *f = FoundQuote();
  f->verb = att.verb >= 0 ? std::string(doc.tokens[att.verb].text) : "said";
  f->speaker_begin = doc.tokens[a].begin;
  f->speaker_end = doc.tokens[b - 1].end;
  f->person = att.person;
  if (f->person >= 0) return true;
  // "…, saying “…”": the sentence's subject, never an organisation named on
  // the way ("Joint Secretary of the Ministry of Culture, quoted as saying").
  bool participle = att.verb >= 0 && IsParticiple(doc.tokens[att.verb]);
  // "he said": the word right before the verb; "He thanked …, saying": the first.
  int subject = participle ? a : (att.verb == b && (b - a == 1 || att.before) ? b - 1 : -1);
  if (subject >= a && IsPersonPronoun(doc.tokens[subject].text)) {
    f->person = r.Pronoun(doc.tokens[a].begin, last_person);
    return f->person >= 0;
  }
  if (RefersToLastStatement(doc, a, b)) {
    f->speaker = last_org;  // "it stated", "the statement added"
    return !f->speaker.empty();
  }
  if (!participle && att.verb == b) b = WithoutInterjection(doc, a, b);
  size_t anchor = participle || att.verb < 0 ? doc.tokens[a].begin : doc.tokens[att.verb].begin;
  int first = 0, last = 0;
  f->person = r.PersonNear(a, b, anchor, &first, &last);
  if (f->person >= 0) {
    f->speaker_begin = doc.tokens[first].begin;
    f->speaker_end = doc.tokens[last - 1].end;
    return true;
  }
  int titled = r.TitleIn(a, b);
  if (titled != -1 || participle) {
    f->person = titled;
    return titled >= 0;
  }
  // An organisation speaks in the few words next to the verb.
  if (att.before) a = std::max(a, b - 8);
  if (att.org_end > a) b = att.org_end;
  f->speaker = r.Organisation(a, b, u.begin);
  return !f->speaker.empty();
}

// The speaker of a quotation: the attribution after one of its spans (the
// first that names a speaker: "said Deputy Supreme Allied Commander Europe
// …" may name none where a later "he added" does); without one, a verbless
// attribution, one before, or the person opening the paragraph.
bool Attribute(const Resolver& r, const Unit& u, const std::string& last_org, int last_person,
               FoundQuote* f) {
  const Document& doc = r.doc;
  bool after = false;
  for (int k = u.first_span; k >= 0 && k <= u.last_span; ++k) {
    Attribution att;
    if (!AttributionAfterSpan(doc, doc.quotes[k], &att)) continue;
    after = true;
    if (ResolveSpeaker(r, u, att, last_org, last_person, f)) return true;
  }
  if (after) return false;  // "“…,” defence sources said."
  Attribution att;
  bool found = (u.first_span >= 0 && VerblessAttribution(doc, r, doc.quotes[u.first_span], &att)) ||
               AttributionBefore(doc, u, &att) || ParagraphSpeaker(doc, r, u, &att) ||
               DashSignature(doc, r, u, &att) || PrecedingSubject(doc, r, u, &att);
  return found && ResolveSpeaker(r, u, att, last_org, last_person, f);
}

}  // namespace

std::vector<FoundQuote> FindQuotes(const Document& doc, const std::vector<Person>& people,
                                   const std::vector<OrgMention>& orgs) {
  std::vector<FoundQuote> out;
  Resolver r{doc, people, orgs};
  std::string last_org;
  int last_person = -1;
  for (const Unit& u : BuildUnits(doc)) {
    if (u.words < kMinQuoteWords || IsFragment(doc, u)) continue;
    FoundQuote f;
    if (!Attribute(r, u, last_org, last_person, &f)) continue;
    if (f.person >= 0) {
      f.speaker = people[f.person].name;
      last_person = f.person;
    } else {
      last_org = f.speaker;
    }
    f.text = std::string(doc.Slice(u.inner_begin, u.inner_end));
    f.begin = u.inner_begin;
    f.end = u.inner_end;
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace parley::extract_internal
