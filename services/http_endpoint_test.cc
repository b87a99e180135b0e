#include "services/http_endpoint.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "absl/strings/str_cat.h"
#include "common/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley::service {
namespace {

using ::parley::testing::IsOk;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// The whole response to "GET path" on 127.0.0.1:port.
std::string Get(int port, const std::string& path) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
    close(fd);
    return "connect failed";
  }
  std::string request = absl::StrCat("GET ", path, " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  (void)!write(fd, request.data(), request.size());
  std::string response;
  char buffer[4096];
  ssize_t n;
  while ((n = read(fd, buffer, sizeof(buffer))) > 0) response.append(buffer, static_cast<size_t>(n));
  close(fd);
  return response;
}

TEST(CivetListeningPortTest, EmptyHostMeansEveryInterface) {
  EXPECT_EQ(CivetListeningPort(":9464"), "9464");
  EXPECT_EQ(CivetListeningPort("0.0.0.0:9464"), "0.0.0.0:9464");
  EXPECT_EQ(CivetListeningPort("[::]:9464"), "[::]:9464");
}

TEST(HttpEndpointTest, ServesExactlyTheGivenPaths) {
  std::map<std::string, HttpHandler> handlers;
  handlers["/readyz"] = [] { return HttpResponse{503, "text/plain", "not ready: lag\n"}; };
  handlers["/metrics"] = [] { return HttpResponse{200, "text/plain; version=0.0.4", "up 1\n"}; };
  auto endpoint = HttpEndpoint::Start("127.0.0.1:0", std::move(handlers));
  ASSERT_THAT(endpoint, IsOk());
  int port = (*endpoint)->port();
  ASSERT_GT(port, 0);

  std::string metrics = Get(port, "/metrics");
  EXPECT_THAT(metrics, StartsWith("HTTP/1.1 200 OK\r\n"));
  EXPECT_THAT(metrics, HasSubstr("Content-Type: text/plain; version=0.0.4\r\n"));
  EXPECT_THAT(metrics, HasSubstr("\r\n\r\nup 1\n"));
  EXPECT_THAT(Get(port, "/readyz"), StartsWith("HTTP/1.1 503 Service Unavailable\r\n"));
  EXPECT_THAT(Get(port, "/metrics/more"), StartsWith("HTTP/1.1 404"));
  EXPECT_THAT(Get(port, "/"), StartsWith("HTTP/1.1 404"));
}

TEST(HttpEndpointTest, AnAddressInUseIsUnavailable) {
  auto first = HttpEndpoint::Start("127.0.0.1:0", {});
  ASSERT_THAT(first, IsOk());
  auto second = HttpEndpoint::Start(absl::StrCat("127.0.0.1:", (*first)->port()), {});
  EXPECT_EQ(second.status().code(), absl::StatusCode::kUnavailable);
}

}  // namespace
}  // namespace parley::service
