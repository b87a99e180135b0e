#include "storage/keys.h"

#include <algorithm>
#include <vector>

#include "gtest/gtest.h"

namespace parley::storage {
namespace {

TEST(DayNumberTest, CountsDaysAndRejectsBadDates) {
  EXPECT_EQ(DayNumber("1000-01-01"), 1u);
  EXPECT_EQ(DayNumber("1000-01-02"), 2u);
  EXPECT_EQ(DayNumber("2023-02-14") - DayNumber("2023-02-13"), 1u);
  EXPECT_EQ(DayNumber("2024-03-01") - DayNumber("2024-02-28"), 2u);  // leap day
  EXPECT_EQ(DayNumber(""), 0u);
  EXPECT_EQ(DayNumber("2023-02-30"), 0u);
  EXPECT_EQ(DayNumber("0999-12-31"), 0u);
  EXPECT_EQ(DayNumber("20230213"), 0u);
}

TEST(BigEndianTest, RoundTripsAndOrdersNumerically) {
  std::vector<uint64_t> values = {0, 1, 255, 256, 65535, 1ull << 32, ~0ull};
  std::vector<std::string> encoded;
  for (uint64_t v : values) {
    std::string bytes;
    AppendBigEndian64(v, bytes);
    EXPECT_EQ(ReadBigEndian64(bytes), v);
    encoded.push_back(bytes);
  }
  EXPECT_TRUE(std::is_sorted(encoded.begin(), encoded.end()));
  std::string four;
  AppendBigEndian32(0xDEADBEEF, four);
  EXPECT_EQ(ReadBigEndian32(four), 0xDEADBEEFu);
  EXPECT_FALSE(ReadBigEndian32("abc").has_value());
  EXPECT_FALSE(ReadBigEndian64("abc").has_value());
}

TEST(IndexKeyTest, OrdersByTermThenNewestFirstThenId) {
  std::vector<std::string> keys = {
      IndexKey("nato", "2021-05-01", "b"), IndexKey("nato", "2023-02-13", "a"),
      IndexKey("nat", "2020-01-01", "z"), IndexKey("nato", "2023-02-13", "b"),
      IndexKey("nato", "", "c"), IndexKey("nato", "2023-02-14", "a")};
  std::sort(keys.begin(), keys.end());
  std::vector<std::string> ids;
  for (const std::string& key : keys) {
    auto parts = ParseIndexKey(key, /*with_term=*/true);
    ASSERT_TRUE(parts.has_value());
    ids.push_back(parts->term + "/" + parts->event_id);
  }
  // "nat" sorts before "nato" because the separator is 0x00; undated last.
  EXPECT_EQ(ids, (std::vector<std::string>{"nat/z", "nato/a", "nato/a", "nato/b", "nato/b",
                                           "nato/c"}));
  auto newest = ParseIndexKey(keys[1], true);
  EXPECT_EQ(newest->day, DayNumber("2023-02-14"));
}

TEST(IndexKeyTest, PrefixSelectsExactlyOneTerm) {
  std::string key = IndexKey("kr", "2023-02-13", "e1");
  EXPECT_EQ(key.rfind(IndexPrefix("kr"), 0), 0u);
  EXPECT_NE(IndexKey("krx", "2023-02-13", "e1").rfind(IndexPrefix("kr"), 0), 0u);
}

TEST(ParseIndexKeyTest, RejectsMalformedKeys) {
  EXPECT_FALSE(ParseIndexKey("no-separator", true).has_value());
  EXPECT_FALSE(ParseIndexKey(std::string("t\0ab", 4), true).has_value());
  EXPECT_FALSE(ParseIndexKey("abc", false).has_value());
  auto parts = ParseIndexKey(EventOrderKey("2023-02-13", "id-1"), false);
  ASSERT_TRUE(parts.has_value());
  EXPECT_EQ(parts->event_id, "id-1");
  EXPECT_EQ(parts->term, "");
}

TEST(NameKeyTest, RoundTripsParticipantId) {
  EXPECT_EQ(ParticipantIdFromNameKey(NameKey("diella", "francesco-diella")),
            "francesco-diella");
  EXPECT_FALSE(ParticipantIdFromNameKey("nokey").has_value());
}

TEST(OffsetKeyTest, PartitionsOfATopicAreContiguousAndOrdered) {
  std::vector<std::string> keys = {OffsetKey("articles", 10), OffsetKey("articles", 2),
                                   OffsetKey("articles.dlq", 0), OffsetKey("articles", 0)};
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(keys[0], OffsetKey("articles", 0));
  EXPECT_EQ(keys[1], OffsetKey("articles", 2));
  EXPECT_EQ(keys[2], OffsetKey("articles", 10));
  for (const std::string& key : keys) EXPECT_EQ(key.rfind(OffsetPrefix(), 0), 0u);
}

TEST(QuoteKeyTest, ExtendsTheIndexKeyWithTheQuoteIndex) {
  std::string first = QuoteKey("francesco-diella", "2023-02-13", "e", 0);
  std::string second = QuoteKey("francesco-diella", "2023-02-13", "e", 1);
  EXPECT_LT(first, second);
  EXPECT_EQ(first.rfind(IndexPrefix("francesco-diella"), 0), 0u);
}

}  // namespace
}  // namespace parley::storage
