#include "services/text_format.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/match.h"

namespace parley::service {
namespace {

template <typename Items, typename Name>
std::string JoinNames(const Items& items, Name name) {
  std::vector<std::string> names;
  for (const auto& item : items) names.push_back(name(item));
  return absl::StrJoin(names, ", ");
}

std::string PersonLine(const std::string& rank, const std::string& name,
                       const std::string& role, const std::string& organization) {
  std::string line = rank.empty() ? name : name.empty() ? rank : absl::StrCat(rank, " ", name);
  std::vector<std::string> details;
  if (!role.empty()) details.push_back(role);
  if (!organization.empty()) details.push_back(organization);
  if (!details.empty()) {
    absl::StrAppend(&line, line.empty() ? "" : " — ", absl::StrJoin(details, ", "));
  }
  return line;
}

std::string DateRange(const v1::Event& event) {
  if (event.start_date().empty()) {
    return event.published_date().empty() ? "undated"
                                          : absl::StrCat("published ", event.published_date());
  }
  if (event.end_date().empty() || event.end_date() == event.start_date()) {
    return event.start_date();
  }
  return absl::StrCat(event.start_date(), " to ", event.end_date());
}

std::string NextPage(const std::string& token) {
  return token.empty() ? "" : absl::StrCat("(more: --page-token ", token, ")\n");
}

}  // namespace

std::string FormatEvent(const v1::Event& event) {
  std::string out = absl::StrCat(event.name(), "  ",
                                 absl::AsciiStrToLower(v1::EventType_Name(event.type())),
                                 "  ", DateRange(event), "\n");
  if (!event.title().empty()) absl::StrAppend(&out, "  ", event.title(), "\n");
  if (event.locations_size() > 0) {
    absl::StrAppend(&out, "  Locations: ",
                    JoinNames(event.locations(), [](const auto& l) { return l.name(); }), "\n");
  }
  if (event.participants_size() > 0) absl::StrAppend(&out, "  Participants:\n");
  for (const v1::EventParticipant& p : event.participants()) {
    absl::StrAppend(&out, "    ", PersonLine(p.rank(), p.name(), p.role(), p.organization()),
                    "  [", p.participant(), "]\n");
  }
  if (event.organizations_size() > 0) {
    absl::StrAppend(&out, "  Organizations: ",
                    JoinNames(event.organizations(), [](const auto& o) { return o.name(); }),
                    "\n");
  }
  if (event.countries_size() > 0) {
    absl::StrAppend(&out, "  Countries: ",
                    JoinNames(event.countries(), [](const auto& c) { return c.code(); }), "\n");
  }
  for (const v1::Quote& quote : event.quotes()) {
    absl::StrAppend(&out, "  Quote (", quote.speaker(), "): \u201C", quote.text(), "\u201D\n");
  }
  if (event.topics_size() > 0) {
    absl::StrAppend(&out, "  Topics: ",
                    JoinNames(event.topics(), [](const auto& t) { return t.name(); }), "\n");
  }
  return out;
}

std::string FormatEventList(const v1::ListEventsResponse& response) {
  if (response.events_size() == 0) return "no events\n";
  std::string out;
  for (const v1::Event& event : response.events()) absl::StrAppend(&out, FormatEvent(event), "\n");
  return out + NextPage(response.next_page_token());
}

std::string FormatParticipant(const v1::Participant& participant) {
  std::string out = absl::StrCat(
      participant.name(), "  ",
      PersonLine(participant.rank(), participant.display_name(), participant.role(),
                 participant.organization()),
      "\n  ", participant.event_count(), " event(s)",
      participant.first_event_date().empty()
          ? ""
          : absl::StrCat(", ", participant.first_event_date(), " to ",
                         participant.last_event_date()),
      "; also written as: ", absl::StrJoin(participant.aliases(), "; "), "\n");
  if (participant.history_size() > 0) absl::StrAppend(&out, "  History:\n");
  for (const v1::ParticipantHistoryEntry& entry : participant.history()) {
    std::string dates = entry.first_date() == entry.last_date()
                            ? entry.first_date()
                            : absl::StrCat(entry.first_date(), " to ", entry.last_date());
    absl::StrAppend(&out, "    ", dates.empty() ? "undated" : dates, "  ",
                    PersonLine(entry.rank(), "", entry.role(), entry.organization()), "  (",
                    entry.event_count(), ")\n");
  }
  if (participant.appearances_size() > 0) absl::StrAppend(&out, "  Appearances:\n");
  for (const v1::ParticipantAppearance& appearance : participant.appearances()) {
    absl::StrAppend(&out, "    ", appearance.date().empty() ? "undated" : appearance.date(),
                    "  ", appearance.event(), "  ",
                    PersonLine(appearance.rank(), appearance.name(), appearance.role(),
                               appearance.organization()),
                    "\n");
  }
  return out;
}

std::string FormatConnections(const v1::Participant& center,
                              const v1::ListConnectionsResponse& response) {
  std::string out = absl::StrCat(response.participant(), "  ", center.display_name(), ": ",
                                 response.events(), " real-world event(s)\n");
  if (response.connections_size() == 0) absl::StrAppend(&out, "  no connections\n");
  for (const v1::Connection& c : response.connections()) {
    absl::StrAppend(&out, "  ", c.shared_events(), "  ", c.display_name(), "  (", c.participant(),
                    ")  ", c.first_date(), c.first_date() == c.last_date() ? "" : " to ",
                    c.first_date() == c.last_date() ? "" : c.last_date(), "\n");
  }
  return out + NextPage(response.next_page_token());
}

std::string FormatSearch(const v1::SearchParticipantsResponse& response) {
  if (response.participants_size() == 0) return "no participants\n";
  std::string out;
  for (const v1::Participant& p : response.participants()) {
    absl::StrAppend(&out, p.name(), "  ",
                    PersonLine(p.rank(), p.display_name(), p.role(), p.organization()), "  (",
                    p.event_count(), " event(s))\n");
  }
  return out + NextPage(response.next_page_token());
}

std::string FormatQuotes(const v1::ListQuotesResponse& response) {
  if (response.quotes_size() == 0) return "no quotes\n";
  std::string out;
  for (const v1::QuoteResult& result : response.quotes()) {
    absl::StrAppend(&out, result.date(), "  ", result.event(), "  ", result.quote().speaker(),
                    ":\n  \u201C", result.quote().text(), "\u201D\n");
  }
  return out + NextPage(response.next_page_token());
}

std::string FormatArticle(const v1::Article& article) {
  std::string out = absl::StrCat(article.name(), "  (", article.input_format(), ", published ",
                                 article.published().empty() ? "unknown" : article.published(),
                                 ")  event: ", article.event(), "\n\n", article.text(),
                                 "\n\nFacts (code-point spans in the text above):\n");
  for (const v1::FactSource& fact : article.facts()) {
    absl::StrAppend(&out, "  [", fact.span().begin(), ", ", fact.span().end(), ")  ",
                    fact.field(), " = ", fact.value(), "\n");
  }
  return out;
}

std::string FormatChange(const v1::WatchEventsResponse& change) {
  std::string type = v1::WatchEventsResponse::ChangeType_Name(change.change_type());
  constexpr absl::string_view kPrefix = "CHANGE_TYPE_";
  if (absl::StartsWith(type, kPrefix)) type = type.substr(kPrefix.size());
  const v1::Event& event = change.event();
  std::string date = event.start_date().empty() ? event.published_date() : event.start_date();
  return absl::StrCat(absl::StrFormat("%-8s %-10s ", type, date), event.name(), "  ",
                      event.title(), "\n         after=", change.cursor(), "\n");
}

}  // namespace parley::service
