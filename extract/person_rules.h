// Finding people: a capitalised run that may be a name becomes a candidate,
// and named rules read its context. Each rule may anchor the candidate (the
// run is a person's name) and fill attributes; a run no rule anchors is not
// a person. The rules run in the order of PersonRules(), each reading what
// the earlier ones consumed to the left of the name (honorific, then rank,
// then title region). Pure.
#ifndef PARLEY_EXTRACT_PERSON_RULES_H_
#define PARLEY_EXTRACT_PERSON_RULES_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "extract/person_context.h"

namespace parley::extract_internal {

struct Candidate {
  int sentence = 0;
  int sentence_begin = 0;  // tokens of the sentence: [sentence_begin, sentence_end)
  int sentence_end = 0;
  int first = 0;     // the capitalised run: [first, last)
  int last = 0;
  int name_end = 0;  // end of the name: the run plus ", Jr."
  int context_end = 0;  // past post-nominal letters ("KBE, CB"): where the context goes on
  // Tokens before left_end are still unread by the left-context rules; each
  // moves it left past what it consumed.
  int left_end = 0;
  // First token of the title region before the name (left_end when none).
  int title_begin = 0;
  Attributes attr;
  uint32_t anchors = 0;  // bit k set: PersonRules()[k] anchored the name
  bool possessive = false;  // "Sullivan’s"
  // attr.org is the service written before the rank ("Royal Navy Vice
  // Admiral X"): the organisation of a post in the apposition wins over it.
  bool service_org = false;
  // attr.role is a one-word title before the name ("Ambassador", "Senator"):
  // a longer post in an apposition wins over it.
  bool courtesy_title = false;
};

struct PersonRule {
  std::string_view name;  // "rank", "apposition-after", … (tests name rules by it)
  void (*apply)(const PeopleContext& c, Candidate* candidate);
};

// The rules, in the order they run.
std::span<const PersonRule> PersonRules();

// Names of the rules that anchored `candidate`, in rule order.
std::vector<std::string_view> AnchorNames(const Candidate& candidate);

// The anchored candidates of sentence `si`, in text order.
std::vector<Candidate> FindPersonCandidates(const PeopleContext& c, int si);

// End of "of Albania" / "from the United Kingdom" starting at token k (before
// b), or -1: how lists of people name each one's country.
int OfCountryEnd(const Document& doc, int k, int b);

// True when the candidate was anchored by a rank, or by a title written
// right before the name (not only by an apposition): such a name is trusted
// even in a headline.
bool IsTitled(const Candidate& candidate);

// True when a rank, title or honorific stands right before the name
// ("Colonel Martens", "Defence Minister Hamada", "Mr Stoltenberg").
bool IsAddressed(const Candidate& candidate);

}  // namespace parley::extract_internal

#endif  // PARLEY_EXTRACT_PERSON_RULES_H_
