#include "services/http_endpoint.h"

#include <mutex>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "civetweb.h"
#include "common/log.h"

namespace parley::service {
namespace {

absl::string_view ReasonPhrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 404: return "Not Found";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
  }
}

int Serve(mg_connection* connection, void* data) {
  const auto& handler = *static_cast<const HttpHandler*>(data);
  HttpResponse response = handler();
  std::string head = absl::StrCat("HTTP/1.1 ", response.status, " ", ReasonPhrase(response.status),
                                  "\r\nContent-Type: ", response.content_type,
                                  "\r\nContent-Length: ", response.body.size(),
                                  "\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n");
  mg_write(connection, head.data(), head.size());
  mg_write(connection, response.body.data(), response.body.size());
  return response.status;
}

int LogCivetMessage(const mg_connection*, const char* message) {
  LogWarning(absl::StrCat("metrics http: ", message));
  return 1;
}

}  // namespace

std::string CivetListeningPort(const std::string& address) {
  absl::string_view port_spec = address;
  if (absl::ConsumePrefix(&port_spec, ":")) return std::string(port_spec);
  return address;
}

absl::StatusOr<std::unique_ptr<HttpEndpoint>> HttpEndpoint::Start(
    const std::string& address, std::map<std::string, HttpHandler> handlers) {
  static std::once_flag initialised;
  std::call_once(initialised, [] { mg_init_library(0); });
  std::unique_ptr<HttpEndpoint> endpoint(new HttpEndpoint(std::move(handlers)));
  std::string ports = CivetListeningPort(address);
  const char* options[] = {"listening_ports", ports.c_str(), "num_threads", "2",
                           "request_timeout_ms", "10000", nullptr};
  mg_callbacks callbacks{};
  callbacks.log_message = LogCivetMessage;
  endpoint->context_ = mg_start(&callbacks, nullptr, options);
  if (endpoint->context_ == nullptr) {
    return absl::UnavailableError(absl::StrCat("cannot listen on ", address));
  }
  for (const auto& [path, handler] : endpoint->handlers_) {
    // "$" makes the pattern exact: "/metrics" would also match "/metrics/x".
    mg_set_request_handler(endpoint->context_, absl::StrCat(path, "$").c_str(), Serve,
                           const_cast<HttpHandler*>(&handler));
  }
  return endpoint;
}

HttpEndpoint::~HttpEndpoint() {
  if (context_ != nullptr) mg_stop(context_);
}

int HttpEndpoint::port() const {
  mg_server_port ports[4] = {};
  int count = mg_get_server_ports(context_, 4, ports);
  return count > 0 ? ports[0].port : 0;
}

}  // namespace parley::service
