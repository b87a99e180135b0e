#include "identity/links.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace parley::identity {
namespace {

bool Contains(const std::vector<std::string>& sorted, const std::string& word) {
  return std::binary_search(sorted.begin(), sorted.end(), word);
}

// Every pair extends one another: the candidates are one chain of ever fuller
// names, and the last (fullest) stands for all.
const KnownPerson* TopOfChain(std::vector<const KnownPerson*> candidates) {
  if (candidates.empty()) return nullptr;
  std::sort(candidates.begin(), candidates.end(), [](const KnownPerson* a, const KnownPerson* b) {
    if (a->key.words.size() != b->key.words.size()) {
      return a->key.words.size() < b->key.words.size();
    }
    return a->id < b->id;
  });
  for (size_t i = 1; i < candidates.size(); ++i) {
    if (!IsFullerName(candidates[i]->key, candidates[i - 1]->key)) return nullptr;
  }
  return candidates.back();
}

// Counts are kept sorted by value (see Count), so a lookup is a binary search:
// a person seen in thousands of events has hundreds of distinct roles.
auto LowerBound(const std::vector<std::pair<std::string, int>>& counts, const std::string& value) {
  return std::lower_bound(counts.begin(), counts.end(), value,
                          [](const auto& entry, const std::string& v) { return entry.first < v; });
}

int CountOf(const std::vector<std::pair<std::string, int>>& counts, const std::string& value) {
  auto it = LowerBound(counts, value);
  return it != counts.end() && it->first == value ? it->second : 0;
}

// A role or organisation both people have, or "".
std::string SharedAttribute(const KnownPerson& a, const KnownPerson& b) {
  for (const auto& [role, n] : a.roles) {
    if (CountOf(b.roles, role) > 0) return role;
  }
  for (const auto& [org, n] : a.organizations) {
    if (CountOf(b.organizations, org) > 0) return org;
  }
  return "";
}

// How often `other` holds `attribute`, as a role or an organisation.
int Holds(const KnownPerson& other, const std::string& attribute) {
  return CountOf(other.roles, attribute) + CountOf(other.organizations, attribute);
}

// The candidate that holds `attribute` at least ten times as often as all the
// others together, or null.
const KnownPerson* Dominant(const std::vector<const KnownPerson*>& candidates,
                            const std::string& attribute) {
  const KnownPerson* best = nullptr;
  int best_count = 0;
  int total = 0;
  for (const KnownPerson* c : candidates) {
    int n = Holds(*c, attribute);
    total += n;
    if (n > best_count || (n == best_count && best != nullptr && c->id < best->id)) {
      best = c;
      best_count = n;
    }
  }
  return best != nullptr && best_count >= 10 * (total - best_count) ? best : nullptr;
}

void Count(std::vector<std::pair<std::string, int>>& counts, const std::string& value,
           int times) {
  if (value.empty() || times <= 0) return;
  auto it = counts.begin() + (LowerBound(counts, value) - counts.cbegin());
  if (it != counts.end() && it->first == value) {
    it->second += times;
    return;
  }
  counts.emplace(it, value, times);
}

}  // namespace

bool IsFullerName(const PersonKey& fuller, const PersonKey& person) {
  if (fuller.words.size() <= person.words.size() || person.words.empty()) return false;
  for (const std::string& word : person.words) {
    if (!Contains(fuller.words, word)) return false;
  }
  std::vector<std::string> extra;
  for (const std::string& word : fuller.words) {
    if (!Contains(person.words, word)) extra.push_back(word);
  }
  for (char initial : person.initials) {
    auto it = std::find_if(extra.begin(), extra.end(),
                           [&](const std::string& w) { return w.front() == initial; });
    if (it == extra.end()) return false;
    extra.erase(it);
  }
  return true;
}

std::optional<Link> LinkOf(const KnownPerson& person, const std::vector<KnownPerson>& known) {
  std::vector<const KnownPerson*> fuller;
  std::vector<const KnownPerson*> agreeing;
  std::string shared;
  for (const KnownPerson& other : known) {
    if (other.id == person.id || !IsFullerName(other.key, person.key)) continue;
    fuller.push_back(&other);
    std::string attribute = SharedAttribute(person, other);
    if (!attribute.empty()) {
      agreeing.push_back(&other);
      if (shared.empty()) shared = attribute;
    }
  }
  bool weak = person.key.words.size() == 1;
  bool described = !person.roles.empty() || !person.organizations.empty();
  if (!(weak && described)) {
    if (const KnownPerson* top = TopOfChain(fuller)) {
      return Link{top->id, absl::StrCat("the only fuller name known: ", top->id)};
    }
  }
  if (const KnownPerson* top = TopOfChain(agreeing)) {
    return Link{top->id,
                absl::StrCat("the only fuller name known that is also \"", shared, "\": ", top->id)};
  }
  if (const KnownPerson* dominant = Dominant(agreeing, shared)) {
    return Link{dominant->id, absl::StrCat("the fuller name known that is \"", shared,
                                           "\" ten times as often as any other: ", dominant->id)};
  }
  return std::nullopt;
}

void KnownPerson::Describe(const std::string& role, const std::string& organization,
                           int appearances) {
  Count(roles, role, appearances);
  Count(organizations, organization, appearances);
}

PersonDirectory::PersonDirectory(std::vector<KnownPerson> people) : people_(std::move(people)) {
  for (size_t i = 0; i < people_.size(); ++i) {
    by_id_.emplace(people_[i].id, i);
    for (const std::string& word : people_[i].key.words) by_word_[word].push_back(i);
  }
}

const KnownPerson* PersonDirectory::Find(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &people_[it->second];
}

std::string PersonDirectory::RootOf(const std::string& id) const {
  std::string current = id;
  for (int step = 0; step < 8; ++step) {
    const KnownPerson* person = Find(current);
    if (person == nullptr || person->key.words.empty()) break;
    // Every fuller name holds the person's first word.
    auto holders = by_word_.find(person->key.words.front());
    if (holders == by_word_.end()) break;
    std::vector<KnownPerson> candidates;
    for (size_t i : holders->second) candidates.push_back(people_[i]);
    std::optional<Link> link = LinkOf(*person, candidates);
    if (!link) break;
    current = link->to;
  }
  return current;
}

}  // namespace parley::identity
