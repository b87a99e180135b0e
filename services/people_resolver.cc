#include "services/people_resolver.h"

#include <algorithm>
#include <set>

#include "common/status_macros.h"
#include "common/text.h"
#include "storage/keys.h"

namespace parley::service {

using storage::Family;

absl::StatusOr<std::optional<identity::KnownPerson>> PeopleResolver::Known(const std::string& id) {
  auto cached = known_.find(id);
  if (cached != known_.end()) return cached->second;
  absl::StatusOr<records::ParticipantRecord> record = store_.GetParticipantRecord(id);
  std::optional<identity::KnownPerson> person;
  if (record.ok()) {
    person.emplace();
    person->id = id;
    person->key = identity::PersonKeyOf(id);
    for (const v1::ParticipantHistoryEntry& entry : record->history()) {
      std::string role = FoldForMatch(entry.role());
      std::string organization = FoldForMatch(entry.organization());
      person->Describe(role, organization, entry.event_count());
    }
  } else if (!absl::IsNotFound(record.status())) {
    return record.status();
  }
  known_.emplace(id, person);
  return person;
}

absl::StatusOr<std::vector<identity::KnownPerson>> PeopleResolver::WithWord(
    const std::string& word) {
  auto cached = ids_with_word_.find(word);
  if (cached == ids_with_word_.end()) {
    std::vector<std::string> ids;
    PARLEY_RETURN_IF_ERROR(store_.Scan(
        Family::kNameIndex, storage::IndexPrefix(word), "",
        [&](std::string_view key, std::string_view) {
          std::optional<std::string> id = storage::ParticipantIdFromNameKey(key);
          if (id) ids.push_back(*std::move(id));
          return true;
        }));
    cached = ids_with_word_.emplace(word, std::move(ids)).first;
  }
  std::vector<identity::KnownPerson> people;
  for (const std::string& id : cached->second) {
    PARLEY_ASSIGN_OR_RETURN(std::optional<identity::KnownPerson> person, Known(id));
    if (person && std::binary_search(person->key.words.begin(), person->key.words.end(), word)) {
      people.push_back(*std::move(person));
    }
  }
  return people;
}

absl::StatusOr<std::optional<identity::Link>> PeopleResolver::LinkOf(const std::string& id) {
  auto cached = links_.find(id);
  if (cached != links_.end()) return cached->second;
  PARLEY_ASSIGN_OR_RETURN(std::optional<identity::KnownPerson> person, Known(id));
  std::optional<identity::Link> link;
  if (person && !person->key.words.empty()) {
    // A fuller name holds every word of the person's key, so the holders of
    // one word are enough.
    PARLEY_ASSIGN_OR_RETURN(std::vector<identity::KnownPerson> candidates,
                            WithWord(person->key.words.front()));
    link = identity::LinkOf(*person, candidates);
  }
  links_.emplace(id, link);
  return link;
}

absl::StatusOr<std::string> PeopleResolver::RootOf(const std::string& id) {
  auto cached = roots_.find(id);
  if (cached != roots_.end()) return cached->second;
  std::optional<std::string> shared = cache_ ? cache_->RootOf(sequence_, id) : std::nullopt;
  if (!shared) {
    PARLEY_ASSIGN_OR_RETURN(shared, FindRoot(id));
    if (cache_) cache_->PutRoot(sequence_, id, *shared);
  }
  roots_.emplace(id, *shared);
  return *shared;
}

absl::StatusOr<std::vector<Member>> PeopleResolver::MembersOf(const std::string& root) {
  if (cache_) {
    if (std::optional<std::vector<Member>> members = cache_->MembersOf(sequence_, root)) {
      return *std::move(members);
    }
  }
  PARLEY_ASSIGN_OR_RETURN(std::vector<Member> members, FindMembers(root));
  if (cache_) cache_->PutMembers(sequence_, root, members);
  return members;
}

absl::StatusOr<std::string> PeopleResolver::FindRoot(const std::string& id) {
  std::string current = id;
  for (int step = 0; step < 8; ++step) {  // links go to more words: chains are short
    PARLEY_ASSIGN_OR_RETURN(std::optional<identity::Link> link, LinkOf(current));
    if (!link) break;
    current = link->to;
  }
  return current;
}

absl::StatusOr<std::vector<Member>> PeopleResolver::FindMembers(const std::string& root) {
  std::vector<Member> members = {{root, ""}};
  identity::PersonKey root_key = identity::PersonKeyOf(root);
  std::set<std::string> seen = {root};
  for (const std::string& word : root_key.words) {
    PARLEY_ASSIGN_OR_RETURN(std::vector<identity::KnownPerson> people, WithWord(word));
    for (const identity::KnownPerson& person : people) {
      if (!seen.insert(person.id).second) continue;
      if (!identity::IsFullerName(root_key, person.key)) continue;
      PARLEY_ASSIGN_OR_RETURN(std::string person_root, RootOf(person.id));
      if (person_root != root) continue;
      PARLEY_ASSIGN_OR_RETURN(std::optional<identity::Link> link, LinkOf(person.id));
      members.push_back({person.id, link ? link->reason : ""});
    }
  }
  std::sort(members.begin() + 1, members.end(),
            [](const Member& a, const Member& b) { return a.id < b.id; });
  return members;
}

}  // namespace parley::service
