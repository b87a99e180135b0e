#include "services/page_token.h"

#include "absl/strings/escaping.h"
#include "common/string_view.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "parley/records.pb.h"

namespace parley::service {
namespace {

constexpr size_t kMaxTokenBytes = 4096;

uint64_t Fnv1a(std::string_view bytes) {
  uint64_t hash = 0xcbf29ce484222325ull;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ull;
  }
  return hash;
}

absl::Status InvalidToken(std::string_view why) {
  return absl::InvalidArgumentError(std::string("page_token ") + std::string(why));
}

}  // namespace

uint64_t QueryFingerprint(const google::protobuf::Message& request_without_paging) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    request_without_paging.SerializeToCodedStream(&coded);
  }
  return Fnv1a(request_without_paging.GetDescriptor()->full_name() + bytes);
}

std::string EncodePageToken(uint64_t query_fingerprint, std::string_view resume_key) {
  records::PageToken token;
  token.set_query_fingerprint(query_fingerprint);
  token.set_resume_key(std::string(resume_key));
  std::string encoded;
  absl::WebSafeBase64Escape(token.SerializeAsString(), &encoded);
  return encoded;
}

absl::StatusOr<std::string> DecodePageToken(std::string_view token,
                                            uint64_t query_fingerprint) {
  if (token.empty()) return std::string();
  if (token.size() > kMaxTokenBytes) return InvalidToken("is too long");
  std::string bytes;
  if (!absl::WebSafeBase64Unescape(ToAbsl(token), &bytes)) {
    return InvalidToken("is not a token issued by this service");
  }
  records::PageToken decoded;
  if (!decoded.ParseFromString(bytes) || decoded.resume_key().empty()) {
    return InvalidToken("is not a token issued by this service");
  }
  if (decoded.query_fingerprint() != query_fingerprint) {
    return InvalidToken("was issued for a different query; repeat the original filters");
  }
  return decoded.resume_key();
}

std::string EncodeWatchCursor(std::string_view store_id, uint64_t sequence) {
  records::WatchCursor cursor;
  cursor.set_store_id(std::string(store_id));
  cursor.set_sequence(sequence);
  std::string encoded;
  absl::WebSafeBase64Escape(cursor.SerializeAsString(), &encoded);
  return encoded;
}

absl::StatusOr<WatchPosition> DecodeWatchCursor(std::string_view cursor) {
  auto invalid = absl::InvalidArgumentError(
      "after: is not a cursor issued by this service (pass a WatchEventsResponse.cursor)");
  if (cursor.size() > kMaxTokenBytes) return invalid;
  std::string bytes;
  if (!absl::WebSafeBase64Unescape(ToAbsl(cursor), &bytes)) return invalid;
  records::WatchCursor decoded;
  if (!decoded.ParseFromString(bytes) || decoded.store_id().empty()) return invalid;
  return WatchPosition{decoded.store_id(), decoded.sequence()};
}

}  // namespace parley::service
