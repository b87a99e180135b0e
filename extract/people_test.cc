#include "extract/people.h"

#include <string>

#include "extract/participation.h"
#include "extract/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley::extract_internal {
namespace {

using testing_util::MakeArticle;

const Person* Find(const PeopleResult& r, const std::string& name) {
  for (const Person& p : r.people) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

PeopleResult People(const std::string& body, const std::string& title = "") {
  static NormalizedArticle article;  // keeps the text alive for the views
  static Document doc;
  article = MakeArticle(title, body);
  doc = BuildDocument(article);
  PeopleResult people = FindPeople(doc);
  DecideParticipants(doc, {}, {}, &people.people);
  return people;
}

TEST(PeopleTest, RankAndPreAppositionWithPossessiveOrganisation) {
  PeopleResult r = People(
      "On 13 and 14 February 2023, a military delegation from NATO\xE2\x80\x99s Cooperative "
      "Security Division (CS), led by its Director, Lieutenant General Francesco Diella "
      "travelled to Seoul to meet with military representatives from the Republic of Korea.");
  const Person* p = Find(r, "Francesco Diella");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->rank, "Lieutenant General");
  EXPECT_EQ(p->role, "Director");
  EXPECT_EQ(p->organization, "NATO Cooperative Security Division");
  EXPECT_TRUE(p->participant);
  ASSERT_FALSE(r.orgs.empty());
  EXPECT_EQ(r.orgs[0].acronym, "CS");
}

// A ministry's state after "of the" is part of its fullest name.
TEST(PeopleTest, OrganisationNamesKeepTheirStateAfterOfThe) {
  PeopleResult r = People(
      "Philippine Ambassador to the UK Teodoro Locsin, Jr. and UK Minister of State for Defence The "
      "Earl of Minto signed the Memorandum of Understanding between the Department of National "
      "Defense of the Philippines and the Ministry of Defence of the United Kingdom on Defense "
      "Cooperation at the Philippine Embassy in London on 11 January 2024.");
  std::vector<std::string> names;
  for (const OrgMention& o : r.orgs) names.push_back(o.name);
  EXPECT_THAT(names, ::testing::IsSupersetOf({"Department of National Defense of the Philippines",
                                              "Ministry of Defence of the United Kingdom"}));
}

// A unit's bracketed designation does not break its chain.
TEST(PeopleTest, UnitChainAcrossABracketedDesignation) {
  PeopleResult r = People(
      "Remaining in the Baltics are paratroopers assigned to 2nd Battalion, 503rd Infantry "
      "Regiment (Airborne), 173rd Airborne Brigade, who participated in the closing ceremony events "
      "Monday in Camp Adazi, Latvia.");
  std::vector<std::string> names;
  for (const OrgMention& o : r.orgs) names.push_back(o.name);
  EXPECT_THAT(names, ::testing::Contains(
                         "2nd Battalion, 503rd Infantry Regiment (Airborne), 173rd Airborne Brigade"));
}

// A base named after a service is a site, not the service; a unit that
// the service's name opens is still the service's mention.
TEST(PeopleTest, ServiceNamingABaseIsNoOrganisation) {
  PeopleResult r = People(
      "July 30, air force detachments deployed to protect the Baltic skies as part of the NATO "
      "Baltic Air Policing Mission changed over at a ceremony at the Lithuania Air Force Base in "
      "\xC5\xA0iauliai.");
  std::vector<std::string> names;
  for (const OrgMention& o : r.orgs) names.push_back(o.name);
  EXPECT_THAT(names, ::testing::Not(::testing::Contains("Lithuania Air Force")));
  PeopleResult depot = People(
      "Indian Air Force (IAF) Base Repair Depot (BRD) developed the Surface Air Missile for Assured "
      "Retaliation (SAMAR) Air Defence system.");
  names.clear();
  for (const OrgMention& o : depot.orgs) names.push_back(o.name);
  EXPECT_THAT(names, ::testing::Contains("Indian Air Force"));
}

TEST(PeopleTest, AppositionSplitsRoleAndOrganisation) {
  PeopleResult r = People(
      "Welcoming the NATO delegation, Major General Su-Kwang Kim, Director of the Strategy and "
      "Plans Division of the Republic of Korea Joint Chiefs of Staff highlighted the "
      "importance of this Partnership. The delegations visited the Korean Army headquarters in "
      "Gyeryongdae and met with General Park Jeong-hwan, Chief of Staff of the Republic of "
      "Korea Army.");
  const Person* kim = Find(r, "Su-Kwang Kim");
  ASSERT_NE(kim, nullptr);
  EXPECT_EQ(kim->rank, "Major General");
  EXPECT_EQ(kim->role, "Director of the Strategy and Plans Division");
  EXPECT_EQ(kim->organization, "Republic of Korea Joint Chiefs of Staff");
  const Person* park = Find(r, "Park Jeong-hwan");  // family name first, kept as written
  ASSERT_NE(park, nullptr);
  EXPECT_EQ(park->rank, "General");
  EXPECT_EQ(park->role, "Chief of Staff");
  EXPECT_EQ(park->organization, "Republic of Korea Army");
}

TEST(PeopleTest, AbbreviatedRanksExpand) {
  PeopleResult r = People(
      "\"We greatly value any opportunity to work alongside our Japanese partners,\" said Capt. "
      "Fred Goldhammer, commanding officer, USS Ronald Reagan. According to Rear Adm. John "
      "Alexander, commander, Battle Force 7th Fleet, the visit went well.");
  const Person* g = Find(r, "Fred Goldhammer");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->rank, "Captain");
  EXPECT_EQ(g->role, "commanding officer");
  EXPECT_EQ(g->organization, "USS Ronald Reagan");
  const Person* a = Find(r, "John Alexander");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->rank, "Rear Admiral");
  EXPECT_EQ(a->organization, "Battle Force 7th Fleet");
}

