// A server stream that ends at once with a status: a refused request
// (bad filters, a bad token, a server shutting down) on a callback-API
// streaming method.
#ifndef PARLEY_SERVICES_REFUSED_STREAM_H_
#define PARLEY_SERVICES_REFUSED_STREAM_H_

#include "grpcpp/grpcpp.h"

namespace parley::service {

template <typename Response>
class RefusedStream : public grpc::ServerWriteReactor<Response> {
 public:
  explicit RefusedStream(const grpc::Status& status) { this->Finish(status); }
  void OnDone() override { delete this; }
};

}  // namespace parley::service

#endif  // PARLEY_SERVICES_REFUSED_STREAM_H_
