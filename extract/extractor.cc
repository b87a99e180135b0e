// ExtractEvent: runs the rule families over one tokenised document and
// assembles the Event with code-point spans.
#include "extract/extractor.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "common/text.h"
#include "extract/calendar.h"
#include "extract/classify.h"
#include "extract/dates.h"
#include "extract/gazetteer.h"
#include "extract/lexicon.h"
#include "extract/people.h"
#include "extract/places.h"
#include "extract/quotes.h"
#include "extract/tokens.h"

namespace parley {
namespace {

using namespace extract_internal;  // NOLINT: internal rule families

void SetSpan(const CodePointIndex& cp, size_t begin, size_t end, v1::TextSpan* span) {
  span->set_begin(cp(begin));
  span->set_end(cp(end));
}

bool Contains(const std::string& a, const std::string& b) {
  std::string x = Lower(a), y = Lower(b);
  return x.find(y) != std::string::npos || y.find(x) != std::string::npos;
}

// Sentences that report another time: "Last week, …", or an explicit date
// outside the event's dates.
absl::flat_hash_set<int> OtherTimeSentences(const Document& doc,
                                            const std::vector<DateMention>& dates,
                                            const EventDates& event) {
  absl::flat_hash_set<int> out;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    if (doc.sentences[si].time_shifted) out.insert(static_cast<int>(si));
  }
  std::optional<CivilDay> start = ParseIsoDate(event.start), end = ParseIsoDate(event.end);
  if (!start && !end) return out;
  CivilDay lo = start ? *start : *end, hi = end ? *end : *start;
  for (const DateMention& m : dates) {
    if (m.reporting || !m.explicit_day) continue;
    CivilDay last = m.last ? *m.last : m.first;
    if (last < lo - 1 || m.first > hi + 1) out.insert(m.sentence);
  }
  return out;
}

// A military unit or ship named in the lead sentence takes part as such
// ("Ships and aircraft from the USS Ronald Reagan … Carrier Strike Group");
// a reporting body ("the White House said") does not.
bool IsTakingPartOrg(const Document& doc, const OrgMention& o) {
  if (o.last_token - o.first_token < 2) return false;
  if (o.last_token < static_cast<int>(doc.tokens.size()) &&
      IsSpeechVerb(doc.tokens[o.last_token].text)) {
    return false;
  }
  static constexpr std::string_view kUnits[] = {
      "Army", "Navy", "Force", "Forces", "Fleet", "Group", "Division", "Command",
      "Corps", "Guard", "Brigade", "Battalion", "Regiment", "Squadron", "Wing",
      "Marines", "Contingent", "Unit", "Team", "Rifles", "Infantry", "Artillery", "Cavalry",
      "Rangers", "Guards"};
  for (int i = o.first_token; i < o.last_token; ++i) {
    std::string_view w = doc.tokens[i].Bare();
    size_t dash = w.find('-');
    if (dash != std::string_view::npos) w = w.substr(0, dash);
    for (std::string_view u : kUnits) {
      if (w == u) return true;
    }
  }
  std::string_view first = doc.tokens[o.first_token].text;
  return first == "USS" || first == "INS" || first == "HMS" || first == "JS" || first == "HMAS";
}

// An organisation met, hosted or joined in one of the first body sentences:
// "Eric Edelman met with members of the 6th Squadron, …".
bool IsMetOrg(const Document& doc, const OrgMention& o, int first_body) {
  if (first_body < 0 || o.sentence < first_body || o.sentence > first_body + 2) return false;
  const Sentence& s = doc.sentences[o.sentence];
  if (s.time_shifted) return false;
  for (int k = s.first_token; k < o.first_token; ++k) {
    const Token& x = doc.tokens[k];
    if (x.in_quote) continue;
    if (x.Is("met") || x.Is("meets") || x.Is("hosted") || x.Is("welcomed") ||
        x.Is("received") || x.Is("joined") || x.Is("accompanied") || x.Is("lunch") ||
        x.Is("dinner") || x.Is("dined")) {
      return true;
    }
  }
  return false;
}

bool IsSeniorRank(const std::string& rank) {
  static constexpr std::string_view kSenior[] = {
      "General", "Lieutenant General", "Major General", "Brigadier General", "Brigadier",
      "Admiral", "Vice Admiral", "Rear Admiral", "Commodore", "Field Marshal", "Marshal",
      "Air Chief Marshal", "Air Marshal", "Air Vice Marshal", "Air Commodore",
      "Teniente General", "General de Brigada", "General de División", "Contraalmirante",
      "Vicealmirante", "Almirante", "Général", "Generalleutnant", "Generalmajor"};
  for (std::string_view s : kSenior) {
    if (rank == s) return true;
  }
  return false;
}

}  // namespace

