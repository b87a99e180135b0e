#include "extract/lexicon.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "extract/calendar.h"
#include "extract/gazetteer.h"

namespace parley::extract_internal {
namespace {

// Hash for the lexicon's keys, nearly all a few bytes long: one multiply per
// eight bytes, cheaper than absl::Hash on the lookup every token makes.
struct WordHash {
  using is_transparent = void;
  size_t operator()(absl::string_view word) const {
    constexpr uint64_t kMul = 0x9E3779B97F4A7C15ULL;
    uint64_t h = word.size() * kMul;
    size_t i = 0;
    for (; i + 8 <= word.size(); i += 8) {
      uint64_t chunk;
      std::memcpy(&chunk, word.data() + i, 8);
      h = (h ^ chunk) * kMul;
    }
    if (i < word.size()) {
      uint64_t chunk = 0;
      std::memcpy(&chunk, word.data() + i, word.size() - i);
      h = (h ^ chunk) * kMul;
    }
    return static_cast<size_t>(h ^ (h >> 32));
  }
};
struct WordEq {
  using is_transparent = void;
  bool operator()(absl::string_view a, absl::string_view b) const { return a == b; }
};

using WordSet = absl::flat_hash_set<std::string, WordHash, WordEq>;

absl::string_view AV(std::string_view s) { return absl::string_view(s.data(), s.size()); }

WordSet* MakeSet(std::initializer_list<std::string_view> words, bool lower) {
  auto* set = new WordSet;
  for (std::string_view w : words) set->insert(lower ? Lower(w) : std::string(w));
  return set;
}

struct RankPattern {
  std::vector<std::string> words;  // Bare token texts
  std::string expanded;
};

// "pattern|pattern=Expanded" rows. Patterns are token sequences (periods are
// dropped before matching, so "Lt Gen" also matches "Lt. Gen.").
constexpr std::string_view kRanks[] = {
    "General|Gen|GEN=General",
    "Lieutenant General|Lt Gen|Lt-Gen|Lt-General|LTG|Lieut Gen|LtGen=Lieutenant General",
    "Major General|Maj Gen|Maj-Gen|MG|MajGen=Major General",
    "Brigadier General|Brig Gen|BG|BGen=Brigadier General",
    "Brigadier=Brigadier",
    "Colonel|Col|COL=Colonel",
    "Lieutenant Colonel|Lt Col|LTC|LtCol=Lieutenant Colonel",
    "Major|Maj|MAJ=Major",
    "Captain|Capt|CPT|Cpt=Captain",
    "Lieutenant|Lt|LT|1LT|2LT=Lieutenant",
    "First Lieutenant|1st Lt=First Lieutenant",
    "Second Lieutenant|2nd Lt=Second Lieutenant",
    "Lieutenant Junior Grade|Lt j g=Lieutenant Junior Grade",
    "Admiral|Adm|ADM=Admiral",
    "Vice Admiral|Vice Adm|VADM=Vice Admiral",
    "Rear Admiral|Rear Adm|RADM|RDML=Rear Admiral",
    "Commodore|Cmdre|Cdre=Commodore",
    "Commander|Cmdr|Cdr|CDR=Commander",
    "Lieutenant Commander|Lt Cmdr|Lt Cdr|LCDR|Lt Commander=Lieutenant Commander",
    "Ensign|Ens|ENS=Ensign",
    "Field Marshal=Field Marshal",
    "Marshal=Marshal",
    "Air Chief Marshal|ACM=Air Chief Marshal",
    "Air Marshal=Air Marshal",
    "Air Vice Marshal|AVM|Air Vice-Marshal=Air Vice Marshal",
    "Air Commodore|Air Cmde=Air Commodore",
    "Group Captain|Gp Capt=Group Captain",
    "Wing Commander|Wg Cdr=Wing Commander",
    "Squadron Leader|Sqn Ldr=Squadron Leader",
    "Flight Lieutenant|Flt Lt=Flight Lieutenant",
    "Sergeant|Sgt|SGT=Sergeant",
    "Staff Sergeant|Staff Sgt|SSgt|SSG=Staff Sergeant",
    "Sergeant First Class|Sgt 1st Class|SFC=Sergeant First Class",
    "Master Sergeant|Master Sgt|MSgt|MSG=Master Sergeant",
    "First Sergeant|1st Sgt=First Sergeant",
    "Sergeant Major|Sgt Maj|SGM=Sergeant Major",
    "Command Sergeant Major|Command Sgt Maj|CSM=Command Sergeant Major",
    "Gunnery Sergeant|Gunnery Sgt|GySgt=Gunnery Sergeant",
    "Technical Sergeant|Tech Sgt|TSgt=Technical Sergeant",
    "Senior Master Sergeant|Senior Master Sgt|SMSgt=Senior Master Sergeant",
    "Chief Master Sergeant|Chief Master Sgt|CMSgt=Chief Master Sergeant",
    "Specialist|Spc|SPC=Specialist",
    "Corporal|Cpl|CPL=Corporal",
    "Lance Corporal|Lance Cpl|LCpl=Lance Corporal",
    "Private|Pvt|PVT=Private",
    "Private First Class|Pfc|PFC=Private First Class",
    "Airman|Amn=Airman",
    "Airman First Class|A1C=Airman First Class",
    "Senior Airman|SrA=Senior Airman",
    "Petty Officer=Petty Officer",
    "Petty Officer 1st Class|Petty Officer First Class=Petty Officer 1st Class",
    "Petty Officer 2nd Class|Petty Officer Second Class=Petty Officer 2nd Class",
    "Petty Officer 3rd Class|Petty Officer Third Class=Petty Officer 3rd Class",
    "Chief Petty Officer=Chief Petty Officer",
    "Senior Chief Petty Officer=Senior Chief Petty Officer",
    "Master Chief Petty Officer=Master Chief Petty Officer",
    "Seaman=Seaman",
    "Warrant Officer=Warrant Officer",
    "Chief Warrant Officer=Chief Warrant Officer",
    "Mass Communication Specialist=Mass Communication Specialist",
    "Mass Communication Specialist 1st Class=Mass Communication Specialist 1st Class",
    "Mass Communication Specialist 2nd Class=Mass Communication Specialist 2nd Class",
    "Mass Communication Specialist 3rd Class=Mass Communication Specialist 3rd Class",
    "Mass Communication Specialist Seaman=Mass Communication Specialist Seaman",
    "Teniente General=Teniente General",
    "General de Brigada=General de Brigada",
    "General de División=General de División",
    "Contraalmirante=Contraalmirante",
    "Vicealmirante=Vicealmirante",
    "Almirante=Almirante",
    "Coronel=Coronel",
    "Général=Général",
    "Generalleutnant=Generalleutnant",
    "Generalmajor=Generalmajor",
};

struct RankTable {
  absl::flat_hash_map<std::string, std::vector<RankPattern>> by_first;
  WordSet first_words;
};

const RankTable& Ranks() {
  static const RankTable* table = [] {
    auto* t = new RankTable;
    for (std::string_view row : kRanks) {
      std::vector<std::string_view> kv = Split(row, '=');
      for (std::string_view pattern : Split(kv[0], '|')) {
        RankPattern p;
        for (std::string_view w : Split(pattern, ' ')) p.words.emplace_back(w);
        p.expanded = std::string(kv[1]);
        t->first_words.insert(p.words[0]);
        t->by_first[p.words[0]].push_back(std::move(p));
      }
    }
    for (auto& [k, v] : t->by_first) {
      std::sort(v.begin(), v.end(), [](const RankPattern& a, const RankPattern& b) {
        return a.words.size() > b.words.size();
      });
    }
    return t;
  }();
  return *table;
}

}  // namespace

std::vector<std::string_view> Split(std::string_view s, char sep, bool skip_empty) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t at = s.find(sep, start);
    std::string_view piece = s.substr(start, at == std::string_view::npos ? s.npos : at - start);
    if (!piece.empty() || !skip_empty) out.push_back(piece);
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

std::string_view LowerInto(std::string_view s, char (&buf)[64]) {
  if (s.size() > sizeof(buf)) return std::string_view();
  for (size_t i = 0; i < s.size(); ++i) {
    buf[i] = absl::ascii_tolower(static_cast<unsigned char>(s[i]));
  }
  return std::string_view(buf, s.size());
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = absl::ascii_tolower(static_cast<unsigned char>(c));
  return out;
}

int MatchRank(const std::vector<Token>& tokens, int i, int limit, std::string* expanded) {
  if (i >= limit || !tokens[i].IsWord()) return 0;
  if (tokens[i].flags != 0 && !tokens[i].Has(kFlagRankWord)) return 0;
  const RankTable& t = Ranks();
  auto it = t.by_first.find(AV(tokens[i].Bare()));
  if (it == t.by_first.end()) return 0;
  for (const RankPattern& p : it->second) {
    int n = static_cast<int>(p.words.size());
    if (i + n > limit) continue;
    bool ok = true;
    for (int k = 0; k < n && ok; ++k) {
      ok = tokens[i + k].Bare() == p.words[k];
      // Words of a rank are adjacent (no sentence punctuation between).
    }
    if (!ok) continue;
    *expanded = p.expanded;
    return n;
  }
  return 0;
}

bool IsRankWord(std::string_view word) { return Ranks().first_words.contains(AV(word)); }

const WordSet& IsTitleHeadSet() {
  static const WordSet* set = MakeSet(
      {"President", "Minister", "Advisor", "Adviser", "Secretary", "Director",
       "Chief", "Head", "Ambassador", "Commander", "Prince", "Princess", "King",
       "Queen", "Emir", "Member", "Spokesperson", "Spokesman", "Spokeswoman",
       "Envoy", "Councillor", "Councilor", "Commandant", "Officer", "Chairman",
       "Chairperson", "Chair", "Governor", "Premier", "Chancellor", "Mayor",
       "Speaker", "Leader", "Representative", "Coordinator", "Commissioner",
       "Consul", "Attache", "Administrator", "Counsellor", "Counselor",
       "Undersecretary", "Sultan", "Sheikh", "Senator", "Congressman",
       "Congresswoman", "Deputy", "Counterpart", "Adjutant", "Inspector", "FM", "PM",
       "NSA", "EAM", "CDS", "COAS", "CNS", "CAS", "DG", "CM", "MP", "Sen", "Rep", "Gov",
       "Senators", "Representatives", "Presidents", "Ministers", "Secretaries", "Directors",
       "Ambassadors", "Envoys", "Commanders", "Taoiseach", "Tanaiste", "Tánaiste"},
      true);
  return *set;
}

bool IsTitleHead(std::string_view word) {
  char buf[64];
  return IsTitleHeadSet().contains(AV(LowerInto(word, buf)));
}

const WordSet& IsTitleModifierSet() {
  static const WordSet* set = MakeSet(
      {"National", "Security", "Deputy", "Principal", "Prime", "Foreign",
       "External", "Affairs", "Defence", "Defense", "Vice", "Under", "Assistant",
       "Senior", "Special", "Crown", "General", "State", "Home", "Finance",
       "Executive", "High", "Joint", "Politburo", "Permanent", "First", "Second",
       "Chief", "Acting", "Interim", "Supreme", "Lord", "Minister", "Cabinet",
       "Union", "Federal", "Parliamentary", "Commanding", "Army", "Naval",
       "Air", "Staff", "Trade", "Economic", "Climate", "International",
       "Policy", "Science", "Technology", "Intelligence", "Homeland",
       "Communications", "Press", "Counsel", "Ministry", "Strategic", "Relations",
       "Economy", "Commerce", "Health", "Education", "Energy", "Interior", "Justice",
       "Labor", "Labour", "Agriculture", "Transportation", "Transport", "Treasury",
       "Veterans", "Housing", "Environment", "Industry", "Development", "Planning",
       "Tourism", "Culture", "Infrastructure", "Investment", "Welfare", "Women", "Youth",
       "Sports", "Immigration", "Revenue", "Railways", "Aviation", "Shipping", "Ports",
       "Petroleum", "Mines", "Fisheries", "Water", "Resources", "Cooperation"},
      true);
  return *set;
}

bool IsTitleModifier(std::string_view word) {
  char buf[64];
  return IsTitleModifierSet().contains(AV(LowerInto(word, buf)));
}

const WordSet& IsHonorificSet() {
  static const WordSet* set = MakeSet(
      {"Mr", "Mrs", "Ms", "Dr", "Sheikh", "Shri", "Smt", "Sir", "Dame", "Prof",
       "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Shri.", "Smt.", "H.E.", "Madam",
       "Mme", "Herr", "Excellency", "Hon", "Hon.", "Honourable", "Honorable", "Datuk",
       "Dato", "Datin", "Tun", "Haji", "Hajji", "Pehin", "Sayyid", "Shaikh", "Sheikha"},
      false);
  return *set;
}

bool IsHonorific(std::string_view word) { return IsHonorificSet().contains(AV(word)); }

const WordSet& IsNameParticleSet() {
  static const WordSet* set =
      MakeSet({"bin", "bint", "ibn", "de", "da", "del", "della", "di", "van",
               "von", "der", "den", "le", "la", "du", "dos", "das", "al", "el",
               "al-", "ben", "y", "ter", "ul", "ur"},
              false);
  return *set;
}

bool IsNameParticle(std::string_view word) { return IsNameParticleSet().contains(AV(word)); }

const WordSet& IsNameStopwordSet() {
  static const WordSet* set = MakeSet(
      {"The", "A", "An", "And", "Or", "But", "Of", "In", "On", "At", "To", "For",
       "By", "With", "From", "As", "This", "That", "These", "Those", "It", "Its",
       "He", "She", "They", "We", "I", "You", "Our", "His", "Her", "Their",
       "My", "Your", "Both", "Two", "Three", "Following", "Meanwhile", "During",
       "After", "Before", "While", "When", "Where", "Today", "Yesterday",
       "Tomorrow", "Last", "Next", "New", "Also", "Further", "Finally", "In",
       "Under", "Over", "All", "Each", "Every", "Several", "Many", "Other",
       "January", "February", "March", "April", "May", "June", "July",
       "August", "September", "October", "November", "December", "Jan", "Feb",
       "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
       "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
       "Sunday", "Army", "Navy", "Air", "Force", "Forces", "Marine", "Marines",
       "Corps", "Division", "Command", "Staff", "Office", "Ministry",
       "Department", "Fleet", "Group", "Headquarters", "Council", "Commission",
       "Committee", "Party", "Government", "Administration", "House", "Agency",
       "Summit", "Conference", "Exercise", "Operation", "Naval", "Military",
       "Defence", "Defense", "Security", "National", "Foreign", "Affairs",
       "External", "Joint", "Area", "Sea", "Ocean", "Republic", "Kingdom",
       "State", "States", "United", "Union", "Embassy", "Mission", "Center",
       "Centre", "School", "University", "Academy", "Institute", "Base",
       "Camp", "Port", "Station", "Battalion", "Brigade", "Regiment",
       "Squadron", "Wing", "Company", "Task", "Strike", "Carrier", "Ship",
       "Guard", "Coast", "Minister", "President", "Prime", "Secretary",
       "General", "Director", "Chief", "Head", "Ambassador", "Advisor",
       "Adviser", "Deputy", "Principal", "Commander", "Officer", "Spokesperson",
       "Crown", "Prince", "King", "Queen", "Member", "Readout", "Statement",
       "Remarks", "Press", "Release", "Source", "SOURCE", "Photo", "Video",
       "White", "Pentagon", "Capt", "Vice", "Under", "Assistant", "Senior",
       "Special", "Lt", "Gen", "Adm", "Col", "Maj", "Sgt", "Mr", "Mrs", "Ms",
       "Dr", "Sheikh", "Excellency", "Hon", "Indo-Pacific", "Cooperative",
       "Strategic", "Strategy", "Plans", "Partnership", "Partners", "Partner",
       "Programme", "Program", "Initiative", "Dialogue", "Talks", "Meeting",
       "Visit", "Day", "Week", "Year", "Month", "Prime", "Honorable",
       "Honourable", "Allies", "Alliance", "Ukraine", "Gaza", "Cyber", "Space",
       "Combat", "Fighter", "Infantry", "Artillery", "Coalition", "Centre",
       "Forum", "Quad", "Dear", "Welcome", "Thank", "Thanks", "Please", "Yes",
       "No", "Not", "Now", "Then", "There", "Here", "What", "Who", "How",
       "Why", "If", "So", "Such", "Some", "Any", "One", "Hindustan", "Limited",
       "Aeronautics", "Industries", "Sector", "Policy", "Operations",
       "Region", "Regional", "Global", "International", "Peace", "Humanitarian",
       "Technology", "Critical", "Emerging", "Science", "Act", "Bill", "Treaty",
       "Agreement", "Accord", "Relations", "Economy", "Commerce", "Health", "Education",
       "Energy", "Interior", "Justice", "Treasury", "Veterans", "Development", "Senators",
       "Ministers", "Leaders", "Officials", "Chiefs", "Generals", "Admirals", "Embassy"},
      false);
  return *set;
}

bool IsNameStopword(std::string_view word) { return IsNameStopwordSet().contains(AV(word)); }

const WordSet& IsOrgHeadSet() {
  static const WordSet* set = MakeSet(
      {"Division", "Army", "Navy", "Force", "Forces", "Staff", "Command",
       "Ministry", "Department", "Fleet", "Corps", "Agency", "Council",
       "Commission", "Committee", "Organisation", "Organization", "Group",
       "Office", "Headquarters", "Guard", "Brigade", "Battalion", "Regiment",
       "Squadron", "Wing", "University", "Academy", "Centre", "Center",
       "Institute", "Administration", "Coalition", "Alliance", "Union",
       "Embassy", "Government", "Marines", "Service", "Services", "Bureau",
       "Secretariat", "Cabinet", "Parliament", "Assembly", "Company",
       "Limited", "Ltd", "Inc", "Corporation", "Party", "House", "Directorate",
       "Commandos", "Squadrons", "Contingent", "Unit", "Team", "Task",
       "Chiefs", "Defense", "Defence", "Authority", "Board", "Mission",
       "School", "College", "Laboratory", "Lab", "Foundation", "Association", "Airforce",
       "Aerospace", "Systems", "Express", "Motor", "Motors", "Police", "Technologies",
       "Industries", "Dynamics", "Electronics", "Media", "News", "Times", "Post", "Live",
       "Shipyard", "Shipbuilders", "Enterprises", "Holdings", "Group", "Bank", "Fund",
       "Airlines", "Airways", "Railways", "Institution", "Capabilities", "Agreements",
       "Network", "Tribune", "Herald", "Journal", "Gazette", "Today", "Insider",
       "Community", "Caucus", "Issues", "Rifles", "Regiments", "Infantry", "Artillery",
       "Cavalry", "Rangers", "Guards", "Grenadiers", "Fusiliers", "Hussars", "Dragoons",
       "Lancers", "Highlanders", "Gorkhas", "Gurkhas"},
      false);
  return *set;
}

bool IsOrgHead(std::string_view word) { return IsOrgHeadSet().contains(AV(word)); }

const WordSet& IsOrgWordSet() {
  static const WordSet* set = MakeSet(
      {"Joint", "Air", "Naval", "Maritime", "Self-Defense", "Self-Defence",
       "Armed", "Special", "National", "Security", "Foreign", "Affairs",
       "Strategic", "Cooperative", "Operations", "Space", "Cyber", "Marine",
       "Coast", "Border", "Central", "Eastern", "Western", "Northern",
       "Southern", "Strike", "Carrier", "Expeditionary", "Infantry", "Airborne",
       "Mountain", "Defense", "Defence", "Military", "Information", "Public",
       "Communist", "Politburo", "High", "Plans", "Policy", "Intelligence",
       "Logistics", "Training", "Doctrine", "Medical", "Engineer", "Signal",
       "Aviation", "Combat", "Support", "Sustainment", "Air and Space"},
      false);
  return *set;
}

bool IsOrgWord(std::string_view word) {
  return IsOrgWordSet().contains(AV(word)) || IsOrgHead(word);
}

const WordSet& IsPlaceHeadSet() {
  static const WordSet* set = MakeSet(
      {"Sea", "Ocean", "Gulf", "Bay", "Strait", "Straits", "Headquarters",
       "Memorial", "Base", "Port", "Harbor", "Harbour", "Airbase", "Airport",
       "Island", "Islands", "Camp", "Fort", "Area", "Range", "Valley",
       "Peninsula", "Station", "Palace", "Pentagon", "Cemetery", "Field",
       "Barracks", "Garrison", "Airfield", "Naval Base", "Region", "Province",
       "Hall", "Center", "Centre", "Museum", "Canal", "River", "Lake",
       "Mountains", "Hills", "Desert", "Coast", "Facility", "Plains", "Plain", "House",
       "Bhavan"},
      false);
  return *set;
}

bool IsPlaceHead(std::string_view word) { return IsPlaceHeadSet().contains(AV(word)); }

const WordSet& IsEventTriggerSet() {
  static const WordSet* set = MakeSet(
      {"met", "meet", "meets", "meeting", "meetings", "talks", "visit",
       "visited", "visits", "visiting", "led", "leads", "leading", "welcomed",
       "welcomes", "welcoming", "hosted", "hosts", "hosting", "host",
       "travelled", "traveled", "travels", "travel", "traveling",
       "travelling", "called", "calls", "call", "attended", "attend",
       "attends", "attending", "participated", "participate", "participating",
       "participates", "took", "take", "part", "among", "guests", "conducted",
       "conduct", "conducts", "held", "hold", "holds", "holding", "discussed",
       "discuss", "discusses", "commanded", "arrived", "arrives", "paid",
       "pays", "addressed", "addressing", "signed", "sign", "signs",
       "inaugurated", "reviewed", "inspected", "received", "receives",
       "hosted", "spoke", "speaks", "joined", "joins", "accompanied",
       "embarked", "toured", "tours", "exercise", "exercised", "drills",
       "operated", "operating", "trained", "training", "interacted",
       "delegation", "conveyed", "sat", "lunch", "dinner", "ceremony",
       "laid", "presided", "chaired", "co-chaired", "greeted", "briefed",
       "thanked", "congratulated", "reaffirmed", "emphasized", "underscored",
       "affirmed", "discussions", "consultations", "agreed", "raised",
       "reiterated", "celebrated", "stressed", "noted", "expressed",
       "congratulate", "talked", "spoke", "phone", "engaged", "counterpart",
       "counterparts", "respects", "tribute"},
      false);
  return *set;
}

bool IsEventTrigger(std::string_view word) { return IsEventTriggerSet().contains(AV(word)); }

const WordSet& IsSpeechVerbSet() {
  static const WordSet* set = MakeSet(
      {"said", "says", "say", "added", "adds", "underlined", "emphasised",
       "emphasized", "stated", "states", "noted", "notes", "tweeted",
       "tweets", "told", "explained", "explains", "stressed", "highlighted",
       "remarked", "wrote", "writes", "posted", "commented", "asserted",
       "affirmed", "observed", "continued", "declared", "announced", "recalled",
       "acknowledged", "concluded", "shared", "mentioned", "urged",
       "reiterated", "insisted", "pointed", "quipped", "replied", "responded",
       "underscored", "agreed", "warned", "recounted", "described", "read", "reads"},
      false);
  return *set;
}

bool IsSpeechVerb(std::string_view word) { return IsSpeechVerbSet().contains(AV(word)); }

bool IsPersonPronoun(std::string_view word) {
  return word == "he" || word == "she" || word == "He" || word == "She";
}

const WordSet& IsLocationTriggerSet() {
  static const WordSet* set = MakeSet(
      {"met", "meet", "meets", "meeting", "talks", "visit", "visited", "visits",
       "visiting", "travelled", "traveled", "travel", "travels", "traveling",
       "travelling", "trip", "arrived", "arrives", "arrival", "hosted", "hosts",
       "host", "held", "hold", "holds", "conducted", "conduct", "led", "toured", "tours", "touring",
       "tour", "attended", "attend", "attending", "exercise", "drills", "drill",
       "participating", "participated", "ceremony", "paid", "called", "welcomed",
       "embarked", "aboard", "sat", "lunch", "dinner", "summit", "conference",
       "delegation", "sidelines", "margins", "respects", "tribute", "docked", "berthed", "signed", "staff", "session"},
      false);
  return *set;
}

bool IsLocationTrigger(std::string_view word) { return IsLocationTriggerSet().contains(AV(word)); }

namespace {

// One table per key form, built from the word lists above, so that a token's
// classes cost two or three lookups instead of one per list.
// key -> {flags when a token is exactly the key, flags when a token
// lower-cases to the key}: one lookup for lower-case tokens, two otherwise.
struct FlagEntry {
  uint32_t exact = 0;
  uint32_t lower = 0;
};
struct FlagTables {
  absl::flat_hash_map<std::string, FlagEntry, WordHash, WordEq> map;
};

const FlagTables& Flags() {
  static const FlagTables* tables = [] {
    auto* t = new FlagTables;
    auto add_exact = [&](const WordSet& set, uint32_t flag) {
      for (const std::string& w : set) t->map[w].exact |= flag;
    };
    auto add_lower = [&](const WordSet& set, uint32_t flag) {
      for (const std::string& w : set) t->map[Lower(w)].lower |= flag;
    };
    add_exact(IsNameStopwordSet(), kFlagStopword);
    for (const std::string& w : Ranks().first_words) t->map[w].exact |= kFlagRankWord;
    add_exact(IsHonorificSet(), kFlagHonorific);
    add_exact(IsNameParticleSet(), kFlagParticle);
    add_exact(IsOrgHeadSet(), kFlagOrgHead | kFlagOrgWord | kFlagHeadWord);
    add_exact(IsOrgWordSet(), kFlagOrgWord);
    add_exact(IsPlaceHeadSet(), kFlagPlaceHead);
    add_exact(IsSpeechVerbSet(), kFlagSpeechVerb);
    t->map["Affairs"].exact |= kFlagHeadWord;
    for (std::string_view w : {"USS", "USNS", "INS", "JS", "HMS", "HMAS", "HMCS", "HMNZS", "ROKS",
                               "KRI", "BNS", "SLNS", "PNS", "FS", "ITS", "ESPS", "HNLMS", "TCG"}) {
      t->map[std::string(w)].exact |= kFlagShipPrefix;
    }
    for (std::string_view w : {"NATO", "ASEAN", "UN", "EU", "SCO", "BRICS", "IAF", "IDF", "JMSDF",
                               "JASDF", "JGSDF", "DRDO", "HAL", "ISRO", "PLA", "PLAN", "CENTCOM",
                               "INDOPACOM", "EUCOM", "AFRICOM", "NORAD", "SOUTHCOM", "IPKF", "BSF",
                               "CRPF", "ITBP", "NSG", "QUAD", "Quad", "G7", "G-7", "G20", "G-20",
                               "AUKUS", "OSCE", "IAEA", "WHO", "ICRC", "MEA", "MoD", "DoD", "NSC",
                               "PMO"}) {
      t->map[std::string(w)].exact |= kFlagOrgAcronym;
    }
    for (std::string_view d : {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                               "Saturday", "Sunday"}) {
      t->map[std::string(d)].exact |= kFlagWeekday;
    }
    for (std::string_view w :
         {"staff", "exercise", "exercises", "drill", "drills", "wargame", "war-game",
          "wargames", "maneuvers", "manoeuvres", "operates", "operations", "passex", "ceremony", "tribute",
          "tributes", "wreath", "commemorates", "commemoration", "homage", "parade", "funeral",
          "change", "commissioned", "commissioning", "anniversary", "training", "course",
          "workshop", "trains", "graduates", "agreement", "signs", "signed", "sign", "mou",
          "pact", "accord", "treaty", "deal", "meeting", "meets", "met", "meet", "talks",
          "call", "calls", "bilateral", "trilateral", "discusses", "discussed", "visit",
          "visits", "visited", "visiting", "travel", "travels", "trip", "tour", "tours",
          "arrives", "arrived", "dine", "dines", "visitors", "aboard", "port", "conference",
          "summit", "symposium", "forum", "seminar", "conclave", "dialogue", "statement"}) {
      t->map[std::string(w)].lower |= kFlagTypeKeyword;
    }
    add_lower(IsTitleHeadSet(), kFlagTitleHead);
    add_lower(IsTitleModifierSet(), kFlagTitleModifier);
    add_lower(IsEventTriggerSet(), kFlagEventTrigger);
    add_lower(IsLocationTriggerSet(), kFlagLocationTrigger);
    for (std::string_view m : {"january", "february", "march", "april", "may", "june", "july",
                               "august", "september", "october", "november", "december",
                               "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                               "oct", "nov", "dec"}) {
      t->map[std::string(m)].lower |= kFlagMonth;
    }
    // Gazetteer words: single-word entries and first words of longer ones.
    ForEachPlaceKey(
        [](void* ctx, std::string_view key, PlaceKind kind, bool exact) {
          auto* flag_tables = static_cast<FlagTables*>(ctx);
          size_t space = key.find(' ');
          uint32_t f = kFlagPlaceStart;
          if (space == std::string_view::npos) {
            f = kFlagPlace;
            if (kind == PlaceKind::kCountry || kind == PlaceKind::kDemonym) f |= kFlagCountryish;
          } else {
            key = key.substr(0, space);
          }
          FlagEntry& e = flag_tables->map[std::string(key)];
          (exact ? e.exact : e.lower) |= f;
        },
        t);
    // Title-case forms carry the lower-case classes too ("Meeting" ->
    // "meeting"), so a title-case token needs one lookup: if "Xyz" is not a
    // key, "xyz" is not one either.
    std::vector<std::pair<std::string, uint32_t>> variants;
    for (const auto& [key, entry] : t->map) {
      if (entry.lower == 0 || key.empty() || !absl::ascii_islower(static_cast<unsigned char>(key[0]))) {
        continue;
      }
      std::string title = key;
      title[0] = absl::ascii_toupper(static_cast<unsigned char>(title[0]));
      variants.emplace_back(std::move(title), entry.lower);
    }
    for (auto& [key, flags] : variants) t->map[key].lower |= flags;
    return t;
  }();
  return *tables;
}

FlagEntry Lookup(const FlagTables& tables, std::string_view w) {
  auto it = tables.map.find(AV(w));
  return it == tables.map.end() ? FlagEntry{} : it->second;
}

// Flags looked up on the bare word; those keyed on the written text
// (particles, place heads, speech verbs, weekdays) come from the text.
constexpr uint32_t kTextKeyed = kFlagParticle | kFlagPlaceHead | kFlagSpeechVerb | kFlagWeekday;
constexpr uint32_t kPlaceBits = kFlagPlace | kFlagCountryish | kFlagPlaceStart;

}  // namespace

uint32_t ComputeWordFlags(const Token& token) {
  if (!token.IsWord()) return 0;
  const FlagTables& tables = Flags();
  std::string_view text = token.text;
  std::string_view bare = token.Bare();
  char buf[64];
  FlagEntry e = Lookup(tables, bare);
  uint32_t f = e.exact;
  bool has_upper = token.upper_inside || static_cast<unsigned>(text[0] - 'A') < 26;
  if (!token.upper_inside) {
    f |= e.lower;  // lower-case or title-case: the one entry has it all
  } else {
    f |= Lookup(tables, LowerInto(bare, buf)).lower;
  }
  if (bare.size() != text.size()) {
    // Text-keyed classes and place names as written ("U.S.", "Mr.").
    FlagEntry g = Lookup(tables, text);
    uint32_t gl = has_upper ? Lookup(tables, LowerInto(text, buf)).lower : g.lower;
    f = (f & ~kTextKeyed) | (g.exact & (kTextKeyed | kFlagHonorific | kPlaceBits)) |
        (gl & kPlaceBits);
  }
  // "Secretary-General", "President-elect", "Vice-Chairman": a compound that
  // starts with a title head, or with a title modifier and ends with one, is
  // a title head ("Al-Sheikh" is a name).
  if (!(f & kFlagTitleHead) && token.cap) {
    size_t first_dash = bare.find('-');
    if (first_dash != std::string_view::npos) {
      std::string_view first = bare.substr(0, first_dash);
      std::string_view last = bare.substr(bare.rfind('-') + 1);
      if (IsTitleHead(first) || (IsTitleModifier(first) && IsTitleHead(last))) f |= kFlagTitleHead;
    }
  }
  if (!(f & kFlagHeadWord) && token.cap) {  // organisation heads are capitalised
    size_t dash = bare.find('-');
    if (dash != std::string_view::npos && IsOrgHead(bare.substr(0, dash))) f |= kFlagHeadWord;
  }
  if (!token.cap && !token.all_caps) f &= ~kPlaceBits;
  return f;
}

int WeekdayFromName(std::string_view word) {
  static constexpr std::string_view kDays[] = {"Monday", "Tuesday", "Wednesday",
                                               "Thursday", "Friday", "Saturday",
                                               "Sunday"};
  for (int i = 0; i < 7; ++i) {
    if (word == kDays[i]) return i + 1;
  }
  return 0;
}

}  // namespace parley::extract_internal
