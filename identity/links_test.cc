#include "identity/links.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley::identity {
namespace {

KnownPerson Person(const std::string& name, const std::vector<std::string>& roles = {},
                   const std::vector<std::string>& organizations = {}) {
  KnownPerson person{PersonIdOf(name), PersonKeyOf(name), {}, {}};
  for (const std::string& role : roles) person.Describe(role, "");
  for (const std::string& org : organizations) person.Describe("", org);
  return person;
}

std::string LinkTarget(const KnownPerson& person, const std::vector<KnownPerson>& known) {
  std::optional<Link> link = LinkOf(person, known);
  return link ? link->to : "";
}

TEST(LinksTest, ASurnameLinksToThePersonWithTheSameRole) {
  std::vector<KnownPerson> known = {Person("Joseph R. Biden, Jr.", {"president"}),
                                    Person("Jill Biden", {"first lady"})};
  EXPECT_EQ(LinkTarget(Person("Biden", {"president"}), known), "biden-joseph");
  EXPECT_EQ(LinkTarget(Person("Biden", {"first lady"}), known), "biden-jill");
  // Two candidates and nothing to choose by: no link.
  EXPECT_EQ(LinkTarget(Person("Biden"), known), "");
}

TEST(LinksTest, AStrayRoleDoesNotMakeASurnameAmbiguous) {
  KnownPerson joe = Person("Joe Biden");
  for (int i = 0; i < 10; ++i) joe.Describe("president", "");
  std::vector<KnownPerson> known = {joe, Person("Jill Biden", {"president", "first lady"})};
  EXPECT_EQ(LinkTarget(Person("Biden", {"president"}), known), "biden-joseph");
  known[1].Describe("president", "");  // now 10 against 2: ambiguous
  EXPECT_EQ(LinkTarget(Person("Biden", {"president"}), known), "");
}

TEST(LinksTest, ASurnameWithARoleNeedsANameWithThatRole) {
  // Admiral Harris is not Kamala Harris, though she is the only Harris known.
  std::vector<KnownPerson> known = {Person("Kamala Harris", {"vice president"})};
  EXPECT_EQ(LinkTarget(Person("Harris", {"commander"}), known), "");
  EXPECT_EQ(LinkTarget(Person("Harris", {"vice president"}), known), "harris-kamala");
}

TEST(LinksTest, InitialsLinkToTheNameTheyAbbreviate) {
  std::vector<KnownPerson> known = {Person("Subrahmanyam Jaishankar", {"external affairs minister"}),
                                    Person("Kumar Jaishankar")};
  EXPECT_EQ(LinkTarget(Person("S. Jaishankar", {"external affairs minister"}), known),
            "jaishankar-subrahmanyam");
  EXPECT_EQ(LinkTarget(Person("S. Jaishankar"), known), "jaishankar-subrahmanyam");
  EXPECT_FALSE(IsFullerName(PersonKeyOf("Kumar Jaishankar"), PersonKeyOf("S. Jaishankar")));
}

TEST(LinksTest, AShorterFormLinksToTheFullestOfOneChain) {
  std::vector<KnownPerson> known = {Person("Mohammed bin Zayed Al Nahyan"),
                                    Person("Mohammed bin Zayed bin Sultan Al Nahyan"),
                                    Person("Khalid bin Mohamed bin Zayed")};
  // "Khalid Mohammed Zayed" is a different person and not on the chain.
  EXPECT_EQ(LinkTarget(Person("Mohamed bin Zayed"), known), "");
  known.pop_back();
  EXPECT_EQ(LinkTarget(Person("Mohamed bin Zayed"), known), "mohammed-nahyan-sultan-zayed");
}

TEST(LinksTest, PeopleWhoShareAFamilyNameStayApart) {
  std::vector<KnownPerson> known = {Person("Mohammed bin Salman Al Saud"),
                                    Person("Khalid bin Salman Al Saud")};
  EXPECT_EQ(LinkTarget(Person("Khalid bin Salman"), known), "khalid-salman-saud");
  EXPECT_EQ(LinkTarget(Person("Mohammed bin Salman"), known), "mohammed-salman-saud");
  EXPECT_EQ(LinkTarget(Person("Kishida Yuko"), {Person("Fumio Kishida")}), "");
}

TEST(LinksTest, TheOrderOfTheKnownPeopleDoesNotMatter) {
  std::vector<KnownPerson> known = {Person("Mohammed bin Zayed Al Nahyan"),
                                    Person("Mohammed bin Zayed bin Sultan Al Nahyan")};
  std::vector<KnownPerson> reversed(known.rbegin(), known.rend());
  EXPECT_EQ(LinkOf(Person("Mohamed bin Zayed"), known)->reason,
            LinkOf(Person("Mohamed bin Zayed"), reversed)->reason);
}

}  // namespace
}  // namespace parley::identity
