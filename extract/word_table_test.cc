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

}  // namespace
}  // namespace parley::extract_internal
