#include "extract/quotes.h"

#include <string>
#include <utility>
#include <vector>

#include "extract/test_util.h"
#include "gtest/gtest.h"

namespace parley::extract_internal {
namespace {

using testing_util::MakeArticle;

std::vector<FoundQuote> Quotes(const std::string& body) {
  static NormalizedArticle article;
  static Document doc;
  article = MakeArticle("", body);
  doc = BuildDocument(article);
  PeopleResult people = FindPeople(doc);
  return FindQuotes(doc, people.people, people.orgs);
}

#define LQ "\xE2\x80\x9C"  // “
#define RQ "\xE2\x80\x9D"  // ”
#define RS "\xE2\x80\x99"  // ’
#define NDASH "\xE2\x80\x93"

// One rule, one real passage (from the pool unless said otherwise), and the
// quotes expected: speaker and the first words of the text.
struct Case {
  const char* rule;
  const char* body;
  std::vector<std::pair<std::string, std::string>> quotes;
};

class QuoteRules : public testing::TestWithParam<Case> {};

TEST_P(QuoteRules, FindsTheQuotes) {
  const Case& c = GetParam();
  std::vector<FoundQuote> found = Quotes(c.body);
  // As the scorer does: the speaker, and the text starting with the words given.
  std::vector<std::pair<std::string, std::string>> got;
  for (size_t i = 0; i < found.size(); ++i) {
    size_t n = i < c.quotes.size() ? c.quotes[i].second.size() : 24;
    got.emplace_back(found[i].speaker, found[i].text.substr(0, n));
  }
  EXPECT_EQ(got, c.quotes) << c.rule;
}

const Case kCases[] = {
    // nato-20230320-saceur-cmc-visit-nmi: attribution after by rank and
    // surname, before with a colon, and a quotation cut off by the page's
    // truncation that never closes.
    {"rank and surname after; colon before; unclosed at the end",
     "On 20-21 March 2023, the Chair of the NATO Military Committee, Admiral Rob Bauer, and the "
     "Supreme Allied Commander Europe (SACEUR), General Christopher G. Cavoli, visited NATO "
     "Mission Iraq (NMI).\n\n" LQ "I am grateful for the reaffirmed support from the Iraqi "
     "government,"
     RQ " General Cavoli said. Admiral Bauer said: " LQ "I want to commend Lieutenant General "
     "Iannucci for his strong leadership." RQ "\n\nLieutenant General Iannucci, Commander of "
     "NMI, said: " LQ "I praise the level of cooperation and commitment towards reform",
     {{"Christopher G. Cavoli", "I am grateful for the reaffirmed"},
      {"Rob Bauer", "I want to commend Lieutenant"},
      {"Iannucci", "I praise the level of cooperation"}}},
    // marcom-00000000-first-sea-lord-visits-marcom.
    {"said + rank + name after",
     "The First Sea Lord, Admiral Sir Keith Blount, visited Allied Maritime Command. "
     LQ "It is vital for NATO Maritime Command to have a strong partnership with the Royal "
     "Navy," RQ " said Vice Admiral Blount.",
     {{"Keith Blount", "It is vital for NATO Maritime"}}},
    // govuk-20231208-defence-minister-travels-estonia: a block quotation.
    {"block quotation after 'X said:' without marks, over two paragraphs",
     "Minister for Defence People and Families, Rt Hon Dr Andrew Murrison MP, has met UK Armed "
     "Forces during a visit to Estonia.\n\nMinister for Defence People and Families, Rt Hon Dr "
     "Andrew Murrison MP said:\n\nI want to thank our Armed Forces, stationed in Estonia, who are "
     "on the frontline in reinforcing the NATO alliance.\n\nOur service personnel, and their "
     "families, make huge sacrifices especially when stationed away from home.",
     {{"Andrew Murrison", "I want to thank our Armed Forces"}}},
    // aircom-00000000-wolters-chairs-first-air-chiefs-symposium.
    {"colon ending a sentence whose verb is a speech verb",
     "Chaired by the Commander of Allied Air Command (AIRCOM), General Tod D. Wolters, the "
     "symposium is a semi-annual forum.\n\nGeneral Wolters stressed the importance of the "
     "Symposium in delivering Air and Space Power for the Alliance: \"We are delighted to host "
     "this symposium that not only updates on AIRCOM" RS "s conduct",
     {{"Tod D. Wolters", "We are delighted to host this"}}},
    // ndc-20250131-sc145-graduation-ceremony: a noun phrase after a colon.
    {"colon before a lower-case noun phrase is no quote",
     "Lieutenant General Max Nielsen opened the ceremony. He stressed the importance of unity "
     "and reiterated the Senior Course" RS "s core mission: \"to prepare the leaders of "
     "tomorrow\".",
     {}},
    // kspres-00000000-pacolli-meets-comkfor-buhler.
    {"quotation resuming after a dash-enclosed attribution is one quote",
     "The President of the Republic of Kosovo Behgjet Pacolli had a meeting today with COMKFOR "
     "General Erhard Buhler.\n\nHaving thanked him for the congratulation, President Behgjet "
     "Pacolli also expressed his readiness to cooperate.\n\n" LQ "This is why" RQ " " NDASH
     " President Pacolli added " NDASH " " LQ "the KFOR members enjoy a great respect among the "
     "people of Kosovo.",
     {{"Behgjet Pacolli", "This is why"}}},
    // shape-20191018-saceur-first-address-mons.
    {"parenthesis between the quotation and its attribution",
     "SHAPE, Belgium " NDASH " The Mayor of Mons, Nicholas Martin, officially introduced "
     "General Tod D. Wolters.\n\n" LQ "In 70 years of existence, NATO has been protecting us and "
     "preventing many conflicts," RQ " (translated from French) said Mr. Martin.",
     {{"Nicholas Martin", "In 70 years of existence, NATO"}}},
    // nato-20210713-ims-partners-meeting.
    {"'the' + title resolves to the person holding it",
     "On 13 July 2021, the Director General of the NATO International Military Staff (IMS), "
     "Lieutenant General Hans-Werner Wiermann hosted the first in-person meeting with NATO "
     "Partners.\n\n" LQ "Although many Partners have benefitted from NATO and bilateral support "
     "throughout the pandemic, this would have not been possible" RQ ", highlighted the Director "
     "General in his opening remarks.",
     {{"Hans-Werner Wiermann", "Although many Partners have"}}},
    // nato-00000000-sg-in-sweden-strong-partnership.
    {"pronoun: the subject of the last sentence naming a person, titles included",
     "The partnership between NATO and Sweden is already strong, NATO Secretary General Anders "
     "Fogh Rasmussen said during a visit to Sweden on 14 January.\n\nIn Stockholm, the "
     "Secretary General met Swedish Prime Minister Fredrik Reinfeldt and Foreign Minister Carl "
     "Bildt.\n\n" LQ "I see three areas where our partnership holds particular promise," RQ
     " he said.",
     {{"Anders Fogh Rasmussen", "I see three areas where our"}}},
    // idrw-20230506-battlefield-surveillance-system-situational.
    {"pronoun after an anonymous source is left out",
     "Army chief General Manoj Pande reviewed the projects. This is part of the Army" RS "s "
     "efforts to go paperless, another source said. " LQ "Proliferation of digital signing helps "
     "both e-office and paperless office objectives," RQ " he said.",
     {}},
    // landcom-20190220-military-committee-visits-landcom.
    {"unattributed quotation in a paragraph opened by a person speaking",
     "Lt. Gen. John Thomson, the LANDCOM Commander, presented crucial information to the "
     "MC.\n\nThomson explained the primary things that LANDCOM does. LANDCOM builds and "
     "sustains readiness. \"We welcome a military strategy on",
     {{"John Thomson", "We welcome a military strategy"}}},
    // eufor-00000000-comeufor-hands-over-qr16-report.
    {"speech verb right before the mark",
     "Minister of Defence Marina Pende\xC5\xA1 said " LQ "I would like to thank EUFOR for "
     "their support and I hope all of our partners recognise the progress" RQ ".",
     {{"Marina Pende\xC5\xA1", "I would like to thank EUFOR"}}},
    // idrw-20230502-india-participating-doha-meeting-convened.
    {"a title's office is an organisation, not the title holder",
     "Guterres arrived in Doha Monday to host the two-day meeting. " LQ "The meeting is "
     "intended to achieve a common understanding within the international community," RQ
     " a note issued from the Secretary General" RS "s office said here.",
     {{"Secretary General" RS "s office", "The meeting is intended to"}}},
    // idrw-20230504-two-terrorists-killed-baramulla-encounter-j.
    {"the name nearest the verb speaks",
     "Two LeT terrorists killed in an encounter have been identified, officials said on "
     "Thursday. " LQ "Both are local terrorists, belong to proscribed terror outfit LeT," RQ
     " Jammu and Kashmir Police quoting Additional Director General Police Kashmir zone Vijay "
     "Kumar tweeted.",
     {{"Vijay Kumar", "Both are local terrorists, belong"}}},
    // dvids-20190730-b-52-continues-mothership-role-during.
    {"resumption after 'X said,' is one quote",
     "Maj. Dustin Hoover, the program manager, led the test. " LQ "This endeavor was the "
     "culmination of months of work," RQ " Hoover said, " LQ "Weapon Standardization" RS "s "
     "involvement included working with the contractor." RQ,
     {{"Dustin Hoover", "This endeavor was the culmination"}}},
    // maavoimat-20250228-chief-defence-command-visited-belgium: the
    // quotation opens its paragraph with a closing mark.
    {"closing mark opening a paragraph; 'the' + title and organisation",
     "Chief of the Defence Command Finland, Lieutenant General Vesa Virtanen, visited Belgium "
     "on 25" NDASH "27 February.\n\n" RQ "In the current security situation, it is important "
     "to maintain a common situational awareness with NATO" RQ ", the Chief of the Defence "
     "Command stated.",
     {{"Vesa Virtanen", "In the current security situation"}}},
    // ndc-20230713-sc142-graduation-change-of-command.
    {"'saying' + quotation: the sentence's subject speaks",
     "A bilateral meeting took place between the Chair of NATO" RS "s Military Committee (CMC), "
     "Admiral Rob Bauer, and the Italian Chief of Defence.\n\nAdmiral Bauer delivered the "
     "Graduation Address, in which he thanked the graduating Course Members for all their hard "
     "work at the College and for the Alliance, saying " LQ "you challenged each other and "
     "debated different views on the current s",
     {{"Rob Bauer", "you challenged each other and"}}},
    // jwc-20150204-marcom-commander-visits-jwc.
    {"'said X, adding:' goes on with the same quotation",
     "Royal Navy Vice Admiral Peter Hudson CBE, Commander of NATO" RS "s Allied Maritime "
     "Command, visited Joint Warfare Centre (JWC) on Wednesday.\n\n" LQ "Our MARCOM staff has "
     "just completed Battle Staff Training this past week," RQ " said Vice Admiral Hudson, "
     "adding: " LQ "The team here at Joint Warfare Centre (JWC) has been instrumental." RQ,
     {{"Peter Hudson", "Our MARCOM staff has just"}}},
    // idrw-20230511-purpose-exercise-ajeya-warrior-is-increase.
    {"a quotation ending in a full stop: the next attribution is the next quotation's",
     "Speaking to ANI, Colonel NS Rathor said, " LQ "This Indo-UK Joint Exercise has given an "
     "ideal platform for sharing the drills." RQ " Speaking about the exercise, Brigadier Nick "
     "said, " LQ "On this particular exercise, not only have we been training two of "
     "our battle groups." RQ " Alex Ellis, British High Commissioner to India, said, " LQ "The "
     "UK and India are natural partners in defence." RQ,
     {{"NS Rathor", "This Indo-UK Joint Exercise"},
      {"Nick", "On this particular exercise"},
      {"Alex Ellis", "The UK and India are natural"}}},
    // idrw-20230514-india-plans-repatriation-kohinoor-colonial.
    {"'quoted as saying': a person, never the organisation on the way",
     "Senior officials believe that such artefacts can reinforce a national identity, with a "
     "Joint Secretary of the Ministry of Culture quoted as saying: " LQ "Antiquities have both "
     "physical and intangible value." RQ,
     {}},
    // idrw-20230504-rajnath-singh-his-maldivian-counterpart-lay.
    {"an interjection between commas is no part of the subject",
     "Union Defence Minister Rajnath Singh and his Maldivian counterpart Mariya Didi laid the "
     "foundation stone. The Ministry of Defence (MoD), in a joint Press Communique on Rajnath "
     "Singh" RS "s visit to Maldives, said, " LQ "Minister Rajnath Singh also gifted MNDF an "
     "additional Landing Craft." RQ,
     {{"Ministry of Defence", "Minister Rajnath Singh also"}}},
    // act-20161116-military-committee-visits-act.
    {"'“….” He said. “…”' resumes the quotation",
     "General Denis Mercier welcomed the Military Committee.\n\nWelcoming the Military "
     "Committee, General Mercier stated: " LQ "I am delighted to welcome the Military Committee "
     "to Norfolk." RQ " He said. " LQ "The visit could not come at a better time." RQ,
     {{"Denis Mercier", "I am delighted to welcome the"}}},
    // army-20170406-shape-celebrates-50-years-belgium: the title comes
    // first, the name after a comma; the quotation runs on over a paragraph.
    {"'said <title>, <name>,'",
     "\"NATO is the most successful political and military alliance in history,\" said Deputy "
     "Supreme Allied Commander Europe, General Sir James Everard, \"For 68 years it has worked "
     "successfully to keep the peace in Europe.\n\n\"And for 50 years the home of SHAPE has "
     "been here in Casteau, Mons,\" he added.",
     {{"James Everard", "NATO is the most successful"}}},
    // idrw-20230506-irgc-build-aircraft-carrier.
    {"'He said, “…”': the last person named",
     "Alireza Tangsiri, who is the chief of the IRGC Navy, said the aircraft in question will be "
     "developed by Iran. According to General Tangsiri, the Shahid Mahdavi and Shahid Rodaki "
     "vessels are a successful experience of entering this field. He said, " LQ "The IRGC Navy "
     "was formed with a set of rocket-launching boats." RQ,
     {{"Tangsiri", "The IRGC Navy was formed"}}},
    // idrw-20230513-198-indian-fishermen-released-from-pakistan.
    {"an organisation after the name's comma is not the speaker",
     "The Indian fishermen were released on Friday. " LQ "I was held in Pakistani jails for 5 "
     "years," RQ " said Biku, one of the fishermen released by the Pakistan government.",
     {}},
    // idrw-20230519-pm-modi-ukraine-president-zelensky-may-hold.
    {"'one of the people, according to news agency PTI' is anonymous",
     "The people cited above said there is a possibility of a meeting. " LQ "Both sides are "
     "engaged in discussions to finalise the proposal," RQ " said one of the people, according "
     "to news agency PTI.",
     {}},
    // idrw-20230516-india-modi-out-deepen-their-bonds-but.
    {"pronoun after a speaker the article's people do not hold is left out",
     "While visiting Canada in March, President Joe Biden said he has made it a strategic goal "
     "to improve relations with the rest of the world. Nirupama Rao, a retired diplomat who "
     "served as Indian ambassador to the U.S., said India has its reasons for not joining the "
     "condemnation of Moscow. " LQ "The country wants Russia to maintain some distance from "
     "China," RQ " she said.",
     {}},
    // idrw-20230504-i-don-t-think-pak-foreign-minister-visit.
    {"pronoun: the subject of the last sentence reporting speech, not its object",
     "Meanwhile, Captain Anil Gaur, a defence expert said that it was a welcome step. Gaur also "
     "praised External Affairs Minister S Jaishankar and said that he is capable. " LQ "EAM "
     "Jaishankar is capable and competent to put across to Bilawal Bhutto what Pakistan has to "
     "do," RQ " he said.",
     {{"Anil Gaur", "EAM Jaishankar is capable"}}},
    // idrw-20230510-india-israel-vow-expand-ties-regional.
    {"pronoun: the subject after an introductory phrase",
     "Israeli Foreign Minister Eli Cohen met External Affairs Minister S Jaishankar. On his "
     "meeting with Cohen, Jaishankar, in a tweet, said the two sides initialed an agreement. "
     LQ "The main pillars of our Strategic Partnership are taking our ties forward," RQ " he "
     "said.",
     {{"S Jaishankar", "The main pillars of our"}}},
    // ndc-20230127-sc141-graduation-ceremony: a quotation cut off by the
    // page, right after a sentence whose subject is a person.
    {"unattributed quotation after a sentence with a person as subject",
     "For the occasion, the Guest of Honour was Ambassador Jean-Marie Gu\xC3\xA9henno, who "
     "delivered the Graduation Address.\n\nAfterwards, the guest speaker took the floor for the "
     "Graduation address. Ambassador Gu\xC3\xA9henno congratulated Course Members on completing "
     "the Course, observing that they were graduating at a pivotal moment in the long history "
     "of war and peace. " LQ "Since 1945 the UN Charter has played a",
     {{"Jean-Marie Gu\xC3\xA9henno", "Since 1945 the UN Charter"}}},
    // nmi-20181205-nmi-introduction-baghdad: a colon closing the paragraph
    // before, in a sentence without a speech verb.
    {"colon closing the paragraph of a sentence with a person as subject",
     "The NMI Commander, Canadian Army Major General Dany Fortin, introduced the mission" RS "s "
     "mandate, vision and aim while inviting the attendees to share their views and "
     "requirements and provide guidance for NMI" RS "s future endeavors:\n\n\"The coordination "
     "of training and capacity building activities will be expanded into additional schools.\"",
     {{"Dany Fortin", "The coordination of training"}}},
    // aircom-00000000-usaf-assumes-lead-bap-45th-rotation: a rank alone names
    // the one person holding it.
    {"'The General added:' names the one general",
     "Dr. Vytautas Umbrasas, Vice Minister of National Defence, and United States Air Force "
     "General Tod D. Wolters, Commander of NATO" RS "s Allied Air Command, presided over the "
     "official handover of the key to the Baltic airspace.\n\nGeneral Wolters congratulated "
     "the Polish Detachment. The General added: \"As a NATO commander and a US citizen I am "
     "delighted to welcome the United States Detachment." RQ,
     {{"Tod D. Wolters", "As a NATO commander"}}},
    // kfor-00000000-usareur-af-commander-visits-kfor: a title in capitals is a
    // person's, not an organisation speaking.
    {"a title after an organisation's name is no organisation speaker",
     "KFOR Commander, Major General Franco Federici welcomed the Commander of United States "
     "Army Europe and Africa, General Christopher Cavoli, at Camp Film City.\n\n\"I am very "
     "pleased to have this opportunity to visit KFOR Command" RQ ", said General Cavoli , \"it's "
     "very encouraging to see how KFOR continues to deal with current challenges" RQ " added US "
     "ARMY EUROPE AND AFRICA Commander.",
     {{"Christopher Cavoli", "I am very pleased to have"}}},
    // jwc-20191109-buhler-visits-jwc-trju19: a quotation signed by the next
    // paragraph, which opens with a dash and the name.
    {"a dash and the name in the next paragraph sign the quotation",
     "General Erhard B\xC3\xBChler, Commander Allied Joint Force Command Brunssum, visited "
     "the Joint Warfare Centre.\n\n" LQ "The NATO Joint Warfare Centre worked tirelessly to "
     "build the scenario for TRIDENT JUPITER 19." RQ "\n\n- General Erhard B\xC3\xBChler, "
     "Commander Allied Joint Force Command Brunssum",
     {{"Erhard B\xC3\xBChler", "The NATO Joint Warfare Centre"}}},
    // Settled case: a quotation inside a reporting clause.
    {"'said that' + quotation is a reporting clause",
     "Defence Minister Rajnath Singh met his counterpart. Singh said that " LQ "the two "
     "countries will deepen their cooperation in the maritime domain" RQ ".",
     {}},
};

INSTANTIATE_TEST_SUITE_P(Genre, QuoteRules, testing::ValuesIn(kCases));

TEST(QuotesTest, AttributionAfterWithRankAndSurname) {
  auto q = Quotes(
      "Addressing the Korean delegation, Lieutenant General Francesco Diella presented NATO's "
      "new Strategic Concept. \xE2\x80\x9CNATO and Korea are strong partners. For over 15 "
      "years, we have been working together\xE2\x80\x9D, underlined Lieutenant General "
      "Diella.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Francesco Diella");
  EXPECT_EQ(q[0].text.substr(0, 34), "NATO and Korea are strong partners");
}

TEST(QuotesTest, StatementIssuedByAnOrganisationAndItsContinuations) {
  // idrw-20230521-jaishankar-meets-antony-blinken-discusses (pool); the third
  // quotation opens with a closing mark in the source.
  auto q = Quotes(
      "Meanwhile, a statement released by the White House read, \xE2\x80\x9CPresident Joe Biden "
      "and First Lady Jill Biden will host Prime Minister Narendra Modi of the Republic of India "
      "for an Official State Visit.\xE2\x80\x9D \xE2\x80\x9CThe visit will strengthen the two "
      "countries\xE2\x80\x99 shared commitment to a free, open, prosperous, and secure "
      "Indo-Pacific,\xE2\x80\x9D the statement added.\xE2\x80\x9DThe leaders will discuss ways "
      "to further expand our educational exchanges,\xE2\x80\x9D it stated further.");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].speaker, "White House");
  EXPECT_EQ(q[0].text.substr(0, 22), "President Joe Biden an");
  EXPECT_EQ(q[1].speaker, "White House");
  EXPECT_EQ(q[1].text.substr(0, 16), "The visit will s");
  EXPECT_EQ(q[2].speaker, "White House");
  EXPECT_EQ(q[2].text.substr(0, 16), "The leaders will");
}

