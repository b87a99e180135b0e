// Each person rule with real sentences from the corpus: the rule must anchor
// the name (or give the attribute), and the counter-examples must not be
// read as people.
#include "extract/person_rules.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "extract/test_util.h"
#include "gtest/gtest.h"

// The tables below leave out the attributes a row does not check; those
// members are empty on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace parley::extract_internal {
namespace {

struct Found {
  std::string name;
  std::vector<std::string_view> anchors;
  Attributes attr;
};

std::vector<Found> Candidates(const std::string& body, const std::string& title = "") {
  NormalizedArticle article = testing_util::MakeArticle(title, body);
  Document doc = BuildDocument(article);
  std::vector<OrgMention> orgs = FindOrganizations(doc);
  PeopleContext c(doc, orgs);
  std::vector<Found> out;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    for (const Candidate& cand : FindPersonCandidates(c, static_cast<int>(si))) {
      out.push_back({std::string(doc.TokenRange(cand.first, cand.name_end)), AnchorNames(cand),
                     cand.attr});
    }
  }
  return out;
}

struct RuleCase {
  std::string_view rule;
  std::string body;
  std::string name;
  std::string rank, role, org;  // expected attributes ("" = not checked)
};

// Real sentences, one or more per rule.
const RuleCase kCases[] = {
    {"honorific", "The Prime Minister also met Mr. Abdulla Shahid in Male today.",
     "Abdulla Shahid"},
    {"rank", "The delegation was received by Lieutenant General Francesco Diella in Seoul.",
     "Francesco Diella", "Lieutenant General"},
    {"rank", "According to Rear Adm. John Alexander, the visit went well.", "John Alexander",
     "Rear Admiral"},
    {"rank", "The ship, commanded by Cdr Hemant V Salunkhe, was decommissioned.",
     "Hemant V Salunkhe", "Commander"},
    {"title-before",
     "National Security Advisor Jake Sullivan met with Saudi Prime Minister and Crown Prince "
     "Mohammed bin Salman.",
     "Mohammed bin Salman", "", "Prime Minister and Crown Prince"},
    {"title-before", "He spoke with his Australian counterpart Richard Marles on Tuesday.",
     "Richard Marles"},
    {"apposition-before",
     "A military delegation from NATO\xE2\x80\x99s Cooperative Security Division (CS), led by its "
     "Director, Lieutenant General Francesco Diella travelled to Seoul.",
     "Francesco Diella", "Lieutenant General", "Director", "NATO Cooperative Security Division"},
    {"apposition-before",
     "The United States Ambassador to India, Eric Garcetti, attended the ceremony.",
     "Eric Garcetti", "", "Ambassador to India"},
    {"commanded-by",
     "INS Batti Malv is a 46m long ship commanded by Lieutenant Commander Rahul Mane.",
     "Rahul Mane", "Lieutenant Commander", "", "INS Batti Malv"},
    {"apposition-after",
     "Welcoming the NATO delegation, Major General Su-Kwang Kim, Director of the Strategy and "
     "Plans Division of the Republic of Korea Joint Chiefs of Staff highlighted the partnership.",
     "Su-Kwang Kim", "Major General", "Director of the Strategy and Plans Division",
     "Republic of Korea Joint Chiefs of Staff"},
    {"apposition-after",
     "The visit went well, according to Fred Goldhammer, commanding officer, USS Ronald Reagan.",
     "Fred Goldhammer", "", "commanding officer", "USS Ronald Reagan"},
    {"subject-of-verb", "Eric Edelman met with members of the 6th Squadron in Baghdad.",
     "Eric Edelman"},
    {"after-speech-verb", "\xE2\x80\x9CWe value this partnership,\xE2\x80\x9D said Zack Perrin.",
     "Zack Perrin"},
    {"meeting-object", "Sullivan met Juan Gonzalez in Guyana on Monday.", "Juan Gonzalez"},
    {"meeting-object",
     "The general was accompanied by Issa Kaloga on his visit to the training centre.",
     "Issa Kaloga"},
    // mvephr-00000000-permreps-meet-sact-norfolk.
    {"listed-with-country",
     "Artur Kuko of Albania, Igor Pokaz of Croatia, Pascale Andr\xC3\xA9" "ani of France, Martin "
     "Erdmann of Germany, Istv\xC3\xA1n Kov\xC3\xA1" "cs of Hungary, and Bogusaw Winid of Poland, "
     "began the visit May 13 with dinner and discussions with Abrial.",
     "Artur Kuko"},
    {"listed-with-country",
     "Artur Kuko of Albania, Igor Pokaz of Croatia, Pascale Andr\xC3\xA9" "ani of France, Martin "
     "Erdmann of Germany, Istv\xC3\xA1n Kov\xC3\xA1" "cs of Hungary, and Bogusaw Winid of Poland, "
     "began the visit May 13 with dinner and discussions with Abrial.",
     "Bogusaw Winid"},
    // pacom-20180628-khaan-quest-2018-closing-ceremony: a title in lower case.
    {"apposition-before",
     "The prime minister of Mongolia, Ukhnaagiin Khurelsukh, began the closing ceremony with his "
     "opening remarks.",
     "Ukhnaagiin Khurelsukh", "", "prime minister"},
};

