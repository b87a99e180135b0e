// People and organisations: names after ranks and titles in all their
// written forms, appositions ("X, Director of Y"), pre-appositions ("its
// Director, Lieutenant General X"), family-name-first and particle names,
// within-article coreference ("General Diella", "Mr. Sullivan"), and the
// organisation names they are attached to. Pure.
#ifndef PARLEY_EXTRACT_PEOPLE_H_
#define PARLEY_EXTRACT_PEOPLE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "extract/orgs.h"
#include "extract/tokens.h"

namespace parley::extract_internal {

struct NameMention {
  int first_token = 0;  // name tokens [first_token, last_token)
  int last_token = 0;
  size_t begin = 0;
  size_t end = 0;
  int sentence = 0;
  bool possessive = false;  // "Sullivan’s"
  bool active = false;      // in a sentence that reports taking part
};

struct Person {
  std::string name;                      // fullest form as written
  std::vector<std::string> name_tokens;  // without periods/commas
  std::string rank;
  std::string role;
  std::string organization;
  std::string country;  // ISO alpha-2 from "Ukrainian President", "of Turkey"
  std::vector<NameMention> mentions;
  bool byline = false;  // author or spokesperson, never a participant
  // Written after a rank, title or honorific at least once ("Colonel
  // Martens"): a surname alone then names a person.
  bool titled = false;
  bool participant = false;  // set by DecideParticipants (participation.h)
};

struct PeopleResult {
  std::vector<OrgMention> orgs;
  std::vector<Person> people;
};

// People with their attributes and mentions, each mention marked active or
// not; who took part is decided from them in participation.h.
PeopleResult FindPeople(const Document& doc);

// Index of the person a single word or name refers to ("Diella" ->
// "Francesco Diella"), or -1 when none or ambiguous.
int ResolveName(const std::vector<Person>& people, std::string_view word);

}  // namespace parley::extract_internal

#endif  // PARLEY_EXTRACT_PEOPLE_H_
