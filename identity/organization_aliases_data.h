// The text of identity/data/organization_aliases.tsv, compiled in by
// identity/CMakeLists.txt.
#ifndef PARLEY_IDENTITY_ORGANIZATION_ALIASES_DATA_H_
#define PARLEY_IDENTITY_ORGANIZATION_ALIASES_DATA_H_

#include <string_view>

namespace parley::identity {
extern const std::string_view kOrganizationAliasesTsv;
}  // namespace parley::identity

#endif  // PARLEY_IDENTITY_ORGANIZATION_ALIASES_DATA_H_