TEST(PeopleTest, CivilianTitlesCountriesHonorificsAndParticles) {
  PeopleResult r = People(
      "\xE2\x80\x9CNational Security Advisor Jake Sullivan met with Saudi Prime Minister and "
      "Crown Prince Mohammed bin Salman, UAE National Security Advisor Sheikh Tahnoon bin "
      "Zayed Al Nahyan, and National Security Advisor of India Ajit Doval on May 7 in Saudi "
      "Arabia,\xE2\x80\x9D the White House said.");
  const Person* mbs = Find(r, "Mohammed bin Salman");
  ASSERT_NE(mbs, nullptr);
  EXPECT_EQ(mbs->role, "Prime Minister and Crown Prince");
  EXPECT_EQ(mbs->country, "SA");
  const Person* t = Find(r, "Tahnoon bin Zayed Al Nahyan");  // "Sheikh" dropped
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->role, "National Security Advisor");
  EXPECT_EQ(t->country, "AE");
  const Person* d = Find(r, "Ajit Doval");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->role, "National Security Advisor");
  EXPECT_EQ(d->country, "IN");
}

TEST(PeopleTest, SuffixAndCoreferenceToFullName) {
  PeopleResult r = People(
      "President Joseph R. Biden, Jr. met today with President Recep Tayyip Erdogan on the "
      "margins of the NATO Summit. President Biden welcomed Turkey\xE2\x80\x99s conclusion of "
      "a trilateral agreement.");
  const Person* b = Find(r, "Joseph R. Biden, Jr.");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->role, "President");
  EXPECT_GE(b->mentions.size(), 2u);  // "President Biden" joins the full name
  EXPECT_EQ(Find(r, "Biden"), nullptr);
  EXPECT_NE(Find(r, "Recep Tayyip Erdogan"), nullptr);
}

TEST(PeopleTest, MentionedPeopleAreNotParticipants) {
  PeopleResult r = People(
      "President Joseph R. Biden, Jr. met today with General Secretary T\xC3\xB4 L\xC3\xA2m of "
      "Vietnam in New York. Both leaders reflected on the lasting legacy of the late General "
      "Secretary Nguy\xE1\xBB\x85n Ph\xC3\xBA Tr\xE1\xBB\x8Dng.");
  const Person* lam = Find(r, "T\xC3\xB4 L\xC3\xA2m");
  ASSERT_NE(lam, nullptr);
  EXPECT_TRUE(lam->participant);
  EXPECT_EQ(lam->country, "VN");
  const Person* late = Find(r, "Nguy\xE1\xBB\x85n Ph\xC3\xBA Tr\xE1\xBB\x8Dng");
  ASSERT_NE(late, nullptr);
  EXPECT_FALSE(late->participant);
}