class PersonRuleTest : public testing::TestWithParam<RuleCase> {};

TEST_P(PersonRuleTest, AnchorsTheNameWithItsAttributes) {
  const RuleCase& c = GetParam();
  std::vector<Found> found = Candidates(c.body);
  auto it = std::find_if(found.begin(), found.end(),
                         [&](const Found& f) { return f.name == c.name; });
  ASSERT_NE(it, found.end()) << c.rule << ": no candidate \"" << c.name << "\" in: " << c.body;
  bool by_rule = std::find(it->anchors.begin(), it->anchors.end(), c.rule) != it->anchors.end();
  // commanded-by gives the organisation only; the others anchor.
  if (c.rule != "commanded-by") {
    EXPECT_TRUE(by_rule) << c.rule << " did not anchor " << c.name;
  }
  if (!c.rank.empty()) {
    EXPECT_EQ(it->attr.rank, c.rank);
  }
  if (!c.role.empty()) {
    EXPECT_EQ(it->attr.role, c.role);
  }
  if (!c.org.empty()) {
    EXPECT_EQ(it->attr.org, c.org);
  }
}

INSTANTIATE_TEST_SUITE_P(RealSentences, PersonRuleTest, testing::ValuesIn(kCases));

TEST(PersonRuleTest, EveryRuleHasASentence) {
  for (const PersonRule& rule : PersonRules()) {
    bool covered = std::any_of(std::begin(kCases), std::end(kCases),
                               [&](const RuleCase& c) { return c.rule == rule.name; });
    EXPECT_TRUE(covered) << rule.name << " has no test sentence";
  }
}

struct NotAPerson {
  std::string body;
  std::string run;  // a capitalised run that no rule may anchor
};

const NotAPerson kNotPeople[] = {
    {"The minister met Lockheed Martin executives in Washington.", "Lockheed Martin"},
    {"The Joint Functional Component Command hosted the talks.", "Joint Functional Component"},
    {"The ship later sailed to Sri Lanka for a port call.", "Sri Lanka"},
    {"The London-based think tank said the talks went well.", "London-based"},
    {"The plan builds on the American Rescue Plan announced by the President.", "Rescue Plan"},
    {"Jens Stoltenberg, Secretary General of the North Atlantic Treaty Organization (NATO), "
     "met the minister.",
     "North Atlantic"},
    {"The Minister of Foreign Affairs and Diaspora of the Republic of Kosovo received him.",
     "Diaspora"},
    {"On arrival he was greeted by the Chief of the Hellenic National Defense General Staff.",
     "Hellenic"},
    {"Admiral Sir Keith Blount, NATO\xE2\x80\x99s Deputy Supreme Allied Commander Europe, held "
     "talks.",
     "Supreme Allied"},
    {"Also present were Trade Representative Katherine Tai and Small Business Administrator "
     "Isabel Guzman.",
     "Small Business"},
    {"It has started the development of Next Generation Explosive Reactive Armour (NGERA).",
     "Explosive Reactive"},
    {"The Upgraded Bofors called Dhanush got minuscule orders.", "Upgraded Bofors"},
    {"Alongside Special Envoy for the Christchurch Call Rt Hon Dame Jacinda Ardern, the meeting "
     "went on.",
     "Christchurch Call"},
    {"They discussed the investments proposed in the President\xE2\x80\x99s American Jobs Plan.",
     "Jobs Plan"},
    // A title's abbreviation in brackets (mvephr-00000000-permreps-meet-sact-norfolk).
    {"A group of North Atlantic Council (NAC) Permanent Representatives (PermReps) met with "
     "French Air Force General St\xC3\xA9phane Abrial.",
     "PermReps"},
    // A list by country of things, not of full names.
    {"The exercise brought together troops of Albania, Croatia, France and Germany.", "Croatia"},
    {"In May Secretary General Jens Stoltenberg visited the headquarters.", "May"},
};

// Names as served: without titles glued before them, post-nominal letters
// after them, or headline verbs; family names in capitals kept.
struct NameCase {
  std::string body;
  std::string title;
  std::string name;
  std::string role;  // "" = not checked
};