TEST(QuotesTest, QuoteResumingAfterAttributionIsOne) {
  auto q = Quotes(
      "The Under Secretary of Defense for Policy, Michele Flournoy, sat down for lunch with "
      "troops. \xE2\x80\x9CYou all are at a critical juncture here in Iraq,\xE2\x80\x9D "
      "Flournoy said. \xE2\x80\x9CWhat you do over the next six months will determine "
      "it.\xE2\x80\x9D");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Michele Flournoy");
  EXPECT_EQ(q[0].text, "You all are at a critical juncture here in Iraq,");
}

TEST(QuotesTest, QuotationOverSeveralParagraphsIsOne) {
  // dvids-20200805-smdc-leader-gives-command-update-during: the first
  // paragraph's quotation does not close, so the next one continues it.
  auto q = Quotes(
      "\xE2\x80\x9CIt\xE2\x80\x99s a real pleasure to join you for this year\xE2\x80\x99s "
      "virtual SMD Symposium,\xE2\x80\x9D Lt. Gen. Daniel L. Karbler said. \xE2\x80\x9CWith so "
      "many pressing issues competing for our attention these days, it\xE2\x80\x99s nice to "
      "have this opportunity.\n\n\xE2\x80\x9CThe U.S. Army Space and Missile Defense Command "
      "serves as the Army\xE2\x80\x99s lead for space,\xE2\x80\x9D he added.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Daniel L. Karbler");
}

