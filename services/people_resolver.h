// Which participant ids name one person, decided at query time from what the
// store knows (identity/links.h), so that the answer never depends on the
// order in which articles arrived. One resolver serves one request: it
// remembers what it read, and shares its answers with later requests through
// a DerivedCache while the store is unchanged.
#ifndef PARLEY_SERVICES_PEOPLE_RESOLVER_H_
#define PARLEY_SERVICES_PEOPLE_RESOLVER_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "identity/links.h"
#include "services/derived_cache.h"
#include "storage/store.h"

namespace parley::service {

class PeopleResolver {
 public:
  // Without a cache, or with one that outlives the resolver.
  explicit PeopleResolver(storage::Store& store, DerivedCache* cache = nullptr)
      : store_(store), cache_(cache), sequence_(store.LastChangeSequence()) {}

  // The store's change sequence when the request began: what this request
  // derives is valid for it (services/derived_cache.h).
  uint64_t sequence() const { return sequence_; }

  // The id that stands for the person `id` names: `id` itself when it links
  // nowhere or is unknown.
  absl::StatusOr<std::string> RootOf(const std::string& id);
  // The ids whose root is `root`, `root` first.
  absl::StatusOr<std::vector<Member>> MembersOf(const std::string& root);

 private:
  // The known person of an id, or nullopt when the store has no record.
  absl::StatusOr<std::optional<identity::KnownPerson>> Known(const std::string& id);
  // Every known person with `word` in its key.
  absl::StatusOr<std::vector<identity::KnownPerson>> WithWord(const std::string& word);
  absl::StatusOr<std::optional<identity::Link>> LinkOf(const std::string& id);
  absl::StatusOr<std::string> FindRoot(const std::string& id);
  absl::StatusOr<std::vector<Member>> FindMembers(const std::string& root);

  storage::Store& store_;
  DerivedCache* cache_;
  const uint64_t sequence_;
  std::map<std::string, std::optional<identity::KnownPerson>> known_;
  std::map<std::string, std::vector<std::string>> ids_with_word_;
  std::map<std::string, std::optional<identity::Link>> links_;
  std::map<std::string, std::string> roots_;
};

}  // namespace parley::service

#endif  // PARLEY_SERVICES_PEOPLE_RESOLVER_H_
