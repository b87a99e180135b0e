// What the title and person rules read besides the tokens: the article's
// organisations indexed by token, the acronyms it introduces, and which
// tokens can be part of a person's name. Pure.
#ifndef PARLEY_EXTRACT_PERSON_CONTEXT_H_
#define PARLEY_EXTRACT_PERSON_CONTEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "extract/orgs.h"
#include "extract/tokens.h"

namespace parley::extract_internal {

// A person's attributes as one mention's context gives them.
struct Attributes {
  std::string rank;     // expanded ("Lieutenant General")
  std::string role;     // as written ("Director of the Strategy and Plans Division")
  std::string org;      // whom they represent
  std::string country;  // ISO alpha-2 from "Ukrainian President", "of Turkey"
};

class PeopleContext {
 public:
  // `doc` and `orgs` must outlive the context.
  PeopleContext(const Document& doc, const std::vector<OrgMention>& orgs);
  // Hands the per-token arrays' storage back to this thread's next context.
  ~PeopleContext();
  PeopleContext(const PeopleContext&) = delete;
  PeopleContext& operator=(const PeopleContext&) = delete;

  const Document& doc() const { return doc_; }
  const std::vector<Token>& tokens() const { return doc_.tokens; }
  const std::vector<OrgMention>& orgs() const { return orgs_; }

  // Index into orgs() of the organisation covering token i, or -1.
  int OrgAt(int i) const { return org_at_[i]; }
  // The organisation an acronym introduced in brackets stands for, or null.
  const std::string* OrgForAcronym(std::string_view acronym) const;
  // True when token i can be part of a person's name: a capitalised word or
  // initial that is not a function word, rank, title, organisation or place
  // word, month, weekday, known acronym or place adjective ("London-based").
  bool IsNameToken(int i) const {
    // Inline: the person rules ask for nearly every token, and a name token
    // is capitalised (most tokens are not).
    if (!doc_.tokens[i].cap) return false;
    signed char& cached = name_cache_[i];
    if (cached < 0) cached = ComputeNameToken(i) ? 1 : 0;
    return cached == 1;
  }

 private:
  bool ComputeNameToken(int i) const;
  bool IsCapitalisedFamilyName(int i) const;
  bool IsMonthInName(int i) const;

  const Document& doc_;
  const std::vector<OrgMention>& orgs_;
  std::vector<int> org_at_;
  absl::flat_hash_set<std::string> acronyms_;
  absl::flat_hash_map<std::string, std::string> acronym_to_org_;
  mutable std::vector<signed char> name_cache_;  // -1 unknown, else 0/1
};

}  // namespace parley::extract_internal

#endif  // PARLEY_EXTRACT_PERSON_CONTEXT_H_
