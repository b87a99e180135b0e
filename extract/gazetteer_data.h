// Build-time generated data (see extract/CMakeLists.txt): ISO 3166-1 records
// from Debian's iso-codes and the curated extract/data/places.tsv.
#ifndef PARLEY_EXTRACT_GAZETTEER_DATA_H_
#define PARLEY_EXTRACT_GAZETTEER_DATA_H_

#include <cstddef>
#include <string_view>

namespace parley::extract_internal {

struct CountryRecord {
  const char* alpha2;
  const char* name;
  const char* official_name;  // "" when none
  const char* common_name;    // "" when none
};

extern const CountryRecord kCountryRecords[];
extern const size_t kCountryRecordCount;
extern const std::string_view kPlacesTsv;

}  // namespace parley::extract_internal

#endif  // PARLEY_EXTRACT_GAZETTEER_DATA_H_
