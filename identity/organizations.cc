#include "identity/organizations.h"

#include <cstdio>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/string_view.h"
#include "common/text.h"
#include "identity/organization_aliases_data.h"

namespace parley::identity {

std::vector<std::string> OrganizationAliases::NamesOf(std::string_view name) const {
  std::string folded = FoldForMatch(name);
  std::vector<std::string> names = {folded};
  auto it = by_folded_name_.find(folded);
  if (it == by_folded_name_.end()) return names;
  for (const std::string& other : organizations_[it->second]) {
    std::string f = FoldForMatch(other);
    if (f != folded) names.push_back(std::move(f));
  }
  return names;
}

std::string OrganizationAliases::CanonicalName(std::string_view name) const {
  auto it = by_folded_name_.find(FoldForMatch(name));
  return it == by_folded_name_.end() ? std::string(name) : organizations_[it->second].front();
}

absl::StatusOr<OrganizationAliases> ParseOrganizationAliases(std::string_view tsv) {
  OrganizationAliases aliases;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(ToAbsl(tsv), '\n')) {
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> names;
    for (absl::string_view name : absl::StrSplit(line, '\t')) {
      std::string folded = FoldForMatch(ToStd(name));
      if (folded.empty()) {
        return absl::InvalidArgumentError(
            absl::StrCat("organization aliases line ", line_number, ": empty name"));
      }
      if (!aliases.by_folded_name_.emplace(folded, aliases.organizations_.size()).second) {
        return absl::InvalidArgumentError(absl::StrCat("organization aliases line ", line_number,
                                                       ": \"", name, "\" is listed twice"));
      }
      names.emplace_back(name);
    }
    aliases.organizations_.push_back(std::move(names));
  }
  return aliases;
}

const OrganizationAliases& BuiltinOrganizationAliases() {
  static const OrganizationAliases* const aliases = [] {
    absl::StatusOr<OrganizationAliases> parsed = ParseOrganizationAliases(kOrganizationAliasesTsv);
    if (!parsed.ok()) {
      std::fprintf(stderr, "built-in organization aliases: %s\n",
                   parsed.status().ToString().c_str());
      std::abort();
    }
    return new OrganizationAliases(*std::move(parsed));
  }();
  return *aliases;
}

}  // namespace parley::identity
