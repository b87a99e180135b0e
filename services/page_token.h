// Opaque, query-bound page tokens and watch cursors. Pure.
#ifndef PARLEY_SERVICES_PAGE_TOKEN_H_
#define PARLEY_SERVICES_PAGE_TOKEN_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "google/protobuf/message.h"

namespace parley::service {

// A stable 64-bit fingerprint of a request's filters: the request with its
// paging fields cleared, serialised deterministically, hashed with FNV-1a.
uint64_t QueryFingerprint(const google::protobuf::Message& request_without_paging);

// Web-safe base64 of a PageToken proto.
std::string EncodePageToken(uint64_t query_fingerprint, std::string_view resume_key);

// The resume key of `token`, or INVALID_ARGUMENT ("page_token ...") when it
// is malformed or was issued for a different query. An empty token decodes
// to an empty resume key.
absl::StatusOr<std::string> DecodePageToken(std::string_view token,
                                            uint64_t query_fingerprint);

// Web-safe base64 of a WatchCursor proto: a position in one store's change
// log.
std::string EncodeWatchCursor(std::string_view store_id, uint64_t sequence);

struct WatchPosition {
  std::string store_id;
  uint64_t sequence = 0;
};
// INVALID_ARGUMENT ("after ...") when `cursor` is not one this service
// issued.
absl::StatusOr<WatchPosition> DecodeWatchCursor(std::string_view cursor);

}  // namespace parley::service

#endif  // PARLEY_SERVICES_PAGE_TOKEN_H_
