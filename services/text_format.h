// Human-readable rendering of query results, for parleyctl and the demo.
// Pure.
#ifndef PARLEY_SERVICES_TEXT_FORMAT_H_
#define PARLEY_SERVICES_TEXT_FORMAT_H_

#include <string>

#include "parley/v1/parley_service.pb.h"

namespace parley::service {

std::string FormatEvent(const v1::Event& event);
std::string FormatEventList(const v1::ListEventsResponse& response);
std::string FormatParticipant(const v1::Participant& participant);
std::string FormatConnections(const v1::Participant& center,
                              const v1::ListConnectionsResponse& response);
std::string FormatSearch(const v1::SearchParticipantsResponse& response);
std::string FormatQuotes(const v1::ListQuotesResponse& response);
std::string FormatArticle(const v1::Article& article);
// One line for a watched change: type, date, event, title, cursor.
std::string FormatChange(const v1::WatchEventsResponse& change);

}  // namespace parley::service

#endif  // PARLEY_SERVICES_TEXT_FORMAT_H_
