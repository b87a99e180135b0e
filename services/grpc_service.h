// The parley.v1.Parley gRPC service: a thin adapter from gRPC to Queries.
#ifndef PARLEY_SERVICES_GRPC_SERVICE_H_
#define PARLEY_SERVICES_GRPC_SERVICE_H_

#include "absl/status/status.h"
#include "grpcpp/grpcpp.h"
#include "parley/v1/parley_service.grpc.pb.h"
#include "services/queries.h"
#include "services/watch.h"

namespace parley::service {

// absl and gRPC status codes share their numbering.
grpc::Status ToGrpcStatus(const absl::Status& status);

// The unary RPCs are synchronous; WatchEvents uses the callback API, so
// that a stream holds no thread while it waits (services/watch.h).
using ParleyServiceBase = v1::Parley::WithCallbackMethod_WatchEvents<v1::Parley::Service>;

class ParleyService final : public ParleyServiceBase {
 public:
  // Without a feed, WatchEvents answers UNIMPLEMENTED.
  explicit ParleyService(Queries& queries, ChangeFeed* feed = nullptr)
      : queries_(queries), feed_(feed) {}

  grpc::Status GetEvent(grpc::ServerContext*, const v1::GetEventRequest*,
                        v1::Event*) override;
  grpc::Status ListEvents(grpc::ServerContext*, const v1::ListEventsRequest*,
                          v1::ListEventsResponse*) override;
  grpc::Status GetParticipant(grpc::ServerContext*, const v1::GetParticipantRequest*,
                              v1::Participant*) override;
  grpc::Status SearchParticipants(grpc::ServerContext*, const v1::SearchParticipantsRequest*,
                                  v1::SearchParticipantsResponse*) override;
  grpc::Status ListQuotes(grpc::ServerContext*, const v1::ListQuotesRequest*,
                          v1::ListQuotesResponse*) override;
  grpc::Status GetArticle(grpc::ServerContext*, const v1::GetArticleRequest*,
                          v1::Article*) override;
  grpc::Status ListConnections(grpc::ServerContext*, const v1::ListConnectionsRequest*,
                               v1::ListConnectionsResponse*) override;
  grpc::ServerWriteReactor<v1::WatchEventsResponse>* WatchEvents(
      grpc::CallbackServerContext*, const v1::WatchEventsRequest*) override;

 private:
  Queries& queries_;
  ChangeFeed* feed_;
};

// A stream that ends at once with `status`.
grpc::ServerWriteReactor<v1::WatchEventsResponse>* RefuseWatch(const grpc::Status& status);

}  // namespace parley::service

#endif  // PARLEY_SERVICES_GRPC_SERVICE_H_