TEST(PeopleTest, UntitledNameWithApposition) {
  PeopleResult r = People(
      "Ambassador John Berry, U.S. ambassador to Australia, and Stuart Robert, "
      "Australia\xE2\x80\x99s assistant minister for defense, were among the 18 guests welcomed "
      "on board.");
  const Person* s = Find(r, "Stuart Robert");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->role, "assistant minister for defense");
  EXPECT_EQ(s->country, "AU");
  EXPECT_TRUE(s->participant);
  EXPECT_NE(Find(r, "John Berry"), nullptr);
}

TEST(PeopleTest, TimeShiftedSentenceDoesNotMakeParticipants) {
  PeopleResult r = People(
      "Last week, Defence Minister Rajnath Singh told his Chinese counterpart Li Shangfu at a "
      "meeting that the pacts must be respected.");
  const Person* s = Find(r, "Rajnath Singh");
  ASSERT_NE(s, nullptr);
  EXPECT_FALSE(s->participant);
}

TEST(PeopleTest, CommandedByGivesTheUnit) {
  PeopleResult r = People(
      "INS Batti Malv is a 46m long ship manned by a crew of 101 and commanded by Lieutenant "
      "Commander MAN Singh M Mane.");
  const Person* m = Find(r, "MAN Singh M Mane");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->rank, "Lieutenant Commander");
  EXPECT_EQ(m->organization, "INS Batti Malv");
}

TEST(PeopleTest, HeadlineNicknameJoinsFullName) {
  PeopleResult r = People(
      "President Joseph R. Biden, Jr. met today with Prime Minister Rishi Sunak of the United "
      "Kingdom in Belfast.",
      "Readout of President Joe Biden\xE2\x80\x99s Meeting with Prime Minister Rishi Sunak of the "
      "United Kingdom");
  EXPECT_EQ(Find(r, "Joe Biden"), nullptr);
  const Person* b = Find(r, "Joseph R. Biden, Jr.");
  ASSERT_NE(b, nullptr);
  EXPECT_GE(b->mentions.size(), 2u);
  const Person* s = Find(r, "Rishi Sunak");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->country, "GB");
}

TEST(PeopleTest, CreditLineDoesNotSwallowTitles) {
  PeopleResult r = People(
      "SOURCE: PTI NSA Ajit Doval on Monday held wide-ranging talks with his Iranian "
      "counterpart Ali Shamkhani in Tehran.");
  const Person* d = Find(r, "Ajit Doval");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->role, "NSA");
  const Person* s = Find(r, "Ali Shamkhani");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->country, "IR");
}

TEST(PeopleTest, PlacesAndOrganisationsAreNotNames) {
  PeopleResult r = People(
      "As part of his ongoing visit to Sri Lanka, the CAS Air Chief Marshal VR Chaudhari met "
      "the Commanders of Sri Lankan Air Force and Navy. Lt. Gen. Daniel L. Karbler, commander "
      "of Joint Functional Component Command for Integrated Missile Defense, spoke.");
  EXPECT_EQ(Find(r, "Sri Lanka"), nullptr);
  EXPECT_EQ(Find(r, "Functional Component"), nullptr);
  EXPECT_NE(Find(r, "VR Chaudhari"), nullptr);
  const Person* k = Find(r, "Daniel L. Karbler");
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->rank, "Lieutenant General");
}

TEST(PeopleTest, TitleWithOrganisationAcronymAndHonorificBeforeName) {
  PeopleResult r = People(
      "Mr. Finer also met with Caribbean Community (CARICOM) Secretary-General Dr. Carla Barnett "
      "to discuss ongoing planning for the MSS to Haiti.");
  const Person* p = Find(r, "Carla Barnett");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->rank, "");  // "General" ends the title here, it is not a rank
  EXPECT_EQ(p->role, "Secretary-General");
  EXPECT_EQ(p->organization, "Caribbean Community");
}