absl::StatusOr<v1::Event> ExtractEvent(const NormalizedArticle& article,
                                       const ExtractOptions& options) {
  v1::Event event;
  event.set_title(article.title);
  event.set_published_date(article.published);
  event.set_extractor_version(kExtractorVersion);
  if (!IsValidUtf8(article.text)) {
    return absl::InvalidArgumentError("article " + article.id + ": text is not valid UTF-8");
  }
  for (const Paragraph& p : article.paragraphs) {
    if (p.begin > p.end || p.end > article.text.size()) {
      return absl::InvalidArgumentError("article " + article.id +
                                        ": paragraph range outside the text");
    }
  }
  CodePointIndex text(article.text);
  Document doc = BuildDocument(article);
  std::optional<CivilDay> published = ParseIsoDate(article.published);

  // Type.
  TypeDecision type = ClassifyEvent(doc);
  event.set_type(type.type);
  if (type.end > type.begin) SetSpan(text, type.begin, type.end, event.mutable_type_span());

  // Dates.
  std::vector<DateMention> dates = FindDates(doc, published);
  EventDates when = ChooseEventDates(doc, dates, published);
  event.set_start_date(when.start);
  event.set_end_date(when.end);
  if (!when.start.empty()) {
    SetSpan(text, when.start_begin, when.start_end, event.mutable_start_date_span());
  }
  if (!when.end.empty()) SetSpan(text, when.end_begin, when.end_end, event.mutable_end_date_span());
  absl::flat_hash_set<int> other_time = OtherTimeSentences(doc, dates, when);

  // People and quotes.
  PeopleResult people = FindPeople(doc);
  for (Person& p : people.people) {
    bool active = false;
    for (const NameMention& m : p.mentions) {
      active |= m.active && !other_time.contains(m.sentence);
    }
    p.participant = active && !p.byline && p.name_tokens.size() >= 2;
  }
  std::vector<FoundQuote> quotes = FindQuotes(doc, people.people, people.orgs);
  for (const FoundQuote& q : quotes) {
    if (q.person < 0) continue;
    Person& p = people.people[q.person];
    if (q.verb == "tweeted" || q.verb == "posted" || q.verb == "wrote" || q.verb == "tweets") continue;
    bool only_other_time = !p.mentions.empty() &&
                           std::all_of(p.mentions.begin(), p.mentions.end(), [&](const NameMention& m) {
                             return other_time.contains(m.sentence);
                           });
    if (!p.byline && p.name_tokens.size() >= 2 && !only_other_time) p.participant = true;
  }
  for (const Person& p : people.people) {
    if (!p.participant) {
      event.add_mentioned_people(p.name);
      continue;
    }
    v1::EventParticipant* out = event.add_participants();
    out->set_name(p.name);
    out->set_rank(p.rank);
    out->set_role(p.role);
    out->set_organization(p.organization);
    for (const NameMention& m : p.mentions) SetSpan(text, m.begin, m.end, out->add_mentions());
  }
  for (const FoundQuote& q : quotes) {
    v1::Quote* out = event.add_quotes();
    out->set_speaker(q.speaker);
    out->set_text(q.text);
    SetSpan(text, q.begin, q.end, out->mutable_span());
    SetSpan(text, q.speaker_begin, q.speaker_end, out->mutable_speaker_span());
  }

  // Organisations taking part: the participants' own, and those named in the
  // headline or the lead sentence.
  std::vector<const OrgMention*> chosen;
  auto choose = [&](const OrgMention& o) {
    for (const OrgMention*& c : chosen) {
      if (Contains(c->name, o.name)) {
        if (o.name.size() > c->name.size()) c = &o;  // keep the fuller form
        return;
      }
    }
    chosen.push_back(&o);
  };
  // Affiliations of senior participants (general and flag officers, and
  // civilians) stand for their organisation taking part.
  absl::flat_hash_set<std::string> participant_orgs;
  for (const Person& p : people.people) {
    if (p.participant && !p.organization.empty() && (p.rank.empty() || IsSeniorRank(p.rank))) {
      participant_orgs.insert(p.organization);
    }
  }
  int first_body = -1;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    if (doc.sentences[si].kind == ParagraphKind::kBody && !doc.sentences[si].credit) {
      first_body = static_cast<int>(si);
      break;
    }
  }
  absl::flat_hash_set<int> participation;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    for (int i = s.first_token; i < s.last_token; ++i) {
      const Token& x = doc.tokens[i];
      if ((x.Is("participating") || x.Is("participated") || x.Is("participate")) &&
          !x.in_quote && !other_time.contains(static_cast<int>(si))) {
        participation.insert(static_cast<int>(si));
      }
    }
  }
  std::vector<std::string> org_names;
  for (const OrgMention& o : people.orgs) {
    if (doc.tokens[o.first_token].in_quote) continue;
    bool lead = (o.sentence == first_body || participation.contains(o.sentence) ||
                 IsMetOrg(doc, o, first_body)) &&
                IsTakingPartOrg(doc, o);
    bool affiliation = false;
    for (const std::string& po : participant_orgs) affiliation |= Lower(po) == Lower(o.name);
    if (!lead && !affiliation) continue;
    choose(o);
  }
  for (const std::string& po : participant_orgs) {
    bool have = false;
    for (const OrgMention* c : chosen) have |= Contains(c->name, po);
    if (!have) org_names.push_back(po);
  }
  for (const OrgMention* o : chosen) {
    v1::Organization* out = event.add_organizations();
    out->set_name(o->name);
    out->set_acronym(o->acronym);
    SetSpan(text, o->begin, o->end, out->mutable_span());
    org_names.push_back(o->name);
  }
  for (size_t k = 0; k < org_names.size(); ++k) {
    bool listed = false;
    for (const auto& o : event.organizations()) listed |= o.name() == org_names[k];
    if (!listed) event.add_organizations()->set_name(org_names[k]);
  }

  // Places and countries.
  for (const FoundPlace& p : FindEventLocations(doc, other_time)) {
    v1::Location* out = event.add_locations();
    out->set_name(p.name);
    out->set_country_code(p.country_code);
    SetSpan(text, p.begin, p.end, out->mutable_span());
  }
  for (const FoundCountry& c : FindCountries(doc, people, org_names, other_time)) {
    v1::Country* out = event.add_countries();
    out->set_code(c.code);
    out->set_name(CountryName(c.code));
    if (c.end > c.begin) SetSpan(text, c.begin, c.end, out->mutable_span());
  }

  // Topics.
  for (const FoundTopic& t : FindTopics(doc)) {
    v1::Topic* out = event.add_topics();
    out->set_name(t.name);
    SetSpan(text, t.begin, t.end, out->mutable_span());
  }
  return event;
}

}  // namespace parley
