#include "services/page_token.h"

#include "common/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "parley/v1/parley_service.pb.h"

namespace parley::service {
namespace {

using ::parley::testing::StatusIs;
using ::testing::HasSubstr;

uint64_t FingerprintOf(const std::string& participant) {
  v1::ListEventsRequest request;
  request.set_participant(participant);
  return QueryFingerprint(request);
}

TEST(PageTokenTest, RoundTripsForTheSameQuery) {
  std::string key("term\0\xff\xfe\x01id", 11);
  std::string token = EncodePageToken(FingerprintOf("Diella"), key);
  PARLEY_ASSERT_OK_AND_ASSIGN(std::string decoded, DecodePageToken(token, FingerprintOf("Diella")));
  EXPECT_EQ(decoded, key);
}

TEST(PageTokenTest, EmptyTokenMeansFirstPage) {
  PARLEY_ASSERT_OK_AND_ASSIGN(std::string decoded, DecodePageToken("", 42));
  EXPECT_EQ(decoded, "");
}

TEST(PageTokenTest, TokenOfAnotherQueryIsRejected) {
  std::string token = EncodePageToken(FingerprintOf("Diella"), "k");
  EXPECT_THAT(DecodePageToken(token, FingerprintOf("Kim")),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("different query")));
}

TEST(PageTokenTest, ForgedOrGarbledTokensAreRejectedNamingTheField) {
  for (const std::string& forged : std::vector<std::string>{"not base64!", "AAAA", "ZZZZZZZZ", std::string(5000, 'A')}) {
    EXPECT_THAT(DecodePageToken(forged, 1),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_token")))
        << forged.substr(0, 20);
  }
}

TEST(QueryFingerprintTest, DependsOnFiltersAndRequestType) {
  EXPECT_EQ(FingerprintOf("a"), FingerprintOf("a"));
  EXPECT_NE(FingerprintOf("a"), FingerprintOf("b"));
  v1::ListQuotesRequest quotes;
  v1::ListEventsRequest events;
  EXPECT_NE(QueryFingerprint(quotes), QueryFingerprint(events));
}

}  // namespace
}  // namespace parley::service
