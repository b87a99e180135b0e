#include "services/grpc_service.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/cancellation.h"
#include "services/refused_stream.h"

namespace parley::service {
namespace {

// CANCELLED or DEADLINE_EXCEEDED once the call is over, else OK.
absl::Status CallOver(const grpc::ServerContext& context) {
  if (!context.IsCancelled()) return absl::OkStatus();
  if (context.deadline() <= std::chrono::system_clock::now()) {
    return absl::DeadlineExceededError("the deadline passed during the query");
  }
  return absl::CancelledError("the caller cancelled the request");
}

// Runs a query and moves its result into the response. The call's deadline
// and cancellation are checked before the query and throughout its store
// scans (common/cancellation.h).
template <typename Response, typename Query>
grpc::Status Answer(grpc::ServerContext* context, Response* response, Query query) {
  if (absl::Status over = CallOver(*context); !over.ok()) return ToGrpcStatus(over);
  ScopedCancellation cancellation([context] { return CallOver(*context); });
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

grpc::ServerWriteReactor<v1::WatchEventsResponse>* RefuseWatch(const grpc::Status& status) {
  return new RefusedStream<v1::WatchEventsResponse>(status);
}

grpc::ServerWriteReactor<v1::WatchEventsResponse>* ParleyService::WatchEvents(
    grpc::CallbackServerContext*, const v1::WatchEventsRequest* request) {
  if (feed_ == nullptr) {
    return RefuseWatch(grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "watching is not enabled"));
  }
  absl::StatusOr<EventMatcher> matcher = queries_.WatchMatcher(*request);
  if (!matcher.ok()) return RefuseWatch(ToGrpcStatus(matcher.status()));
  absl::StatusOr<uint64_t> after = feed_->StartAfter(request->after());
  if (!after.ok()) return RefuseWatch(ToGrpcStatus(after.status()));
  return feed_->Watch(*std::move(matcher), *after);
}

}  // namespace parley::service
