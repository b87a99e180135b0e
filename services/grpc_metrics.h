// A gRPC server interceptor that counts every RPC and times it, by method
// and status code, into Metrics.
#ifndef PARLEY_SERVICES_GRPC_METRICS_H_
#define PARLEY_SERVICES_GRPC_METRICS_H_

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "grpcpp/support/server_interceptor.h"
#include "services/metrics.h"

namespace parley::service {

// "/package.Service/Method" for every method of the named services in the
// generated descriptor pool (services not linked in are skipped).
std::set<std::string> MethodsOfServices(const std::vector<std::string>& services);

// Methods outside `known_methods` are recorded as "other", so a client
// calling made-up methods cannot grow the label set without bound.
std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
MakeMetricsInterceptorFactory(Metrics& metrics, std::set<std::string> known_methods);

}  // namespace parley::service

#endif  // PARLEY_SERVICES_GRPC_METRICS_H_