TEST(PeopleTest, PlaceInsideATitleIsNotPartOfTheName) {
  PeopleResult r = People(
      "He was accompanied by National Security Council\xE2\x80\x99s Senior Director for the "
      "Western Hemisphere Juan Gonz\xC3\xA1lez.");
  const Person* p = Find(r, "Juan Gonz\xC3\xA1lez");
  ASSERT_NE(p, nullptr);
  EXPECT_NE(p->role.find("Senior Director for the Western Hemisphere"), std::string::npos);
}

TEST(PeopleTest, HyphenatedNamesAreNotTitles) {
  PeopleResult r = People(
      "Assistant to the President for National Security Affairs Jake Sullivan met with Secretary "
      "General of the Palestine Liberation Organization Hussein Al-Sheikh at the White House on "
      "October 4.");
  EXPECT_NE(Find(r, "Hussein Al-Sheikh"), nullptr);
  EXPECT_NE(Find(r, "Jake Sullivan"), nullptr);
}

TEST(PeopleTest, PlainNameAfterAMeetingVerb) {
  PeopleResult r = People(
      "President Biden hosted Senate Judiciary Chair Dick Durbin and Ranking Member Chuck "
      "Grassley in the Oval Office. In a meeting with London-based Jammu and Kashmir-origin "
      "students, he said the talks went well. Sullivan later met with Juan Gonzalez in "
      "Bogota.");
  EXPECT_EQ(Find(r, "Senate Judiciary"), nullptr);
  EXPECT_NE(Find(r, "Dick Durbin"), nullptr);
  EXPECT_EQ(Find(r, "London-based Jammu"), nullptr);
  const Person* p = Find(r, "Juan Gonzalez");
  ASSERT_NE(p, nullptr);
}

TEST(PeopleTest, RoleNounBeforeAPossessiveKeepsTheRole) {
  PeopleResult r = People(
      "\xE2\x80\x9C" "Conducting dual aircraft carrier operations with USS Carl Vinson provides the "
      "opportunity for us to exercise integrating the immense capabilities of two strike "
      "groups,\xE2\x80\x9D said Capt. Buzz Donnelly, commanding officer of the Navy's "
      "forward-deployed aircraft carrier, USS Ronald Reagan (CVN 76).");
  const Person* p = Find(r, "Buzz Donnelly");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->rank, "Captain");
  EXPECT_EQ(p->role.rfind("commanding officer", 0), 0u) << p->role;
  EXPECT_EQ(p->organization, "USS Ronald Reagan (CVN 76)");
}

TEST(PeopleTest, AcronymTitleWrittenOutElsewhereInTheArticle) {
  PeopleResult r = People(
      "SOURCE: PTI NSA Ajit Doval on Monday held wide-ranging talks with his Iranian "
      "counterpart Ali Shamkhani in Tehran. The National Security Advisor is on a day-long "
      "visit to Iran. Port Moresby was not on the itinerary.");
  const Person* p = Find(r, "Ajit Doval");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->role, "National Security Advisor");
}

TEST(PeopleTest, UnitAcronymsTakeTheNameWrittenOutInTheArticle) {
  // dvids-20080503-under-secretary-defense-visits-village-hope (pool).
  PeopleResult r = People(
      "Eric Edelman met with members of the 4th Brigade Combat Team, 3rd Infantry Division, and "
      "Airmen of the 557th Expeditionary Red Horse Squadron. Col. James W. Adams, deputy "
      "commander for 2nd BCT, briefed Edelman on the project. Air Force Capt. Michael "
      "Askegren, 557th ERHS, Village of Hope site commander, showed Edelman the training "
      "facility. Vice Admiral Biswajit Dasgupta, AVSM, YSM, VSM, attended.");
  const Person* adams = Find(r, "James W. Adams");
  ASSERT_NE(adams, nullptr);
  EXPECT_EQ(adams->role, "deputy commander");
  EXPECT_EQ(adams->organization, "2nd Brigade Combat Team");
  const Person* askegren = Find(r, "Michael Askegren");
  ASSERT_NE(askegren, nullptr);
  EXPECT_EQ(askegren->role, "Village of Hope site commander");
  EXPECT_EQ(askegren->organization, "557th Expeditionary Red Horse Squadron");
  const Person* dasgupta = Find(r, "Biswajit Dasgupta");
  ASSERT_NE(dasgupta, nullptr);
  EXPECT_EQ(dasgupta->organization, "");  // AVSM is a medal, never written out
}


