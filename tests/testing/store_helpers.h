// Store operations integration tests need outside parleyd: digests of a
// store directory, and making a store look as an older extractor left it.
#ifndef PARLEY_TESTS_TESTING_STORE_HELPERS_H_
#define PARLEY_TESTS_TESTING_STORE_HELPERS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "storage/store.h"

namespace parley::testing {

// DigestStore of the store at `data_dir` (which no process may hold).
absl::StatusOr<std::vector<storage::FamilyDigest>> DigestDir(const std::string& data_dir);

// Rewrites every event of the store at `data_dir` as an older extractor
// made it (one version lower, without topics, articles without fact
// spans), as a store is before an upgrade. Returns the store's newest change
// sequence afterwards.
absl::StatusOr<uint64_t> AgeTheExtraction(const std::string& data_dir);

}  // namespace parley::testing

#endif  // PARLEY_TESTS_TESTING_STORE_HELPERS_H_
