// Links between person keys that name the same person in fewer words: a
// surname alone ("Biden"), initials ("S. Jaishankar"), or a shorter form of a
// longer name ("Mohammed bin Zayed" / "Mohammed bin Zayed Al Nahyan"). Pure.
//
// A link is decided from the known people alone, never from the order in
// which they became known, so the same store gives the same links however it
// was filled.
#ifndef PARLEY_IDENTITY_LINKS_H_
#define PARLEY_IDENTITY_LINKS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "identity/person_key.h"

namespace parley::identity {

// A participant the store knows: its id, its key, and the roles and
// organisations its articles give it (folded for comparison).
struct KnownPerson {
  std::string id;
  PersonKey key;
  // Distinct roles and organisations, each with the number of appearances
  // that give it.
  std::vector<std::pair<std::string, int>> roles;
  std::vector<std::pair<std::string, int>> organizations;

  // Counts `appearances` appearances with this role and organisation (empty
  // ones are skipped).
  void Describe(const std::string& role, const std::string& organization, int appearances = 1);
};

struct Link {
  std::string to;      // id of the fuller name
  std::string reason;  // evidence, for GetParticipant
};

// True when `fuller` names `person` with more words: its words include all of
// person's words and more, and each initial of person is the first letter of
// one of the extra words.
bool IsFullerName(const PersonKey& fuller, const PersonKey& person);

// Where `person` links, given the known people (any others are ignored):
// to the fullest of the fuller names when they all extend one another ("Zayed
// Mohammed" < "Nahyan Mohammed Zayed"); when they do not (Joe and Jill
// Biden), to the fullest of those that share a role or an organisation with
// `person`, if they extend one another, or else to the one of them that
// holds the shared role or organisation at least ten times as often as all
// the others together (a stray "President Jill Biden" does not make "President
// Biden" ambiguous). A surname alone or initials with a role or organisation
// link only to a name that shares one. None otherwise.
std::optional<Link> LinkOf(const KnownPerson& person, const std::vector<KnownPerson>& known);

// The people a store knows, indexed by id and by word, and the person each
// id stands for after following links (its root).
class PersonDirectory {
 public:
  explicit PersonDirectory(std::vector<KnownPerson> people);
  // The root of `id`: `id` itself when it links nowhere or is unknown. Links
  // are followed at most 8 times (a link always goes to more words, so
  // chains are short).
  std::string RootOf(const std::string& id) const;
  const KnownPerson* Find(const std::string& id) const;

 private:
  std::vector<KnownPerson> people_;
  absl::flat_hash_map<std::string, size_t> by_id_;
  absl::flat_hash_map<std::string, std::vector<size_t>> by_word_;
};

}  // namespace parley::identity

#endif  // PARLEY_IDENTITY_LINKS_H_