TEST(PeopleTest, SurnameAfterARankNamesAParticipantWhenNoFullerFormIsGiven) {
  PeopleResult r = People(
      "Lieutenant General Iannucci, Commander of NMI, said the mission is ready. "
      "Colonel Martens welcomed the delegation to the base.");
  const Person* i = Find(r, "Iannucci");
  ASSERT_NE(i, nullptr);
  EXPECT_EQ(i->rank, "Lieutenant General");
  const Person* m = Find(r, "Martens");
  ASSERT_NE(m, nullptr);
  EXPECT_TRUE(m->participant);
}

TEST(PeopleTest, SurnameAfterACivilianTitleTakesPartOnlyInTheLead) {
  PeopleResult r = People(
      "On April 28, Defense Minister Hamada and Deputy Prime Minister Marles held a telephone "
      "conference. Their talks follow the summit at which President Biden and President Yoon "
      "launched a new era of cooperation.");
  const Person* h = Find(r, "Hamada");
  ASSERT_NE(h, nullptr);
  EXPECT_TRUE(h->participant);
  EXPECT_EQ(h->role, "Defense Minister");
  const Person* b = Find(r, "Biden");
  ASSERT_NE(b, nullptr);
  EXPECT_FALSE(b->participant);
}

// modaf-00000000-defense-minister-praises-nicholson: the headline's fuller
// form names the person the body writes only as "General john Nicholson";
// "were in attendance" reports taking part.
TEST(PeopleTest, HeadlineFullerFormNamesTheBodysSurname) {
  PeopleResult r = People(
      "Kabul-Afghanistan: Lt. Gen Tariq Shah Bahrami National Defense Minister praised endeavors "
      "and services of General john Nicholson while Wais Ahmad Barmak, interior minister, "
      "Muhammad Masoom Stanikzai, Director of National Directorate of Security, Defense and "
      "Interior Ministries\xE2\x80\x99 generals were in attendance.",
      "Defense Minister praises General John Nicholson, Resolute Support Mission Commander");
  const Person* n = Find(r, "John Nicholson");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->rank, "General");
  EXPECT_EQ(Find(r, "Nicholson"), nullptr);
  const Person* s = Find(r, "Muhammad Masoom Stanikzai");
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(s->participant);
  // A body's name cut before "of" goes on to the end of the title.
  EXPECT_EQ(s->role, "Director");
  EXPECT_EQ(s->organization, "National Directorate of Security");
  const Person* b = Find(r, "Wais Ahmad Barmak");
  ASSERT_NE(b, nullptr);
  EXPECT_TRUE(b->participant);
  // kfor-00000000-usareur-af-commander-visits-kfor: a place goes on the name.
  r = People(
      "KFOR Commander, Major General Franco Federici welcomed the Commander of United States "
      "Army Europe and Africa, General Christopher Cavoli, at Camp Film City.");
  const Person* cavoli = Find(r, "Christopher Cavoli");
  ASSERT_NE(cavoli, nullptr);
  EXPECT_EQ(cavoli->role, "Commander");
  EXPECT_EQ(cavoli->organization, "United States Army Europe and Africa");
}

// eeas-20161109-eumc-7-8-november, nspa-20181024-nac-update-on-agency-activities:
// pointing out and briefing at the event is taking part.
TEST(PeopleTest, PresentingAtTheEventIsTakingPart) {
  PeopleResult r = People(
      "Further, Rear Admiral Enrico Credendino, pointed out that SOPHIA since 2015, has "
      "contributed to saving more than 29.000 people.");
  const Person* c = Find(r, "Enrico Credendino");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(c->participant);
  r = People(
      "On 23rd October, the NATO Support and Procurement Organisation (NSPO) Chairperson, Ms. "
      "Jennifer Hubbard, along with the NATO Support and Procurement Agency General Manager, Mr. "
      "Peter Dohmen, provided a briefing to the Secretary General Jens Stoltenberg and the 29 "
      "Permanent Representatives to the North Atlantic Council (NAC) in NATO Headquarters.");
  const Person* d = Find(r, "Peter Dohmen");
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(d->participant);
  EXPECT_EQ(d->organization, "NATO Support and Procurement Agency");
  const Person* s = Find(r, "Jens Stoltenberg");
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(s->participant);
}

