// Direct quotations and their speakers: “…” and "…" spans, and block
// quotations after "X said:" without marks. A quotation resuming after its
// attribution, or running unclosed into the next paragraph, is one quote;
// fragments embedded in a sentence ("agreed that “…”") are not quotes. The
// speaker is attributed after ("…,” said X / X said / he said / the Director
// General highlighted / the Indian Navy said) or before ("X said: “…”",
// "saying “…”", "X stressed …: “…”"), else is the person who opens the
// paragraph speaking; it is a person of the article's people (by name, title
// or pronoun) or an organisation, never an anonymous source. Pure.
#ifndef PARLEY_EXTRACT_QUOTES_H_
#define PARLEY_EXTRACT_QUOTES_H_

#include <cstddef>
#include <string>
#include <vector>

#include "extract/people.h"
#include "extract/tokens.h"

namespace parley::extract_internal {

struct FoundQuote {
  std::string speaker;  // person's full name or organisation as written
  int person = -1;      // index into people, or -1 for an organisation
  std::string verb;     // the attribution verb ("said", "tweeted")
  std::string text;     // inner text
  size_t begin = 0, end = 0;                  // inner byte span
  size_t speaker_begin = 0, speaker_end = 0;  // byte span of the attribution
};

// `orgs` (in text order) resolve generic speakers ("the ministry said").
std::vector<FoundQuote> FindQuotes(const Document& doc, const std::vector<Person>& people,
                                   const std::vector<OrgMention>& orgs);

}  // namespace parley::extract_internal

#endif  // PARLEY_EXTRACT_QUOTES_H_
