// A small HTTP server (civetweb, which prometheus-cpp already brings) for
// the metrics port: fixed paths, each answered by a function. Nothing else
// is served (no files, no directory listings).
#ifndef PARLEY_SERVICES_HTTP_ENDPOINT_H_
#define PARLEY_SERVICES_HTTP_ENDPOINT_H_

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "absl/status/statusor.h"

struct mg_context;

namespace parley::service {

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
};

// Called on civetweb's worker threads, so it must be thread-safe.
using HttpHandler = std::function<HttpResponse()>;

// "host:port" as parleyd's flags write it, in civetweb's listening_ports
// syntax ("0.0.0.0:9464", "[::]:9464", ":9464" -> "9464").
std::string CivetListeningPort(const std::string& address);

class HttpEndpoint {
 public:
  // Listens on `address` and serves each path of `handlers` (exactly that
  // path; others get 404). UNAVAILABLE when the address cannot be bound.
  static absl::StatusOr<std::unique_ptr<HttpEndpoint>> Start(
      const std::string& address, std::map<std::string, HttpHandler> handlers);
  ~HttpEndpoint();
  HttpEndpoint(const HttpEndpoint&) = delete;
  HttpEndpoint& operator=(const HttpEndpoint&) = delete;

  // The bound port (useful with port 0).
  int port() const;

 private:
  explicit HttpEndpoint(std::map<std::string, HttpHandler> handlers)
      : handlers_(std::move(handlers)) {}
  std::map<std::string, HttpHandler> handlers_;
  mg_context* context_ = nullptr;
};

}  // namespace parley::service

#endif  // PARLEY_SERVICES_HTTP_ENDPOINT_H_