// ncia-20140812-building-on-a-strong-foundation, af-00000000-commander-ac-
// ramstein-visits-caoc-uedem, army-00000000-sky-soldiers-close-out-silver-
// arrow: the organisation of an apposition that names only a body, of a
// lower-case role after an acronym, and after the role noun.
TEST(PeopleTest, OrganisationOfAppositionsWithoutATitle) {
  PeopleResult r = People(
      "Also taking part were members of the Agency's senior management team: Mr Tim Harp, "
      "Chairman of our Supervisory Board; General Ludwig Leinhos, NATO HQ C3 Staff; General Bert "
      "Booman, CIS Group; and others.");
  const Person* b = Find(r, "Bert Booman");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->organization, "CIS Group");
  const Person* h = Find(r, "Tim Harp");
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->organization, "Supervisory Board");
  r = People(
      "Also taking part were Ambassador Sorin Ducaru, Emerging Security Challenges Division at "
      "NATO HQ; and others.");
  const Person* d = Find(r, "Sorin Ducaru");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->organization, "Emerging Security Challenges Division");
  // wh-20240717-interagency-delegation-travel-papua-new.
  r = People(
      "The delegation included Daniel Kritenbrink, Department of State Assistant Secretary for "
      "the Bureau of East Asian and Pacific Affairs; and others.");
  const Person* k = Find(r, "Daniel Kritenbrink");
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->organization, "Bureau of East Asian and Pacific Affairs");
  r = People(
      "General Mark A. Welsh III paid his first visit to the NATO Combined Air Operations Centre "
      "at Uedem, Germany, Jan. 27. While visiting the CAOC, General Welsh learned about the "
      "Centre's mission and operational role from German air force Lt. Gen. Dieter Naskrent, "
      "CAOC commander, and his team.");
  const Person* n = Find(r, "Dieter Naskrent");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->role, "CAOC commander");
  EXPECT_EQ(n->organization, "Combined Air Operations Centre");
  ASSERT_NE(Find(r, "Mark A. Welsh III"), nullptr);
  r = People(
      "At the closing ceremony, Latvian Colonel Ilmars Atis Lejins, commanding general for the "
      "Latvian Land Forces, delivered a speech to service members of the 10 NATO nations who "
      "participated in the exercise.");
  const Person* l = Find(r, "Ilmars Atis Lejins");
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->organization, "Latvian Land Forces");
  EXPECT_TRUE(l->participant);
}

// kamlt-00000000-bap-hand-over-take-over: a body's town after its bracketed
// acronym stays in the title before the name, and the name that closes the
// words before a comma is another person's, not part of this one's post.
TEST(PeopleTest, TownClosesTheBodyInATitleBeforeTheName) {
  PeopleResult r = People(
      "The rotation ceremony was attended by Vice Minister of National Defence Kamil\xC4\x97 "
      "Gogelien\xC4\x97, Commander of NATO\xE2\x80\x99s Combined Air Operations Centre (CAOC) Uedem "
      "Major General Harold Van Pee, Commander of the Lithuanian Air Force Colonel Antanas "
      "Matutis.");
  const Person* v = Find(r, "Harold Van Pee");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->role, "Commander");
  EXPECT_EQ(v->organization, "NATO Combined Air Operations Centre");
  const Person* g = Find(r, "Kamil\xC4\x97 Gogelien\xC4\x97");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->role, "Vice Minister of National Defence");
  // wh-20230119-travel-israel-west-bank: not "Prime Minister Benjamin Netanyahu".
  r = People(
      "In Jerusalem, Mr. Sullivan met with Prime Minister Benjamin Netanyahu, President Isaac "
      "Herzog, and members of the senior national security team including Foreign Minister Eli "
      "Cohen.");
  const Person* h = Find(r, "Isaac Herzog");
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->role, "President");
  // idrw-20230408: an acronym opens no name ("of IAC Vikrant").
  r = People(
      "The commanding officer of IAC Vikrant, Vidhyadhar Harke, stated that the plan to have at "
      "least three aircraft carriers was devised in the late 1950s.");
  ASSERT_NE(Find(r, "Vidhyadhar Harke"), nullptr);
}

