#include "common/text.h"

#include "gtest/gtest.h"

namespace parley {
namespace {

TEST(FoldForMatchTest, FoldsCaseAccentsQuotesAndWhitespace) {
  EXPECT_EQ(FoldForMatch("  Bogotá   D.C.\n"), "bogota d.c.");
  EXPECT_EQ(FoldForMatch("NATO\u2019s  Director"), "nato's director");
  EXPECT_EQ(FoldForMatch("\u201CNATO and Korea\u201D"), "\"nato and korea\"");
  EXPECT_EQ(FoldForMatch("Recep Tayyip Erdoğan"), "recep tayyip erdogan");
  EXPECT_EQ(FoldForMatch("STRASSE"), FoldForMatch("strasse"));
  EXPECT_EQ(FoldForMatch(""), "");
}

TEST(FoldForMatchTest, CompatibilityFormsFoldToTheirBase) {
  EXPECT_EQ(FoldForMatch("\uFB01nal"), "final");  // "ﬁ" ligature
  EXPECT_EQ(FoldForMatch("Jeong\u2013hwan"), "jeong-hwan");
}

TEST(SlugifyTest, KeepsOnlyLowercaseAlphanumericsJoinedByDashes) {
  EXPECT_EQ(Slugify("Su-Kwang Kim"), "su-kwang-kim");
  EXPECT_EQ(Slugify("  Joseph R. Biden, Jr. "), "joseph-r-biden-jr");
  EXPECT_EQ(Slugify("Ursula von der Leyen"), "ursula-von-der-leyen");
  EXPECT_EQ(Slugify("!!!"), "");
}

TEST(CodePointOffsetTest, CountsCodePointsNotBytes) {
  std::string text = "NATO\u2019s CS";  // U+2019 is three bytes
  EXPECT_EQ(CodePointOffset(text, 4), 4);
  EXPECT_EQ(CodePointOffset(text, 7), 5);
  EXPECT_EQ(CodePointOffset(text, text.size()), 9);
  EXPECT_EQ(CodePointOffset(text, 1000), 9);
}

TEST(IsValidUtf8Test, RejectsMalformedSequences) {
  EXPECT_TRUE(IsValidUtf8("Gyeryongdae \u2013 Seoul"));
  EXPECT_FALSE(IsValidUtf8("\xC3\x28"));
  EXPECT_FALSE(IsValidUtf8("abc\xFF"));
  EXPECT_FALSE(IsValidUtf8("\xE2\x80"));
}

}  // namespace
}  // namespace parley
