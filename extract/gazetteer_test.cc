#include "extract/gazetteer.h"

#include "gtest/gtest.h"

namespace parley::extract_internal {
namespace {

TEST(GazetteerTest, CountriesFromIsoCodes) {
  EXPECT_EQ(LookupPlace("Argentina").code, "AR");
  EXPECT_EQ(LookupPlace("Argentina").kind, PlaceKind::kCountry);
  EXPECT_EQ(LookupPlace("Islamic Republic of Iran").code, "IR");  // official name
  EXPECT_EQ(LookupPlace("South Korea").code, "KR");               // common name
  EXPECT_EQ(LookupPlace("republic of korea").code, "KR");         // case-insensitive
}

TEST(GazetteerTest, CuratedAliasesDemonymsAndCities) {
  EXPECT_EQ(LookupPlace("Korean").kind, PlaceKind::kDemonym);
  EXPECT_EQ(LookupPlace("Korean").code, "KR");
  EXPECT_EQ(LookupPlace("Indian").code, "IN");
  EXPECT_EQ(LookupPlace("Seoul").kind, PlaceKind::kCity);
  EXPECT_EQ(LookupPlace("Seoul").code, "KR");
  EXPECT_EQ(LookupPlace("South China Sea").kind, PlaceKind::kFeature);
  EXPECT_EQ(LookupPlace("Sri Lanka\xE2\x80\x99s").kind, PlaceKind::kNone);
}

TEST(GazetteerTest, ShortAcronymsAreCaseSensitive) {
  EXPECT_EQ(LookupPlace("US").code, "US");
  EXPECT_EQ(LookupPlace("U.S.").code, "US");
  EXPECT_EQ(LookupPlace("UAE").code, "AE");
  EXPECT_EQ(LookupPlace("us").kind, PlaceKind::kNone);
}

TEST(GazetteerTest, CountryNames) {
  EXPECT_EQ(CountryName("KR"), "South Korea");
  EXPECT_EQ(CountryName("FR"), "France");
  EXPECT_EQ(CountryName("XX"), "");
}

}  // namespace
}  // namespace parley::extract_internal

namespace parley::extract_internal {
namespace {

TEST(GazetteerTest, KosovoSitesAndMissions) {
  EXPECT_EQ(LookupPlace("Kosovo").code, "XK");  // user-assigned; not in iso-codes
  EXPECT_EQ(LookupPlace("Bosnia Herzegovina").code, "BA");
  ASSERT_NE(LookupSite("Allied Maritime Command"), nullptr);
  EXPECT_EQ(LookupSite("allied maritime command")->town, "Northwood");
  EXPECT_EQ(LookupSite("JWC")->town, "Stavanger");
  EXPECT_EQ(LookupSite("Joint Force Training Centre")->code, "PL");
  EXPECT_EQ(LookupSite("Seoul"), nullptr);
  EXPECT_EQ(LookupPlace("Allied Maritime Command").kind, PlaceKind::kNone);  // not a place itself
  EXPECT_TRUE(IsPlaceNamedMission("Kosovo Force"));
  EXPECT_FALSE(IsPlaceNamedMission("Kosovo Security Force"));
}

}  // namespace
}  // namespace parley::extract_internal