// geetha-20080915-chief-hndgs-official-visit-usa: "the Title, Rank Name, the
// Title, Rank Name": the second title is the second person's; a plural after
// "of" names a body, not several people. mofa-00000000-kishida-rasmussen-
// meeting: a body after the next comma closes no title that a clause ended.
TEST(PeopleTest, TheNextPersonsTitleIsNotAnApposition) {
  PeopleResult r = People(
      "It is announced that, following an invitation extended by the Chairman of the Chiefs of "
      "Defense, Admiral Michael Mullen, the Chief of the Hellenic National Defence General "
      "Staff, General Dimitrios Grapsas, will pay a visit to the USA from 15 to 19 September "
      "2008.");
  const Person* m = Find(r, "Michael Mullen");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->role, "Chairman");
  EXPECT_NE(m->organization, "Hellenic National Defence General Staff");
  const Person* g = Find(r, "Dimitrios Grapsas");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->organization, "Hellenic National Defence General Staff");
  r = People(
      "On April 15, H.E. Mr. Fumio Kishida, Minister for Foreign Affairs of Japan held a "
      "meeting and dinner with H.E. Mr. Anders Fogh Rasmussen, NATO Secretary General, during "
      "his working visit to Japan.");
  const Person* k = Find(r, "Fumio Kishida");
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->organization, "");
  const Person* a = Find(r, "Anders Fogh Rasmussen");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->organization, "NATO");
}

// ndc-20230127-sc141-graduation-ceremony: "The Commandant, …" names its body
// where the article writes "the NDC Commandant"; "Col. Burr Miller, RTS
// director" (dvids-20200416) is someone else's apposition, not a post.
TEST(PeopleTest, AOneWordTitleTakesTheBodyItIsWrittenWithElsewhere) {
  PeopleResult r = People(
      "All the distinguished guests were welcomed upon arrival at the NATO Defense College. The "
      "Commandant, Lieutenant General Olivier Rittimann, welcomed Ambassador Jean-Marie "
      "Gu\xC3\xA9henno. The opening of the Graduation Ceremony featured introductory remarks "
      "delivered by the NDC Commandant.");
  const Person* p = Find(r, "Olivier Rittimann");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->role, "Commandant");
  EXPECT_EQ(p->organization, "NATO Defense College");
  r = People(
      "\"RTS is the nation\xE2\x80\x99s only long-range capable test range,\" said Thomas Webber, "
      "director, Technical Center. Col. Burr Miller, RTS director, said the RTS provides much "
      "more than just radars.");
  const Person* w = Find(r, "Thomas Webber");
  ASSERT_NE(w, nullptr);
  EXPECT_NE(w->organization, "RTS");
}

// morh-00000000-annual-analysis-military-diplomatic-representatives: "on
// behalf of" names whom the person after its comma represents.
TEST(PeopleTest, OnBehalfOfNamesTheOrganisation) {
  PeopleResult r = People(
      "On behalf of the Croatian Armed Forces, Chief of General Staff General Josip Lucic "
      "recalled on the establishment of peacetime  restructuring of the armed forces.");
  const Person* p = Find(r, "Josip Lucic");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->role, "Chief of General Staff");
  EXPECT_EQ(p->organization, "Croatian Armed Forces");
}

// forsvarsmakten-00000000-saceur-visits-sweden: "in his capacity as" names
// the post the person acts in, and the post its organisation.
TEST(PeopleTest, InHisCapacityAsNamesThePost) {
  PeopleResult r = People(
      "Over the weekend, General Grynkewich set foot on Swedish soil for the first time in his "
      "capacity as Supreme Allied Commander Europe (SACEUR).");
  const Person* p = Find(r, "Grynkewich");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->role, "Supreme Allied Commander Europe (SACEUR)");
  EXPECT_EQ(p->organization, "NATO");
}