const NameCase kNames[] = {
    {"Also present were Secretary of Transportation Pete Buttigieg and others.", "",
     "Pete Buttigieg", "Secretary of Transportation"},
    {"He was joined by Deputy National Security Advisor for International Economics Daleep "
     "Singh.",
     "", "Daleep Singh"},
    {"The Supreme Allied Commanders were joined by Air Marshal Sir Graham Stacey KBE, CB and "
     "General Werner Freers.",
     "", "Graham Stacey"},
    {"Admiral Tony Radakin CB ADC, Royal Navy First Sea Lord, visited the headquarters.", "",
     "Tony Radakin"},
    {"KAMIKAWA Yoko, Minister for Foreign Affairs of Japan, received a courtesy call.", "",
     "KAMIKAWA Yoko", "Minister for Foreign Affairs"},
    {"KFOR Chief of Staff, Brigadier General John MAIER, presided over the ceremony.", "",
     "John MAIER", "Chief of Staff"},
    {"Vice President Kamala Harris met with Prime Minister Sanna Marin of Finland and Prime "
     "Minister Ulf Kristersson of Sweden in Munich.",
     "", "Ulf Kristersson", "Prime Minister"},
    {"The Prime Minister spoke to reporters before leaving.", "PM Narendra Modi Leaves For Japan",
     "Narendra Modi"},
    // A generational suffix without a comma (af-00000000-commander-ac-ramstein-visits-caoc-uedem).
    {"General Mark A. Welsh III, commander of Allied Air Command Ramstein, Germany, paid his "
     "first visit to the NATO Combined Air Operations Centre at Uedem, Germany, Jan. 27.",
     "", "Mark A. Welsh III"},
    // A particle elided onto the last name word (act-20161102-nato-ambassadors-visit-act).
    {"The visiting representatives were Mr. Francois de Kerchove d\xE2\x80\x99" "Exaerde from "
     "Belgium, Mr. Boris Grigic from Croatia, and Mrs. Helene Duchene from France.",
     "", "Francois de Kerchove d\xE2\x80\x99" "Exaerde"},
    // Months that are names too (marcom-20190708-theresa-may-visits-marcom,
    // nato-20080409-nsa-act-letter-of-agreement).
    {"The Rt Hon. Theresa May, Prime Minister of the United Kingdom visited NATO Maritime "
     "Command on 8 July.",
     "", "Theresa May", "Prime Minister of the United Kingdom"},
    {"On 3 March 2008, the Director NSA, VADM Juan A. Moreno and the Chief of Staff ACT, Lt Gen "
     "Jan Arp signed a letter of agreement.",
     "", "Jan Arp"},
    // A surname that is also an English word (jmod-20120914-japan-australia-2plus2-sydney).
    {"Foreign Minister Gemba and Defense Minister Morimoto talked with their Australian "
     "counterparts Foreign Minister Carr and Defence Minister Smith in Sydney.",
     "", "Smith", "Defence Minister"},
    // A word before the head word closing the title
    // (eucom-20240426-chiefs-of-mission-conference).
    {"\xE2\x80\x9C" "Advancing the peace and security of Europe requires close cooperation,"
     "\xE2\x80\x9D said U.S. Assistant Secretary of State for European and Eurasian Affairs "
     "James O\xE2\x80\x99" "Brien.",
     "", "James O\xE2\x80\x99" "Brien",
     "Assistant Secretary of State for European and Eurasian Affairs"},
    // The title before the comma is the previous person's
    // (aircom-00000000-usaf-assumes-lead-bap-45th-rotation).
    {"Dr. Vytautas Umbrasas, Vice Minister of National Defence, and United States Air Force "
     "General Tod D. Wolters, Commander of NATO\xE2\x80\x99s Allied Air Command, presided over "
     "the official handover.",
     "", "Tod D. Wolters", "Commander"},
};

TEST(PersonRuleTest, NamesAsServed) {
  for (const NameCase& c : kNames) {
    std::vector<Found> found = Candidates(c.body, c.title);
    auto it = std::find_if(found.begin(), found.end(),
                           [&](const Found& f) { return f.name == c.name; });
    ASSERT_NE(it, found.end()) << "no \"" << c.name << "\" in: " << c.title << " " << c.body;
    if (!c.role.empty()) {
      EXPECT_EQ(it->attr.role, c.role) << c.body;
    }
  }
}

TEST(PersonRuleTest, RunsThatAreNotPeopleAreNotAnchored) {
  for (const NotAPerson& c : kNotPeople) {
    for (const Found& f : Candidates(c.body)) {
      EXPECT_EQ(f.name.find(c.run), std::string::npos) << f.name << " in: " << c.body;
    }
  }
}

}  // namespace
}  // namespace parley::extract_internal
