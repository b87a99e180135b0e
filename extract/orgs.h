// Organisation names: capitalised runs that end in an organisation head
// ("NATO’s Cooperative Security Division"), ships ("USS Ronald Reagan"),
// well-known acronyms, numbered unit chains, and the acronym an article
// introduces in brackets after a name. Pure.
#ifndef PARLEY_EXTRACT_ORGS_H_
#define PARLEY_EXTRACT_ORGS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/tokens.h"

namespace parley::extract_internal {

struct OrgMention {
  std::string name;     // fullest form ("NATO Cooperative Security Division")
  std::string acronym;  // "(CS)" after it, if any
  int first_token = 0;  // [first_token, last_token)
  int last_token = 0;
  size_t begin = 0;
  size_t end = 0;
  int sentence = 0;
};

// Organisation names in the text, in text order, with linked acronyms.
std::vector<OrgMention> FindOrganizations(const Document& doc);

// "NATO’s Cooperative Security Division" -> "NATO Cooperative Security
// Division": organisation names drop possessives (corpus README).
std::string WithoutPossessives(std::string_view name);

}  // namespace parley::extract_internal

#endif  // PARLEY_EXTRACT_ORGS_H_
