// The parley.v1.Parley gRPC service: a thin adapter from gRPC to Queries.
#ifndef PARLEY_SERVICES_GRPC_SERVICE_H_
#define PARLEY_SERVICES_GRPC_SERVICE_H_

#include "absl/status/status.h"
#include "grpcpp/grpcpp.h"
#include "parley/v1/parley_service.grpc.pb.h"
#include "services/queries.h"

namespace parley::service {

// absl and gRPC status codes share their numbering.
grpc::Status ToGrpcStatus(const absl::Status& status);

class ParleyService final : public v1::Parley::Service {
 public:
  explicit ParleyService(Queries& queries) : queries_(queries) {}

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

 private:
  Queries& queries_;
};

}  // namespace parley::service

#endif  // PARLEY_SERVICES_GRPC_SERVICE_H_
