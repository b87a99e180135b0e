// Status propagation macros. This Abseil (20220623) has neither
// ABSL_RETURN_IF_ERROR nor ABSL_ASSIGN_OR_RETURN; these carry the names a
// later Abseil uses so an upgrade is a rename.
#ifndef PARLEY_COMMON_STATUS_MACROS_H_
#define PARLEY_COMMON_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define PARLEY_RETURN_IF_ERROR(expr)                \
  do {                                              \
    if (absl::Status parley_status_ = (expr);       \
        !parley_status_.ok()) {                     \
      return parley_status_;                        \
    }                                               \
  } while (0)

#define PARLEY_STATUS_CONCAT_INNER_(a, b) a##b
#define PARLEY_STATUS_CONCAT_(a, b) PARLEY_STATUS_CONCAT_INNER_(a, b)

#define PARLEY_ASSIGN_OR_RETURN(lhs, rexpr)                                   \
  PARLEY_ASSIGN_OR_RETURN_IMPL_(                                              \
      PARLEY_STATUS_CONCAT_(parley_statusor_, __LINE__), lhs, rexpr)

#define PARLEY_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                  \
  if (!statusor.ok()) return std::move(statusor).status();  \
  lhs = std::move(statusor).value()

#endif  // PARLEY_COMMON_STATUS_MACROS_H_
