#include "extract/topics.h"

#include <utility>

#include "extract/lexicon.h"

namespace parley::extract_internal {
namespace {

// "have counterclaims", "is …": a finite verb that starts a clause.
bool StartsClause(const Token& t) {
  const LexiconEntry* verb = BuiltinLexicon().Find(WordClass::kFiniteVerb, t.text);
  return verb != nullptr && verb->Has("clause_start");
}

}  // namespace

std::vector<FoundTopic> FindTopics(const Document& doc) {
  std::vector<FoundTopic> out;
  const auto& t = doc.tokens;
  for (const Sentence& s : doc.sentences) {
    if (s.kind != ParagraphKind::kBody || s.credit) continue;
    for (int i = s.first_token; i < s.last_token; ++i) {
      // "including A, B, and C"; or "discussed A, B, and C" when it is a
      // list of three or more.
      bool including = t[i].Is("including");
      bool discussed = t[i].Has(kFlagTopicVerb) ||
                       (t[i].Is("about") && i > s.first_token && t[i - 1].Is("talked"));
      if ((!including && !discussed) || t[i].in_quote) continue;
      // Items: split at "," and ", and" until the sentence ends.
      std::vector<std::pair<int, int>> items;
      int start = i + 1;
      int k = start;
      for (; k < s.last_token; ++k) {
        const Token& x = t[k];
        if (x.in_quote || x.Is(".") || x.Is(";") || x.Is(":") || x.Is("(") || x.Is(")")) break;
        if (discussed && x.Is("including")) break;  // that list is read on its own
        if (x.Is(",")) {
          items.push_back({start, k});
          start = k + 1;
          if (start < s.last_token && (t[start].Is("and") || t[start].Is("or"))) ++start;
        }
      }
      items.push_back({start, k});
      if (discussed) {
        if (items.size() < 3) continue;
        i = k - 1;
      } else if (items.size() < 2) {
        // "including A and B": a two-item list.
        auto [a, b] = items[0];
        int and_at = -1;
        for (int q = a; q < b; ++q) {
          if (t[q].Is("and")) and_at = and_at < 0 ? q : -2;
        }
        if (and_at > a && and_at + 1 < b && b - a <= 8) {
          items = {{a, and_at}, {and_at + 1, b}};
        }
      }
      for (auto [a, b] : items) {
        while (a < b && InClass(WordClass::kTopicLeadingWord, t[a].text)) ++a;
        // Cut at a finite verb: "Italy and Spain are participating …".
        for (int q = a + 1; q < b; ++q) {
          if (InClass(WordClass::kFiniteVerb, t[q].text)) {
            b = q;
            break;
          }
        }
        if (a >= b || b - a > 12) continue;
        // Places and participants are not subjects of discussion ("including
        // Germany, Greece"), nor is a clause ("have counterclaims").
        if ((including && t[a].Has(kFlagCountryish | kFlagPlace | kFlagPlaceStart)) || StartsClause(t[a])) {
          continue;
        }
        FoundTopic topic;
        topic.begin = t[a].begin;
        topic.end = t[b - 1].end;
        topic.name = std::string(doc.Slice(topic.begin, topic.end));
        out.push_back(std::move(topic));
      }
      if (including) i = k;
    }
  }
  return out;
}

}  // namespace parley::extract_internal
