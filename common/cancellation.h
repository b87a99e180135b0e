// Cancellation of the request a thread is serving, for long loops deep in a
// call (store scans) that must stop when the caller has gone or its deadline
// has passed, without threading a context through every layer. The gRPC
// adapter installs a check for the duration of each call; code with no
// request (ingest, tools) has none, and CheckCancellation() is then OK.
#ifndef PARLEY_COMMON_CANCELLATION_H_
#define PARLEY_COMMON_CANCELLATION_H_

#include <functional>

#include "absl/status/status.h"

namespace parley {

// Installs `check` (returning CANCELLED or DEADLINE_EXCEEDED once the request
// is over) for this thread until destroyed; restores the previous one.
class ScopedCancellation {
 public:
  explicit ScopedCancellation(std::function<absl::Status()> check);
  ~ScopedCancellation();
  ScopedCancellation(const ScopedCancellation&) = delete;
  ScopedCancellation& operator=(const ScopedCancellation&) = delete;

 private:
  std::function<absl::Status()> check_;
  const std::function<absl::Status()>* previous_;
};

// OK unless the request this thread serves is cancelled or past its deadline.
absl::Status CheckCancellation();

}  // namespace parley

#endif  // PARLEY_COMMON_CANCELLATION_H_
