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

// A text longer than the index stride, with multi-byte characters at every
// alignment: "Bogotá" (2 bytes), an en dash (3), a tank emoji... (4).
std::string MixedText() {
  std::string text;
  for (int i = 0; i < 120; ++i) {
    text += "Bogot\u00e1 \u2013 ";
    text.append(static_cast<size_t>(i % 9), 'x');
    if (i % 7 == 0) text += "\U0001F6E1";
  }
  return text;
}

TEST(CodePointOffsetTest, MatchesCountingOneByteAtATime) {
  std::string text = MixedText();
  int32_t expected = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    ASSERT_EQ(CodePointOffset(text, i), expected) << "at byte " << i;
    if (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++expected;
  }
}

TEST(CodePointIndexTest, AgreesWithCodePointOffsetEverywhere) {
  std::string text = MixedText();
  ASSERT_GT(text.size(), 1000u);
  CodePointIndex index(text);
  for (size_t i = 0; i <= text.size() + 3; ++i) {
    ASSERT_EQ(index(i), CodePointOffset(text, i)) << "at byte " << i;
  }
  EXPECT_EQ(CodePointIndex("")(0), 0);
}

TEST(IsValidUtf8Test, RejectsMalformedSequences) {
  EXPECT_TRUE(IsValidUtf8("Gyeryongdae \u2013 Seoul"));
  EXPECT_TRUE(IsValidUtf8(MixedText()));
  EXPECT_FALSE(IsValidUtf8("\xC3\x28"));
  EXPECT_FALSE(IsValidUtf8("abc\xFF"));
  EXPECT_FALSE(IsValidUtf8("\xE2\x80"));
  // Malformed bytes after, inside and at the end of long ASCII runs.
  EXPECT_FALSE(IsValidUtf8("The Joint Chiefs of Staff met\xFF in Seoul"));
  EXPECT_FALSE(IsValidUtf8("Eight by\xC3tes and more ASCII text"));
  EXPECT_FALSE(IsValidUtf8("sixteen ascii by\xE2\x80"));
}

}  // namespace
}  // namespace parley