// af-00000000-commander-ac-ramstein-visits-caoc-uedem: a possessor's body
// closing a lower-case role after "from", without the possessive.
TEST(PeopleTest, PossessorsBodyClosesALowerCaseRole) {
  PeopleResult r = People(
      "After the demonstration, Italian air force Brig. Gen. Allessandro Pera, the head of the "
      "programme office, handed over a symbolic key to the operational user of the capability, "
      "represented by Maj. Gen. Mark F. Ramsay, deputy chief of staff for Operations and "
      "Intelligence from NATO's Supreme Headquarters Allied Powers Europe.");
  const Person* p = Find(r, "Mark F. Ramsay");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->organization, "NATO Supreme Headquarters Allied Powers Europe");
}

// nato-20080409-nsa-act-letter-of-agreement: an introduced acronym closing a
// title names its organisation.
TEST(PeopleTest, AcronymClosingATitleNamesItsOrganisation) {
  PeopleResult r = People(
      "The NATO Standardization Agency (NSA) and the Allied Command Transformation (ACT) are "
      "forging ahead. On 3 March 2008, the Director NSA, VADM Juan A. Moreno and the Chief of "
      "Staff ACT, Lt Gen Jan Arp signed a letter of agreement.");
  const Person* m = Find(r, "Juan A. Moreno");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->role, "Director");
  EXPECT_EQ(m->organization, "NATO Standardization Agency");
  const Person* a = Find(r, "Jan Arp");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->role, "Chief of Staff");
  EXPECT_EQ(a->organization, "Allied Command Transformation");
  // jfcbs-20161130-trident-javelin-commanders-conference: the command's town
  // after its acronym; idrw-20230508: not an acronym after "of".
  r = People(
      "Stavanger, Norway - On Wednesday 30 November 2016, General Salvatore Farina, Commander "
      "JFC Brunssum chaired the TRIDENT JAVELIN 2017 Training Audience Commanders\xE2\x80\x99 "
      "Conference in Stavanger.");
  const Person* f = Find(r, "Salvatore Farina");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->role, "Commander");
  EXPECT_EQ(f->organization, "JFC Brunssum");
  r = People(
      "The centre was inaugurated in the presence of Banwarilal Purohit, Governor of Punjab and "
      "Administrator of UT Chandigarh.");
  const Person* g = Find(r, "Banwarilal Purohit");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->role, "Governor of Punjab and Administrator of UT Chandigarh");
}

// esteri-00000000-gentiloni-stoltenberg-ndc-conference: a post in brackets
// after the name, and a bracketed post before "and" is no one else's title.
TEST(PeopleTest, BracketedPostAfterTheName) {
  PeopleResult r = People(
      "Other distinguished speakers have addressed the conference: Hon. Andrea Manciulli ( "
      "Chairman of the Italian Delegation to NATO Parliamentary Assembly) and Sheikh Thamer Ali "
      "Sabah Al-Sabah ( President of the National Security Bureau of Kuwait).");
  const Person* m = Find(r, "Andrea Manciulli");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->role, "Chairman of the Italian Delegation to NATO Parliamentary Assembly");
  const Person* t = Find(r, "Thamer Ali Sabah Al-Sabah");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->role.find("Italian"), std::string::npos) << t->role;
}

// mvephr-00000000-permreps-meet-sact-norfolk: people listed by country after a
// plural title hold that title.
TEST(PeopleTest, PeopleListedAfterAPluralTitleHoldIt) {
  PeopleResult r = People(
      "A group of North Atlantic Council (NAC) Permanent Representatives (PermReps) met with "
      "French Air Force General St\xC3\xA9phane Abrial, Supreme Allied Commander Transformation "
      "(SACT), May 13-14 in Norfolk, Virginia.\n\nArtur Kuko of Albania, Igor Pokaz of Croatia, "
      "Martin Erdmann of Germany, and Bogusaw Winid of Poland, began the visit May 13 with "
      "dinner and discussions with Abrial.");
  for (const char* name : {"Artur Kuko", "Igor Pokaz", "Martin Erdmann", "Bogusaw Winid"}) {
    const Person* p = Find(r, name);
    ASSERT_NE(p, nullptr) << name;
    EXPECT_EQ(p->role, "Permanent Representative") << name;
    EXPECT_TRUE(p->participant) << name;
  }
  const Person* a = Find(r, "St\xC3\xA9phane Abrial");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->role, "Supreme Allied Commander Transformation (SACT)");
}

}  // namespace
}  // namespace parley::extract_internal
