#include "extract/word_table.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace parley::extract_internal {
namespace {

TEST(WordTableTest, FindsEveryKeyOfEverySizeAndNothingElse) {
  // Keys of 1 to 20 bytes, some differing in one byte only: short keys are
  // matched on their hash alone, longer ones also on their bytes.
  std::vector<std::string> keys;
  for (int n = 1; n <= 20; ++n) {
    keys.push_back(std::string(n, 'a'));
    keys.push_back(std::string(n - 1, 'a') + "b");
    keys.push_back("b" + std::string(n - 1, 'a'));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());  // "b" twice at n = 1
  std::vector<std::pair<std::string_view, int>> entries;
  for (size_t i = 0; i < keys.size(); ++i) entries.emplace_back(keys[i], static_cast<int>(i));
  WordTable<int> table(entries);
  for (const auto& [key, value] : entries) {
    const int* found = table.Find(key);
    ASSERT_NE(found, nullptr) << key;
    EXPECT_EQ(*found, value) << key;
  }
  for (std::string_view miss : {"", "c", "ca", "aba", "aaaaaaaac", "caaaaaaaaaaaaaaaaa",
                                "aaaaaaaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaabaa"}) {
    EXPECT_EQ(table.Find(miss), nullptr) << miss;
  }
}

TEST(WordTableTest, EmptyTableFindsNothing) {
  WordTable<int> table;
  EXPECT_EQ(table.Find("word"), nullptr);
  WordTable<int> built(std::vector<std::pair<std::string_view, int>>{});
  EXPECT_EQ(built.Find("word"), nullptr);
}

TEST(WordTableTest, LeavesOutKeysLongerThanTheMaximum) {
  std::string longest(WordTable<int>::kMaxKeySize, 'a');
  std::string too_long(WordTable<int>::kMaxKeySize + 1, 'a');
  WordTable<int> table(std::vector<std::pair<std::string_view, int>>{{longest, 1}, {too_long, 2}});
  ASSERT_NE(table.Find(longest), nullptr);
  EXPECT_EQ(*table.Find(longest), 1);
  EXPECT_EQ(table.Find(too_long), nullptr);
}

TEST(WordFilterTest, MayContainEveryKeyAndRulesOutMostOthers) {
  std::vector<std::string> keys, others;
  for (int n = 0; n < 3000; ++n) {
    keys.push_back("key" + std::to_string(n));
    others.push_back("other" + std::to_string(n));
  }
  WordFilter filter(keys.size());
  for (const std::string& k : keys) filter.Add(TableWordHash(k));
  for (const std::string& k : keys) EXPECT_TRUE(filter.MayContain(TableWordHash(k))) << k;
  int passed = 0;
  for (const std::string& o : others) passed += filter.MayContain(TableWordHash(o)) ? 1 : 0;
  EXPECT_LT(passed, 150);  // about 1% expected; 5% is a broken filter
}

TEST(WordFilterTest, EmptyFilterRulesOutNothing) {
  EXPECT_TRUE(WordFilter().MayContain(TableWordHash("word")));
}

}  // namespace
}  // namespace parley::extract_internal
