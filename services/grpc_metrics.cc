#include "services/grpc_metrics.h"

#include "absl/time/clock.h"
#include "google/protobuf/descriptor.h"
#include "grpcpp/support/interceptor.h"

namespace parley::service {
namespace {

class MetricsInterceptor : public grpc::experimental::Interceptor {
 public:
  MetricsInterceptor(Metrics& metrics, std::string method)
      : metrics_(metrics), method_(std::move(method)), started_(absl::Now()) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            grpc::experimental::InterceptionHookPoints::PRE_SEND_STATUS)) {
      metrics_.ObserveRpc(method_, methods->GetSendStatus().error_code(),
                          absl::Now() - started_);
    }
    methods->Proceed();
  }

 private:
  Metrics& metrics_;
  std::string method_;
  absl::Time started_;
};

class MetricsInterceptorFactory : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  MetricsInterceptorFactory(Metrics& metrics, std::set<std::string> known_methods)
      : metrics_(metrics), known_methods_(std::move(known_methods)) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    std::string method = info->method() != nullptr ? info->method() : "";
    if (known_methods_.count(method) == 0) method = "other";
    return new MetricsInterceptor(metrics_, std::move(method));
  }

 private:
  Metrics& metrics_;
  const std::set<std::string> known_methods_;
};

}  // namespace

std::set<std::string> MethodsOfServices(const std::vector<std::string>& services) {
  std::set<std::string> methods;
  const google::protobuf::DescriptorPool* pool =
      google::protobuf::DescriptorPool::generated_pool();
  for (const std::string& name : services) {
    const google::protobuf::ServiceDescriptor* service = pool->FindServiceByName(name);
    if (service == nullptr) continue;
    for (int i = 0; i < service->method_count(); ++i) {
      methods.insert("/" + name + "/" + service->method(i)->name());
    }
  }
  return methods;
}

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
MakeMetricsInterceptorFactory(Metrics& metrics, std::set<std::string> known_methods) {
  return std::make_unique<MetricsInterceptorFactory>(metrics, std::move(known_methods));
}

}  // namespace parley::service
