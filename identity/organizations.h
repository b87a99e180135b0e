// Organisations as entities: the names one organisation goes by, so that a
// query for "NATO" also finds events that wrote "North Atlantic Treaty
// Organization". Pure; the table is identity/data/organization_aliases.tsv.
#ifndef PARLEY_IDENTITY_ORGANIZATIONS_H_
#define PARLEY_IDENTITY_ORGANIZATIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"

namespace parley::identity {

class OrganizationAliases {
 public:
  // Every folded name of the organisation `name` names, `name` (folded)
  // first; just the folded name when the table does not list it.
  std::vector<std::string> NamesOf(std::string_view name) const;
  // The name queries report for `name` ("NATO" for "North Atlantic Treaty
  // Organization"); `name` itself when the table does not list it.
  std::string CanonicalName(std::string_view name) const;

 private:
  friend absl::StatusOr<OrganizationAliases> ParseOrganizationAliases(std::string_view tsv);
  std::vector<std::vector<std::string>> organizations_;  // names as written
  absl::flat_hash_map<std::string, size_t> by_folded_name_;
};

// INVALID_ARGUMENT naming the line for a row with an empty name or a name
// (after folding) already listed.
absl::StatusOr<OrganizationAliases> ParseOrganizationAliases(std::string_view tsv);

const OrganizationAliases& BuiltinOrganizationAliases();

}  // namespace parley::identity

#endif  // PARLEY_IDENTITY_ORGANIZATIONS_H_
