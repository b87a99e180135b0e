// gmock matchers for absl::Status / absl::StatusOr, which this Abseil lacks.
// Named after the ones later Abseil versions ship.
#ifndef PARLEY_COMMON_STATUS_MATCHERS_H_
#define PARLEY_COMMON_STATUS_MATCHERS_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "common/status_macros.h"
#include "gmock/gmock.h"

namespace parley::testing {

inline const absl::Status& GetStatus(const absl::Status& status) {
  return status;
}
template <typename T>
const absl::Status& GetStatus(const absl::StatusOr<T>& status_or) {
  return status_or.status();
}

MATCHER(IsOk, "is OK") {
  const absl::Status& status = GetStatus(arg);
  if (!status.ok()) *result_listener << "status is " << status.ToString();
  return status.ok();
}

MATCHER_P(StatusIs, code, "has status code " + ::testing::PrintToString(code)) {
  const absl::Status& status = GetStatus(arg);
  *result_listener << "status is " << status.ToString();
  return status.code() == code;
}

MATCHER_P2(StatusIs, code, message_matcher, "has status code and message") {
  const absl::Status& status = GetStatus(arg);
  *result_listener << "status is " << status.ToString();
  return status.code() == code &&
         ::testing::ExplainMatchResult(message_matcher,
                                       std::string(status.message()),
                                       result_listener);
}

}  // namespace parley::testing

#define PARLEY_ASSERT_OK_AND_ASSIGN(lhs, rexpr)                       \
  PARLEY_ASSERT_OK_AND_ASSIGN_IMPL_(                                  \
      PARLEY_STATUS_CONCAT_(parley_assert_statusor_, __LINE__), lhs, rexpr)
#define PARLEY_ASSERT_OK_AND_ASSIGN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                      \
  ASSERT_TRUE(statusor.ok()) << statusor.status();              \
  lhs = std::move(statusor).value()

#endif  // PARLEY_COMMON_STATUS_MATCHERS_H_