TEST(QuotesTest, FragmentsAreNotQuotes) {
  auto q = Quotes(
      "Jaishankar conveyed that the state of India-China relations is \xE2\x80\x9C"
      "abnormal\xE2\x80\x9D because of the lingering border row, he said.");
  EXPECT_TRUE(q.empty());
}

TEST(QuotesTest, OrganisationSpeakerAndIt) {
  auto q = Quotes(
      "\xE2\x80\x9CThe two-day sea phase witnessed a wide spectrum of evolutions at "
      "sea,\xE2\x80\x9D the Indian Navy said. \xE2\x80\x9C" "Apart from honing skills in the "
      "maritime domain the exercise enhanced interoperability,\xE2\x80\x9D it said in a "
      "statement.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Indian Navy");
  EXPECT_EQ(q[1].speaker, "Indian Navy");
}

TEST(QuotesTest, GenericOrganisationSpeakerResolvesToFullName) {
  auto q = Quotes(
      "The Ministry of Defence announced the deal on Monday. \xE2\x80\x9CThe contract will boost "
      "indigenous manufacturing of the aircraft,\xE2\x80\x9D the ministry said. \xE2\x80\x9C"
      "Deliveries will begin next year as planned,\xE2\x80\x9D In another tweet, Southern Naval "
      "Command said.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Ministry of Defence");
  EXPECT_EQ(q[1].speaker, "Southern Naval Command");
}

TEST(QuotesTest, AnonymousSourcesAreLeftOut) {
  auto q = Quotes(
      "\xE2\x80\x9CThe exercise went very well for all the navies involved,\xE2\x80\x9D "
      "defence sources said.");
  EXPECT_TRUE(q.empty());
}

TEST(QuotesTest, PronounResolvesToRecentSubject) {
  auto q = Quotes(
      "External Affairs Minister S Jaishankar held talks with Qin Gang. In a tweet, the "
      "external affairs minister said the focus remained. \xE2\x80\x9C" "A detailed "
      "discussion with State Councillor Qin Gang of China on our bilateral "
      "relationship,\xE2\x80\x9D he said.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "S Jaishankar");
}

}  // namespace
}  // namespace parley::extract_internal
