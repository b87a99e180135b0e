// Debian's Abseil 20220623 is built with ABSL_OPTION_USE_STD_STRING_VIEW 0,
// so absl::string_view and std::string_view are distinct types. Parley's
// interfaces take std::string_view; code that calls Abseil string utilities
// converts at that boundary with these.
#ifndef PARLEY_COMMON_STRING_VIEW_H_
#define PARLEY_COMMON_STRING_VIEW_H_

#include <string_view>

#include "absl/strings/string_view.h"

namespace parley {

inline absl::string_view ToAbsl(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

inline std::string_view ToStd(absl::string_view s) {
  return std::string_view(s.data(), s.size());
}

}  // namespace parley

#endif  // PARLEY_COMMON_STRING_VIEW_H_
