// The text of identity/data/name_variants.tsv, compiled in by
// identity/CMakeLists.txt.
#ifndef PARLEY_IDENTITY_NAME_VARIANTS_DATA_H_
#define PARLEY_IDENTITY_NAME_VARIANTS_DATA_H_

#include <string_view>

namespace parley::identity {
extern const std::string_view kNameVariantsTsv;
}  // namespace parley::identity

#endif  // PARLEY_IDENTITY_NAME_VARIANTS_DATA_H_
