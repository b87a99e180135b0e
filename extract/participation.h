// Who took part in the event: the participants among the people found, and
// the organisations that take part as such. Decided here and nowhere else.
// Pure.
#ifndef PARLEY_EXTRACT_PARTICIPATION_H_
#define PARLEY_EXTRACT_PARTICIPATION_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "extract/people.h"
#include "extract/quotes.h"
#include "extract/tokens.h"

namespace parley::extract_internal {

// Sets Person::participant: a person with a full name, or a surname after a
// rank or title, who is active in a sentence at the event's time (not one of
// `other_time`), or who is quoted there (not only in a tweet or a post), and
// who is not a reporter.
void DecideParticipants(const Document& doc, const absl::flat_hash_set<int>& other_time,
                        const std::vector<FoundQuote>& quotes, std::vector<Person>* people);

struct TakingPartOrg {
  std::string name;
  std::string acronym;
  const OrgMention* mention = nullptr;  // null when known only as an affiliation
};

// Organisations taking part: those named in the lead sentence, met in the
// lead paragraphs or said to participate that are units, ships or fuller
// bodies; and the affiliations of senior participants (general and flag
// officers, and civilians). Fuller forms win over their parts. Call after
// DecideParticipants.
std::vector<TakingPartOrg> ChooseTakingPartOrgs(const Document& doc, const PeopleResult& people,
                                                const absl::flat_hash_set<int>& other_time);

}  // namespace parley::extract_internal

#endif  // PARLEY_EXTRACT_PARTICIPATION_H_
