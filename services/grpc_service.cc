#include "services/grpc_service.h"

namespace parley::service {
namespace {

// Runs a query and moves its result into the response, honouring a deadline
// that passed before the query could start.
template <typename Response, typename Query>
grpc::Status Answer(grpc::ServerContext* context, Response* response, Query query) {
  if (context->IsCancelled()) {
    return grpc::Status(grpc::StatusCode::CANCELLED, "request cancelled or deadline passed");
  }
  absl::StatusOr<Response> result = query();
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = *std::move(result);
  return grpc::Status::OK;
}

}  // namespace

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()),
                      std::string(status.message()));
}

grpc::Status ParleyService::GetEvent(grpc::ServerContext* context,
                                     const v1::GetEventRequest* request,
                                     v1::Event* response) {
  return Answer(context, response, [&] { return queries_.GetEvent(*request); });
}

grpc::Status ParleyService::ListEvents(grpc::ServerContext* context,
                                       const v1::ListEventsRequest* request,
                                       v1::ListEventsResponse* response) {
  return Answer(context, response, [&] { return queries_.ListEvents(*request); });
}

grpc::Status ParleyService::GetParticipant(grpc::ServerContext* context,
                                           const v1::GetParticipantRequest* request,
                                           v1::Participant* response) {
  return Answer(context, response, [&] { return queries_.GetParticipant(*request); });
}

grpc::Status ParleyService::SearchParticipants(grpc::ServerContext* context,
                                               const v1::SearchParticipantsRequest* request,
                                               v1::SearchParticipantsResponse* response) {
  return Answer(context, response, [&] { return queries_.SearchParticipants(*request); });
}

grpc::Status ParleyService::ListQuotes(grpc::ServerContext* context,
                                       const v1::ListQuotesRequest* request,
                                       v1::ListQuotesResponse* response) {
  return Answer(context, response, [&] { return queries_.ListQuotes(*request); });
}

grpc::Status ParleyService::GetArticle(grpc::ServerContext* context,
                                       const v1::GetArticleRequest* request,
                                       v1::Article* response) {
  return Answer(context, response, [&] { return queries_.GetArticle(*request); });
}

grpc::Status ParleyService::ListConnections(grpc::ServerContext* context,
                                            const v1::ListConnectionsRequest* request,
                                            v1::ListConnectionsResponse* response) {
  return Answer(context, response, [&] { return queries_.ListConnections(*request); });
}

}  // namespace parley::service
