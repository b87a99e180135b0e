// ExtractEvent: runs the rule families over one tokenised document and
// assembles the Event with code-point spans.
#include "extract/extractor.h"

#include <algorithm>
#include <cstdint>
#include <limits>
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
#include "extract/participation.h"
#include "extract/people.h"
#include "extract/places.h"
#include "extract/quotes.h"
#include "extract/tokens.h"
#include "extract/topics.h"

namespace parley {
namespace {

using namespace extract_internal;  // NOLINT: internal rule families

void SetSpan(const CodePointIndex& cp, size_t begin, size_t end, v1::TextSpan* span) {
  span->set_begin(cp(begin));
  span->set_end(cp(end));
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
    if (m.reporting || !m.explicit_day || m.unresolved) continue;
    CivilDay last = m.last ? *m.last : m.first;
    if (last < lo - 1 || m.first > hi + 1) out.insert(m.sentence);
  }
  return out;
}

absl::Status CheckArticle(const NormalizedArticle& article) {
  // Tokens keep 32-bit offsets (extract/tokens.h).
  if (article.text.size() > std::numeric_limits<uint32_t>::max()) {
    return absl::InvalidArgumentError("article " + article.id + ": text longer than 4 GiB");
  }
  if (!IsValidUtf8(article.text)) {
    return absl::InvalidArgumentError("article " + article.id + ": text is not valid UTF-8");
  }
  for (const Paragraph& p : article.paragraphs) {
    if (p.begin > p.end || p.end > article.text.size()) {
      return absl::InvalidArgumentError("article " + article.id +
                                        ": paragraph range outside the text");
    }
  }
  return absl::OkStatus();
}

EventDates SetDates(const Document& doc, const std::vector<DateMention>& dates,
                    std::optional<CivilDay> published, const CodePointIndex& text,
                    v1::Event* event) {
  EventDates when = ChooseEventDates(doc, dates, published);
  event->set_start_date(when.start);
  event->set_end_date(when.end);
  if (!when.start.empty()) {
    SetSpan(text, when.start_begin, when.start_end, event->mutable_start_date_span());
  }
  if (!when.end.empty()) SetSpan(text, when.end_begin, when.end_end, event->mutable_end_date_span());
  return when;
}

void AddPeople(const std::vector<Person>& people, const CodePointIndex& text, v1::Event* event) {
  for (const Person& p : people) {
    if (!p.participant) {
      event->add_mentioned_people(p.name);
      continue;
    }
    v1::EventParticipant* out = event->add_participants();
    out->set_name(p.name);
    out->set_rank(p.rank);
    out->set_role(p.role);
    out->set_organization(p.organization);
    for (const NameMention& m : p.mentions) SetSpan(text, m.begin, m.end, out->add_mentions());
  }
}

void AddQuotes(const std::vector<FoundQuote>& quotes, const CodePointIndex& text,
               v1::Event* event) {
  for (const FoundQuote& q : quotes) {
    v1::Quote* out = event->add_quotes();
    out->set_speaker(q.speaker);
    out->set_text(q.text);
    SetSpan(text, q.begin, q.end, out->mutable_span());
    SetSpan(text, q.speaker_begin, q.speaker_end, out->mutable_speaker_span());
  }
}

// Adds the organisations taking part; returns their names.
std::vector<std::string> AddOrganizations(const std::vector<TakingPartOrg>& orgs,
                                          const CodePointIndex& text, v1::Event* event) {
  std::vector<std::string> names;
  for (const TakingPartOrg& o : orgs) {
    v1::Organization* out = event->add_organizations();
    out->set_name(o.name);
    out->set_acronym(o.acronym);
    if (o.mention != nullptr) SetSpan(text, o.mention->begin, o.mention->end, out->mutable_span());
    names.push_back(o.name);
  }
  return names;
}

void AddPlacesAndTopics(const Document& doc, const PeopleResult& people,
                        const std::vector<std::string>& org_names,
                        const absl::flat_hash_set<int>& other_time, const CodePointIndex& text,
                        v1::Event* event) {
  for (const FoundPlace& p : FindEventLocations(doc, other_time)) {
    v1::Location* out = event->add_locations();
    out->set_name(p.name);
    out->set_country_code(p.country_code);
    SetSpan(text, p.begin, p.end, out->mutable_span());
  }
  for (const FoundCountry& c : FindCountries(doc, people, org_names, other_time)) {
    v1::Country* out = event->add_countries();
    out->set_code(c.code);
    out->set_name(CountryName(c.code));
    if (c.end > c.begin) SetSpan(text, c.begin, c.end, out->mutable_span());
  }
  for (const FoundTopic& t : FindTopics(doc)) {
    v1::Topic* out = event->add_topics();
    out->set_name(t.name);
    SetSpan(text, t.begin, t.end, out->mutable_span());
  }
}

}  // namespace

absl::StatusOr<v1::Event> ExtractEvent(const NormalizedArticle& article,
                                       const ExtractOptions& options) {
  v1::Event event;
  event.set_title(article.title);
  event.set_published_date(article.published);
  event.set_extractor_version(kExtractorVersion);
  if (absl::Status status = CheckArticle(article); !status.ok()) return status;
  CodePointIndex text(article.text);
  // Reused by this thread's next article: the token and sentence arrays are
  // two large allocations per article otherwise, whose frees make malloc
  // consolidate its free lists. Nothing of it outlives this call.
  thread_local Document doc;
  BuildDocumentInto(article, &doc);
  std::optional<CivilDay> published = ParseIsoDate(article.published);

  TypeDecision type = ClassifyEvent(doc);
  event.set_type(type.type);
  if (type.end > type.begin) SetSpan(text, type.begin, type.end, event.mutable_type_span());

  std::vector<DateMention> dates = FindDates(doc, published);
  EventDates when = SetDates(doc, dates, published, text, &event);
  absl::flat_hash_set<int> other_time = OtherTimeSentences(doc, dates, when);

  PeopleResult people = FindPeople(doc);
  std::vector<FoundQuote> quotes = FindQuotes(doc, people.people, people.orgs);
  DecideParticipants(doc, other_time, quotes, &people.people);
  AddPeople(people.people, text, &event);
  AddQuotes(quotes, text, &event);
  std::vector<std::string> org_names =
      AddOrganizations(ChooseTakingPartOrgs(doc, people, other_time), text, &event);
  AddPlacesAndTopics(doc, people, org_names, other_time, text, &event);
  return event;
}

}  // namespace parley
