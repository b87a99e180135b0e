#include "extract/people.h"

#include <algorithm>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "extract/lexicon.h"
#include "extract/person_context.h"
#include "extract/person_rules.h"
#include "extract/titles.h"
#include "extract/token_predicates.h"

namespace parley::extract_internal {
namespace {

// One anchored name in the text, before mentions are merged into people.
struct RawMention {
  NameMention mention;
  std::vector<std::string> tokens;  // NameTokens()
  Attributes attr;
  bool byline = false;
  bool titled = false;  // anchored by a rank or a title right before
  bool addressed = false;  // after a rank, title or honorific (Person::titled)
};

// `w` without trailing periods and commas, ASCII-lower-cased, in one copy.
std::string LowerBare(std::string_view w) {
  while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.remove_suffix(1);
  std::string s(w);
  for (char& ch : s) ch = absl::ascii_tolower(static_cast<unsigned char>(ch));
  return s;
}

// Lower-cased name words; "Al-Sudani" is also "Sudani".
std::vector<std::string> NameTokens(const Document& doc, int a, int b) {
  std::vector<std::string> out;
  out.reserve(b - a);
  for (int i = a; i < b; ++i) {
    const Token& t = doc.tokens[i];
    // "Abdullah II", "Charles III": a suffix is no name word (a king named
    // alone is no full name).
    if (!t.IsWord() || IsNameSuffix(t.Bare())) continue;
    std::string w = LowerBare(t.text);
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

std::vector<RawMention> FindRawMentions(const PeopleContext& c) {
  const Document& doc = c.doc();
  std::vector<RawMention> raws;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    for (Candidate& cand : FindPersonCandidates(c, static_cast<int>(si))) {
      RawMention raw;
      raw.titled = IsTitled(cand);
      raw.addressed = IsAddressed(cand);
      raw.mention.first_token = cand.first;
      raw.mention.last_token = cand.name_end;
      raw.mention.begin = doc.tokens[cand.first].begin;
      raw.mention.end = doc.tokens[cand.name_end - 1].end;
      raw.mention.sentence = static_cast<int>(si);
      raw.mention.possessive = cand.possessive;
      raw.tokens = NameTokens(doc, cand.first, cand.name_end);
      raw.attr = std::move(cand.attr);
      raw.byline = doc.sentences[si].credit;
      raws.push_back(std::move(raw));
    }
  }
  return raws;
}

// The person a mention joins: the one whose name holds all its words, or
// "Joe Biden" for "Joseph R. Biden, Jr." (same surname, same initial); -1
// when none, -2 when ambiguous.
int PersonForMention(const std::vector<Person>& people, const RawMention& r) {
  int target = -1;
  for (size_t pi = 0; pi < people.size(); ++pi) {
    if (!Subset(r.tokens, people[pi].name_tokens)) continue;
    if (target >= 0) return -2;
    target = static_cast<int>(pi);
  }
  if (target >= 0 || r.tokens.size() < 2) return target;
  for (size_t pi = 0; pi < people.size(); ++pi) {
    const auto& toks = people[pi].name_tokens;
    if (toks.size() < 2 || toks[0].empty() || r.tokens[0].empty()) continue;
    if (toks[0][0] != r.tokens[0][0]) continue;
    if (std::find(toks.begin(), toks.end(), r.tokens.back()) == toks.end()) continue;
    target = target == -1 ? static_cast<int>(pi) : -2;
  }
  return target < 0 ? -1 : target;
}

// The one person whose name words are all in the mention ("Nicholson" for
// "John Nicholson"), or -1 (none or several).
int PersonWithinMention(const std::vector<Person>& people, const RawMention& r) {
  int target = -1;
  for (size_t pi = 0; pi < people.size(); ++pi) {
    if (!Subset(people[pi].name_tokens, r.tokens)) continue;
    if (target >= 0) return -1;
    target = static_cast<int>(pi);
  }
  return target;
}

// Headlines are in title case: a name seen only there is trusted only after
// a rank or title, and only without headline verbs in it ("Ajit Doval
// Meets", "Pays Tribute").
bool TrustedInHeadline(const Document& doc, const RawMention& r) {
  if (!r.titled || r.tokens.size() < 2) return false;
  for (int w = r.mention.first_token; w < r.mention.last_token; ++w) {
    if (doc.tokens[w].Has(kFlagEventTrigger | kFlagTypeKeyword | kFlagSpeechVerb)) return false;
  }
  return true;
}

// "Salvatore CUOCI" -> "Salvatore Cuoci": releases that write family names
// in capitals; initials and short capitals ("CQ Brown") stay as written.
std::string DisplayName(std::string_view written) {
  std::string out(written);
  size_t start = 0;
  while (start < out.size()) {
    size_t end = out.find(' ', start);
    if (end == std::string::npos) end = out.size();
    bool capitals = end - start >= 4;
    for (size_t k = start; k < end && capitals; ++k) {
      capitals = (out[k] >= 'A' && out[k] <= 'Z') || out[k] == '-';
    }
    for (size_t k = start + 1; capitals && k < end; ++k) {
      if (out[k - 1] != '-') out[k] = static_cast<char>(out[k] - 'A' + 'a');
    }
    start = end + 1;
  }
  return out;
}

// Merges mentions into people, longest names first so that shorter forms
// join them; returns each mention's person (-1 when dropped). A mention that
// starts a person gives it its name words (moved: nothing reads them later).
std::vector<int> MergeMentions(const Document& doc, std::vector<RawMention>* raw_mentions,
                               std::vector<Person>* people) {
  std::vector<RawMention>& raws = *raw_mentions;
  std::vector<int> order(raws.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<int>(k);
  auto in_title = [&](int k) {
    return doc.sentences[raws[k].mention.sentence].kind == ParagraphKind::kTitle;
  };
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
    if (in_title(x) != in_title(y)) return !in_title(x);
    return raws[x].tokens.size() > raws[y].tokens.size();
  });
  std::vector<int> person_of(raws.size(), -1);
  for (int k : order) {
    RawMention& r = raws[k];
    int target = PersonForMention(*people, r);
    if (target == -2) continue;
    if (target < 0 && in_title(k) && !TrustedInHeadline(doc, r)) continue;
    // "Defense Minister praises General John Nicholson" over a body that
    // writes only "General john Nicholson": the headline's fuller form names
    // the one person the body's shorter one is part of.
    if (target < 0 && in_title(k)) {
      target = PersonWithinMention(*people, r);
      if (target >= 0) {
        Person& p = (*people)[target];
        p.name = DisplayName(doc.Slice(r.mention.begin, r.mention.end));
        p.name_tokens = std::move(r.tokens);
      }
    }
    if (target < 0) {
      Person p;
      p.name = DisplayName(doc.Slice(r.mention.begin, r.mention.end));
      p.name_tokens = std::move(r.tokens);
      people->push_back(std::move(p));
      target = static_cast<int>(people->size()) - 1;
    }
    person_of[k] = target;
  }
  return person_of;
}

void MergeAttributes(Person& p, const Attributes& a) {
  if (p.rank.empty()) p.rank = a.rank;
  if (p.role.empty()) p.role = a.role;
  if (p.organization.empty()) p.organization = a.org;
  if (p.country.empty()) p.country = a.country;
}

// Attributes and mentions: body text first, then quotations, then the
// headline, so that the body's fuller forms win.
void AttachMentions(const Document& doc, const std::vector<RawMention>& raws,
                    const std::vector<int>& person_of, std::vector<Person>* people) {
  for (int pass = 0; pass < 3; ++pass) {
    for (size_t k = 0; k < raws.size(); ++k) {
      if (person_of[k] < 0) continue;
      const RawMention& r = raws[k];
      bool title = doc.sentences[r.mention.sentence].kind == ParagraphKind::kTitle;
      bool quoted = doc.tokens[r.mention.first_token].in_quote;
      if ((title ? 2 : quoted ? 1 : 0) != pass) continue;
      Person& p = (*people)[person_of[k]];
      MergeAttributes(p, r.attr);
      p.mentions.push_back(r.mention);
      p.byline |= r.byline;
      p.titled |= r.addressed;
    }
  }
}

// Single-word coreference: "Flournoy said", "Jaishankar held talks".
void AddSurnameMentions(const PeopleContext& c, std::vector<Person>* people) {
  const auto& t = c.tokens();
  if (people->empty()) return;
  std::vector<char> covered(t.size(), 0);
  for (const Person& p : *people) {
    for (const NameMention& m : p.mentions) {
      for (int i = m.first_token; i < m.last_token; ++i) covered[i] = 1;
    }
  }
  // Name word -> person (-2 when several people share it).
  absl::flat_hash_map<std::string, int> by_word;
  for (size_t pi = 0; pi < people->size(); ++pi) {
    if ((*people)[pi].name_tokens.size() < 2) continue;
    for (const std::string& w : (*people)[pi].name_tokens) {
      if (w.size() < 2) continue;
      auto [it, inserted] = by_word.try_emplace(w, static_cast<int>(pi));
      if (!inserted && it->second != static_cast<int>(pi)) it->second = -2;
    }
  }
  for (size_t i = 0; i < t.size(); ++i) {
    if (covered[i] || !t[i].cap || t[i].in_quote || t[i].credit) continue;
    if (!c.IsNameToken(static_cast<int>(i))) continue;
    if (i + 1 < t.size() && c.IsNameToken(static_cast<int>(i + 1))) continue;
    std::string_view word = t[i].text;
    while (!word.empty() && (word.back() == '.' || word.back() == ',')) word.remove_suffix(1);
    char buf[64];
    std::string_view lower = LowerInto(word, buf);
    if (lower.size() < 2) continue;
    auto found = by_word.find(absl::string_view(lower.data(), lower.size()));
    if (found == by_word.end() || found->second < 0) continue;
    NameMention m;
    m.first_token = static_cast<int>(i);
    m.last_token = static_cast<int>(i) + 1;
    m.begin = t[i].begin;
    m.end = t[i].end;
    m.sentence = t[i].sentence;
    m.possessive = i + 1 < t.size() && IsPossessive(t[i + 1]);
    (*people)[found->second].mentions.push_back(m);
  }
}

bool NegativeCue(const Document& doc, int sentence_begin, int name_begin) {
  for (int k = name_begin - 1; k >= sentence_begin && k >= name_begin - 10; --k) {
    if (doc.tokens[k].Has(kFlagNegativeCue)) return true;
  }
  return false;
}

// "Commander, KFOR" where the article introduced "Kosovo Force (KFOR)": the
// organisation as written out.
// "the Centre’s Deputy Commander": a generic head names the organisation the
// article named in full ("Joint Warfare Centre").
const std::string* FullOrgForHead(const PeopleContext& c, const std::string& head) {
  if (head.empty() || head.find(' ') != std::string::npos) return nullptr;
  std::string suffix = " " + head;
  const std::string* best = nullptr;  // the fullest such name
  for (const OrgMention& o : c.orgs()) {
    if (o.name.size() > suffix.size() && o.name.ends_with(suffix) &&
        (best == nullptr || o.name.size() > best->size())) {
      best = &o.name;
    }
  }
  return best;
}

// "Supreme Allied Commander Europe (SACEUR)": a post only one organisation
// has names it (lexicon class post_org).
std::string OrgOfPost(std::string_view role) {
  if (role.ends_with(")")) {
    size_t open = role.rfind(" (");
    if (open != std::string_view::npos) role = role.substr(0, open);
  }
  const LexiconEntry* post = BuiltinLexicon().Find(WordClass::kPostOrg, role);
  return post == nullptr ? "" : std::string(post->Get("org"));
}

// "The Commandant, Lieutenant General Olivier Rittimann, welcomed …" and,
// later, "remarks delivered by the NDC Commandant": a one-word title the
// article writes after a single body it names (an organisation mention, an
// introduced or known acronym) is that body's post. Not a title before
// someone else's name ("the JFTC Commander, Major General …"); empty when no
// body or two.
std::string OrgOfTitleElsewhere(const PeopleContext& c, std::string_view role) {
  const auto& t = c.tokens();
  if (role.empty() || role.find(' ') != std::string_view::npos) return "";
  const int n = static_cast<int>(t.size());
  std::string_view found;
  // The bodies the article names are few: look after each, not at every token.
  for (const OrgMention& o : c.orgs()) {
    int k = o.last_token;
    if (k >= n || !t[k].Has(kFlagTitleHead) || t[k].text != role) continue;
    int after = k + 1 < n && t[k + 1].Is(",") ? k + 2 : k + 1;
    if (after < n && t[after].cap && !t[after].in_quote && t[after].IsWord()) continue;
    // A definite description ("the NDC Commandant"), not an apposition of
    // someone else ("Col. Burr Miller, RTS director").
    if (o.first_token < 1 || !(t[o.first_token - 1].Is("the") || t[o.first_token - 1].Is("The"))) {
      continue;
    }
    if (!found.empty() && found != o.name) return "";
    found = o.name;
  }
  return std::string(found);
}

void WriteOutOrgAcronyms(const PeopleContext& c, std::vector<Person>* people) {
  for (Person& p : *people) {
    if (p.organization.empty()) p.organization = OrgOfPost(p.role);
    if (p.organization.empty()) p.organization = OrgOfTitleElsewhere(c, p.role);
    if (const std::string* full = c.OrgForAcronym(p.organization)) {
      p.organization = *full;
    } else if (const std::string* named = FullOrgForHead(c, p.organization)) {
      p.organization = *named;
    } else if (p.organization != "NATO" && p.organization != "EU" && p.organization != "UN") {
      // "NDC Commandant" where the article writes "NATO Defense College".
      std::string spelled = ExpandAcronym(c.doc(), p.organization, AcronymOf::kUnit);
      if (!spelled.empty()) p.organization = spelled;
    }
  }
}

bool SentenceHasTrigger(const Document& doc, const Sentence& s, const std::vector<char>& in_org) {
  if (!s.Has(kFlagEventTrigger)) return false;  // most sentences: one test
  for (int i = s.first_token; i < s.last_token; ++i) {
    const Token& t = doc.tokens[i];
    if (t.in_quote || !t.IsWord()) continue;
    // "Florida Coalition on Black Civic Participation": a word of an
    // organisation's name is no event word.
    if (t.Has(kFlagEventTrigger) && !in_org[i]) return true;
  }
  return false;
}

// Spokespeople and photo credits report the event; they do not take part.
bool IsReporter(const Person& p) {
  std::string role = Lower(p.role);
  return role.find("spokes") != std::string::npos ||
         role.find("press secretary") != std::string::npos ||
         p.rank.starts_with("Mass Communication");
}

// Expands acronym roles, marks reporters and active mentions: a mention is
// active in a sentence that reports taking part, at the event's time, not
// after "late", "former", "on behalf of"….
void MarkActivity(const Document& doc, const std::vector<OrgMention>& orgs,
                  std::vector<Person>* people) {
  if (people->empty()) return;
  // Whether sentence si has a trigger (-1: not asked yet): only sentences
  // with a mention are asked, each once.
  std::vector<signed char> trigger(doc.sentences.size(), -1);
  std::vector<char> in_org(doc.tokens.size(), 0);
  for (const OrgMention& o : orgs) {
    for (int i = o.first_token; i < o.last_token; ++i) in_org[i] = 1;
  }
  auto has_trigger = [&](int si) {
    if (trigger[si] < 0) trigger[si] = SentenceHasTrigger(doc, doc.sentences[si], in_org) ? 1 : 0;
    return trigger[si] == 1;
  };
  for (Person& p : *people) {
    std::sort(p.mentions.begin(), p.mentions.end(),
              [](const NameMention& x, const NameMention& y) { return x.begin < y.begin; });
    // "NSA Ajit Doval" … "The National Security Advisor".
    if (std::string expanded = ExpandAcronym(doc, p.role, AcronymOf::kTitle); !expanded.empty()) {
      p.role = expanded;
    }
    if (IsReporter(p)) p.byline = true;
    for (NameMention& m : p.mentions) {
      const Sentence& s = doc.sentences[m.sentence];
      m.active = has_trigger(m.sentence) && !s.time_shifted && !m.possessive && !s.credit &&
                 !NegativeCue(doc, s.first_token, m.first_token);
    }
  }
}

// "Permanent Representatives", "NATO Ambassadors": a plural title at token
// k, with the title words before it, as one holder's title ("Permanent
// Representative"); empty when k holds none.
std::string SingularGroupTitle(const std::vector<Token>& t, int first, int k) {
  const Token& x = t[k];
  std::string_view w = x.Bare();
  if (!x.cap || x.all_caps || w.size() < 4 || w.back() != 's' ||
      !IsTitleHead(w.substr(0, w.size() - 1))) {
    return "";
  }
  int start = k;
  while (start > first && t[start - 1].cap && t[start - 1].Has(kFlagTitleModifier)) --start;
  std::string out;
  for (int i = start; i < k; ++i) out.append(t[i].text).append(" ");
  out.append(w.substr(0, w.size() - 1));
  return out;
}

// The plural title that introduces a group, in the mention's sentence
// before it or in the two sentences before: the nearest.
std::string GroupTitleBefore(const Document& doc, const NameMention& m) {
  const auto& t = doc.tokens;
  int stop = doc.sentences[std::max(0, m.sentence - 2)].first_token;
  for (int k = m.first_token - 1; k >= stop; --k) {
    if (t[k].in_quote) continue;
    std::string title = SingularGroupTitle(t, doc.sentences[t[k].sentence].first_token, k);
    if (!title.empty()) return title;
  }
  return "";
}

// "A group of North Atlantic Council (NAC) Permanent Representatives
// (PermReps) met with … . Artur Kuko of Albania, Igor Pokaz of Croatia, …":
// people listed by their country after a plural title, without a title of
// their own, hold that title.
void RolesFromGroupTitle(const Document& doc, std::vector<Person>* people) {
  const auto& t = doc.tokens;
  for (Person& p : *people) {
    if (!p.role.empty() || !p.rank.empty() || p.name_tokens.size() < 2) continue;
    for (const NameMention& m : p.mentions) {
      const Sentence& s = doc.sentences[m.sentence];
      int e = OfCountryEnd(doc, m.last_token, s.last_token);
      if (e < 0 || e >= s.last_token || !(t[e].Is(",") || t[e].Is("and"))) continue;
      p.role = GroupTitleBefore(doc, m);
      break;
    }
  }
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
  PeopleContext c(doc, result.orgs);
  std::vector<RawMention> raws = FindRawMentions(c);
  std::vector<int> person_of = MergeMentions(doc, &raws, &result.people);
  AttachMentions(doc, raws, person_of, &result.people);
  AddSurnameMentions(c, &result.people);
  MarkActivity(doc, result.orgs, &result.people);
  WriteOutOrgAcronyms(c, &result.people);
  RolesFromGroupTitle(doc, &result.people);
  return result;
}

}  // namespace parley::extract_internal
